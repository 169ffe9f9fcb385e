/**
 * What a clip slot observes, and how Live's values land in its context:
 * apart from the chart (`clip-slot.ts`), which names these.
 */
import type { JsonValue } from '../protocol/src/index';
import type { ClipSlotContext, ClipSlotInput } from './clip-slot';
import { asNumber, asString, type ObservedProperty } from './observe-invoke';

const slotProperty = (key: string, prop: string): ObservedProperty<ClipSlotContext> => ({
  key,
  prop,
  target: (c) => c.slot,
});
const clipProperty = (key: string, prop: string): ObservedProperty<ClipSlotContext> => ({
  key,
  prop,
  target: (c) => c.clip ?? c.slot,
});

/** Whether the slot holds a clip: observed while empty too. */
export const HAS_CLIP = slotProperty('has_clip', 'has_clip');
/** The slot's own observations: they fail the slot. */
export const SLOT_OBSERVED = [
  HAS_CLIP,
  slotProperty('playing_status', 'playing_status'),
  slotProperty('triggered', 'is_triggered'),
];
/** The clip's observations: optional, they degrade the slot. */
export const CLIP_OBSERVED = [
  clipProperty('name', 'name'),
  clipProperty('color', 'color'),
  clipProperty('loop_start', 'loop_start'),
  clipProperty('loop_end', 'loop_end'),
  clipProperty('notes', 'notes'),
];
/** Observed only while the clip plays or records. */
export const POSITION_OBSERVED = clipProperty('playing_position', 'playing_position');
/** Every observation of a ready slot: it is settled when each has given its first value. */
export const READY_KEYS = [...SLOT_OBSERVED, ...CLIP_OBSERVED].map((observed) => observed.key);

/** A slot before Live said anything. */
export function initialClipSlotContext(input: ClipSlotInput): ClipSlotContext {
  return {
    slot: input.slot,
    createLength: input.createLength ?? null,
    reportTo: input.reportTo ?? null,
    id: input.id ?? input.slot,
    clip: null,
    name: '',
    color: 0,
    loopStart: 0,
    loopEnd: 0,
    notesVersion: 0,
    playingStatus: 0,
    playingPosition: 0,
    triggered: false,
    received: [],
    optionalFailures: {},
    error: null,
    retries: 0,
    commandError: null,
  };
}

/** What the slot shows of its clip's playing. */
export type PlayState = 'stopped' | 'triggered' | 'playing' | 'recording';
/** Where the slot plays, from Live's values: a triggered slot shows triggered whatever it plays. */
export function playStateOf(context: Pick<ClipSlotContext, 'playingStatus' | 'triggered'>): PlayState {
  if (context.triggered) return 'triggered';
  if (context.playingStatus === 1) return 'playing';
  if (context.playingStatus === 2) return 'recording';
  return 'stopped';
}

/** A value Live said, where it belongs in the context (the notes only count a change). */
export function stored(context: ClipSlotContext, key: string, value: JsonValue): Partial<ClipSlotContext> {
  switch (key) {
    case 'name':
      return { name: asString(value) };
    case 'color':
      return { color: asNumber(value) };
    case 'loop_start':
      return { loopStart: asNumber(value) };
    case 'loop_end':
      return { loopEnd: asNumber(value) };
    case 'notes':
      return { notesVersion: context.notesVersion + 1 };
    case 'playing_status':
      return { playingStatus: asNumber(value) };
    case 'playing_position':
      return { playingPosition: asNumber(value, context.loopStart) };
    case 'triggered':
      return { triggered: value === true };
    default:
      return {};
  }
}

/** From one play state straight to the one Live's values say, whichever it is. */
export function playTransitions(current: PlayState) {
  return (['stopped', 'triggered', 'playing', 'recording'] as const)
    .filter((state) => state !== current)
    .map((state) => ({
      guard: ({ context }: { context: ClipSlotContext }) => playStateOf(context) === state,
      target: state,
    }));
}
