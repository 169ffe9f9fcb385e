/**
 * What the UI shows of the link (`LiveLink.state$`), and the one rule for how
 * it changes: a pure function, so each status and when it appears can be
 * read and tested in one place.
 */
import type { BridgeHelloResult, LiveStatus, MidiRoute, PageList, PresentClient } from '../protocol/src/index';
import type { RetryReason } from './connection-machine';
import type { RttStats } from './rtt';

export type { RetryReason } from './connection-machine';

/** The link's status as the UI shows it. */
export type LinkStatus =
  | 'connecting'
  | 'online'
  | 'live-offline'
  | 'reconnecting'
  | 'auth-failed'
  /** The bridge speaks another protocol (updated while this page stayed open): a reload is the fix. */
  | 'incompatible'
  | 'closed';

/** While the link waits to try the bridge again: why, and when the next try is (the link's clock, ms). */
export interface LinkRetry {
  reason: RetryReason;
  at: number;
}

/** The link as the UI shows it. */
export interface LinkState {
  status: LinkStatus;
  /** Which Live, as the bridge last said. */
  live: LiveStatus | null;
  midi: MidiRoute | null;
  /** How many times the link has been greeted; object ids from the script are valid within one Live session. */
  sessions: number;
  rtt: RttStats | null;
  /** The bridge said this client reads too slowly (updates held back). */
  slow: boolean;
  /** The surface is locked for performance: structural edits are refused (any tablet may lock or unlock). */
  locked: boolean;
  /** The pages saved on the bridge (the page builder's), as it last listed them; the same array until they change. */
  pages: PageList;
  /**
   * Who is connected to the bridge and what each said of itself (this tablet
   * among them, `self`), as the bridge last told: the same array until it
   * changes; empty while no socket is greeted (the bridge tells the list anew
   * after each hello).
   */
  presence: readonly PresentClient[];
  /** Why and until when the link waits, while `connecting` or `reconnecting` between sockets; else absent. */
  retry?: LinkRetry;
  /** The bridge's words when it refused this page's protocol (`incompatible`). */
  incompatible?: string;
}

/** What changes the link's state. */
export type LinkStateEvent =
  /** The bridge greeted a new socket. */
  | { type: 'greeted'; hello: BridgeHelloResult }
  /** A wait before the next socket begins (`reconnecting` once a socket has opened): why, and until when. */
  | { type: 'retrying'; status: 'connecting' | 'reconnecting'; retry: LinkRetry }
  | { type: 'auth-failed' }
  | { type: 'incompatible'; message: string }
  | { type: 'closed' }
  /** The bridge's `status` event. */
  | { type: 'live'; live: LiveStatus }
  /** The bridge said this client reads too slowly (true), or changes flow again (false). */
  | { type: 'slow'; slow: boolean }
  /** The bridge's `lock` event. */
  | { type: 'lock'; locked: boolean }
  /** The bridge's `pages` event: the saved pages changed (a tablet saved or deleted one, or the folder was edited). */
  | { type: 'pages'; pages: PageList }
  /** The bridge's `presence` event (who is connected changed, or what one of them said); `[]` when the socket is lost. */
  | { type: 'presence'; clients: readonly PresentClient[] }
  | { type: 'rtt'; rtt: RttStats };

/** The state before anything is known. */
export const initialLinkState: LinkState = {
  status: 'connecting',
  live: null,
  midi: null,
  sessions: 0,
  rtt: null,
  slow: false,
  locked: false,
  pages: [],
  presence: [],
};

const statusOf = (live: LiveStatus): LinkStatus => (live.state === 'online' ? 'online' : 'live-offline');

/** The state after `event`; the same object when nothing changed (so nothing is emitted). */
export function nextLinkState(state: LinkState, event: LinkStateEvent): LinkState {
  switch (event.type) {
    case 'greeted': {
      const { live, midi, locked, pages } = event.hello;
      const greeted = { status: statusOf(live), live, midi, sessions: state.sessions + 1, slow: false, locked, pages };
      return { ...state, ...greeted, retry: undefined };
    }
    case 'retrying':
      return { ...state, status: event.status, retry: event.retry };
    case 'auth-failed':
      return { ...state, status: 'auth-failed', retry: undefined };
    case 'incompatible':
      return { ...state, status: 'incompatible', retry: undefined, incompatible: event.message };
    case 'closed':
      return { ...state, status: 'closed' };
    case 'live':
      return { ...state, live: event.live, status: statusOf(event.live) };
    case 'slow':
      // every `changes` event says "not slow": only a real change is news
      return state.slow === event.slow ? state : { ...state, slow: event.slow };
    case 'lock':
      return state.locked === event.locked ? state : { ...state, locked: event.locked };
    case 'pages':
      // the bridge tells only a changed list
      return { ...state, pages: event.pages };
    case 'presence':
      // an empty list for an empty one is no news (a lost socket that had heard nothing yet)
      return event.clients.length === 0 && state.presence.length === 0 ? state : { ...state, presence: event.clients };
    case 'rtt':
      return { ...state, rtt: event.rtt };
    default:
      return event satisfies never;
  }
}
