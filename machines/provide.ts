/**
 * The machines with their effects provided, children included: a machine's
 * provided effects do not reach the machines it spawns, so each is provided
 * here, once, from one set of effects (LiveLink's in the app, fakes in tests).
 */
import { clipSlotMachine } from './clip-slot';
import { connectionMachine } from './connection';
import { performLockMachine } from './perform-lock';
import { deviceMachine } from './device';
import { drumPadsMachine } from './drum-pads';
import type { Effects } from './effects';
import { keyboardMachine } from './keyboard';
import { parameterMachine } from './parameter';
import { rackFinderMachine } from './rack-finder';
import { sceneMachine } from './scene';
import { sessionMachine } from './session';
import { songScaleMachine } from './song-scale';
import { trackMachine } from './track';
import { transportMachine } from './transport';

/** Some of the effects, by name. */
export function pick<K extends keyof Effects>(effects: Effects, keys: readonly K[]): Pick<Effects, K> {
  return Object.fromEntries(keys.map((key) => [key, effects[key]])) as Pick<Effects, K>;
}

/** Every machine, provided with `effects` (and with each other as children). */
export function provideMachines(effects: Effects) {
  const parameter = parameterMachine.provide({
    actors: pick(effects, ['read', 'setLatest', 'gesture', 'observe', 'display']),
  });
  const clipSlot = clipSlotMachine.provide({ actors: pick(effects, ['get', 'set', 'call', 'observe']) });
  const track = trackMachine.provide({
    actors: { ...pick(effects, ['read', 'get', 'set', 'call', 'observe']), parameter },
  });
  const device = deviceMachine.provide({ actors: { ...pick(effects, ['read', 'set', 'observe']), parameter } });
  const scene = sceneMachine.provide({ actors: pick(effects, ['read', 'call', 'observe']) });
  const transport = transportMachine.provide({ actors: pick(effects, ['call', 'set', 'setLatest', 'observe']) });
  const connection = connectionMachine.provide({ actors: pick(effects, ['linkState']) });
  const performLock = performLockMachine.provide({ actors: pick(effects, ['linkState', 'lock']) });
  const songScale = songScaleMachine.provide({ actors: pick(effects, ['observe']) });
  const keyboard = keyboardMachine.provide({ actors: { ...pick(effects, ['midi']), songScale } });
  const drumPads = drumPadsMachine.provide({
    actors: pick(effects, ['observe', 'observeMany', 'readEach', 'midi', 'set']),
  });
  const rackFinder = rackFinderMachine.provide({ actors: pick(effects, ['observe', 'readEach']) });
  const session = sessionMachine.provide({
    actors: { ...pick(effects, ['read', 'readEach', 'observe', 'liveStatus']), track, clipSlot, scene, transport },
  });
  return {
    parameter,
    clipSlot,
    track,
    device,
    scene,
    transport,
    connection,
    performLock,
    session,
    keyboard,
    songScale,
    drumPads,
    rackFinder,
  };
}

/** The machines as `provideMachines` gives them. */
export type ProvidedMachines = ReturnType<typeof provideMachines>;
