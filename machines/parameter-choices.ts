/**
 * What a track offers to bind a control to (the Play page's XY pad): its
 * mixer's volume and pan, and every parameter of each device in its chain
 * and in its racks' chains, racks in racks (`parameter-chain.ts` keeps the
 * walk), but "Device On", which is a switch. A device in a rack is titled by
 * where it sits ("Keys Rack › Tines › Operator"). Each choice carries its
 * path from the track (`devices 1 parameters 3`,
 * `devices 0 chains 1 devices 0 parameters 8`), so a page can save a choice
 * by path and find it again after a reload, and its target to bind a
 * parameter actor to.
 *
 * It observes the track's `devices` and, each time they change, walks the
 * chain a level of nesting at a time (which devices are racks, the racks'
 * chains and return chains, the chains' devices: one batch of reads each),
 * then reads every device's and chain's name in one batch, the parameter
 * lists in one, the parameters' names in one. Each list below the track is
 * observed as soon as it is read (a rack's `chains` and `return_chains`, a
 * chain's `devices`, children `watch.<key>`); one that changes reads it all
 * again, so a device dropped into a rack's chain shows up. The lists are
 * observed by one `observeMany` child (`listWatch`): it is told the set each
 * time the walk changes it. Names change rarely in Live; a device renamed
 * shows after the chain next changes.
 *
 * States: watching {waiting, reading {racks, chains, returnChains,
 * chainDevices, names, lists, parameterNames}, ready}, failed (retries with
 * backoff, or at once on `ui.retry`), gone (the track was deleted). Tags:
 * `loading` (waiting, reading), `ready`, `failed`, `gone`. Events:
 * `ui.retry`; `live.value` (the track's devices, or a list below it);
 * `live.failed` (a list's observation ended: its rack or chain was deleted).
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, type LiveFailed, type LiveValue, type ObserveInput } from './effects';
import { observeInvoke, type ObservedProperty, refTargets } from './observe-invoke';
import {
  chainsAt,
  deviceTitles,
  devicesAt,
  inChainOrder,
  listChanged,
  mixerChoices,
  namedParameters,
  namedTargets,
  parameterChoices,
  trackTree,
  treeObservations,
  withChainDevices,
  withChains,
  withListsRead,
  withRacks,
  type ChainList,
  type ChainTree,
  type DeviceTitle,
  type ParameterChoice,
} from './parameter-chain';
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

/** The track whose parameters are offered. */
export interface ParameterChoicesInput {
  track: string;
}

/** The chain as read so far, and the choices made of it. */
export interface ParameterChoicesContext {
  track: string;
  /** The track's own devices, as observed. */
  devices: string[];
  /** The devices and chains found by the walk. */
  tree: ChainTree;
  /** The paths of the devices whose racks are looked into now (one level of nesting). */
  level: string[];
  /** The paths of the level's racks. */
  racks: string[];
  /** The paths of the level's racks' chains. */
  chains: string[];
  /** Each device's titles, in the tree's order. */
  titles: DeviceTitle[];
  /** Each device's parameters' targets, in the tree's order. */
  lists: string[][];
  /** The lists below the track as read, by their observation's key: what their changes are compared with. */
  known: Record<string, readonly string[]>;
  /** The keys of the lists observed (by the `listWatch` child). */
  watching: string[];
  choices: ParameterChoice[];
  error: Failure | null;
  retries: number;
}

/** The events the machine takes (see the file's doc). */
export type ParameterChoicesEvent = { type: 'ui.retry' } | LiveValue | LiveFailed;

const DEVICES: ObservedProperty<ParameterChoicesContext> = {
  key: 'devices',
  prop: 'devices',
  target: (context) => context.track,
};

/** The observations of the lists with these keys, as the tree has them. */
const observationsOf = (tree: ChainTree, keys: readonly string[]): ObserveInput[] =>
  treeObservations(tree).filter((wanted) => keys.includes(wanted.key));

// a device or chain deleted while read: the list that held it is observed and changes, and that reads again
const READ_FAILED = goneOrFailed('#parameterChoices.watching.waiting', '#parameterChoices.failed');

/** What a read of the level's racks' chains (or return chains) adds: the chains, and the lists as read. */
function chainsRead(context: ParameterChoicesContext, list: ChainList, read: JsonValue) {
  const { tree, added } = withChains(context.tree, context.racks, list, read);
  const known = withListsRead(context.known, list, devicesAt(context.tree, context.racks), read);
  return { tree, known, chains: [...context.chains, ...added] };
}

