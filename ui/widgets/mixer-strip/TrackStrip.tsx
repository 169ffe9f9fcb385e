/**
 * A mixer strip on a track actor: the thin connected form of `MixerStrip`.
 * The strip itself follows the track's name, color, state and buttons; the
 * fader, the pan, each send and the meter follow their own actors (the
 * parameter actors the track spawns, and the track's meter), so a moving
 * meter or a dragged fader re-renders that control alone.
 */
import { useSelector } from '@xstate/react';
import { memo, useCallback } from 'react';
import { knownColor, useMixerParameter, useMixerWatch, useTrack, type TrackActor } from '../../connect/use-track';
import { ParameterFader } from '../fader/ParameterFader';
import { ParameterKnob } from '../knob/ParameterKnob';
import { TrackMeter } from '../meter/TrackMeter';
import { MixerStrip, type MixerStripProps } from './MixerStrip';
import { LoadingKnob, LoadingVolume, PAN_LABEL, VOLUME_LABEL, VOLUME_MARKS, sendLabel } from './strip-parts';

/** A strip on a track actor; the activator's face, the size and Live's selection come from where it is laid out. */
export interface TrackStripProps extends Pick<MixerStripProps, 'position' | 'size' | 'selected'> {
  actor: TrackActor;
  /** The name was tapped: select this track (its target, `id 3`) in Live. */
  onSelect?: (track: string) => void;
}

// each control is its own component on the track actor: the strip re-rendering (a rename, a mute) passes them by
const StripVolume = memo(function StripVolume({ track }: { track: TrackActor }) {
  const volume = useMixerParameter(track, 'volume');
  if (!volume) return <LoadingVolume />;
  return (
    <ParameterFader actor={volume} label={VOLUME_LABEL} marks={VOLUME_MARKS}>
      <TrackMeter actor={track} />
    </ParameterFader>
  );
});

const StripPan = memo(function StripPan({ track }: { track: TrackActor }) {
  const panning = useMixerParameter(track, 'panning');
  return panning ? (
    <ParameterKnob actor={panning} label={PAN_LABEL} />
  ) : (
    <LoadingKnob label={PAN_LABEL} size="medium" />
  );
});

const StripSend = memo(function StripSend({ track, index }: { track: TrackActor; index: number }) {
  const send = useMixerParameter(track, `send-${index}`);
  return send ? (
    <ParameterKnob actor={send} label={sendLabel(index)} size="small" />
  ) : (
    <LoadingKnob label={sendLabel(index)} size="small" />
  );
});

/** A mixer strip following a track actor and the mixer parameters it spawns. */
export const TrackStrip = memo(function TrackStrip({ actor, position, size, selected, onSelect }: TrackStripProps) {
  useMixerWatch(actor);
  const { toggle, sends, ...track } = useTrack(actor);
  const color = useSelector(actor, knownColor);
  const target = useSelector(actor, (snapshot) => snapshot.context.track);
  const select = useCallback(() => onSelect?.(target), [onSelect, target]);
  return (
    <MixerStrip
      {...track}
      color={color}
      position={position}
      size={size}
      selected={selected}
      onSelect={onSelect ? select : undefined}
      volume={<StripVolume track={actor} />}
      pan={<StripPan track={actor} />}
      sends={Array.from({ length: sends }, (_, index) => (
        <StripSend key={index} track={actor} index={index} />
      ))}
      onToggle={toggle}
    />
  );
});
