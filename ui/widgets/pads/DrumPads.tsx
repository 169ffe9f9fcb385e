/** Drum pads on a drum pads actor: the thin connected form of `Pads`. */
import { memo, useLayoutEffect } from 'react';
import { useDrumPads, type DrumPadsActor } from '../../connect/use-drum-pads';
import { Pads, type PadsProps } from './Pads';

export interface DrumPadsProps extends Pick<PadsProps, 'size' | 'color' | 'fill'> {
  actor: DrumPadsActor;
}

/** Plays the actor; on unmount, everything it held stops (`ui.allOff`). */
export const DrumPads = memo(function DrumPads({ actor, ...look }: DrumPadsProps) {
  const pads = useDrumPads(actor);
  // a layout effect's cleanup runs before the passive one that stops an actor
  // owned above (useActorRef), so the notes still reach it
  useLayoutEffect(() => () => actor.send({ type: 'ui.allOff' }), [actor]);
  return <Pads {...pads} {...look} />;
});
