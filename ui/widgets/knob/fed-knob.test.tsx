// @vitest-environment jsdom
/**
 * A knob in a dial layer, at rest, paints each value from its feed without
 * rendering: its dial and its slider's words follow the feed, a drag and a
 * key start from the feed's value, not from lagging props, and a touched
 * knob renders each value again.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parameterSnapshot } from '../../fake-studio/seed';
import { fakeActor } from '../../test/fake-actor';
import { drag } from '../../test/pointer';
import { RecordingContext } from '../../test/recording-context';
import type { ValueFeed, ValueSample } from '../value-feed';
import type { DialView } from './dial-paint';
import { DialPainterProvider } from './dial-layer';
import { DialPainter } from './dial-painter';
import { Knob } from './Knob';
import { ParameterKnob } from './ParameterKnob';

/** A feed the test moves. */
function testFeed(first: ValueSample) {
  let sample = first;
  const listeners = new Set<() => void>();
  const feed: ValueFeed = {
    read: () => sample,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const move = (next: ValueSample) =>
    act(() => {
      sample = next;
      for (const listener of listeners) listener();
    });
  return { feed, move, listeners };
}

describe('a fed knob in a dial layer', () => {
  let painter: DialPainter;
  /** Every view the painter was handed, in order. */
  let painted: DialView[];
  let renders: number;

  beforeEach(() => {
    const layer = document.createElement('div');
    document.body.append(layer);
    painter = new DialPainter(layer, () => ({
      canvas: document.createElement('canvas'),
      context: new RecordingContext(),
    }));
    painted = [];
    const add = painter.add.bind(painter);
    vi.spyOn(painter, 'add').mockImplementation((boxes, view) => {
      painted.push(view);
      const handle = add(boxes, view);
      return {
        update: (next) => {
          painted.push(next);
          handle.update(next);
        },
        remove: handle.remove,
      };
    });
    renders = 0;
  });
  afterEach(() => painter.destroy());

  const inLayer = (children: ReactNode) => (
    <DialPainterProvider value={painter}>
      <Profiler id="knob" onRender={() => (renders += 1)}>
        {children}
      </Profiler>
    </DialPainterProvider>
  );

  it('paints each value of its feed and says it, without rendering', () => {
    const { feed, move } = testFeed({ value: 0.2, display: '20 %' });
    render(inLayer(<Knob label="Drive" value={0.2} display="20 %" feed={feed} onChange={vi.fn()} />));
    const slider = screen.getByRole('slider', { name: 'Drive' });
    const before = renders;

    move({ value: 0.7, display: '20 %' });
    expect(slider).toHaveAttribute('aria-valuenow', '0.7');
    expect(slider).toHaveAttribute('aria-valuetext', '20 %');
    move({ value: 0.7, display: '70 %' });
    expect(slider).toHaveAttribute('aria-valuetext', '70 %');
    expect(painted.at(-1)).toMatchObject({ ratio: 0.7, text: '70 %', touched: false });
    expect(renders).toBe(before);
    // no words from Live yet: the fallback's
    move({ value: 0.25, display: null });
    expect(slider).toHaveAttribute('aria-valuetext', '0.25');
  });

  it('steps and drags from the feed’s value, not from its lagging props', () => {
    const { feed, move } = testFeed({ value: 0.2, display: null });
    const onChange = vi.fn();
    render(inLayer(<Knob label="Drive" value={0.2} feed={feed} onChange={onChange} onStart={vi.fn()} />));
    const slider = screen.getByRole('slider', { name: 'Drive' });
    move({ value: 0.7, display: null });

    fireEvent.keyDown(slider, { key: 'ArrowUp' });
    expect(onChange).toHaveBeenLastCalledWith(expect.closeTo(0.71, 5));

    onChange.mockClear();
    drag(slider, 0, -22);
    // 22 px of the knob's 220: a tenth of the range up from 0.7
    expect(onChange).toHaveBeenLastCalledWith(expect.closeTo(0.8, 5));
  });

  it('lets go of its feed while touched, and its props show then', () => {
    const { feed, move, listeners } = testFeed({ value: 0.2, display: null });
    const { rerender } = render(inLayer(<Knob label="Drive" value={0.2} feed={feed} />));
    expect(listeners.size).toBe(1);
    rerender(inLayer(<Knob label="Drive" value={0.4} display="40 %" state="touched" feed={feed} />));
    expect(listeners.size).toBe(0);
    const slider = screen.getByRole('slider', { name: 'Drive' });
    expect(slider).toHaveAttribute('aria-valuenow', '0.4');
    expect(painted.at(-1)).toMatchObject({ ratio: 0.4, text: '40 %', touched: true });
    move({ value: 0.9, display: null });
    expect(slider).toHaveAttribute('aria-valuenow', '0.4');
  });

  it('shows the feed’s latest after a render with lagging props', () => {
    const { feed, move } = testFeed({ value: 0.2, display: null });
    const { rerender } = render(inLayer(<Knob label="Drive" value={0.2} feed={feed} />));
    move({ value: 0.6, display: '60 %' });
    // a render for something else (a new color), its value props still the old ones
    rerender(inLayer(<Knob label="Drive" value={0.3} display="30 %" color={0xff0000} feed={feed} />));
    const slider = screen.getByRole('slider', { name: 'Drive' });
    expect(slider).toHaveAttribute('aria-valuenow', '0.6');
    expect(slider).toHaveAttribute('aria-valuetext', '60 %');
    expect(painted.at(-1)).toMatchObject({ ratio: 0.6, text: '60 %', color: '#ff0000' });
  });

  it('a parameter knob at rest renders once however its value moves; touched, it renders each', () => {
    const snapshot = (value: number, state: 'ready' | 'touched' = 'ready') =>
      parameterSnapshot({ bound: state }, { display: `${value * 100} %`, value });
    const fake = fakeActor(snapshot(0.5));
    render(inLayer(<ParameterKnob actor={fake.actor} />));
    const slider = screen.getByRole('slider', { name: 'Frequency' });
    const before = renders;
    for (const value of [0.1, 0.2, 0.3]) act(() => fake.emit(snapshot(value)));
    expect(renders).toBe(before);
    expect(slider).toHaveAttribute('aria-valuenow', '0.3');
    expect(slider).toHaveAttribute('aria-valuetext', '30 %');

    act(() => fake.emit(snapshot(0.4, 'touched')));
    act(() => fake.emit(snapshot(0.45, 'touched')));
    expect(renders).toBe(before + 2);
    expect(slider).toHaveAttribute('aria-valuenow', '0.45');
  });
});
