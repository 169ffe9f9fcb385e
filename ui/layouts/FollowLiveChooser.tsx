/**
 * A track chooser that can follow Live: a row of the set's tracks as chips
 * (the returns and the master too, when asked) and a Follow Live switch.
 * On, what it holds binds to the track Live has selected, and a chip
 * chosen here selects its track in Live; off, it stays on the track chosen
 * here (where following left it), whatever Live selects. Follow Live is
 * kept on this tablet, under `storageKey`. It follows Live's device
 * selection too, so a `<DeviceChain />` inside outlines the device Live
 * has selected: the app's Devices page.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { z } from 'zod';
import { TrackPicker } from '../app/TrackPicker';
import { useDeviceSelection, type DeviceSelectionActor } from '../connect/use-device-selection';
import type { TrackActor } from '../connect/use-track';
import { useStoredState } from '../settings/stored-state';
import { Button } from '../widgets/button/Button';
import { FollowIcon } from '../widgets/icons';
import { DeviceSelectionFor, useOwnDeviceSelection } from './device-chain';
import { Scope } from './layout-context';
import type { ScopeTarget } from './targets';
import { trackOf, useSetStrips, type TracksWanted } from './tracks';
import './device-parts.css';

/**
 * Which track is shown: Live's selected track while following it, else the one chosen here (where
 * following left it, when turned off), else the first.
 */
function useShownTrack(tracks: readonly TrackActor[], selection: DeviceSelectionActor, storageKey: string) {
  const [follow, storeFollow] = useStoredState(storageKey, z.boolean(), true);
  const live = useDeviceSelection(selection);
  const [chosen, choose] = useState<TrackActor | undefined>(undefined);
  const followed = follow ? tracks.find((actor) => trackOf(actor) === live.track) : undefined;
  const track = followed ?? (chosen && tracks.includes(chosen) ? chosen : tracks[0]);
  const onChoose = (actor: TrackActor): void => {
    choose(actor);
    if (follow) live.selectTrack(trackOf(actor));
  };
  const setFollow = (next: boolean): void => {
    if (!next) choose(track);
    storeFollow(next);
  };
  return { problem: live.problem, track, follow, setFollow, onChoose };
}

export function FollowLiveChooser({
  label,
  storageKey,
  returns,
  master,
  children,
}: TracksWanted & {
  /** The chips' name (and the chooser's). */
  label: string;
  /** Where Follow Live is kept across a reload; `layout-follow:<label>` when absent. */
  storageKey?: string;
  /** Widgets bound to the track shown (`<DeviceChain />`, `<Knob target="mixer_device volume" />`). */
  children: ReactNode;
}) {
  const strips = useSetStrips({ returns, master });
  const tracks = useMemo(() => strips.map((strip) => strip.actor), [strips]);
  const selection = useOwnDeviceSelection();
  const { problem, track, follow, setFollow, onChoose } = useShownTrack(
    tracks,
    selection,
    storageKey ?? `layout-follow:${label}`,
  );
  const target = track ? trackOf(track) : null;
  const scope = useMemo<ScopeTarget>(
    () => (target === null ? { kind: 'unbound', why: 'Live’s tracks are loading' } : { kind: 'object', target }),
    [target],
  );
  return (
    <section className="ls-follow-chooser" aria-label={label}>
      <div className="ls-follow-bar">
        <TrackPicker label={label} tracks={tracks} chosen={track} onChoose={onChoose} />
        <span className="ls-follow-live">
          <Button kind="toggle" label="Follow Live" on={follow} size="small" onChange={setFollow}>
            <FollowIcon />
            <span>Follow Live</span>
          </Button>
        </span>
      </div>
      {problem && (
        <p className="ls-follow-problem" role="status">
          {problem}
        </p>
      )}
      <DeviceSelectionFor value={selection}>
        <Scope target={scope}>{children}</Scope>
      </DeviceSelectionFor>
    </section>
  );
}
