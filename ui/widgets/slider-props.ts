/**
 * The props of a slider element, built from what the control shows (zag's
 * `connect`: the view's state in, the element's props out), so every slider
 * (knob, fader, an XY pad's axes, tempo, wheels) says the same to screen
 * readers and takes the same keys: ARIA's slider pattern, focusable only
 * while it takes input, its state's words in place of its value's when it
 * has none. The control adds its own class and pointer handlers.
 */
import type { KeyboardEvent } from 'react';
import { onSliderKey, type SliderKeys } from '../touch/slider-keys';
import { stateText, type ControlState } from './control-state';

/** What a slider shows, and what its keys change (`onSliderKey`). */
export interface SliderView extends SliderKeys {
  /** Its accessible name. */
  label: string;
  /** The value in words: Live's text, or a fallback. */
  text: string;
  /** Whether it takes input: it is focusable and its keys work. */
  live: boolean;
  /**
   * The control's state, where the slider itself reports it: its words
   * replace the value's while it has none, and it says busy while loading
   * and invalid when failed.
   */
  state?: ControlState;
  orientation?: 'horizontal' | 'vertical';
  /** What kind of slider it is, where "slider" says too little (`knob`). */
  roleDescription?: string;
}

/** The ARIA slider's attributes and its keyboard handler; absent attributes are left undefined. */
export interface SliderProps {
  role: 'slider';
  tabIndex: 0 | -1;
  'aria-label': string;
  'aria-roledescription': string | undefined;
  'aria-orientation': 'horizontal' | 'vertical' | undefined;
  'aria-valuemin': number;
  'aria-valuemax': number;
  'aria-valuenow': number;
  'aria-valuetext': string;
  'aria-disabled': true | undefined;
  'aria-busy': true | undefined;
  'aria-invalid': true | undefined;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/** The props to spread on a slider element. */
export function sliderProps(view: SliderView): SliderProps {
  const { label, text, live, state, orientation, roleDescription, value, min, max } = view;
  const status = state === undefined ? null : stateText(state);
  return {
    role: 'slider',
    tabIndex: live ? 0 : -1,
    'aria-label': label,
    'aria-roledescription': roleDescription,
    'aria-orientation': orientation,
    'aria-valuemin': min,
    'aria-valuemax': max,
    'aria-valuenow': value,
    'aria-valuetext': status ?? text,
    'aria-disabled': live ? undefined : true,
    'aria-busy': state === 'loading' || undefined,
    'aria-invalid': state === 'failed' || undefined,
    onKeyDown: (event) => {
      if (live) onSliderKey(event, view);
    },
  };
}
