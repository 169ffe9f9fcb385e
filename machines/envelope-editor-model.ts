/**
 * The envelope editor's context and the pure work of its chart
 * (`envelope-editor.ts`): strokes made into queued edits, the queue's
 * answers, and the envelope as shown (Live's, with the edits in flight
 * applied by Live's own rules).
 */
import type { AutomatableGroup, AutomatableParameter, EnvelopeParameters, JsonValue } from '../protocol/src/index';
import { AutomatableParameters, EnvelopeReading, SCRIPT_LIMITS } from '../protocol/src/index';
import type { CallInput, EnvelopeInput } from './effects';
import {
  allowedValue,
  deleteRange,
  insertStep,
  shapeFromReading,
  type EnvelopePoint,
  type EnvelopeShape,
  type Step,
} from './envelope-shape';
import type { Failure } from './retry-cycle';

/** The parameter whose automation is edited. */
export interface ChosenParameter {
  /** Its target (`id 812`). */
  target: string;
  /** Its path, to find it again in a new Live. */
  path: string | null;
  name: string;
  /** The device (and the racks and chains it is in), or `Mixer`. */
  device: string;
  min: number;
  max: number;
  quantized: boolean;
  items: readonly string[];
}

export type EnvelopeTool = 'draw' | 'step' | 'ramp' | 'erase';

/** A point a finger is at: a beat of clip time and a value in the parameter's units. */
export interface FingerPoint {
  beat: number;
  value: number;
}

/**
 * What waits to reach Live, in order: a stroke is `begin`, its writes or its
 * erase, `end` (one step of Live's undo history). `sent` while on its way.
 */
export type EnvelopeEdit =
  | { kind: 'begin'; sent: boolean }
  | { kind: 'end'; sent: boolean }
  | { kind: 'write'; stroke: number; parameter: string; steps: Step[]; sent: boolean }
  | { kind: 'erase'; stroke: number; parameter: string; start: number | null; end: number | null; sent: boolean };

/** The stroke under a finger. */
export interface Stroke {
  id: number;
  tool: EnvelopeTool;
  /** The length of the steps it draws (beats). */
  cell: number;
  from: FingerPoint;
  last: FingerPoint;
}

export interface EnvelopeEditorContext {
  clip: string;
  song: string;
  /** The clip's path, to find it again in a new Live. */
  path: string | null;
  located: boolean;
  epoch: number | null;
  usable: boolean;
  linkUp: boolean;
  /** What the clip can automate (`envelope_parameters`), null until listed. */
  groups: AutomatableGroup[] | null;
  parameter: ChosenParameter | null;
  /** The clip's time to read (beats): its start to the end of its loop or markers. */
  range: { start: number; end: number };
  /** Live's envelope of `parameter` as last read (with the writes Live took since applied), null before. */
  shape: EnvelopeShape | null;
  /** Writes Live took since the editor began: a reading begun before one of them is stale. */
  accepts: number;
  readAccepts: number;
  readAgain: boolean;
  /** The observations of the clip whose first value was heard (the values after it mean a change). */
  heard: string[];
  edits: EnvelopeEdit[];
  stroke: Stroke | null;
  strokes: number;
  grid: number | null;
  /** The parameter's value as Live has it now (it plays the automation). */
  liveValue: number | null;
  /** The value under the finger in Live's units. */
  readout: string | null;
  /** The value axis in Live's units (`str_for_value`). */
  axis: { value: number; text: string }[];
  /** The parameter selected in Live (`song.view.selected_parameter`), as a target. */
  selected: string | null;
  canUndo: boolean;
  canRedo: boolean;
  notice: string | null;
  /** Ranges of a stroke Live refused, shown until the notice is read. */
  refused: { start: number; end: number }[];
  error: Failure | null;
  retries: number;
  resends: number;
}

type Update = Partial<EnvelopeEditorContext>;

