// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plainPads } from '../../../machines/drum-pad-list';
import { fakeActor } from '../../test/fake-actor';
import { pointerDown, pointerMove, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { DrumPads } from './DrumPads';
import { Pads, type PadsProps } from './Pads';
import { drumPadsSnapshot, fingersOnPads, LOADING_PADS, PADS_STATES, rackContext, STUDIO_PADS } from './seed';

/** Every pad's box in these tests (jsdom lays nothing out): 100 px tall from y 200. */
const PAD = { left: 0, top: 200, width: 100, height: 100 };

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const box = this.classList.contains('ls-pad') ? PAD : { left: 0, top: 0, width: 0, height: 0 };
    const rect = { ...box, right: box.left + box.width, bottom: box.top + box.height, x: box.left, y: box.top };
    return { ...rect, toJSON: () => rect };
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function gestures() {
  return {
    onPadDown: vi.fn(),
    onPadUp: vi.fn(),
    onPressure: vi.fn(),
    onAllOff: vi.fn(),
    onRepeat: vi.fn(),
    onRate: vi.fn(),
    onRetry: vi.fn(),
    onScroll: vi.fn(),
  };
}

describe.each(RENDER_MODES)('Pads (%s)', (_, Mode) => {
  const pads = (props: Partial<PadsProps> = {}) => {
    const spies = gestures();
    const view = render(
      <Mode>
        <Pads pads={STUDIO_PADS} state="ready" rackName="808 Core Kit" {...spies} {...props} />
      </Mode>,
    );
    const grid = screen.getByRole('group', { name: 'Drum pads' });
    const pad = (name: string) => within(grid).getByRole('button', { name });
    /** A finger lands on a pad, `along` 0 at its top edge, 1 at its bottom edge. */
    const touch = (pointerId: number, name: string, along = 0.5) =>
      pointerDown(pad(name), { pointerId, x: 50, y: PAD.top + PAD.height * along });
    return { ...spies, ...view, grid, pad, touch };
  };

  it('lays out sixteen pads named as in Live, the first bottom-left, counting right then up', () => {
    const { grid } = pads();
    const names = within(grid)
      .getAllByRole('button')
      .map((element) => element.getAttribute('aria-label'));
    expect(names).toHaveLength(16);
    expect(names.slice(0, 4)).toEqual(['Crash, C2', 'Shaker, C#2', 'Cowbell, D2', 'Perc, D#2']);
    expect(names.slice(12)).toEqual(['Kick, C1', 'Rim, C#1', 'Snare, D1', 'Clap, D#1']);
    expect(screen.getByRole('status', { name: 'Pads' })).toHaveTextContent('808 Core Kit');
  });

  it('names a plain grid by its notes', () => {
    const { grid } = pads({ pads: plainPads(), state: 'plain', rackName: '' });
    expect(within(grid).getAllByRole('button').at(12)).toHaveAccessibleName('C1');
    expect(screen.getByRole('status', { name: 'Pads' })).toHaveTextContent('Notes');
    expect(within(screen.getByRole('group', { name: 'Pads shown' })).getByText('C1–D#2')).toBeInTheDocument();
  });

  it('moves the pads shown by a row, up to note 127 and down to note 0, when it can play', () => {
    const { onScroll, rerender } = pads();
    fireEvent.click(screen.getByRole('button', { name: 'Higher pads' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lower pads' }));
    expect(onScroll.mock.calls).toEqual([[1], [-1]]);
    const spies = gestures();
    rerender(
      <Mode>
        <Pads pads={plainPads(0)} state="plain" {...spies} />
      </Mode>,
    );
    expect(screen.getByRole('button', { name: 'Lower pads' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Higher pads' })).toBeEnabled();
    rerender(
      <Mode>
        <Pads pads={plainPads(112)} state="plain" {...spies} />
      </Mode>,
    );
    expect(screen.getByRole('button', { name: 'Higher pads' })).toBeDisabled();
    rerender(
      <Mode>
        <Pads pads={LOADING_PADS} state="loading" {...spies} />
      </Mode>,
    );
    expect(screen.getByRole('button', { name: 'Higher pads' })).toBeDisabled();
  });

  it('sends the note before it takes focus and capture (the note must not wait for a restyle)', () => {
    const order: string[] = [];
    vi.spyOn(HTMLElement.prototype, 'focus').mockImplementation(() => order.push('focus'));
    const { touch, onPadDown } = pads();
    onPadDown.mockImplementation(() => order.push('note'));
    touch(1, 'Kick, C1');
    expect(order).toEqual(['note', 'focus']);
  });

  it('strikes softly at a pad’s top edge and loudly at its bottom edge', () => {
    const { touch, grid, onPadDown } = pads();
    touch(1, 'Kick, C1', 0.05);
    touch(2, 'Snare, D1', 0.95);
    expect(onPadDown.mock.calls).toEqual([
      [1, 0, expect.any(Number)],
      [2, 2, expect.any(Number)],
    ]);
    const [soft, loud] = onPadDown.mock.calls.map(([, , velocity]) => velocity as number);
    expect(soft).toBeLessThan(15);
    expect(loud).toBeGreaterThan(115);
    pointerUp(grid, 0, 0, { pointerId: 1 });
  });

  it('plays every finger on its own: each lifts its own, on up, cancel or lost capture', () => {
    const { touch, grid, onPadUp, onPadDown } = pads();
    touch(1, 'Kick, C1');
    touch(2, 'Snare, D1');
    touch(3, 'Hat Closed, F1');
    // a finger keeps the pad it struck: moving onto another strikes nothing
    pointerMove(grid, 50, 900, { pointerId: 1 });
    expect(onPadDown).toHaveBeenCalledTimes(3);
    pointerUp(grid, 0, 0, { pointerId: 2 });
    fireEvent.pointerCancel(grid, { pointerId: 3 });
    fireEvent.lostPointerCapture(grid, { pointerId: 1 });
    expect(onPadUp.mock.calls).toEqual([[2], [3], [1]]);
    // an up that comes again changes nothing
    pointerUp(grid, 0, 0, { pointerId: 2 });
    expect(onPadUp).toHaveBeenCalledTimes(3);
  });

  it('sends a finger’s pressure only when it changes', () => {
    const { pad, grid, onPressure } = pads();
    fireEvent.pointerDown(pad('Kick, C1'), { pointerId: 5, pressure: 0.3, clientX: 50, clientY: 250 });
    fireEvent.pointerMove(grid, { pointerId: 5, pressure: 0.3 });
    fireEvent.pointerMove(grid, { pointerId: 5, pressure: 0.5 });
    fireEvent.pointerMove(grid, { pointerId: 5, pressure: 0.5 });
    fireEvent.pointerMove(grid, { pointerId: 5, pressure: 1 });
    expect(onPressure.mock.calls).toEqual([
      [5, 64],
      [5, 127],
    ]);
  });

  it('shows the pads held, each with the velocity it was struck at', () => {
    const { pad } = pads({
      held: [
        { pad: 0, velocity: 127 },
        { pad: 5, velocity: 40 },
      ],
      state: 'ready',
    });
    expect(pad('Kick, C1')).toHaveAttribute('aria-pressed', 'true');
    expect(pad('Kick, C1').style.getPropertyValue('--ls-pad-velocity')).toBe('1.000');
    expect(pad('Hat Closed, F1').style.getPropertyValue('--ls-pad-velocity')).toBe('0.315');
    expect(pad('Snare, D1')).toHaveAttribute('aria-pressed', 'false');
    expect(document.querySelector('.ls-pads')).toHaveAttribute('data-playing', 'true');
  });

  it('takes no strike while the rack loads, and says so', () => {
    const { grid, onPadDown } = pads({ pads: LOADING_PADS, state: 'loading' });
    expect(grid).toHaveAttribute('aria-busy', 'true');
    pointerDown(within(grid).getByRole('button', { name: 'Kick, C1' }), { pointerId: 1 });
    expect(onPadDown).not.toHaveBeenCalled();
    expect(screen.getByRole('status', { name: 'Pads' })).toHaveTextContent('Loading 808 Core Kit…');
  });

  it('marks muted pads, still playable', () => {
    const { pad, touch, onPadDown } = pads({
      pads: STUDIO_PADS.map((each, index) => (index === 1 ? { ...each, mute: true } : each)),
    });
    expect(pad('Rim, C#1, muted')).toHaveAttribute('data-muted', 'true');
    touch(1, 'Rim, C#1, muted');
    expect(onPadDown).toHaveBeenCalledWith(1, 1, expect.any(Number));
  });

  it('marks empty pads, still playable', () => {
    const { pad } = pads({
      pads: STUDIO_PADS.map((each, index) => (index === 4 ? { ...each, name: 'Empty', empty: true } : each)),
    });
    expect(pad('Empty, E1')).toHaveAttribute('data-empty', 'true');
    expect(pad('Empty, E1')).toHaveAttribute('aria-disabled', 'false');
    expect(pad('Kick, C1')).not.toHaveAttribute('data-empty');
  });

  it('is played from the computer keyboard: arrows move between pads, Space and Enter strike', () => {
    const { pad, onPadDown, onPadUp } = pads();
    const kick = pad('Kick, C1');
    expect(kick).toHaveAttribute('tabindex', '0');
    kick.focus();
    fireEvent.keyDown(kick, { key: 'ArrowRight' });
    expect(pad('Rim, C#1')).toHaveFocus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(pad('Hat Closed, F1')).toHaveFocus();
    expect(pad('Hat Closed, F1')).toHaveAttribute('tabindex', '0');
    expect(kick).toHaveAttribute('tabindex', '-1');
    fireEvent.keyDown(document.activeElement as Element, { key: ' ' });
    fireEvent.keyDown(document.activeElement as Element, { key: ' ', repeat: true });
    fireEvent.keyUp(document.activeElement as Element, { key: ' ' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    fireEvent.keyUp(document.activeElement as Element, { key: 'Enter' });
    expect(onPadDown.mock.calls).toEqual([
      [-1, 5, 100],
      [-1, 5, 100],
    ]);
    expect(onPadUp.mock.calls).toEqual([[-1], [-1]]);
  });

  it('lifts every finger still down when it goes away, and stops everything when the window loses focus', () => {
    const first = pads();
    first.touch(1, 'Kick, C1');
    fireEvent.blur(window);
    expect(first.onAllOff).toHaveBeenCalledTimes(1);
    first.touch(2, 'Snare, D1');
    first.unmount();
    expect(first.onPadUp).toHaveBeenCalledWith(2);
  });

  it('turns note repeat on and off and picks its rate', () => {
    const { onRepeat, onRate } = pads({ repeat: true, rate: '1/8t' });
    const repeat = screen.getByRole('button', { name: 'Repeat' });
    expect(repeat).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(repeat);
    expect(onRepeat).toHaveBeenCalledWith(false);
    const rate = screen.getByRole('combobox', { name: 'Repeat rate' });
    expect(rate).toHaveValue('1/8t');
    expect(
      within(rate)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['1/4', '1/4T', '1/8', '1/8T', '1/16', '1/16T', '1/32', '1/32T']);
    fireEvent.change(rate, { target: { value: '1/32' } });
    expect(onRate).toHaveBeenCalledWith('1/32');
  });

  it('says why it failed with a retry, and that the rack is gone', () => {
    const { onRetry, rerender } = pads({ state: 'failed', error: 'Live did not answer' });
    expect(screen.getByRole('status', { name: 'Pads' })).toHaveTextContent(
      'The Drum Rack could not be read: Live did not answer',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalled();
    rerender(
      <Mode>
        <Pads pads={STUDIO_PADS} state="gone" />
      </Mode>,
    );
    expect(screen.getByRole('status', { name: 'Pads' })).toHaveTextContent('The Drum Rack was deleted');
    expect(screen.getByRole('button', { name: 'Kick, C1' })).toHaveAttribute('aria-disabled', 'true');
  });
});

describe('DrumPads', () => {
  it.each(RENDER_MODES)('shows the actor’s pads and sends touches as its events (%s)', (_, Mode) => {
    const fake = fakeActor(
      drumPadsSnapshot(PADS_STATES.playing, rackContext({ held: fingersOnPads(STUDIO_PADS, [2], 90) })),
    );
    const { unmount } = render(
      <Mode>
        <DrumPads actor={fake.actor} />
      </Mode>,
    );
    const grid = screen.getByRole('group', { name: 'Drum pads' });
    expect(within(grid).getByRole('button', { name: 'Snare, D1' })).toHaveAttribute('aria-pressed', 'true');
    // StrictMode's rehearsal unmount already said all off
    fake.sent.length = 0;
    pointerDown(within(grid).getByRole('button', { name: 'Kick, C1' }), {
      pointerId: 4,
      x: 50,
      y: PAD.top + PAD.height,
    });
    fireEvent.pointerMove(grid, { pointerId: 4, pressure: 0.25 });
    pointerUp(grid, 0, 0, { pointerId: 4 });
    fireEvent.click(screen.getByRole('button', { name: 'Repeat' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Repeat rate' }), { target: { value: '1/4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Higher pads' }));
    expect(fake.sent).toEqual([
      { type: 'ui.padDown', pointerId: 4, pad: 0, velocity: 127 },
      { type: 'ui.pressure', pointerId: 4, pressure: 32 },
      { type: 'ui.padUp', pointerId: 4 },
      { type: 'ui.repeat', on: true },
      { type: 'ui.rate', rate: '1/4' },
      { type: 'ui.scroll', rows: 1 },
    ]);
    fake.sent.length = 0;
    unmount();
    expect(fake.sent).toContainEqual({ type: 'ui.allOff' });
  });

  it('follows the actor: loading, ready, a pad renamed, failed with a retry', () => {
    const fake = fakeActor(
      drumPadsSnapshot(PADS_STATES.loading, rackContext({ pads: LOADING_PADS, received: ['pads'] })),
    );
    render(<DrumPads actor={fake.actor} />);
    expect(document.querySelector('.ls-pads')).toHaveAttribute('data-state', 'loading');
    act(() =>
      fake.emit(
        drumPadsSnapshot(
          PADS_STATES.ready,
          rackContext({ pads: STUDIO_PADS.map((pad, index) => (index === 0 ? { ...pad, name: 'Kick 909' } : pad)) }),
        ),
      ),
    );
    expect(document.querySelector('.ls-pads')).toHaveAttribute('data-state', 'ready');
    expect(screen.getByRole('button', { name: 'Kick 909, C1' })).toBeInTheDocument();
    act(() =>
      fake.emit(
        drumPadsSnapshot(PADS_STATES.failed, rackContext({ error: { code: 'timeout', message: 'no answer' } })),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(fake.sent).toEqual([{ type: 'ui.retry' }]);
  });

  it('re-renders only when something it shows changes', () => {
    const held = fingersOnPads(STUDIO_PADS, [0], 100);
    const fake = fakeActor(drumPadsSnapshot(PADS_STATES.playing, rackContext({ held })));
    const commits = vi.fn();
    render(
      <Profiler id="pads" onRender={commits}>
        <DrumPads actor={fake.actor} />
      </Profiler>,
    );
    const before = commits.mock.calls.length;
    // the tempo changed and a pressure was sent: nothing the pads show
    act(() =>
      fake.emit(
        drumPadsSnapshot(
          PADS_STATES.playing,
          rackContext({ held: held.map((finger) => ({ ...finger, pressure: 40 })), tempo: 90 }),
        ),
      ),
    );
    expect(commits).toHaveBeenCalledTimes(before);
    act(() =>
      fake.emit(
        drumPadsSnapshot(
          PADS_STATES.playing,
          rackContext({
            held: [...held, ...fingersOnPads(STUDIO_PADS, [1], 60).map((finger) => ({ ...finger, pointerId: 9 }))],
          }),
        ),
      ),
    );
    expect(commits).toHaveBeenCalledTimes(before + 1);
  });
});
