/**
 * The in-memory Live of the TypeScript tests and stories: Live objects as
 * target -> properties, observations that emit the current value then
 * changes, handlers for Live's functions (`transport.ts` gives it Live's
 * launching), and the machines' effects on all of it (`effects()`).
 * Nothing here talks to a socket.
 */
import { map, NEVER, Observable, type Subscriber } from 'rxjs';
import {
  Actor,
  fromCallback,
  fromEventObservable,
  fromPromise,
  type ActorRefFrom,
  type AnyActorLogic,
  type AnyActorRef,
  type EventObject,
} from 'xstate';
import type {
  JsonValue,
  MidiMessage,
  MidiRoute,
  PresenceState,
  PresentClient,
  SavedPage,
  SessionBoxArea,
} from '../protocol/src/index';
import { LinkError } from '../link/errors';
import type {
  CallInput,
  DescribeInput,
  DisplayRequest,
  Effects,
  EnvelopeInput,
  MidiSend,
  GestureInput,
  GetInput,
  HoldInput,
  HoldingEvent,
  LinkStateEvent,
  LiveMidiEvent,
  LiveStatusEvent,
  LiveValue,
  LockInput,
  ObserveInput,
  ObserveManyRequest,
  PagesInput,
  PresenceClients,
  PresenceStateEvent,
  ReadEachInput,
  ReadInput,
  SessionBoxMoved,
  SetInput,
  WebMidiCommand,
  WebMidiOutCommand,
} from '../machines/effects';
import { displayFrames } from '../machines/display-frames';
import { webMidiLogic, type WebMidiEnvironment } from '../machines/midi-input-access';
import { webMidiOutLogic } from '../machines/midi-output-access';
import { noWebMidi } from './fake-midi-access';
import { HeldObjects } from '../machines/held-objects';
import { observeManyLogic } from '../machines/observe-many';

/** What a fake function of Live does when called (`FakeLive.on`). */
type Handler = (input: CallInput, live: FakeLive) => JsonValue | Promise<JsonValue>;

/** What a request of the script's own on automation does (`FakeLive.answer`): `envelopes.ts` gives it Live's rules. */
type RequestHandler = (input: EnvelopeInput, live: FakeLive) => JsonValue | Promise<JsonValue>;

/** Live objects in memory, and effects on them for machines (`effects()`). */
export class FakeLive {
  /** The parameters this tablet's touches hold (the `hold` effect), by Live object id. */
  readonly held = new HeldObjects();
  readonly objects = new Map<string, Record<string, JsonValue>>();
  readonly calls: string[] = [];
  readonly handlers = new Map<string, Handler>();
  /** `target prop` -> the error its next get/observe fails with. */
  readonly failures = new Map<string, LinkError>();
  /** How `str_for_value` shows a parameter's values (target -> format); two decimals otherwise. */
  readonly displays = new Map<string, (value: number) => string>();
  /** How long each get, read, set and call takes to answer (ms); at once by default. */
  latencyMs = 0;
  /** Every MIDI message played, in order. */
  readonly midi: MidiMessage[] = [];
  /** The session box a grid asked Live to outline (`null`: none). */
  sessionBox: SessionBoxArea | null = null;
  /** The tablet's Web MIDI, for the `webMidi` and `webMidiOut` effects: none unless a test gives one (`fake-midi-access.ts`). */
  webMidi: WebMidiEnvironment = noWebMidi('absent');
  /** Where Live's MIDI out comes from, as the bridge tells each tablet that listens (`routeLiveMidi` changes it). */
  liveMidiRoute: MidiRoute = { mode: 'simulator', detail: "from the simulator's MIDI out" };
  private readonly liveMidiWatchers = new Set<Subscriber<LiveMidiEvent>>();
  private readonly watchers = new Map<string, Set<Subscriber<JsonValue>>>();
  private readonly statusWatchers = new Set<Subscriber<LiveStatusEvent>>();
  private readonly linkWatchers = new Set<Subscriber<LinkStateEvent>>();
  private readonly frameWatchers = new Set<() => void>();
  /**
   * Where the `frames` effect's frames come from: `manual` (a test calls
   * `frame()`), or `display` (the page's animation frames, for stories).
   */
  frames: 'manual' | 'display' = 'manual';
  private readonly followers: Array<(target: string, prop: string, value: JsonValue) => void> = [];

