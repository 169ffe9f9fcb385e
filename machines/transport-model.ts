/**
 * What the transport machine knows and the pure rules it follows: the
 * song's properties it observes and their keys, Live's names for the launch
 * quantization, the arrangement loop stepped by bars, and the cue points
 * (from `Song.cue_points`, their names and times observed one by one). Its
 * commands are in `transport-commands.ts`.
 */
import type { JsonValue } from '../protocol/src/index';
import type { ObserveInput } from './effects';
import { asNumber, refTarget } from './observe-invoke';
import type { Failure } from './retry-cycle';
import type { ReportTo } from './settling';

/** Live's `Song.Quantization`, in its order (the values 0..13), as Live's control bar names them. */
export const QUANTIZATIONS = [
  'None',
  '8 Bars',
  '4 Bars',
  '2 Bars',
  '1 Bar',
  '1/2',
  '1/2T',
  '1/4',
  '1/4T',
  '1/8',
  '1/8T',
  '1/16',
  '1/16T',
  '1/32',
] as const;

/** Whether `value` is one of Live's global quantizations (0..13). */
export const isQuantization = (value: number): boolean =>
  Number.isInteger(value) && value >= 0 && value < QUANTIZATIONS.length;

/** A cue point (an arrangement locator) as the bar lists it: its object, and its name and time once known. */
export interface CuePoint {
  /** `id N`: the CuePoint to call `jump` on. */
  target: string;
  name: string | null;
  /** In beats. */
  time: number | null;
}

/** A word for the musician: what Live answered, or why it refused. */
export interface Notice {
  /** Grows with every notice, so the view can tell a new one from the same text again. */
  id: number;
  text: string;
  kind: 'info' | 'refused';
}

/** The numbers the bar sends while dragged or stepped, remembered until Live confirms one (see echoes.ts). */
export type SentKey = 'tempo' | 'loopStart' | 'loopLength';

/** The song's transport as Live says it, and what the transport sent. */
export interface TransportContext {
  song: string;
  playing: boolean;
  tempo: number;
  metronome: boolean;
  sessionRecord: boolean;
  arrangementRecord: boolean;
  songTime: number;
  numerator: number;
  denominator: number;
  /** `Song.clip_trigger_quantization`, 0..13 (`QUANTIZATIONS`). */
  quantization: number;
  loop: boolean;
  /** The arrangement loop, in beats. */
  loopStart: number;
  loopLength: number;
  punchIn: boolean;
  punchOut: boolean;
  canCaptureMidi: boolean;
  canJumpPrev: boolean;
  canJumpNext: boolean;
  /** The cue points, in Live's order (by time). */
  cues: CuePoint[];
  sent: Record<SentKey, number[]>;
  notice: Notice | null;
  received: string[];
  error: Failure | null;
  reportTo: ReportTo;
  id: string;
}

/** The song's properties the transport observes: [context key, Live's property]. */
export const OBSERVED = [
  ['playing', 'is_playing'],
  ['tempo', 'tempo'],
  ['metronome', 'metronome'],
  ['sessionRecord', 'session_record'],
  ['arrangementRecord', 'record_mode'],
  ['songTime', 'current_song_time'],
  ['numerator', 'signature_numerator'],
  ['denominator', 'signature_denominator'],
  ['quantization', 'clip_trigger_quantization'],
  ['loop', 'loop'],
  ['loopStart', 'loop_start'],
  ['loopLength', 'loop_length'],
  ['punchIn', 'punch_in'],
  ['punchOut', 'punch_out'],
  ['canCaptureMidi', 'can_capture_midi'],
  ['canJumpPrev', 'can_jump_to_prev_cue'],
  ['canJumpNext', 'can_jump_to_next_cue'],
  ['cuePoints', 'cue_points'],
] as const;

/** A key of an observation of the song. */
export type ObservedKey = (typeof OBSERVED)[number][0];

