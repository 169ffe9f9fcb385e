/**
 * Requests to the bridge: ids, one frame per tick (split at the bridge's
 * batch limit), replies by id, a timeout on each, and `unavailable` for
 * everything pending when the connection is lost. Nothing waits forever.
 */
import { defer, filter, finalize, firstValueFrom, map, Subject, take, type Observable, type SchedulerLike } from 'rxjs';
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
import { replyWithin } from './operators/reply-within';

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

interface Answer {
  id: number;
  reply: Reply;
}

/** The requests of one link, across its sockets (ids are never reused). */
export class Requests {
  private lastId = 0;
  private readonly out$ = new Subject<ClientToBridge>();
  private readonly answers$ = new Subject<Answer>();
  private readonly pending = new Set<number>();

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
    const settled = firstValueFrom(this.replyTo(id).pipe(replyWithin(timeoutMs, this.options.timerScheduler))).then(
      (reply) => {
        if (reply.ok) return reply.result;
        throw LinkError.from(reply.error);
      },
    );
    this.post({ ...body, id });
    return settled;
  }

  /**
   * The reply to message `id`, pending until it comes or the connection is
   * lost. It is delivered while its frame is read, so an event later in the
   * same frame comes after it.
   */
  replyTo(id: number): Observable<Reply> {
    return defer(() => {
      this.pending.add(id);
      return this.answers$.pipe(
        filter((answer) => answer.id === id),
        take(1),
        map((answer) => answer.reply),
        finalize(() => this.pending.delete(id)),
      );
    });
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
    if (reply.id !== null) this.answers$.next({ id: reply.id, reply });
  }

  /** The socket is gone: everything pending settles with `unavailable`. */
  lost(): void {
    for (const id of [...this.pending]) {
      this.answers$.next({
        id,
        reply: { id, ok: false, error: { code: 'unavailable', message: 'the connection to the bridge was lost' } },
      });
    }
  }
}
