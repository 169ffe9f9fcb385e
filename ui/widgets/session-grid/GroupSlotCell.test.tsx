// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { settle } from '../../../fake-live/fake-live';
import { ref } from '../../../fake-live/set-builder';
import type { SessionActor } from '../../connect/use-session';
import { FakeStudio } from '../../fake-studio/fake-studio';
import { STUDIO_TRACKS, studioTargets } from '../../fake-studio/studio-set';
import { pointerDown, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { cssColor, paletteColor } from '../../theme/live-colors';
import { SessionGrid } from './SessionGrid';

let running: SessionActor | null = null;
afterEach(() => {
  running?.stop();
  running = null;
});

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await settle();
  });
const tap = (element: Element): void => {
  pointerDown(element);
  pointerUp(element, 0, 0);
};

/** The studio with its Keys track a group holding Pad (Pad's clips: none, Swell, Air, none). */
async function groupGrid(Mode: (typeof RENDER_MODES)[number][1]) {
  const studio = new FakeStudio();
  const keys = studioTargets.track(2);
  studio.live.define(keys, { is_foldable: true });
  studio.live.define(studioTargets.track(3), { group_track: ref(3, 'Track') });
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
  await flush();
  return { studio, column: within(screen.getByRole('group', { name: 'Keys' })) };
}

describe.each(RENDER_MODES)('a group track in the SessionGrid (%s)', (_, Mode) => {
  it('shows in each slot what its tracks’ clips there do, in the first one’s color, and offers nothing else', async () => {
    const { column } = await groupGrid(Mode);
    // the group's own slots hold nothing a tap or a hold could edit: no clip names, no editor, no new clip
    expect(column.queryByRole('button', { name: /^Launch Chords|^Select Keys/ })).toBeNull();
    const empty = column.getByRole('button', { name: 'Keys, slot 1' });
    expect(empty).toHaveAttribute('aria-disabled', 'true');
    expect(empty.closest('.ls-clip')).toHaveAttribute('data-state', 'empty');
    const swell = column.getByRole('button', { name: 'Launch Keys, slot 2' });
    const cell = swell.closest('.ls-clip') as HTMLElement;
    expect(cell).toHaveAttribute('data-state', 'stopped');
    expect(cell.style.getPropertyValue('--ls-clip-color')).toBe(
      cssColor(paletteColor(STUDIO_TRACKS[3]?.colorIndex ?? 0)),
    );
    expect(swell).toHaveAccessibleDescription('Stopped');
    expect(cell.querySelector('.ls-clip-name')?.textContent).toBe(''); // Live names no group slot
    fireEvent.contextMenu(swell);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(column.queryByRole('button', { name: /^Edit/ })).toBeNull();
  });

  it('launches its tracks’ clips in the scene from a tap, and shows them playing', async () => {
    const { studio, column } = await groupGrid(Mode);
    tap(column.getByRole('button', { name: 'Launch Keys, slot 2' }));
    await flush();
    expect(studio.live.calls).toContain(`call ${studioTargets.slot(2, 1)} fire`);
    act(() => studio.live.change(studioTargets.slot(3, 1), 'playing_status', 1));
    await flush();
    expect(column.getByRole('button', { name: 'Launch Keys, slot 2' }).closest('.ls-clip')).toHaveAttribute(
      'data-state',
      'playing',
    );
  });
});
