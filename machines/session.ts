/**
 * The session: the set's shape and an actor for each part of it.
 *
 * It loads the tracks, returns, master and scenes, then spawns a `track`
 * actor per track (returns and master included), a `clipSlot` actor per
 * slot, a `scene` actor per scene and the `transport`. It follows tracks
 * and scenes being added, removed or moved in Live (a new or deleted track
 * or scene spawns or stops actors; a move only reorders; a rename is the
 * track's or scene's own business). It is `ready` once every child has its
 * first values. When Live goes away it shows `offline`; when Live comes
 * back in a new epoch (object ids void) it loads again.
 *
 * States: waiting, loading {shape, slots}, live {settling, ready}, offline,
 * failed. Events: `live.status`, `live.value` (tracks, scenes, returns),
 * `child.settled`, `ui.retry`.
 *
 * Children: `transport`, `track:<target>`, `slot:<target>`, `scene:<target>`
 * (targets like `id 12`); `edits` (the grid's clip edits, `session-edits.ts`)
 * for the session's life, and `selection` (Live's selected track and scene,
 * `session-selection.ts`) while Live is there; `box` (the part of the grid
 * shown, outlined in Live: `session-box.ts`) for the session's life.
 */
import { assign, enqueueActions, setup } from 'xstate';
import { clipSlotMachine } from './clip-slot';
import { effects, type LiveStatusEvent, type LiveValue } from './effects';
import { observeInvoke, refTarget, type ObservedProperty, refTargets } from './observe-invoke';
import { rememberedError, toFailed, type ErrorParams, type Failure } from './retry-cycle';
import { sceneMachine } from './scene';
import { sessionBoxMachine } from './session-box';
import { sessionEditsMachine } from './session-edits';
import { sessionSelectionMachine } from './session-selection';
import type { Settled } from './settling';
import { trackMachine } from './track';
import { transportMachine } from './transport';

/** The set's shape in the current epoch of Live, and the children spawned for it. */
export interface SessionContext {
  epoch: number;
  tracks: string[];
  returns: string[];
  master: string | null;
  scenes: string[];
  /** Clip slot targets of each track, in scene order. */
  slots: Record<string, string[]>;
  /** Ids of the children spawned. */
  children: string[];
  /** Ids of the children that have all their first values. */
  settled: string[];
  error: Failure | null;
}

/** The events the session takes (see the file's doc). */
export type SessionEvent = LiveStatusEvent | LiveValue | Settled | { type: 'ui.retry' };

/** The session's child id for a clip slot. */
export const slotId = (slot: string): string => `slot:${slot}`;
/** The session's child id for a track. */
export const trackId = (track: string): string => `track:${track}`;
/** The session's child id for a scene. */
export const sceneId = (scene: string): string => `scene:${scene}`;

/** The children the session should have for its current shape. */
export function wantedChildren(
  context: Pick<SessionContext, 'tracks' | 'returns' | 'master' | 'slots' | 'scenes'>,
): string[] {
  const wanted = ['transport'];
  for (const track of [...context.tracks, ...context.returns, ...(context.master ? [context.master] : [])])
    wanted.push(trackId(track));
  for (const track of context.tracks) for (const slot of context.slots[track] ?? []) wanted.push(slotId(slot));
  for (const scene of context.scenes) wanted.push(sceneId(scene));
  return wanted;
}

