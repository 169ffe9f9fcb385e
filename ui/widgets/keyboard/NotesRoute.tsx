/**
 * Where played notes go, always in view above the keys and the pads: Live
 * plays the surface's notes on the armed tracks, so with none armed the
 * keys light up and nothing sounds. It names the tracks the notes reach and
 * offers, in one tap, to arm the page's chosen track (or, when others are
 * armed too, to leave only it armed). An arm asked for shows until Live
 * says it is done, and says so if Live did not. A pure view.
 */
import { memo } from 'react';
import { Button } from '../button/Button';
import './notes-route.css';

/**
 * - `waiting`: no track chosen yet (the set is loading);
 * - `plays`: the chosen track is armed (others may be too);
 * - `elsewhere`: the chosen track is not armed, others are: the notes go there;
 * - `nowhere`: no track is armed: the notes go nowhere;
 * - `unarmable`: the chosen track cannot be armed (a group track);
 * - `audio`: the chosen track is an audio track: it takes no notes.
 */
export type NotesRouteState = 'waiting' | 'plays' | 'elsewhere' | 'nowhere' | 'unarmable' | 'audio';

export interface NotesRouteProps {
  /** The page's chosen track; null before there is one. */
  track: string | null;
  /** Whether the chosen track is armed. */
  armed: boolean;
  /** Whether the chosen track can be armed at all. */
  armable: boolean;
  /** Whether the chosen track takes notes (a MIDI track); true by default. */
  takesNotes?: boolean;
  /** The other armed tracks that take notes: the notes reach them too. */
  others: readonly string[];
  /** An arm asked for that Live has not confirmed yet. */
  arming?: boolean;
  /** What went wrong with the last arm asked for. */
  refused?: string | null;
  /** Arm the chosen track. */
  onArm?: () => void;
  /** Leave only the chosen track armed (disarm the others). */
  onOnly?: () => void;
}

/** What decides the route. */
type RouteFacts = Pick<NotesRouteProps, 'track' | 'armed' | 'armable' | 'takesNotes' | 'others'>;

/** The state a route is in. */
export function notesRouteState({ track, armed, armable, takesNotes = true, others }: RouteFacts): NotesRouteState {
  if (track === null) return 'waiting';
  if (!takesNotes) return 'audio';
  if (armed) return 'plays';
  if (!armable) return 'unarmable';
  return others.length > 0 ? 'elsewhere' : 'nowhere';
}

/** Names in a sentence: "Bass", "Bass and Keys", "Bass, Keys and Pad". */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What the route says, in words. */
export function notesRouteText(props: RouteFacts): string {
  const { track, others } = props;
  const state = notesRouteState(props);
  switch (state) {
    case 'waiting':
      return 'Finding the tracks…';
    case 'plays':
      return `Plays ${namesInWords([track ?? '', ...others])} (armed)`;
    case 'elsewhere':
      return `Plays ${namesInWords(others)} (armed), not ${track}`;
    case 'nowhere':
      return 'No track is armed: notes go nowhere';
    case 'unarmable':
    case 'audio': {
      const why = state === 'audio' ? 'is an audio track' : 'cannot be armed';
      return others.length > 0
        ? `${track} ${why}: notes go to ${namesInWords(others)}`
        : `${track} ${why}: notes go nowhere`;
    }
    default:
      return state satisfies never;
  }
}

/** Where the notes go, and the one tap that sends them to the chosen track. */
export const NotesRoute = memo(function NotesRoute(props: NotesRouteProps) {
  const { track, others, arming = false, refused = null, onArm, onOnly } = props;
  const state = notesRouteState(props);
  const offerArm = (state === 'elsewhere' || state === 'nowhere') && onArm !== undefined;
  const offerOnly = state === 'plays' && others.length > 0 && onOnly !== undefined;
  return (
    <div className="ls-notes-route" data-state={state} data-arming={arming || undefined}>
      <span className="ls-notes-route-dot" aria-hidden="true" />
      <span className="ls-notes-route-text" role="status" aria-label="Where the notes go">
        {notesRouteText(props)}
      </span>
      {/* the app's buttons: they act as the finger lands, as every control here does */}
      {offerArm && (
        <span className="ls-notes-route-arm">
          <Button
            kind="trigger"
            size="small"
            label={arming ? `Arming ${track}…` : `Arm ${track}`}
            disabled={arming}
            color="var(--ls-record)"
            onTrigger={onArm}
          />
        </span>
      )}
      {offerOnly && <Button kind="trigger" size="small" label={`Only ${track}`} onTrigger={onOnly} />}
      {refused && (
        <span className="ls-notes-route-refused" role="alert">
          {refused}
        </span>
      )}
    </div>
  );
});
