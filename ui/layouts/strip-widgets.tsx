/**
 * A layout's mixer: `<Strip />`, the channel strip of the track around it
 * (its name, sends, pan, volume with its meter, mute, solo and arm), and
 * `<Mixer>`, the row strips sit in, scrolling sideways when they do not
 * fit. They are the app's mixer widgets on the session's own track actors
 * (no second copy of a track or of its mixer's parameters): a strip is
 * numbered as Live numbers its track (a return by its letter), outlined
 * while Live has its track selected, and a tap on its name selects the
 * track in Live.
 */
import { useSelector } from '@xstate/react';
import { useCallback, type ReactNode } from 'react';
import { useMixerStrips } from '../connect/use-session';
import { useSessionSelectionActor } from '../connect/use-track-selection';
import { Fader } from '../widgets/fader/Fader';
import { MixerStrip, type MixerStripProps } from '../widgets/mixer-strip/MixerStrip';
import { MixerRowFrame, MixerRowSlot } from '../widgets/mixer-strip/MixerRow';
import { VOLUME_LABEL, VOLUME_MARKS } from '../widgets/mixer-strip/strip-parts';
import { TrackStrip } from '../widgets/mixer-strip/TrackStrip';
import { useLayoutServices, useScope } from './layout-context';
import { whyNot } from './track-widgets';
import { trackOf } from './tracks';

/**
 * A row of strips (what it holds: `<Tracks>` of `<Strip />`), scrolling sideways when they do not fit: a
 * finger swipes it anywhere, faders and knobs included, and drags those up and down. It says so while
 * Live's set is loading.
 */
export function Mixer({ label = 'Mixer', children }: { label?: string; children: ReactNode }) {
  const { session } = useLayoutServices();
  const loading = useMixerStrips(session).length === 0;
  return (
    <MixerRowFrame label={label} loading={loading}>
      {children}
    </MixerRowFrame>
  );
}

/** The mixer strip of the track (or return, or master) around it. */
export function Strip({ size }: { size?: MixerStripProps['size'] }) {
  const scope = useScope();
  const { session } = useLayoutServices();
  const target = scope.kind === 'object' ? scope.target : null;
  const strip = useMixerStrips(session).find((candidate) => trackOf(candidate.actor) === target);
  const selection = useSessionSelectionActor(session);
  // each strip asks whether it is the one selected: Live selecting another re-renders two strips, not the row
  const selected = useSelector(selection, (snapshot) => target !== null && snapshot?.context.track === target);
  const select = useCallback((track: string) => selection?.send({ type: 'ui.selectTrack', track }), [selection]);
  if (strip)
    return (
      <MixerRowSlot kind={strip.kind}>
        <TrackStrip actor={strip.actor} position={strip.position} size={size} selected={selected} onSelect={select} />
      </MixerRowSlot>
    );
  return (
    <div className="ls-layout-binding" data-binding="unbound">
      <MixerStrip
        name=""
        color={null}
        kind="track"
        state="idle"
        mute={false}
        solo={false}
        arm={false}
        canBeArmed={false}
        size={size}
        volume={<Fader label={VOLUME_LABEL} value={0} state="idle" marks={VOLUME_MARKS} />}
      />
      <p className="ls-layout-why">{whyNot(scope)}</p>
    </div>
  );
}
