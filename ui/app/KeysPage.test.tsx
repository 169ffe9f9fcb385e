// @vitest-environment jsdom
/**
 * The Keys page, a layout on the studio's session: MIDI in and out in one
 * row above the tracks, the chosen track kept under `keys.track`, where the
 * notes go said once beside the chips, the keyboard's settings under
 * `keyboard` (the Play page's too).
 */
import { act, render, screen, within } from '@testing-library/react';
import { createActor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionActor } from '../connect/use-session';
import { FakeStudio } from '../fake-studio/fake-studio';
import { studioTargets } from '../fake-studio/studio-set';
import { pointerDown, pointerUp } from '../test/pointer';
import { KEYBOARD_SETTINGS, KeysPage } from './KeysPage';

async function settled(times = 20): Promise<void> {
  for (let i = 0; i < times; i += 1) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

const route = () => screen.getByRole('status', { name: 'Where the notes go' });

describe('the Keys page', () => {
  let studio: FakeStudio;
  let session: SessionActor;
  beforeEach(() => {
    localStorage.clear();
    studio = new FakeStudio();
    session = createActor(studio.machines.session).start();
  });
  afterEach(() => {
    session.stop();
    studio.stop();
  });

  it('plays the chosen track, armed in one tap, and keeps the choice and the keys across a reload', async () => {
    const page = render(<KeysPage machines={studio.machines} session={session} />);
    await settled();
    // MIDI in and out share one row above the tracks (side by side where they fit, on a phone one above the other)
    const ports = screen.getByRole('group', { name: 'MIDI in' }).parentElement;
    expect(ports).toHaveClass('ls-midi-ports');
    expect(within(ports ?? document.body).getByRole('group', { name: 'MIDI out' })).toBeInTheDocument();
    const tracks = screen.getByRole('radiogroup', { name: 'Track' });
    // nothing saved, nothing armed: the first MIDI track that can be armed
    expect(within(tracks).getByRole('radio', { name: 'Drums' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getAllByRole('status', { name: 'Where the notes go' })).toHaveLength(1);
    expect(route()).toHaveTextContent('No track is armed: notes go nowhere');
    act(() => within(tracks).getByRole('radio', { name: 'Keys' }).click());
    await settled();
    const arm = screen.getByRole('button', { name: 'Arm Keys' });
    act(() => {
      pointerDown(arm);
      pointerUp(arm, 0, 0);
    });
    await settled();
    expect(route()).toHaveTextContent('Plays Keys (armed)');
    expect(studio.live.objects.get(studioTargets.track(2))?.arm).toBe(true);
    act(() => screen.getByRole('button', { name: 'Octave up' }).click());
    const shown = screen.getByRole('status', { name: 'Keys shown' }).textContent;
    expect(JSON.parse(localStorage.getItem('livesurface:keys.track') ?? 'null')).toEqual({ name: 'Keys', index: 2 });
    expect(JSON.parse(localStorage.getItem(`livesurface:${KEYBOARD_SETTINGS}`) ?? '{}')).toMatchObject({ octave: 4 });

    page.unmount();
    render(<KeysPage machines={studio.machines} session={session} />);
    await settled();
    expect(screen.getByRole('radio', { name: 'Keys' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('status', { name: 'Keys shown' }).textContent).toBe(shown);
  });
});
