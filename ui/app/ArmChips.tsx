/**
 * The head of the keys, pads and play pages: the page's one chosen track,
 * and where played notes go. Live sends the surface's notes to the armed
 * tracks, so the page says which those are and arms its chosen track in one
 * tap (`NotesRoute` on the tracks' actors).
 *
 * Arming is the one way offered: Live 11+ also lets a track whose monitoring
 * is "In" play without being armed, but the simulator (and the tests with
 * it) takes notes only on armed tracks, so offering it could not be proven.
 */
import { memo, useEffect, useState, type ReactNode } from 'react';
import type { TrackActor } from '../connect/use-track';
import { NotesRoute } from '../widgets/keyboard/NotesRoute';
import { TrackPicker, type TrackSummary } from './TrackPicker';
import './play-pages.css';

/** How long an arm may take before the page says Live did not do it (ms). */
export const ARM_PATIENCE_MS = 4000;

/** Where the notes go, for the chosen track among `tracks`. */
export const TrackNotesRoute = memo(function TrackNotesRoute({
  tracks,
  chosen,
  patienceMs = ARM_PATIENCE_MS,
}: {
  tracks: readonly TrackSummary[];
  chosen: TrackSummary | undefined;
  /** How long an arm may take before the page says Live did not do it. */
  patienceMs?: number;
}) {
  const [asked, setAsked] = useState<TrackSummary['actor'] | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  // an armed audio track takes no notes
  const others = tracks.filter((track) => track.armed && track.midi && track.actor !== chosen?.actor);
  const arming = asked !== null && asked === chosen?.actor && !chosen.armed;
  const name = chosen?.name ?? null;

  // Live said it is armed: nothing to wait for, nothing to complain of (state set while rendering:
  // React renders again at once, before anything is shown)
  if (chosen?.armed && (asked !== null || refused !== null)) {
    setAsked(null);
    setRefused(null);
  }
  // an arm Live never did is not dropped without a word
  useEffect(() => {
    if (!arming) return;
    const timer = setTimeout(() => {
      setAsked(null);
      setRefused(`Live did not arm ${name}`);
    }, patienceMs);
    return () => clearTimeout(timer);
  }, [arming, name, patienceMs]);

  const onArm = () => {
    if (!chosen || chosen.armed) return;
    setRefused(null);
    setAsked(chosen.actor);
    chosen.actor.send({ type: 'ui.arm' });
  };
  // `ui.arm` toggles: each other armed track is disarmed
  const onOnly = () => others.forEach((track) => track.actor.send({ type: 'ui.arm' }));

  return (
    <NotesRoute
      track={name}
      armed={chosen?.armed ?? false}
      armable={chosen?.armable ?? false}
      takesNotes={chosen?.midi ?? true}
      others={others.map((track) => track.name)}
      arming={arming}
      refused={refused}
      onArm={onArm}
      onOnly={onOnly}
    />
  );
});

/** The chosen track (chips that scroll sideways on a phone), where the notes go, and a page's own controls. */
export function PlayHead({
  label,
  tracks,
  chips,
  chosen,
  onChoose,
  children,
}: {
  label: string;
  /** Every track: the notes go to those armed. */
  tracks: readonly TrackSummary[];
  /** The tracks to choose from; all of `tracks` when absent. */
  chips?: readonly TrackActor[];
  chosen: TrackSummary | undefined;
  onChoose: (actor: TrackActor) => void;
  children?: ReactNode;
}) {
  return (
    <div className="ls-play-head">
      <TrackPicker
        label={label}
        tracks={chips ?? tracks.map((track) => track.actor)}
        chosen={chosen?.actor}
        onChoose={onChoose}
        className="ls-play-tracks"
      />
      <div className="ls-play-route-row">
        <TrackNotesRoute tracks={tracks} chosen={chosen} />
        {children}
      </div>
    </div>
  );
}
