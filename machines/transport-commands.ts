/**
 * The transport's commands: the song's functions it calls, the switches it
 * toggles and the numbers it sends latest-wins, each a child named after
 * what it changes in Live; what each is called when Live refuses it, and the
 * words for what Live's undo and redo answer.
 */
import { errorMessage } from './retry-cycle';
import type { SentKey } from './transport-model';

/** What each command is called when Live refuses it. */
export const COMMAND_NAMES = {
  start_playing: 'Play',
  continue_playing: 'Continue',
  stop_playing: 'Stop',
  tap_tempo: 'Tap Tempo',
  stop_all_clips: 'Stop All Clips',
  capture_midi: 'Capture MIDI',
  jump_to_prev_cue: 'Previous Cue',
  jump_to_next_cue: 'Next Cue',
  set_or_delete_cue: 'Set or Delete Cue',
  jump: 'the jump to a cue',
  undo: 'Undo',
  redo: 'Redo',
  metronome: 'Metronome',
  session_record: 'Session Record',
  record_mode: 'Arrangement Record',
  loop: 'Loop',
  punch_in: 'Punch In',
  punch_out: 'Punch Out',
  clip_trigger_quantization: 'the quantization',
  tempo: 'the tempo',
  loop_start: 'the loop start',
  loop_length: 'the loop length',
} as const;

/** A command of the transport, by the name of its child. */
export type CommandId = keyof typeof COMMAND_NAMES;

/** What Live's `undo`/`redo` answered, in words: its label ("Undo Volume Change"), or that there was nothing. */
export function historyWords(which: 'undo' | 'redo', answer: unknown): string {
  if (typeof answer === 'string' && answer.trim() !== '') return answer.trim();
  return which === 'undo' ? 'Nothing to undo' : 'Nothing to redo';
}

/** The song's functions the transport calls, each its own child (by the function's name). */
export const SONG_CALLS = [
  'start_playing',
  'continue_playing',
  'stop_playing',
  'tap_tempo',
  'stop_all_clips',
  'capture_midi',
  'jump_to_prev_cue',
  'jump_to_next_cue',
  'set_or_delete_cue',
] as const;
export type SongCall = (typeof SONG_CALLS)[number];
export type HistoryCall = 'undo' | 'redo';

/** The switches the transport toggles, and their properties in Live. */
export const TOGGLES = {
  metronome: 'metronome',
  sessionRecord: 'session_record',
  arrangementRecord: 'record_mode',
  loop: 'loop',
  punchIn: 'punch_in',
  punchOut: 'punch_out',
} as const;
export type ToggleKey = keyof typeof TOGGLES;
export type SongToggle = (typeof TOGGLES)[ToggleKey];

/** The numbers sent latest-wins, and their properties in Live. */
export const LATEST = { tempo: 'tempo', loopStart: 'loop_start', loopLength: 'loop_length' } as const;
export type LatestProp = (typeof LATEST)[SentKey];

/** Every command's child, by id: what Live refuses comes back as its error, and is told. */
export const COMMANDS = [
  ...SONG_CALLS,
  'undo',
  'redo',
  'jump',
  ...Object.values(TOGGLES),
  'clip_trigger_quantization',
  ...Object.values(LATEST),
] as const satisfies readonly CommandId[];

/** The handlers of every command's refusal: the observations keep showing what Live has, and a notice says why. */
export function refusals() {
  const handlers: Partial<Record<`xstate.error.actor.${CommandId}`, object>> = {};
  for (const id of COMMANDS) {
    handlers[`xstate.error.actor.${id}`] = {
      actions: {
        type: 'tell',
        params: ({ event }: { event: { error: unknown } }) => ({
          text: `Live refused ${COMMAND_NAMES[id]}: ${errorMessage(event.error)}`,
          kind: 'refused',
        }),
      },
    };
  }
  return handlers;
}
