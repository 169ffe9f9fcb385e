/** A track's output meter, on its track actor (followed while shown). */
import { memo } from 'react';
import { useSelector } from '@xstate/react';
import { trackStateOf, useMixerWatch, useTrackMeter, type TrackActor } from '../../connect/use-track';
import { Meter, type MeterProps } from './Meter';

export interface TrackMeterProps extends Pick<MeterProps, 'orientation' | 'size'> {
  actor: TrackActor;
  label?: string;
}

export const TrackMeter = memo(function TrackMeter({ actor, label, ...look }: TrackMeterProps) {
  useMixerWatch(actor);
  const level = useTrackMeter(actor);
  const state = useSelector(actor, trackStateOf);
  const name = useSelector(actor, (snapshot) => snapshot.context.name);
  return <Meter {...look} label={label ?? `${name} level`} level={level} state={state} />;
});
