/**
 * The pages saved on the bridge (the page builder's), as the bridge last
 * listed them: they come with its hello and with every `pages` event into
 * the link's state, which the connection actor keeps. The same array until
 * the list changes, so a component re-renders only then.
 */
import { useSelector } from '@xstate/react';
import type { SnapshotFrom } from 'xstate';
import type { ConnectionMachine } from '../../machines/connection';
import type { PageList } from '../../protocol/src/index';
import type { ConnectionActor } from './use-connection';

const NO_PAGES: PageList = [];

/** The saved pages in a connection snapshot (none before the bridge's first hello). */
export function pagesOf(snapshot: SnapshotFrom<ConnectionMachine>): PageList {
  return snapshot.context.state?.pages ?? NO_PAGES;
}

/** The saved pages, followed on the app's connection actor. */
export function usePages(connection: ConnectionActor): PageList {
  return useSelector(connection, pagesOf);
}
