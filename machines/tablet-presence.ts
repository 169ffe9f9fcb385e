/**
 * This tablet as the other tablets see it: its name and color (chosen once
 * on this tablet and kept by the app), the page it shows, its round trip,
 * the parameters it holds and the notes it selects, composed into one
 * `PresenceState` and told to the bridge (`present` effect), which relays
 * it to every tablet. And who else is connected (`presence` effect), for
 * the list of tablets.
 *
 * A hold or a release goes out at once (another tablet shows a held fader
 * by it); the round trip, which changes with every ping, at most every
 * `rttDelay` (it rides along with any other change meanwhile).
 *
 * States: naming (no name kept yet: it waits for its number from the
 * bridge, to call itself "Tablet 3"), present {steady, rttDue}. Events:
 * `ui.rename` { name }, `ui.recolor` { color } (the musician, in the list
 * of tablets); `app.page` { page } (the tab shown); `presence.hold` /
 * `presence.release` { object } (a parameter's Live id, between its begin
 * and end gesture), `presence.holding` { objects } (what the parameter
 * actors' touches hold, from the `holding` effect), `presence.select` { selection } (a
 * clip editor's selected notes, or null); `link.state` (the round trip);
 * `presence.clients` (who is connected).
 */
import { assign, enqueueActions, setup } from 'xstate';
import {
  PRESENCE_LIMITS,
  TabletColor,
  type NoteSelection,
  type PresenceState,
  type PresentClient,
} from '../protocol/src/index';
import { effects, type HoldingEvent, type LinkStateEvent, type PresenceClients } from './effects';

export interface TabletPresenceInput {
  /** The name this tablet kept, or null when it has none yet (it takes "Tablet N" from the bridge's number). */
  name: string | null;
  /** Its color, `#rrggbb`. */
  color: string;
  /** The page it shows now (the app's tab id). */
  page?: string | null;
}

export interface TabletPresenceContext {
  name: string | null;
  color: string;
  page: string | null;
  /** The round trip to the bridge, in ms (tenths), as this tablet measures it; null before the first ping. */
  rtt: number | null;
  /** The parameters held now, by Live object id, oldest first; one entry per hold (two controls may hold one). */
  holding: number[];
  /** The parameters this tablet's touches hold (the parameter actors' `hold` effect, told by `holding`). */
  touching: readonly number[];
  selection: NoteSelection | null;
  /** Who is connected, as the bridge last said (this tablet among them, `self`). */
  clients: readonly PresentClient[];
}

export type TabletPresenceEvent =
  | { type: 'ui.rename'; name: string }
  | { type: 'ui.recolor'; color: string }
  | { type: 'app.page'; page: string | null }
  | { type: 'presence.hold'; object: number }
  | { type: 'presence.release'; object: number }
  | { type: 'presence.select'; selection: NoteSelection | null }
  | LinkStateEvent
  | PresenceClients
  | HoldingEvent;

/** How long a new round trip may wait to be told, when nothing else changes. */
export const RTT_EVERY_MS = 2000;

/** A name as the bridge takes it: trimmed, at most `maxName` characters; null when nothing is left. */
export function tabletName(text: string): string | null {
  const name = text.trim().slice(0, PRESENCE_LIMITS.maxName).trim();
  return name === '' ? null : name;
}

/** The round trip in tenths of a ms: finer changes are not worth telling. */
const rttOf = (state: LinkStateEvent['state']): number | null =>
  state.rtt ? Math.round(state.rtt.mean * 10) / 10 : null;

/** The state to tell the bridge, or null while the tablet has no name. */
export function presenceStateOf(context: TabletPresenceContext): PresenceState | null {
  if (context.name === null) return null;
  const held = [...new Set([...context.holding, ...context.touching])];
  return {
    name: context.name,
    color: context.color,
    page: context.page,
    rtt_ms: context.rtt,
    // the newest holds, should more be held than the bridge lists (a release lost on the way)
    holding: held.slice(-PRESENCE_LIMITS.maxHolding),
    selection: context.selection,
  };
}

const selfOf = (clients: readonly PresentClient[]): PresentClient | undefined => clients.find((client) => client.self);

