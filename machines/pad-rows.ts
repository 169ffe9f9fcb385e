/**
 * The rows of a Drum Rack's clip in the editor: the rack's pads that hold
 * something (a chain), low to high, with Live's names, as Live's fold shows
 * them. Read once (`ui.retry` reads again).
 *
 * States: loading {pads, names, notes, chains}, ready, failed (retries with
 * backoff, or at once on `ui.retry`), gone. Events: `ui.retry`.
 */
import { assign, setup, type DoneActorEvent, type ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects } from './effects';
import { asNumber, asString, refTarget } from './observe-invoke';
import {
  failedState,
  goneOrFailed,
  isGone,
  rememberedError,
  retriedLater,
  retryDelay,
  type ErrorParams,
  type Failure,
} from './retry-cycle';

/** A pad as a row: its note and its name in Live. */
export interface PadRow {
  note: number;
  name: string;
}

export interface PadRowsInput {
  /** The Drum Rack's target. */
  rack: string;
}

export interface PadRowsContext {
  rack: string;
  /** The rack's pads (all 128), then the rows of those with a chain. */
  pads: string[];
  rows: PadRow[];
  error: Failure | null;
  retries: number;
}

type Outcome =
  | DoneActorEvent<JsonValue, 'pads'>
  | DoneActorEvent<JsonValue[], 'names' | 'notes' | 'chains'>
  | ErrorActorEvent<unknown, 'pads' | 'names' | 'notes' | 'chains'>;

/** The rows: pads with a chain, low to high. */
export function padRowsOf(
  names: readonly JsonValue[],
  notes: readonly JsonValue[],
  chains: readonly JsonValue[],
): PadRow[] {
  return names
    .map((name, index) => ({
      name: asString(name),
      note: asNumber(notes[index] ?? null, -1),
      filled: Array.isArray(chains[index]) && chains[index].length > 0,
    }))
    .filter((pad) => pad.filled && pad.note >= 0)
    .map(({ name, note }) => ({ name, note }))
    .sort((a, b) => a.note - b.note);
}

/** A rack: the input's type for setup. */
const A_RACK: PadRowsInput = { rack: '' };

const readEachOf =
  (prop: string) =>
  ({ context }: { context: PadRowsContext }) => ({ targets: context.pads, prop });

/** The pad rows machine (see the file's doc). */
export const padRowsMachine = setup({
  types: {
    context: {} as PadRowsContext,
    input: A_RACK,
    events: {} as { type: 'ui.retry' } | Outcome,
    children: {} as { pads: 'get'; names: 'readEach'; notes: 'readEach'; chains: 'readEach' },
  },
  actors: { get: effects.get, readEach: effects.readEach },
  guards: { isGone },
  actions: {
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
  },
  delays: { retryDelay },
}).createMachine({
  id: 'padRows',
  context: ({ input }) => ({ rack: input.rack, pads: [], rows: [], error: null, retries: 0 }),
  initial: 'loading',
  states: {
    loading: {
      tags: ['loading'],
      initial: 'pads',
      states: {
        pads: {
          invoke: {
            id: 'pads',
            src: 'get',
            input: ({ context }) => ({ target: context.rack, prop: 'drum_pads' }),
            onDone: {
              target: 'names',
              actions: assign({
                pads: ({ event }) =>
                  Array.isArray(event.output) ? event.output.map(refTarget).filter((t): t is string => t !== null) : [],
              }),
            },
            onError: goneOrFailed('#padRows.gone', '#padRows.failed'),
          },
        },
        // three reads, one after the other: each is one frame of requests for every pad
        names: {
          invoke: {
            id: 'names',
            src: 'readEach',
            input: readEachOf('name'),
            onDone: {
              target: 'notes',
              actions: assign({
                rows: ({ event }) => event.output.map((name) => ({ name: asString(name), note: -1 })),
              }),
            },
            onError: goneOrFailed('#padRows.gone', '#padRows.failed'),
          },
        },
        notes: {
          invoke: {
            id: 'notes',
            src: 'readEach',
            input: readEachOf('note'),
            onDone: {
              target: 'chains',
              actions: assign({
                rows: ({ context, event }) =>
                  context.rows.map((row, index) => ({ ...row, note: asNumber(event.output[index] ?? null, -1) })),
              }),
            },
            onError: goneOrFailed('#padRows.gone', '#padRows.failed'),
          },
        },
        chains: {
          invoke: {
            id: 'chains',
            src: 'readEach',
            input: readEachOf('chains'),
            onDone: {
              target: '#padRows.ready',
              actions: assign({
                rows: ({ context, event }) =>
                  padRowsOf(
                    context.rows.map((row) => row.name),
                    context.rows.map((row) => row.note),
                    event.output,
                  ),
                retries: 0,
              }),
            },
            onError: goneOrFailed('#padRows.gone', '#padRows.failed'),
          },
        },
      },
    },
    // read once: a pad filled later shows when the clip is opened again (its notes show meanwhile: see the page)
    ready: { tags: ['ready'], on: { 'ui.retry': 'loading' } },
    failed: failedState('#padRows.loading'),
    gone: { tags: ['gone'] },
  },
});

export type PadRowsMachine = typeof padRowsMachine;