  define(target: string, props: Record<string, JsonValue>): this {
    this.objects.set(target, { ...(this.objects.get(target) ?? {}), ...props });
    return this;
  }

  readonly requestHandlers = new Map<EnvelopeInput['op'], RequestHandler>();
  /** The perform lock, as the bridge keeps it; told to every `lockWatchers` (the fake link's state follows it). */
  locked = false;
  readonly lockWatchers = new Set<(locked: boolean) => void>();
  /** The bridge's saved pages, by name, each at a revision (see protocol/src/pages.ts). */
  readonly savedPages = new Map<string, { revision: string; page: SavedPage }>();
  private revisions = 0;
  /** This tablet's number among the bridge's clients (its own entry in the presence list). */
  readonly presenceClient = 1;
  /** Every state this tablet told the bridge (`present` effect), in order. */
  readonly presented: PresenceState[] = [];
  private otherClients: readonly PresentClient[] = [];
  /** This tablet's holds, each stamped as the bridge would: later than every hold it knows. */
  private ownHolds = new Map<number, number>();
  private readonly presenceWatchers = new Set<Subscriber<PresenceClients>>();

  /** What the script's automation requests (`read_envelope`, `write_envelope`, …) do here. */
  answer(op: EnvelopeInput['op'], handler: RequestHandler): this {
    this.requestHandlers.set(op, handler);
    return this;
  }

  on(fn: string, handler: Handler): this {
    this.handlers.set(fn, handler);
    return this;
  }

  /** An id no object here has yet, for an object Live makes (a new clip): one above the highest. */
  newId(): number {
    let highest = 0;
    for (const target of this.objects.keys()) {
      const id = /^id (\d+)$/.exec(target)?.[1];
      if (id !== undefined) highest = Math.max(highest, Number(id));
    }
    return highest + 1;
  }

  /** One frame of the display, for every machine waiting for one (`frames: 'manual'`). */
  frame(): void {
    for (const watcher of [...this.frameWatchers]) watcher();
  }

  /** How many machines wait for frames. */
  get frameWaiters(): number {
    return this.frameWatchers.size;
  }

  /** Told of every property change with the value before it (Live's undo history keeps them: `history.ts`). */
  readonly changeRecorders: Array<(target: string, prop: string, before: JsonValue | undefined) => void> = [];

  /**
   * The object a target leads to: itself when it is defined here, else its
   * path walked through the objects' references (`id 200 parameters 1` ->
   * `id 201`, `id 3 mixer_device volume`), as Live resolves a path. A target
   * that leads nowhere is itself (and reads as gone).
   */
  resolve(target: string): string {
    if (this.objects.has(target)) return target;
    const known = this.paths.get(target);
    if (known !== undefined) return known;
    const tokens = target.trim().split(/ +/);
    if (tokens[0] !== 'id' || tokens[1] === undefined) return target;
    let at = `id ${tokens[1]}`;
    for (let index = 2; index < tokens.length; index += 1) {
      const name = tokens[index] ?? '';
      let value: JsonValue | undefined = this.objects.get(at)?.[name];
      const next = tokens[index + 1];
      if (next !== undefined && /^\d+$/.test(next)) {
        value = Array.isArray(value) ? value[Number(next)] : undefined;
        index += 1;
      }
      const ref = typeof value === 'object' && value !== null && !Array.isArray(value) ? value.$ref : undefined;
      if (typeof ref !== 'number') return target;
      at = `id ${ref}`;
    }
    return at;
  }

  /** Live changes a property (as if by another client or Live itself). */
  change(path: string, prop: string, value: JsonValue): void {
    const target = this.resolve(path);
    const before = this.objects.get(target)?.[prop];
    for (const record of this.changeRecorders) record(target, prop, before);
    this.define(target, { [prop]: value });
    // copies: a watcher told may make a new observation of the same key, which hears the next change, not this one
    for (const watcher of [...(this.watchers.get(`${target} ${prop}`) ?? [])]) watcher.next(value);
    for (const follower of this.followers) follower(target, prop, value);
  }

