/**
 * Random lines for the script's port (fast-check arbitraries): requests of
 * every operation with random and wrong fields, notes and envelope calls on
 * one clip, batches, and lines built to hurt (nesting far past what Python's
 * `json` can read, over-long lines, bytes that are not UTF-8, NaN). Used by
 * the bounded fuzz in `npm test` (test/script-fuzz.test.ts).
 *
 * `expectedIds` says which ids the script must answer for a line, by the
 * rule of `LiveSurface/protocol.py`'s `request_id_of`.
 */
import fc from 'fast-check';
import { SCRIPT_LIMITS } from '../../protocol/src/index';

/** The clip the fuzz edits (an empty slot of the demo set; the fuzz creates the clip). */
export const FUZZ_SLOT = 'live_set tracks 1 clip_slots 7';
export const FUZZ_CLIP = `${FUZZ_SLOT} clip`;

const TARGETS = [
  'live_set',
  'live_set tracks 0',
  'live_set tracks 99',
  'live_set tracks 0 clip_slots 0 clip',
  FUZZ_CLIP,
  FUZZ_SLOT,
  'live_set tracks 4 devices 1 parameters 3',
  'live_set master_track mixer_device volume',
  'id 1',
  'id 0',
  'id 99999',
  'live_app',
  'live_set view',
  'live_set __class__',
  'live_set tracks 0\u001cclip_slots',
  '',
];
const PROPS = ['tempo', 'name', 'is_playing', 'notes', 'color', 'value', '_live_ptr', '__dict__', 'tracks', 'nope'];
// No function that grows the set a lot (duplicate_track and the like): the fuzz must stay quick.
const FUNCTIONS = [
  'get_all_notes_extended',
  'get_notes_extended',
  'add_new_notes',
  'apply_note_modifications',
  'remove_notes_by_id',
  'get_notes_by_id',
  'select_all_notes',
  'fire',
  'stop',
  'stop_playing',
  'undo',
  'redo',
  'begin_undo_step',
  'end_undo_step',
  'create_clip',
  'delete_clip',
  '__init__',
  '_private',
  'eval',
];

const scalar = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(-1, 0, 127, 128, 1e308, -1e308, 5e-324),
);
const value = fc.oneof(
  { depthSize: 'small' },
  scalar,
  fc.array(scalar, { maxLength: 6 }),
  fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 4 }),
);
const note = fc.record(
  {
    pitch: fc.oneof(fc.integer({ min: 0, max: 127 }), fc.integer()),
    start_time: fc.oneof(fc.double({ min: -4, max: 64, noNaN: true }), scalar),
    duration: fc.oneof(fc.double({ min: 0.01, max: 4, noNaN: true }), scalar),
    velocity: fc.oneof(fc.integer({ min: 0, max: 127 }), scalar),
    note_id: fc.nat(2000),
    mute: fc.boolean(),
  },
  { requiredKeys: [] },
);
const noteArgs = fc.oneof(
  fc.tuple(fc.array(note, { maxLength: 30 })),
  fc.tuple(fc.array(fc.oneof(fc.nat(3000), scalar), { maxLength: 30 })),
  fc.tuple(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 1, max: 128 }), fc.double(), fc.double()),
  fc.array(value, { maxLength: 5 }),
);
const id = fc.oneof(
  { weight: 8, arbitrary: fc.nat(1_000_000) },
  fc.constantFrom(-1, 1.5, 2 ** 53, 1e300, '7', null, true),
);

/** A request object, valid or nearly so. */
export const request = fc.oneof(
  fc.record(
    {
      op: fc.constantFrom('get', 'observe', 'describe', 'unobserve'),
      id,
      target: fc.oneof(fc.constantFrom(...TARGETS), fc.string({ maxLength: 30 })),
      prop: fc.oneof(fc.constantFrom(...PROPS), fc.string({ maxLength: 8 })),
      obs: fc.nat(100),
    },
    { requiredKeys: ['op', 'id'] },
  ),
  fc.record(
    { op: fc.constant('set'), id, target: fc.constantFrom(...TARGETS), prop: fc.constantFrom(...PROPS), value },
    { requiredKeys: ['op', 'id'] },
  ),
  fc.record(
    {
      op: fc.constant('call'),
      id,
      target: fc.constantFrom(FUZZ_CLIP, FUZZ_CLIP, FUZZ_SLOT, ...TARGETS),
      fn: fc.constantFrom(...FUNCTIONS),
      args: noteArgs,
    },
    { requiredKeys: ['op', 'id', 'target', 'fn'] },
  ),
  fc.record(
    {
      op: fc.constantFrom('read_envelope', 'write_envelope', 'erase_envelope', 'envelope_parameters'),
      id,
      target: fc.constantFrom('live_set tracks 4 clip_slots 3 clip', FUZZ_CLIP, 'live_set'),
      parameter: fc.constantFrom('live_set tracks 4 devices 1 parameters 3', 'live_set tracks 0'),
      start: fc.oneof(fc.double({ min: 0, max: 64, noNaN: true }), scalar),
      end: fc.oneof(fc.double({ min: 0, max: 64, noNaN: true }), scalar),
      step: fc.oneof(fc.double({ min: 1e-308, max: 4, noNaN: true }), fc.constantFrom(1e-308, 0.25, 0), scalar),
      steps: fc.array(
        fc.record({ time: fc.double({ min: 0, max: 16, noNaN: true }), length: fc.double(), value: fc.double() }),
        { maxLength: 8 },
      ),
    },
    { requiredKeys: ['op', 'id'] },
  ),
  fc.record({ op: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), id, junk: value }, { requiredKeys: ['id'] }),
);

