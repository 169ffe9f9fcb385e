// @vitest-environment jsdom
/**
 * The grid's deliberate edits on the fake studio: a hold on an empty slot
 * offers a new clip of a chosen length (one undo step, Undo offered after);
 * a hold on a clip offers duplicate, copy, move, delete, rename and color;
 * a clip dragged or tapped onto another replaces it once the musician says
 * so; the perform lock disables the structural ones with the reason; a track's
 * name selects it in Live; Follow is kept on the tablet.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { settle } from '../../../fake-live/fake-live';
import { ref } from '../../../fake-live/set-builder';
import { initialLinkState } from '../../../link/link-state';
import { LOCKED_REASON } from '../../../machines/session-edits';
import type { SessionActor } from '../../connect/use-session';
import { FakeStudio } from '../../fake-studio/fake-studio';
import { studioTargets } from '../../fake-studio/studio-set';
import { pointerDown, pointerMove, pointerUp } from '../../test/pointer';
import { paletteColor } from '../../theme/live-colors';
import { SessionGrid } from './SessionGrid';
import { HOLD_MS } from './use-press';

let running: SessionActor | null = null;
beforeEach(() => localStorage.clear());
afterEach(() => {
  running?.stop();
  running = null;
});

async function studioGrid() {
  const studio = new FakeStudio();
  const session = createActor(studio.machines.session).start();
  running = session;
  render(<SessionGrid session={session} />);
  await act(async () => {
    await waitFor(session, (snapshot) => snapshot.hasTag('ready'));
    await settle();
  });
  return { studio, session };
}

const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await settle();
  });
const button = (name: string) => screen.getByRole('button', { name });
/** A right click (or the menu key): the slot's actions, as a long press opens them. */
const hold = (name: string) => fireEvent.contextMenu(button(name));
const dialog = () => within(screen.getByRole('dialog'));
const tap = (element: Element): void => {
  pointerDown(element);
  pointerUp(element, 0, 0);
};

/** A finger holds a clip, drags it away and lifts it over `onto` (jsdom has no layout: every point is on `onto`). */
function dragOnto(from: Element, onto: Element): void {
  const under = vi.spyOn(document, 'elementFromPoint').mockReturnValue(onto);
  // without layout every point is near the grid's edge, and jsdom's elements cannot scroll
  const grid = document.querySelector<HTMLElement>('.ls-session-grid');
  if (grid) grid.scrollBy = () => undefined;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    pointerDown(from, { x: 10, y: 10 });
    act(() => {
      vi.advanceTimersByTime(HOLD_MS + 10);
    });
  } finally {
    vi.useRealTimers();
  }
  pointerMove(from, 160, 40);
  pointerMove(from, 220, 60);
  pointerUp(from, 220, 60);
  under.mockRestore();
}
/** The calls that change clips, and the undo steps round them. */
const clipCalls = (calls: readonly string[]) => calls.filter((call) => /undo_step|clip/.test(call));