/** The parameter choices machine (see the file's doc). */
export const parameterChoicesMachine = setup({
  types: {
    context: {} as ParameterChoicesContext,
    input: {} as ParameterChoicesInput,
    events: {} as ParameterChoicesEvent,
    children: {} as { listWatch: 'observeMany' },
  },
  actors: { observe: effects.observe, observeMany: effects.observeMany, readEach: effects.readEach },
  guards: {
    isGone,
    hasNoDevices: ({ context }) => context.devices.length === 0,
    levelDone: ({ context }) => context.level.length === 0,
    hasNoRacks: ({ context }) => context.racks.length === 0,
    hasNoChains: ({ context }) => context.chains.length === 0,
    isTrackDevices: ({ event }) => event.type === 'live.value' && event.key === DEVICES.key,
    isListChange: ({ context, event }) =>
      event.type === 'live.value' && listChanged(context.known, event.key, event.value),
  },
  actions: {
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
    /** Observes each list of the tree read so far that is not observed yet. */
    watchLists: enqueueActions(({ context, enqueue }) => {
      const fresh = treeObservations(context.tree).filter(
        (wanted) => context.known[wanted.key] !== undefined && !context.watching.includes(wanted.key),
      );
      if (fresh.length === 0) return;
      const watching = [...context.watching, ...fresh.map((input) => input.key)];
      enqueue.assign({ watching });
      enqueue.sendTo('listWatch', { type: 'observe.many', observations: observationsOf(context.tree, watching) });
    }),
    /** The walk is done: the lists no longer in the tree stop being observed. */
    dropStaleLists: enqueueActions(({ context, enqueue }) => {
      const wanted = treeObservations(context.tree).map((input) => input.key);
      const watching = context.watching.filter((key) => wanted.includes(key));
      enqueue.assign({
        watching,
        known: Object.fromEntries(Object.entries(context.known).filter(([key]) => wanted.includes(key))),
      });
      if (watching.length < context.watching.length)
        enqueue.sendTo('listWatch', { type: 'observe.many', observations: observationsOf(context.tree, watching) });
    }),
    /** The `listWatch` child stops with the watching state: nothing is observed below the track. */
    stopWatching: assign({ watching: [], known: {} }),
    /** A list's observation ended: it leaves the set, and is observed again if a later walk still finds it. */
    forgetList: enqueueActions(({ context, enqueue }, params: { key: string }) => {
      const watching = context.watching.filter((watched) => watched !== params.key);
      enqueue.assign({
        watching,
        known: Object.fromEntries(Object.entries(context.known).filter(([read]) => read !== params.key)),
      });
      enqueue.sendTo('listWatch', { type: 'observe.many', observations: observationsOf(context.tree, watching) });
    }),
  },
  delays: { retryDelay },
}).createMachine({
  id: 'parameterChoices',
  context: ({ input }) => ({
    track: input.track,
    devices: [],
    tree: trackTree([]),
    level: [],
    racks: [],
    chains: [],
    titles: [],
    lists: [],
    known: {},
    watching: [],
    choices: mixerChoices(input.track),
    error: null,
    retries: 0,
  }),
  initial: 'watching',
  states: {
    watching: {
      entry: assign({ error: null }),
      exit: 'stopWatching',
      invoke: [
        observeInvoke(DEVICES, goneOrFailed('#parameterChoices.gone', '#parameterChoices.failed')),
        { id: 'listWatch', src: 'observeMany' },
      ],
      on: {
        // a list's end is a rack or chain deleted: the list that held it changes too, and reads again
        'live.failed': { actions: { type: 'forgetList', params: ({ event }) => ({ key: event.key }) } },
        // the chain changed, on the track or in a rack: read it again (reading is entered anew; the observations go on)
        'live.value': [
          {
            guard: 'isTrackDevices',
            target: '.reading',
            actions: assign({ devices: ({ event }) => refTargets(event.value) }),
          },
          {
            guard: 'isListChange',
            target: '.reading',
          },
        ],
      },
      initial: 'waiting',
      states: {
        waiting: { tags: ['loading'] },
        reading: {
          tags: ['loading'],
          entry: assign(({ context }) => {
            const tree = trackTree(context.devices);
            return { tree, level: tree.devices.map((device) => device.path), racks: [], chains: [] };
          }),
          initial: 'racks',
          states: {
            racks: {
              always: [
                {
                  guard: 'hasNoDevices',
                  target: '#parameterChoices.watching.ready',
                  actions: [assign({ choices: ({ context }) => mixerChoices(context.track) }), 'dropStaleLists'],
                },
                { guard: 'levelDone', target: 'names' },
              ],
              invoke: {
                id: 'racks',
                src: 'readEach',
                input: ({ context }) => ({ targets: devicesAt(context.tree, context.level), prop: 'can_have_chains' }),
                onDone: {
                  target: 'chains',
                  actions: assign(({ context, event }) => withRacks(context.tree, context.level, event.output)),
                },
                onError: READ_FAILED,
              },
            },
            chains: {
              always: { guard: 'hasNoRacks', target: 'names' },
              invoke: {
                id: 'chains',
                src: 'readEach',
                input: ({ context }) => ({ targets: devicesAt(context.tree, context.racks), prop: 'chains' }),
                onDone: {
                  target: 'returnChains',
                  actions: [assign(({ context, event }) => chainsRead(context, 'chains', event.output)), 'watchLists'],
                },
                onError: READ_FAILED,
              },
            },
            // only a Drum Rack has return chains; asked of every rack, as Live answers an empty list for the others
            returnChains: {
              invoke: {
                id: 'returnChains',
                src: 'readEach',
                input: ({ context }) => ({ targets: devicesAt(context.tree, context.racks), prop: 'return_chains' }),
                onDone: {
                  target: 'chainDevices',
                  actions: [
                    assign(({ context, event }) => chainsRead(context, 'return_chains', event.output)),
                    'watchLists',
                  ],
                },
                onError: READ_FAILED,
              },
            },
            chainDevices: {
              always: { guard: 'hasNoChains', target: 'names' },
              invoke: {
                id: 'chainDevices',
                src: 'readEach',
                input: ({ context }) => ({ targets: chainsAt(context.tree, context.chains), prop: 'devices' }),
                onDone: {
                  // the devices in these chains are the next level
                  target: 'racks',
                  actions: [
                    assign(({ context, event }) => {
                      const { tree, added } = withChainDevices(context.tree, context.chains, event.output);
                      const targets = chainsAt(context.tree, context.chains);
                      const known = withListsRead(context.known, 'devices', targets, event.output);
                      return { tree, known, level: added, racks: [], chains: [] };
                    }),
                    'watchLists',
                  ],
                },
                onError: READ_FAILED,
              },
            },
            names: {
              entry: assign({ tree: ({ context }) => inChainOrder(context.tree) }),
              invoke: {
                id: 'names',
                src: 'readEach',
                input: ({ context }) => ({ targets: namedTargets(context.tree), prop: 'name' }),
                onDone: {
                  target: 'lists',
                  actions: assign({ titles: ({ context, event }) => deviceTitles(context.tree, event.output) }),
                },
                onError: READ_FAILED,
              },
            },
            lists: {
              invoke: {
                id: 'lists',
                src: 'readEach',
                input: ({ context }) => ({
                  targets: context.tree.devices.map((device) => device.target),
                  prop: 'parameters',
                }),
                onDone: {
                  target: 'parameterNames',
                  actions: assign({ lists: ({ event }) => event.output.map(refTargets) }),
                },
                onError: READ_FAILED,
              },
            },
            parameterNames: {
              invoke: {
                id: 'parameterNames',
                src: 'readEach',
                input: ({ context }) => ({ targets: namedParameters(context.lists), prop: 'name' }),
                onDone: {
                  target: '#parameterChoices.watching.ready',
                  actions: [
                    assign({
                      choices: ({ context, event }) =>
                        parameterChoices(context.track, context.titles, context.lists, event.output),
                    }),
                    'dropStaleLists',
                  ],
                },
                onError: READ_FAILED,
              },
            },
          },
        },
        ready: { tags: ['ready'], entry: assign({ retries: 0 }) },
      },
    },
    failed: failedState('watching'),
    gone: { tags: ['gone'] },
  },
});

/** The parameter choices machine's type, for actor refs and snapshots. */
export type ParameterChoicesMachine = typeof parameterChoicesMachine;
