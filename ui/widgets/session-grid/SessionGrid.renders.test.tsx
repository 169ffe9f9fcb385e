// @vitest-environment jsdom
/**
 * Inside the real grid on the studio, each cell sits in its own React
 * Profiler (the connected cells are wrapped where the grid imports them),
 * so a test sees which cells commit when one actor changes.
 */
import { act, render, screen } from '@testing-library/react';
import { memo, Profiler, type ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { settle } from '../../../fake-live/fake-live';
import type { SessionActor } from '../../connect/use-session';
import { FakeStudio } from '../../fake-studio/fake-studio';
import { studioTargets } from '../../fake-studio/studio-set';
import { pointerDown, pointerUp } from '../../test/pointer';
import { SessionGrid } from './SessionGrid';

const commits = vi.hoisted(() => new Map<string, number>());

/** The component as the grid renders it, inside a Profiler named by its actor. */
async function profiled<P extends object>(
  module: Promise<Record<string, unknown>>,
  name: string,
  idOf: (props: P) => string,
) {
  const Actual = (await module)[name] as ComponentType<P>;
  const record = (id: string) => commits.set(id, (commits.get(id) ?? 0) + 1);
  return {
    ...(await module),
    [name]: memo((props: P) => (
      <Profiler id={idOf(props)} onRender={record}>
        <Actual {...props} />
      </Profiler>
    )),
  };
}

vi.mock('./ClipSlotCell', (original) =>
  profiled(original(), 'ClipSlotCell', (props: { actor: { id: string } }) => props.actor.id),
);
vi.mock('./TrackStopCell', (original) =>
  profiled(original(), 'TrackStopCell', (props: { actor: { id: string } }) => `stop ${props.actor.id}`),
);
vi.mock('./SceneLaunchButton', (original) =>
  profiled(original(), 'SceneLaunchButton', (props: { actor: { id: string } }) => props.actor.id),
);

let running: SessionActor | null = null;
afterEach(() => {
  running?.stop();
  running = null;
});

/** Which profiled components committed since the last look. */
function committed(): string[] {
  const ids = [...commits.keys()].sort();
  commits.clear();
  return ids;
}

describe('SessionGrid renders', () => {
  it('only the cells whose own actor changed', async () => {
    const studio = new FakeStudio();
    const session = createActor(studio.machines.session).start();
    running = session;
    render(<SessionGrid session={session} />);
    await act(async () => {
      await waitFor(session, (snapshot) => snapshot.hasTag('ready'));
      await settle();
    });
    // every cell, stop cell and scene rendered while the set loaded
    expect(committed()).toHaveLength(16 + 4 + 4);

    const beatA = screen.getByRole('button', { name: 'Launch Beat A' });
    pointerDown(beatA);
    pointerUp(beatA, 0, 0);
    await act(settle);
    // Beat A plays, and its track's stop cell lights: nothing else
    expect(committed()).toEqual([`slot:${studioTargets.slot(0, 0)}`, `stop track:${studioTargets.track(0)}`]);

    // the song moves on: Beat A's position, and nothing else (the beat is written by BeatSync alone)
    await act(async () => {
      studio.advance(500);
      await settle();
    });
    expect(screen.getByRole('region', { name: 'Session' })).toHaveAttribute('data-beat', 'on');
    expect(committed()).toEqual([`slot:${studioTargets.slot(0, 0)}`]);

    // a clip renamed in Live: that cell only
    act(() => studio.live.change(studioTargets.clip(2, 0), 'name', 'Chords 2'));
    expect(committed()).toEqual([`slot:${studioTargets.slot(2, 0)}`]);

    // a track armed (rare): the cells of its column, whose empty slots now offer to record; no other column
    act(() => studio.live.change(studioTargets.track(3), 'arm', true));
    expect(committed()).toEqual([0, 1, 2, 3].map((scene) => `slot:${studioTargets.slot(3, scene)}`));
  });
});