/** The shortest step a finger draws (beats): a 128th note. */
export const FINEST_CELL = 1 / 32;
/** Live 11 is read by sampling `value_at_time` this often (beats: a 128th note), at most this many samples. */
export const SAMPLE_STEP = 1 / 32;
export const MAX_SAMPLES = 4096;

export function initialEnvelopeContext(input: { clip: string; song?: string }): EnvelopeEditorContext {
  return {
    clip: input.clip,
    song: input.song ?? 'live_set',
    path: null,
    located: false,
    epoch: null,
    usable: true,
    linkUp: true,
    groups: null,
    parameter: null,
    range: { start: 0, end: 4 },
    shape: null,
    accepts: 0,
    readAccepts: 0,
    readAgain: false,
    heard: [],
    edits: [],
    stroke: null,
    strokes: 0,
    grid: 0.25,
    liveValue: null,
    readout: null,
    axis: [],
    selected: null,
    canUndo: false,
    canRedo: false,
    notice: null,
    refused: [],
    error: null,
    retries: 0,
    resends: 0,
  };
}

// ------------------------------------------------------------ requests

/** The request that lists what the clip can automate. */
export function listRequest(context: EnvelopeEditorContext): Omit<EnvelopeParameters, 'id'> {
  return { op: 'envelope_parameters', target: context.clip };
}

/**
 * The request that reads the chosen envelope: Live 12 answers with its
 * events (the samples then need only be few); Live 11 only with samples,
 * taken every 128th note (or as finely as the sample limit lets a long clip).
 */
export function readRequest(context: EnvelopeEditorContext): EnvelopeInput {
  const { start, end } = context.range;
  const span = Math.max(0, end - start);
  const live11 = context.shape === null || context.shape.sampled;
  const step = live11 ? Math.max(SAMPLE_STEP, span / (MAX_SAMPLES - 1)) : Math.max(span, SAMPLE_STEP);
  return { op: 'read_envelope', target: context.clip, parameter: context.parameter?.target ?? '', start, end, step };
}

/** The parsed groups of an `envelope_parameters` answer, or null when it is not one. */
export function groupsFrom(output: JsonValue): AutomatableGroup[] | null {
  const parsed = AutomatableParameters.safeParse(output);
  return parsed.success ? parsed.data.groups : null;
}

/** The shape an answer of `read_envelope` describes, or null when it is not a reading. */
export function shapeFrom(output: JsonValue, parameter: ChosenParameter): EnvelopeShape | null {
  const parsed = EnvelopeReading.safeParse(output);
  return parsed.success ? shapeFromReading(parsed.data, parameter.max - parameter.min) : null;
}

/** A listed parameter as the editor keeps it when chosen. */
export function chosen(group: AutomatableGroup, parameter: AutomatableParameter): ChosenParameter {
  return {
    target: `id ${parameter.ref.$ref}`,
    path: parameter.ref.path,
    name: parameter.name,
    device: group.kind === 'mixer' ? 'Mixer' : [...group.path].join(' › ') || group.name,
    min: parameter.min,
    max: parameter.max,
    quantized: parameter.quantized,
    items: parameter.items,
  };
}

/** The listed parameter with this target (or this path, in a new Live), or null. */
export function findParameter(
  groups: readonly AutomatableGroup[] | null,
  match: { target?: string; path?: string | null },
): ChosenParameter | null {
  for (const group of groups ?? []) {
    for (const parameter of group.parameters) {
      const byTarget = match.target !== undefined && `id ${parameter.ref.$ref}` === match.target;
      const byPath = match.path !== undefined && match.path !== null && parameter.ref.path === match.path;
      if (byTarget || byPath) return chosen(group, parameter);
    }
  }
  return null;
}

