// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { parameterSnapshot } from '../../fake-studio/seed';
import { fakeActor } from '../../test/fake-actor';
import { doubleTap, pointerDown, pointerMove, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { ParameterXYPad } from './ParameterXYPad';
import { XYPad, type XYPadProps } from './XYPad';

/** jsdom has no layout: the pad is 200 px square at the origin. */
function layOut(element: HTMLElement): void {
  element.getBoundingClientRect = () => ({
    left: 0,
    top: 0,
    width: 200,
    height: 200,
    right: 200,
    bottom: 200,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
}

describe.each(RENDER_MODES)('XYPad (%s)', (_, Mode) => {
  const pad = (props: Partial<XYPadProps> = {}) => {
    const spies = { onStart: vi.fn(), onChange: vi.fn(), onCommit: vi.fn(), onReset: vi.fn(), onRetry: vi.fn() };
    render(
      <Mode>
        <XYPad
          label="Filter"
          x={{ label: 'Frequency', value: 0.5, defaultValue: 1, display: '719 Hz' }}
          y={{ label: 'Resonance', value: 0.25, defaultValue: 0, display: '25 %' }}
          {...spies}
          {...props}
        />
      </Mode>,
    );
    const surface = document.querySelector('.ls-xy-surface') as HTMLElement;
    layOut(surface);
    return { surface, ...spies };
  };

  it('is a group of two sliders, one per axis, with Live’s text', () => {
    pad();
    expect(screen.getByRole('group', { name: 'Filter' })).toBeInTheDocument();
    const x = screen.getByRole('slider', { name: 'Frequency' });
    const y = screen.getByRole('slider', { name: 'Resonance' });
    expect(x).toHaveAttribute('aria-orientation', 'horizontal');
    expect(x).toHaveAttribute('aria-valuetext', '719 Hz');
    expect(y).toHaveAttribute('aria-orientation', 'vertical');
    expect(y).toHaveAttribute('aria-valuenow', '0.25');
  });

  it('puts the values where the finger is, x to the right and y upwards', () => {
    const { surface, onStart, onChange, onCommit } = pad();
    pointerDown(surface, { x: 150, y: 50 });
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(0.75, 0.75);
    pointerMove(surface, 20, 180);
    expect(onChange).toHaveBeenLastCalledWith(0.1, expect.closeTo(0.1, 5));
    pointerMove(surface, 500, -40);
    expect(onChange).toHaveBeenLastCalledWith(1, 1);
    pointerUp(surface, 500, -40);
    expect(onCommit).toHaveBeenCalledWith(1, 1);
  });

  it('nudges finely, from where it is, while a second finger is down', () => {
    const { surface, onChange } = pad();
    pointerDown(surface, { pointerId: 1, x: 100, y: 100 });
    expect(onChange).toHaveBeenLastCalledWith(0.5, 0.5);
    pointerDown(surface, { pointerId: 2, x: 10, y: 10 });
    pointerMove(surface, 140, 100, { pointerId: 1 });
    expect(onChange.mock.lastCall?.[0]).toBeCloseTo(0.52);
    // the second finger lifts: coarse again, still relative, no jump
    pointerUp(surface, 10, 10, { pointerId: 2 });
    pointerMove(surface, 160, 100, { pointerId: 1 });
    expect(onChange.mock.lastCall?.[0]).toBeCloseTo(0.62);
  });

  it('springs back to the defaults inside the gesture', () => {
    const { surface, onChange, onCommit } = pad({ springBack: true });
    pointerDown(surface, { x: 150, y: 50 });
    fireEvent.pointerCancel(surface, { pointerId: 1 });
    expect(onChange).toHaveBeenLastCalledWith(1, 0);
    expect(onCommit).toHaveBeenCalledWith(1, 0);
  });

  it('resets on a double tap; takes no touch unless both axes are usable', () => {
    const first = pad();
    doubleTap(first.surface);
    expect(first.onReset).toHaveBeenCalledTimes(1);
    document.body.innerHTML = '';
    const second = pad({ x: { label: 'Frequency', value: 0.5, state: 'loading' } });
    expect(screen.getByRole('slider', { name: 'Resonance' })).toHaveAttribute('aria-disabled', 'true');
    pointerDown(second.surface, { x: 10, y: 10 });
    expect(second.onStart).not.toHaveBeenCalled();
  });
});

describe('ParameterXYPad', () => {
  it('touches, changes and releases both parameters', () => {
    const x = fakeActor(parameterSnapshot({ bound: 'ready' }, { name: 'Frequency', value: 0.5 }));
    const y = fakeActor(parameterSnapshot({ bound: 'ready' }, { parameter: 'id 203', name: 'Resonance', value: 0.3 }));
    render(<ParameterXYPad label="Filter" x={x.actor} y={y.actor} />);
    const surface = document.querySelector('.ls-xy-surface') as HTMLElement;
    layOut(surface);
    pointerDown(surface, { x: 50, y: 50 });
    pointerUp(surface, 50, 50);
    expect(x.sent).toEqual([{ type: 'ui.touch' }, { type: 'ui.change', value: 0.25 }, { type: 'ui.release' }]);
    expect(y.sent).toEqual([{ type: 'ui.touch' }, { type: 'ui.change', value: 0.75 }, { type: 'ui.release' }]);
    act(() => x.emit(parameterSnapshot('gone', { name: 'Frequency' })));
    expect(screen.getByRole('group', { name: 'Filter' })).toHaveAttribute('data-state', 'gone');
  });
});
