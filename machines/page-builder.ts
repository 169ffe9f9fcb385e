/**
 * A musician building a page on the tablet: adding widgets to the grid,
 * moving and resizing them, binding each by "learn" (the parameter, or
 * track, then selected in Live) or by picking it in the object browser, and
 * saving the page on the bridge, where every tablet gets it.
 *
 * States: editing {idle, learning {first, waiting, watching}, naming},
 * saving, deleting, done (final; its output says what became of the page).
 * Learning observes Live's `selected_parameter` (or `selected_track`): a
 * change is the musician's choice; so is moving the parameter that was
 * already selected (Live selects what is clicked, so a moved one is
 * selected). Naming reads the names along the chosen path, so the binding
 * follows its track and device by name. A save is refused with `conflict`
 * when another tablet changed the page since it was opened: the draft stays,
 * and the musician is told.
 */
import { assign, setup, type DoneActorEvent, type ErrorActorEvent } from 'xstate';
import type { JsonValue, LiveRef } from '../protocol/src/index';
import {
  PAGE_LIMITS,
  pageNameOf,
  type ParameterBinding,
  type PageWidget,
  type SavedPage,
  type TrackScope,
  type WidgetKind,
} from '../protocol/src/pages';
import { bindingFromPath, namedParts, trackFromPath } from '../ui/builder/bindings';
import { clampMove, clampSize, firstFree, fits, START_SIZE, type Box } from '../ui/builder/grid';
import { effects, type LiveValue } from './effects';
import { errorMessage } from './retry-cycle';

/** Where a widget is bound: its parameter, an XY pad's two, or a track. */
export type BindingSlot = 'parameter' | 'x' | 'y' | 'track';

export interface PageBuilderInput {
  /** The page's name on the bridge, null for a new page. */
  name: string | null;
  /** The version of the page this draft starts from (null for a new page). */
  revision: string | null;
  page: SavedPage;
  /** Names of the other saved pages: a new page is not saved over one of them. */
  taken: readonly string[];
}

export interface PageBuilderContext extends PageBuilderInput {
  draft: SavedPage;
  selected: string | null;
  learning: { widget: string; slot: BindingSlot } | null;
  /** During learning: the parameter already selected when it began (moving it binds it). */
  current: LiveRef | null;
  /** Whether the current parameter's first value (not a move) has been heard. */
  currentHeard: boolean;
  /** The path chosen, while its names are read. */
  chosen: string | null;
  /** What went wrong last (a save refused, a path that is not a parameter). */
  error: string | null;
  /** What became of the page, once the builder is done. */
  outcome: PageBuilderOutput;
}

export type PageBuilderEvent =
  | { type: 'ui.add'; kind: WidgetKind }
  | { type: 'ui.select'; id: string | null }
  | { type: 'ui.move'; id: string; x: number; y: number }
  | { type: 'ui.resize'; id: string; w: number; h: number }
  | { type: 'ui.remove'; id: string }
  | { type: 'ui.label'; id: string; label: string }
  | { type: 'ui.title'; title: string }
  | { type: 'ui.learn'; slot: BindingSlot }
  | { type: 'ui.learn.cancel' }
  /** A path picked in the object browser (a parameter, or a track for a track's widget). */
  | { type: 'ui.pick'; slot: BindingSlot; path: string }
  | { type: 'ui.track'; track: TrackScope }
  | { type: 'ui.unbind'; slot: BindingSlot }
  | { type: 'ui.save' }
  | { type: 'ui.delete' }
  | { type: 'ui.close' }
  | LiveValue;

export type PageBuilderOutput =
  { outcome: 'saved'; name: string; revision: string } | { outcome: 'deleted' } | { outcome: 'closed' };

type Outcome =
  | DoneActorEvent<JsonValue, 'save'>
  | ErrorActorEvent<unknown, 'save'>
  | DoneActorEvent<JsonValue, 'remove'>
  | ErrorActorEvent<unknown, 'remove'>
  | DoneActorEvent<JsonValue[], 'names'>
  | ErrorActorEvent<unknown, 'names'>;