/** The request for the head of the queue: an undo step's call, or an envelope request. */
export function headRequest(
  context: EnvelopeEditorContext,
): { effect: 'call'; input: CallInput } | { effect: 'envelope'; input: EnvelopeInput } | null {
  const head = context.edits[0];
  if (!head) return null;
  switch (head.kind) {
    case 'begin':
      return { effect: 'call', input: { target: context.song, fn: 'begin_undo_step' } };
    case 'end':
      return { effect: 'call', input: { target: context.song, fn: 'end_undo_step' } };
    case 'write':
      return {
        effect: 'envelope',
        input: { op: 'write_envelope', target: context.clip, parameter: head.parameter, steps: head.steps },
      };
    case 'erase':
      return {
        effect: 'envelope',
        input:
          head.start === null || head.end === null
            ? { op: 'erase_envelope', target: context.clip, parameter: head.parameter }
            : {
                op: 'erase_envelope',
                target: context.clip,
                parameter: head.parameter,
                start: head.start,
                end: head.end,
              },
      };
    default:
      return head satisfies never;
  }
}

// ------------------------------------------------------------ strokes

/** The length of the steps a tool draws: the grid for `step`, a quarter of it (a 128th at least) for `draw`. */
export function cellOf(tool: EnvelopeTool, grid: number | null): number {
  const base = grid ?? 0.25;
  return tool === 'step' ? base : Math.max(FINEST_CELL, base / 4);
}

/** The value the parameter takes for a finger's value. */
function valueFor(context: EnvelopeEditorContext, value: number): number {
  const parameter = context.parameter;
  return parameter ? allowedValue(value, parameter) : value;
}

/** The cells a finger crossed from `a` to `b`, each with the value the finger had at the cell's middle. */
export function cellsCrossed(
  a: FingerPoint,
  b: FingerPoint,
  cell: number,
  range: { start: number; end: number },
): Step[] {
  const lastCell = Math.ceil(range.end / cell - 1e-9) - 1;
  const firstCell = Math.floor(range.start / cell + 1e-9);
  const from = Math.max(firstCell, Math.floor(Math.min(a.beat, b.beat) / cell));
  const to = Math.min(lastCell, Math.floor(Math.max(a.beat, b.beat) / cell));
  const steps: Step[] = [];
  for (let index = from; index <= to; index += 1) {
    const middle = (index + 0.5) * cell;
    const span = b.beat - a.beat;
    const along = span === 0 ? 1 : Math.min(1, Math.max(0, (middle - a.beat) / span));
    steps.push({ time: index * cell, length: cell, value: a.value + (b.value - a.value) * along });
  }
  return steps;
}

type WriteEdit = Extract<EnvelopeEdit, { kind: 'write' }>;

/** Steps one `write_envelope` carries at most (the script keeps each request short on Live's main thread). */
export const STEPS_PER_WRITE = SCRIPT_LIMITS.maxEnvelopeSteps;

/** A write as requests can carry it: one, or several in a row of at most `STEPS_PER_WRITE` steps (a long ramp). */
function inWrites(write: WriteEdit): WriteEdit[] {
  const writes: WriteEdit[] = [];
  for (let start = 0; start < write.steps.length; start += STEPS_PER_WRITE)
    writes.push({ ...write, steps: write.steps.slice(start, start + STEPS_PER_WRITE) });
  return writes.length > 0 ? writes : [write];
}

/** The queue with `steps` added to the stroke's last write still waiting (a cell drawn again takes its new value). */
function withSteps(context: EnvelopeEditorContext, stroke: Stroke, steps: Step[]): EnvelopeEdit[] {
  const parameter = context.parameter?.target ?? '';
  const allowed = steps.map((step) => ({ ...step, value: valueFor(context, step.value) }));
  const edits = [...context.edits];
  const last = edits[edits.length - 1];
  if (last && last.kind === 'write' && last.stroke === stroke.id && !last.sent) {
    const byTime = new Map(last.steps.map((step) => [step.time, step]));
    for (const step of allowed) {
      byTime.delete(step.time); // re-inserted: the order of the writes is the order of the finger
      byTime.set(step.time, step);
    }
    return [...edits.slice(0, -1), ...inWrites({ ...last, steps: [...byTime.values()] })];
  }
  return [...edits, ...inWrites({ kind: 'write', stroke: stroke.id, parameter, steps: allowed, sent: false })];
}