export const tabletPresenceMachine = setup({
  types: {
    input: {} as TabletPresenceInput,
    context: {} as TabletPresenceContext,
    events: {} as TabletPresenceEvent,
    children: {} as { linkState: 'linkState'; presence: 'presence'; present: 'present'; holding: 'holding' },
  },
  actors: {
    linkState: effects.linkState,
    presence: effects.presence,
    present: effects.present,
    holding: effects.holding,
  },
  delays: { rttDelay: RTT_EVERY_MS },
  guards: {
    named: ({ context }) => context.name !== null,
    numbered: (_, params: { clients: readonly PresentClient[] }) => selfOf(params.clients) !== undefined,
    nameable: (_, params: { name: string }) => tabletName(params.name) !== null,
    aColor: (_, params: { color: string }) => TabletColor.safeParse(params.color).success,
    rttChanged: ({ context }, params: { state: LinkStateEvent['state'] }) => rttOf(params.state) !== context.rtt,
    touchChanged: ({ context }, params: { objects: readonly number[] }) =>
      params.objects.length !== context.touching.length ||
      params.objects.some((object, index) => object !== context.touching[index]),
  },
  actions: {
    publish: enqueueActions(({ context, enqueue }) => {
      const state = presenceStateOf(context);
      if (state !== null) enqueue.sendTo('present', { type: 'presence.state', state });
    }),
    keepClients: assign((_, params: { clients: readonly PresentClient[] }) => ({ clients: params.clients })),
    nameAfterNumber: assign((_, params: { clients: readonly PresentClient[] }) => {
      const self = selfOf(params.clients);
      return self ? { name: `Tablet ${self.client}` } : {};
    }),
    rename: assign((_, params: { name: string }) => ({ name: tabletName(params.name) })),
    recolor: assign((_, params: { color: string }) => ({ color: params.color })),
    showPage: assign((_, params: { page: string | null }) => ({ page: params.page })),
    hold: assign(({ context }, params: { object: number }) => ({ holding: [...context.holding, params.object] })),
    release: assign(({ context }, params: { object: number }) => {
      const at = context.holding.lastIndexOf(params.object);
      return at === -1 ? {} : { holding: context.holding.filter((_, index) => index !== at) };
    }),
    touch: assign((_, params: { objects: readonly number[] }) => ({ touching: params.objects })),
    select: assign((_, params: { selection: NoteSelection | null }) => ({
      selection: params.selection && {
        clip: params.selection.clip,
        notes: params.selection.notes.slice(0, PRESENCE_LIMITS.maxSelectedNotes),
      },
    })),
    measure: assign((_, params: { state: LinkStateEvent['state'] }) => ({ rtt: rttOf(params.state) })),
  },
}).createMachine({
  id: 'tabletPresence',
  context: ({ input }) => ({
    name: input.name === null ? null : tabletName(input.name),
    color: TabletColor.safeParse(input.color).success ? input.color : '#808080',
    page: input.page ?? null,
    rtt: null,
    holding: [],
    touching: [],
    selection: null,
    clients: [],
  }),
  invoke: [
    { id: 'linkState', src: 'linkState' },
    { id: 'presence', src: 'presence' },
    { id: 'present', src: 'present' },
    { id: 'holding', src: 'holding' },
  ],
  on: {
    'presence.clients': { actions: { type: 'keepClients', params: ({ event }) => ({ clients: event.clients }) } },
  },
  initial: 'naming',
  states: {
    naming: {
      always: { guard: 'named', target: 'present' },
      on: {
        'presence.clients': [
          {
            guard: { type: 'numbered', params: ({ event }) => ({ clients: event.clients }) },
            target: 'present',
            actions: [
              { type: 'keepClients', params: ({ event }) => ({ clients: event.clients }) },
              { type: 'nameAfterNumber', params: ({ event }) => ({ clients: event.clients }) },
            ],
          },
          { actions: { type: 'keepClients', params: ({ event }) => ({ clients: event.clients }) } },
        ],
        'ui.rename': {
          guard: { type: 'nameable', params: ({ event }) => ({ name: event.name }) },
          target: 'present',
          actions: { type: 'rename', params: ({ event }) => ({ name: event.name }) },
        },
        'ui.recolor': {
          guard: { type: 'aColor', params: ({ event }) => ({ color: event.color }) },
          actions: { type: 'recolor', params: ({ event }) => ({ color: event.color }) },
        },
        'app.page': { actions: { type: 'showPage', params: ({ event }) => ({ page: event.page }) } },
        'presence.hold': { actions: { type: 'hold', params: ({ event }) => ({ object: event.object }) } },
        'presence.release': { actions: { type: 'release', params: ({ event }) => ({ object: event.object }) } },
        'presence.select': { actions: { type: 'select', params: ({ event }) => ({ selection: event.selection }) } },
        'presence.holding': { actions: { type: 'touch', params: ({ event }) => ({ objects: event.objects }) } },
        'link.state': { actions: { type: 'measure', params: ({ event }) => ({ state: event.state }) } },
      },
    },
    present: {
      tags: ['named'],
      entry: 'publish',
      // every change but the round trip goes out at once, with the latest round trip
      on: {
        'ui.rename': {
          guard: { type: 'nameable', params: ({ event }) => ({ name: event.name }) },
          target: '.steady',
          actions: [{ type: 'rename', params: ({ event }) => ({ name: event.name }) }, 'publish'],
        },
        'ui.recolor': {
          guard: { type: 'aColor', params: ({ event }) => ({ color: event.color }) },
          target: '.steady',
          actions: [{ type: 'recolor', params: ({ event }) => ({ color: event.color }) }, 'publish'],
        },
        'app.page': {
          target: '.steady',
          actions: [{ type: 'showPage', params: ({ event }) => ({ page: event.page }) }, 'publish'],
        },
        'presence.hold': {
          target: '.steady',
          actions: [{ type: 'hold', params: ({ event }) => ({ object: event.object }) }, 'publish'],
        },
        'presence.release': {
          target: '.steady',
          actions: [{ type: 'release', params: ({ event }) => ({ object: event.object }) }, 'publish'],
        },
        'presence.select': {
          target: '.steady',
          actions: [{ type: 'select', params: ({ event }) => ({ selection: event.selection }) }, 'publish'],
        },
        // a touch held or let go: another tablet shows the control held by it
        'presence.holding': {
          guard: { type: 'touchChanged', params: ({ event }) => ({ objects: event.objects }) },
          target: '.steady',
          actions: [{ type: 'touch', params: ({ event }) => ({ objects: event.objects }) }, 'publish'],
        },
      },
      initial: 'steady',
      states: {
        steady: {
          on: {
            'link.state': {
              guard: { type: 'rttChanged', params: ({ event }) => ({ state: event.state }) },
              target: 'rttDue',
              actions: { type: 'measure', params: ({ event }) => ({ state: event.state }) },
            },
          },
        },
        // a new round trip waits a little: the pings that measure it come every second while a control is touched
        rttDue: {
          after: { rttDelay: { target: 'steady', actions: 'publish' } },
          on: {
            'link.state': { actions: { type: 'measure', params: ({ event }) => ({ state: event.state }) } },
          },
        },
      },
    },
  },
});

export type TabletPresenceMachine = typeof tabletPresenceMachine;
