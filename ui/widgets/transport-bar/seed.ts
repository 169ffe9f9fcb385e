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
