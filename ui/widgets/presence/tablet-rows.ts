/**
 * The list of tablets as the app shows it, from what the bridge relays
 * (`PresentClient`): this tablet first, then the others in the order they
 * connected; each with its name (or its number, before it says one), its
 * color, the page it shows and its round trip.
 */
import type { PresentClient } from '../../../protocol/src/index';

/** One tablet of the list. */
export interface TabletRow {
  client: number;
  /** Its name, or "Client N" while it has said none (a tablet connecting, a command-line client). */
  name: string;
  named: boolean;
  color: string | null;
  /** The page it shows, as its tab reads. */
  page: string | null;
  rttMs: number | null;
  /** This is the tablet showing the list. */
  self: boolean;
  /** How many parameters it holds now. */
  holds: number;
}

/** Words of a page's name: `mix-and-tweak` reads "Mix and tweak". */
function words(name: string): string {
  const spaced = name.replace(/[-_]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * A page as its tab reads, from the tab's id (what a tablet tells): the
 * app's pages (`mixer`), a layout's (`layout:mix-and-tweak`,
 * `user-layout:…`), a saved page (`page:bass`), the page builder's new page.
 */
export function pageLabel(page: string): string {
  if (page === 'page:+new') return 'New page';
  const name = page.replace(/^(layout|user-layout|page):/, '');
  return words(name) || page;
}

/** The rows of the list: this tablet first. */
export function tabletRows(clients: readonly PresentClient[]): TabletRow[] {
  const ordered = [...clients.filter((client) => client.self), ...clients.filter((client) => !client.self)];
  return ordered.map((client) => ({
    client: client.client,
    name: client.name ?? `Client ${client.client}`,
    named: client.name !== null,
    color: client.color,
    page: client.page === null ? null : pageLabel(client.page),
    rttMs: client.rtt_ms,
    self: client.self,
    holds: client.holding.length,
  }));
}
