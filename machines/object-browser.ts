/**
 * A browser of Live's object model, to pick what a widget binds: from the
 * set down its tracks, devices, chains and mixers to a parameter (or, for a
 * track's widget, a track). Each object is read with `describe` (its
 * children and their types), and the items of its lists with their names,
 * so the musician sees "Bass › Saturator › Drive" rather than paths. Only
 * the children that lead to parameters are offered.
 *
 * States: describing, naming, showing, failed. Events: `ui.open` (an
 * entry, or a step of the trail back up), `ui.retry`.
 */
import { assign, setup, type DoneActorEvent, type ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects } from './effects';
import { errorMessage } from './retry-cycle';

/** What the browser picks: a parameter, or a track (for a meter, keyboard or pads). */
export type BrowseFor = 'parameter' | 'track';

export interface BrowserEntry {
  path: string;
  label: string;
  /** Live's type of it (`DeviceParameter`, `Track`, `MixerDevice`, ...). */
  type: string;
  /** Bind this one (a parameter, or a track when browsing for one). */
  pickable: boolean;
}

export interface ObjectBrowserContext {
  browseFor: BrowseFor;
  /** The object shown, and the way back to the set. */
  trail: { path: string; label: string }[];
  entries: BrowserEntry[];
  /** List items found by `describe`, waiting for their names. */
  unnamed: BrowserEntry[];
  error: string | null;
}

export type ObjectBrowserEvent = { type: 'ui.open'; path: string; label: string } | { type: 'ui.retry' };

type Outcome =
  | DoneActorEvent<JsonValue, 'describe'>
  | ErrorActorEvent<unknown, 'describe'>
  | DoneActorEvent<JsonValue[], 'names'>
  | ErrorActorEvent<unknown, 'names'>;

/** The children that lead to parameters (or to tracks), in the order they are offered. */
const TOWARD_PARAMETERS = [
  'tracks',
  'return_tracks',
  'master_track',
  'mixer_device',
  'volume',
  'panning',
  'sends',
  'crossfader',
  'cue_volume',
  'devices',
  'chains',
  'return_chains',
  'parameters',
] as const;

/** How a child that is one object reads. */
const OBJECT_LABELS: Record<string, string> = {
  master_track: 'Master',
  mixer_device: 'Mixer',
  volume: 'Volume',
  panning: 'Pan',
  crossfader: 'Crossfader',
  cue_volume: 'Cue volume',
};

const record = (value: JsonValue | undefined): Record<string, JsonValue> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;

/** The entries `describe` gives for `path`: its objects named now, its lists' items still to name. */
export function entriesOf(
  path: string,
  description: JsonValue,
  browseFor: BrowseFor,
): { named: BrowserEntry[]; unnamed: BrowserEntry[] } {
  const children = record(description)?.children;
  const wanted = browseFor === 'track' ? (['tracks'] as const) : TOWARD_PARAMETERS;
  const named: BrowserEntry[] = [];
  const unnamed: BrowserEntry[] = [];
  const listed = Array.isArray(children) ? children.map(record).filter((child) => child !== null) : [];
  for (const name of wanted) {
    const child = listed.find((each) => each.name === name);
    if (!child) continue;
    const type = typeof child.type === 'string' ? child.type : 'Object';
    const pickable = browseFor === 'track' ? type === 'Track' : type === 'DeviceParameter';
    if (child.kind === 'object' && child.count !== 0)
      named.push({ path: `${path} ${name}`, label: OBJECT_LABELS[name] ?? name, type, pickable });
    if (child.kind === 'list' && typeof child.count === 'number')
      for (let index = 0; index < child.count; index += 1)
        unnamed.push({ path: `${path} ${name} ${index}`, label: `${name} ${index + 1}`, type, pickable });
  }
  return { named, unnamed };
}

export const objectBrowserMachine = setup({
  types: {
    input: {} as { browseFor: BrowseFor },
    context: {} as ObjectBrowserContext,
    events: {} as ObjectBrowserEvent | Outcome,
  },
  actors: { describe: effects.describe, readEach: effects.readEach },
  actions: {
    open: assign(({ context }, params: { path: string; label: string }) => {
      const back = context.trail.findIndex((step) => step.path === params.path);
      const trail = back >= 0 ? context.trail.slice(0, back + 1) : [...context.trail, params];
      return { trail, entries: [], unnamed: [], error: null };
    }),
    described: assign(({ context }, params: { description: JsonValue }) => {
      const here = context.trail[context.trail.length - 1]?.path ?? 'live_set';
      const { named, unnamed } = entriesOf(here, params.description, context.browseFor);
      return { entries: named, unnamed };
    }),
    named: assign(({ context }, params: { names: readonly JsonValue[] }) => ({
      entries: [
        ...context.entries,
        ...context.unnamed.map((entry, index) => {
          const name = params.names[index];
          return typeof name === 'string' && name.trim() !== '' ? { ...entry, label: name } : entry;
        }),
      ],
      unnamed: [],
    })),
    fail: assign((_, params: { error: unknown }) => ({ error: errorMessage(params.error) })),
  },
}).createMachine({
  id: 'objectBrowser',
  context: ({ input }) => ({
    browseFor: input.browseFor,
    trail: [{ path: 'live_set', label: 'Set' }],
    entries: [],
    unnamed: [],
    error: null,
  }),
  on: {
    'ui.open': { target: '.describing', actions: { type: 'open', params: ({ event }) => event } },
  },
  initial: 'describing',
  states: {
    describing: {
      tags: ['loading'],
      invoke: {
        id: 'describe',
        src: 'describe',
        input: ({ context }) => ({ target: context.trail[context.trail.length - 1]?.path ?? 'live_set' }),
        onDone: {
          target: 'naming',
          actions: { type: 'described', params: ({ event }) => ({ description: event.output }) },
        },
        onError: { target: 'failed', actions: { type: 'fail', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    naming: {
      tags: ['loading'],
      always: { guard: ({ context }) => context.unnamed.length === 0, target: 'showing' },
      invoke: {
        id: 'names',
        src: 'readEach',
        input: ({ context }) => ({ targets: context.unnamed.map((entry) => entry.path), prop: 'name' }),
        onDone: { target: 'showing', actions: { type: 'named', params: ({ event }) => ({ names: event.output }) } },
        // items without names (one deleted meanwhile) still show, by their places
        onError: { target: 'showing', actions: { type: 'named', params: { names: [] } } },
      },
    },
    showing: {},
    failed: {
      on: { 'ui.retry': 'describing' },
    },
  },
});
