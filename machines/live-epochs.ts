/**
 * Whether Live can be used, as the session hears it, from the link's state:
 * `usable` while the link is online, and an epoch that grows each time Live
 * becomes usable again. Ids of Live objects hold within one epoch only (the
 * script or Live restarted meanwhile), so a new epoch means loading again.
 */
import { distinctUntilChanged, filter, map, scan, type OperatorFunction } from 'rxjs';
import type { LinkState } from '../link/live-link';
import type { LiveStatusEvent } from './effects';

interface Status {
  usable: boolean;
  epoch: number;
}

/**
 * `live.status` events from the link's states: one each time usability or
 * the epoch changes (not for every state of the link), and before Live was
 * first usable only that it is not.
 */
export function liveEpochs(): OperatorFunction<Pick<LinkState, 'status'>, LiveStatusEvent> {
  return (states) =>
    states.pipe(
      map((state) => state.status === 'online'),
      scan(
        (previous: Status, usable): Status => ({
          usable,
          epoch: usable && !previous.usable ? previous.epoch + 1 : previous.epoch,
        }),
        { usable: false, epoch: 0 },
      ),
      distinctUntilChanged((a, b) => a.usable === b.usable && a.epoch === b.epoch),
      filter((status) => status.epoch > 0 || !status.usable),
      map((status): LiveStatusEvent => ({ type: 'live.status', usable: status.usable, epoch: status.epoch })),
    );
}
