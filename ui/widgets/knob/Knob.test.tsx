// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ParameterContext } from '../../../machines/parameter';
import { parameterSnapshot, type ParameterStateValue } from '../../fake-studio/seed';
import { fakeActor } from '../../test/fake-actor';
import { drag, doubleTap, pointerDown, pointerMove, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { Knob, type KnobProps } from './Knob';
import { ParameterKnob } from './ParameterKnob';

function callbacks() {
  return { onStart: vi.fn(), onChange: vi.fn(), onCommit: vi.fn(), onReset: vi.fn(), onRetry: vi.fn() };
}

describe.each(RENDER_MODES)('Knob (%s)', (_, Mode) => {
  const knob = (props: Partial<KnobProps> = {}) => {
    const spies = callbacks();
    render(
      <Mode>
        <Knob label="Frequency" value={0.5} display="719 Hz" defaultValue={1} {...spies} {...props} />
      </Mode>,
    );
    return { slider: screen.getByRole('slider', { name: 'Frequency' }), ...spies };
  };

  it('is a slider with its range and Live’s text for its value', () => {
    const { slider } = knob();
    expect(slider).toHaveAttribute('aria-valuemin', '0');
    expect(slider).toHaveAttribute('aria-valuemax', '1');
    expect(slider).toHaveAttribute('aria-valuenow', '0.5');
    expect(slider).toHaveAttribute('aria-valuetext', '719 Hz');
    expect(slider).toHaveAttribute('aria-roledescription', 'knob');
    expect(slider).toHaveAttribute('tabindex', '0');
    expect(slider).not.toHaveAttribute('aria-disabled');
  });

  it('reads a quantized value as its item', () => {
    const { slider } = knob({ value: 2, max: 3, items: ['Lowpass', 'Highpass', 'Bandpass', 'Notch'], display: null });
    expect(slider).toHaveAttribute('aria-valuetext', 'Bandpass');
  });

  it('says when it is loading, unassigned, deleted or failed, and takes no input then', () => {
    for (const [state, text] of [
      ['loading', 'Loading'],
      ['idle', 'Unassigned'],
      ['gone', 'Deleted in Live'],
      ['failed', 'Failed'],
    ] as const) {
      const { slider, onStart, onChange } = knob({ state });
      expect(slider).toHaveAttribute('aria-valuetext', text);
      expect(slider).toHaveAttribute('aria-disabled', 'true');
      expect(slider).toHaveAttribute('tabindex', '-1');
      drag(slider, 0, -50);
      fireEvent.keyDown(slider, { key: 'ArrowUp' });
      expect(onStart).not.toHaveBeenCalled();
      expect(onChange).not.toHaveBeenCalled();
      if (state === 'loading') expect(slider).toHaveAttribute('aria-busy', 'true');
      if (state === 'failed') expect(slider).toHaveAttribute('aria-invalid', 'true');
      document.body.innerHTML = '';
    }
  });

  it('frames a drag with start and commit, moving relative to where it was', () => {
    const { slider, onStart, onChange, onCommit } = knob();
    drag(slider, 0, -110);
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(1);
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit).toHaveBeenCalledWith(1);
  });

  it('moves ten times finer with Shift or with a second finger, without a jump', () => {
    const { slider, onChange, onCommit } = knob();
    drag(slider, 0, -110, { shiftKey: true });
    expect(onChange.mock.lastCall?.[0]).toBeCloseTo(0.55);

    onChange.mockClear();
    pointerDown(slider, { pointerId: 1, x: 10, y: 100 });
    pointerMove(slider, 10, 78, { pointerId: 1 });
    expect(onChange.mock.lastCall?.[0]).toBeCloseTo(0.6);
    pointerDown(slider, { pointerId: 2, x: 40, y: 100 });
    pointerMove(slider, 10, 56, { pointerId: 1 });
    expect(onChange.mock.lastCall?.[0]).toBeCloseTo(0.61);
    // the second finger lifts: coarse again, from where it is
    pointerUp(slider, 40, 100, { pointerId: 2 });
    pointerMove(slider, 10, 34, { pointerId: 1 });
    expect(onChange.mock.lastCall?.[0]).toBeCloseTo(0.71);
    pointerUp(slider, 10, 34, { pointerId: 1 });
    expect(onCommit).toHaveBeenLastCalledWith(expect.closeTo(0.71, 5));
  });

  it('ends the drag on pointercancel and on lost capture', () => {
    const { slider, onCommit, onChange } = knob();
    pointerDown(slider, { x: 0, y: 100 });
    pointerMove(slider, 0, 80);
    fireEvent.pointerCancel(slider, { pointerId: 1 });
    expect(onCommit).toHaveBeenCalledTimes(1);
    pointerMove(slider, 0, 0);
    expect(onChange).toHaveBeenCalledTimes(1);

    pointerDown(slider, { x: 0, y: 100 });
    fireEvent.lostPointerCapture(slider, { pointerId: 1 });
    expect(onCommit).toHaveBeenCalledTimes(2);
  });

  it('resets on a double tap, but not on a drag followed by a tap', () => {
    const { slider, onReset } = knob();
    drag(slider, 0, -40);
    pointerDown(slider);
    pointerUp(slider, 0, 0);
    expect(onReset).not.toHaveBeenCalled();
    doubleTap(slider);
    expect(onReset).toHaveBeenCalledTimes(1);
  });

  it('works from the keyboard: arrows, Shift, Page, Home, End, Delete', () => {
    const { slider, onChange, onReset } = knob();
    fireEvent.keyDown(slider, { key: 'ArrowUp' });
    expect(onChange).toHaveBeenLastCalledWith(expect.closeTo(0.51, 5));
    fireEvent.keyDown(slider, { key: 'ArrowLeft', shiftKey: true });
    expect(onChange).toHaveBeenLastCalledWith(expect.closeTo(0.499, 5));
    fireEvent.keyDown(slider, { key: 'PageUp' });
    expect(onChange).toHaveBeenLastCalledWith(expect.closeTo(0.6, 5));
    fireEvent.keyDown(slider, { key: 'End' });
    expect(onChange).toHaveBeenLastCalledWith(1);
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(onChange).toHaveBeenLastCalledWith(0);
    fireEvent.keyDown(slider, { key: 'Delete' });
    expect(onReset).toHaveBeenCalledTimes(1);
  });

  it('steps a quantized knob one item per arrow', () => {
    const { slider, onChange } = knob({ value: 1, max: 3, items: ['A', 'B', 'C', 'D'] });
    fireEvent.keyDown(slider, { key: 'ArrowUp' });
    expect(onChange).toHaveBeenLastCalledWith(2);
  });

  it('shows a readout only while touched, and offers a retry when failed', () => {
    knob({ state: 'touched' });
    expect(document.querySelector('.ls-knob-readout')).toHaveTextContent('719 Hz');
    document.body.innerHTML = '';
    const { onRetry } = knob({ state: 'failed' });
    expect(document.querySelector('.ls-knob-readout')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry Frequency' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('ParameterKnob', () => {
  const snapshot = (value: ParameterStateValue, context: Partial<ParameterContext> = {}) =>
    parameterSnapshot(value, { display: '719 Hz', value: 0.5, ...context });

  it.each(RENDER_MODES)('shows the actor’s parameter and sends gestures as its events (%s)', (_, Mode) => {
    const fake = fakeActor(snapshot({ bound: 'ready' }));
    render(
      <Mode>
        <ParameterKnob actor={fake.actor} />
      </Mode>,
    );
    const slider = screen.getByRole('slider', { name: 'Frequency' });
    expect(slider).toHaveAttribute('aria-valuetext', '719 Hz');
    drag(slider, 0, -22);
    expect(fake.sent.map((event) => event.type)).toEqual([
      'ui.touch',
      'ui.change',
      'ui.change',
      'ui.change',
      'ui.change',
      'ui.release',
    ]);
    expect(fake.sent[4]).toEqual({ type: 'ui.change', value: expect.closeTo(0.6, 5) as unknown });

    fake.sent.length = 0;
    doubleTap(slider);
    expect(fake.sent.map((event) => event.type).slice(-3)).toEqual(['ui.touch', 'ui.reset', 'ui.release']);
  });

  it('follows the actor’s states', () => {
    const fake = fakeActor(snapshot('loading'));
    render(<ParameterKnob actor={fake.actor} label="Cutoff" />);
    const slider = screen.getByRole('slider', { name: 'Cutoff' });
    expect(slider).toHaveAttribute('aria-busy', 'true');
    act(() => fake.emit(snapshot({ bound: 'touched' }, { value: 0.7, display: '2.7 kHz' })));
    expect(slider).toHaveAttribute('aria-valuetext', '2.7 kHz');
    expect(document.querySelector('.ls-knob')).toHaveAttribute('data-state', 'touched');
    act(() => fake.emit(snapshot('failed', { error: { code: 'unavailable', message: 'Live is offline' } })));
    fireEvent.click(screen.getByRole('button', { name: 'Retry Cutoff' }));
    expect(fake.sent).toContainEqual({ type: 'ui.retry' });
  });

  it('re-renders only for its own parameter', () => {
    const fake = fakeActor(snapshot({ bound: 'ready' }));
    const commits = vi.fn();
    render(
      <Profiler id="knob" onRender={commits}>
        <ParameterKnob actor={fake.actor} />
      </Profiler>,
    );
    expect(commits).toHaveBeenCalledTimes(1);
    // a change the view does not show (what the machine sent meanwhile) renders nothing
    act(() => fake.emit(snapshot({ bound: 'ready' }, { sent: [0.4] })));
    expect(commits).toHaveBeenCalledTimes(1);
    act(() => fake.emit(snapshot({ bound: 'ready' }, { value: 0.8 })));
    expect(commits).toHaveBeenCalledTimes(2);
  });
});