/** A finger lands: draw and step paint at once; ramp and erase wait for the finger to lift. */
export function strokeStarted(context: EnvelopeEditorContext, tool: EnvelopeTool, at: FingerPoint): Update {
  const point = { beat: Math.max(0, at.beat), value: valueFor(context, at.value) };
  const stroke: Stroke = { id: context.strokes + 1, tool, cell: cellOf(tool, context.grid), from: point, last: point };
  const base: Update = { stroke, strokes: stroke.id, notice: null, refused: [] };
  if (tool === 'ramp' || tool === 'erase') return base;
  const edits: EnvelopeEdit[] = [...context.edits, { kind: 'begin', sent: false }];
  return {
    ...base,
    edits: withSteps({ ...context, edits }, stroke, cellsCrossed(point, point, stroke.cell, context.range)),
  };
}

/** The finger moves: draw and step paint the cells it crossed. */
export function strokeMoved(context: EnvelopeEditorContext, at: FingerPoint): Update {
  const stroke = context.stroke;
  if (!stroke) return {};
  const point = { beat: Math.max(0, at.beat), value: valueFor(context, at.value) };
  const moved = { ...stroke, last: point };
  if (stroke.tool === 'ramp' || stroke.tool === 'erase') return { stroke: moved };
  return {
    stroke: moved,
    edits: withSteps(context, moved, cellsCrossed(stroke.last, point, stroke.cell, context.range)),
  };
}

/** The steps of a straight ramp from `a` to `b`: a staircase of the finest cells (Live's API writes only steps). */
export function rampSteps(a: FingerPoint, b: FingerPoint, range: { start: number; end: number }): Step[] {
  const [from, to] = a.beat <= b.beat ? [a, b] : [b, a];
  if (to.beat - from.beat < FINEST_CELL) return cellsCrossed(from, from, FINEST_CELL, range);
  return cellsCrossed(from, to, FINEST_CELL, range).filter((step) => step.time < to.beat - 1e-9);
}

/** The finger lifts: the stroke's step of Live's history ends; a ramp or an erase is made now. */
export function strokeEnded(context: EnvelopeEditorContext, canErase: boolean): Update {
  const stroke = context.stroke;
  if (!stroke) return {};
  const parameter = context.parameter?.target ?? '';
  if (stroke.tool === 'draw' || stroke.tool === 'step') {
    return { stroke: null, edits: [...context.edits, { kind: 'end', sent: false }] };
  }
  if (stroke.tool === 'ramp') {
    const steps = rampSteps(stroke.from, stroke.last, context.range);
    const begun: EnvelopeEditorContext = { ...context, edits: [...context.edits, { kind: 'begin', sent: false }] };
    return { stroke: null, edits: [...withSteps(begun, stroke, steps), { kind: 'end', sent: false }] };
  }
  const start = Math.max(context.range.start, Math.min(stroke.from.beat, stroke.last.beat));
  const end = Math.min(context.range.end, Math.max(stroke.from.beat, stroke.last.beat));
  if (!canErase || end <= start) return { stroke: null };
  return {
    stroke: null,
    edits: [
      ...context.edits,
      { kind: 'begin', sent: false },
      { kind: 'erase', stroke: stroke.id, parameter, start, end, sent: false },
      { kind: 'end', sent: false },
    ],
  };
}

/** A finger gave up (a second came to zoom): what it drew stays (it reached Live as it went); a ramp or an erase is not made. */
export function strokeCancelled(context: EnvelopeEditorContext, canErase: boolean): Update {
  const stroke = context.stroke;
  if (stroke?.tool === 'draw' || stroke?.tool === 'step') return strokeEnded(context, canErase);
  return { stroke: null };
}

