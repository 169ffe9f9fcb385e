/**
 * The envelope lane, its toolbar and the parameter picker on an envelope
 * editor actor: what they show (Live's envelope with the strokes in flight
 * applied and marked, the parameter's range and live value, what the clip
 * can automate with the touched parameters first) and the intents a finger
 * makes, as the editor's events. The shown envelope is worked out again only
 * when the editor's layers change, not on every snapshot.
 */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { EnvelopeEditorEvent } from '../../machines/envelope-editor';
import {
  canEraseRange,
  eraseWhyNot,
  pendingShown,
  pointsShown,
  strokesWaiting,
  type EnvelopeEditorContext,
} from '../../machines/envelope-editor-model';
import type { ProvidedEnvelopeEditor } from '../../machines/provide-clip-editor';
import type { AutomatableGroup } from '../../protocol/src/index';
import type {
  AxisLabel,
  EnvelopeIntent,
  EnvelopePoint,
  LaneParameter,
  PendingRange,
  PickerEntry,
  PickerGroup,
  StrokePreview,
} from '../widgets/envelope/envelope-types';
import { sameView } from './same';

/** An envelope editor actor. */
export type EnvelopeEditorActor = ActorRefFrom<ProvidedEnvelopeEditor>;
type Snapshot = SnapshotFrom<ProvidedEnvelopeEditor>;

/** What the editor is doing, as the page shows it. */
export type EnvelopeEditorState = 'loading' | 'unchosen' | 'reading' | 'ready' | 'failed' | 'gone';

/** What the lane, its toolbar and the picker show of the editor. */
export interface EnvelopeEditorView {
  state: EnvelopeEditorState;
  /** The chosen parameter's target, or null. */
  chosen: string | null;
  parameter: LaneParameter | null;
  exists: boolean;
  points: readonly EnvelopePoint[];
  pending: readonly PendingRange[];
  preview: StrokePreview | null;
  axis: readonly AxisLabel[];
  liveValue: number | null;
  readout: string | null;
  groups: readonly PickerGroup[];
  /** What the clip can automate, as Live listed it (null until listed). */
  automatable: readonly AutomatableGroup[] | null;
  /** Live's selected parameter (`song.view.selected_parameter`), when the clip can automate it. */
  selected: PickerEntry | null;
  canUndo: boolean;
  canRedo: boolean;
  canErase: boolean;
  eraseWhyNot: string | null;
  /** Live cannot take strokes now: they wait (shown as such). */
  offline: boolean;
  /** How many strokes have not reached Live yet. */
  waiting: number;
  notice: string | null;
  grid: number | null;
}

export function envelopeEditorStateOf(snapshot: Snapshot): EnvelopeEditorState {
  // read again (another tablet's stroke, an undo, a look every few seconds): still ready, nothing flickers
  if (snapshot.hasTag('reading') && snapshot.context.shape !== null) return 'ready';
  for (const state of ['gone', 'failed', 'ready', 'reading', 'unchosen'] as const) {
    if (snapshot.hasTag(state)) return state;
  }
  return 'loading';
}

/** The picker's groups of what the clip can automate. */
export function pickerGroups(groups: readonly AutomatableGroup[] | null): PickerGroup[] {
  return (groups ?? []).map((group) => {
    const device = group.kind === 'mixer' ? 'Mixer' : group.path.join(' › ') || group.name;
    return {
      name: group.name,
      path: group.path,
      kind: group.kind,
      entries: group.parameters.map((parameter) => ({
        target: `id ${parameter.ref.$ref}`,
        name: parameter.name,
        device,
        automated: parameter.automated,
      })),
    };
  });
}

/** The picker entry of a parameter named by its id or its path, or null when the clip cannot automate it. */
export function entryOf(
  groups: readonly AutomatableGroup[] | null,
  target: string | null,
  why: PickerEntry['why'],
): PickerEntry | null {
  if (target === null) return null;
  for (const group of groups ?? []) {
    for (const parameter of group.parameters) {
      if (`id ${parameter.ref.$ref}` !== target && parameter.ref.path !== target) continue;
      const device = group.kind === 'mixer' ? 'Mixer' : group.path.join(' › ') || group.name;
      return { target: `id ${parameter.ref.$ref}`, name: parameter.name, device, automated: parameter.automated, why };
    }
  }
  return null;
}

function previewOf(context: EnvelopeEditorContext): StrokePreview | null {
  const stroke = context.stroke;
  if (stroke?.tool === 'ramp') return { kind: 'ramp', from: stroke.from, to: stroke.last };
  if (stroke?.tool === 'erase') {
    return {
      kind: 'erase',
      start: Math.min(stroke.from.beat, stroke.last.beat),
      end: Math.max(stroke.from.beat, stroke.last.beat),
    };
  }
  return null;
}

type Layers = Pick<
  EnvelopeEditorContext,
  'shape' | 'edits' | 'parameter' | 'usable' | 'refused' | 'liveValue' | 'range'
>;

/** The envelope as the lane draws it, for one set of layers (the last one is kept: the selector runs often). */
function shownOf(): (layers: Layers) => { exists: boolean; points: EnvelopePoint[]; pending: PendingRange[] } {
  let last: { layers: Layers; shown: { exists: boolean; points: EnvelopePoint[]; pending: PendingRange[] } } | null =
    null;
  return (layers) => {
    if (last && (Object.keys(layers) as (keyof Layers)[]).every((key) => Object.is(last?.layers[key], layers[key]))) {
      return last.shown;
    }
    const shown = { ...pointsShown(layers), pending: pendingShown(layers) };
    last = { layers, shown };
    return shown;
  };
}

