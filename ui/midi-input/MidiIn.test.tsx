// @vitest-environment jsdom
/**
 * MIDI in on the studio's session: a fake keyboard on a fake Web MIDI, its
 * notes to Live with the armed track named, the choice kept across a
 * reload, what sounds ended when the page goes, and a page without Web MIDI
 * saying so instead of an empty list. In StrictMode, as the app renders.
 */
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeWebMidi, FakeMidiAccess, FakeMidiInput, noWebMidi } from '../../fake-live/fake-midi-access';
import { studioTargets } from '../fake-studio/studio-set';
import { MidiIn } from './MidiInputControl';
import { choosePort, offered, portPage, settled, startLine, type PortPage } from './port-page';

const group = () => screen.getByRole('group', { name: 'MIDI in' });
const said = () => screen.getByRole('status', { name: 'MIDI in status' });

describe('MIDI in on the Keys page', () => {
  let open: PortPage;
  let input: FakeMidiInput;
  beforeEach(() => {
    input = new FakeMidiInput('input-1', 'Keystation 49', 'M-Audio');
    open = portPage(fakeWebMidi(new FakeMidiAccess([input, new FakeMidiInput('input-2', 'nanoKEY2')])));
  });
  afterEach(() => open.close());

  const page = () => open.page(<MidiIn />);

  it('plays Live from the chosen keyboard, names the armed track, and keeps the choice across a reload', async () => {
    open.studio.live.change(studioTargets.track(2), 'arm', true);
    const first = render(page());
    await settled();
    expect(group()).toHaveAttribute('data-state', 'idle');
    const choice = await startLine(group(), 'Use a MIDI keyboard', 'MIDI input');
    expect(offered(choice)).toEqual(['None', 'Keystation 49', 'nanoKEY2']);
    await choosePort(choice, 'Keystation 49');
    expect(group()).toHaveAttribute('data-state', 'listening');
    expect(said()).toHaveTextContent('Plays Keys (armed)');
    act(() => input.emit(0x90, 60, 100));
    expect(open.studio.live.midi).toEqual([{ type: 'note_on', channel: 0, note: 60, velocity: 100 }]);

    // the page goes with the key still down: Live hears its note off
    first.unmount();
    expect(open.studio.live.midi.at(-1)).toEqual({ type: 'note_off', channel: 0, note: 60 });
    expect(input.listenerCount).toBe(0);

    // a reload: the keyboard chosen before plays at once
    render(page());
    await settled();
    expect(group()).toHaveAttribute('data-state', 'listening');
    act(() => input.emit(0x90, 62, 90));
    expect(open.studio.live.midi.at(-1)).toEqual({ type: 'note_on', channel: 0, note: 62, velocity: 90 });
  });

  it('says where there is no Web MIDI, rather than an empty list', async () => {
    open.studio.live.webMidi = noWebMidi('absent');
    render(page());
    await settled();
    expect(group()).toHaveAttribute('data-state', 'unsupported');
    expect(said()).toHaveTextContent('This browser has no Web MIDI (iPadOS Safari)');
    expect(within(group()).queryByRole('combobox')).toBeNull();
  });
});