/** The slots a kind of widget binds. */
export const SLOTS: Record<WidgetKind, readonly BindingSlot[]> = {
  knob: ['parameter'],
  fader: ['parameter'],
  button: ['parameter'],
  display: ['parameter'],
  xy: ['x', 'y'],
  meter: ['track'],
  keys: ['track'],
  pads: ['track'],
};

/** A new widget of `kind` at `box`, unbound, with the first free id. */
function newWidget(kind: WidgetKind, box: Box, widgets: readonly PageWidget[]): PageWidget {
  const ids = new Set(widgets.map((widget) => widget.id));
  let number = widgets.length + 1;
  while (ids.has(`w${number}`)) number += 1;
  const common = { id: `w${number}`, ...box };
  if (kind === 'xy') return { kind, x_parameter: null, y_parameter: null, ...common };
  if (kind === 'meter' || kind === 'keys' || kind === 'pads') return { kind, track: null, ...common };
  return { kind, parameter: null, ...common };
}

const isRef = (value: JsonValue): value is LiveRef =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof value.$ref === 'number' &&
  typeof value.type === 'string' &&
  (typeof value.path === 'string' || value.path === null);

/** What a slot is bound to: a parameter (a parameter widget's, an XY pad's x or y), or a track. */
export type SlotBinding =
  { slot: 'parameter' | 'x' | 'y'; parameter: ParameterBinding | null } | { slot: 'track'; track: TrackScope | null };

/** `widget` with `binding` in its slot (a slot the widget does not have leaves it as it is). */
function bound(widget: PageWidget, binding: SlotBinding): PageWidget {
  switch (widget.kind) {
    case 'xy':
      if (binding.slot === 'x') return { ...widget, x_parameter: binding.parameter };
      if (binding.slot === 'y') return { ...widget, y_parameter: binding.parameter };
      return widget;
    case 'meter':
    case 'keys':
    case 'pads':
      return binding.slot === 'track' ? { ...widget, track: binding.track } : widget;
    default:
      return binding.slot === 'parameter' ? { ...widget, parameter: binding.parameter } : widget;
  }
}

/** Nothing in `slot`. */
const unboundSlot = (slot: BindingSlot): SlotBinding =>
  slot === 'track' ? { slot, track: null } : { slot, parameter: null };

const withWidget = (page: SavedPage, id: string, change: (widget: PageWidget) => PageWidget): SavedPage => ({
  ...page,
  widgets: page.widgets.map((widget) => (widget.id === id ? change(widget) : widget)),
});

/** The name a new page is saved under: from its title, not one of the taken ones. */
export function freeName(title: string, taken: readonly string[]): string {
  const base = pageNameOf(title);
  if (!taken.includes(base)) return base;
  let number = 2;
  while (taken.includes(`${base}-${number}`)) number += 1;
  return `${base}-${number}`;
}

/** The name-bearing paths along `path`, for the `names` read (a track's widget: the track alone). */
export function namesToRead(slot: BindingSlot, path: string): string[] {
  if (slot === 'track') return [path];
  const parts = namedParts(path);
  return [parts.track, parts.device, parts.parameter].filter((part): part is string => part !== null);
}

/** The binding `path` gives at `slot`, named by `names` (read in `namesToRead`'s order; empty when unread). */
export function bindingOf(slot: BindingSlot, path: string, names: readonly JsonValue[]): SlotBinding | null {
  const text = (value: JsonValue | undefined): string | null => (typeof value === 'string' ? value : null);
  if (slot === 'track') {
    const track = trackFromPath(path, text(names[0]));
    return track === null ? null : { slot, track };
  }
  const parts = namedParts(path);
  const read = [parts.track, parts.device, parts.parameter].filter((part): part is string => part !== null);
  const nameOf = (part: string | null): string | null => (part === null ? null : text(names[read.indexOf(part)]));
  const parameter = bindingFromPath(path, {
    track: nameOf(parts.track),
    device: nameOf(parts.device),
    parameter: nameOf(parts.parameter),
  });
  return { slot, parameter };
}

