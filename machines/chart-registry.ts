/**
 * The machines whose charts machines/README.md shows, in the order a reader
 * meets them: the link, the session and what it spawns, the controls, the
 * instruments, the editors. Imported one by one rather than found by a
 * glob, so that a machine added without a place here is noticed:
 * `chart-readme.test.ts` fails until it is listed.
 */
import type { AnyStateMachine } from 'xstate';
import { clipEditorMachine } from './clip-editor';
import { clipLaunchSettingsMachine } from './clip-launch-settings';
import { clipSelectionMachine } from './clip-selection';
import { clipSlotMachine } from './clip-slot';
import { connectionMachine } from './connection';
import { deviceSelectionMachine } from './device-selection';
import { deviceMachine } from './device';
import { drumPadsMachine } from './drum-pads';
import { envelopeEditorMachine } from './envelope-editor';
import { keyboardMachine } from './keyboard';
import { midiInputMachine } from './midi-input';
import { midiOutputMachine } from './midi-output';
import { objectBrowserMachine } from './object-browser';
import { padRowsMachine } from './pad-rows';
import { pageBuilderMachine } from './page-builder';
import { parameterChoicesMachine } from './parameter-choices';
import { parameterMachine } from './parameter';
import { performLockMachine } from './perform-lock';
import { rackFinderMachine } from './rack-finder';
import { sceneMachine } from './scene';
import { sessionBoxMachine } from './session-box';
import { sessionEditsMachine } from './session-edits';
import { sessionSelectionMachine } from './session-selection';
import { sessionMachine } from './session';
import { songScaleMachine } from './song-scale';
import { tabletPresenceMachine } from './tablet-presence';
import { trackMachine } from './track';
import { transportMachine } from './transport';

/** A machine as the README lists it. */
export interface ChartEntry {
  /** The heading above its chart. */
  title: string;
  /** Where it is defined, relative to machines/. */
  file: string;
  machine: AnyStateMachine;
}

/** Every exported machine of machines/, in the README's order. */
export const chartRegistry: readonly ChartEntry[] = [
  { title: 'Connection', file: 'connection.ts', machine: connectionMachine },
  { title: 'Perform lock', file: 'perform-lock.ts', machine: performLockMachine },
  { title: 'Tablet presence', file: 'tablet-presence.ts', machine: tabletPresenceMachine },
  { title: 'Session', file: 'session.ts', machine: sessionMachine },
  { title: 'Session edits', file: 'session-edits.ts', machine: sessionEditsMachine },
  { title: 'Session selection', file: 'session-selection.ts', machine: sessionSelectionMachine },
  { title: 'Session box', file: 'session-box.ts', machine: sessionBoxMachine },
  { title: 'Transport', file: 'transport.ts', machine: transportMachine },
  { title: 'Track', file: 'track.ts', machine: trackMachine },
  { title: 'Clip slot', file: 'clip-slot.ts', machine: clipSlotMachine },
  { title: 'Scene', file: 'scene.ts', machine: sceneMachine },
  { title: 'Parameter', file: 'parameter.ts', machine: parameterMachine },
  { title: 'Parameter choices', file: 'parameter-choices.ts', machine: parameterChoicesMachine },
  { title: 'Device', file: 'device.ts', machine: deviceMachine },
  { title: 'Device selection', file: 'device-selection.ts', machine: deviceSelectionMachine },
  { title: 'Keyboard', file: 'keyboard.ts', machine: keyboardMachine },
  { title: 'MIDI input', file: 'midi-input.ts', machine: midiInputMachine },
  { title: 'MIDI output', file: 'midi-output.ts', machine: midiOutputMachine },
  { title: 'Song scale', file: 'song-scale.ts', machine: songScaleMachine },
  { title: 'Rack finder', file: 'rack-finder.ts', machine: rackFinderMachine },
  { title: 'Drum pads', file: 'drum-pads.ts', machine: drumPadsMachine },
  { title: 'Clip selection', file: 'clip-selection.ts', machine: clipSelectionMachine },
  { title: 'Clip launch settings', file: 'clip-launch-settings.ts', machine: clipLaunchSettingsMachine },
  { title: 'Pad rows', file: 'pad-rows.ts', machine: padRowsMachine },
  { title: 'Clip editor', file: 'clip-editor.ts', machine: clipEditorMachine },
  { title: 'Envelope editor', file: 'envelope-editor.ts', machine: envelopeEditorMachine },
  { title: 'Page builder', file: 'page-builder.ts', machine: pageBuilderMachine },
  { title: 'Object browser', file: 'object-browser.ts', machine: objectBrowserMachine },
];
