import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { FakeLive } from '../../fake-live/fake-live';
import { fakeWebMidi, FakeMidiAccess, FakeMidiInput } from '../../fake-live/fake-midi-access';
import { midiInputMachine } from '../../machines/midi-input';
import { MidiInputControl } from './MidiInputControl';
import { MidiInputView, type MidiInputViewProps } from './MidiInputView';
import { ACCESS_STATES, portArgs, PortStates, type TitledState } from './port-states';

const INPUTS = [
  { id: 'input-1', name: 'Keystation 49', manufacturer: 'M-Audio' },
  { id: 'input-2', name: 'nanoKEY2', manufacturer: 'KORG' },
];

const meta = {
  title: 'Instruments/MIDI In',
  component: MidiInputView,
  args: { ...portArgs(), status: 'idle', inputs: [], received: 0, dropped: '', playsOn: ['Keys'] },
  argTypes: { inputs: { control: 'object' }, playsOn: { control: 'object' } },
} satisfies Meta<typeof MidiInputView>;

export default meta;
type Story = StoryObj<typeof meta>;

const status = (canvasElement: HTMLElement) => within(canvasElement).getByRole('status', { name: 'MIDI in status' });

/** The page is plain HTTP on a network address: browsers keep Web MIDI for secure pages. */
export const UnsupportedNotSecure: Story = {
  args: { status: 'unsupported', why: 'insecure' },
  play: async ({ canvasElement }) => {
    await expect(status(canvasElement)).toHaveTextContent('Web MIDI needs a secure page (https)');
    await expect(within(canvasElement).queryByRole('combobox')).toBeNull();
  },
};

/** A browser without Web MIDI (Safari on iPadOS): said, rather than an empty list. */
export const UnsupportedBrowser: Story = {
  args: { status: 'unsupported', why: 'absent' },
  play: async ({ canvasElement }) => {
    await expect(status(canvasElement)).toHaveTextContent('This browser has no Web MIDI (iPadOS Safari)');
    await expect(within(canvasElement).queryByRole('combobox')).toBeNull();
  },
};

/** Web MIDI is there, not asked for yet: asking may prompt, so the musician starts it. */
export const Idle: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Use a MIDI keyboard' }));
    await expect(args.onEnable).toHaveBeenCalled();
  },
};

/** The browser is asking (its permission prompt may be open). */
export const Asking: Story = { args: { status: 'asking' } };

/** The browser or the musician refused; one tap asks again. */
export const Denied: Story = {
  args: { status: 'denied', accessError: 'Permission denied.' },
  play: async ({ canvasElement, args }) => {
    await expect(status(canvasElement)).toHaveTextContent('The browser refused MIDI (Permission denied.)');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Ask again' }));
    await expect(args.onEnable).toHaveBeenCalled();
  },
};

/** MIDI could not start on the device (Chromium on Linux without an ALSA sequencer): no inputs, and why. */
export const Failed: Story = {
  args: { status: 'failed', accessError: 'Platform dependent initialization failed.' },
  play: async ({ canvasElement, args }) => {
    await expect(status(canvasElement)).toHaveTextContent(
      'No MIDI inputs: the browser could not start MIDI on this device (Platform dependent initialization failed.)',
    );
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Try again' }));
    await expect(args.onEnable).toHaveBeenCalled();
  },
};

/** Access, and nothing plugged in. */
export const NoInputs: Story = {
  args: { status: 'noInputs' },
  play: async ({ canvasElement }) => {
    await expect(status(canvasElement)).toHaveTextContent('No MIDI inputs: plug in a keyboard');
  },
};

/** The tablet's inputs, none chosen yet. */
export const Choosing: Story = {
  args: { status: 'choosing', inputs: INPUTS },
  play: async ({ canvasElement, args }) => {
    const choice = within(canvasElement).getByRole('combobox', { name: 'MIDI input' });
    await userEvent.selectOptions(choice, 'nanoKEY2');
    await expect(args.onChoose).toHaveBeenCalledWith('nanoKEY2');
  },
};

