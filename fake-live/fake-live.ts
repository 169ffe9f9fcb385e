/**
 * Fake effects for machine tests: a small in-memory model of Live objects
 * (target -> properties), observations that emit the current value then
 * changes, and handlers for calls. Nothing here talks to a socket.
 */
import { NEVER, Observable, type Subscriber } from 'rxjs';
import { fromCallback, fromEventObservable, fromPromise, type AnyActorRef } from 'xstate';
import type { JsonValue, MidiMessage } from '../protocol/src/index';
import { LinkError } from '../link/errors';
import type {
  CallInput,
  DisplayRequest,
  Effects,
  MidiSend,
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

type Handler = (input: CallInput, live: FakeLive) => JsonValue | Promise<JsonValue>;

export class FakeLive {
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
  private readonly watchers = new Map<string, Set<Subscriber<JsonValue>>>();
  private readonly statusWatchers = new Set<Subscriber<LiveStatusEvent>>();
  private readonly linkWatchers = new Set<Subscriber<LinkStateEvent>>();
  private readonly followers: Array<(target: string, prop: string, value: JsonValue) => void> = [];

  define(target: string, props: Record<string, JsonValue>): this {
    this.objects.set(target, { ...(this.objects.get(target) ?? {}), ...props });
    return this;
  }

  on(fn: string, handler: Handler): this {
    this.handlers.set(fn, handler);
    return this;
  }

  /** Live changes a property (as if by another client or Live itself). */
  change(target: string, prop: string, value: JsonValue): void {
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

  status(event: Omit<LiveStatusEvent, 'type'>): void {
    for (const watcher of this.statusWatchers) watcher.next({ type: 'live.status', ...event });
  }

  link(state: LinkStateEvent['state']): void {
    for (const watcher of this.linkWatchers) watcher.next({ type: 'link.state', state });
  }

  watching(target: string, prop: string): number {
    return this.watchers.get(`${target} ${prop}`)?.size ?? 0;
  }

  private wait(): Promise<void> | undefined {
    return this.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.latencyMs)) : undefined;
  }

  private read(target: string, prop: string): JsonValue {
    const failure = this.failures.get(`${target} ${prop}`);
    if (failure) throw failure;
    const object = this.objects.get(target);
    if (object === undefined) throw new LinkError('gone', `${target} does not exist`);
    if (!(prop in object)) throw new LinkError('not_found', `${target} has no ${prop}`);
    return object[prop] as JsonValue;
  }

  effects(): Effects {
    return {
      get: fromPromise<JsonValue, GetInput>(async ({ input }) => {
        await this.wait();
        return this.read(input.target, input.prop ?? '$ref');
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
      gesture: fromPromise<JsonValue, GestureInput>(async ({ input }) => {
        this.calls.push(`gesture ${input.target} ${input.phase}`);
        return null;
      }),
      observe: fromEventObservable<LiveValue, ObserveInput>(({ input }) => {
        return new Observable<JsonValue>((subscriber) => {
          const key = `${input.target} ${input.prop}`;
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
        }).pipe(
          (source) =>
            new Observable<LiveValue>((out) =>
              source.subscribe({
                next: (value) => out.next({ type: 'live.value', key: input.key, value }),
                error: (error) => out.error(error),
              }),
            ),
        );
      }),
      liveStatus: fromEventObservable<LiveStatusEvent, void>(
        () =>
          new Observable<LiveStatusEvent>((subscriber) => {
            this.statusWatchers.add(subscriber);
            subscriber.next({ type: 'live.status', usable: true, epoch: 1 });
            return () => this.statusWatchers.delete(subscriber);
          }),
      ),
      display: fromCallback<DisplayRequest, { target: string }>(({ input, receive, sendBack }) => {
        receive((event) => {
          const format = this.displays.get(input.target);
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
      linkState: fromEventObservable<LinkStateEvent, void>(
        () =>
          new Observable<LinkStateEvent>((subscriber) => {
            this.linkWatchers.add(subscriber);
            return () => this.linkWatchers.delete(subscriber);
          }),
      ),
    };
  }
}

/** Effects that never answer: for replaying graph paths, where the test sends every outcome itself. */
export function inertEffects(): Effects {
  const never = fromPromise<never, unknown>(() => new Promise<never>(() => {}));
  const silent = fromEventObservable<never, unknown>(() => NEVER);
  return {
    get: never,
    read: never,
    readEach: never,
    set: never,
    setLatest: never,
    call: never,
    gesture: never,
    observe: silent,
    liveStatus: silent,
    linkState: silent,
    display: fromCallback(() => {}),
    midi: fromCallback(() => {}),
  } as unknown as Effects;
}

/** Lets promises and microtasks settle. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A child actor of a snapshot, typed loosely for tests. */
export function childOf(snapshot: { children: Record<string, unknown> }, id: string): AnyActorRef | undefined {
  return snapshot.children[id] as AnyActorRef | undefined;
}
