/**
 * What a knob and a fader share of being a parameter's control: the value
 * dragged (a double tap or Delete back to the default), its words (Live's,
 * or a fallback; the state's while it has none), where it sits along its
 * range, and the slider element's props (`sliderProps` and the drag's
 * pointer handlers). How it is dragged and drawn is the control's own.
 */
import type { PointerHandlers } from '../touch/pointer-handlers';
import { ratioOf } from '../touch/drag-math';
import { useValueDrag, type DragAxis, type ValueDragOptions } from '../touch/use-value-drag';
import { fallbackText, stateText, takesInput, type ParameterControlProps } from './control-state';
import { sliderProps, type SliderProps, type SliderView } from './slider-props';

/** How the control is dragged, and what its slider says of itself besides the parameter. */
export interface ParameterDragOptions extends Pick<SliderView, 'orientation' | 'roleDescription'> {
  axis: DragAxis;
  rangePixels: ValueDragOptions['rangePixels'];
}

/** The control as drawn: its words, its place along the range, and its slider element's props. */
export interface ParameterControl {
  /** Whether it takes input (ready or touched). */
  live: boolean;
  /** The value in words: Live's, or a fallback. */
  text: string;
  /** The state in words while it has no value (loading, failed...); null while it has one. */
  status: string | null;
  /** Where the value sits along the range, 0..1. */
  ratio: number;
  /** Where the fill starts: the middle of a range across zero (a pan), else the start. */
  origin: number;
  /** A finger holds it (its own drag, or the machine says so). */
  touched: boolean;
  /** The drag is in fine mode. */
  fine: boolean;
  /** ARIA, keys and pointers, for the slider element. */
  slider: SliderProps & PointerHandlers;
}

/** A parameter's control: its props in, what it draws and its slider's props out. */
export function useParameterControl(control: ParameterControlProps, drag: ParameterDragOptions): ParameterControl {
  const { label, value, min = 0, max = 1, defaultValue, items, display = null, state = 'ready' } = control;
  const { onStart, onChange, onCommit, feed } = control;
  const readValue = feed ? () => feed.read().value : undefined;
  const live = takesInput(state);
  const quantized = items !== undefined && items.length > 0;
  const reset = control.onReset ?? (defaultValue !== undefined && onChange ? () => onChange(defaultValue) : undefined);
  const dragged = useValueDrag({
    value,
    readValue,
    min,
    max,
    axis: drag.axis,
    rangePixels: drag.rangePixels,
    disabled: !live,
    onStart,
    onChange,
    onCommit,
    onReset: reset,
  });
  const text = display ?? fallbackText(value, { min, max, items });
  const slider = sliderProps({
    label,
    roleDescription: drag.roleDescription,
    orientation: drag.orientation,
    value,
    readValue,
    min,
    max,
    text,
    state,
    live,
    // a quantized parameter steps through its items one by one
    step: quantized ? 1 : undefined,
    onChange,
    onCommit,
    onReset: reset,
  });
  return {
    live,
    text,
    status: stateText(state),
    ratio: ratioOf(value, { min, max }),
    origin: min < 0 && max > 0 ? ratioOf(0, { min, max }) : 0,
    touched: dragged.dragging || state === 'touched',
    fine: dragged.fine,
    slider: { ...slider, ...dragged.handlers },
  };
}
