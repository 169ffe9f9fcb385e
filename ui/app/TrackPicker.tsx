/**
 * Which track a page works on: a row of chips in the tracks' colors (a radio
 * group: one is chosen). Each chip follows its own track actor.
 *
 * `useChosenTrack` keeps a page's choice across a reload: saved by the
 * track's name and its place in the set, found again by name (the same
 * place first, if two tracks share the name), else by place once every
 * track has said its name. With nothing saved, a page starts on the first
 * armed MIDI track (where notes go now), else the first that can be armed.
 */
import { useSelector } from '@xstate/react';
import { memo, useCallback, useEffect, useRef, useSyncExternalStore, type CSSProperties } from 'react';
import type { SnapshotFrom } from 'xstate';
import { z } from 'zod';
import type { TrackMachine } from '../../machines/track';
import type { TrackActor } from '../connect/use-track';
import { useStoredState } from '../settings/stored-state';
import { cssColor, textOn } from '../theme/live-colors';

const TrackChip = memo(function TrackChip({
  actor,
  chosen,
  onChoose,
}: {
  actor: TrackActor;
  chosen: boolean;
  onChoose: (actor: TrackActor) => void;
}) {
  const name = useSelector(actor, (snapshot) => snapshot.context.name);
  const color = useSelector(actor, (snapshot) => snapshot.context.color);
  const style = { '--ls-chip': cssColor(color), '--ls-chip-text': textOn(color) } as CSSProperties;
  return (
    <button
      type="button"
      role="radio"
      aria-checked={chosen}
      className="ls-chip"
      style={style}
      onClick={() => onChoose(actor)}
    >
      {name || '…'}
    </button>
  );
});

export function TrackPicker({
  label,
  tracks,
  chosen,
  onChoose,
  className,
}: {
  label: string;
  tracks: readonly TrackActor[];
  chosen: TrackActor | undefined;
  onChoose: (actor: TrackActor) => void;
  /** Another class besides `ls-chips` (a page's own layout of the row). */
  className?: string;
}) {
  return (
    <div className={className ? `ls-chips ${className}` : 'ls-chips'} role="radiogroup" aria-label={label}>
      {tracks.map((actor) => (
        <TrackChip key={actor.id} actor={actor} chosen={actor === chosen} onChoose={onChoose} />
      ))}
    </div>
  );
}

/** What a page needs to know of each track to choose one and say where notes go. */
export interface TrackSummary {
  actor: TrackActor;
  /** Its place among the set's tracks. */
  index: number;
  name: string;
  /** Live's color (an RGB integer), once known (null before). */
  color: number | null;
  armed: boolean;
  armable: boolean;
  /** A MIDI track: notes reach it when it is armed. */
  midi: boolean;
  /** It has said all it will say (or failed, or is gone): its name can be trusted. */
  known: boolean;
}

function summaryOf(actor: TrackActor, index: number, snapshot: SnapshotFrom<TrackMachine>): TrackSummary {
  const { context } = snapshot;
  const known = ['settled', 'failed', 'gone'].some((tag) => snapshot.hasTag(tag));
  return {
    actor,
    index,
    name: context.name,
    color: context.received.includes('color') ? context.color : null,
    armed: context.arm,
    armable: context.canBeArmed,
    midi: context.midi,
    known,
  };
}

const sameSummaries = (a: readonly TrackSummary[], b: readonly TrackSummary[]): boolean =>
  a.length === b.length &&
  a.every((summary, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      summary.actor === other.actor &&
      summary.index === other.index &&
      summary.name === other.name &&
      summary.color === other.color &&
      summary.armed === other.armed &&
      summary.armable === other.armable &&
      summary.midi === other.midi &&
      summary.known === other.known
    );
  });

/** Each track's summary, re-rendering only when a name, an arm or a track's state changes (never for a meter). */
export function useTrackSummaries(tracks: readonly TrackActor[]): TrackSummary[] {
  const last = useRef<TrackSummary[]>([]);
  const subscribe = useCallback(
    (notify: () => void) => {
      const subscriptions = tracks.map((actor) => actor.subscribe({ next: notify, error: notify }));
      return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
    },
    [tracks],
  );
  const read = useCallback(() => {
    const next = tracks.map((actor, index) => summaryOf(actor, index, actor.getSnapshot()));
    if (!sameSummaries(next, last.current)) last.current = next;
    return last.current;
  }, [tracks]);
  return useSyncExternalStore(subscribe, read, read);
}

/** A track as a page saves its choice: by name, and by place in the set. */
export interface SavedTrack {
  name: string;
  index: number;
}

/** The schema a saved choice is read through (null: none saved). */
export const SavedTrackSchema: z.ZodType<SavedTrack | null> = z
  .object({ name: z.string(), index: z.number().int().min(0) })
  .nullable();

/**
 * The track a saved choice finds: by name (the one at the saved place first),
 * else, once every track is known, the one at the saved place; with nothing
 * saved, the first armed MIDI track, else the first MIDI track that can be
 * armed, else the first. `undefined` while it cannot tell yet.
 */
export function findChosen<T extends Omit<TrackSummary, 'actor' | 'color'>>(
  saved: SavedTrack | null,
  tracks: readonly T[],
): T | undefined {
  const allKnown = tracks.every((track) => track.known);
  if (saved) {
    const named = tracks.filter((track) => track.known && track.name === saved.name);
    const byName = named.find((track) => track.index === saved.index) ?? named[0];
    if (byName) return byName;
    if (!allKnown) return undefined;
    return tracks[saved.index] ?? tracks.at(-1);
  }
  if (!allKnown) return undefined;
  return (
    tracks.find((track) => track.armed && track.midi) ??
    tracks.find((track) => track.armable && track.midi) ??
    tracks[0]
  );
}

/** A page's chosen track, saved under `key`, and every track's summary. */
export function useChosenTrack(
  key: string,
  tracks: readonly TrackActor[],
): { chosen: TrackSummary | undefined; summaries: TrackSummary[]; choose: (actor: TrackActor) => void } {
  const summaries = useTrackSummaries(tracks);
  const [saved, save] = useStoredState<SavedTrack | null>(key, SavedTrackSchema, null);
  const chosen = findChosen(saved, summaries);
  // a first choice made for the musician is kept (an arm changing later does not move the page), and
  // a choice follows its track when it is renamed or moved in Live
  const allKnown = summaries.every((track) => track.known);
  useEffect(() => {
    if (!chosen || !allKnown) return;
    if (saved === null || saved.name !== chosen.name || saved.index !== chosen.index)
      save({ name: chosen.name, index: chosen.index });
  }, [saved, chosen, allKnown, save]);
  const choose = useCallback(
    (actor: TrackActor) => {
      const index = tracks.indexOf(actor);
      if (index >= 0) save({ name: actor.getSnapshot().context.name, index });
    },
    [tracks, save],
  );
  return { chosen, summaries, choose };
}
