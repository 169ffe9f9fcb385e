/**
 * A layout's widgets that stand for a track's own parts rather than a
 * parameter: its level meter, a clip slot of it, a keyboard that plays it. They sit inside a
 * `<Track>` and take the actors the session already runs for them (the
 * track's, the slot's), so the grid and the layout show one state.
 */
import { useSelector } from '@xstate/react';
import { useStoredKeyboard } from '../connect/use-keyboard';
import { useSlotOfSession } from '../connect/use-session';
import { LiveKeyboard } from '../widgets/keyboard/LiveKeyboard';
import { ClipCell } from '../widgets/session-grid/ClipCell';
import { ClipSlotCell } from '../widgets/session-grid/ClipSlotCell';
import { Meter as MeterView } from '../widgets/meter/Meter';
import { TrackMeter } from '../widgets/meter/TrackMeter';
import { useLayoutServices } from './layout-context';
import { useScopeTrack } from './use-tracks';
import type { ScopeTarget } from './targets';

/** Why a track's part has no actor here. */
function whyNot(scope: ScopeTarget): string {
  if (scope.kind === 'unbound') return scope.why;
  if (scope.kind === 'top') return 'put it inside a <Track>';
  return 'the track is loading';
}

/** The track's level (a stereo meter). */
export function Meter({ size, label }: { size?: 'small' | 'medium' | 'large'; label?: string }) {
  const { scope, actor } = useScopeTrack();
  if (actor) return <TrackMeter actor={actor} size={size} label={label} />;
  return (
    <div className="ls-layout-binding" data-binding="unbound">
      <MeterView label={label ?? 'Level'} level={0} state="idle" size={size} />
      <p className="ls-layout-why">{whyNot(scope)}</p>
    </div>
  );
}

/** The track's clip slot in scene `scene` (0 the first): launch, stop, and its clip's state. */
export function Clip({ scene, size }: { scene: number; size?: 'small' | 'medium' | 'large' }) {
  const { scope, session, target, actor: track } = useScopeTrack();
  const slot = useSelector(session, (snapshot) =>
    target === null ? null : (snapshot.context.slots[target]?.[scene] ?? null),
  );
  const { actor } = useSlotOfSession(session, slot);
  const location = `scene ${scene + 1}`;
  if (actor) return <ClipSlotCell actor={actor} track={track} location={location} size={size} />;
  const why = target !== null && slot === null ? `the set has no scene ${scene + 1}` : whyNot(scope);
  return (
    <div className="ls-layout-binding" data-binding="unbound">
      <ClipCell state="loading" location={location} size={size} />
      <p className="ls-layout-why">{why}</p>
    </div>
  );
}

/**
 * A keyboard that plays the track around it. Notes go where Live routes the
 * notes port: into armed tracks. So while the track is not armed it says so,
 * and one tap arms it. The octave and scale are kept across a reload.
 */
export function Keys({ octaves = 2, size }: { octaves?: number; size?: 'small' | 'medium' | 'large' }) {
  const { scope, actor: track } = useScopeTrack();
  const { machines } = useLayoutServices();
  const keyboard = useStoredKeyboard(machines.keyboard, 'layout.keys');
  const name = useSelector(track, (snapshot) => snapshot?.context.name ?? null);
  const armed = useSelector(track, (snapshot) => snapshot?.context.arm ?? false);
  const canArm = useSelector(track, (snapshot) => snapshot?.context.canBeArmed ?? false);
  const color = useSelector(track, (snapshot) => snapshot?.context.color ?? null);
  return (
    <div className="ls-layout-keys">
      {track === undefined ? (
        <p className="ls-layout-why">{whyNot(scope)}</p>
      ) : armed ? (
        <p className="ls-layout-keys-route">Playing {name}</p>
      ) : canArm ? (
        <button type="button" className="ls-tool" onClick={() => track.send({ type: 'ui.arm' })}>
          Arm {name} to play it
        </button>
      ) : (
        <p className="ls-layout-why">{name} cannot be armed: its notes go nowhere</p>
      )}
      <LiveKeyboard actor={keyboard} octaves={octaves} size={size} color={color} />
    </div>
  );
}
