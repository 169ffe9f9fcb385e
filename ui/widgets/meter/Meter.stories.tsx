import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { StatePanel } from '../../fake-studio/StatePanel';
import { studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { Button } from '../button/Button';
import { CONTROL_STATES } from '../control-state';
import { Meter, type MeterProps } from './Meter';
import { TrackMeter } from './TrackMeter';

const meta = {
  title: 'Controls/Meter',
  component: Meter,
  args: { label: 'Drums level', level: 0.6, state: 'ready', orientation: 'vertical', size: 'medium', clipAt: 1 },
  argTypes: {
    level: { control: 'object' },
    state: { control: 'select', options: CONTROL_STATES },
    orientation: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    clipAt: { control: { type: 'range', min: 0.5, max: 1, step: 0.01 } },
  },
} satisfies Meta<typeof Meter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Silent: Story = { args: { level: 0 } };

export const Signal: Story = {
  args: { level: [0.62, 0.58] },
  play: async ({ canvasElement }) => {
    const meter = within(canvasElement).getByRole('meter', { name: 'Drums level' });
    await expect(meter).toHaveAttribute('aria-valuenow', '0.62');
    await expect(meter).toHaveAttribute('aria-valuetext', '62 %');
  },
};

/** Into the yellow and red. */
export const Hot: Story = { args: { level: [0.93, 0.9] } };

/** Past the top: the clip light stays on until tapped. */
export const Clipping: Story = {
  args: { level: [1, 0.97] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const light = await canvas.findByRole('button', { name: 'Drums level clipped: reset' });
    await expect(light).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(light);
    await expect(canvas.getByRole('button', { name: 'Drums level clip light' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  },
};

export const Loading: Story = { args: { state: 'loading', level: 0 } };

export const Gone: Story = { args: { state: 'gone', level: 0.4 } };

export const Horizontal: Story = { args: { orientation: 'horizontal', level: [0.7, 0.66] } };

const pages: Array<{ title: string; props: Partial<MeterProps> }> = [
  { title: 'silent', props: { level: 0 } },
  { title: 'signal', props: { level: 0.55 } },
  { title: 'stereo', props: { level: [0.62, 0.5] } },
  { title: 'hot', props: { level: [0.93, 0.9] } },
  { title: 'clipping', props: { level: [1, 0.97] } },
  { title: 'loading', props: { state: 'loading', level: 0 } },
  { title: 'gone', props: { state: 'gone', level: 0.4 } },
  { title: 'small', props: { size: 'small', level: [0.5, 0.45] } },
  { title: 'large', props: { size: 'large', level: [0.8, 0.75] } },
  { title: 'horizontal', props: { orientation: 'horizontal', level: [0.7, 0.66] } },
];

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {pages.map(({ title, props }) => (
        <figure key={title}>
          <Meter {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

function StudioMeter() {
  const studio = useStudio();
  const track = useActorRef(studio.machines.track, { input: { track: studioTargets.track(0), kind: 'track' } });
  const slot = useActorRef(studio.machines.clipSlot, { input: { slot: studioTargets.slot(0, 0) } });
  return (
    <div style={{ display: 'flex', gap: 24, alignItems: 'flex-end' }}>
      <TrackMeter actor={track} />
      <div>
        <Button kind="trigger" label="Launch Beat A" onTrigger={() => slot.send({ type: 'ui.fire' })} />
        <Button kind="trigger" label="Stop Drums" onTrigger={() => track.send({ type: 'ui.stopClips' })} />
        <StatePanel actor={track} label="track" />
      </div>
    </div>
  );
}

/** The Drums track's meter on the fake studio: launch its clip and it moves with the beat. */
export const Interactive: Story = {
  decorators: [withStudio()],
  parameters: { controls: { disable: true } },
  render: () => <StudioMeter />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const meter = await canvas.findByRole('meter', { name: 'Drums level' });
    await waitFor(() => expect(canvas.getByTestId('actor-state')).toHaveTextContent('settle.settled'));
    await userEvent.click(canvas.getByRole('button', { name: 'Launch Beat A' }));
    await waitFor(() => expect(Number(meter.getAttribute('aria-valuenow'))).toBeGreaterThan(0.3), { timeout: 3000 });
  },
};
