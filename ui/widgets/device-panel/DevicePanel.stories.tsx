import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { deviceMachine, type DeviceContext } from '../../../machines/device';
import { deviceView } from '../../connect/use-device';
import type { ParameterView } from '../../connect/use-parameter';
import { StatePanel } from '../../fake-studio/StatePanel';
import { seedParameter } from '../../fake-studio/seed';
import { FILTER_PARAMETERS, studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { ToggleCell } from '../button/ToggleCell';
import { Knob } from '../knob/Knob';
import { DevicePanel, type DevicePanelProps } from './DevicePanel';
import { LiveDevice } from './LiveDevice';
import { addDelayAndSelection, DELAY_PARAMETERS, delayParameterView, delayTargets } from './studio-devices';

const CONTEXT: DeviceContext = {
  device: studioTargets.filter,
  name: 'Auto Filter',
  className: 'AutoFilter',
  displayName: 'Auto Filter',
  active: true,
  parameters: FILTER_PARAMETERS.map((_, index) => studioTargets.filterParameter(index)),
  bank: 0,
  bankSize: 8,
  banksShown: 1,
  bankActors: [],
  error: null,
};

const DELAY: Partial<DeviceContext> = {
  device: delayTargets.device,
  name: 'Echoes',
  className: 'Delay',
  displayName: 'Delay',
  parameters: DELAY_PARAMETERS.map((_, index) => delayTargets.parameter(index)),
};

type SeededPanel = Pick<DevicePanelProps, 'state' | 'name' | 'kind' | 'active' | 'bank' | 'banks' | 'shown'>;

/** The device machine in `value`, as the panel's props. */
function seeded(value: 'loading' | 'ready' | 'failed' | 'gone', context: Partial<DeviceContext> = {}): SeededPanel {
  const { state, name, kind, active, bank, banks, shown } = deviceView(
    deviceMachine.resolveState({ value, context: { ...CONTEXT, ...context } }),
  );
  return { state, name, kind, active, bank, banks, shown };
}

/** A parameter's static view as the control the panel shows for it: a switch for two values, else a knob. */
function control({ name, error, ...view }: ParameterView, key: string) {
  const isSwitch = view.items?.length === 2 && view.max - view.min === 1;
  return isSwitch ? (
    <ToggleCell key={key} label={name} on={view.value > view.min} text={view.display} state={view.state} />
  ) : (
    <Knob key={key} {...view} label={name} error={error} />
  );
}

/** The filter's knobs as the bank would show them (parameter 0 is the on switch, not a knob). */
const knobs = (state: 'ready' | 'loading' = 'ready') =>
  FILTER_PARAMETERS.slice(1).map((parameter) =>
    control(
      seedParameter(state === 'ready' ? { bound: 'ready' } : 'loading', {
        name: parameter.name,
        value: parameter.value,
        min: parameter.min ?? 0,
        max: parameter.max ?? (parameter.items ? parameter.items.length - 1 : 1),
        quantized: Boolean(parameter.items),
        items: parameter.items ?? [],
        display: parameter.format?.(parameter.value) ?? null,
      }),
      parameter.name,
    ),
  );

/** The Delay's controls from parameter `first`, `count` of them: its switches among its knobs. */
const delayControls = (first: number, count: number) =>
  DELAY_PARAMETERS.slice(first, first + count).map((parameter, index) =>
    control(delayParameterView(first + index), parameter.name),
  );

const meta = {
  title: 'Devices/Device Panel',
  component: DevicePanel,
  args: { ...seeded('ready'), onToggle: fn(), onBank: fn(), onSelect: fn() },
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
    await userEvent.click(canvas.getByRole('button', { name: 'Select Auto Filter in Live' }));
    await expect(args.onSelect).toHaveBeenCalledTimes(1);
  },
};
/** Switched off in Live: its knobs dim. */
export const Off: Story = { args: seeded('ready', { active: false }) };
/** The device Live has selected: outlined, its title pressed. */
export const Selected: Story = {
  args: { ...seeded('ready'), selected: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Auto Filter (Auto Filter)' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await expect(canvas.getByRole('button', { name: 'Select Auto Filter in Live' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  },
};
/** Two-value parameters (on/off, two items) are switches among the knobs: Live's Delay, its first bank. */
export const WithSwitches: Story = {
  args: { ...seeded('ready', DELAY) },
  render: (args) => <DevicePanel {...args}>{delayControls(1, 8)}</DevicePanel>,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Ping Pong' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('button', { name: 'Link' })).toHaveAttribute('aria-pressed', 'false');
    await expect(canvas.getByRole('slider', { name: 'L 16th' })).toHaveAttribute('aria-valuetext', '3');
    await expect(canvas.queryByRole('slider', { name: 'Ping Pong' })).toBeNull();
  },
};
/** A wide screen (a 13" tablet across): two banks side by side, paged two at a time. */
export const TwoBanks: Story = {
  args: { ...seeded('ready', { ...DELAY, banksShown: 2 }) },
  parameters: { layout: 'fullscreen' },
  render: (args) => (
    <div style={{ width: 1340, padding: 8 }}>
      <DevicePanel {...args}>{delayControls(1, 16)}</DevicePanel>
    </div>
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('group').map((group) => group.getAttribute('aria-label'))).toEqual([
      'Bank 1',
      'Bank 2',
    ]);
    await expect(canvas.getByText('Banks 1–2')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Next bank' }));
    await expect(args.onBank).toHaveBeenCalledWith(2);
  },
};
/** A phone: one bank, wrapped into rows of four. */
export const Phone: Story = {
  args: { ...seeded('ready', DELAY) },
  parameters: { layout: 'fullscreen' },
  render: (args) => (
    <div style={{ width: 374, padding: 8 }}>
      <DevicePanel {...args}>{delayControls(1, 8)}</DevicePanel>
    </div>
  ),
};
export const Failed: Story = { args: seeded('failed') };
export const Gone: Story = { args: seeded('gone') };

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid" style={{ flexDirection: 'column' }}>
      {(
        [
          ['loading', seeded('loading', { name: '', displayName: '' }), knobs('loading')],
          ['ready', seeded('ready', { bankSize: 4 }), knobs().slice(0, 4)],
          ['selected', { ...seeded('ready'), selected: true }, knobs()],
          ['with switches', seeded('ready', DELAY), delayControls(1, 8)],
          ['two banks', seeded('ready', { ...DELAY, banksShown: 2 }), delayControls(1, 16)],
          ['off', seeded('ready', { active: false }), knobs()],
          ['failed', seeded('failed'), knobs()],
          ['gone', seeded('gone'), knobs()],
        ] as const
      ).map(([title, props, controls]) => (
        <figure key={title} style={{ width: '100%', margin: 0 }}>
          <DevicePanel {...args} {...props}>
            {controls}
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
  // as narrow as a phone: one bank of four at a time, whatever the screen
  return (
    <div style={{ maxWidth: 360 }}>
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

function StudioDelay() {
  const studio = useStudio();
  useState(() => addDelayAndSelection(studio.live));
  const actor = useActorRef(studio.machines.device, { input: { device: delayTargets.device } });
  return (
    <div>
      <LiveDevice actor={actor} />
      <StatePanel actor={actor} label="device" />
    </div>
  );
}

/** Live's Delay on the fake studio: its switches toggle the parameters in Live, framed as touches. */
export const InteractiveSwitches: Story = {
  decorators: [withStudio({ latencyMs: 60 })],
  parameters: { controls: { disable: true } },
  render: () => <StudioDelay />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const link = await canvas.findByRole('button', { name: 'Link' }, { timeout: 3000 });
    await expect(link).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(link);
    await waitFor(() => expect(link).toHaveAttribute('aria-pressed', 'true'), { timeout: 3000 });
    await waitFor(() => expect(link).toHaveTextContent('On'), { timeout: 3000 });
    await userEvent.click(link);
    await waitFor(() => expect(link).toHaveAttribute('aria-pressed', 'false'), { timeout: 3000 });
  },
};
