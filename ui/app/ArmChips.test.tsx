// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { createActor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinkError } from '../../link/errors';
import { useTrackActors, type SessionActor } from '../connect/use-session';
import { FakeStudio } from '../fake-studio/fake-studio';
import { studioTargets } from '../fake-studio/studio-set';
import { pointerDown, pointerUp } from '../test/pointer';
import { TrackNotesRoute } from './ArmChips';
import { useChosenTrack } from './TrackPicker';

function Route({ session }: { session: SessionActor }) {
  const { chosen, summaries } = useChosenTrack('test.track', useTrackActors(session));
  return <TrackNotesRoute tracks={summaries} chosen={chosen} patienceMs={60} />;
}

const DRUMS = studioTargets.track(0);
const BASS = studioTargets.track(1);
/** A finger on a button and off it. */
function touch(name: string): void {
  const button = screen.getByRole('button', { name });
  pointerDown(button);
  pointerUp(button, 0, 0);
}

const said = () => screen.getByRole('status', { name: 'Where the notes go' }).textContent;

describe('where the notes go, on the studio’s tracks', () => {
  let studio: FakeStudio;
  let session: SessionActor;

  beforeEach(() => {
    localStorage.clear();
    studio = new FakeStudio();
    session = createActor(studio.machines.session).start();
  });

  afterEach(() => session.stop());

  it('says nothing is armed, arms the chosen track in one touch, and leaves only it armed when asked', async () => {
    render(<Route session={session} />);
    await waitFor(() => expect(said()).toBe('No track is armed: notes go nowhere'));
    touch('Arm Drums');
    await waitFor(() => expect(said()).toBe('Plays Drums (armed)'));
    expect(studio.live.calls).toContain(`set ${DRUMS} arm true`);
    // another track armed in Live: the notes reach both; one touch leaves only the chosen one
    studio.live.change(BASS, 'arm', true);
    await waitFor(() => expect(said()).toBe('Plays Drums and Bass (armed)'));
    touch('Only Drums');
    await waitFor(() => expect(said()).toBe('Plays Drums (armed)'));
    expect(studio.live.calls).toContain(`set ${BASS} arm false`);
  });

  it('says so when Live does not arm the track', async () => {
    render(<Route session={session} />);
    await waitFor(() => expect(said()).toBe('No track is armed: notes go nowhere'));
    studio.live.failures.set(`${DRUMS} arm`, new LinkError('live_error', 'Track can’t be armed'));
    pointerDown(screen.getByRole('button', { name: 'Arm Drums' }));
    pointerUp(screen.getByRole('button', { name: 'Arming Drums…' }), 0, 0);
    expect(screen.getByRole('button', { name: 'Arming Drums…' })).toHaveAttribute('aria-disabled', 'true');
    expect(await screen.findByRole('alert')).toHaveTextContent('Live did not arm Drums');
    // the touch can be tried again
    studio.live.failures.clear();
    touch('Arm Drums');
    await waitFor(() => expect(said()).toBe('Plays Drums (armed)'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
