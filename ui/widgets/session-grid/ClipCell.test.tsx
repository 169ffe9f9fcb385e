// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { clipCellView, loopProgress } from '../../connect/use-clip-slot';
import { fakeActor } from '../../test/fake-actor';
import { drag, pointerDown, pointerMove, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { ClipCell, type ClipCellProps } from './ClipCell';
import { ClipSlotCell } from './ClipSlotCell';
import { clipSlotSnapshot, seedClipCell } from './seed';
import type { ClipCellState } from './states';
import { HOLD_MS, LIFT_CLICK_MS } from './use-press';

function callbacks() {
  return { onLaunch: vi.fn(), onSelect: vi.fn(), onRecord: vi.fn(), onRetry: vi.fn() };
}

const tap = (element: Element, pointerId = 1): void => {
  pointerDown(element, { pointerId });
  pointerUp(element, 0, 0, { pointerId });
};

describe.each(RENDER_MODES)('ClipCell (%s)', (_, Mode) => {
  const cell = (props: Partial<ClipCellProps> = {}) => {
    const spies = callbacks();
    render(
      <Mode>
        <ClipCell state="stopped" name="Beat A" color={0xff3636} location="Drums, slot 1" {...spies} {...props} />
      </Mode>,
    );
    return spies;
  };
  const root = () => document.querySelector('.ls-clip') as HTMLElement;

  it('is a button that launches the clip by its name, in Live’s color, saying its state', () => {
    const { onLaunch } = cell();
    const launch = screen.getByRole('button', { name: 'Launch Beat A' });
    expect(launch).toHaveAccessibleDescription('Stopped');
    expect(launch).not.toHaveAttribute('aria-disabled');
    expect(launch).toHaveTextContent('Beat A');
    expect(root()).toHaveAttribute('data-state', 'stopped');
    expect(root().style.getPropertyValue('--ls-clip-color')).toBe('#ff3636');
    expect(root().style.getPropertyValue('--ls-clip-text')).toBe('#fff');
    expect(onLaunch).not.toHaveBeenCalled();
  });

  it('launches on a still finger’s lift, on a mouse’s down, once per press, and from the keyboard’s click', () => {
    const { onLaunch } = cell();
    const launch = screen.getByRole('button', { name: 'Launch Beat A' });
    pointerDown(launch);
    expect(onLaunch).not.toHaveBeenCalled();
    pointerUp(launch, 0, 0);
    expect(onLaunch).toHaveBeenCalledTimes(1);
    // the click a pointer makes after its up (detail 1) does not launch again
    fireEvent.click(launch, { detail: 1 });
    expect(onLaunch).toHaveBeenCalledTimes(1);
    // Enter and Space click with detail 0
    fireEvent.click(launch, { detail: 0 });
    expect(onLaunch).toHaveBeenCalledTimes(2);
    // a mouse launches on its down, as a click lands; its other buttons do nothing
    pointerDown(launch, { pointerType: 'mouse' });
    expect(onLaunch).toHaveBeenCalledTimes(3);
    pointerUp(launch, 0, 0, { pointerType: 'mouse' });
    fireEvent.pointerDown(launch, { pointerId: 3, pointerType: 'mouse', button: 2 });
    expect(onLaunch).toHaveBeenCalledTimes(3);
  });

  it('launches nothing when a finger swipes (any way, any size) or the browser takes it for a scroll', () => {
    const onHold = vi.fn();
    const { onLaunch } = cell({ onHold });
    const launch = screen.getByRole('button', { name: 'Launch Beat A' });
    drag(launch, 0, 60);
    drag(launch, -40, 0);
    drag(launch, 8, 9);
    pointerDown(launch);
    fireEvent.pointerCancel(launch, { pointerId: 1, pointerType: 'touch' });
    pointerUp(launch, 0, 0);
    expect(onLaunch).not.toHaveBeenCalled();
    expect(onHold).not.toHaveBeenCalled();
    // a finger that wanders less than the slop still taps
    drag(launch, 4, 3);
    expect(onLaunch).toHaveBeenCalledTimes(1);
  });

  it('asks for the clip’s actions on a long press (not launching), a right click, or the menu key', () => {
    vi.useFakeTimers();
    try {
      const onHold = vi.fn();
      const { onLaunch } = cell({ onHold });
      const launch = screen.getByRole('button', { name: 'Launch Beat A' });
      expect(launch).toHaveAccessibleDescription('Stopped. Hold for the clip’s actions');
      pointerDown(launch);
      act(() => {
        vi.advanceTimersByTime(HOLD_MS + 10);
      });
      expect(root()).toHaveAttribute('data-held');
      pointerUp(launch, 0, 0);
      expect(onHold).toHaveBeenCalledTimes(1);
      expect(onLaunch).not.toHaveBeenCalled();
      expect(root()).not.toHaveAttribute('data-held');
      fireEvent.contextMenu(launch);
      expect(onHold).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets go of the click a held finger’s lift makes: what the hold opened under it is not pressed', () => {
    vi.useFakeTimers();
    try {
      const onHold = vi.fn();
      cell({ onHold });
      const launch = screen.getByRole('button', { name: 'Launch Beat A' });
      const sheet = document.body.appendChild(document.createElement('button'));
      const pressed = vi.fn();
      sheet.addEventListener('click', pressed);
      pointerDown(launch);
      act(() => {
        vi.advanceTimersByTime(HOLD_MS + 10);
      });
      pointerUp(launch, 0, 0);
      expect(onHold).toHaveBeenCalledTimes(1);
      fireEvent.click(sheet, { detail: 1 }); // the lift's own click, where the finger was
      expect(pressed).not.toHaveBeenCalled();
      fireEvent.click(sheet, { detail: 1 }); // a later tap
      expect(pressed).toHaveBeenCalledTimes(1);
      // no click came after a lift: the next one, once the lift is long gone, counts
      pointerDown(launch);
      act(() => {
        vi.advanceTimersByTime(HOLD_MS + 10);
      });
      pointerUp(launch, 0, 0);
      act(() => {
        vi.advanceTimersByTime(LIFT_CLICK_MS + 10);
      });
      fireEvent.click(sheet, { detail: 1 });
      expect(pressed).toHaveBeenCalledTimes(2);
      sheet.remove();
    } finally {
      vi.useRealTimers();
    }
  });

  it('drags a held clip that moves on', () => {
    vi.useFakeTimers();
    try {
      const moves = { start: vi.fn(), move: vi.fn(), end: vi.fn(), cancel: vi.fn() };
      const onHold = vi.fn();
      const props = { state: 'stopped', name: 'Beat A', drag: moves, onHold } as const;
      const { rerender } = render(
        <Mode>
          <ClipCell {...props} />
        </Mode>,
      );
      const { onLaunch } = { onLaunch: vi.fn() };
      const launch = screen.getByRole('button', { name: 'Launch Beat A' });
      pointerDown(launch, { x: 50, y: 20 });
      act(() => {
        vi.advanceTimersByTime(HOLD_MS + 10);
      });
      pointerMove(launch, 120, 30);
      // the grid shows where the clip may go as the drag begins: this cell is its source now, and holds no more
      rerender(
        <Mode>
          <ClipCell {...props} onLaunch={onLaunch} drag={undefined} placing={{ verb: 'Move', role: 'source' }} />
        </Mode>,
      );
      pointerMove(launch, 200, 40);
      pointerUp(launch, 200, 40);
      expect(moves.start).toHaveBeenCalledWith({ x: 50, y: 20 });
      expect(moves.move).toHaveBeenLastCalledWith({ x: 200, y: 40 });
      expect(moves.end).toHaveBeenCalledWith({ x: 200, y: 40 });
      expect(onHold).not.toHaveBeenCalled();
      expect(onLaunch).not.toHaveBeenCalled();
      // the system takes the finger mid-drag: nothing is dropped
      rerender(
        <Mode>
          <ClipCell {...props} />
        </Mode>,
      );
      pointerDown(launch, { x: 50, y: 20 });
      act(() => {
        vi.advanceTimersByTime(HOLD_MS + 10);
      });
      pointerMove(launch, 120, 30);
      fireEvent.pointerCancel(launch, { pointerId: 1, pointerType: 'touch' });
      expect(moves.cancel).toHaveBeenCalledTimes(1);
      expect(moves.end).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('names a clip without a name by where it is', () => {
    cell({ name: '' });
    expect(screen.getByRole('button', { name: 'Launch the clip in Drums, slot 1' })).toBeInTheDocument();
  });

  it('selects an empty slot on a tap (creating nothing: a hold offers a new clip), or records when the track is armed', () => {
    const onHold = vi.fn();
    const { onSelect, onRecord, onLaunch } = cell({ ...seedClipCell('empty'), onHold });
    const empty = screen.getByRole('button', { name: 'Select Drums, slot 1' });
    expect(empty).toHaveAccessibleDescription('Empty. Hold for a new clip');
    tap(empty);
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onHold).not.toHaveBeenCalled();
    expect(onLaunch).not.toHaveBeenCalled();
    document.body.innerHTML = '';
    const armed = cell({ ...seedClipCell('empty'), armed: true });
    const record = screen.getByRole('button', { name: 'Record into Drums, slot 1' });
    expect(record).toHaveAccessibleDescription('Empty, track armed');
    expect(root()).toHaveAttribute('data-armed');
    tap(record);
    expect(armed.onRecord).toHaveBeenCalledTimes(1);
    expect(armed.onSelect).not.toHaveBeenCalled();
    expect(onRecord).not.toHaveBeenCalled();
  });

  it.each([
    ['checking', 'Checking the slot'],
    ['creating', 'Creating a clip'],
    ['loading', 'Loading the clip'],
  ] as const)('is busy and takes no press while %s', (state, text) => {
    const spies = cell({ ...seedClipCell(state) });
    const button = screen.getByRole('button', { name: 'Drums, slot 1' });
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(text);
    tap(button);
    fireEvent.click(button, { detail: 0 });
    expect(Object.values(spies).every((spy) => spy.mock.calls.length === 0)).toBe(true);
  });

  it('shows how far a playing or recording clip is through its loop, and nothing of it when stopped', () => {
    cell({ ...seedClipCell('playing'), location: 'Drums, slot 1' });
    expect(screen.getByRole('button', { name: 'Launch Beat A' })).toHaveAccessibleDescription('Playing');
    const progress = screen.getByRole('progressbar', { name: 'Beat A position' });
    expect(progress).toHaveAttribute('aria-valuenow', '38');
    expect(root().style.getPropertyValue('--ls-clip-progress')).toBe('0.38');
    document.body.innerHTML = '';
    cell({ ...seedClipCell('recording') });
    expect(screen.getByRole('progressbar', { name: 'Beat A position' })).toHaveAttribute('aria-valuenow', '75');
    expect(screen.getByRole('button', { name: 'Launch Beat A' })).toHaveAccessibleDescription('Recording');
    document.body.innerHTML = '';
    cell({ ...seedClipCell('stopped'), progress: 0.5 });
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says when it is triggered, and can be launched again then', () => {
    const { onLaunch } = cell({ ...seedClipCell('triggered') });
    const launch = screen.getByRole('button', { name: 'Launch Beat A' });
    expect(launch).toHaveAccessibleDescription('Triggered, starts on the next launch');
    expect(root()).toHaveAttribute('data-state', 'triggered');
    tap(launch);
    expect(onLaunch).toHaveBeenCalledTimes(1);
  });

  it('offers a retry when failed, and takes no launch', () => {
    const { onRetry, onLaunch } = cell({ ...seedClipCell('failed') });
    const button = screen.getByRole('button', { name: 'Drums, slot 1' });
    expect(button).toHaveAttribute('aria-invalid', 'true');
    expect(button).toHaveAccessibleDescription('Failed: Live did not answer within 30 s');
    tap(button);
    expect(onLaunch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Retry Drums, slot 1' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('marks a degraded slot and says what is missing', () => {
    cell({ ...seedClipCell('stopped', { optionalFailures: { looping: 'looping: refused' } }, { degraded: true }) });
    expect(root()).toHaveAttribute('data-degraded');
    expect(screen.getByRole('button', { name: 'Launch Beat A' })).toHaveAccessibleDescription(
      'Stopped. Incomplete: looping: looping: refused',
    );
    expect(document.querySelector('.ls-clip-notice')).toHaveAttribute('title', 'looping: looping: refused');
  });

  it('says a deleted slot is gone, and takes no press', () => {
    const { onLaunch, onSelect } = cell({ ...seedClipCell('gone') });
    const button = screen.getByRole('button', { name: 'Drums, slot 1' });
    expect(button).toHaveAccessibleDescription('Deleted in Live');
    tap(button);
    expect(onLaunch).not.toHaveBeenCalled();
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('launches two clips touched by two fingers at once', () => {
    const first = callbacks();
    const second = callbacks();
    render(
      <Mode>
        <ClipCell state="stopped" name="Beat A" {...first} />
        <ClipCell state="playing" name="Root" progress={0.2} {...second} />
      </Mode>,
    );
    const beat = screen.getByRole('button', { name: 'Launch Beat A' });
    const root = screen.getByRole('button', { name: 'Launch Root' });
    pointerDown(beat, { pointerId: 1 });
    pointerDown(root, { pointerId: 2 });
    pointerUp(root, 0, 0, { pointerId: 2 });
    pointerUp(beat, 0, 0, { pointerId: 1 });
    expect(first.onLaunch).toHaveBeenCalledTimes(1);
    expect(second.onLaunch).toHaveBeenCalledTimes(1);
  });
});

describe('the clip slot’s view', () => {
  it('reads each machine state as the cell’s state', () => {
    const states: ClipCellState[] = [
      'empty',
      'checking',
      'creating',
      'loading',
      'stopped',
      'triggered',
      'playing',
      'recording',
      'failed',
      'gone',
    ];
    expect(states.map((state) => clipCellView(clipSlotSnapshot(state)).state)).toEqual(states);
  });

  it('shows no clip color or name without a clip, and the error only when failed', () => {
    expect(seedClipCell('empty')).toMatchObject({ name: '', color: null, progress: null, error: null });
    expect(seedClipCell('failed').error).toBe('Live did not answer within 30 s');
    expect(seedClipCell('stopped', { commandError: 'frozen' }).notice).toBe('launch refused: frozen');
  });

  it('measures progress through the loop, in whole percents, within it', () => {
    expect(loopProgress({ playingPosition: 6, loopStart: 4, loopEnd: 12 })).toBe(0.25);
    expect(loopProgress({ playingPosition: 4.123, loopStart: 4, loopEnd: 12 })).toBe(0.02);
    expect(loopProgress({ playingPosition: 13, loopStart: 4, loopEnd: 12 })).toBe(1);
    expect(loopProgress({ playingPosition: 1, loopStart: 4, loopEnd: 4 })).toBe(0);
  });
});

describe('ClipSlotCell', () => {
  it.each(RENDER_MODES)('shows the actor’s slot and sends presses as its events (%s)', (_, Mode) => {
    const fake = fakeActor(clipSlotSnapshot('stopped'));
    render(
      <Mode>
        <ClipSlotCell actor={fake.actor} location="Drums, slot 1" />
      </Mode>,
    );
    tap(screen.getByRole('button', { name: 'Launch Beat A' }));
    expect(fake.sent).toEqual([{ type: 'ui.fire' }]);
    act(() => fake.emit(clipSlotSnapshot('empty')));
    // an empty slot's tap creates nothing
    tap(screen.getByRole('button', { name: 'Select Drums, slot 1' }));
    expect(fake.sent).toEqual([{ type: 'ui.fire' }]);
    act(() => fake.emit(clipSlotSnapshot('failed')));
    fireEvent.click(screen.getByRole('button', { name: 'Retry Drums, slot 1' }));
    expect(fake.sent.at(-1)).toEqual({ type: 'ui.retry' });
  });

  it('records into an empty slot of an armed track by firing it', () => {
    const fake = fakeActor(clipSlotSnapshot('empty'));
    render(<ClipSlotCell actor={fake.actor} location="Keys, slot 2" armed />);
    tap(screen.getByRole('button', { name: 'Record into Keys, slot 2' }));
    expect(fake.sent).toEqual([{ type: 'ui.fire' }]);
  });

  it('follows the actor: triggered, playing with its position', () => {
    const fake = fakeActor(clipSlotSnapshot('stopped'));
    render(<ClipSlotCell actor={fake.actor} />);
    act(() => fake.emit(clipSlotSnapshot('triggered')));
    expect(document.querySelector('.ls-clip')).toHaveAttribute('data-state', 'triggered');
    act(() => fake.emit(clipSlotSnapshot('playing', { playingPosition: 6 })));
    expect(screen.getByRole('progressbar', { name: 'Beat A position' })).toHaveAttribute('aria-valuenow', '75');
  });

  it('re-renders only when its own actor changes what it shows', () => {
    const actors = ['a', 'b', 'c'].map(() => fakeActor(clipSlotSnapshot('playing', { playingPosition: 2 })));
    const commits: Record<string, number> = { a: 0, b: 0, c: 0 };
    const count = (id: string) => {
      commits[id] = (commits[id] ?? 0) + 1;
    };
    render(
      <>
        {actors.map((fake, index) => {
          const id = 'abc'[index] as string;
          return (
            <Profiler key={id} id={id} onRender={count}>
              <ClipSlotCell actor={fake.actor} location={`slot ${id}`} />
            </Profiler>
          );
        })}
      </>,
    );
    expect(commits).toEqual({ a: 1, b: 1, c: 1 });
    // the second clip moves on: only its cell renders
    act(() => actors[1]?.emit(clipSlotSnapshot('playing', { playingPosition: 4 })));
    expect(commits).toEqual({ a: 1, b: 2, c: 1 });
    // what the cell does not show (notes changed, a move finer than a percent) renders nothing
    act(() => actors[1]?.emit(clipSlotSnapshot('playing', { playingPosition: 4.01, notesVersion: 3 })));
    expect(commits).toEqual({ a: 1, b: 2, c: 1 });
    act(() => actors[2]?.emit(clipSlotSnapshot('stopped')));
    expect(commits).toEqual({ a: 1, b: 2, c: 2 });
  });
});
