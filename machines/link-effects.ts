/** The machines' effects, done with LiveLink: what the app provides (tests provide fakes). */
import { from, map, Subject } from 'rxjs';
import { fromCallback, fromEventObservable, fromPromise, type EventObject } from 'xstate';
import { latestWins } from '../link/operators/latest-wins';
import type { LiveLink } from '../link/live-link';
import type { JsonValue } from '../protocol/src/index';
import type {
  CallInput,
  DisplayRequest,
  DisplayText,
  Effects,
  EnvelopeInput,
  GestureInput,
  GetInput,
  LinkStateEvent,
  LiveStatusEvent,
  LiveValue,
  LockInput,
  MidiSend,
  ObserveInput,
  ReadEachInput,
  ReadInput,
  SetInput,
} from './effects';
import { displayFrames } from './display-frames';
import { liveEpochs } from './live-epochs';
import { observeManyLogic } from './observe-many';

const FRAME = { type: 'frame' } as const;

/** Every effect the machines name, each a request, an observation or a stream of LiveLink's. */
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
    envelope: fromPromise<JsonValue, EnvelopeInput>(({ input }) => link.request(input)),
    lock: fromPromise<JsonValue, LockInput>(({ input }) => link.request({ op: 'lock', locked: input.locked })),
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
    observeMany: observeManyLogic((input) => link.observe(input.target, input.prop)),
    liveStatus: fromEventObservable<LiveStatusEvent, void>(() => link.state$.pipe(liveEpochs())),
    // one question in flight per parameter; the latest value waits, those it overtook are never asked
    display: fromCallback<DisplayRequest, { target: string }>(({ input, receive, sendBack }) => {
      const values = new Subject<number>();
      const subscription = values
        .pipe(
          latestWins((value) =>
            from(link.call(input.target, 'str_for_value', [value])).pipe(map((text) => ({ value, text }))),
          ),
        )
        .subscribe(({ value, text }) => {
          if (typeof text === 'string') sendBack({ type: 'live.display', value, text } satisfies DisplayText);
        });
      receive((event) => values.next(event.value));
      return () => subscription.unsubscribe();
    }),
    midi: fromCallback<MidiSend, void>(({ receive }) => {
      receive((event) => link.midi(event.messages));
    }),
    frames: fromCallback<EventObject, void>(({ sendBack }) => displayFrames(() => sendBack(FRAME))),
    linkState: fromEventObservable<LinkStateEvent, void>(() =>
      link.state$.pipe(map((state): LinkStateEvent => ({ type: 'link.state', state }))),
    ),
  };
}
