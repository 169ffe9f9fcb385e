/**
 * The machines with their effects provided, children included: a machine's
 * provided effects do not reach the machines it spawns, so each is provided
 * here, once, from one set of effects (LiveLink's in the app, fakes in tests).
 */
import { clipSlotMachine } from './clip-slot';
import { connectionMachine } from './connection';
import { deviceMachine } from './device';
import type { Effects } from './effects';
import { parameterMachine } from './parameter';
import { sessionMachine } from './session';
import { trackMachine } from './track';
import { transportMachine } from './transport';

function pick<K extends keyof Effects>(effects: Effects, keys: readonly K[]): Pick<Effects, K> {
  return Object.fromEntries(keys.map((key) => [key, effects[key]])) as Pick<Effects, K>;
}

export function provideMachines(effects: Effects) {
  const parameter = parameterMachine.provide({ actors: pick(effects, ['read', 'setLatest', 'gesture', 'observe', 'display']) });
  const clipSlot = clipSlotMachine.provide({ actors: pick(effects, ['get', 'set', 'call', 'observe']) });
  const track = trackMachine.provide({ actors: { ...pick(effects, ['read', 'get', 'set', 'call', 'observe']), parameter } });
  const device = deviceMachine.provide({ actors: { ...pick(effects, ['read', 'set', 'observe']), parameter } });
  const transport = transportMachine.provide({ actors: pick(effects, ['call', 'set', 'setLatest', 'observe']) });
  const connection = connectionMachine.provide({ actors: pick(effects, ['linkState']) });
  const session = sessionMachine.provide({
    actors: { ...pick(effects, ['read', 'readEach', 'observe', 'liveStatus']), track, clipSlot, transport },
  });
  return { parameter, clipSlot, track, device, transport, connection, session };
}

export type ProvidedMachines = ReturnType<typeof provideMachines>;
