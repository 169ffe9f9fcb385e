import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { EnvelopeToolbar, type EnvelopeToolbarProps } from './EnvelopeToolbar';

const LIVE_11 = 'Live 11 cannot erase a range (no delete_events_in_range): draw over it instead';

const meta = {
  title: 'Clip Editor/Envelope Toolbar',
  component: EnvelopeToolbar,
  args: {
    tool: 'draw',
    quantized: false,
    canErase: true,
    eraseWhyNot: null,
    grid: 0.25,
    mode: 'edit',
    canUndo: true,
    canRedo: false,
    exists: true,
    parameterLabel: 'Auto Filter › Frequency',
    disabled: false,
    onTool: fn(),
    onGrid: fn(),
    onMode: fn(),
    onUndo: fn(),
    onRedo: fn(),
    onClear: fn(),
    onChooseParameter: fn(),
  },
  argTypes: {
    tool: { control: 'inline-radio', options: ['draw', 'step', 'ramp', 'erase'] },
    mode: { control: 'inline-radio', options: ['edit', 'navigate'] },
    grid: { control: 'select', options: [1, 0.5, 0.25, 0.125, 1 / 3, 1 / 6, 1 / 12, null] },
  },
} satisfies Meta<typeof EnvelopeToolbar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A continuous parameter, drawing freehand. Clear asks first. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const bar = within(canvasElement);
    await userEvent.click(bar.getByRole('radio', { name: 'Ramp' }));
    await expect(args.onTool).toHaveBeenCalledWith('ramp');
    await userEvent.click(bar.getByRole('button', { name: 'Clear automation' }));
    await expect(args.onClear).not.toHaveBeenCalled();
    await userEvent.click(bar.getByRole('button', { name: 'Keep' }));
    await expect(args.onClear).not.toHaveBeenCalled();
  },
};

/** A quantized parameter (Auto Filter's filter type): the step tool chosen, marked as the one that suits it. */
export const Quantized: Story = {
  args: { quantized: true, tool: 'step', parameterLabel: 'Auto Filter › Filter Type', grid: 1 },
};

/** Live 11: no erasing a range, and the erase tool says why. */
export const Live11: Story = {
  args: { canErase: false, eraseWhyNot: LIVE_11 },
  play: async ({ canvasElement }) => {
    const erase = within(canvasElement).getByRole('radio', { name: 'Erase' });
    await expect(erase).toBeDisabled();
    await expect(erase).toHaveAccessibleDescription(LIVE_11);
  },
};

/** Clear tapped: the bar asks before it clears the whole envelope. */
export const ConfirmingClear: Story = {
  args: { confirmingClear: true, parameterLabel: 'Mixer › Track Volume' },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Clear' }));
    await expect(args.onClear).toHaveBeenCalledOnce();
  },
};

/** Live offline: nothing that changes the clip; the tools and the view still answer. */
export const Offline: Story = { args: { disabled: true, canRedo: true } };

/** No parameter chosen yet: the first button asks for one. */
export const NoParameter: Story = {
  args: { parameterLabel: 'Choose parameter', exists: false, canUndo: false },
};

const allStates: { title: string; props: Partial<EnvelopeToolbarProps> }[] = [
  { title: 'drawing, continuous parameter', props: {} },
  { title: 'quantized parameter', props: Quantized.args ?? {} },
  { title: 'live 11: erase unavailable', props: Live11.args ?? {} },
  { title: 'confirming clear', props: ConfirmingClear.args ?? {} },
  { title: 'offline', props: Offline.args ?? {} },
  { title: 'no parameter', props: NoParameter.args ?? {} },
];

/** Every state. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div style={{ display: 'grid', gap: 20 }}>
      {allStates.map(({ title, props }) => (
        <figure key={title} style={{ margin: 0, display: 'grid', gap: 6 }}>
          <EnvelopeToolbar {...args} {...props} />
          <figcaption className="ls-label" style={{ textAlign: 'left' }}>
            {title}
          </figcaption>
        </figure>
      ))}
    </div>
  ),
};
