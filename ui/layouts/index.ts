/**
 * What a layout file imports: scopes (`Track`, `Device`, `Tracks`: every
 * track of the set), widgets bound by target (`Knob`, `Fader`, `Toggle`,
 * `Display`, `Radio`, `XYPad`), a track's own parts (`Meter`, `Clip`,
 * `Keys`, `Pads`, `Strip`, `DeviceChain`), widgets whose choice drives
 * bindings (`TrackChooser`, `FollowLiveChooser`), the page (`Layout`,
 * `Row`, `Mixer`: a row of strips), and `useParameter(target)` for a
 * widget of a layout's own.
 * See layouts/README.md.
 */
export { Display, Fader, Knob, Toggle, XYPad, type BoundProps } from './bound-widgets';
export { DeviceChain } from './device-chain';
export { FollowLiveChooser } from './FollowLiveChooser';
export { Layout, Row } from './Layout';
export { Pads } from './pads-widget';
export { Radio } from './radio-widget';
export { Device, Track, type DeviceChoice, type TrackChoice } from './scopes';
export { Session } from './session-widget';
export { Mixer, Strip } from './strip-widgets';
export { TrackChooser } from './TrackChooser';
export { Clip, Keys, Meter } from './track-widgets';
export { Tracks, type TracksWanted } from './tracks';
export { useParameter, type LayoutParameter } from './use-layout-parameter';
