/**
 * Snapshots of the real transport machine in a chosen state, for static
 * stories and view tests (`resolveState` starts no effects).
 */
import {
  TRANSPORT_KEYS,
  initialTransportContext,
  transportMachine,
  type TransportContext,
} from '../../../machines/transport';

/** A state of the transport machine, written without its `live` wrapper: `'loading'`, `{ ready: 'playing' }`, `'failed'`. */
export type TransportStateValue = 'loading' | 'failed' | { ready: 'stopped' | 'playing' };

/** A transport that has heard every first value: a set at 120 BPM in 4/4, stopped at the start. */
export const TRANSPORT_CONTEXT: TransportContext = { ...initialTransportContext({}), received: [...TRANSPORT_KEYS] };

/** A snapshot of the real transport machine in `value`, with `context` over the defaults. */
export function transportSnapshot(value: TransportStateValue, context: Partial<TransportContext> = {}) {
  const machineValue = value === 'failed' ? value : { live: value };
  return transportMachine.resolveState({
    value: machineValue,
    context: { ...TRANSPORT_CONTEXT, ...context },
  });
}

/** The demo set's locators: Intro at the start, Drop at bar 9, Outro at bar 17. */
export const DEMO_CUES: TransportContext['cues'] = [
  { target: 'id 91', name: 'Intro', time: 0 },
  { target: 'id 92', name: 'Drop', time: 32 },
  { target: 'id 93', name: 'Outro', time: 64 },
];
