/**
 * Blinking on the beat without re-rendering the cells: this component alone
 * follows the transport's song time, and writes the beat's half (`on` for
 * the first half of each beat, `off` for the second) as `data-beat` on the
 * grid's element; cells blink by CSS from it. With the transport stopped
 * the attribute goes, and the cells' own CSS animation blinks instead.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { useBeat, type TransportActor } from '../../connect/use-transport';

/** Writes the transport's beat on `targetRef`'s element as `data-beat`; renders nothing. */
export function BeatSync({
  transport,
  targetRef,
}: {
  transport: TransportActor;
  targetRef: RefObject<HTMLElement | null>;
}) {
  const beat = useBeat(transport);
  useLayoutEffect(() => {
    const element = targetRef.current;
    if (!element) return undefined;
    if (beat === null) delete element.dataset.beat;
    else element.dataset.beat = beat;
    return () => {
      delete element.dataset.beat;
    };
  }, [beat, targetRef]);
  return null;
}
