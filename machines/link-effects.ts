/** The machines' effects, done with LiveLink: what the app provides (tests provide fakes). */
import { distinctUntilChanged, filter, map, scan } from 'rxjs';
import { fromCallback, fromEventObservable, fromPromise } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import type { LiveLink } from '../link/live-link';
import type {
  CallInput,
  DisplayRequest,
  MidiSend,
  DisplayText,
  Effects,
  GestureInput,
  GetInput,
  LinkStateEvent,
  LiveStatusEvent,
  LiveValue,
  ObserveInput,
  ReadEachInput,
  ReadInput,
  SetInput,
} from './effects';

export function linkEffects(link: LiveLink): Effects {
  return {
    get: fromPromise<JsonValue, GetInput>(({ input }) => link.get(input.target, input.prop)),
    read: fromPromise<Record<string, JsonValue>, ReadInput>(({ input }) => link.read(input.target, input.props)),
    readEach: fromPromise<JsonValue[], ReadEachInput>(({ input }) =>
      Promise.all(input.targets.map((target) => link.get(target, input.prop))),
    ),
    set: fromPromise<JsonValue, SetInput>(({ input }) => link.set(input.target, input.prop, input.value)),
    setLatest: fromPromise<void, SetInput>(({ input }) => link.setLatest(input.target, input.prop, input.value)),
    call: fromPromise<JsonValue, CallInput>(({ input }) => link.call(input.target, input.fn, input.args ?? [])),
    gesture: fromPromise<JsonValue, GestureInput>(({ input }) => {
      // a control held: keep-alive pings come more often (and keep a tablet's Wi-Fi awake)
      link.touch(input.phase === 'begin');
      return link.gesture(input.target, input.phase);
    }),
    observe: fromEventObservable<LiveValue, ObserveInput>(({ input }) =>
      link
        .observe(input.target, input.prop)
        .pipe(map((value): LiveValue => ({ type: 'live.value', key: input.key, value }))),
    ),
    liveStatus: fromEventObservable<LiveStatusEvent, void>(() =>
      link.state$.pipe(
        map((state) => ({ usable: state.status === 'online', sessions: state.sessions })),
        // a new epoch each time Live becomes usable again (ids of Live objects are void across)
        scan(
          (previous, now) => ({ ...now, epoch: now.usable && !previous.usable ? previous.epoch + 1 : previous.epoch }),
          { usable: false, sessions: 0, epoch: 0 },
        ),
        distinctUntilChanged((a, b) => a.usable === b.usable && a.epoch === b.epoch),
        filter((status) => status.epoch > 0 || !status.usable),
        map((status): LiveStatusEvent => ({ type: 'live.status', usable: status.usable, epoch: status.epoch })),
      ),
    ),
    display: fromCallback<DisplayRequest, { target: string }>(({ input, receive, sendBack }) => {
      let asking = false;
      let waiting: number | null = null;
      let stopped = false;
      const ask = (value: number): void => {
        asking = true;
        link
          .call(input.target, 'str_for_value', [value])
          .then(
            (text) => {
              if (!stopped && typeof text === 'string')
                sendBack({ type: 'live.display', value, text } satisfies DisplayText);
            },
            () => {},
          )
          .finally(() => {
            asking = false;
            if (waiting !== null && !stopped) {
              const next = waiting;
              waiting = null;
              ask(next);
            }
          });
      };
      receive((event) => {
        if (asking) waiting = event.value;
        else ask(event.value);
      });
      return () => {
        stopped = true;
      };
    }),
    midi: fromCallback<MidiSend, void>(({ receive }) => {
      receive((event) => link.midi(event.messages));
    }),
    linkState: fromEventObservable<LinkStateEvent, void>(() =>
      link.state$.pipe(map((state): LinkStateEvent => ({ type: 'link.state', state }))),
    ),
  };
}
