import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StatePanel } from '../../fake-studio/StatePanel';
import { studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { LIVE_PALETTE } from '../../theme/live-colors';
import { CONTROL_STATES } from '../control-state';
import { PlayIcon, RecordIcon, StopIcon } from '../icons';
import { Button, type ButtonProps } from './Button';
import { ParameterButton } from './ParameterButton';

const meta = {
  title: 'Controls/Button',
  component: Button,
  args: {
    label: 'Mute',
    kind: 'toggle',
    on: false,
    state: 'ready',
    color: 'var(--ls-warn)',
    size: 'medium',
    onChange: fn(),
    onTrigger: fn(),
    onRetry: fn(),
  },
  argTypes: {
    kind: { control: 'inline-radio', options: ['toggle', 'momentary', 'trigger'] },
    state: { control: 'select', options: CONTROL_STATES },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    color: {
      control: 'select',
      options: [
        null,
        'var(--ls-warn)',
        'var(--ls-play)',
        'var(--ls-record)',
        'var(--ls-focus)',
        ...LIVE_PALETTE.slice(0, 14),
      ],
    },
    children: { control: false },
  },
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A toggle, off. Tapping it asks for on. */
export const ToggleOff: Story = {
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Mute' });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(button);
    await expect(args.onChange).toHaveBeenCalledWith(true);
    await expect(args.onChange).toHaveBeenCalledTimes(1);
  },
};

/** A toggle, on, in its color. */
export const ToggleOn: Story = { args: { on: true } };

/** Held down: on while the finger stays. Space and Enter hold it too. */
export const MomentaryHeld: Story = {
  args: { kind: 'momentary', label: 'Cue', on: true, color: 'var(--ls-focus)' },
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Cue' });
    const user = userEvent.setup();
    button.focus();
    await user.keyboard('[Space>]');
    await expect(args.onChange).toHaveBeenLastCalledWith(true);
    await user.keyboard('[/Space]');
    await expect(args.onChange).toHaveBeenLastCalledWith(false);
  },
};

/** Acts once per press and flashes: play, tap tempo, launch. */
export const Trigger: Story = {
  args: { kind: 'trigger', label: 'Play', color: 'var(--ls-play)', children: <PlayIcon /> },
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Play' });
    await expect(button).not.toHaveAttribute('aria-pressed');
    await userEvent.click(button);
    await userEvent.keyboard('{Enter}');
    await expect(args.onTrigger).toHaveBeenCalledTimes(2);
  },
};

/** Waiting for Live's value. */
export const Loading: Story = { args: { state: 'loading' } };

/** Live did not answer: retry. */
export const Failed: Story = { args: { state: 'failed' } };

/** What it controlled was deleted in Live. */
export const Gone: Story = { args: { state: 'gone' } };

/** Nothing bound to it. */
export const Idle: Story = { args: { state: 'idle' } };

const pages: Array<{ title: string; props: Partial<ButtonProps> }> = [
  { title: 'toggle off', props: {} },
  { title: 'toggle on', props: { on: true } },
  { title: 'solo on', props: { on: true, label: 'Solo', color: 'var(--ls-focus)' } },
  { title: 'arm on', props: { on: true, label: 'Arm', color: 'var(--ls-record)' } },
  { title: 'momentary', props: { kind: 'momentary', label: 'Cue' } },
  { title: 'momentary held', props: { kind: 'momentary', label: 'Cue', on: true, color: 'var(--ls-focus)' } },
  { title: 'trigger', props: { kind: 'trigger', label: 'Play', children: <PlayIcon /> } },
  { title: 'icon on', props: { label: 'Record', on: true, color: 'var(--ls-record)', children: <RecordIcon /> } },
  { title: 'Live color', props: { label: 'Device On', on: true, color: LIVE_PALETTE[23] ?? null } },
  { title: 'loading', props: { state: 'loading' } },
  { title: 'failed', props: { state: 'failed' } },
  { title: 'gone', props: { state: 'gone' } },
  { title: 'idle', props: { state: 'idle' } },
  { title: 'small', props: { size: 'small', label: 'S' } },
  { title: 'large', props: { size: 'large', label: 'Stop', kind: 'trigger', children: <StopIcon /> } },
];

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {pages.map(({ title, props }) => (
        <figure key={title}>
          <Button {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

function StudioDeviceOn() {
  const studio = useStudio();
  const actor = useActorRef(studio.machines.parameter, { input: { parameter: studioTargets.filterParameter(0) } });
  return (
    <div>
      <ParameterButton actor={actor} label="Filter On" color={LIVE_PALETTE[23] ?? null} />
      <StatePanel actor={actor} label="parameter" />
    </div>
  );
}

/** The filter's on/off on the fake studio: each tap is a gesture Live records. */
export const Interactive: Story = {
  decorators: [withStudio({ latencyMs: 120 })],
  parameters: { controls: { disable: true } },
  args: { label: 'Filter On' },
  render: () => <StudioDeviceOn />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: 'Filter On' }, { timeout: 3000 });
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'), { timeout: 3000 });
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'false'));
    await waitFor(() => expect(canvas.getByText('gesture id 201 end')).toBeInTheDocument());
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'));
  },
};
