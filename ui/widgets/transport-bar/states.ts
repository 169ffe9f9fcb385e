/** The states the transport bar shows of the transport machine (the connector in `connect/` flattens them). */

/** What the bar shows of the machine's states. */
export type TransportState = 'loading' | 'stopped' | 'playing' | 'failed';

/** Every state the bar shows, for stories' controls. */
export const TRANSPORT_STATES: readonly TransportState[] = ['loading', 'stopped', 'playing', 'failed'];
