import type { KeyboardEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { sliderProps, type SliderView } from './slider-props';

const view = (over: Partial<SliderView> = {}): SliderView => ({
  label: 'Frequency',
  value: 0.5,
  min: 0,
  max: 1,
  text: '1.20 kHz',
  live: true,
  ...over,
});

/** A key press as the handler sees it, and its `preventDefault`. */
function key(name: string) {
  const preventDefault = vi.fn();
  return {
    event: { key: name, shiftKey: false, preventDefault } as unknown as KeyboardEvent<HTMLElement>,
    preventDefault,
  };
}

describe('sliderProps', () => {
  it('is a focusable slider with its range, value and text', () => {
    expect(sliderProps(view({ orientation: 'vertical', roleDescription: 'knob' }))).toMatchObject({
      role: 'slider',
      tabIndex: 0,
      'aria-label': 'Frequency',
      'aria-roledescription': 'knob',
      'aria-orientation': 'vertical',
      'aria-valuemin': 0,
      'aria-valuemax': 1,
      'aria-valuenow': 0.5,
      'aria-valuetext': '1.20 kHz',
      'aria-disabled': undefined,
      'aria-busy': undefined,
      'aria-invalid': undefined,
    });
  });

  it('says its state in place of the value, busy while loading, invalid when failed', () => {
    expect(sliderProps(view({ state: 'ready' }))['aria-valuetext']).toBe('1.20 kHz');
    expect(sliderProps(view({ state: 'loading', live: false }))).toMatchObject({
      'aria-valuetext': 'Loading',
      'aria-busy': true,
      'aria-invalid': undefined,
    });
    expect(sliderProps(view({ state: 'failed', live: false }))).toMatchObject({
      'aria-valuetext': 'Failed',
      'aria-busy': undefined,
      'aria-invalid': true,
    });
  });

  it('is out of the tab order and disabled while it takes no input', () => {
    expect(sliderProps(view({ live: false }))).toMatchObject({ tabIndex: -1, 'aria-disabled': true });
  });

  it('steps, commits and resets from the keyboard while live', () => {
    const onChange = vi.fn();
    const onCommit = vi.fn();
    const onReset = vi.fn();
    const props = sliderProps(view({ step: 0.1, onChange, onCommit, onReset }));
    const up = key('ArrowUp');
    props.onKeyDown(up.event);
    expect(up.preventDefault).toHaveBeenCalled();
    expect(onChange).toHaveBeenCalledWith(0.6);
    expect(onCommit).toHaveBeenCalledWith(0.6);
    props.onKeyDown(key('Delete').event);
    expect(onReset).toHaveBeenCalledTimes(1);
  });

  it('ignores keys while it takes no input', () => {
    const onChange = vi.fn();
    const end = key('End');
    sliderProps(view({ live: false, onChange })).onKeyDown(end.event);
    expect(onChange).not.toHaveBeenCalled();
    expect(end.preventDefault).not.toHaveBeenCalled();
  });
});