/** Clear the whole envelope (the musician confirmed it): one step of Live's history. */
export function clearQueued(context: EnvelopeEditorContext): Update {
  const parameter = context.parameter?.target;
  if (parameter === undefined) return {};
  const stroke = context.strokes + 1;
  return {
    strokes: stroke,
    notice: null,
    edits: [
      ...context.edits,
      { kind: 'begin', sent: false },
      { kind: 'erase', stroke, parameter, start: null, end: null, sent: false },
      { kind: 'end', sent: false },
    ],
  };
}

// ------------------------------------------------------------ the queue's answers

/** The head of the queue is on its way. */
export function headSent(context: EnvelopeEditorContext): Update {
  const [head, ...rest] = context.edits;
  return head ? { edits: [{ ...head, sent: true }, ...rest] } : {};
}

/** Live took the head: a write or an erase is applied to the shape at once (a reading follows). */
export function headAccepted(context: EnvelopeEditorContext): Update {
  const [head, ...rest] = context.edits;
  if (!head) return {};
  const update: Update = { edits: rest, resends: 0 };
  if (head.kind !== 'write' && head.kind !== 'erase') return update;
  const applies = context.parameter?.target === head.parameter && context.shape !== null;
  const shape = applies ? applied(context.shape, head, context.liveValue ?? context.parameter?.min ?? 0) : null;
  const marked = head.kind === 'write' ? markedAutomated(context.groups, head.parameter) : context.groups;
  return { ...update, shape: shape ?? context.shape, accepts: context.accepts + 1, readAgain: true, groups: marked };
}

/** The shape after an edit, by Live's rules. */
function applied(shape: EnvelopeShape | null, edit: EnvelopeEdit, fallback: number): EnvelopeShape | null {
  if (shape === null) return null;
  if (edit.kind === 'write') {
    const start: EnvelopePoint[] = shape.exists ? shape.points : [{ time: 0, value: fallback, curve: null }];
    const points = edit.steps.reduce((points, step) => insertStep(points, step, fallback), start);
    return { ...shape, exists: true, points };
  }
  if (edit.kind === 'erase') {
    if (edit.start === null || edit.end === null) return { ...shape, exists: false, points: [] };
    return { ...shape, points: deleteRange(shape.points, edit.start, edit.end) };
  }
  return shape;
}

/** The groups with a parameter marked automated (its first write made the envelope). */
function markedAutomated(groups: AutomatableGroup[] | null, target: string): AutomatableGroup[] | null {
  if (groups === null) return null;
  const listed = groups.some((group) => group.parameters.some((p) => `id ${p.ref.$ref}` === target && !p.automated));
  if (!listed) return groups;
  return groups.map((group) => ({
    ...group,
    parameters: group.parameters.map((p) => (`id ${p.ref.$ref}` === target ? { ...p, automated: true } : p)),
  }));
}

/** The edits Live will not take: the head's stroke (what of it is still queued) goes, with a word. */
export function headRefused(context: EnvelopeEditorContext, message: string, gone: boolean): Update {
  const head = context.edits[0];
  if (!head || (head.kind !== 'write' && head.kind !== 'erase')) return { edits: context.edits.slice(1) };
  const dropped = context.edits.filter(
    (edit) => (edit.kind === 'write' || edit.kind === 'erase') && edit.stroke === head.stroke,
  );
  const refused = dropped.flatMap((edit) => (edit.kind === 'write' ? [rangeOf(edit.steps)] : []));
  const what = head.kind === 'erase' ? 'the erase' : 'the stroke';
  return {
    edits: context.edits.filter((edit) => !dropped.includes(edit)),
    refused,
    readAgain: true,
    notice: gone
      ? `The parameter is no longer in Live: ${what} was given up.`
      : `Live refused ${what} (${message}): it was taken back.`,
  };
}

/** The time a write's steps cover. */
export function rangeOf(steps: readonly Step[]): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const step of steps) {
    start = Math.min(start, step.time);
    end = Math.max(end, step.time + step.length);
  }
  return { start, end };
}

/** A request went nowhere: the head waits to go again. */
export function headBack(context: EnvelopeEditorContext): Update {
  const [head, ...rest] = context.edits;
  return head ? { edits: [{ ...head, sent: false }, ...rest], usable: false } : { usable: false };
}