describe('the session grid’s clip edits', () => {
  it('creates a clip of a chosen length in one undo step, and Undo calls Live’s undo', async () => {
    const { studio } = await studioGrid();
    hold('Select Bass, slot 3');
    expect(screen.getByRole('dialog', { name: 'New clip' })).toHaveTextContent('Bass, slot 3');
    fireEvent.click(dialog().getByRole('button', { name: '2 bars' }));
    await flush();
    expect(screen.queryByRole('dialog')).toBeNull();
    const slot = studioTargets.slot(1, 2);
    expect(studio.live.calls.filter((call) => /undo_step|create_clip/.test(call))).toEqual([
      'call live_set begin_undo_step',
      `call ${slot} create_clip [8]`,
      'call live_set end_undo_step',
    ]);
    expect(button('Launch the clip in Bass, slot 3')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('New 2-bar clip in Bass, slot 3');
    fireEvent.click(button('Undo'));
    await flush();
    expect(studio.live.calls.at(-1)).toBe('call live_set undo');
  });

  it('duplicates a clip to the next empty slot below, deletes one with Undo offered, renames and recolors', async () => {
    const { studio } = await studioGrid();
    hold('Launch Beat B');
    const menu = dialog();
    expect(menu.getByRole('button', { name: /Duplicate/ })).toHaveTextContent('to Drums, slot 4');
    fireEvent.click(menu.getByRole('button', { name: /Duplicate/ }));
    await flush();
    expect(studio.live.calls).toContain(`call ${studioTargets.slot(0, 1)} duplicate_clip_to [{"$ref":1013}]`);
    expect(
      within(screen.getByRole('group', { name: 'Drums' })).getAllByRole('button', { name: 'Launch Beat B' }),
    ).toHaveLength(2);

    hold('Launch Fill');
    fireEvent.click(dialog().getByRole('button', { name: 'Delete' }));
    await flush();
    expect(button('Select Drums, slot 3')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Deleted Fill from Drums, slot 3');
    expect(button('Undo')).toBeInTheDocument();

    hold('Launch Root');
    fireEvent.change(dialog().getByRole('textbox', { name: 'Name' }), { target: { value: 'Root Note' } });
    fireEvent.click(dialog().getByRole('button', { name: 'Rename' }));
    await flush();
    expect(button('Launch Root Note')).toBeInTheDocument();

    hold('Launch Root Note');
    fireEvent.click(dialog().getByRole('radio', { name: 'Color 5' }));
    await flush();
    expect(dialog().getByRole('radio', { name: 'Color 5' })).toHaveAttribute('aria-checked', 'true');
    const cell = button('Launch Root Note').closest('.ls-clip') as HTMLElement;
    expect(cell.style.getPropertyValue('--ls-clip-color')).toBe(`#${paletteColor(4).toString(16).padStart(6, '0')}`);
  });

  it('moves a clip to a slot of a fitting track chosen with a tap; the clip does not launch meanwhile', async () => {
    const { studio } = await studioGrid();
    hold('Launch Walk');
    fireEvent.click(dialog().getByRole('button', { name: 'Move to…' }));
    expect(screen.getByRole('status')).toHaveTextContent('Tap a slot of a MIDI track to move Walk there');
    tap(button('Launch Walk'));
    await flush();
    expect(studio.live.calls.filter((call) => call.endsWith(' fire'))).toEqual([]);
    tap(button('Move here: Pad, slot 1'));
    await flush();
    const from = studioTargets.slot(1, 1);
    expect(studio.live.calls.filter((call) => /undo_step|clip/.test(call))).toEqual([
      'call live_set begin_undo_step',
      `call ${from} duplicate_clip_to [{"$ref":1040}]`,
      `call ${from} delete_clip`,
      'call live_set end_undo_step',
    ]);
    expect(
      within(screen.getByRole('group', { name: 'Pad' })).getByRole('button', { name: 'Launch Walk' }),
    ).toBeInTheDocument();
    expect(button('Select Bass, slot 2')).toBeInTheDocument();
  });

  it('asks before a dragged clip replaces another: Cancel changes nothing, Replace moves it in one undo step', async () => {
    const { studio } = await studioGrid();
    const from = studioTargets.slot(1, 1);
    const swell = within(screen.getByRole('group', { name: 'Pad' })).getByRole('button', { name: 'Launch Swell' });
    dragOnto(button('Launch Walk'), swell);
    const question = screen.getByRole('alertdialog', { name: 'Move onto a clip?' });
    expect(question).toHaveAccessibleDescription('Replace “Swell” in Pad, slot 2 with “Walk”?');
    expect(within(question).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    await flush();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(clipCalls(studio.live.calls)).toEqual([]);
    expect(button('Launch Swell')).toBeInTheDocument();
    expect(button('Launch Walk')).toBeInTheDocument();

    dragOnto(button('Launch Walk'), button('Launch Swell'));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Replace' }));
    await flush();
    expect(clipCalls(studio.live.calls)).toEqual([
      'call live_set begin_undo_step',
      `call ${from} duplicate_clip_to [{"$ref":1041}]`,
      `call ${from} delete_clip`,
      'call live_set end_undo_step',
    ]);
    expect(screen.queryByRole('button', { name: 'Launch Swell' })).toBeNull();
    expect(
      within(screen.getByRole('group', { name: 'Pad' })).getByRole('button', { name: 'Launch Walk' }),
    ).toBeInTheDocument();
    expect(button('Select Bass, slot 2')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Moved Walk to Pad, slot 2, replacing Swell');
    fireEvent.click(button('Undo'));
    await flush();
    expect(studio.live.calls.at(-1)).toBe('call live_set undo');
  });

  it('copies a clip tapped onto another once asked, and drops nothing on the clip’s own slot', async () => {
    const { studio } = await studioGrid();
    hold('Launch Chords');
    fireEvent.click(dialog().getByRole('button', { name: 'Copy to…' }));
    // its own slot takes nothing; a clip of a fitting track offers to be replaced
    expect(button('Launch Chords')).toHaveAttribute('aria-disabled', 'true');
    tap(button('Copy here, replacing Air: Pad, slot 3'));
    const question = screen.getByRole('alertdialog', { name: 'Copy onto a clip?' });
    expect(question).toHaveAccessibleDescription('Replace “Air” in Pad, slot 3 with “Chords”?');
    fireEvent.keyDown(question, { key: 'Escape' });
    await flush();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(clipCalls(studio.live.calls)).toEqual([]);

    hold('Launch Chords');
    fireEvent.click(dialog().getByRole('button', { name: 'Copy to…' }));
    tap(button('Copy here, replacing Air: Pad, slot 3'));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Replace' }));
    await flush();
    expect(clipCalls(studio.live.calls)).toEqual([
      'call live_set begin_undo_step',
      `call ${studioTargets.slot(2, 0)} duplicate_clip_to [{"$ref":1042}]`,
      'call live_set end_undo_step',
    ]);
    expect(screen.getAllByRole('button', { name: 'Launch Chords' })).toHaveLength(2);
    // a tap on a clip while placing asks to replace it: it never launched
    expect(studio.live.calls.filter((call) => call.endsWith(' fire'))).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('Copied Chords to Pad, slot 3, replacing Air');
  });

  it('shows the structural actions disabled with the reason while locked; rename stays', async () => {
    const { studio } = await studioGrid();
    act(() => studio.live.link({ ...initialLinkState, status: 'online', locked: true }));
    hold('Launch Chords');
    const menu = dialog();
    expect(menu.getByRole('note')).toHaveTextContent(LOCKED_REASON);
    for (const name of [/Duplicate/, 'Copy to…', 'Move to…', 'Delete']) {
      expect(menu.getByRole('button', { name })).toBeDisabled();
      expect(menu.getByRole('button', { name })).toHaveAccessibleDescription(LOCKED_REASON);
    }
    expect(menu.getByRole('textbox', { name: 'Name' })).toBeEnabled();
    fireEvent.click(menu.getByRole('button', { name: 'Close' }));
    hold('Select Keys, slot 2');
    for (const length of ['1 bar', '16 bars']) expect(dialog().getByRole('button', { name: length })).toBeDisabled();
  });

  it('selects a track in Live from its name, and shows Live’s selected track and scene', async () => {
    const { studio } = await studioGrid();
    fireEvent.click(button('Keys'));
    await flush();
    expect(studio.live.calls).toContain('set live_set view selected_track {"$ref":3}');
    expect(button('Keys')).toHaveAttribute('aria-current', 'true');
    act(() => studio.live.change('live_set view', 'selected_scene', ref(43, 'Scene')));
    expect(button('Launch scene Chorus')).toHaveAccessibleDescription('Ready to launch. Selected in Live');
    expect(button('Launch Stabs').closest('.ls-clip')).toHaveAttribute('data-highlighted', 'true');
  });

  it('keeps the Follow toggle on the tablet', async () => {
    await studioGrid();
    fireEvent.click(button('Follow'));
    expect(button('Follow')).toHaveAttribute('aria-pressed', 'true');
    await act(settle);
    expect(localStorage.getItem('livesurface:session.follow')).toBe('true');
  });
});
