/**
 * The actors a layout's widgets bind, one per Live object however many
 * widgets bind it (two knobs on one parameter share its actor: one
 * observation, one value). Counted: the last widget to let go stops it, a
 * moment later, so a widget re-rendered in place (React's strict mode, a
 * layout reloaded) keeps it.
 */
import { createActor, type Actor, type AnyActorLogic, type InputFrom, type InspectionEvent } from 'xstate';

/** How long an actor no widget binds any more is kept, in case one binds it again. */
export const LINGER_MS = 1000;

interface Held<TLogic extends AnyActorLogic> {
  actor: Actor<TLogic>;
  count: number;
  stopping: ReturnType<typeof setTimeout> | null;
}

/** The shared actors of one kind (one logic: the parameter machine, the device machine), by key. */
export class SharedActors<TLogic extends AnyActorLogic> {
  private readonly held = new Map<string, Held<TLogic>>();

  constructor(
    private readonly logic: TLogic,
    /** The input an actor for a key starts with (the key is its Live target). */
    private readonly inputOf: (key: string) => InputFrom<TLogic>,
    private readonly inspect?: (event: InspectionEvent) => void,
  ) {}

  /** The actor for `key`, started if none runs; let it go with `release`. */
  acquire(key: string): Actor<TLogic> {
    const kept = this.held.get(key);
    if (kept) {
      kept.count += 1;
      if (kept.stopping !== null) clearTimeout(kept.stopping);
      kept.stopping = null;
      return kept.actor;
    }
    const actor = createActor(this.logic, { input: this.inputOf(key), inspect: this.inspect }).start();
    this.held.set(key, { actor, count: 1, stopping: null });
    return actor;
  }

  /** The actor for `key` while one is held (or lingers), else null. */
  peek(key: string): Actor<TLogic> | null {
    return this.held.get(key)?.actor ?? null;
  }

  release(key: string): void {
    const kept = this.held.get(key);
    if (!kept) return;
    kept.count -= 1;
    if (kept.count > 0) return;
    kept.stopping = setTimeout(() => {
      if (kept.count > 0) return;
      kept.actor.stop();
      this.held.delete(key);
    }, LINGER_MS);
  }

  /** How many actors run (for tests and the inspector). */
  get size(): number {
    return this.held.size;
  }

  stopAll(): void {
    for (const kept of this.held.values()) {
      if (kept.stopping !== null) clearTimeout(kept.stopping);
      kept.actor.stop();
    }
    this.held.clear();
  }
}
