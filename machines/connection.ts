/**
 * The link's life as a chart the UI and the inspector show.
 *
 * States: connecting, online, liveOffline, reconnecting, authFailed,
 * incompatible, closed.
 * Event: `link.state` (from the link). Tags: `usable` when Live can be
 * played; `waiting` while the link or Live may come back by itself;
 * `failed` when only the musician can mend it (another address, a reload).
 */
import { assign, setup } from 'xstate';
import type { LinkState, LinkStatus } from '../link/live-link';
import type { LiveStatus } from '../protocol/src/index';
import { effects } from './effects';

/** The link's last state, for the inspector and the status bar. */
export interface ConnectionContext {
  state: LinkState | null;
  /**
   * Which Live answered last (an offline status names none): while Live is
   * offline, whether the simulator is restarting or Live itself is gone.
   */
  lastHost: NonNullable<LiveStatus['host']> | null;
}

const toStatus = (status: LinkStatus) => ({
  guard: ({ event }: { event: { state: LinkState } }) => event.state.status === status,
  actions: 'remember' as const,
});

/** The connection machine (see the file's doc). */
export const connectionMachine = setup({
  types: { context: {} as ConnectionContext, events: {} as { type: 'link.state'; state: LinkState } },
  actors: { linkState: effects.linkState },
  actions: {
    remember: assign({
      state: ({ event }) => event.state,
      lastHost: ({ context, event }) => event.state.live?.host ?? context.lastHost,
    }),
  },
}).createMachine({
  id: 'connection',
  context: { state: null, lastHost: null },
  invoke: { id: 'linkState', src: 'linkState' },
  initial: 'connecting',
  on: {
    'link.state': [
      { ...toStatus('online'), target: '.online' },
      { ...toStatus('live-offline'), target: '.liveOffline' },
      { ...toStatus('reconnecting'), target: '.reconnecting' },
      { ...toStatus('auth-failed'), target: '.authFailed' },
      { ...toStatus('incompatible'), target: '.incompatible' },
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
    incompatible: { tags: ['failed'] },
    closed: { type: 'final' },
  },
});
/** The connection machine's type, for actor refs and snapshots. */
export type ConnectionMachine = typeof connectionMachine;
