/**
 * Random frames for fuzzing both hops (fast-check arbitraries): the bounded
 * fuzz in `npm test` (test/bridge-fuzz.test.ts) and the long one (`npm run
 * fuzz`, scripts/fuzz.ts) draw from these.
 *
 * Besides random and malformed messages, the hostile shapes that once broke
 * something: values nested far past the limit (the ~1,400 `[` that overflowed
 * zod's recursive schema), huge arrays and batches, control characters in
 * paths (`\x1c` split words on one side only), big strings.
 */
import fc from 'fast-check';

// Requests that only read, so a fuzzed frame cannot reshape the set under a bystander.
const READ_OPS = ['get', 'describe', 'observe', 'unobserve', 'read_envelope', 'hello', 'ping'];
// What a path may carry to split it differently on two sides, or to break a log line.
const CONTROL = ['\t', '\n', '\r', '\u000b', '\u000c', '\u001c', '\u001d', '\u001e', '\u001f', '\u0000', '\u007f'];
const ODD_SPACE = ['\u0085', '\u00a0', '\u2028', '\u2029', '\u3000', '\ufeff'];

const target = fc.oneof(
  fc.constantFrom(
    'live_set',
    'live_set tracks 0',
    'live_set tracks 99',
    'id 1',
    'id 0',
    'live_app view',
    'live_set __class__',
    '',
  ),
  fc.string({ maxLength: 40 }),
);

/** A path with a control character or an exotic space where a separator would be. */
export const controlPath = fc
  .tuple(
    fc.constantFrom('live_set tracks 0', 'live_set tracks 0 clip_slots 0 clip', 'live_set master_track mixer_device'),
    fc.constantFrom(...CONTROL, ...ODD_SPACE),
    fc.boolean(),
  )
  .map(([path, odd, everywhere]) => (everywhere ? path.replaceAll(' ', odd) : path.replace(' ', odd)));

const value = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

/** Random messages of every shape the client hop knows, and nonsense. */
export const message = fc.oneof(
  fc.record(
    {
      op: fc.oneof(fc.constantFrom(...READ_OPS), fc.string({ maxLength: 10 })),
      id: fc.oneof(fc.nat(1_000_000), fc.integer({ min: -5, max: -1 }), fc.string({ maxLength: 3 }), fc.double()),
      target,
      prop: fc.oneof(
        fc.constantFrom('tempo', 'name', '_live_ptr', '__dict__', 'is_playing'),
        fc.string({ maxLength: 12 }),
      ),
      obs: fc.nat(100),
      extra: value,
    },
    { requiredKeys: ['op'] },
  ),
  fc.record({
    op: fc.constant('midi'),
    messages: fc.array(
      fc.record({
        type: fc.constantFrom('note_on', 'cc', 'sysex'),
        channel: fc.integer({ min: -1, max: 16 }),
        note: fc.integer({ min: 0, max: 130 }),
        velocity: fc.nat(130),
      }),
      { maxLength: 3 },
    ),
  }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Ordinary random frames: one message, a batch, or text that is not JSON at all. */
export const frame = fc.oneof(
  message.map((m) => JSON.stringify(m)),
  fc.array(message, { minLength: 0, maxLength: 5 }).map((batch) => JSON.stringify(batch)),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('{', '[', '"', 'null', '[[[]]]', '{"op":"get","id":1e400}', '\u0000'),
);

/** `depth` nested arrays (or objects), as text: JSON.stringify itself would overflow on the deepest. */
const nestedText = (depth: number, objects: boolean): string =>
  objects ? '{"a":'.repeat(depth) + '0' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);

const nested = fc
  .tuple(fc.integer({ min: 65, max: 3000 }), fc.boolean())
  .map(([depth, objects]) => nestedText(depth, objects));
const hugeArray = fc.integer({ min: 1000, max: 100_000 }).map((length) => `[${'0,'.repeat(length - 1)}0]`);
const id = fc.nat(1_000_000);

/**
 * Frames built to hurt: deep nesting in every place a value goes (and as the
 * frame itself), huge arrays and batches, control characters in paths and
 * names, long strings. Every one is answered `bad_request` (or refused
 * silently for MIDI) and the connection stays up.
 */
export const hostileFrame = fc.oneof(
  fc.tuple(id, nested).map(([n, deep]) => `{"op":"set","id":${n},"target":"live_set","prop":"tempo","value":${deep}}`),
  fc
    .tuple(id, nested)
    .map(([n, deep]) => `{"op":"call","id":${n},"target":"live_set","fn":"stop_playing","args":[${deep}]}`),
  fc.tuple(id, nested).map(([n, deep]) => `{"op":"get","id":${n},"target":${deep},"prop":"tempo"}`),
  fc.tuple(id, nested).map(([n, deep]) => `[{"op":"ping","id":${n}},${deep}]`),
  nested,
  fc
    .tuple(id, hugeArray)
    .map(([n, big]) => `{"op":"set","id":${n},"target":"live_set tracks 0","prop":"name","value":${big}}`),
  fc
    .tuple(id, hugeArray)
    .map(([n, big]) => `{"op":"call","id":${n},"target":"live_set","fn":"stop_playing","args":${big}}`),
  fc
    .integer({ min: 501, max: 3000 })
    .map((count) => `[${'{"op":"ping","id":1},'.repeat(count - 1)}{"op":"ping","id":1}]`),
  fc
    .tuple(id, controlPath, fc.constantFrom('get', 'observe', 'describe'))
    .map(([n, path, op]) =>
      JSON.stringify({ op, id: n, target: path, ...(op === 'describe' ? {} : { prop: 'name' }) }),
    ),
  fc
    .tuple(id, fc.constantFrom(...CONTROL, ...ODD_SPACE))
    .map(([n, odd]) => JSON.stringify({ op: 'get', id: n, target: 'live_set', prop: `tem${odd}po` })),
  fc
    .tuple(id, fc.integer({ min: 10_000, max: 500_000 }))
    .map(([n, length]) => JSON.stringify({ op: 'get', id: n, target: 'live_set '.repeat(length / 9), prop: 'x' })),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
);

/**
 * Lines for the script's port from the client hop's generators: client frames
 * the bridge would never pass on, the hostile shapes, and values nested just
 * under what Python's `json` can read (the long fuzz mixes these with the
 * script's own generators, test/support/script-lines.ts).
 */
export const hostileScriptLine = fc.oneof(
  { weight: 3, arbitrary: frame },
  { weight: 1, arbitrary: hostileFrame.filter((line) => line.length < 300_000) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(id, fc.integer({ min: 900, max: 1400 }))
      .map(
        ([n, depth]) => `{"op":"set","id":${n},"target":"live_set","prop":"tempo","value":${nestedText(depth, false)}}`,
      ),
  },
);
