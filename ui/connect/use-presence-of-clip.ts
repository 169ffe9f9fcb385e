/**
 * A clip editor among tablets: the notes it selects are told to the others
 * (this tablet's presence actor, given by `TabletPresenceContext`), and the
 * notes the others select in the same clip come back with each one's color,
 * for the roll to outline. Without the context (stories, tests) it does
 * nothing.
 */
import { useSelector } from '@xstate/react';
import { createContext, useContext, useEffect, useMemo } from 'react';
import type { PresentClient } from '../../protocol/src/index';
import type { RollNote, RollNoteKey } from '../widgets/piano-roll/roll-types';
import type { TabletPresenceActor } from './use-presence';

/** This tablet's presence actor, for what pages tell the other tablets. */
export const TabletPresenceContext = createContext<TabletPresenceActor | null>(null);

const NO_CLIENTS: readonly PresentClient[] = [];

/** The notes other tablets select in clip `object`, each with its tablet's color. */
export function othersSelected(clients: readonly PresentClient[], object: number): Map<RollNoteKey, string> | null {
  let others: Map<RollNoteKey, string> | null = null;
  for (const client of clients) {
    if (client.self || client.selection?.clip !== object) continue;
    others ??= new Map();
    for (const note of client.selection.notes) others.set(note, client.color ?? '#9e9e9e');
  }
  return others;
}

/** `clip`: the clip's target (`id 2012`). */
export function useClipPresence(clip: string, notes: readonly RollNote[]): ReadonlyMap<RollNoteKey, string> | null {
  const tablet = useContext(TabletPresenceContext);
  const object = Number(/^id (\d+)$/.exec(clip.trim())?.[1] ?? NaN);
  const known = Number.isInteger(object) && object > 0;
  // the selection as Live's note ids (notes Live has not numbered yet are this tablet's alone)
  const selected = notes
    .filter((note) => note.selected && typeof note.key === 'number')
    .map((note) => note.key)
    .join(',');
  useEffect(() => {
    if (!tablet || !known) return;
    const ids = selected === '' ? [] : selected.split(',').map(Number);
    tablet.send({ type: 'presence.select', selection: ids.length > 0 ? { clip: object, notes: ids } : null });
  }, [tablet, known, object, selected]);
  useEffect(() => {
    if (!tablet || !known) return;
    return () => tablet.send({ type: 'presence.select', selection: null });
  }, [tablet, known]);
  const clients = useSelector(tablet ?? undefined, (snapshot) => snapshot?.context.clients ?? NO_CLIENTS);
  return useMemo(() => (known ? othersSelected(clients, object) : null), [clients, known, object]);
}