/** A list of the set's the session follows (tracks, scenes, returns). */
const ofSet = (key: string, prop: string): ObservedProperty<SessionContext> => ({
  key,
  prop,
  target: () => 'live_set',
});
// whatever the error, the session fails: `ui.retry` loads again, and so does a new epoch of Live
const failed = toFailed('#session.failed');

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/** The session machine (see the file's doc). */
export const sessionMachine = setup({
  types: { context: {} as SessionContext, events: {} as SessionEvent },
  actors: {
    read: effects.read,
    readEach: effects.readEach,
    observe: effects.observe,
    liveStatus: effects.liveStatus,
    track: trackMachine,
    clipSlot: clipSlotMachine,
    scene: sceneMachine,
    transport: transportMachine,
    edits: sessionEditsMachine,
    selection: sessionSelectionMachine,
    box: sessionBoxMachine,
  },
  guards: {
    usableNewEpoch: ({ context, event }) =>
      event.type === 'live.status' && event.usable && event.epoch !== context.epoch,
    usableSameEpoch: ({ context, event }) =>
      event.type === 'live.status' && event.usable && event.epoch === context.epoch,
    unusable: ({ event }) => event.type === 'live.status' && !event.usable,
    allSettled: ({ context }) =>
      context.children.length > 0 && context.children.every((id) => context.settled.includes(id)),
    shapeChanged: ({ context, event }) => {
      if (event.type !== 'live.value') return false;
      const list = refTargets(event.value);
      if (event.key === 'tracks') return !same(list, context.tracks);
      if (event.key === 'scenes') return !same(list, context.scenes);
      if (event.key === 'returns') return !same(list, context.returns);
      return false;
    },
  },
  actions: {
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    stopEveryChild: enqueueActions(({ context, enqueue }) => {
      for (const id of context.children) enqueue.stopChild(id);
      enqueue.assign({ children: [], settled: [], tracks: [], returns: [], master: null, scenes: [], slots: {} });
    }),
    /**
     * Spawn what is new, stop what went away; what stays keeps its actor (and
     * its state). One child per Live object, so ids carry its target; each
     * keeps its failures in its own `failed` state, so none errors to here.
     */
    reconcile: enqueueActions(({ context, enqueue, self }) => {
      const wanted = wantedChildren(context);
      for (const id of context.children) if (!wanted.includes(id)) enqueue.stopChild(id);
      for (const id of wanted) {
        if (context.children.includes(id)) continue;
        if (id === 'transport') {
          enqueue.spawnChild('transport', { id, input: { reportTo: self, id } });
        } else if (id.startsWith('track:')) {
          const track = id.slice('track:'.length);
          const kind = context.master === track ? 'master' : context.returns.includes(track) ? 'return' : 'track';
          enqueue.spawnChild('track', { id, input: { track, kind, reportTo: self, id } });
        } else if (id.startsWith('scene:')) {
          enqueue.spawnChild('scene', { id, input: { scene: id.slice('scene:'.length), reportTo: self, id } });
        } else {
          enqueue.spawnChild('clipSlot', { id, input: { slot: id.slice('slot:'.length), reportTo: self, id } });
        }
      }
      enqueue.assign({ children: wanted, settled: context.settled.filter((id) => wanted.includes(id)) });
    }),
    noteSettled: assign(({ context, event }) => {
      if (event.type !== 'child.settled' || context.settled.includes(event.id)) return {};
      return { settled: [...context.settled, event.id] };
    }),
    takeShape: assign(({ event }) => {
      if (event.type !== 'live.value') return {};
      const list = refTargets(event.value);
      return event.key === 'tracks'
        ? { tracks: list }
        : event.key === 'scenes'
          ? { scenes: list }
          : event.key === 'returns'
            ? { returns: list }
            : {};
    }),
  },
}).createMachine({
  id: 'session',
  context: {
    epoch: 0,
    tracks: [],
    returns: [],
    master: null,
    scenes: [],
    slots: {},
    children: [],
    settled: [],
    error: null,
  },
  // the grid's edits live as long as the session: an Undo offered survives Live going away and back
  invoke: [
    { id: 'liveStatus', src: 'liveStatus' },
    { id: 'edits', src: 'edits' },
    // the part of the grid this tablet shows, outlined in Live (the grid tells it; hidden when none shows)
    { id: 'box', src: 'box' },
  ],
  initial: 'waiting',
  on: {
    'live.status': [
      {
        guard: 'usableNewEpoch',
        target: '.loading',
        actions: ['stopEveryChild', assign({ epoch: ({ event }) => event.epoch, error: null })],
      },
      { guard: 'unusable', target: '.offline' },
    ],
    'child.settled': { actions: 'noteSettled' },
  },
  states: {
    waiting: { tags: ['waiting'] },
    loading: {
      tags: ['loading'],
      initial: 'shape',
      states: {
        shape: {
          invoke: {
            id: 'readShape',
            src: 'read',
            input: { target: 'live_set', props: ['tracks', 'return_tracks', 'master_track', 'scenes'] },
            onDone: {
              target: 'slots',
              actions: assign(({ event }) => ({
                tracks: refTargets(event.output.tracks ?? null),
                returns: refTargets(event.output.return_tracks ?? null),
                master: refTarget(event.output.master_track ?? null),
                scenes: refTargets(event.output.scenes ?? null),
              })),
            },
            onError: failed,
          },
        },
        slots: {
          invoke: {
            id: 'readSlots',
            src: 'readEach',
            input: ({ context }) => ({ targets: context.tracks, prop: 'clip_slots' }),
            onDone: {
              target: '#session.live',
              actions: [
                assign(({ context, event }) => ({
                  slots: Object.fromEntries(
                    context.tracks.map((track, index) => [track, refTargets(event.output[index] ?? null)]),
                  ),
                })),
                'reconcile',
              ],
            },
            onError: failed,
          },
        },
      },
    },
    live: {
      initial: 'settling',
      invoke: [
        observeInvoke(ofSet('tracks', 'tracks'), failed),
        observeInvoke(ofSet('scenes', 'scenes'), failed),
        observeInvoke(ofSet('returns', 'return_tracks'), failed),
        // Live's selected track and scene: not waited for (a Live that cannot say them still plays)
        { id: 'selection', src: 'selection' },
      ],
      on: {
        // a track or scene added, removed or moved: read the slots again and reconcile the actors
        'live.value': { guard: 'shapeChanged', target: '#session.loading.slots', actions: 'takeShape' },
      },
      states: {
        settling: { tags: ['settling'], always: { guard: 'allSettled', target: 'ready' } },
        ready: { tags: ['ready'] },
      },
    },
    offline: {
      tags: ['offline'],
      on: {
        'live.status': [
          { guard: 'usableSameEpoch', target: 'live' },
          {
            guard: 'usableNewEpoch',
            target: 'loading',
            actions: ['stopEveryChild', assign({ epoch: ({ event }) => event.epoch })],
          },
        ],
      },
    },
    failed: {
      tags: ['failed'],
      on: { 'ui.retry': { target: 'loading', actions: 'stopEveryChild' } },
    },
  },
});

/** The session machine's type, for actor refs and snapshots. */
export type SessionMachine = typeof sessionMachine;
