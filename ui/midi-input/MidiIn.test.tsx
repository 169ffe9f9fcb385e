// @vitest-environment jsdom
/**
 * MIDI in on the studio's session: a fake keyboard on a fake Web MIDI, its
 * notes to Live with the armed track named, the choice kept across a
 * reload, what sounds ended when the page goes, and a page without Web MIDI
 * saying so instead of an empty list. In StrictMode, as the app renders.
 */
import { act, render, screen, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { createActor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeWebMidi, FakeMidiAccess, FakeMidiInput, noWebMidi } from '../../fake-live/fake-midi-access';
import type { SessionActor } from '../connect/use-session';
import { FakeStudio } from '../fake-studio/fake-studio';
import { studioTargets } from '../fake-studio/studio-set';
import { LayoutProvider } from '../layouts/layout-context';
import { MidiIn } from './MidiInputControl';

async function settled(times = 20): Promise<void> {
  for (let i = 0; i < times; i += 1) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

const group = () => screen.getByRole('group', { name: 'MIDI in' });
const said = () => screen.getByRole('status', { name: 'MIDI in status' });

describe('MIDI in on the Keys page', () => {
  let studio: FakeStudio;
  let session: SessionActor;
  let input: FakeMidiInput;
  beforeEach(() => {
    localStorage.clear();
    studio = new FakeStudio();
    input = new FakeMidiInput('input-1', 'Keystation 49', 'M-Audio');
    studio.live.webMidi = fakeWebMidi(new FakeMidiAccess([input, new FakeMidiInput('input-2', 'nanoKEY2')]));
    session = createActor(studio.machines.session).start();
  });
  afterEach(() => {
    session.stop();
    studio.stop();
  });

  const page = () => (
    <StrictMode>
      <LayoutProvider machines={studio.machines} session={session}>
        <MidiIn />
      </LayoutProvider>
    </StrictMode>
  );

  it('plays Live from the chosen keyboard, names the armed track, and keeps the choice across a reload', async () => {
    studio.live.change(studioTargets.track(2), 'arm', true);
    const first = render(page());
    await settled();
    expect(group()).toHaveAttribute('data-state', 'idle');
    act(() => within(group()).getByRole('button', { name: 'Use a MIDI keyboard' }).click());
    await settled();
    const choice = within(group()).getByRole('combobox', { name: 'MIDI input' });
    expect(
      within(choice)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['None', 'Keystation 49', 'nanoKEY2']);
    act(() => {
      (choice as HTMLSelectElement).value = 'Keystation 49';
      choice.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settled();
    expect(group()).toHaveAttribute('data-state', 'listening');
    expect(said()).toHaveTextContent('Plays Keys (armed)');
    act(() => input.emit(0x90, 60, 100));
    expect(studio.live.midi).toEqual([{ type: 'note_on', channel: 0, note: 60, velocity: 100 }]);

    // the page goes with the key still down: Live hears its note off
    first.unmount();
    expect(studio.live.midi.at(-1)).toEqual({ type: 'note_off', channel: 0, note: 60 });
    expect(input.listenerCount).toBe(0);

    // a reload: the keyboard chosen before plays at once
    render(page());
    await settled();
    expect(group()).toHaveAttribute('data-state', 'listening');
    act(() => input.emit(0x90, 62, 90));
    expect(studio.live.midi.at(-1)).toEqual({ type: 'note_on', channel: 0, note: 62, velocity: 90 });
  });

  it('says where there is no Web MIDI, rather than an empty list', async () => {
    studio.live.webMidi = noWebMidi('absent');
    render(page());
    await settled();
    expect(group()).toHaveAttribute('data-state', 'unsupported');
    expect(said()).toHaveTextContent('This browser has no Web MIDI (iPadOS Safari)');
    expect(within(group()).queryByRole('combobox')).toBeNull();
  });
});
