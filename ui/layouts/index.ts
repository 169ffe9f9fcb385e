/**
 * What a layout file imports: scopes (`Track`, `Device`), widgets bound by
 * target (`Knob`, `Fader`, `Toggle`, `Display`, `Radio`, `XYPad`), a
 * track's own parts (`Meter`, `Clip`, `Keys`, `Pads`), a widget whose
 * choice drives bindings (`TrackChooser`), the page (`Layout`, `Row`), and
 * `useParameter(target)` for a widget of a layout's own.
 * See layouts/README.md.
 */
export { Display, Fader, Knob, Toggle, XYPad, type BoundProps } from './bound-widgets';
export { Layout, Row } from './Layout';
export { Pads } from './pads-widget';
export { Radio } from './radio-widget';
export { Device, Track, type DeviceChoice, type TrackChoice } from './scopes';
export { TrackChooser } from './TrackChooser';
export { Clip, Keys, Meter } from './track-widgets';
export { useParameter, type LayoutParameter } from './use-layout-parameter';
