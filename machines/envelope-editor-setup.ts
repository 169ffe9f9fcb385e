/**
 * What the envelope editor's chart (`envelope-editor.ts`) names: its
 * effects, guards, actions and delays, typed by its context and events. The
 * work is done by the pure functions of `envelope-editor-model.ts`.
 */
import { assign, enqueueActions, sendTo, setup } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import type { EnvelopeEditorEvent, EnvelopeEditorInput, EnvelopeEditorOutcome } from './envelope-editor';
import {
  canEraseRange,
  clearQueued,
  discarded,
  findParameter,
  groupsFrom,
  headAccepted,
  headBack,
  headRefused,
  headSent,
  resumed,
  shapeFrom,
  strokeCancelled,
  strokeEnded,
  strokeMoved,
  strokeStarted,
  type EnvelopeEditorContext,
  type EnvelopeTool,
} from './envelope-editor-model';
import { effects } from './effects';
import { asBoolean, refTarget, withReceived } from './observe-invoke';
import {
  errorCode,
  errorMessage,
  isGone,
  rememberedError,
  retriedLater,
  retryDelay,
  type ErrorParams,
} from './retry-cycle';
import { backoffDelay } from '../common/backoff';

/** While nothing is drawn, Live's envelope is read again this often (ms): Live tells no one of edits made in it. */
export const IDLE_READ_MS = 2500;
/** How many values the value axis names (min, quarters, max). */
export const AXIS_STEPS = 4;

const CLIP: EnvelopeEditorInput = { clip: '' };

const head = (context: EnvelopeEditorContext) => context.edits[0];

/** How a request's failure is taken: held until Live is back, the object gone, or refused. */
export function failureKind(error: unknown): 'offline' | 'gone' | 'refused' {
  const code = errorCode(error);
  if (code === 'unavailable' || code === 'timeout') return 'offline';
  return code === 'gone' ? 'gone' : 'refused';
}

/** The guard `offline`: the request went nowhere (Live away, or no answer in time). */
function isOffline(_: unknown, params: ErrorParams): boolean {
  return failureKind(params.error) === 'offline';
}