/** Nesting far deeper than Python's json reads (it recurses), with an id in reach or not. */
const deep = fc
  .tuple(fc.integer({ min: 500, max: 20_000 }), fc.constantFrom('[', '{"a":'), fc.boolean())
  .map(([depth, open, withId]) => {
    const close = open === '[' ? ']' : '}';
    const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
    return withId ? `{"op":"set","id":1,"target":"live_set","prop":"tempo","value":${nested}}` : nested;
  });

/** One line, without its newline. */
export const scriptLine = fc.oneof(
  { weight: 12, arbitrary: request.map((message) => JSON.stringify(message)) },
  { weight: 3, arbitrary: fc.array(request, { minLength: 1, maxLength: 12 }).map((batch) => JSON.stringify(batch)) },
  { weight: 2, arbitrary: deep },
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    'NaN',
    '[]',
    '{}',
    'null',
    '"just a string"',
    '{"op":"get","id":1e999}',
    '[' + '{"op":"get","id":5,"target":"live_set","prop":"tempo"},'.repeat(SCRIPT_LIMITS.maxBatch) + '{}]',
    '{"op":"set","id":2,"target":"live_set","prop":"name","value":"' + 'x'.repeat(SCRIPT_LIMITS.maxLineBytes) + '"}',
    '\u00ff\u00fe{"op"',
  ),
);

/** The line's text with its ids in order, ids made unique so that each reply can be told apart. */
export function numbered(line: string, next: () => number): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return line;
  }
  const renumber = (item: unknown): unknown =>
    item !== null && typeof item === 'object' && !Array.isArray(item) && isId((item as { id?: unknown }).id)
      ? { ...item, id: next() }
      : item;
  if (nesting(line) > 200) return line; // kept as built (JSON.stringify would not mind; Python's json would)
  return JSON.stringify(Array.isArray(value) ? value.map(renumber) : renumber(value));
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER;
}

/** How deep brackets nest in a line (outside strings). */
export function nesting(line: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, (depth += 1));
    else if (char === ']' || char === '}') depth -= 1;
  }
  return deepest;
}

/**
 * The ids the script must answer for a line (the rule of `request_id_of`): each request object's id
 * when it is a whole number from 0 to 2^53 - 1; none for a line it cannot read (those get id null),
 * is too long, or nests deeper than Python's json reads.
 */
export function expectedIds(line: string): number[] {
  if (Buffer.byteLength(line) > SCRIPT_LIMITS.maxLineBytes || nesting(line) > 500) return [];
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return [];
  }
  const idOf = (item: unknown): number[] => {
    const candidate = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    return !Array.isArray(item) && isId(candidate) ? [candidate] : [];
  };
  if (Array.isArray(value)) return value.length > SCRIPT_LIMITS.maxBatch ? [] : value.flatMap(idOf);
  return idOf(value);
}

/** What Python's `bytes.strip()` takes away (a line of only these is skipped). */
const PYTHON_BLANK = new Set([' ', '\t', '\r', '\u000b', '\u000c']);

/**
 * How many replies the script sends for a line: one per request of a batch it can read, else one
 * (an error, with the id when it can tell it), none for a blank line. Lines nested too deep for
 * Python's json get one either way.
 */
export function replyCount(line: string): number {
  if ([...line].every((char) => PYTHON_BLANK.has(char))) return 0;
  if (Buffer.byteLength(line) > SCRIPT_LIMITS.maxLineBytes || nesting(line) > 500) return 1;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 1;
  }
  return Array.isArray(value) && value.length > 0 && value.length <= SCRIPT_LIMITS.maxBatch ? value.length : 1;
}
