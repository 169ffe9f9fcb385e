import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { deviceMachine, type DeviceContext } from '../../../machines/device';
import { deviceView } from '../../connect/use-device';
import { StatePanel } from '../../fake-studio/StatePanel';
import { seedParameter } from '../../fake-studio/seed';
import { FILTER_PARAMETERS, studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { Knob } from '../knob/Knob';
import { DevicePanel, type DevicePanelProps } from './DevicePanel';
import { LiveDevice } from './LiveDevice';

const CONTEXT: DeviceContext = {
  device: studioTargets.filter,
  name: 'Auto Filter',
  className: 'AutoFilter',
  displayName: 'Auto Filter',
  active: true,
  parameters: FILTER_PARAMETERS.map((_, index) => studioTargets.filterParameter(index)),
  bank: 0,
  bankSize: 8,
  bankActors: [],
  error: null,
};

/** The device machine in `value`, as the panel's props. */
function seeded(
  value: 'loading' | 'ready' | 'failed' | 'gone',
  context: Partial<DeviceContext> = {},
): Pick<DevicePanelProps, 'state' | 'name' | 'kind' | 'active' | 'bank' | 'banks'> {
  const { state, name, kind, active, bank, banks } = deviceView(
    deviceMachine.resolveState({ value, context: { ...CONTEXT, ...context } }),
  );
  return { state, name, kind, active, bank, banks };
}

/** The filter's knobs as the bank would show them (parameter 0 is the on switch, not a knob). */
const knobs = (state: 'ready' | 'loading' = 'ready') =>
  FILTER_PARAMETERS.slice(1).map((parameter) => {
    const { name, error, ...view } = seedParameter(state === 'ready' ? { bound: 'ready' } : 'loading', {
      name: parameter.name,
      value: parameter.value,
      min: parameter.min ?? 0,
      max: parameter.max ?? (parameter.items ? parameter.items.length - 1 : 1),
      quantized: Boolean(parameter.items),
      items: parameter.items ?? [],
      display: parameter.format?.(parameter.value) ?? null,
    });
    return <Knob key={name} {...view} label={name} error={error} size="small" />;
  });

const meta = {
  title: 'Devices/Device Panel',
  component: DevicePanel,
  args: { ...seeded('ready'), onToggle: fn(), onBank: fn() },
  argTypes: {
    state: { control: 'select', options: ['loading', 'ready', 'failed', 'gone'] },
    bank: { control: { type: 'number', min: 0 } },
    banks: { control: { type: 'number', min: 1 } },
  },
  render: (args) => <DevicePanel {...args}>{knobs(args.state === 'loading' ? 'loading' : 'ready')}</DevicePanel>,
} satisfies Meta<typeof DevicePanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loading: Story = { args: seeded('loading', { name: '', displayName: '' }) };
export const Ready: Story = {
  args: { ...seeded('ready', { bankSize: 4 }) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Auto Filter (Auto Filter)' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Previous bank' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Next bank' }));
    await expect(args.onBank).toHaveBeenCalledWith(1);
    await userEvent.click(canvas.getByRole('button', { name: 'Auto Filter on' }));
    await expect(args.onToggle).toHaveBeenCalledTimes(1);
  },
};
/** Switched off in Live: its knobs dim. */
export const Off: Story = { args: seeded('ready', { active: false }) };
export const Failed: Story = { args: seeded('failed') };
export const Gone: Story = { args: seeded('gone') };

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid" style={{ flexDirection: 'column' }}>
      {(
        [
          ['loading', seeded('loading', { name: '', displayName: '' })],
          ['ready', seeded('ready', { bankSize: 4 })],
          ['off', seeded('ready', { active: false })],
          ['failed', seeded('failed')],
          ['gone', seeded('gone')],
        ] as const
      ).map(([title, props]) => (
        <figure key={title}>
          <DevicePanel {...args} {...props}>
            {knobs(title === 'loading' ? 'loading' : 'ready').slice(0, title === 'ready' ? 4 : 8)}
          </DevicePanel>
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

function StudioDevice() {
  const studio = useStudio();
  const actor = useActorRef(studio.machines.device, { input: { device: studioTargets.filter, bankSize: 4 } });
  return (
    <div>
      <LiveDevice actor={actor} />
      <StatePanel actor={actor} label="device" />
    </div>
  );
}

/** The Bass track's filter on the fake studio, in banks of four: page through, switch it off and on. */
export const Interactive: Story = {
  decorators: [withStudio({ latencyMs: 100 })],
  parameters: { controls: { disable: true } },
  render: () => <StudioDevice />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('slider', { name: 'Frequency' }, { timeout: 3000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Next bank' }));
    await canvas.findByRole('slider', { name: 'Env Amount' }, { timeout: 3000 });
    await expect(canvas.queryByRole('slider', { name: 'Frequency' })).toBeNull();
    const power = canvas.getByRole('button', { name: 'Auto Filter on' });
    await userEvent.click(power);
    await waitFor(() => expect(power).toHaveAttribute('aria-pressed', 'false'), { timeout: 3000 });
    await userEvent.click(power);
    await waitFor(() => expect(power).toHaveAttribute('aria-pressed', 'true'), { timeout: 3000 });
  },
};