/** The envelope editor's setup: `envelopeEditorSetup.createMachine(...)` is the machine. */
export const envelopeEditorSetup = setup({
  types: {
    context: {} as EnvelopeEditorContext,
    input: CLIP,
    events: {} as EnvelopeEditorEvent | EnvelopeEditorOutcome,
    children: {} as {
      locate: 'get';
      list: 'envelope';
      read: 'envelope';
      send: 'envelope';
      step: 'call';
      history: 'read';
      undo: 'call';
      label0: 'call';
      label1: 'call';
      label2: 'call';
      label3: 'call';
      label4: 'call';
      display: 'display';
      frames: 'frames';
      liveStatus: 'liveStatus';
    },
  },
  actors: {
    get: effects.get,
    read: effects.read,
    call: effects.call,
    envelope: effects.envelope,
    observe: effects.observe,
    display: effects.display,
    liveStatus: effects.liveStatus,
    frames: effects.frames,
  },
  guards: {
    isGone,
    chosen: ({ context }) => context.parameter !== null,
    canSend: ({ context }) => context.usable && context.located && context.edits.length > 0,
    cannotSend: ({ context }) => !context.usable || !context.located || context.edits.length === 0,
    headIsStep: ({ context }) => {
      const first = head(context);
      return first?.kind === 'begin' || first?.kind === 'end';
    },
    /** Nothing drawn waits and no finger draws: a reading now shows Live's envelope as it is. */
    readNow: ({ context }) => context.readAgain && context.stroke === null,
    free: ({ context }) => context.stroke === null,
    /** No finger draws, and the envelope was read (a stroke is drawn on it). */
    canDraw: ({ context }) => context.stroke === null && context.shape !== null,
    drawing: ({ context }) => context.stroke !== null,
    canUndo: ({ context }) => context.stroke === null && context.canUndo,
    canRedo: ({ context }) => context.stroke === null && context.canRedo,
    offline: isOffline,
    quantized: ({ context }) => context.parameter?.quantized === true,
  },
  actions: {
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
    storeLocation: assign(({ context }, params: { ref: JsonValue }) => {
      const target = refTarget(params.ref);
      const path =
        typeof params.ref === 'object' && params.ref !== null && !Array.isArray(params.ref) ? params.ref.path : null;
      return { clip: target ?? context.clip, path: typeof path === 'string' ? path : context.path, located: true };
    }),
    storeGroups: assign(({ context }, params: { output: JsonValue }) => {
      const groups = groupsFrom(params.output);
      if (groups === null) return {};
      // in a new Live the chosen parameter has a new id: found again by its path
      const parameter = context.parameter && findParameter(groups, { path: context.parameter.path });
      return { groups, parameter: parameter ?? context.parameter, error: null, retries: 0 };
    }),
    choose: assign(({ context }, params: { target: string }) => {
      const parameter = findParameter(context.groups, { target: params.target });
      if (parameter === null || parameter.target === context.parameter?.target) return {};
      const axis = parameter.quantized
        ? parameter.items.map((text, index) => ({ value: parameter.min + index, text }))
        : [];
      return { parameter, shape: null, liveValue: null, readout: null, axis, refused: [], readAgain: false };
    }),
    storeShape: assign(({ context }, params: { output: JsonValue }) => {
      // a write Live took after this reading began is not in it: read again
      if (context.accepts !== context.readAccepts) return { readAgain: true };
      const shape = context.parameter && shapeFrom(params.output, context.parameter);
      return shape ? { shape, error: null, retries: 0 } : {};
    }),
    startRead: assign(({ context }) => ({ readAgain: false, readAccepts: context.accepts })),
    readAgain: assign({ readAgain: true }),
    /**
     * The script's `envelope_revision` grew (a write, an erase, an undo from any tablet) or Live's
     * `has_envelopes` changed: read again (not for an observation's first value: the reading has it).
     */
    noteChange: assign(({ context }, params: { key: string }) =>
      context.heard.includes(params.key) ? { readAgain: true } : { heard: withReceived(context.heard, params.key) },
    ),
    forgetHeard: assign({ heard: [] }),
    storeLiveValue: assign((_, params: { value: JsonValue }) => ({
      liveValue: typeof params.value === 'number' ? params.value : null,
    })),
    storeSelected: assign((_, params: { value: JsonValue }) => ({ selected: refTarget(params.value) })),
    storeLabel: assign(({ context }, params: { index: number; output: JsonValue }) => {
      const parameter = context.parameter;
      if (parameter === null || typeof params.output !== 'string') return {};
      const value = parameter.min + ((parameter.max - parameter.min) * params.index) / AXIS_STEPS;
      const axis = [...context.axis.filter((label) => label.value !== value), { value, text: params.output }];
      return { axis: axis.sort((a, b) => a.value - b.value) };
    }),
    storeReadout: assign((_, params: { text: string }) => ({ readout: params.text })),
    askReadout: sendTo('display', (_, params: { value: number }) => ({
      type: 'display.value' as const,
      value: params.value,
    })),
    startStroke: assign(({ context }, params: { tool: EnvelopeTool; beat: number; value: number }) =>
      strokeStarted(context, params.tool, params),
    ),
    moveStroke: assign(({ context }, params: { beat: number; value: number }) => strokeMoved(context, params)),
    endStroke: assign(({ context }) => ({ ...strokeEnded(context, canEraseRange(context)), readout: null })),
    cancelStroke: assign(({ context }) => ({ ...strokeCancelled(context, canEraseRange(context)), readout: null })),
    clear: assign(({ context }) => clearQueued(context)),
    markSent: assign(({ context }) => headSent(context)),
    accept: enqueueActions(({ context, enqueue }) => {
      const update = headAccepted(context);
      enqueue.assign(update);
      // Live's history changed with the stroke's last request: ask again whether it can undo and redo
      if (update.edits?.length === 0) enqueue.raise({ type: 'history.refresh' });
    }),
    refuse: assign(({ context }, params: ErrorParams) =>
      headRefused(context, errorMessage(params.error), failureKind(params.error) === 'gone'),
    ),
    holdBack: assign(({ context }) => headBack(context)),
    resume: assign(({ context }) =>
      context.usable ? { linkUp: true } : { ...resumed(context), usable: true, linkUp: true, resends: 0 },
    ),
    goUnusable: assign({ usable: false, linkUp: false }),
    tryAgain: assign(({ context }) =>
      context.linkUp ? { ...resumed(context), usable: true, resends: context.resends + 1 } : {},
    ),
    rememberEpoch: assign(({ context }, params: { epoch: number }) => ({ epoch: context.epoch ?? params.epoch })),
    /** A new Live: ids mean nothing now; the clip and the parameter are found again by their paths. */
    relocate: assign((_, params: { epoch: number }) => ({ epoch: params.epoch, located: false, readAgain: true })),
    storeHistory: assign((_, params: { values: Record<string, JsonValue> }) => ({
      canUndo: asBoolean(params.values.can_undo ?? false),
      canRedo: asBoolean(params.values.can_redo ?? false),
    })),
    refreshHistory: enqueueActions(({ enqueue }) => enqueue.raise({ type: 'history.refresh' })),
    raiseRelocate: enqueueActions(({ enqueue }) => enqueue.raise({ type: 'clip.relocate' })),
    dismiss: assign({ notice: null, refused: [] }),
    discard: assign(({ context }) => discarded(context)),
    setGrid: assign((_, params: { grid: number | null }) => ({ grid: params.grid })),
    setRange: assign(({ context }, params: { start: number; end: number }) => {
      const start = Math.max(0, Math.min(params.start, params.end));
      const end = Math.max(start + 1 / 32, params.start, params.end);
      if (start === context.range.start && end === context.range.end) return {};
      // a reading on its way is of the old range: read again after it
      return { range: { start, end }, readAgain: context.parameter !== null };
    }),
  },
  delays: {
    idleRead: IDLE_READ_MS,
    retryDelay,
    resendDelay: ({ context }) => backoffDelay(context.resends, { firstMs: 1000, maxMs: 10_000, jitter: 0 }),
  },
});
