/**
 * A layout's `<Pads />`: the drum pads of the track around it, as the
 * app's Pads page shows them: its first Drum Rack's pads named from Live,
 * a plain grid of notes when it has none. Its notes go where Live routes
 * the notes port (into armed tracks), so, like `<Keys />`, it says where
 * they go now and arms its track in one tap (unless a `<TrackChooser
 * notes>` above says so already). Outside a track, or before its track is
 * in the set, it says why.
 */
import { useInspect } from '../app/inspect';
import { TrackDrumPads } from '../widgets/pads/TrackDrumPads';
import { useLayoutServices } from './layout-context';
import { ScopeNotesRoute, useRouteSaid } from './notes-route';
import { whyNot } from './track-widgets';
import { useScopeTrack } from './use-tracks';

export function Pads({
  size,
  fill = false,
  settings = 'layout.pads',
}: {
  size?: 'small' | 'medium' | 'large';
  /** Take the space it is given (a `<Layout fill>`'s rest): pads as wide and tall as it allows. */
  fill?: boolean;
  /** Where note repeat and a plain grid's row are kept; pads with the same key share them (the app's Pads and Play pages: `pads`). */
  settings?: string;
}) {
  const { scope, target, actor: track } = useScopeTrack();
  const { machines } = useLayoutServices();
  const inspect = useInspect();
  const routeSaid = useRouteSaid(target);
  return (
    <div className="ls-layout-pads" data-fill={fill || undefined}>
      {track && !routeSaid && <ScopeNotesRoute track={track} />}
      {track ? (
        // another track is another rack to find: a finder and pads of its own
        <TrackDrumPads
          key={track.id}
          machines={machines}
          track={track}
          settings={settings}
          size={size}
          fill={fill}
          inspect={inspect}
        />
      ) : (
        <p className="ls-layout-why">{whyNot(scope)}</p>
      )}
    </div>
  );
}
