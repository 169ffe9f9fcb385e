/**
 * The studio set, alive: a transport that runs at its tempo, clips and
 * scenes that fire and stop on the bar as in Live (triggered, then playing),
 * playing positions that move, meters that follow the music, tap tempo.
 * `advance(ms)` moves it on (tests call it); `start()` runs it in real time
 * (stories). The machines run on it exactly as on LiveLink.
 */
import type { FakeLive } from '../../machines/fake-live';
import { provideMachines, type ProvidedMachines } from '../../machines/provide';
import type { JsonValue } from '../../protocol/src/index';
import { STUDIO_TRACKS, studioSet, studioTargets } from './studio-set';

const BAR_BEATS = 4;

interface Playing {
  scene: number;
  /** Song time (beats) the clip started at. */
  startedAt: number;
}

export interface FakeStudioOptions {
  /** How long each answer takes (ms): lets loading states show. */
  latencyMs?: number;
}

export class FakeStudio {
  readonly live: FakeLive;
  readonly machines: ProvidedMachines;
  private songTime = 0;
  private readonly playing = new Map<number, Playing>();
  /** Per track: the scene to launch on the next bar, or `stop`. */
  private readonly fired = new Map<number, number | 'stop'>();
  /** The scene launched on the next bar (Live says it is triggered until then). */
  private firedScene: string | null = null;
  private readonly taps: number[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private last = 0;
  private elapsedMs = 0;

  constructor(options: FakeStudioOptions = {}) {
    this.live = studioSet();
    this.live.latencyMs = options.latencyMs ?? 0;
    this.machines = provideMachines(this.live.effects());
    this.live
      .on('fire', (input) => this.fire(input.target))
      .on('stop', (input) => this.stopSlot(input.target))
      .on('stop_all_clips', (input) => this.stopTrack(this.trackOf(input.target)))
      .on('start_playing', () => this.startPlaying(0))
      .on('continue_playing', () => this.startPlaying(this.songTime))
      .on('stop_playing', () => this.stopPlaying())
      .on('tap_tempo', () => this.tap())
      .on('create_clip', (input) => this.createClip(input.target, Number(input.args?.[0] ?? 4)));
    // a device is active while its "Device On" parameter is on, as in Live
    this.live.follow((target, prop, value) => {
      if (target === studioTargets.filterParameter(0) && prop === 'value')
        this.live.change(studioTargets.filter, 'is_active', Number(value) >= 0.5);
    });
  }

  /** Runs in real time until `stop()`. */
  start(): this {
    if (this.timer !== undefined) return this;
    this.last = Date.now();
    this.timer = setInterval(() => {
      const now = Date.now();
      this.advance(now - this.last);
      this.last = now;
    }, 25);
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  get time(): number {
    return this.songTime;
  }

  /** Moves the studio on by `ms` of real time. */
  advance(ms: number): void {
    this.elapsedMs += ms;
    if (!this.song('is_playing')) {
      this.decayMeters(ms);
      return;
    }
    const before = this.songTime;
    this.songTime += (ms / 60_000) * Number(this.song('tempo'));
    this.live.change('live_set', 'current_song_time', this.songTime);
    if (Math.floor(this.songTime / BAR_BEATS) > Math.floor(before / BAR_BEATS))
      this.launchFired(Math.floor(this.songTime / BAR_BEATS) * BAR_BEATS);
    this.movePositions();
    this.moveMeters(ms);
  }

  private song(prop: string): JsonValue {
    return this.live.objects.get('live_set')?.[prop] ?? null;
  }

  private trackOf(target: string): number {
    return STUDIO_TRACKS.findIndex((_, index) => studioTargets.track(index) === target);
  }

  private slotAt(target: string): { track: number; scene: number } | null {
    for (let track = 0; track < STUDIO_TRACKS.length; track += 1) {
      for (let scene = 0; scene < (STUDIO_TRACKS[track]?.clips.length ?? 0); scene += 1) {
        if (studioTargets.slot(track, scene) === target) return { track, scene };
      }
    }
    return null;
  }

  private fire(target: string): null {
    const scene = Array.from({ length: 4 }, (_, index) => index).find((index) => studioTargets.scene(index) === target);
    if (scene !== undefined) {
      this.firedScene = target;
      this.live.change(target, 'is_triggered', true);
      // the whole row waits for the same bar: the transport starts after every slot is fired
      STUDIO_TRACKS.forEach((_, track) => this.fireSlot(track, scene, false));
      if (!this.song('is_playing')) this.startPlaying(0);
      return null;
    }
    const slot = this.slotAt(target);
    if (slot) this.fireSlot(slot.track, slot.scene);
    return null;
  }

  private fireSlot(track: number, scene: number, startTransport = true): void {
    const slot = studioTargets.slot(track, scene);
    if (this.live.objects.get(slot)?.has_clip !== true) {
      // an empty slot fired stops its track, as in Live
      this.stopTrack(track);
      return;
    }
    const previous = this.fired.get(track);
    if (typeof previous === 'number') this.live.change(studioTargets.slot(track, previous), 'is_triggered', false);
    this.fired.set(track, scene);
    this.live.change(slot, 'is_triggered', true);
    this.live.change(studioTargets.track(track), 'fired_slot_index', scene);
    if (startTransport && !this.song('is_playing')) this.startPlaying(0);
  }

  private stopSlot(target: string): null {
    const slot = this.slotAt(target);
    if (slot) this.stopTrack(slot.track);
    return null;
  }

  private stopTrack(track: number): null {
    if (track < 0) return null;
    const previous = this.fired.get(track);
    if (typeof previous === 'number') this.live.change(studioTargets.slot(track, previous), 'is_triggered', false);
    if (this.playing.has(track)) {
      this.fired.set(track, 'stop');
      this.live.change(studioTargets.track(track), 'fired_slot_index', -2);
    } else {
      this.fired.delete(track);
      this.live.change(studioTargets.track(track), 'fired_slot_index', -1);
    }
    return null;
  }

  private startPlaying(from: number): null {
    this.songTime = from;
    this.live.change('live_set', 'current_song_time', from);
    this.live.change('live_set', 'is_playing', true);
    // clips fired while stopped start with the transport
    this.launchFired(from);
    return null;
  }

  private stopPlaying(): null {
    this.live.change('live_set', 'is_playing', false);
    for (const [track, playing] of this.playing) this.stopClip(track, playing.scene);
    for (const track of [...this.fired.keys()]) this.stopTrack(track);
    this.fired.clear();
    this.untriggerScene();
    return null;
  }

  private launchFired(at: number): void {
    for (const [track, scene] of this.fired) {
      const current = this.playing.get(track);
      if (current) this.stopClip(track, current.scene);
      if (scene === 'stop') continue;
      const slot = studioTargets.slot(track, scene);
      this.live.change(slot, 'is_triggered', false);
      this.live.change(slot, 'playing_status', 1);
      this.live.change(studioTargets.clip(track, scene), 'is_playing', true);
      this.live.change(studioTargets.track(track), 'playing_slot_index', scene);
      this.playing.set(track, { scene, startedAt: at });
    }
    for (const track of this.fired.keys()) this.live.change(studioTargets.track(track), 'fired_slot_index', -1);
    this.fired.clear();
    this.untriggerScene();
  }

  private untriggerScene(): void {
    if (this.firedScene !== null) this.live.change(this.firedScene, 'is_triggered', false);
    this.firedScene = null;
  }

  private stopClip(track: number, scene: number): void {
    this.playing.delete(track);
    this.live.change(studioTargets.slot(track, scene), 'playing_status', 0);
    this.live.change(studioTargets.clip(track, scene), 'is_playing', false);
    this.live.change(studioTargets.clip(track, scene), 'playing_position', 0);
    this.live.change(studioTargets.track(track), 'playing_slot_index', -2);
  }

  private movePositions(): void {
    for (const [track, playing] of this.playing) {
      const clip = this.live.objects.get(studioTargets.clip(track, playing.scene));
      if (!clip) continue;
      const start = Number(clip.loop_start);
      const length = Math.max(0.25, Number(clip.loop_end) - start);
      this.live.change(
        studioTargets.clip(track, playing.scene),
        'playing_position',
        start + ((this.songTime - playing.startedAt) % length),
      );
    }
  }

  /** Meters pulse on the beat on tracks that play, and fall elsewhere; the master follows the loudest. */
  private moveMeters(ms: number): void {
    let loudest = 0;
    STUDIO_TRACKS.forEach((_, track) => {
      const target = studioTargets.track(track);
      if (!this.playing.has(track)) {
        this.decayMeter(target, ms);
        return;
      }
      const phase = this.songTime % 1;
      const level = 0.55 + 0.35 * Math.exp(-phase * 4) + 0.04 * Math.sin(this.elapsedMs / 37 + track);
      loudest = Math.max(loudest, level);
      this.setMeter(target, level);
    });
    this.setMeter(studioTargets.master, Math.min(1, loudest * 1.05));
  }

  private decayMeters(ms: number): void {
    STUDIO_TRACKS.forEach((_, track) => this.decayMeter(studioTargets.track(track), ms));
    this.decayMeter(studioTargets.master, ms);
  }

  private decayMeter(target: string, ms: number): void {
    const level = Number(this.live.objects.get(target)?.output_meter_level ?? 0);
    if (level > 0) this.setMeter(target, level < 0.01 ? 0 : level * Math.exp(-ms / 120));
  }

  private setMeter(target: string, level: number): void {
    this.live.change(target, 'output_meter_level', level);
    this.live.change(target, 'output_meter_left', level);
    this.live.change(target, 'output_meter_right', level * 0.97);
  }

  private tap(): null {
    const now = this.elapsedMs;
    this.taps.push(now);
    while (this.taps.length > 4) this.taps.shift();
    // taps more than two seconds apart start counting again
    if (this.taps.length >= 2 && now - (this.taps[this.taps.length - 2] ?? 0) > 2000)
      this.taps.splice(0, this.taps.length - 1);
    if (this.taps.length >= 2) {
      const span = (this.taps[this.taps.length - 1] as number) - (this.taps[0] as number);
      const bpm = Math.round((60_000 * (this.taps.length - 1)) / span);
      if (bpm >= 20 && bpm <= 999) this.live.change('live_set', 'tempo', bpm);
    }
    return null;
  }

  private createClip(target: string, length: number): null {
    const slot = this.slotAt(target);
    if (!slot) return null;
    const color = Number(this.live.objects.get(studioTargets.track(slot.track))?.color ?? 0);
    const clip = studioTargets.clip(slot.track, slot.scene);
    this.live.define(clip, {
      name: '',
      color,
      loop_start: 0,
      loop_end: length,
      length,
      looping: true,
      notes: null,
      playing_position: 0,
      is_playing: false,
    });
    this.live.define(target, { clip: { $ref: Number(clip.slice(3)), type: 'Clip', path: null } });
    this.live.change(target, 'has_clip', true);
    return null;
  }
}
