/**
 * Controls another tablet holds: a knob and a fader outlined in the other
 * tablet's color with its name; the same controls free.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Fader } from '../fader/Fader';
import { Knob } from '../knob/Knob';
import { Held, type Holder } from './Held';

const ALICE: Holder = { name: 'Alice', color: '#4fc3f7' };
const nothing = () => undefined;

function Controls({ heldBy }: { heldBy: Holder | null }) {
  return (
    <div style={{ display: 'flex', gap: 32, padding: 24, alignItems: 'flex-start' }}>
      <Held heldBy={heldBy} onTakeover={nothing}>
        <Knob label="Drive" value={0.4} state="ready" />
      </Held>
      <Held heldBy={heldBy} onTakeover={nothing}>
        <Fader label="Bass" value={0.7} state="ready" />
      </Held>
    </div>
  );
}

const meta = {
  title: 'Widgets/Held by another tablet',
  parameters: { controls: { disable: true } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Held by Alice's tablet: outlined in her color, her name on it. */
export const HeldByAnother: Story = { render: () => <Controls heldBy={ALICE} /> };

/** Nobody else holds them: as they always look. */
export const Free: Story = { render: () => <Controls heldBy={null} /> };

export const AllStates: Story = {
  render: () => (
    <div>
      <Controls heldBy={ALICE} />
      <Controls heldBy={{ name: 'Bob', color: '#ffb74d' }} />
      <Controls heldBy={null} />
    </div>
  ),
};