/** The observed switches (the rest are numbers, and the cue list). */
export const BOOLEAN_KEYS: ReadonlySet<string> = new Set([
  'playing',
  'metronome',
  'sessionRecord',
  'arrangementRecord',
  'loop',
  'punchIn',
  'punchOut',
  'canCaptureMidi',
  'canJumpPrev',
  'canJumpNext',
]);

/** What the transport reports once every value has come from Live. */
export const TRANSPORT_KEYS: readonly string[] = OBSERVED.map(([key]) => key);

/** Live's tempo range (BPM). */
export const TEMPO_RANGE = [20, 999] as const;

/** The song (`live_set`), and whom to tell once it has its first values. */
export type TransportInput = { song?: string; reportTo?: ReportTo; id?: string };

/** A transport before Live said anything: a new set's defaults. */
export function initialTransportContext(input: TransportInput): TransportContext {
  return {
    song: input.song ?? 'live_set',
    playing: false,
    tempo: 120,
    metronome: false,
    sessionRecord: false,
    arrangementRecord: false,
    songTime: 0,
    numerator: 4,
    denominator: 4,
    quantization: 4,
    loop: false,
    loopStart: 0,
    loopLength: 16,
    punchIn: false,
    punchOut: false,
    canCaptureMidi: false,
    canJumpPrev: false,
    canJumpNext: false,
    cues: [],
    sent: { tempo: [], loopStart: [], loopLength: [] },
    notice: null,
    received: [],
    error: null,
    reportTo: input.reportTo ?? null,
    id: input.id ?? 'transport',
  };
}

// ------------------------------------------------------------ the arrangement loop

/** A bar of the song's signature, in beats (quarter notes). */
export const barBeats = (numerator: number, denominator: number): number =>
  (Math.max(1, numerator) * 4) / Math.max(1, denominator);

/** The loop start `bars` bars on (back when negative), never before the song's start. */
export function steppedLoopStart(context: TransportContext, bars: number): number {
  return Math.max(0, context.loopStart + bars * barBeats(context.numerator, context.denominator));
}

/** The loop length `bars` bars longer (shorter when negative), never shorter than a beat of the signature. */
export function steppedLoopLength(context: TransportContext, bars: number): number {
  const beat = 4 / Math.max(1, context.denominator);
  return Math.max(beat, context.loopLength + bars * barBeats(context.numerator, context.denominator));
}

// ------------------------------------------------------------ cue points

/** The cue list after Live's `cue_points` changed: the objects it names, what was known of each kept. */
export function cuesOf(value: JsonValue, known: readonly CuePoint[]): CuePoint[] {
  const targets = Array.isArray(value) ? value.map(refTarget).filter((target) => target !== null) : [];
  return targets.map((target) => known.find((cue) => cue.target === target) ?? { target, name: null, time: null });
}

const CUE_KEY = /^cue:(.+):(name|time)$/;

/** The observations of the cues' names and times, for the `observeMany` child. */
export function cueObservations(cues: readonly CuePoint[]): ObserveInput[] {
  return cues.flatMap(({ target }) => [
    { target, prop: 'name', key: `cue:${target}:name` },
    { target, prop: 'time', key: `cue:${target}:time` },
  ]);
}

/** Whether a `live.value` key is a cue's name or time. */
export const isCueKey = (key: string): boolean => CUE_KEY.test(key);

/** The cues with a name or time Live sent (`cue:<target>:name`); others, and cues no longer listed, untouched. */
export function withCueValue(cues: readonly CuePoint[], key: string, value: JsonValue): CuePoint[] {
  const [, target, prop] = CUE_KEY.exec(key) ?? [];
  return cues.map((cue) => {
    if (cue.target !== target) return cue;
    return prop === 'name'
      ? { ...cue, name: typeof value === 'string' ? value : '' }
      : { ...cue, time: asNumber(value) };
  });
}
