/** The machines' effects, done with LiveLink: what the app provides (tests provide fakes). */
import { combineLatest, distinctUntilChanged, filter, from, map, Observable, Subject } from 'rxjs';
import { fromCallback, fromEventObservable, fromPromise, type EventObject } from 'xstate';
import { latestWins } from '../link/operators/latest-wins';
import type { LiveLink } from '../link/live-link';
import type { JsonValue } from '../protocol/src/index';
import type {
  CallInput,
  DescribeInput,
  DisplayRequest,
  DisplayText,
  Effects,
  EnvelopeInput,
  GestureInput,
  GetInput,
  HoldInput,
  HoldingEvent,
  LinkStateEvent,
  LiveMidiEvent,
  LiveStatusEvent,
  LiveValue,
  LockInput,
  MidiSend,
  ObserveInput,
  PagesInput,
  PresenceClients,
  PresenceStateEvent,
  ReadEachInput,
  ReadInput,
  SessionBoxMoved,
  SetInput,
} from './effects';
import { displayFrames } from './display-frames';
import { liveEpochs } from './live-epochs';
import { webMidiLogic, type WebMidiEnvironment } from './midi-input-access';
import { webMidiOutLogic } from './midi-output-access';
import { HeldObjects } from './held-objects';
import { observeManyLogic } from './observe-many';

const FRAME = { type: 'frame' } as const;

/**
 * The page's Web MIDI: browsers offer `requestMIDIAccess` on secure pages only (https, or localhost), and
 * some (Safari on iPadOS) on none. Sysex is not asked for: the surface drops it, and asking would prompt more.
 */
function browserWebMidi(): WebMidiEnvironment {
  const offered = typeof navigator !== 'undefined' && typeof navigator.requestMIDIAccess === 'function';
  return {
    secure: globalThis.isSecureContext === true,
    requestAccess: offered ? () => navigator.requestMIDIAccess({ sysex: false }) : undefined,
  };
}

const sameBox = (a: SessionBoxMoved['box'], b: SessionBoxMoved['box']): boolean =>
  a === b || (a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));

/** Every effect the machines name, each a request, an observation or a stream of LiveLink's. */
export function linkEffects(link: LiveLink): Effects {
  // what this tablet's touches hold, for its presence
  const held = new HeldObjects();
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
    pages: fromPromise<JsonValue, PagesInput>(({ input }) => link.request(input)),
    describe: fromPromise<JsonValue, DescribeInput>(({ input }) =>
      link.request({ op: 'describe', target: input.target }),
    ),
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
    // the latest box only (a fast scroll sends what is current when Live has taken the one before),
    // sent again to each new bridge session (a restarted bridge knows no box); hidden when stopped
    sessionBox: fromCallback<SessionBoxMoved, void>(({ receive }) => {
      const boxes = new Subject<SessionBoxMoved['box']>();
      const sessions = link.state$.pipe(
        map((state) => state.sessions),
        filter((count) => count > 0),
        distinctUntilChanged(),
      );
      const subscription = combineLatest([boxes.pipe(distinctUntilChanged(sameBox)), sessions])
        .pipe(latestWins(([box]) => from(link.request({ op: 'session_box', box }))))
        .subscribe({ error: () => {} });
      receive((event) => boxes.next(event.box));
      return () => {
        subscription.unsubscribe();
        link.request({ op: 'session_box', box: null }).catch(() => {}); // offline: the bridge forgets it anyway
      };
    }),
    midi: fromCallback<MidiSend, void>(({ receive }) => {
      receive((event) => link.midi(event.messages));
    }),
    webMidi: webMidiLogic(browserWebMidi),
    webMidiOut: webMidiOutLogic(browserWebMidi),
    // subscribed only while a tablet plays Live's MIDI: the link asks the bridge for it meanwhile
    liveMidi: fromEventObservable<LiveMidiEvent, void>(() =>
      link.liveMidi$.pipe(
        map((news): LiveMidiEvent =>
          news.type === 'route'
            ? { type: 'liveMidi.route', route: news.route }
            : { type: 'liveMidi.messages', messages: news.messages },
        ),
      ),
    ),
    frames: fromCallback<EventObject, void>(({ sendBack }) => displayFrames(() => sendBack(FRAME))),
    presence: fromEventObservable<PresenceClients, void>(() =>
      link.presence$.pipe(map((clients): PresenceClients => ({ type: 'presence.clients', clients }))),
    ),
    present: fromCallback<PresenceStateEvent, void>(({ receive }) => {
      receive((event) => link.present(event.state));
    }),
    hold: fromCallback<EventObject, HoldInput>(({ input }) => held.hold(input.object)),
    holding: fromEventObservable<HoldingEvent, void>(
      () =>
        new Observable<HoldingEvent>((subscriber) =>
          held.watch((objects) => subscriber.next({ type: 'presence.holding', objects })),
        ),
    ),
    linkState: fromEventObservable<LinkStateEvent, void>(() =>
      link.state$.pipe(map((state): LinkStateEvent => ({ type: 'link.state', state }))),
    ),
  };
}
