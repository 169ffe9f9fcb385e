/**
 * The link's life as a chart the UI and the inspector show.
 *
 * States: connecting, online, liveOffline, reconnecting, authFailed, closed.
 * Event: `link.state` (from the link). Tags: `usable` when Live can be played.
 */
import { assign, setup } from 'xstate';
import type { LinkState, LinkStatus } from '../link/live-link';
import { effects } from './effects';

/** The link's last state, for the inspector and the status bar. */
export interface ConnectionContext {
  state: LinkState | null;
}

const toStatus = (status: LinkStatus) => ({
  guard: ({ event }: { event: { state: LinkState } }) => event.state.status === status,
  actions: 'remember' as const,
});

/** The connection machine (see the file's doc). */
export const connectionMachine = setup({
  types: { context: {} as ConnectionContext, events: {} as { type: 'link.state'; state: LinkState } },
  actors: { linkState: effects.linkState },
  actions: { remember: assign({ state: ({ event }) => event.state }) },
}).createMachine({
  id: 'connection',
  context: { state: null },
  invoke: { id: 'linkState', src: 'linkState' },
  initial: 'connecting',
  on: {
    'link.state': [
      { ...toStatus('online'), target: '.online' },
      { ...toStatus('live-offline'), target: '.liveOffline' },
      { ...toStatus('reconnecting'), target: '.reconnecting' },
      { ...toStatus('auth-failed'), target: '.authFailed' },
      { ...toStatus('closed'), target: '.closed' },
      { ...toStatus('connecting'), target: '.connecting' },
    ],
  },
  states: {
    connecting: { tags: ['waiting'] },
    online: { tags: ['usable'] },
    liveOffline: { tags: ['waiting'] },
    reconnecting: { tags: ['waiting'] },
    authFailed: { tags: ['failed'] },
    closed: { type: 'final' },
  },
});
/** The connection machine's type, for actor refs and snapshots. */
export type ConnectionMachine = typeof connectionMachine;
