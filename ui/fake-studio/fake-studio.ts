/**
 * The studio set, alive: the in-memory Live's transport (fake-live/transport.ts:
 * song time at the tempo, clips and scenes launching on the bar as in Live,
 * positions and meters that move, tap tempo) on the studio set, with the
 * machines provided on it exactly as the app provides them on LiveLink.
 * `advance(ms)` moves it on (tests call it); `start()` runs it in real time
 * (stories).
 */
import type { FakeLive } from '../../fake-live/fake-live';
import { FakeTransport } from '../../fake-live/transport';
import { provideMachines, type ProvidedMachines } from '../../machines/provide';
import { studioSet, studioTargets } from './studio-set';

export interface FakeStudioOptions {
  /** How long each answer takes (ms): lets loading states show. */
  latencyMs?: number;
}

export class FakeStudio {
  readonly live: FakeLive;
  readonly machines: ProvidedMachines;
  private readonly transport: FakeTransport;

  constructor(options: FakeStudioOptions = {}) {
    this.live = studioSet();
    this.live.latencyMs = options.latencyMs ?? 0;
    this.machines = provideMachines(this.live.effects());
    this.transport = new FakeTransport(this.live);
    // a device is active while its "Device On" parameter is on, as in Live
    this.live.follow((target, prop, value) => {
      if (target === studioTargets.filterParameter(0) && prop === 'value') {
        this.live.change(studioTargets.filter, 'is_active', Number(value) >= 0.5);
      }
    });
  }

  /** Runs in real time until `stop()`. */
  start(): this {
    this.transport.start();
    return this;
  }

  stop(): void {
    this.transport.stop();
  }

  /** The song time, in beats. */
  get time(): number {
    return this.transport.time;
  }

  /** Moves the studio on by `ms` of real time. */
  advance(ms: number): void {
    this.transport.advance(ms);
  }
}
