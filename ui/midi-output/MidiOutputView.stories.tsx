import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { createActor } from 'xstate';
import { expect, userEvent, within } from 'storybook/test';
import { fakeWebMidi, FakeMidiAccess, FakeMidiOutput } from '../../fake-live/fake-midi-access';
import type { MidiMessage, MidiRoute } from '../../protocol/src/index';
import { FakeStudio } from '../fake-studio/fake-studio';
import { LayoutProvider } from '../layouts/layout-context';
import { MidiOut } from './MidiOutputControl';
import { MidiOutputView, ROUTING_HINT, type MidiOutputViewProps } from './MidiOutputView';
import { ACCESS_STATES, portArgs, PortStates, type TitledState } from '../midi-input/port-states';

const OUTPUTS = [
  { id: 'output-1', name: 'minilogue xd', manufacturer: 'KORG' },
  { id: 'output-2', name: 'MicroFreak', manufacturer: 'Arturia' },
];

const SIMULATOR: MidiRoute = { mode: 'simulator', detail: 'from the simulator’s MIDI out, 127.0.0.1:9004' };
const VIRTUAL: MidiRoute = {
  mode: 'virtual',
  detail: 'from the virtual port "LiveSurface Return" (a MIDI track’s "MIDI To" in Live)',
};
const NOWHERE: MidiRoute = {
  mode: 'none',
  detail: 'the virtual port "LiveSurface Return" cannot open (no ALSA sequencer)',
};

const meta = {
  title: 'Instruments/MIDI Out',
  component: MidiOutputView,
  args: { ...portArgs(), status: 'idle', outputs: [], from: null, played: 0 },
  argTypes: { outputs: { control: 'object' }, from: { control: 'object' } },
} satisfies Meta<typeof MidiOutputView>;

export default meta;
type Story = StoryObj<typeof meta>;

const line = (canvasElement: HTMLElement) => within(canvasElement).getByRole('group', { name: 'MIDI out' });
const inLine = (canvasElement: HTMLElement) => within(line(canvasElement));

/** A play that checks what the line says (`text`, or the start of it). */
const says =
  (text: string): Story['play'] =>
  async ({ canvasElement }) => {
    await expect(inLine(canvasElement).getByRole('status', { name: 'MIDI out status' })).toHaveTextContent(text);
  };

/** A play that taps the line's `button` and checks that it asks for Web MIDI, after `before`. */
const taps =
  (button: string, before?: Story['play']): Story['play'] =>
  async (context) => {
    await before?.(context);
    await userEvent.click(inLine(context.canvasElement).getByRole('button', { name: button }));
    await expect(context.args.onEnable).toHaveBeenCalled();
  };

/** Looking for Web MIDI, for the moment the effect takes to say. */
export const Checking: Story = { args: { status: 'checking' }, play: says('Looking for Web MIDI…') };

/** The page is plain HTTP on a network address: browsers keep Web MIDI for secure pages. */
export const UnsupportedNotSecure: Story = {
  args: { status: 'unsupported', why: 'insecure' },
  play: says('Web MIDI needs a secure page (https)'),
};

/** A browser without Web MIDI (Safari on iPadOS): said, with what to do instead, rather than an empty list. */
export const UnsupportedBrowser: Story = {
  args: { status: 'unsupported', why: 'absent' },
  play: says('This browser has no Web MIDI (iPadOS Safari): plug the synth into the computer running Live instead'),
};

/** Web MIDI is there, not asked for yet: asking may prompt, so the musician starts it. */
export const Idle: Story = { play: taps('Use a MIDI synth', says('Play Live’s MIDI tracks on a synth')) };

/** The browser is asking (its permission prompt may be open). */
export const Asking: Story = { args: { status: 'asking' }, play: says('Asking the browser for MIDI…') };

/** The browser or the musician refused; one tap asks again. */
export const Denied: Story = {
  args: { status: 'denied', accessError: 'Permission denied.' },
  play: taps('Ask again', says('The browser refused MIDI (Permission denied.)')),
};

/** MIDI could not start on the device (Chromium on Linux without an ALSA sequencer): no outputs, and why. */
export const Failed: Story = {
  args: { status: 'failed', accessError: 'Platform dependent initialization failed.' },
  play: taps(
    'Try again',
    says(
      'No MIDI outputs: the browser could not start MIDI on this device (Platform dependent initialization failed.)',
    ),
  ),
};

/** Access, and no synth plugged in. */
export const NoOutputs: Story = { args: { status: 'noOutputs' }, play: says('No MIDI outputs: plug in a synth') };

/** The tablet's outputs, none chosen yet: choosing one tells the machine its name. */
export const Choosing: Story = {
  args: { status: 'choosing', outputs: OUTPUTS },
  play: async ({ canvasElement, args }) => {
    await userEvent.selectOptions(inLine(canvasElement).getByRole('combobox', { name: 'MIDI output' }), 'MicroFreak');
    await expect(args.onChoose).toHaveBeenCalledWith('MicroFreak');
  },
};

/** The synth chosen before is unplugged: it is kept (and listed), and plays again once it is back. */
export const Unplugged: Story = {
  args: { status: 'choosing', outputs: OUTPUTS.slice(1), chosen: 'minilogue xd' },
  play: says('minilogue xd is unplugged: waiting for it'),
};