/**
 * Live is back: what waited goes again, in one step of Live's history (the
 * step it was begun in ended when the connection did).
 */
export function resumed(context: EnvelopeEditorContext): Update {
  const changes = context.edits.filter((edit) => edit.kind === 'write' || edit.kind === 'erase');
  const inFlight = context.edits[0]?.sent === true ? context.edits.slice(0, 1) : [];
  const waiting = changes.filter((edit) => !inFlight.includes(edit)).map((edit) => ({ ...edit, sent: false }));
  if (waiting.length === 0) return { edits: inFlight };
  const drawing = context.stroke !== null && (context.stroke.tool === 'draw' || context.stroke.tool === 'step');
  const end: EnvelopeEdit[] = drawing ? [] : [{ kind: 'end', sent: false }];
  return { edits: [...inFlight, { kind: 'begin', sent: false }, ...waiting, ...end] };
}

/** The edits waiting are given up (the musician chose to), and Live's envelope is read again. */
export function discarded(context: EnvelopeEditorContext): Update {
  const inFlight = context.edits[0]?.sent === true ? context.edits.slice(0, 1) : [];
  return { edits: inFlight, notice: null, readAgain: true };
}

// ------------------------------------------------------------ what is shown

/** The envelope as shown: Live's with the edits of this parameter that are on their way or wait applied. */
export function pointsShown(context: Pick<EnvelopeEditorContext, 'shape' | 'parameter' | 'edits' | 'liveValue'>): {
  exists: boolean;
  points: EnvelopePoint[];
} {
  const shape = context.shape;
  const parameter = context.parameter;
  if (shape === null || parameter === null) return { exists: false, points: [] };
  let shown: EnvelopeShape | null = shape;
  for (const edit of context.edits) {
    if ((edit.kind === 'write' || edit.kind === 'erase') && edit.parameter === parameter.target) {
      shown = applied(shown, edit, context.liveValue ?? parameter.min);
    }
  }
  return { exists: shown?.exists ?? false, points: shown?.points ?? [] };
}

/** The time ranges of this parameter not yet Live's: on their way, waiting for Live, or refused. */
export function pendingShown(
  context: Pick<EnvelopeEditorContext, 'parameter' | 'edits' | 'usable' | 'range' | 'refused'>,
): { start: number; end: number; state: 'sending' | 'offline' | 'refused' }[] {
  const parameter = context.parameter?.target;
  const ranges: { start: number; end: number; state: 'sending' | 'offline' | 'refused' }[] = [];
  for (const edit of context.edits) {
    if ((edit.kind !== 'write' && edit.kind !== 'erase') || edit.parameter !== parameter) continue;
    const range =
      edit.kind === 'write'
        ? rangeOf(edit.steps)
        : { start: edit.start ?? context.range.start, end: edit.end ?? context.range.end };
    ranges.push({ ...range, state: context.usable ? 'sending' : 'offline' });
  }
  for (const range of context.refused) ranges.push({ ...range, state: 'refused' });
  return ranges;
}

/** How many strokes have not reached Live yet. */
export function strokesWaiting(context: EnvelopeEditorContext): number {
  const strokes = new Set<number>();
  for (const edit of context.edits) if (edit.kind === 'write' || edit.kind === 'erase') strokes.add(edit.stroke);
  return strokes.size;
}

/** Whether Live's envelope can be erased by range (Live 12 has `delete_events_in_range`; Live 11 does not). */
export function canEraseRange(context: EnvelopeEditorContext): boolean {
  return context.shape !== null && !context.shape.sampled;
}

/** Why a range cannot be erased, for the musician (null when it can). */
export function eraseWhyNot(context: EnvelopeEditorContext): string | null {
  if (context.shape === null || !context.shape.sampled) return null;
  return 'Live 11 cannot erase part of an envelope (it has no delete_events_in_range): draw over it, or clear it all.';
}
