/**
 * Blinking on the beat without re-rendering the cells: this component alone
 * follows the transport's song time, and writes the beat's half (`on` for
 * the first half of each beat, `off` for the second) as `data-beat` on the
 * grid's element; cells blink by CSS from it. With the transport stopped
 * the attribute goes, and the cells' own CSS animation blinks instead.
 */
import { useSelector } from '@xstate/react';
import { useLayoutEffect, type RefObject } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { transportMachine } from '../../../machines/transport';

type TransportMachine = typeof transportMachine;
/** The transport actor the session spawns. */
export type TransportActor = ActorRefFrom<TransportMachine>;

/** Which half of the beat the song is in, or null when the transport is stopped. */
export type Beat = 'on' | 'off' | null;

/** Which half of the beat the song is in; null when the transport is not playing. */
export function beatOf(snapshot: SnapshotFrom<TransportMachine>): Beat {
  if (!snapshot.hasTag('playing')) return null;
  return Math.floor(snapshot.context.songTime * 2) % 2 === 0 ? 'on' : 'off';
}

/** Writes the transport's beat on `target` as `data-beat`; renders nothing. */
export function BeatSync({ transport, target }: { transport: TransportActor; target: RefObject<HTMLElement | null> }) {
  const beat = useSelector(transport, beatOf);
  useLayoutEffect(() => {
    const element = target.current;
    if (!element) return undefined;
    if (beat === null) delete element.dataset.beat;
    else element.dataset.beat = beat;
    return () => {
      delete element.dataset.beat;
    };
  }, [beat, target]);
  return null;
}