/** Chosen, and the bridge not heard yet: it is asked for Live's MIDI. */
export const WaitingForLive: Story = {
  args: { status: 'playing', outputs: OUTPUTS, chosen: 'minilogue xd' },
  play: says('Asking the bridge for Live’s MIDI…'),
};

/** Live's MIDI plays on the synth, from the simulator; how to route a track to it is said beside. */
export const Playing: Story = {
  args: { status: 'playing', outputs: OUTPUTS, chosen: 'minilogue xd', from: SIMULATOR, played: 42 },
  play: async (context) => {
    await says('Plays Live’s MIDI from the simulator’s MIDI out')?.(context);
    const { canvasElement } = context;
    await expect(inLine(canvasElement).getByLabelText('How to route Live’s MIDI here')).toHaveTextContent(ROUTING_HINT);
    await expect(line(canvasElement)).toHaveAttribute('data-tone', 'active');
  },
};

/** Live's MIDI from the bridge's virtual port, which Live lists among its MIDI outputs. */
export const PlayingFromLive: Story = {
  args: { status: 'playing', outputs: OUTPUTS, chosen: 'minilogue xd', from: VIRTUAL, played: 7 },
  play: says('Plays Live’s MIDI from the virtual port "LiveSurface Return"'),
};

/** The bridge cannot open its virtual port: nothing comes back from Live, and why. */
export const NothingComesBack: Story = {
  args: { status: 'playing', outputs: OUTPUTS, chosen: 'minilogue xd', from: NOWHERE },
  play: says('Nothing comes back from Live: the virtual port'),
};

/** Another program holds the output (Windows lets one program open a port). */
export const CannotOpen: Story = {
  args: { status: 'playing', outputs: OUTPUTS, chosen: 'minilogue xd', from: SIMULATOR, problem: 'the port is in use' },
  play: async ({ canvasElement }) => {
    const alert = inLine(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent('minilogue xd cannot be opened: the port is in use');
  },
};

const STATES: readonly TitledState<MidiOutputViewProps>[] = [
  ...ACCESS_STATES,
  ['no outputs', { status: 'noOutputs' }],
  ['choosing', { status: 'choosing', outputs: OUTPUTS }],
  ['chosen one unplugged', { status: 'choosing', outputs: OUTPUTS.slice(1), chosen: 'minilogue xd' }],
  ['waiting for Live', { status: 'playing', outputs: OUTPUTS, chosen: 'minilogue xd' }],
  ['playing, from the simulator', { status: 'playing', outputs: OUTPUTS, chosen: 'minilogue xd', from: SIMULATOR }],
  ['playing, from Live', { status: 'playing', outputs: OUTPUTS, chosen: 'MicroFreak', from: VIRTUAL, played: 3 }],
  ['nothing comes back', { status: 'playing', outputs: OUTPUTS, chosen: 'MicroFreak', from: NOWHERE }],
  ['cannot open', { status: 'playing', outputs: OUTPUTS, chosen: 'MicroFreak', from: VIRTUAL, problem: 'in use' }],
];

export const AllStates: Story = {
  render: (args) => <PortStates view={MidiOutputView} args={args} states={STATES} />,
};

/** The Keys page's MIDI out on a studio whose tablet has a fake synth that counts what it hears. */
function StudioSynth() {
  const [{ studio, synth, session }] = useState(() => {
    const output = new FakeMidiOutput('output-1', 'minilogue xd', 'KORG');
    const fake = new FakeStudio();
    fake.live.webMidi = fakeWebMidi(new FakeMidiAccess([], [output]));
    return { studio: fake, synth: output, session: createActor(fake.machines.session) };
  });
  useEffect(() => {
    session.start();
    return () => {
      session.stop();
    };
  }, [session]);
  const [heard, setHeard] = useState(0);
  const chord = (on: boolean) => {
    studio.live.playFromLive(
      ...[60, 64, 67].map((note): MidiMessage =>
        on ? { type: 'note_on', channel: 0, note, velocity: 100 } : { type: 'note_off', channel: 0, note },
      ),
    );
    setHeard(synth.bytes.length);
  };
  return (
    <LayoutProvider machines={studio.machines} session={session}>
      <div style={{ display: 'grid', gap: 12, justifyItems: 'start' }}>
        <MidiOut />
        <span style={{ display: 'flex', gap: 8 }}>
          <button type="button" className="ls-tool" onClick={() => chord(true)}>
            Live plays a C chord
          </button>
          <button type="button" className="ls-tool" onClick={() => chord(false)}>
            Live lets it go
          </button>
        </span>
        <output aria-label="The synth heard">{heard} bytes</output>
      </div>
    </LayoutProvider>
  );
}

/** Live's MIDI on a fake synth, through the app's own control: use it, choose the synth, let Live play. */
export const OnAFakeSynth: Story = {
  render: () => <StudioSynth />,
  play: async (context) => {
    const page = within(context.canvasElement);
    await userEvent.click(await page.findByRole('button', { name: 'Use a MIDI synth' }));
    await userEvent.selectOptions(await page.findByRole('combobox', { name: 'MIDI output' }), 'minilogue xd');
    await expect(line(context.canvasElement)).toHaveAttribute('data-state', 'playing');
    await userEvent.click(page.getByRole('button', { name: 'Live plays a C chord' }));
    await expect(page.getByRole('status', { name: 'The synth heard' })).toHaveTextContent('9 bytes');
  },
};