/** The keyboard chosen before is unplugged: it is kept, and plays again once it is back. */
export const Unplugged: Story = {
  args: { status: 'choosing', inputs: INPUTS.slice(1), chosen: 'Keystation 49' },
  play: async ({ canvasElement }) => {
    await expect(status(canvasElement)).toHaveTextContent('Keystation 49 is unplugged: waiting for it');
    await expect(within(canvasElement).getByRole('combobox')).toHaveValue('Keystation 49');
  },
};

/** A keyboard plays: its notes reach the armed track; the dot blinks at each message; what was dropped is said. */
export const Listening: Story = {
  args: { status: 'listening', inputs: INPUTS, chosen: 'Keystation 49', received: 42, dropped: '96 clock, 1 sysex' },
  play: async ({ canvasElement }) => {
    await expect(status(canvasElement)).toHaveTextContent('Plays Keys (armed); dropped 96 clock, 1 sysex');
  },
};

/** A keyboard plays, and no track is armed. */
export const ListeningNowhere: Story = {
  args: { status: 'listening', inputs: INPUTS, chosen: 'Keystation 49', playsOn: [] },
};

/** Another program holds the input (Windows lets one program open a port). */
export const CannotOpen: Story = {
  args: { status: 'listening', inputs: INPUTS, chosen: 'Keystation 49', problem: 'the port is in use' },
};

const STATES: readonly TitledState<MidiInputViewProps>[] = [
  ...ACCESS_STATES,
  ['no inputs', { status: 'noInputs' }],
  ['choosing', { status: 'choosing', inputs: INPUTS }],
  ['chosen one unplugged', { status: 'choosing', inputs: INPUTS.slice(1), chosen: 'Keystation 49' }],
  ['listening', { status: 'listening', inputs: INPUTS, chosen: 'Keystation 49', received: 3 }],
  ['listening, nothing armed', { status: 'listening', inputs: INPUTS, chosen: 'nanoKEY2', playsOn: [] }],
  ['cannot open', { status: 'listening', inputs: INPUTS, chosen: 'nanoKEY2', problem: 'the port is in use' }],
];

export const AllStates: Story = {
  render: (args) => <PortStates view={MidiInputView} args={args} states={STATES} />,
};

/** The control on its machine and a fake keyboard: enable, choose it, press a key; Live gets the note. */
function OnAFakeKeyboardHarness() {
  const [fake] = useState(() => {
    const live = new FakeLive();
    const input = new FakeMidiInput('input-1', 'Keystation 49', 'M-Audio');
    live.webMidi = fakeWebMidi(new FakeMidiAccess([input]));
    return { live, input };
  });
  const actor = useActorRef(midiInputMachine.provide({ actors: fake.live.effects() }), { input: {} });
  const [sent, setSent] = useState(0);
  return (
    <div style={{ display: 'grid', gap: 12, justifyItems: 'start' }}>
      <MidiInputControl actor={actor} playsOn={['Keys']} />
      <button
        type="button"
        className="ls-tool"
        onClick={() => {
          fake.input.emit(0x90, 60, 100);
          fake.input.emit(0x80, 60, 0);
          setSent(fake.live.midi.length);
        }}
      >
        Press C3 on the fake keyboard
      </button>
      <output aria-label="Live received">{sent} messages</output>
    </div>
  );
}

/** The control on its machine and a fake keyboard: use it, choose the keyboard, press a key; Live gets the note. */
export const OnAFakeKeyboard: Story = {
  render: () => <OnAFakeKeyboardHarness />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    // the machine asks its effect first: the button comes once Web MIDI is found
    await userEvent.click(await page.findByRole('button', { name: 'Use a MIDI keyboard' }));
    await userEvent.selectOptions(await page.findByRole('combobox', { name: 'MIDI input' }), 'Keystation 49');
    await userEvent.click(page.getByRole('button', { name: 'Press C3 on the fake keyboard' }));
    await expect(page.getByRole('status', { name: 'Live received' })).toHaveTextContent('2 messages');
  },
};
