// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { pointerDown, pointerMove, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { LoopBar, MIN_LENGTH, moved, type LoopBarProps } from './LoopBar';
import { clipOf } from './roll-fixtures';
import type { RollIntent } from './roll-types';

// beat 1 at x 100; the loop 0..8, the markers 0..8
const VIEW = { startBeat: 0, pxPerBeat: 100, topRow: 71, rowPx: 10 };

describe('moved', () => {
  const base = { loopStart: 0, loopEnd: 8, start: 0, end: 8 };
  it('moves the loop’s body, or one end, keeping the ends apart', () => {
    expect(moved(base, [{ part: 'loop', beats: 2 }])).toEqual({ ...base, loopStart: 2, loopEnd: 10 });
    expect(moved(base, [{ part: 'loopEnd', beats: -3 }])).toEqual({ ...base, loopEnd: 5 });
    expect(moved(base, [{ part: 'loopStart', beats: 20 }]).loopStart).toBe(8 - MIN_LENGTH);
    expect(
      moved(base, [
        { part: 'loopStart', beats: 1 },
        { part: 'loopEnd', beats: 1 },
      ]),
    ).toMatchObject({ loopStart: 1, loopEnd: 9 });
    expect(moved(base, [{ part: 'start', beats: 1 }])).toEqual({ ...base, start: 1 });
    expect(moved(base, [{ part: 'end', beats: -9 }]).end).toBe(MIN_LENGTH);
  });
});

describe.each(RENDER_MODES)('LoopBar (%s)', (_, Mode) => {
  const bar = (props: Partial<LoopBarProps> = {}) => {
    const onIntent = vi.fn<(intent: RollIntent) => void>();
    render(
      <Mode>
        <LoopBar clip={clipOf(2)} viewport={VIEW} width={1000} grid={0.25} onIntent={onIntent} {...props} />
      </Mode>,
    );
    return { onIntent, intents: () => onIntent.mock.calls.map(([intent]) => intent) };
  };

  it('shows the loop and the markers as sliders, in Live’s positions', () => {
    bar();
    expect(screen.getByRole('slider', { name: 'Loop end' })).toHaveAttribute('aria-valuetext', '3.1');
    expect(screen.getByRole('slider', { name: 'Loop' })).toHaveAttribute('aria-valuetext', '1.1 to 3.1');
    expect(screen.getByRole('slider', { name: 'Start marker' })).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByRole('group', { name: 'Loop and markers' })).toHaveAttribute('data-loop', 'on');
  });

  it('drags the loop’s end: loop intents in raw beats, then release', () => {
    const { intents } = bar();
    const end = screen.getByRole('slider', { name: 'Loop end' });
    pointerDown(end, { x: 800, y: 10 });
    pointerMove(end, 750, 12);
    pointerMove(end, 675, 12);
    pointerUp(end, 675, 12);
    expect(intents()).toEqual([
      { type: 'loop', start: 0, end: 7.5 },
      { type: 'loop', start: 0, end: 6.75 },
      { type: 'release' },
    ]);
  });

  it('moves the whole loop by its body', () => {
    const { intents } = bar();
    const loop = screen.getByRole('slider', { name: 'Loop' });
    pointerDown(loop, { x: 400, y: 10 });
    pointerMove(loop, 600, 10);
    pointerUp(loop, 600, 10);
    expect(intents()).toEqual([{ type: 'loop', start: 2, end: 10 }, { type: 'release' }]);
  });

  it('takes both loop ends at once, one gesture', () => {
    const { intents } = bar();
    const start = screen.getByRole('slider', { name: 'Loop start' });
    const end = screen.getByRole('slider', { name: 'Loop end' });
    pointerDown(start, { pointerId: 1, x: 0, y: 10 });
    pointerDown(end, { pointerId: 2, x: 800, y: 10 });
    pointerMove(start, 100, 10, { pointerId: 1 });
    pointerMove(end, 400, 10, { pointerId: 2 });
    pointerUp(start, 100, 10, { pointerId: 1 });
    pointerUp(end, 400, 10, { pointerId: 2 });
    expect(intents()).toEqual([
      { type: 'loop', start: 1, end: 8 },
      { type: 'loop', start: 1, end: 4 },
      { type: 'release' },
    ]);
  });

  it('drags a marker: markers intents', () => {
    const { intents } = bar();
    const marker = screen.getByRole('slider', { name: 'Start marker' });
    pointerDown(marker, { x: 0, y: 40 });
    pointerMove(marker, 100, 40);
    pointerUp(marker, 100, 40);
    expect(intents()).toEqual([{ type: 'markers', start: 1, end: 8 }, { type: 'release' }]);
  });

  it('cancels on pointercancel, and sends nothing for a tap', () => {
    const { intents } = bar();
    const end = screen.getByRole('slider', { name: 'Loop end' });
    pointerDown(end, { x: 800, y: 10 });
    pointerUp(end, 800, 10);
    expect(intents()).toEqual([]);
    pointerDown(end, { x: 800, y: 10 });
    pointerMove(end, 700, 10);
    fireEvent.pointerCancel(end, { pointerId: 1 });
    expect(intents()).toEqual([{ type: 'loop', start: 0, end: 7 }, { type: 'cancel' }]);
  });

  it('moves by the grid from the keyboard, by a bar with Shift', () => {
    const { intents } = bar();
    const end = screen.getByRole('slider', { name: 'Loop end' });
    fireEvent.keyDown(end, { key: 'ArrowRight' });
    fireEvent.keyDown(end, { key: 'ArrowLeft', shiftKey: true });
    expect(intents()).toEqual([
      { type: 'loop', start: 0, end: 8.25 },
      { type: 'release' },
      { type: 'loop', start: 0, end: 4 },
      { type: 'release' },
    ]);
  });

  it('takes nothing when disabled', () => {
    const { intents } = bar({ disabled: true });
    const end = screen.getByRole('slider', { name: 'Loop end' });
    expect(end).toHaveAttribute('aria-disabled', 'true');
    pointerDown(end, { x: 800, y: 10 });
    pointerMove(end, 700, 10);
    pointerUp(end, 700, 10);
    fireEvent.keyDown(end, { key: 'ArrowRight' });
    expect(intents()).toEqual([]);
  });

  it('numbers the bars in view', () => {
    const { container } = render(
      <LoopBar clip={clipOf(8)} viewport={{ ...VIEW, pxPerBeat: 12 }} width={200} grid={null} onIntent={vi.fn()} />,
    );
    expect([...container.querySelectorAll('.ls-roll-ruler-label')].map((label) => label.textContent)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
  });
});