  /** Calls `follower` after every change: for fakes whose objects depend on each other (a device's on switch and its `is_active`). */
  follow(follower: (target: string, prop: string, value: JsonValue) => void): this {
    this.followers.push(follower);
    return this;
  }

  /** The object dies: its observations end with `gone`. */
  remove(target: string): void {
    this.objects.delete(target);
    for (const [key, watchers] of this.watchers) {
      if (!key.startsWith(`${target} `)) continue;
      for (const watcher of [...watchers]) watcher.error(new LinkError('gone', `${target} was deleted`));
    }
  }

  /** Fails every observer of a property with `error`. */
  breakObservation(target: string, prop: string, error: LinkError): void {
    for (const watcher of [...(this.watchers.get(`${target} ${prop}`) ?? [])]) watcher.error(error);
  }

  /** A new bridge session telling where Live's MIDI out comes from now: every `liveMidi` listener hears it. */
  routeLiveMidi(route: MidiRoute): void {
    this.liveMidiRoute = route;
    for (const watcher of [...this.liveMidiWatchers]) watcher.next({ type: 'liveMidi.route', route });
  }

  /** Live's tracks send `messages` to "LiveSurface Return": every `liveMidi` listener hears them, as one batch. */
  playFromLive(...messages: MidiMessage[]): void {
    for (const watcher of [...this.liveMidiWatchers]) watcher.next({ type: 'liveMidi.messages', messages });
  }

  /** How many listen to Live's MIDI out now (the bridge sends it to those only). */
  get liveMidiListeners(): number {
    return this.liveMidiWatchers.size;
  }

  status(event: Omit<LiveStatusEvent, 'type'>): void {
    for (const watcher of this.statusWatchers) watcher.next({ type: 'live.status', ...event });
  }

  link(state: LinkStateEvent['state']): void {
    for (const watcher of this.linkWatchers) watcher.next({ type: 'link.state', state });
  }

  /**
   * The other tablets, as the bridge would relay them (their holds stamped
   * by the test): every `presence` effect hears the new list, this tablet's
   * own entry included.
   */
  presence(others: readonly PresentClient[]): void {
    this.otherClients = others;
    this.tellPresence();
  }

  /** The list as the bridge would tell it now: this tablet (what it presented last, `self`), then the others. */
  get presenceList(): PresentClient[] {
    const said = this.presented.at(-1);
    const own: PresentClient = {
      client: this.presenceClient,
      self: true,
      name: said?.name ?? null,
      color: said?.color ?? null,
      page: said?.page ?? null,
      rtt_ms: said?.rtt_ms ?? null,
      holding: [...this.ownHolds].map(([object, since]) => ({ object, since })),
      selection: said?.selection ?? null,
    };
    return [own, ...this.otherClients];
  }

  private takePresence(state: PresenceState): void {
    this.presented.push(state);
    const known = [
      ...this.otherClients.flatMap((client) => client.holding.map((hold) => hold.since)),
      ...this.ownHolds.values(),
    ];
    let latest = Math.max(0, ...known);
    const holds = new Map<number, number>();
    for (const object of state.holding) holds.set(object, this.ownHolds.get(object) ?? (latest += 1));
    this.ownHolds = holds;
    this.tellPresence();
  }

  private tellPresence(): void {
    const clients = this.presenceList;
    for (const watcher of this.presenceWatchers) watcher.next({ type: 'presence.clients', clients });
  }

  watching(target: string, prop: string): number {
    return this.watchers.get(`${target} ${prop}`)?.size ?? 0;
  }

