/**
 * Requests to the bridge: ids, one frame per tick (split at the bridge's
 * batch limit), replies by id, a timeout on each, and `unavailable` for
 * everything pending when the connection is lost. Nothing waits forever.
 */
import { firstValueFrom, Observable, Subject, type SchedulerLike, type Subscription } from 'rxjs';
import {
  CLIENT_LIMITS,
  type ClientRequest,
  type ClientToBridge,
  type JsonValue,
  type Reply,
} from '../protocol/src/index';
import { LinkError } from './errors';
import { frameText } from './frames';
import { batchPerTick } from './operators/batch-per-tick';
import { inChunksOf } from './operators/in-chunks-of';

/** A request as callers write it: without the id the link chooses. */
export type LinkRequest = ClientRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** What requests need of the connection and the clock. */
export interface RequestsOptions {
  /** Puts one frame on the socket; dropped when none is open. */
  transmit: (frame: string) => void;
  /** Whether the bridge has greeted the link: requests fail at once otherwise. */
  online: () => boolean;
  timeoutMs: number;
  /** Where a tick's messages are gathered into one frame. */
  batchScheduler: SchedulerLike;
  /** Where timeouts run. */
  timerScheduler: SchedulerLike;
}

/** Who waits for the reply to an id. */
interface Waiter {
  reply(reply: Reply): void;
  timedOut(error: LinkError): void;
}

/** When a request stops waiting. */
interface Deadline {
  id: number;
  at: number;
  ms: number;
}

/**
 * Deadlines, soonest first. Nearly every request has the link's one timeout,
 * so a new deadline goes at the end and the soonest leave from the front: a
 * head index instead of `shift()`, which moves the whole array each time
 * (a session's load has a thousand requests in flight).
 */
class DeadlineQueue {
  private items: Deadline[] = [];
  private head = 0;

  get first(): Deadline | undefined {
    return this.items[this.head];
  }

  get isEmpty(): boolean {
    return this.head >= this.items.length;
  }

  insert(deadline: Deadline): void {
    let index = this.items.length;
    while (index > this.head && (this.items[index - 1]?.at ?? 0) > deadline.at) index -= 1;
    if (index === this.items.length) this.items.push(deadline);
    else this.items.splice(index, 0, deadline);
  }

  dropFirst(): void {
    this.head += 1;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

/** The requests of one link, across its sockets (ids are never reused). */
export class Requests {
  private lastId = 0;
  private readonly out$ = new Subject<ClientToBridge>();
  /** Replies go straight to their waiter (a session's load has hundreds in flight). */
  private readonly waiting = new Map<number, Waiter>();
  /** Every request's deadline, soonest first, watched by one timer (not one per request). */
  private readonly deadlines = new DeadlineQueue();
  private alarm: { at: number; subscription: Subscription } | null = null;

  constructor(private readonly options: RequestsOptions) {
    this.out$
      .pipe(batchPerTick(options.batchScheduler), inChunksOf(CLIENT_LIMITS.maxBatch))
      .subscribe((frame) => options.transmit(frameText(frame)));
  }

  /** An id no message of this link has had. */
  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  /** Any request; settles with its result or a LinkError. */
  request(body: LinkRequest, timeoutMs = this.options.timeoutMs): Promise<JsonValue> {
    if (!this.options.online()) return Promise.reject(new LinkError('unavailable', 'not connected to the bridge'));
    const id = this.nextId();
    const settled = new Promise<JsonValue>((resolve, reject) => {
      this.waiting.set(id, {
        reply: (reply) => (reply.ok ? resolve(reply.result) : reject(LinkError.from(reply.error))),
        timedOut: reject,
      });
    });
    this.watch(id, timeoutMs);
    this.post({ ...body, id });
    return settled;
  }

  /**
   * The reply to message `id`, pending until it comes or the connection is
   * lost. It is delivered while its frame is read, so an event later in the
   * same frame comes after it.
   */
  replyTo(id: number): Observable<Reply> {
    return new Observable<Reply>((subscriber) => {
      this.waiting.set(id, {
        reply: (reply) => {
          subscriber.next(reply);
          subscriber.complete();
        },
        timedOut: (error) => subscriber.error(error),
      });
      return () => this.waiting.delete(id);
    });
  }

  /**
   * Sends a message now, in a frame of its own: MIDI a finger plays must not wait for the tick's
   * other messages, nor for the render its touch causes (React renders a discrete event before the
   * tick's frame would go).
   */
  postNow(message: ClientToBridge): void {
    this.options.transmit(frameText([message]));
  }

  /** Sends a message in this tick's frame. */
  post(message: ClientToBridge): void {
    this.out$.next(message);
  }

  /**
   * Sends `body` at once, alone in its frame, and resolves with its reply
   * (the hello: nothing else may go before it, and no timeout: the loss of
   * the socket ends it).
   */
  exchange(body: LinkRequest): Promise<Reply> {
    const id = this.nextId();
    const reply = firstValueFrom(this.replyTo(id));
    this.options.transmit(frameText([{ ...body, id }]));
    return reply;
  }

  /** A reply from the bridge. */
  receive(reply: Reply): void {
    if (reply.id === null) return;
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return; // late (timed out) or unasked: nothing waits
    this.waiting.delete(reply.id);
    waiter.reply(reply);
  }

  /** The socket is gone: everything pending settles with `unavailable`. */
  lost(): void {
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const [id, waiter] of waiting) {
      waiter.reply({ id, ok: false, error: { code: 'unavailable', message: 'the connection to the bridge was lost' } });
    }
    this.arm();
  }

  private watch(id: number, ms: number): void {
    this.deadlines.insert({ id, at: this.options.timerScheduler.now() + ms, ms });
    this.arm();
  }

  /** The one timer waits for the soonest deadline of a request still waiting (none when nothing waits). */
  private arm(): void {
    while (!this.deadlines.isEmpty && !this.waiting.has(this.deadlines.first?.id ?? -1)) this.deadlines.dropFirst();
    const next = this.deadlines.first;
    if (this.alarm && (next === undefined || this.alarm.at > next.at)) {
      this.alarm.subscription.unsubscribe();
      this.alarm = null;
    }
    if (next === undefined || this.alarm) return;
    const scheduler = this.options.timerScheduler;
    this.alarm = {
      at: next.at,
      subscription: scheduler.schedule(
        () => {
          this.alarm = null;
          this.expire();
        },
        Math.max(0, next.at - scheduler.now()),
      ),
    };
  }

  private expire(): void {
    const now = this.options.timerScheduler.now();
    for (let next = this.deadlines.first; next !== undefined && next.at <= now; next = this.deadlines.first) {
      this.deadlines.dropFirst();
      const waiter = this.waiting.get(next.id);
      if (!waiter) continue;
      this.waiting.delete(next.id);
      waiter.timedOut(new LinkError('timeout', `no reply within ${next.ms} ms`));
    }
    this.arm();
  }
}
