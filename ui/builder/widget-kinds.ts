/** The kinds of widget a page can hold, as the builder names and offers them. */
import type { WidgetKind } from '../../protocol/src/pages';

export const KIND_NAMES: Record<WidgetKind, string> = {
  knob: 'Knob',
  fader: 'Fader',
  button: 'Button',
  display: 'Value',
  xy: 'XY pad',
  meter: 'Meter',
  keys: 'Keyboard',
  pads: 'Pads',
};

/** The palette's order: parameters' controls first, then a track's parts. */
export const KINDS: readonly WidgetKind[] = ['knob', 'fader', 'button', 'display', 'xy', 'meter', 'keys', 'pads'];
