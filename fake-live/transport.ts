/**
 * Live's transport in the in-memory Live: song time that runs at the tempo,
 * clips and scenes that launch and stop on the launch quantization grid
 * (triggered until the grid line, then playing), playing positions that
 * move, meters that pulse on the beat, tap tempo and new clips. It works on
 * any set built with `set-builder.ts`, finding tracks, slots and scenes from
 * the objects themselves, and it behaves as the simulator does: both replay
 * protocol/fixtures/behaviour/launch.json (`transport.test.ts` here,
 * live-script/tests/test_launch_fixture.py there).
 *
 * `advance(ms)` moves it on (tests); `start()` runs it in real time (stories).
 */
import type { JsonValue } from '../protocol/src/index';
import type { FakeLive } from './fake-live';
import { LinkError } from '../link/errors';
import { paletteColor } from '../ui/theme/live-colors';
import { defineClip, ref, targetOf, targetsOf } from './set-builder';

/** Live's `fired_slot_index` and `playing_slot_index` when nothing is fired or playing, and a stop fired. */
const NOT_FIRED = -1;
const STOP_FIRED = -2;
const NO_CLIP = -2;
/** `Song.clip_trigger_quantization` values as grid lengths in bars (0: none), as in Live's Song.Quantization. */
const QUANTIZATION_BARS: Record<number, number> = { 0: 0, 1: 8, 2: 4, 3: 2, 4: 1 };
const QUANTIZATION_BEATS: Record<number, number> = { 5: 2, 7: 1, 9: 0.5, 11: 0.25, 13: 0.125 };
const EPSILON = 1e-9;

interface SlotPlace {
  track: string;
  slot: string;
  index: number;
}

interface Launch {
  track: string;
  /** The slot to play, or null: the track stops. */
  slot: SlotPlace | null;
  beat: number;
  scene: string | null;
}

interface Playing {
  slot: SlotPlace;
  clip: string;
  startedAt: number;
}

export class FakeTransport {
  private songTime = 0;
  private readonly playing = new Map<string, Playing>();
  private pending: Launch[] = [];
  private readonly taps: number[] = [];
  private elapsedMs = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private last = 0;

