// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noteName } from '../../../machines/scales';
import { fakeActor } from '../../test/fake-actor';
import { doubleTap, drag, pointerDown, pointerMove, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { Keyboard, type KeyboardProps } from './Keyboard';
import { fingersOn, keyboardSnapshot } from './seed';
import { layoutKeys, type KeyRect } from './layout';
import { LiveKeyboard } from './LiveKeyboard';

/** The key bed's box in these tests: jsdom lays nothing out. */
const BED = { left: 100, top: 50, width: 750, height: 200 };

beforeEach(() => {
  const zero = { left: 0, top: 0, width: 0, height: 0, right: 0, bottom: 0, x: 0, y: 0 };
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const box = this.classList.contains('ls-keybed')
      ? { ...BED, right: BED.left + BED.width, bottom: BED.top + BED.height, x: BED.left, y: BED.top }
      : zero;
    return { ...box, toJSON: () => box };
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function gestures() {
  return {
    onNoteDown: vi.fn<NonNullable<KeyboardProps['onNoteDown']>>(),
    onNoteMove: vi.fn(),
    onNoteUp: vi.fn(),
    onPressure: vi.fn(),
    onOctave: vi.fn(),
    onAllOff: vi.fn(),
    onBend: vi.fn(),
    onBendRelease: vi.fn(),
    onModulation: vi.fn(),
    onChannelPressure: vi.fn(),
    onScale: vi.fn(),
    onScaleMode: vi.fn(),
    onFollowSong: vi.fn(),
  };
}

/** Client coordinates of a point of a key: `along` 0 at its far end, 1 at its front edge. */
function pointOf(key: KeyRect, along = 0.5): { x: number; y: number } {
  return {
    x: BED.left + (key.left + key.width / 2) * BED.width,
    y: BED.top + (key.top + key.height * along) * BED.height,
  };
}

const LAYOUT = layoutKeys({ first: 60, octaves: 2, root: 0, scale: 'chromatic', mode: 'dim' });
const keyRect = (note: number): KeyRect => LAYOUT.find((key) => key.note === note)!;

describe.each(RENDER_MODES)('Keyboard (%s)', (_, Mode) => {
  const keyboard = (props: Partial<KeyboardProps> = {}) => {
    const spies = gestures();
    const view = render(
      <Mode>
        <Keyboard octave={3} {...spies} {...props} />
      </Mode>,
    );
    const bed = screen.getByRole('group', { name: 'Piano keys' });
    const key = (name: string) => within(bed).getByRole('button', { name });
    /** A finger down on a note's key, where the layout says the key is. */
    const touch = (pointerId: number, note: number, along = 0.5) =>
      pointerDown(key(noteName(note)), { pointerId, ...pointOf(keyRect(note), along) });
    return { ...spies, ...view, bed, key, touch };
  };

  it('shows two octaves of keys named as in Live, pressed while they sound', () => {
    const { bed, key } = keyboard({ pressed: [60, 64, 67] });
    const keys = within(bed).getAllByRole('button');
    expect(keys).toHaveLength(25);
    expect(keys[0]).toHaveAccessibleName('C3');
    expect(keys.at(-1)).toHaveAccessibleName('C5');
    expect(
      keys
        .filter((element) => element.getAttribute('aria-pressed') === 'true')
        .map((element) => element.getAttribute('aria-label')),
    ).toEqual(['C3', 'E3', 'G3']);
    expect(key('C#3')).toHaveAttribute('aria-pressed', 'false');
    expect(document.querySelector('.ls-keyboard')).toHaveAttribute('data-state', 'playing');
    expect(screen.getByRole('status', { name: 'Keys shown' })).toHaveTextContent('C3–C5');
  });

  it('follows the set’s scale from a toggle, pressed while it does', () => {
    const { onFollowSong, rerender } = keyboard();
    const toggle = screen.getByRole('button', { name: 'Song scale' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(toggle);
    expect(onFollowSong).toHaveBeenCalledWith(true);
    rerender(
      <Mode>
        <Keyboard octave={3} followSong onFollowSong={onFollowSong} />
      </Mode>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Song scale' }));
    expect(onFollowSong).toHaveBeenLastCalledWith(false);
  });

  it('has wheels that are vertical sliders with their ranges and values', () => {
    keyboard({ bend: 4096, modulation: 64, pressure: 10, bending: true });
    const bend = screen.getByRole('slider', { name: 'Pitch bend' });
    expect(bend).toHaveAttribute('aria-orientation', 'vertical');
    expect(bend).toHaveAttribute('aria-valuemin', '-8192');
    expect(bend).toHaveAttribute('aria-valuemax', '8191');
    expect(bend).toHaveAttribute('aria-valuenow', '4096');
    expect(bend).toHaveAttribute('aria-valuetext', '+50 %');
    expect(screen.getByRole('slider', { name: 'Modulation' })).toHaveAttribute('aria-valuenow', '64');
    expect(screen.getByRole('slider', { name: 'Aftertouch' })).toHaveAttribute('aria-valuetext', '10');
    expect(document.querySelector('.ls-keyboard')).toHaveAttribute('data-bending', 'true');
  });

  it('plays every finger on its own: a chord of three, each lifting its own note', () => {
    const { touch, bed, onNoteDown, onNoteUp } = keyboard();
    touch(1, 60);
    touch(2, 64);
    touch(3, 67);
    expect(onNoteDown.mock.calls.map(([id, note]) => [id, note])).toEqual([
      [1, 60],
      [2, 64],
      [3, 67],
    ]);
    const e3 = pointOf(keyRect(64));
    pointerUp(bed, e3.x, e3.y, { pointerId: 2 });
    expect(onNoteUp.mock.calls).toEqual([[2]]);
    // the other fingers still hold theirs: a move of finger 1 on its key changes nothing
    const c3 = pointOf(keyRect(60), 0.8);
    pointerMove(bed, c3.x, c3.y, { pointerId: 1 });
    expect(onNoteUp).toHaveBeenCalledTimes(1);
  });

  it('slides a finger from key to key by where it is on each move', () => {
    const { touch, bed, onNoteMove, onNoteUp } = keyboard();
    touch(1, 60, 0.9);
    const d3 = pointOf(keyRect(62), 0.9);
    pointerMove(bed, d3.x - 10, d3.y, { pointerId: 1 });
    pointerMove(bed, d3.x, d3.y, { pointerId: 1 });
    const cSharp = pointOf(keyRect(61), 0.3);
    pointerMove(bed, cSharp.x, cSharp.y, { pointerId: 1 });
    expect(onNoteMove.mock.calls).toEqual([
      [1, 62],
      [1, 61],
    ]);
    // off the keys a finger keeps its note
    pointerMove(bed, BED.left - 50, BED.top + 400, { pointerId: 1 });
    expect(onNoteMove).toHaveBeenCalledTimes(2);
    pointerUp(bed, 0, 0, { pointerId: 1 });
    expect(onNoteUp).toHaveBeenCalledWith(1);
  });

  it('strikes softly near the far end of a key and loudly at its front edge, black keys too', () => {
    const { touch, bed, onNoteDown } = keyboard();
    touch(1, 60, 0.1);
    pointerUp(bed, 0, 0, { pointerId: 1 });
    touch(2, 60, 0.95);
    touch(3, 61, 0.1);
    touch(4, 63, 0.95);
    const velocities = onNoteDown.mock.calls.map(([, , velocity]) => velocity);
    expect(velocities[0]).toBeLessThan(30);
    expect(velocities[1]).toBeGreaterThan(110);
    expect(velocities[2]).toBeLessThan(30);
    expect(velocities[3]).toBeGreaterThan(110);
  });

  it('sends a finger’s pressure as it changes, and nothing from a device that reports none', () => {
    const { touch, bed, onPressure } = keyboard();
    touch(1, 60);
    const c3 = pointOf(keyRect(60));
    pointerMove(bed, c3.x, c3.y + 2, { pointerId: 1 });
    expect(onPressure).not.toHaveBeenCalled();
    fireEvent.pointerMove(bed, { pointerId: 1, clientX: c3.x, clientY: c3.y, pressure: 0.8 });
    fireEvent.pointerMove(bed, { pointerId: 1, clientX: c3.x, clientY: c3.y, pressure: 0.8 });
    expect(onPressure.mock.calls).toEqual([[1, 102]]);
  });

  it('leaves no note hanging: cancel, lost capture, blur and unmount all lift', () => {
    const { touch, bed, onNoteUp, onAllOff, unmount } = keyboard();
    touch(1, 60);
    fireEvent.pointerCancel(bed, { pointerId: 1 });
    touch(2, 62);
    fireEvent.lostPointerCapture(bed, { pointerId: 2 });
    expect(onNoteUp.mock.calls).toEqual([[1], [2]]);
    // a key losing its own implicit capture to the key bed is no lift
    touch(3, 64);
    fireEvent.lostPointerCapture(screen.getByRole('button', { name: 'E3' }), { pointerId: 3 });
    expect(onNoteUp).toHaveBeenCalledTimes(2);
    // moves after a lift play nothing
    pointerMove(bed, BED.left + 700, BED.top + 100, { pointerId: 1 });
    touch(4, 65);
    act(() => {
      window.dispatchEvent(new Event('blur'));
    });
    expect(onAllOff).toHaveBeenCalledTimes(1);
    touch(5, 67);
    unmount();
    expect(onNoteUp.mock.calls.slice(2)).toEqual([[5]]);
  });

  it('sends the note before it takes focus and capture (the note must not wait for a restyle)', () => {
    const order: string[] = [];
    vi.spyOn(HTMLElement.prototype, 'focus').mockImplementation(() => order.push('focus'));
    const { touch, onNoteDown } = keyboard();
    onNoteDown.mockImplementation(() => order.push('note'));
    touch(1, 60);
    expect(order).toEqual(['note', 'focus']);
  });

  it('ignores the mouse’s other buttons', () => {
    const { key, onNoteDown } = keyboard();
    fireEvent.pointerDown(key('C3'), { pointerId: 1, pointerType: 'mouse', button: 2, ...pointOf(keyRect(60)) });
    expect(onNoteDown).not.toHaveBeenCalled();
  });

  it('plays from the computer keyboard as Live’s does; Z and X shift octaves', () => {
    const { key, onNoteDown, onNoteUp, onOctave } = keyboard({ octave: 2 });
    const c2 = key('C2');
    c2.focus();
    fireEvent.keyDown(c2, { key: 'a', code: 'KeyA' });
    fireEvent.keyDown(c2, { key: 'a', code: 'KeyA', repeat: true });
    fireEvent.keyDown(c2, { key: 'w', code: 'KeyW' });
    fireEvent.keyDown(c2, { key: 'k', code: 'KeyK' });
    expect(onNoteDown.mock.calls).toEqual([
      [-1, 48, 100],
      [-2, 49, 100],
      [-13, 60, 100],
    ]);
    fireEvent.keyUp(c2, { key: 'a', code: 'KeyA' });
    expect(onNoteUp.mock.calls).toEqual([[-1]]);
    fireEvent.keyDown(c2, { key: 'x', code: 'KeyX' });
    fireEvent.keyDown(c2, { key: 'z', code: 'KeyZ' });
    expect(onOctave.mock.calls).toEqual([[1], [-1]]);
    // shortcuts stay the browser's
    fireEvent.keyDown(c2, { key: 'a', code: 'KeyA', ctrlKey: true });
    expect(onNoteDown).toHaveBeenCalledTimes(3);
  });

  it('moves focus between keys with the arrows and plays the focused one with Space', () => {
    const { key, onNoteDown, onNoteUp } = keyboard({ root: 2, scale: 'major' });
    // the root is where Tab lands
    expect(key('D3')).toHaveAttribute('tabindex', '0');
    expect(key('C3')).toHaveAttribute('tabindex', '-1');
    key('D3').focus();
    fireEvent.keyDown(key('D3'), { key: 'ArrowRight' });
    expect(key('D#3')).toHaveFocus();
    expect(key('D#3')).toHaveAttribute('tabindex', '0');
    fireEvent.keyDown(key('D#3'), { key: ' ', code: 'Space' });
    fireEvent.keyUp(key('D#3'), { key: ' ', code: 'Space' });
    expect(onNoteDown).toHaveBeenCalledWith(expect.any(Number), 63, 100);
    expect(onNoteUp).toHaveBeenCalledWith(onNoteDown.mock.calls[0]![0]);
    fireEvent.keyDown(key('D#3'), { key: 'End' });
    expect(key('C5')).toHaveFocus();
  });

  it('dims the keys out of the scale and marks its roots', () => {
    const { bed, key } = keyboard({ root: 9, scale: 'minor', scaleMode: 'dim' });
    expect(within(bed).getAllByRole('button')).toHaveLength(25);
    expect(key('C#3')).toHaveAttribute('data-out-of-scale', 'true');
    expect(key('C3')).not.toHaveAttribute('data-out-of-scale');
    expect(bed.querySelectorAll('[data-root]')).toHaveLength(2);
    expect(key('A3')).toHaveAttribute('data-root', 'true');
  });

  it('hides the keys out of the scale: a row of the scale’s keys, played where they now are', () => {
    const { bed, key, onNoteDown } = keyboard({ root: 9, scale: 'minorPentatonic', scaleMode: 'hide' });
    const names = within(bed)
      .getAllByRole('button')
      .map((element) => element.getAttribute('aria-label'));
    expect(names).toEqual(['C3', 'D3', 'E3', 'G3', 'A3', 'C4', 'D4', 'E4', 'G4', 'A4', 'C5']);
    expect(bed).toHaveAttribute('data-layout', 'row');
    // the fourth of eleven equal keys is G3
    pointerDown(key('G3'), { pointerId: 1, x: BED.left + (3.5 / 11) * BED.width, y: BED.top + BED.height / 2 });
    expect(onNoteDown).toHaveBeenCalledWith(1, 67, 64);
  });

  it('changes octave, root, scale and what becomes of keys out of it', () => {
    const { onOctave, onScale, onScaleMode } = keyboard({ scale: 'major' });
    fireEvent.click(screen.getByRole('button', { name: 'Octave up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Octave down' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Root' }), { target: { value: '7' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Scale' }), { target: { value: 'dorian' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Keys out of the scale' }), { target: { value: 'hide' } });
    expect(onOctave.mock.calls).toEqual([[1], [-1]]);
    expect(onScale.mock.calls).toEqual([
      [7, 'major'],
      [0, 'dorian'],
    ]);
    expect(onScaleMode).toHaveBeenCalledWith('hide');
  });

  it('stops at Live’s lowest and highest octaves', () => {
    keyboard({ octave: 8 });
    expect(screen.getByRole('button', { name: 'Octave up' })).toBeDisabled();
    expect(screen.getAllByRole('button', { name: /^[A-G]#?\d$/ })).toHaveLength(8);
  });

  it('bends while the wheel is dragged and lets go on release, chord held meanwhile', () => {
    const { touch, onBend, onBendRelease, onNoteUp } = keyboard({ pressed: [60] });
    touch(1, 60);
    const bend = screen.getByRole('slider', { name: 'Pitch bend' });
    drag(bend, 0, -45, { pointerId: 7 });
    expect(onBend.mock.lastCall?.[0]).toBeCloseTo(4096, -1);
    expect(onBendRelease).toHaveBeenCalledTimes(1);
    expect(onNoteUp).not.toHaveBeenCalled();
    fireEvent.keyDown(bend, { key: 'ArrowDown' });
    expect(onBend.mock.lastCall?.[0]).toBe(-512);
    fireEvent.keyUp(bend, { key: 'ArrowDown' });
    expect(onBendRelease).toHaveBeenCalledTimes(2);
  });

  it('keeps modulation where it is left (double tap resets it) and springs aftertouch back', () => {
    const { onModulation, onChannelPressure } = keyboard({ modulation: 40 });
    const mod = screen.getByRole('slider', { name: 'Modulation' });
    drag(mod, 0, -36);
    expect(onModulation.mock.lastCall?.[0]).toBeCloseTo(65.4, 0);
    doubleTap(mod);
    expect(onModulation).toHaveBeenLastCalledWith(0);
    const aftertouch = screen.getByRole('slider', { name: 'Aftertouch' });
    drag(aftertouch, 0, -90, { pointerId: 3 });
    expect(onChannelPressure.mock.calls.at(-2)?.[0]).toBeCloseTo(63.5, 0);
    expect(onChannelPressure).toHaveBeenLastCalledWith(0);
  });
});

describe('LiveKeyboard', () => {
  it.each(RENDER_MODES)('shows the actor’s notes and sends touches as its events (%s)', (_, Mode) => {
    const fake = fakeActor(
      keyboardSnapshot({ notes: 'playing', bend: 'centred' }, { held: fingersOn([60, 67]), root: 9, scale: 'minor' }),
    );
    const { unmount } = render(
      <Mode>
        <LiveKeyboard actor={fake.actor} />
      </Mode>,
    );
    const bed = screen.getByRole('group', { name: 'Piano keys' });
    expect(within(bed).getByRole('button', { name: 'C3' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(bed).getByRole('button', { name: 'G3' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(bed).getByRole('button', { name: 'A#3' })).toHaveAttribute('data-out-of-scale', 'true');
    fake.sent.length = 0;

    pointerDown(within(bed).getByRole('button', { name: 'E3' }), { pointerId: 4, ...pointOf(keyRect(64), 1) });
    const f3 = pointOf(keyRect(65));
    pointerMove(bed, f3.x, f3.y, { pointerId: 4 });
    pointerUp(bed, f3.x, f3.y, { pointerId: 4 });
    fireEvent.click(screen.getByRole('button', { name: 'Octave up' }));
    expect(fake.sent).toEqual([
      { type: 'ui.keyDown', pointerId: 4, note: 64, velocity: 127 },
      { type: 'ui.keyMove', pointerId: 4, note: 65 },
      { type: 'ui.keyUp', pointerId: 4 },
      { type: 'ui.octave', delta: 1 },
    ]);
    fake.sent.length = 0;
    drag(screen.getByRole('slider', { name: 'Pitch bend' }), 0, -20, { pointerId: 9 });
    expect(fake.sent.map((event) => event.type)).toEqual([
      'ui.bend',
      'ui.bend',
      'ui.bend',
      'ui.bend',
      'ui.bendRelease',
    ]);

    fake.sent.length = 0;
    unmount();
    expect(fake.sent).toContainEqual({ type: 'ui.allOff' });
  });

  it('follows the actor: bending, another octave, hidden keys', () => {
    const fake = fakeActor(keyboardSnapshot({ notes: 'silent', bend: 'centred' }));
    render(<LiveKeyboard actor={fake.actor} />);
    act(() =>
      fake.emit(
        keyboardSnapshot(
          { notes: 'playing', bend: 'bending' },
          { held: fingersOn([72]), bend: -8192, octave: 4, scale: 'major', scaleMode: 'hide' },
        ),
      ),
    );
    expect(document.querySelector('.ls-keyboard')).toHaveAttribute('data-bending', 'true');
    expect(screen.getByRole('slider', { name: 'Pitch bend' })).toHaveAttribute('aria-valuetext', '−100 %');
    expect(screen.getByRole('button', { name: 'C4' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('button', { name: 'C#4' })).toBeNull();
  });

  it('re-renders only when something it shows changes', () => {
    const fake = fakeActor(keyboardSnapshot({ notes: 'playing', bend: 'centred' }, { held: fingersOn([60]) }));
    const commits = vi.fn();
    render(
      <Profiler id="keyboard" onRender={commits}>
        <LiveKeyboard actor={fake.actor} />
      </Profiler>,
    );
    const before = commits.mock.calls.length;
    // a second finger on the same note, a pressure sent: nothing the keyboard shows
    act(() =>
      fake.emit(
        keyboardSnapshot(
          { notes: 'playing', bend: 'centred' },
          { held: [...fingersOn([60]), { pointerId: 7, note: 60, velocity: 3, pressure: 5 }] },
        ),
      ),
    );
    expect(commits).toHaveBeenCalledTimes(before);
    act(() => fake.emit(keyboardSnapshot({ notes: 'playing', bend: 'centred' }, { held: fingersOn([60, 64]) })));
    expect(commits).toHaveBeenCalledTimes(before + 1);
  });
});

describe('Keyboard filling a tall space', () => {
  /** A ResizeObserver that reports the key bed's frame as `width` × `height` px at once. */
  function observeAs(width: number, height: number) {
    class SizedObserver {
      constructor(private readonly report: ResizeObserverCallback) {}
      observe(element: Element) {
        const entry = { target: element, contentRect: { width, height } } as unknown as ResizeObserverEntry;
        this.report([entry], this);
      }
      unobserve() {}
      disconnect() {}
    }
    vi.stubGlobal('ResizeObserver', SizedObserver);
  }

  afterEach(() => vi.unstubAllGlobals());

  it('stacks rows of keys, each the next octaves up, where the space is much taller than keys need', () => {
    observeAs(330, 560);
    render(<Keyboard octave={3} octaves={2} fill {...gestures()} />);
    // a phone's width holds one octave a row; its height two rows, the higher on top
    const rows = screen.getAllByRole('group', { name: /^Piano keys / }).map((row) => row.getAttribute('aria-label'));
    expect(rows).toEqual(['Piano keys C4–C5', 'Piano keys C3–C4']);
    expect(screen.getByRole('status', { name: 'Keys shown' })).toHaveTextContent('C3–C5');
    expect(document.querySelector('.ls-keyboard')).toHaveAttribute('data-fill', 'true');
  });

  it('keeps one row on a wide space, or when it does not fill', () => {
    observeAs(1000, 520);
    const { unmount } = render(<Keyboard octave={3} octaves={2} fill {...gestures()} />);
    expect(screen.getAllByRole('group', { name: 'Piano keys' })).toHaveLength(1);
    unmount();
    observeAs(330, 560);
    render(<Keyboard octave={3} octaves={2} {...gestures()} />);
    expect(screen.getAllByRole('group', { name: 'Piano keys' })).toHaveLength(1);
  });
});
