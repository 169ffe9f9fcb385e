/**
 * The keyboard, played into the armed tracks: the page's chosen track (where
 * it should play, armed in one tap) and where the notes go now, above keys
 * that fill the rest of the screen. The octave, scale and chosen track are
 * kept across a reload.
 */
import type { ProvidedMachines } from '../../machines/provide';
import { useStoredKeyboard } from '../connect/use-keyboard';
import { useTrackActors, type SessionActor } from '../connect/use-session';
import { LiveKeyboard } from '../widgets/keyboard/LiveKeyboard';
import { PlayHead } from './ArmChips';
import { useInspect } from './inspect';
import { useChosenTrack } from './TrackPicker';

/** Where the keyboard's settings are kept (the Play page's keys share them). */
export const KEYBOARD_SETTINGS = 'keyboard';

export function KeysPage({ machines, session }: { machines: ProvidedMachines; session: SessionActor }) {
  const keyboard = useStoredKeyboard(machines.keyboard, KEYBOARD_SETTINGS, useInspect());
  const tracks = useTrackActors(session);
  const { chosen, summaries, choose } = useChosenTrack('keys.track', tracks);
  return (
    <div className="ls-page ls-play-page" data-page="keys">
      <PlayHead label="Track" tracks={summaries} chosen={chosen} onChoose={choose} />
      <div className="ls-play-fill">
        <LiveKeyboard actor={keyboard} color={chosen?.color ?? null} fill />
      </div>
    </div>
  );
}
