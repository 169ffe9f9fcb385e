/**
 * A layout's widgets that stand for a track's own parts rather than a
 * parameter: its level meter, a clip slot of it, a keyboard that plays it
 * (and its drum pads, `pads-widget.tsx`). They sit inside a
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
import type { TrackActor } from '../connect/use-track';
import { useInspect } from '../app/inspect';
import { useLayoutServices } from './layout-context';
import { ScopeNotesRoute, useRouteSaid } from './notes-route';
import { useScopeTrack } from './use-tracks';
import type { ScopeTarget } from './targets';

/** Why a track's part has no actor here. */
export function whyNot(scope: ScopeTarget): string {
  if (scope.kind === 'unbound') return scope.why;
  if (scope.kind === 'top') return 'put it inside a <Track>';
  return 'the track is loading';
}

/** Live's color for the track, once it has said it (null before, and without a track). */
export function useTrackColor(track: TrackActor | undefined): number | null {
  return useSelector(track, (snapshot) =>
    snapshot?.context.received.includes('color') ? snapshot.context.color : null,
  );
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
 * notes port: into armed tracks. So it says where they go now, and one tap
 * arms its track (unless a `<TrackChooser notes>` above says so already).
 * The octave and scale are kept across a reload, under `settings`.
 */
export function Keys({
  octaves,
  size,
  fill = false,
  settings = 'layout.keys',
}: {
  /** How many octaves a row shows (2 by default; with `fill`, as many as the width takes). */
  octaves?: number;
  size?: 'small' | 'medium' | 'large';
  /** Take the height it is given (a `<Layout fill>`'s rest): rows of keys filling it. */
  fill?: boolean;
  /** Where the octave and scale are kept; keys with the same key share them (the app's Keys and Play pages: `keyboard`). */
  settings?: string;
}) {
  const { scope, target, actor: track } = useScopeTrack();
  const { machines } = useLayoutServices();
  const keyboard = useStoredKeyboard(machines.keyboard, settings, useInspect());
  const color = useTrackColor(track);
  const routeSaid = useRouteSaid(target);
  return (
    <div className="ls-layout-keys" data-fill={fill || undefined}>
      {!routeSaid && (track ? <ScopeNotesRoute track={track} /> : <p className="ls-layout-why">{whyNot(scope)}</p>)}
      <LiveKeyboard actor={keyboard} octaves={octaves} size={size} color={color} fill={fill} />
    </div>
  );
}
