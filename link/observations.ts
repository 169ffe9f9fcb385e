/**
 * Observations of Live properties: one per key however many subscribers,
 * the current value first, made again after each hello, ended by `gone`.
 */
import { Observable, ReplaySubject, share, type Subscriber } from 'rxjs';
import type { Changes, JsonValue, ObservationGone } from '../protocol/src/index';
import { formatPath, parsePath } from '../protocol/src/path';
import { LinkError } from './errors';
import type { Requests } from './requests';

interface Observation {
  target: string;
  prop: string;
  subscriber: Subscriber<JsonValue>;
  /** The bridge's handle in this session (the id of the observe request); null until asked or once ended. */
  obs: number | null;
}

/** The observations of one link. */
export class Observations {
  private readonly byKey = new Map<string, Observation>();
  private readonly byObs = new Map<number, Observation>();
  private readonly shared = new Map<string, Observable<JsonValue>>();

  constructor(
    private readonly requests: Pick<Requests, 'nextId' | 'post' | 'replyTo'>,
    /** Whether the bridge has greeted the link: until then observations wait for the hello. */
    private readonly online: () => boolean,
  ) {}

  /** The current value, then changes; shared per (target, prop). */
  observe(target: string, prop: string): Observable<JsonValue> {
    // ' live_set ' and 'live_set' are one object: one observation
    const key = `${formatPath(parsePath(target))}\u0000${prop}`;
    let observable = this.shared.get(key);
    if (observable === undefined) {
      observable = new Observable<JsonValue>((subscriber) => {
        const observation: Observation = { target, prop, subscriber, obs: null };
        this.byKey.set(key, observation);
        if (this.online()) this.start(observation);
        return () => {
          this.byKey.delete(key);
          this.shared.delete(key);
          if (observation.obs !== null) {
            this.byObs.delete(observation.obs);
            if (this.online())
              this.requests.post({ op: 'unobserve', id: this.requests.nextId(), obs: observation.obs });
          }
        };
      }).pipe(
        share({
          connector: () => new ReplaySubject(1),
          resetOnError: true,
          resetOnComplete: true,
          resetOnRefCountZero: true,
        }),
      );
      this.shared.set(key, observable);
    }
    return observable;
  }

  /** The bridge greeted a new socket: every observation is made again (the old handles died with the old one). */
  restart(): void {
    for (const observation of this.byKey.values()) this.start(observation);
  }

  /** New values from the bridge. */
  changes(event: Changes): void {
    for (const { obs, value } of event.changes) this.byObs.get(obs)?.subscriber.next(value);
  }

  /** The observed object died. */
  gone(event: ObservationGone): void {
    const observation = this.byObs.get(event.obs);
    if (observation === undefined) return;
    this.end(observation, new LinkError('gone', event.message));
  }

  private start(observation: Observation): void {
    const id = this.requests.nextId();
    if (observation.obs !== null) this.byObs.delete(observation.obs);
    observation.obs = id;
    this.byObs.set(id, observation);
    this.requests.replyTo(id).subscribe((reply) => {
      if (observation.obs !== id) return;
      if (reply.ok) observation.subscriber.next(reply.result);
      // unavailable or timeout: made again on the next hello
      else if (reply.error.code !== 'unavailable' && reply.error.code !== 'timeout')
        this.end(observation, LinkError.from(reply.error));
    });
    this.requests.post({ op: 'observe', id, target: observation.target, prop: observation.prop });
  }

  private end(observation: Observation, error: LinkError): void {
    if (observation.obs !== null) this.byObs.delete(observation.obs);
    observation.obs = null;
    observation.subscriber.error(error);
  }
}