  private wait(): Promise<void> | undefined {
    return this.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.latencyMs)) : undefined;
  }

  /** Paths that lead to objects (`live_set tracks 0 clip_slots 0 clip` -> `id 2010`), for objects found by path. */
  readonly paths = new Map<string, string>();

  /** An object's reference, as a `get` without a property answers it: its id, type and path. */
  private reference(target: string): JsonValue {
    const id = this.paths.get(target) ?? target;
    const object = this.objects.get(id);
    const number = /^id (\d+)$/.exec(id)?.[1];
    if (object === undefined || number === undefined) throw new LinkError('gone', `${target} does not exist`);
    const path = [...this.paths].find(([, to]) => to === id)?.[0] ?? null;
    return { $ref: Number(number), type: typeof object.$type === 'string' ? object.$type : 'Object', path };
  }

  private read(path: string, prop: string): JsonValue {
    const failure = this.failures.get(`${path} ${prop}`);
    if (failure) throw failure;
    const target = this.resolve(path);
    const object = this.objects.get(target);
    if (object === undefined) throw new LinkError('gone', `${target} does not exist`);
    const value = object[prop];
    if (value === undefined) throw new LinkError('not_found', `${target} has no ${prop}`);
    return value;
  }

  /** The current value, then changes; ends with the error of a read that fails. */
  private observation(input: ObserveInput): Observable<JsonValue> {
    return new Observable<JsonValue>((subscriber) => {
      const key = `${this.resolve(input.target)} ${input.prop}`;
      try {
        subscriber.next(this.read(input.target, input.prop));
      } catch (error) {
        subscriber.error(error);
        return undefined;
      }
      const watchers = this.watchers.get(key) ?? new Set();
      watchers.add(subscriber);
      this.watchers.set(key, watchers);
      return () => watchers.delete(subscriber);
    });
  }

  /** A page saved or deleted as the bridge does it: refused (`conflict`) when changed since `revision`. */
  private pageRequest(input: PagesInput): JsonValue {
    const saved = this.savedPages.get(input.name);
    if (input.op === 'delete_page') {
      if (!saved) throw new LinkError('not_found', `no page ${input.name}`);
      if (saved.revision !== input.revision) throw new LinkError('conflict', `${input.name} changed on another tablet`);
      this.savedPages.delete(input.name);
      return null;
    }
    if (saved ? saved.revision !== input.revision : input.revision !== null)
      throw new LinkError('conflict', `${input.name} changed on another tablet`);
    this.revisions += 1;
    const revision = `r${this.revisions}`;
    this.savedPages.set(input.name, { revision, page: input.page });
    return { name: input.name, revision };
  }

  /**
   * An object as the script's `describe` tells it: its properties, and as
   * children the properties that hold references (an object) or lists of them.
   */
  private describe(path: string): JsonValue {
    const target = this.resolve(path);
    const object = this.objects.get(target);
    if (object === undefined) throw new LinkError('gone', `${target} does not exist`);
    const isRef = (value: JsonValue): boolean =>
      typeof value === 'object' && value !== null && !Array.isArray(value) && '$ref' in value;
    const typeOf = (value: JsonValue): JsonValue =>
      typeof value === 'object' && value !== null && !Array.isArray(value) ? (value.type ?? null) : null;
    const properties: JsonValue[] = [];
    const children: JsonValue[] = [];
    for (const [name, value] of Object.entries(object).sort(([a], [b]) => a.localeCompare(b))) {
      if (name.startsWith('$')) continue;
      if (isRef(value)) children.push({ name, type: typeOf(value), kind: 'object', count: 1 });
      else if (Array.isArray(value) && value.length > 0 && value.every(isRef))
        children.push({ name, type: typeOf(value[0] ?? null), kind: 'list', count: value.length });
      else properties.push({ name, value });
    }
    const type = typeof object.$type === 'string' ? object.$type : 'Object';
    let reference: JsonValue = null;
    try {
      reference = this.reference(path);
    } catch {
      // an object defined by its path rather than its id has no reference to give
    }
    return { ref: reference, type, properties, children, functions: [], events: [] };
  }

  /** The effects, done on these objects. */
  effects(): Effects {
    return {
      get: fromPromise<JsonValue, GetInput>(async ({ input }) => {
        await this.wait();
        return input.prop === undefined ? this.reference(input.target) : this.read(input.target, input.prop);
      }),
      read: fromPromise<Record<string, JsonValue>, ReadInput>(async ({ input }) => {
        await this.wait();
        return Object.fromEntries(input.props.map((prop) => [prop, this.read(input.target, prop)]));
      }),
      readEach: fromPromise<JsonValue[], ReadEachInput>(async ({ input }) => {
        await this.wait();
        return input.targets.map((target) => this.read(target, input.prop));
      }),
      set: fromPromise<JsonValue, SetInput>(async ({ input }) => {
        this.calls.push(`set ${input.target} ${input.prop} ${JSON.stringify(input.value)}`);
        await this.wait();
        this.read(input.target, input.prop);
        this.change(input.target, input.prop, input.value);
        return input.value;
      }),
      setLatest: fromPromise<void, SetInput>(async ({ input }) => {
        this.calls.push(`setLatest ${input.target} ${input.prop} ${JSON.stringify(input.value)}`);
        await this.wait();
        this.change(input.target, input.prop, input.value);
      }),
      call: fromPromise<JsonValue, CallInput>(async ({ input }) => {
        this.calls.push(
          `call ${input.target} ${input.fn}${input.args?.length ? ` ${JSON.stringify(input.args)}` : ''}`,
        );
        await this.wait();
        const handler = this.handlers.get(input.fn);
        return handler ? handler(input, this) : null;
      }),
      envelope: fromPromise<JsonValue, EnvelopeInput>(async ({ input }) => {
        this.calls.push(`${input.op} ${input.target}${'parameter' in input ? ` ${input.parameter}` : ''}`);
        await this.wait();
        const handler = this.requestHandlers.get(input.op);
        if (!handler) throw new LinkError('not_found', `this Live does not answer ${input.op}`);
        return handler(input, this);
      }),
      lock: fromPromise<JsonValue, LockInput>(async ({ input }) => {
        this.calls.push(`lock ${input.locked}`);
        await this.wait();
        this.locked = input.locked;
        for (const watcher of this.lockWatchers) watcher(input.locked);
        return { locked: input.locked };
      }),
      pages: fromPromise<JsonValue, PagesInput>(async ({ input }) => {
        this.calls.push(`${input.op} ${input.name}`);
        await this.wait();
        return this.pageRequest(input);
      }),
      describe: fromPromise<JsonValue, DescribeInput>(async ({ input }) => {
        await this.wait();
        return this.describe(input.target);
      }),
      gesture: fromPromise<JsonValue, GestureInput>(({ input }) => {
        this.calls.push(`gesture ${input.target} ${input.phase}`);
        return Promise.resolve(null);
      }),
      observe: fromEventObservable<LiveValue, ObserveInput>(({ input }) =>
        this.observation(input).pipe(map((value): LiveValue => ({ type: 'live.value', key: input.key, value }))),
      ),
      observeMany: observeManyLogic((input) => this.observation(input)),
      liveStatus: fromEventObservable<LiveStatusEvent, void>(() =>
        told(this.statusWatchers, () => ({ type: 'live.status', usable: true, epoch: 1 })),
      ),
      display: fromCallback<DisplayRequest, { target: string }>(({ input, receive, sendBack }) => {
        receive((event) => {
          const format = this.displays.get(input.target) ?? this.displays.get(this.resolve(input.target));
          sendBack({
            type: 'live.display',
            value: event.value,
            text: format ? format(event.value) : event.value.toFixed(2),
          });
        });
      }),
      midi: fromCallback<MidiSend, void>(({ receive }) => {
        receive((event) => this.midi.push(...event.messages));
      }),
      webMidi: webMidiLogic(() => this.webMidi),
      webMidiOut: webMidiOutLogic(() => this.webMidi),
      // the route first, as the bridge answers `listen_midi`
      liveMidi: fromEventObservable<LiveMidiEvent, void>(() =>
        told(this.liveMidiWatchers, () => ({ type: 'liveMidi.route', route: this.liveMidiRoute })),
      ),
      sessionBox: fromCallback<SessionBoxMoved, void>(({ receive }) => {
        receive((event) => {
          this.sessionBox = event.box;
        });
        return () => {
          this.sessionBox = null;
        };
      }),
      frames: fromCallback<EventObject, void>(({ sendBack }) => {
        const tick = (): void => sendBack({ type: 'frame' });
        if (this.frames === 'display') return displayFrames(tick);
        this.frameWatchers.add(tick);
        return () => this.frameWatchers.delete(tick);
      }),
      linkState: fromEventObservable<LinkStateEvent, void>(() => told(this.linkWatchers)),
      presence: fromEventObservable<PresenceClients, void>(() =>
        told(this.presenceWatchers, () => ({ type: 'presence.clients', clients: this.presenceList })),
      ),
      present: fromCallback<PresenceStateEvent, void>(({ receive }) => {
        receive((event) => this.takePresence(event.state));
      }),
      hold: fromCallback<EventObject, HoldInput>(({ input }) => this.held.hold(input.object)),
      holding: fromEventObservable<HoldingEvent, void>(
        () =>
          new Observable<HoldingEvent>((subscriber) =>
            this.held.watch((objects) => subscriber.next({ type: 'presence.holding', objects })),
          ),
      ),
    };
  }
}