/** Where the draft is saved: its own name, or a new one from its title. */
const saveName = (context: PageBuilderContext): string => context.name ?? freeName(context.draft.title, context.taken);

export const pageBuilderMachine = setup({
  types: {
    input: {} as PageBuilderInput,
    context: {} as PageBuilderContext,
    events: {} as PageBuilderEvent | Outcome,
    output: {} as PageBuilderOutput,
  },
  actors: { observe: effects.observe, readEach: effects.readEach, pages: effects.pages },
  guards: {
    hasName: ({ context }) => context.name !== null,
    titled: ({ context }) => context.draft.title.trim() !== '',
    learningTrack: ({ context }) => context.learning?.slot === 'track',
  },
  actions: {
    add: assign(({ context }, params: { kind: WidgetKind }) => {
      const { widgets } = context.draft;
      if (widgets.length >= PAGE_LIMITS.maxWidgets)
        return { error: `A page holds at most ${PAGE_LIMITS.maxWidgets} widgets` };
      const box = firstFree(widgets, START_SIZE[params.kind]);
      if (box === null) return { error: 'The page is full: make room, or remove a widget' };
      const widget = newWidget(params.kind, box, widgets);
      return { draft: { ...context.draft, widgets: [...widgets, widget] }, selected: widget.id, error: null };
    }),
    select: assign((_, params: { id: string | null }) => ({ selected: params.id })),
    move: assign(({ context }, params: { id: string; x: number; y: number }) => {
      const widget = context.draft.widgets.find((each) => each.id === params.id);
      if (!widget) return {};
      const box = clampMove({ x: params.x, y: params.y, w: widget.w, h: widget.h });
      if (!fits(context.draft.widgets, box, widget.id)) return {};
      return { draft: withWidget(context.draft, widget.id, (each) => ({ ...each, x: box.x, y: box.y })) };
    }),
    resize: assign(({ context }, params: { id: string; w: number; h: number }) => {
      const widget = context.draft.widgets.find((each) => each.id === params.id);
      if (!widget) return {};
      const box = clampSize(widget.kind, { x: widget.x, y: widget.y, w: params.w, h: params.h });
      if (!fits(context.draft.widgets, box, widget.id)) return {};
      return { draft: withWidget(context.draft, widget.id, (each) => ({ ...each, w: box.w, h: box.h })) };
    }),
    remove: assign(({ context }, params: { id: string }) => ({
      draft: { ...context.draft, widgets: context.draft.widgets.filter((widget) => widget.id !== params.id) },
      selected: context.selected === params.id ? null : context.selected,
    })),
    label: assign(({ context }, params: { id: string; label: string }) => {
      const label = params.label.slice(0, PAGE_LIMITS.maxTitle);
      return {
        // an empty label is no label: the widget shows the name Live gives
        draft: withWidget(context.draft, params.id, (widget) => ({
          ...widget,
          label: label.trim() === '' ? undefined : label,
        })),
      };
    }),
    title: assign(({ context }, params: { title: string }) => ({
      draft: { ...context.draft, title: params.title.slice(0, PAGE_LIMITS.maxTitle) },
    })),
    startLearning: assign(({ context }, params: { slot: BindingSlot }) => ({
      learning: context.selected === null ? null : { widget: context.selected, slot: params.slot },
      current: null,
      currentHeard: false,
      chosen: null,
      error: null,
    })),
    stopLearning: assign({ learning: null, current: null, currentHeard: false }),
    holdCurrent: assign((_, params: { value: JsonValue }) => ({ current: isRef(params.value) ? params.value : null })),
    heardCurrent: assign({ currentHeard: true }),
    choose: assign((_, params: { path: string }) => ({ chosen: params.path })),
    pick: assign(({ context }, params: { slot: BindingSlot; path: string }) => ({
      learning: context.selected === null ? null : { widget: context.selected, slot: params.slot },
      chosen: params.path,
      error: null,
    })),
    bindChosen: assign(({ context }, params: { names: readonly JsonValue[] }) => {
      const { learning, chosen } = context;
      if (learning === null || chosen === null) return { chosen: null };
      let binding: SlotBinding | null;
      try {
        binding = bindingOf(learning.slot, chosen, params.names);
      } catch (error) {
        return { chosen: null, learning: null, error: `Cannot bind ${chosen}: ${errorMessage(error)}` };
      }
      if (binding === null)
        return { chosen: null, learning: null, error: `${chosen} is not a track of the set: choose a track` };
      return {
        draft: withWidget(context.draft, learning.widget, (widget) => bound(widget, binding)),
        chosen: null,
        learning: null,
      };
    }),
    bindTrack: assign(({ context }, params: { track: TrackScope }) =>
      context.selected === null
        ? {}
        : {
            draft: withWidget(context.draft, context.selected, (widget) =>
              bound(widget, { slot: 'track', track: params.track }),
            ),
          },
    ),
    unbind: assign(({ context }, params: { slot: BindingSlot }) =>
      context.selected === null
        ? {}
        : { draft: withWidget(context.draft, context.selected, (widget) => bound(widget, unboundSlot(params.slot))) },
    ),
    saved: assign(({ context }, params: { output: JsonValue; name: string }) => {
      const output = params.output;
      const answer = typeof output === 'object' && output !== null && !Array.isArray(output) ? output : {};
      const name = typeof answer.name === 'string' ? answer.name : params.name;
      const revision = typeof answer.revision === 'string' ? answer.revision : (context.revision ?? '');
      return { name, revision, outcome: { outcome: 'saved' as const, name, revision } };
    }),
    deleted: assign({ outcome: { outcome: 'deleted' } }),
    fail: assign((_, params: { error: unknown; doing: string }) => ({
      error: `${params.doing}: ${errorMessage(params.error)}`,
    })),
    needTitle: assign({ error: 'Give the page a title before saving it' }),
  },
}).createMachine({
  id: 'pageBuilder',
  context: ({ input }) => ({
    ...input,
    draft: input.page,
    selected: null,
    learning: null,
    current: null,
    currentHeard: false,
    chosen: null,
    error: null,
    outcome: { outcome: 'closed' },
  }),
  initial: 'editing',
  output: ({ context }) => context.outcome,
  states: {
    editing: {
      on: {
        'ui.add': { actions: { type: 'add', params: ({ event }) => ({ kind: event.kind }) } },
        'ui.select': { actions: { type: 'select', params: ({ event }) => ({ id: event.id }) } },
        'ui.move': { actions: { type: 'move', params: ({ event }) => event } },
        'ui.resize': { actions: { type: 'resize', params: ({ event }) => event } },
        'ui.remove': { actions: { type: 'remove', params: ({ event }) => ({ id: event.id }) } },
        'ui.label': { actions: { type: 'label', params: ({ event }) => event } },
        'ui.title': { actions: { type: 'title', params: ({ event }) => ({ title: event.title }) } },
        'ui.learn': {
          guard: ({ context }) => context.selected !== null,
          target: '.learning',
          reenter: true,
          actions: { type: 'startLearning', params: ({ event }) => ({ slot: event.slot }) },
        },
        'ui.pick': {
          guard: ({ context }) => context.selected !== null,
          target: '.naming',
          actions: { type: 'pick', params: ({ event }) => event },
        },
        'ui.track': {
          target: '.idle',
          actions: ['stopLearning', { type: 'bindTrack', params: ({ event }) => ({ track: event.track }) }],
        },
        'ui.unbind': { actions: { type: 'unbind', params: ({ event }) => ({ slot: event.slot }) } },
        'ui.save': [{ guard: 'titled', target: 'saving', actions: 'stopLearning' }, { actions: 'needTitle' }],
        'ui.delete': { guard: 'hasName', target: 'deleting', actions: 'stopLearning' },
        'ui.close': 'closed',
      },
      initial: 'idle',
      states: {
        idle: {},
        learning: {
          tags: ['learning'],
          invoke: {
            src: 'observe',
            input: ({ context }) => ({
              target: 'live_set view',
              prop: context.learning?.slot === 'track' ? 'selected_track' : 'selected_parameter',
              key: 'selection',
            }),
            onError: {
              target: 'idle',
              actions: [
                'stopLearning',
                {
                  type: 'fail',
                  params: ({ event }) => ({ error: event.error, doing: 'Cannot follow Live’s selection' }),
                },
              ],
            },
          },
          initial: 'first',
          states: {
            // what Live has selected as learning begins: not the musician's answer yet
            first: {
              on: {
                'live.value': [
                  {
                    guard: ({ event }) => event.key === 'selection' && isRef(event.value) && event.value.path !== null,
                    target: 'watching',
                    actions: { type: 'holdCurrent', params: ({ event }) => ({ value: event.value }) },
                  },
                  { guard: ({ event }) => event.key === 'selection', target: 'waiting' },
                ],
              },
            },
            waiting: {},
            // the parameter already selected: moving it in Live is choosing it
            watching: {
              invoke: {
                src: 'observe',
                input: ({ context }) => ({
                  target: context.current?.path ?? `id ${context.current?.$ref ?? 0}`,
                  prop: context.learning?.slot === 'track' ? 'name' : 'value',
                  key: 'current',
                }),
                onError: 'waiting',
              },
              on: {
                'live.value': [
                  {
                    guard: ({ context, event }) => event.key === 'current' && !context.currentHeard,
                    actions: 'heardCurrent',
                  },
                  {
                    guard: ({ context, event }) =>
                      event.key === 'current' && context.learning?.slot !== 'track' && context.current?.path != null,
                    target: '#pageBuilder.editing.naming',
                    actions: {
                      type: 'choose',
                      params: ({ context }) => ({ path: context.current?.path ?? '' }),
                    },
                  },
                ],
              },
            },
          },
          on: {
            'ui.learn.cancel': { target: 'idle', actions: 'stopLearning' },
            'live.value': {
              guard: ({ event }) => event.key === 'selection' && isRef(event.value) && event.value.path !== null,
              target: 'naming',
              actions: {
                type: 'choose',
                params: ({ event }) => ({ path: isRef(event.value) ? (event.value.path ?? '') : '' }),
              },
            },
          },
        },
        naming: {
          tags: ['learning'],
          invoke: {
            id: 'names',
            src: 'readEach',
            input: ({ context }) => ({
              targets: namesToRead(context.learning?.slot ?? 'parameter', context.chosen ?? ''),
              prop: 'name',
            }),
            onDone: {
              target: 'idle',
              actions: { type: 'bindChosen', params: ({ event }) => ({ names: event.output }) },
            },
            // no names (a device gone meanwhile): bound by places, which still says what it is
            onError: { target: 'idle', actions: { type: 'bindChosen', params: { names: [] } } },
          },
        },
      },
    },
    saving: {
      tags: ['busy'],
      invoke: {
        id: 'save',
        src: 'pages',
        input: ({ context }) => ({
          op: 'save_page' as const,
          name: saveName(context),
          revision: context.revision,
          page: context.draft,
        }),
        onDone: {
          target: 'done',
          actions: {
            type: 'saved',
            params: ({ context, event }) => ({ output: event.output, name: saveName(context) }),
          },
        },
        onError: {
          target: 'editing',
          actions: { type: 'fail', params: ({ event }) => ({ error: event.error, doing: 'Not saved' }) },
        },
      },
    },
    deleting: {
      tags: ['busy'],
      invoke: {
        id: 'remove',
        src: 'pages',
        input: ({ context }) => ({
          op: 'delete_page' as const,
          name: context.name ?? '',
          revision: context.revision ?? '',
        }),
        onDone: { target: 'deleted', actions: 'deleted' },
        onError: {
          target: 'editing',
          actions: { type: 'fail', params: ({ event }) => ({ error: event.error, doing: 'Not deleted' }) },
        },
      },
    },
    done: { type: 'final' },
    closed: { type: 'final' },
    deleted: { type: 'final' },
  },
});
