/** The machines' effects, done with LiveLink: what the app provides (tests provide fakes). */
import { distinctUntilChanged, filter, map, scan } from 'rxjs';
import { fromEventObservable, fromPromise } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import type { LiveLink } from '../link/live-link';
import type { CallInput, Effects, GestureInput, GetInput, LinkStateEvent, LiveStatusEvent, LiveValue, ObserveInput, ReadEachInput, ReadInput, SetInput } from './effects';

export function linkEffects(link: LiveLink): Effects {
  return {
    get: fromPromise<JsonValue, GetInput>(({ input }) => link.get(input.target, input.prop)),
    read: fromPromise<Record<string, JsonValue>, ReadInput>(({ input }) => link.read(input.target, input.props)),
    readEach: fromPromise<JsonValue[], ReadEachInput>(({ input }) => Promise.all(input.targets.map((target) => link.get(target, input.prop)))),
    set: fromPromise<JsonValue, SetInput>(({ input }) => link.set(input.target, input.prop, input.value)),
    setLatest: fromPromise<void, SetInput>(({ input }) => link.setLatest(input.target, input.prop, input.value)),
    call: fromPromise<JsonValue, CallInput>(({ input }) => link.call(input.target, input.fn, input.args ?? [])),
    gesture: fromPromise<JsonValue, GestureInput>(({ input }) => link.gesture(input.target, input.phase)),
    observe: fromEventObservable<LiveValue, ObserveInput>(({ input }) =>
      link.observe(input.target, input.prop).pipe(map((value): LiveValue => ({ type: 'live.value', key: input.key, value }))),
    ),
    liveStatus: fromEventObservable<LiveStatusEvent, void>(() =>
      link.state$.pipe(
        map((state) => ({ usable: state.status === 'online', sessions: state.sessions })),
        // a new epoch each time Live becomes usable again (ids of Live objects are void across)
        scan((previous, now) => ({ ...now, epoch: now.usable && !previous.usable ? previous.epoch + 1 : previous.epoch }), { usable: false, sessions: 0, epoch: 0 }),
        distinctUntilChanged((a, b) => a.usable === b.usable && a.epoch === b.epoch),
        filter((status) => status.epoch > 0 || !status.usable),
        map((status): LiveStatusEvent => ({ type: 'live.status', usable: status.usable, epoch: status.epoch })),
      ),
    ),
    linkState: fromEventObservable<LinkStateEvent, void>(() => link.state$.pipe(map((state): LinkStateEvent => ({ type: 'link.state', state })))),
  };
}
