// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pointerDown, pointerMove, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { beatToX, rowPosAt } from './geometry';
import { PianoRoll, type PianoRollProps } from './PianoRoll';
import { clipOf, KIT, note } from './roll-fixtures';
import type { RollIntent, RollNote } from './roll-types';
import { LONG_PRESS_MS } from './use-roll-gestures';
import { LEFT_MARGIN_PX } from './viewport';

/*
 * jsdom lays nothing out: the notes' area sits at (0, 0), so a finger's
 * client position is its position in the roll, and a ResizeObserver that
 * says every box is 1000 x 400 px gives the roll its size. In this viewport
 * beat 1 is at x 100 and pitch 60 spans y 110..120.
 */
class SizedObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(): void {
    const entry = { contentRect: { width: 1000, height: 400 } } as ResizeObserverEntry;
    this.callback([entry], this);
  }
  disconnect(): void {}
  unobserve(): void {}
}

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', SizedObserver);
});
const VIEW = { startBeat: 0, pxPerBeat: 100, topRow: 71, rowPx: 10 };
const NOTES: RollNote[] = [
  note(1, 60, 1, 1), // x 100..200, y 110..120
  note(2, 64, 3, 0.5), // x 300..350, y 70..80
];

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe.each(RENDER_MODES)('PianoRoll (%s)', (_, Mode) => {
  const roll = (props: Partial<PianoRollProps> = {}) => {
    const onIntent = vi.fn<(intent: RollIntent) => void>();
    const onViewport = vi.fn();
    const view = render(
      <Mode>
        <PianoRoll
          notes={NOTES}
          clip={clipOf(2)}
          viewport={VIEW}
          onViewport={onViewport}
          grid={0.25}
          rows={{ kind: 'keys' }}
          scale={null}
          playhead={null}
          mode="edit"
          onIntent={onIntent}
          label="Bass"
          {...props}
        />
      </Mode>,
    );
    const surface = screen.getByRole('application', { name: 'Notes' });
    const intents = () => onIntent.mock.calls.map(([intent]) => intent);
    return { ...view, surface, onIntent, onViewport, intents };
  };
  const touch = (surface: Element, pointerId: number, x: number, y: number) =>
    pointerDown(surface, { pointerId, x, y });

  it('is a named region with the notes described', () => {
    const { surface } = roll({
      notes: [NOTES[0] as RollNote, { ...(NOTES[1] as RollNote), selected: true, pending: 'offline' }],
    });
    expect(screen.getByRole('region', { name: 'Bass' })).toHaveAttribute('data-mode', 'edit');
    expect(surface).toHaveAccessibleDescription('2 notes, 1 selected, 1 not yet in Live');
    expect(surface).toHaveAttribute('tabindex', '0');
  });

  it('adds a note where an empty cell is tapped (raw beat, the row’s pitch)', () => {
    const { surface, intents } = roll();
    touch(surface, 1, 250, 55);
    pointerUp(surface, 252, 56, { pointerId: 1 });
    expect(intents()).toEqual([{ type: 'add', pitch: 66, beat: 2.5 }]);
  });

  it('selects a note tapped, and removes it when it is the one selected', () => {
    const first = roll();
    touch(first.surface, 1, 150, 115);
    pointerUp(first.surface, 150, 115, { pointerId: 1 });
    expect(first.intents()).toEqual([{ type: 'select', keys: [1], mode: 'replace' }]);
    first.unmount();

    const selected = roll({ notes: [{ ...(NOTES[0] as RollNote), selected: true }, NOTES[1] as RollNote] });
    touch(selected.surface, 1, 150, 115);
    pointerUp(selected.surface, 150, 115, { pointerId: 1 });
    expect(selected.intents()).toEqual([{ type: 'remove', keys: [1] }]);
  });

  it('narrows a selection of several to the note tapped', () => {
    const { surface, intents } = roll({ notes: NOTES.map((one) => ({ ...one, selected: true })) });
    touch(surface, 1, 150, 115);
    pointerUp(surface, 150, 115, { pointerId: 1 });
    expect(intents()).toEqual([{ type: 'select', keys: [1], mode: 'replace' }]);
  });

  it('moves a note dragged by its body: beats and whole semitones from where it landed', () => {
    const { surface, intents } = roll();
    touch(surface, 1, 150, 115);
    pointerMove(surface, 175, 112, { pointerId: 1 });
    pointerMove(surface, 200, 94, { pointerId: 1 });
    pointerUp(surface, 200, 94, { pointerId: 1 });
    expect(intents()).toEqual([
      { type: 'grab', key: 1, handle: 'body', copy: false },
      { type: 'drag', beats: 0.25, semitones: 0, free: false },
      { type: 'drag', beats: 0.5, semitones: 2, free: false },
      { type: 'release' },
    ]);
  });

  it('resizes a note dragged by its end, in time only', () => {
    const { surface, intents } = roll();
    touch(surface, 1, 196, 115);
    pointerMove(surface, 246, 90, { pointerId: 1 });
    pointerUp(surface, 246, 90, { pointerId: 1 });
    expect(intents()).toEqual([
      { type: 'grab', key: 1, handle: 'end', copy: false },
      { type: 'drag', beats: 0.5, semitones: 0, free: false },
      { type: 'release' },
    ]);
  });

  it('grabs a start edge from just before the note', () => {
    const { surface, intents } = roll();
    touch(surface, 1, 94, 115);
    pointerMove(surface, 44, 115, { pointerId: 1 });
    expect(intents()[0]).toEqual({ type: 'grab', key: 1, handle: 'start', copy: false });
    expect(intents()[1]).toMatchObject({ type: 'drag', beats: -0.5 });
  });

  it('makes the drag free while a second finger is down, and with Ctrl', () => {
    const { surface, intents } = roll();
    touch(surface, 1, 150, 115);
    pointerMove(surface, 180, 115, { pointerId: 1 });
    touch(surface, 2, 400, 300);
    pointerMove(surface, 190, 115, { pointerId: 1 });
    pointerUp(surface, 400, 300, { pointerId: 2 });
    pointerMove(surface, 200, 115, { pointerId: 1 });
    pointerUp(surface, 200, 115, { pointerId: 1 });
    expect(intents().map((intent) => (intent.type === 'drag' ? [intent.beats, intent.free] : intent.type))).toEqual([
      'grab',
      [0.3, false],
      [0.3, true],
      [0.4, true],
      [0.4, false],
      [0.5, false],
      'release',
    ]);
  });

  it('cancels a drag on pointercancel, and takes nothing after it', () => {
    const { surface, intents } = roll();
    touch(surface, 1, 150, 115);
    pointerMove(surface, 200, 115, { pointerId: 1 });
    fireEvent.pointerCancel(surface, { pointerId: 1 });
    pointerMove(surface, 260, 115, { pointerId: 1 });
    pointerUp(surface, 260, 115, { pointerId: 1 });
    expect(intents().map((intent) => intent.type)).toEqual(['grab', 'drag', 'cancel']);
  });

  it('ends a drag on lost capture as a cancel', () => {
    const { surface, intents } = roll();
    touch(surface, 1, 150, 115);
    pointerMove(surface, 200, 115, { pointerId: 1 });
    fireEvent.lostPointerCapture(surface, { pointerId: 1 });
    expect(intents().at(-1)).toEqual({ type: 'cancel' });
  });

  it('draws a lasso on empty space and selects what it touched', () => {
    const { surface, intents, container } = roll();
    touch(surface, 1, 80, 60);
    pointerMove(surface, 220, 100, { pointerId: 1 });
    pointerMove(surface, 360, 125, { pointerId: 1 });
    expect(container.querySelector('.ls-roll-lasso')).toHaveStyle({ left: '80px', top: '60px', width: '280px' });
    pointerUp(surface, 360, 125, { pointerId: 1 });
    expect(intents()).toEqual([{ type: 'select', keys: [1, 2], mode: 'replace' }]);
    expect(container.querySelector('.ls-roll-lasso')).toBeNull();
  });

  it('adds a note to the selection on a long press, then takes no tap', () => {
    vi.useFakeTimers();
    const { surface, intents } = roll();
    touch(surface, 1, 150, 115);
    act(() => {
      vi.advanceTimersByTime(LONG_PRESS_MS + 10);
    });
    pointerUp(surface, 150, 115, { pointerId: 1 });
    expect(intents()).toEqual([{ type: 'select', keys: [1], mode: 'toggle' }]);
  });

  it('adds a lasso to the selection after a long press on empty space', () => {
    vi.useFakeTimers();
    const { surface, intents } = roll();
    touch(surface, 1, 80, 100);
    act(() => {
      vi.advanceTimersByTime(LONG_PRESS_MS + 10);
    });
    pointerMove(surface, 220, 125, { pointerId: 1 });
    pointerUp(surface, 220, 125, { pointerId: 1 });
    expect(intents()).toEqual([{ type: 'select', keys: [1], mode: 'add' }]);
  });

  it('pinches time with a horizontal spread, rows apart, about the fingers’ middle', () => {
    const { surface, onViewport, intents } = roll();
    touch(surface, 1, 100, 100);
    touch(surface, 2, 300, 100);
    pointerMove(surface, 500, 100, { pointerId: 2 });
    // twice as wide: the beat under the middle (2, at x 200) is now under the new middle (300)
    expect(onViewport).toHaveBeenLastCalledWith({ startBeat: 0.5, pxPerBeat: 200, topRow: 71, rowPx: 10 });
    pointerUp(surface, 500, 100, { pointerId: 2 });
    pointerUp(surface, 100, 100, { pointerId: 1 });
    expect(intents()).toEqual([]);
  });

  it('pinches rows with a vertical spread', () => {
    const { surface, onViewport } = roll();
    touch(surface, 1, 200, 100);
    touch(surface, 2, 210, 200);
    pointerMove(surface, 210, 300, { pointerId: 2 });
    const last = onViewport.mock.lastCall?.[0] as typeof VIEW;
    expect(last.pxPerBeat).toBe(100);
    expect(last.rowPx).toBe(20);
  });

  it('pans with two fingers moving together, and with the one left after a pinch', () => {
    const { surface, onViewport } = roll({ viewport: { ...VIEW, startBeat: 4 } });
    touch(surface, 1, 100, 100);
    touch(surface, 2, 300, 100);
    pointerMove(surface, 250, 100, { pointerId: 2 });
    pointerMove(surface, 50, 100, { pointerId: 1 });
    expect(onViewport).toHaveBeenLastCalledWith({ startBeat: 4.5, pxPerBeat: 100, topRow: 71, rowPx: 10 });
    pointerUp(surface, 250, 100, { pointerId: 2 });
    pointerMove(surface, 0, 100, { pointerId: 1 });
    expect(onViewport).toHaveBeenLastCalledWith({ startBeat: 5, pxPerBeat: 100, topRow: 71, rowPx: 10 });
  });

  it('scrolls with one finger in navigate mode, and edits nothing', () => {
    const { surface, onViewport, intents } = roll({ mode: 'navigate', viewport: { ...VIEW, startBeat: 4 } });
    touch(surface, 1, 150, 115);
    pointerMove(surface, 100, 95, { pointerId: 1 });
    pointerUp(surface, 100, 95, { pointerId: 1 });
    expect(onViewport).toHaveBeenLastCalledWith({ startBeat: 4.5, pxPerBeat: 100, topRow: 69, rowPx: 10 });
    touch(surface, 1, 250, 55);
    pointerUp(surface, 250, 55, { pointerId: 1 });
    expect(intents()).toEqual([]);
  });

  it('takes no edits offline, still scrolls, and says so', () => {
    const { surface, onViewport, intents } = roll({ disabled: true, viewport: { ...VIEW, startBeat: 4 } });
    expect(screen.getByRole('status')).toHaveTextContent('Live is offline');
    expect(surface).toHaveAttribute('aria-disabled', 'true');
    touch(surface, 1, 150, 115);
    pointerMove(surface, 50, 115, { pointerId: 1 });
    pointerUp(surface, 50, 115, { pointerId: 1 });
    expect(intents()).toEqual([]);
    expect(onViewport).toHaveBeenCalled();
  });

  it('says it is loading, and that an empty clip takes a tap', () => {
    roll({ loading: true, notes: [] });
    expect(screen.getByRole('region', { name: 'Bass' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Loading the notes');
    document.body.innerHTML = '';
    roll({ notes: [] });
    expect(screen.getByRole('status')).toHaveTextContent('tap the grid to add one');
  });

  it('moves and removes the selection from the keyboard', () => {
    const { surface, intents } = roll({ notes: [{ ...(NOTES[0] as RollNote), selected: true }, NOTES[1] as RollNote] });
    fireEvent.keyDown(surface, { key: 'ArrowUp' });
    fireEvent.keyDown(surface, { key: 'Delete' });
    expect(intents()).toEqual([
      { type: 'grab', key: 1, handle: 'body', copy: false },
      { type: 'drag', beats: 0, semitones: 1, free: false },
      { type: 'release' },
      { type: 'remove', keys: [1] },
    ]);
  });

  it('scrolls from the keyboard with nothing selected', () => {
    const { surface, onViewport } = roll({ viewport: { ...VIEW, startBeat: 4 } });
    fireEvent.keyDown(surface, { key: 'ArrowLeft' });
    // left: earlier beats come into view
    expect(onViewport).toHaveBeenLastCalledWith({ ...VIEW, startBeat: 3.2 });
  });

  it('shows the editor’s word with its choices', () => {
    const onRetry = vi.fn();
    const onDiscard = vi.fn();
    roll({ notice: 'Live refused moving a note', onRetry, onDiscard });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Live refused moving a note');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    fireEvent.click(within(alert).getByRole('button', { name: 'Discard' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(onDiscard).toHaveBeenCalledTimes(1);
  });

  it('turns the page when the playhead leaves it, when following, within the clip', () => {
    const props = {
      notes: NOTES,
      clip: clipOf(2),
      viewport: VIEW,
      grid: 0.25,
      rows: { kind: 'keys' },
      scale: null,
      mode: 'edit',
      onIntent: vi.fn(),
    } as const;
    const onViewport = vi.fn();
    const { rerender } = render(
      <Mode>
        <PianoRoll {...props} onViewport={onViewport} playhead={7} follow />
      </Mode>,
    );
    expect(onViewport).not.toHaveBeenCalled();
    rerender(
      <Mode>
        <PianoRoll {...props} onViewport={onViewport} playhead={9.5} follow={false} />
      </Mode>,
    );
    expect(onViewport).not.toHaveBeenCalled();
    rerender(
      <Mode>
        <PianoRoll {...props} onViewport={onViewport} playhead={9.5} follow />
      </Mode>,
    );
    // the page would start at 9, but the clip (8 beats) ends a quarter of the way into it
    expect(onViewport).toHaveBeenLastCalledWith({ ...VIEW, startBeat: 5.5 });
  });

  it('fits the loop and its notes when it has no viewport yet, and hands the fit over', () => {
    const { onViewport } = roll({ viewport: null });
    expect(onViewport).toHaveBeenCalledTimes(1);
    const fitted = onViewport.mock.lastCall?.[0] as typeof VIEW;
    // the 8 beats of the loop across 1000 px, with room at the left
    expect(fitted.pxPerBeat).toBeCloseTo((1000 - 2 * LEFT_MARGIN_PX) / 8);
    expect(beatToX(fitted, 0)).toBeCloseTo(LEFT_MARGIN_PX);
    // the notes (pitches 60 to 64) in the middle of the height
    expect(rowPosAt(fitted, 200)).toBeCloseTo(62.5);
  });

  it('reports its size', () => {
    const onSize = vi.fn();
    roll({ onSize });
    expect(onSize).toHaveBeenCalledWith({ width: 1000, height: 400 });
  });

  it('names the keys in view, the scale when asked', () => {
    roll({ scale: { root: 9, intervals: [0, 2, 3, 5, 7, 8, 10] }, viewport: { ...VIEW, rowPx: 20, topRow: 72 } });
    const keys = screen.getByRole('list', { name: 'Keys' });
    expect(within(keys).getByRole('listitem', { name: 'A3, root' })).toHaveTextContent('A3');
    expect(within(keys).getByRole('listitem', { name: 'A#3, out of scale' })).toHaveTextContent('');
  });

  it('on a Drum Rack names its pads and adds notes on them', () => {
    const { surface, intents } = roll({
      rows: KIT,
      notes: [],
      viewport: { startBeat: 0, pxPerBeat: 100, topRow: 9, rowPx: 30 },
    });
    const pads = screen.getByRole('list', { name: 'Pads' });
    expect(
      within(pads)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual([
      'RideD#2',
      'CrashC#2',
      'Tom HighC2',
      'Hat OpenA#1',
      'Tom LowA1',
      'Hat ClosedF#1',
      'ClapD#1',
      'SnareD1',
      'RimC#1',
      'KickC1',
    ]);
    // the snare's row: (9 - 2) * 30 = 210..240
    touch(surface, 1, 50, 220);
    pointerUp(surface, 50, 220, { pointerId: 1 });
    expect(intents()).toEqual([{ type: 'add', pitch: 38, beat: 0.5 }]);
  });

  it('scrolls the rows with a finger on the keys', () => {
    const { onViewport } = roll();
    const keys = screen.getByRole('list', { name: 'Keys' });
    pointerDown(keys, { x: 10, y: 100 });
    pointerMove(keys, 10, 140);
    expect(onViewport).toHaveBeenLastCalledWith({ ...VIEW, topRow: 75 });
  });

  it('shows the velocity lane when asked', () => {
    roll({ velocityLane: true });
    expect(screen.getByRole('group', { name: 'Velocity' })).toBeInTheDocument();
  });
});