/** What `watchers` are told from subscription on, after `first()` (the current value) when given. */
function told<T>(watchers: Set<Subscriber<T>>, first?: () => T): Observable<T> {
  return new Observable<T>((subscriber) => {
    watchers.add(subscriber);
    if (first !== undefined) subscriber.next(first());
    return () => watchers.delete(subscriber);
  });
}

/** A promise effect that never settles. */
const pending = <TOutput, TInput>() => fromPromise<TOutput, TInput>(() => new Promise<TOutput>(() => {}));
/** An observation effect that never says anything. */
const silent = <TEvent extends { type: string }, TInput>() => fromEventObservable<TEvent, TInput>(() => NEVER);
/** A callback effect that takes events and does nothing. */
const deaf = <TEvent extends { type: string }, TInput>() => fromCallback<TEvent, TInput>(() => {});

/** Effects that never answer: for replaying graph paths, where the test sends every outcome itself. */
export function inertEffects(): Effects {
  return {
    get: pending<JsonValue, GetInput>(),
    read: pending<Record<string, JsonValue>, ReadInput>(),
    readEach: pending<JsonValue[], ReadEachInput>(),
    set: pending<JsonValue, SetInput>(),
    setLatest: pending<void, SetInput>(),
    call: pending<JsonValue, CallInput>(),
    envelope: pending<JsonValue, EnvelopeInput>(),
    lock: pending<JsonValue, LockInput>(),
    pages: pending<JsonValue, PagesInput>(),
    describe: pending<JsonValue, DescribeInput>(),
    gesture: pending<JsonValue, GestureInput>(),
    observe: silent<LiveValue, ObserveInput>(),
    observeMany: deaf<ObserveManyRequest, void>(),
    liveStatus: silent<LiveStatusEvent, void>(),
    linkState: silent<LinkStateEvent, void>(),
    display: deaf<DisplayRequest, { target: string }>(),
    sessionBox: deaf<SessionBoxMoved, void>(),
    midi: deaf<MidiSend, void>(),
    webMidi: deaf<WebMidiCommand, void>(),
    webMidiOut: deaf<WebMidiOutCommand, void>(),
    liveMidi: silent<LiveMidiEvent, void>(),
    frames: deaf<EventObject, void>(),
    presence: silent<PresenceClients, void>(),
    present: deaf<PresenceStateEvent, void>(),
    hold: deaf<EventObject, HoldInput>(),
    holding: silent<HoldingEvent, void>(),
  };
}

/** Lets promises and microtasks settle. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Whether an actor runs this very logic (a provided machine is logic of its own). */
function runs<TLogic extends AnyActorLogic>(actor: AnyActorRef, logic: TLogic): actor is ActorRefFrom<TLogic> {
  return actor instanceof Actor && actor.logic === logic;
}

/**
 * A child actor of a snapshot, typed as the logic it runs: `logic` is the
 * machine the parent spawns it from (for a provided parent, the provided
 * child, e.g. `provideMachines(...).track`). Undefined when there is no such
 * child, or it runs other logic.
 */
export function childOf<TLogic extends AnyActorLogic>(
  snapshot: { children: Partial<Record<string, AnyActorRef>> },
  id: string,
  logic: TLogic,
): ActorRefFrom<TLogic> | undefined {
  const child = snapshot.children[id];
  return child !== undefined && runs(child, logic) ? child : undefined;
}