/** The selector `useEnvelopeEditor` uses (one per editor: it keeps the last envelope it worked out). */
export function envelopeEditorViewOf(): (snapshot: Snapshot) => EnvelopeEditorView {
  const shown = shownOf();
  let lastGroups: { from: readonly AutomatableGroup[] | null; groups: PickerGroup[] } | null = null;
  let lastParameter: { from: EnvelopeEditorContext['parameter']; parameter: LaneParameter | null } | null = null;
  return (snapshot) => {
    const { context } = snapshot;
    if (lastGroups?.from !== context.groups)
      lastGroups = { from: context.groups, groups: pickerGroups(context.groups) };
    if (lastParameter?.from !== context.parameter) {
      const chosen = context.parameter;
      lastParameter = {
        from: chosen,
        parameter: chosen && {
          name: chosen.name,
          device: chosen.device,
          min: chosen.min,
          max: chosen.max,
          quantized: chosen.quantized,
          items: chosen.items,
        },
      };
    }
    const { exists, points, pending } = shown(context);
    const state = envelopeEditorStateOf(snapshot);
    return {
      state,
      chosen: context.parameter?.target ?? null,
      parameter: lastParameter.parameter,
      exists,
      points,
      pending,
      preview: previewOf(context),
      axis: context.axis,
      liveValue: context.liveValue,
      readout: context.stroke ? context.readout : null,
      groups: lastGroups.groups,
      automatable: context.groups,
      selected: entryOf(context.groups, context.selected, 'selected in Live'),
      canUndo: context.canUndo && context.stroke === null,
      canRedo: context.canRedo && context.stroke === null,
      canErase: canEraseRange(context),
      eraseWhyNot: eraseWhyNot(context),
      offline: !context.usable,
      waiting: strokesWaiting(context),
      notice: context.notice ?? (state === 'failed' ? (context.error?.message ?? null) : null),
      grid: context.grid,
    };
  };
}

/** The editor's event for a finger's intent on the lane. */
export function envelopeIntentEvent(intent: EnvelopeIntent): EnvelopeEditorEvent {
  switch (intent.type) {
    case 'start':
      return { type: 'ui.stroke.start', tool: intent.tool, beat: intent.beat, value: intent.value };
    case 'move':
      return { type: 'ui.stroke.move', beat: intent.beat, value: intent.value };
    case 'end':
      return { type: 'ui.stroke.end' };
    case 'cancel':
      return { type: 'ui.stroke.cancel' };
    default:
      return intent satisfies never;
  }
}

/** What the lane, the toolbar and the picker send. */
export interface EnvelopeEditorCommands {
  onIntent: (intent: EnvelopeIntent) => void;
  onChoose: (target: string) => void;
  onRange: (start: number, end: number) => void;
  onGrid: (grid: number | null) => void;
  onClear: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onRelist: () => void;
  onRetry: () => void;
  onDismiss: () => void;
  onDiscard: () => void;
}

export function envelopeEditorCommands(actor: EnvelopeEditorActor): EnvelopeEditorCommands {
  return {
    onIntent: (intent) => actor.send(envelopeIntentEvent(intent)),
    onChoose: (target) => actor.send({ type: 'ui.choose', target }),
    onRange: (start, end) => actor.send({ type: 'ui.range', start, end }),
    onGrid: (grid) => actor.send({ type: 'ui.grid', grid }),
    onClear: () => actor.send({ type: 'ui.clear' }),
    onUndo: () => actor.send({ type: 'ui.undo' }),
    onRedo: () => actor.send({ type: 'ui.redo' }),
    onRelist: () => actor.send({ type: 'ui.relist' }),
    onRetry: () => actor.send({ type: 'ui.retry' }),
    onDismiss: () => actor.send({ type: 'ui.dismiss' }),
    onDiscard: () => actor.send({ type: 'ui.discard' }),
  };
}

/**
 * The touched parameters the picker offers first: the one last moved on this
 * tablet, then the one selected in Live, each only when the clip can automate it.
 */
export function touchedEntries(
  automatable: readonly AutomatableGroup[] | null,
  moved: string | null,
  selected: PickerEntry | null,
): PickerEntry[] {
  const entries: PickerEntry[] = [];
  const here = entryOf(automatable, moved, 'moved here');
  if (here) entries.push(here);
  if (selected && selected.target !== here?.target) entries.push(selected);
  return entries;
}

/** The lane's, toolbar's and picker's props from an envelope editor actor; `moved` is the parameter last moved here. */
export function useEnvelopeEditor(
  actor: EnvelopeEditorActor,
  moved: string | null = null,
): EnvelopeEditorView & EnvelopeEditorCommands & { touched: readonly PickerEntry[] } {
  const select = useMemo(() => envelopeEditorViewOf(), []);
  const view = useSelector(actor, select, sameView);
  const commands = useMemo(() => envelopeEditorCommands(actor), [actor]);
  const { automatable, selected } = view;
  const touched = useMemo(() => touchedEntries(automatable, moved, selected), [automatable, moved, selected]);
  return { ...view, ...commands, touched };
}