  constructor(private readonly live: FakeLive) {
    live
      .on('fire', (input) => this.fire(input.target))
      .on('stop', (input) => this.stopSlot(input.target))
      // Track.stop_all_clips stops its track; Song.stop_all_clips every track, the song playing on
      .on('stop_all_clips', (input) => (input.target === 'live_set' ? this.stopAll() : this.stopTrack(input.target)))
      .on('start_playing', () => this.startPlaying(0))
      .on('continue_playing', () => this.startPlaying(this.songTime))
      .on('stop_playing', () => this.stopPlaying())
      .on('tap_tempo', () => this.tap())
      .on('create_clip', (input) => this.createClip(input.target, Number(input.args?.[0] ?? 4)))
      .on('delete_clip', (input) => this.deleteClip(input.target))
      .on('duplicate_clip_to', (input) => this.duplicateClip(input.target, targetOf(input.args?.[0] ?? null)))
      // a clip's color_index picks its color from Live's palette, as in Live
      .follow((target, prop, value) => {
        if (prop === 'color_index' && typeof value === 'number' && value >= 0) {
          this.live.change(target, 'color', paletteColor(value));
        }
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

  /** The song time, in beats. */
  get time(): number {
    return this.songTime;
  }

  /** Moves the song on by `ms` of real time: what falls due on the way launches at its grid line. */
  advance(ms: number): void {
    this.elapsedMs += ms;
    if (!this.isPlaying()) {
      this.decayMeters(ms);
      return;
    }
    const to = this.songTime + (ms / 60_000) * Number(this.song('tempo'));
    for (const launch of this.due(to)) {
      this.songTime = launch.beat;
      this.apply(launch);
    }
    this.songTime = to;
    this.live.change('live_set', 'current_song_time', to);
    this.movePositions();
    this.moveMeters(ms);
  }

  // ------------------------------------------------------------ the set, as the objects say

  private song(prop: string): JsonValue {
    return this.live.objects.get('live_set')?.[prop] ?? null;
  }

  private prop(target: string, prop: string): JsonValue {
    return this.live.objects.get(target)?.[prop] ?? null;
  }

  private isPlaying(): boolean {
    return this.song('is_playing') === true;
  }

  private tracks(): string[] {
    return targetsOf(this.song('tracks'));
  }

  private slotsOf(track: string): string[] {
    return targetsOf(this.prop(track, 'clip_slots'));
  }

  private placeOf(slot: string): SlotPlace | null {
    for (const track of this.tracks()) {
      const index = this.slotsOf(track).indexOf(slot);
      if (index >= 0) return { track, slot, index };
    }
    return null;
  }

  private clipOf(slot: string): string | null {
    return this.prop(slot, 'has_clip') === true ? targetOf(this.prop(slot, 'clip')) : null;
  }

  private barBeats(): number {
    return (Number(this.song('signature_numerator') ?? 4) * 4) / Number(this.song('signature_denominator') ?? 4);
  }

  /** The launch grid in beats: the song's `clip_trigger_quantization` (a bar when the set does not say). */
  private grid(): number {
    const quantization = Number(this.song('clip_trigger_quantization') ?? 4);
    const bars = QUANTIZATION_BARS[quantization];
    if (bars !== undefined) return bars * this.barBeats();
    return QUANTIZATION_BEATS[quantization] ?? this.barBeats();
  }

  private nextGridLine(beat: number): number {
    const grid = this.grid();
    if (grid <= 0) return beat;
    const line = Math.ceil(beat / grid - EPSILON) * grid;
    return Math.abs(line - beat) < EPSILON ? beat : line;
  }

  // ------------------------------------------------------------ launching

  private fire(target: string): null {
    const scene = targetsOf(this.song('scenes')).indexOf(target);
    if (scene >= 0) {
      this.fireScene(target, scene);
      return null;
    }
    const place = this.placeOf(target);
    if (place) this.launchSlot(place, null);
    return null;
  }

  private launchSlot(place: SlotPlace, scene: string | null): void {
    if (this.clipOf(place.slot) !== null) this.schedule({ track: place.track, slot: place, beat: 0, scene });
    // an empty slot with a stop button stops its track, as in Live
    else if (this.prop(place.slot, 'has_stop_button') !== false) this.stopTrack(place.track, scene);
  }

  private fireScene(scene: string, index: number): void {
    for (const track of this.tracks()) {
      const slot = this.slotsOf(track)[index];
      if (slot !== undefined) this.launchSlot({ track, slot, index }, scene);
    }
    if (!this.pending.some((launch) => launch.scene === scene)) this.live.change(scene, 'is_triggered', false);
  }

  private schedule(launch: Launch): void {
    if (!this.isPlaying()) {
      // a launch while stopped starts the song at once, from where it stands
      this.startPlaying(this.songTime, false);
      launch.beat = this.songTime;
    } else {
      launch.beat = this.nextGridLine(this.songTime);
    }
    for (const other of this.pending.filter((pending) => pending.track === launch.track)) this.clearFired(other);
    this.pending = [...this.pending.filter((pending) => pending.track !== launch.track), launch];
    if (launch.slot) {
      this.live.change(launch.track, 'fired_slot_index', launch.slot.index);
      this.live.change(launch.slot.slot, 'is_triggered', true);
    } else {
      this.live.change(launch.track, 'fired_slot_index', STOP_FIRED);
    }
    if (launch.scene !== null) this.live.change(launch.scene, 'is_triggered', true);
    for (const due of this.due(this.songTime)) this.apply(due);
  }

  /** The launches due by `beat`, taken from the pending ones, in time order. */
  private due(beat: number): Launch[] {
    const due = this.pending.filter((launch) => launch.beat <= beat + EPSILON).sort((a, b) => a.beat - b.beat);
    this.pending = this.pending.filter((launch) => !due.includes(launch));
    return due;
  }

  private apply(launch: Launch): void {
    if (launch.scene !== null && !this.pending.some((pending) => pending.scene === launch.scene)) {
      this.live.change(launch.scene, 'is_triggered', false);
    }
    if (launch.slot === null) {
      this.stopNow(launch.track);
      return;
    }
    const clip = this.clipOf(launch.slot.slot);
    if (clip === null) return;
    const current = this.playing.get(launch.track);
    if (current && current.slot.slot !== launch.slot.slot) this.stopClip(current);
    this.playing.set(launch.track, { slot: launch.slot, clip, startedAt: launch.beat });
    this.live.change(clip, 'playing_position', Number(this.prop(clip, 'loop_start') ?? 0));
    this.live.change(clip, 'is_playing', true);
    this.live.change(launch.slot.slot, 'is_triggered', false);
    this.live.change(launch.slot.slot, 'playing_status', 1);
    this.live.change(launch.track, 'fired_slot_index', NOT_FIRED);
    this.live.change(launch.track, 'playing_slot_index', launch.slot.index);
  }

  private clearFired(launch: Launch): void {
    if (launch.slot) this.live.change(launch.slot.slot, 'is_triggered', false);
    this.live.change(launch.track, 'fired_slot_index', NOT_FIRED);
  }

  /** A slot's stop button stops its track only when that slot plays or is about to. */
  private stopSlot(target: string): null {
    const place = this.placeOf(target);
    if (!place) return null;
    const current = this.playing.get(place.track);
    const fired = this.pending.some((launch) => launch.slot?.slot === target);
    if (current?.slot.slot === target || fired) this.stopTrack(place.track);
    return null;
  }

  private stopTrack(track: string, scene: string | null = null): null {
    if (!this.playing.has(track) && !this.pending.some((launch) => launch.track === track)) return null;
    if (this.isPlaying()) {
      this.schedule({ track, slot: null, beat: 0, scene });
      return null;
    }
    for (const launch of this.pending.filter((pending) => pending.track === track)) this.clearFired(launch);
    this.pending = this.pending.filter((pending) => pending.track !== track);
    this.stopNow(track);
    return null;
  }

  private stopAll(): null {
    for (const track of this.tracks()) this.stopTrack(track);
    return null;
  }

  private stopNow(track: string): void {
    const current = this.playing.get(track);
    if (current) this.stopClip(current);
    this.playing.delete(track);
    this.live.change(track, 'fired_slot_index', NOT_FIRED);
    this.live.change(track, 'playing_slot_index', NO_CLIP);
  }

  private stopClip(playing: Playing): void {
    this.playing.delete(playing.slot.track);
    this.live.change(playing.clip, 'is_playing', false);
    this.live.change(playing.clip, 'playing_position', Number(this.prop(playing.clip, 'loop_start') ?? 0));
    this.live.change(playing.slot.slot, 'playing_status', 0);
  }

  // ------------------------------------------------------------ the song

  private startPlaying(from: number, launchPending = true): null {
    this.songTime = from;
    this.live.change('live_set', 'current_song_time', from);
    this.live.change('live_set', 'is_playing', true);
    if (launchPending) for (const launch of this.due(from)) this.apply(launch);
    return null;
  }

  private stopPlaying(): null {
    this.live.change('live_set', 'is_playing', false);
    for (const track of [...this.playing.keys()]) this.stopNow(track);
    for (const launch of this.pending) {
      this.clearFired(launch);
      if (launch.scene !== null) this.live.change(launch.scene, 'is_triggered', false);
    }
    this.pending = [];
    return null;
  }

  private movePositions(): void {
    for (const playing of this.playing.values()) {
      const start = Number(this.prop(playing.clip, 'loop_start') ?? 0);
      const length = Math.max(0.25, Number(this.prop(playing.clip, 'loop_end') ?? 4) - start);
      this.live.change(playing.clip, 'playing_position', start + ((this.songTime - playing.startedAt) % length));
    }
  }

  // ------------------------------------------------------------ meters

  /** Meters pulse on the beat on tracks that play, and fall elsewhere; the master follows the loudest. */
  private moveMeters(ms: number): void {
    let loudest = 0;
    this.tracks().forEach((track, index) => {
      if (!this.playing.has(track)) {
        this.decayMeter(track, ms);
        return;
      }
      const phase = this.songTime % 1;
      const level = 0.55 + 0.35 * Math.exp(-phase * 4) + 0.04 * Math.sin(this.elapsedMs / 37 + index);
      loudest = Math.max(loudest, level);
      this.setMeter(track, level);
    });
    const master = targetOf(this.song('master_track'));
    if (master !== null) this.setMeter(master, Math.min(1, loudest * 1.05));
  }

  private decayMeters(ms: number): void {
    const master = targetOf(this.song('master_track'));
    for (const track of [...this.tracks(), ...(master === null ? [] : [master])]) this.decayMeter(track, ms);
  }

  private decayMeter(target: string, ms: number): void {
    const level = Number(this.prop(target, 'output_meter_level') ?? 0);
    if (level > 0) this.setMeter(target, level < 0.01 ? 0 : level * Math.exp(-ms / 120));
  }

  private setMeter(target: string, level: number): void {
    this.live.change(target, 'output_meter_level', level);
    this.live.change(target, 'output_meter_left', level);
    this.live.change(target, 'output_meter_right', level * 0.97);
  }

  // ------------------------------------------------------------ tempo and new clips

  private tap(): null {
    const now = this.elapsedMs;
    this.taps.push(now);
    while (this.taps.length > 4) this.taps.shift();
    // taps more than two seconds apart start counting again
    if (this.taps.length >= 2 && now - (this.taps[this.taps.length - 2] ?? 0) > 2000) {
      this.taps.splice(0, this.taps.length - 1);
    }
    const first = this.taps[0];
    const last = this.taps[this.taps.length - 1];
    if (this.taps.length >= 2 && first !== undefined && last !== undefined) {
      const bpm = Math.round((60_000 * (this.taps.length - 1)) / (last - first));
      if (bpm >= 20 && bpm <= 999) this.live.change('live_set', 'tempo', bpm);
    }
    return null;
  }

  /** `ClipSlot.delete_clip()`: the clip goes (its observations end with `gone`); playing, its track stops. */
  private deleteClip(slot: string): null {
    const place = this.placeOf(slot);
    const clip = this.clipOf(slot);
    if (!place || clip === null) throw new LinkError('live_error', 'No clip in this slot');
    if (this.playing.get(place.track)?.slot.slot === slot) this.stopNow(place.track);
    this.pending = this.pending.filter((launch) => launch.slot?.slot !== slot);
    this.live.define(slot, { clip: null, is_triggered: false, playing_status: 0 });
    this.live.change(slot, 'has_clip', false);
    this.live.remove(clip);
    return null;
  }

  /** `ClipSlot.duplicate_clip_to(target)`: a copy of the clip under a new id, replacing the target's clip. */
  private duplicateClip(slot: string, target: string | null): null {
    const clip = this.clipOf(slot);
    if (clip === null) throw new LinkError('live_error', 'No clip in this slot');
    if (target === null || !this.placeOf(target)) throw new LinkError('bad_request', 'the target is not a clip slot');
    if (this.clipOf(target) !== null && target !== slot) this.deleteClip(target);
    const id = this.live.newId();
    this.live.define(`id ${id}`, { ...(this.live.objects.get(clip) ?? {}), is_playing: false });
    this.live.define(target, { clip: ref(id, 'Clip') });
    this.live.change(target, 'has_clip', true);
    return null;
  }

  /** `ClipSlot.create_clip(length)`: an empty MIDI clip in the track's color, under a new id. */
  private createClip(slot: string, length: number): null {
    const place = this.placeOf(slot);
    if (!place || this.clipOf(slot) !== null) return null;
    const id = this.live.newId();
    defineClip(this.live, { id, name: '', color: Number(this.prop(place.track, 'color') ?? 0), length });
    this.live.define(slot, { clip: ref(id, 'Clip') });
    this.live.change(slot, 'has_clip', true);
    return null;
  }
}
