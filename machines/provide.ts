/**
 * The machines with their effects provided, children included: a machine's
 * provided effects do not reach the machines it spawns, so each is provided
 * here, once, from one set of effects (LiveLink's in the app, fakes in tests).
 */
import { clipLaunchSettingsMachine } from './clip-launch-settings';
import { clipSlotMachine } from './clip-slot';
import { connectionMachine } from './connection';
import { performLockMachine } from './perform-lock';
import { deviceMachine } from './device';
import { deviceSelectionMachine } from './device-selection';
import { drumPadsMachine } from './drum-pads';
import type { Effects } from './effects';
import { keyboardMachine } from './keyboard';
import { midiInputMachine } from './midi-input';
import { midiOutputMachine } from './midi-output';
import { parameterMachine } from './parameter';
import { objectBrowserMachine } from './object-browser';
import { pageBuilderMachine } from './page-builder';
import { parameterChoicesMachine } from './parameter-choices';
import { rackFinderMachine } from './rack-finder';
import { sceneMachine } from './scene';
import { sessionMachine } from './session';
import { sessionEditsMachine } from './session-edits';
import { sessionSelectionMachine } from './session-selection';
import { sessionBoxMachine } from './session-box';
import { songScaleMachine } from './song-scale';
import { tabletPresenceMachine } from './tablet-presence';
import { trackMachine } from './track';
import { transportMachine } from './transport';

/** Some of the effects, by name. */
export function pick<K extends keyof Effects>(effects: Effects, keys: readonly K[]): Pick<Effects, K> {
  return Object.fromEntries(keys.map((key) => [key, effects[key]])) as Pick<Effects, K>;
}

/** Every machine, provided with `effects` (and with each other as children). */
export function provideMachines(effects: Effects) {
  const parameter = parameterMachine.provide({
    actors: pick(effects, ['read', 'get', 'setLatest', 'gesture', 'observe', 'display', 'presence', 'hold']),
  });
  const clipSlot = clipSlotMachine.provide({ actors: pick(effects, ['get', 'set', 'call', 'observe']) });
  const track = trackMachine.provide({
    actors: { ...pick(effects, ['read', 'get', 'set', 'call', 'observe']), parameter },
  });
  const device = deviceMachine.provide({ actors: { ...pick(effects, ['read', 'set', 'observe']), parameter } });
  const deviceSelection = deviceSelectionMachine.provide({ actors: pick(effects, ['observe', 'set', 'call']) });
  const scene = sceneMachine.provide({ actors: pick(effects, ['read', 'call', 'observe']) });
  const transport = transportMachine.provide({
    actors: pick(effects, ['call', 'set', 'setLatest', 'observe', 'observeMany']),
  });
  const clipLaunchSettings = clipLaunchSettingsMachine.provide({ actors: pick(effects, ['set', 'observe']) });
  const connection = connectionMachine.provide({ actors: pick(effects, ['linkState']) });
  const performLock = performLockMachine.provide({ actors: pick(effects, ['linkState', 'lock']) });
  const sessionBox = sessionBoxMachine.provide({ actors: pick(effects, ['sessionBox']) });
  const tabletPresence = tabletPresenceMachine.provide({
    actors: pick(effects, ['linkState', 'presence', 'present', 'holding']),
  });
  const songScale = songScaleMachine.provide({ actors: pick(effects, ['observe']) });
  const keyboard = keyboardMachine.provide({ actors: { ...pick(effects, ['midi']), songScale } });
  const drumPads = drumPadsMachine.provide({
    actors: pick(effects, ['observe', 'observeMany', 'readEach', 'midi', 'set']),
  });
  const rackFinder = rackFinderMachine.provide({ actors: pick(effects, ['observe', 'readEach']) });
  const parameterChoices = parameterChoicesMachine.provide({
    actors: pick(effects, ['observe', 'observeMany', 'readEach']),
  });
  const pageBuilder = pageBuilderMachine.provide({ actors: pick(effects, ['observe', 'readEach', 'pages']) });
  const objectBrowser = objectBrowserMachine.provide({ actors: pick(effects, ['describe', 'readEach']) });
  const sessionEdits = sessionEditsMachine.provide({ actors: pick(effects, ['call', 'set', 'linkState']) });
  const sessionSelection = sessionSelectionMachine.provide({ actors: pick(effects, ['observe', 'set']) });
  const session = sessionMachine.provide({
    actors: {
      ...pick(effects, ['read', 'readEach', 'observe', 'liveStatus']),
      track,
      clipSlot,
      scene,
      transport,
      edits: sessionEdits,
      box: sessionBox,
      selection: sessionSelection,
    },
  });
  return {
    parameter,
    clipSlot,
    track,
    device,
    deviceSelection,
    scene,
    transport,
    clipLaunchSettings,
    connection,
    performLock,
    tabletPresence,
    sessionBox,
    session,
    keyboard,
    midiInput: midiInputMachine.provide({ actors: pick(effects, ['webMidi', 'midi']) }),
    midiOutput: midiOutputMachine.provide({ actors: pick(effects, ['webMidiOut', 'liveMidi']) }),
    songScale,
    drumPads,
    rackFinder,
    parameterChoices,
    pageBuilder,
    objectBrowser,
  };
}

/** The machines as `provideMachines` gives them. */
export type ProvidedMachines = ReturnType<typeof provideMachines>;
