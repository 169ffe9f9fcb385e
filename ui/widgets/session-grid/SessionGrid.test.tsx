// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createActor, getInitialSnapshot, waitFor } from 'xstate';
import { LinkError } from '../../../link/errors';
import { inertEffects, settle } from '../../../fake-live/fake-live';
import { transportMachine } from '../../../machines/transport';
import type { SessionActor } from '../../connect/use-session';
import { beatOf } from '../../connect/use-transport';
import { FakeStudio } from '../../fake-studio/fake-studio';
import { STUDIO_SCENES, STUDIO_TRACKS, studioTargets } from '../../fake-studio/studio-set';
import { fakeActor } from '../../test/fake-actor';
import { pointerDown, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { cssColor, paletteColor } from '../../theme/live-colors';
import { BeatSync } from './BeatSync';
import { SessionGrid } from './SessionGrid';

const tap = (element: Element): void => {
  pointerDown(element);
  pointerUp(element, 0, 0);
};
const cellOf = (name: string): HTMLElement =>
  screen.getByRole('button', { name }).closest('[data-state]') as HTMLElement;

let running: SessionActor | null = null;
afterEach(() => {
  running?.stop();
  running = null;
});

async function studioGrid(Mode: (typeof RENDER_MODES)[number][1]) {
  const studio = new FakeStudio();
  const session = createActor(studio.machines.session).start();
  running = session;
  render(
    <Mode>
      <SessionGrid session={session} />
    </Mode>,
  );
  await act(async () => {
    await waitFor(session, (snapshot) => snapshot.hasTag('ready'));
    await settle();
  });
  return { studio, session };
}

/** Moves the studio on and lets its changes reach the page. */
async function advance(studio: FakeStudio, ms: number): Promise<void> {
  await act(async () => {
    studio.advance(ms);
    await settle();
  });
}

describe.each(RENDER_MODES)('SessionGrid on the studio (%s)', (_, Mode) => {
  it('shows tracks as columns with their names and colors, a cell per slot, a stop cell each, and the scenes', async () => {
    await studioGrid(Mode);
    const session = screen.getByRole('region', { name: 'Session' });
    expect(session).toHaveAttribute('data-state', 'ready');
    expect(session).not.toHaveAttribute('aria-busy');
    for (const track of STUDIO_TRACKS) {
      const group = screen.getByRole('group', { name: track.name });
      expect(group.style.getPropertyValue('--ls-track-color')).toBe(cssColor(paletteColor(track.colorIndex)));
      const column = within(group);
      expect(column.getByRole('button', { name: `Stop ${track.name}` })).toBeInTheDocument();
      track.clips.forEach((clip, scene) => {
        const name = clip === null ? `Select ${track.name}, slot ${scene + 1}` : `Launch ${clip}`;
        expect(column.getByRole('button', { name })).toBeInTheDocument();
      });
    }
    const scenes = within(screen.getByRole('group', { name: 'Scenes' }));
    expect(
      scenes
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label'))
        .filter((label) => label !== null),
    ).toEqual(STUDIO_SCENES.map((name) => `Launch scene ${name}`));
    expect(scenes.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('launches a clip: it plays, its position moves, and the grid blinks on the beat', async () => {
    const { studio } = await studioGrid(Mode);
    const region = screen.getByRole('region', { name: 'Session' });
    expect(region).not.toHaveAttribute('data-beat');
    tap(screen.getByRole('button', { name: 'Launch Beat A' }));
    await act(settle);
    expect(studio.live.calls).toContain(`call ${studioTargets.slot(0, 0)} fire`);
    expect(cellOf('Launch Beat A')).toHaveAttribute('data-state', 'playing');
    expect(region).toHaveAttribute('data-beat', 'on');
    await advance(studio, 750);
    expect(screen.getByRole('progressbar', { name: 'Beat A position' })).toHaveAttribute('aria-valuenow', '38');
    expect(region).toHaveAttribute('data-beat', 'off');

    // another clip of the track waits for the bar, blinking
    tap(screen.getByRole('button', { name: 'Launch Beat B' }));
    await act(settle);
    expect(cellOf('Launch Beat B')).toHaveAttribute('data-state', 'triggered');
    await advance(studio, 1300);
    expect(cellOf('Launch Beat B')).toHaveAttribute('data-state', 'playing');
    expect(cellOf('Launch Beat A')).toHaveAttribute('data-state', 'stopped');
    expect(screen.queryByRole('progressbar', { name: 'Beat A position' })).toBeNull();
  });

  it('stops a track on the bar from its stop cell, and launches a scene’s row', async () => {
    const { studio } = await studioGrid(Mode);
    tap(screen.getByRole('button', { name: 'Launch Root' }));
    await act(settle);
    // the stop comes a little after the launch: a stop right on a grid line (the song's first beat) stops at once, as in the simulator
    await advance(studio, 100);
    tap(screen.getByRole('button', { name: 'Stop Bass' }));
    await act(settle);
    expect(studio.live.calls).toContain(`call ${studioTargets.track(1)} stop_all_clips`);
    expect(cellOf('Stop Bass')).toHaveAttribute('data-state', 'stopping');
    await advance(studio, 2100);
    expect(cellOf('Stop Bass')).toHaveAttribute('data-state', 'stopped');
    expect(cellOf('Launch Root')).toHaveAttribute('data-state', 'stopped');

    tap(screen.getByRole('button', { name: 'Launch scene Verse' }));
    await act(settle);
    expect(cellOf('Launch scene Verse')).toHaveAttribute('data-state', 'triggered');
    expect(cellOf('Launch Walk')).toHaveAttribute('data-state', 'triggered');
    await advance(studio, 2100);
    expect(cellOf('Launch scene Verse')).toHaveAttribute('data-state', 'idle');
    for (const clip of ['Beat B', 'Walk', 'Swell'])
      expect(cellOf(`Launch ${clip}`)).toHaveAttribute('data-state', 'playing');
  });

  it('creates nothing on a tap on an empty slot: Live highlights it', async () => {
    const { studio } = await studioGrid(Mode);
    tap(screen.getByRole('button', { name: 'Select Bass, slot 3' }));
    await act(settle);
    expect(studio.live.calls.filter((call) => call.includes('create_clip'))).toEqual([]);
    expect(studio.live.calls).toContain('set live_set view highlighted_clip_slot {"$ref":1022}');
    expect(screen.getByRole('button', { name: 'Select Bass, slot 3' })).toBeInTheDocument();
  });

  it('says when Live is offline, over the grid, and when it is back', async () => {
    const { studio } = await studioGrid(Mode);
    act(() => studio.live.status({ usable: false, epoch: 1 }));
    expect(screen.getByRole('status')).toHaveTextContent('Live is offline');
    expect(screen.getByRole('region', { name: 'Session' })).toHaveAttribute('data-state', 'offline');
    act(() => studio.live.status({ usable: true, epoch: 1 }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('SessionGrid, loading and failing', () => {
  it('is busy while loading, and offers a retry when the set cannot be loaded', async () => {
    const studio = new FakeStudio();
    studio.live.failures.set('live_set tracks', new LinkError('timeout', 'Live did not answer'));
    const session = createActor(studio.machines.session).start();
    running = session;
    render(<SessionGrid session={session} />);
    await act(settle);
    expect(screen.getByRole('status')).toHaveTextContent('The set could not be loaded');
    expect(screen.getByRole('status')).toHaveTextContent('Live did not answer');
    studio.live.failures.clear();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await act(async () => {
      await waitFor(session, (snapshot) => snapshot.hasTag('ready'));
    });
    expect(screen.getByRole('button', { name: 'Launch Beat A' })).toBeInTheDocument();
  });
});

describe('BeatSync', () => {
  const initial = getInitialSnapshot(transportMachine.provide({ actors: inertEffects() }), {}).context;
  const transport = (value: 'stopped' | 'playing', songTime: number) =>
    transportMachine.resolveState({
      value: { live: { ready: value } },
      context: { ...initial, playing: value === 'playing', songTime },
    });

  it('is on for the first half of each beat, off for the second, and nothing when stopped', () => {
    expect(beatOf(transport('playing', 4.2))).toBe('on');
    expect(beatOf(transport('playing', 4.6))).toBe('off');
    expect(beatOf(transport('stopped', 4.2))).toBeNull();
  });

  it('writes the beat on its target without rendering what is around it', () => {
    const fake = fakeActor(transport('playing', 0.1));
    const target = { current: document.createElement('div') };
    render(<BeatSync transport={fake.actor} targetRef={target} />);
    expect(target.current.dataset.beat).toBe('on');
    act(() => fake.emit(transport('playing', 0.7)));
    expect(target.current.dataset.beat).toBe('off');
    act(() => fake.emit(transport('stopped', 0.7)));
    expect(target.current.dataset.beat).toBeUndefined();
  });
});
