// @vitest-environment jsdom
/**
 * MIDI out on the studio's session: a fake synth on a fake Web MIDI, what
 * Live sends played on it as bytes, where Live's MIDI comes from and how to
 * route a track said, the choice kept across a reload, what sounds ended on
 * the synth when the page goes, and a page without Web MIDI saying so. In
 * StrictMode, as the app renders.
 */
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeWebMidi, FakeMidiAccess, FakeMidiOutput, noWebMidi } from '../../fake-live/fake-midi-access';
import { choosePort, offered, portPage, settled, startLine, type PortPage } from '../midi-input/port-page';
import { MidiOut } from './MidiOutputControl';
import { MIDI_OUTPUT_SETTING } from './use-midi-output';

const line = () => screen.getByRole('group', { name: 'MIDI out' });
const said = () => screen.getByRole('status', { name: 'MIDI out status' });
const kept = (): unknown => JSON.parse(localStorage.getItem(`livesurface:${MIDI_OUTPUT_SETTING}`) ?? 'null');

/** The studio, a synth (and another output) on the tablet's Web MIDI, MIDI out to render on it. */
function withSynth() {
  const synth = new FakeMidiOutput('output-1', 'minilogue xd', 'KORG');
  const open = portPage(fakeWebMidi(new FakeMidiAccess([], [synth, new FakeMidiOutput('output-2', 'MicroFreak')])));
  opened.push(open);
  return { synth, live: open.studio.live, page: () => open.page(<MidiOut />) };
}

const opened: PortPage[] = [];
afterEach(() => {
  for (const open of opened.splice(0)) open.close();
});

describe('MIDI out on the Keys page', () => {
  it('plays Live’s MIDI on the chosen synth, says where it comes from, and keeps the choice across a reload', async () => {
    const { synth, live, page } = withSynth();
    const first = render(page());
    await settled();
    expect(line()).toHaveAttribute('data-state', 'idle');
    expect(live.liveMidiListeners).toBe(0);
    const choice = await startLine(line(), 'Use a MIDI synth', 'MIDI output');
    expect(offered(choice)).toEqual(['None', 'minilogue xd', 'MicroFreak']);
    await choosePort(choice, 'minilogue xd');
    expect(line()).toHaveAttribute('data-state', 'playing');
    expect(said()).toHaveTextContent("Plays Live’s MIDI from the simulator's MIDI out");
    expect(within(line()).getByLabelText('How to route Live’s MIDI here')).toHaveTextContent(
      'In Live, set a MIDI track’s MIDI To to LiveSurface Return',
    );
    expect(kept()).toBe('minilogue xd');
    act(() => live.playFromLive({ type: 'note_on', channel: 0, note: 60, velocity: 100 }));
    expect(synth.bytes).toEqual([0x90, 60, 100]);

    // the page goes with the note still on: the synth hears its note off, and the bridge is told to stop
    first.unmount();
    expect(synth.sent.at(-1)).toEqual([0x80, 60, 64]);
    expect(live.liveMidiListeners).toBe(0);

    // a reload: the synth chosen before plays at once
    render(page());
    await settled();
    expect(line()).toHaveAttribute('data-state', 'playing');
    act(() => live.playFromLive({ type: 'note_on', channel: 1, note: 62, velocity: 90 }));
    expect(synth.sent.at(-1)).toEqual([0x91, 62, 90]);
  });

  it('says why nothing comes back when the bridge has no way back from Live', async () => {
    const { live, page } = withSynth();
    localStorage.setItem(`livesurface:${MIDI_OUTPUT_SETTING}`, JSON.stringify('minilogue xd'));
    live.liveMidiRoute = { mode: 'none', detail: 'the virtual port "LiveSurface Return" cannot open (a test)' };
    render(page());
    await settled();
    expect(line()).toHaveAttribute('data-state', 'playing');
    expect(said()).toHaveTextContent('Nothing comes back from Live: the virtual port "LiveSurface Return" cannot open');
  });

  it('says where there is no Web MIDI, rather than an empty list', async () => {
    const { live, page } = withSynth();
    live.webMidi = noWebMidi('absent');
    render(page());
    await settled();
    expect(line()).toHaveAttribute('data-state', 'unsupported');
    expect(said()).toHaveTextContent(
      'This browser has no Web MIDI (iPadOS Safari): plug the synth into the computer running Live instead',
    );
    expect(within(line()).queryByRole('combobox')).toBeNull();
  });
});
