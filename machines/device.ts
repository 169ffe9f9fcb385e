/**
 * A device: its name, on/off, and its parameters in banks of eight, each a
 * parameter actor (`param-<n>`, n its place in `parameters`) for the banks shown: one, or as
 * many as its panel fits side by side (`ui.fit`), from `bank` on.
 *
 * States: loading, ready, failed, gone. Events: `ui.bank` {index} (the
 * first bank shown), `ui.fit` {banks} (how many fit), `ui.toggle` (the
 * device on or off); `live.value`.
 */
import { assign, enqueueActions, setup, type ErrorActorEvent } from 'xstate';
import { effects, type LiveValue } from './effects';
import { asBoolean, asString, observeInvoke, type ObservedProperty, refTargets } from './observe-invoke';
import { parameterMachine } from './parameter';
import { goneOrFailed, isGone, letGo, rememberedError, type ErrorParams, type Failure } from './retry-cycle';

/** Which device, how many parameters a bank shows (eight by default), and how many banks at once (one). */
export interface DeviceInput {
  device: string;
  bankSize?: number;
  banksShown?: number;
}

/** What a device holds: its values from Live and the bank shown. */
export interface DeviceContext {
  device: string;
  name: string;
  className: string;
  displayName: string;
  active: boolean;
  /** Targets of the parameters; the first is always "Device On". */
  parameters: string[];
  /** The first bank shown. */
  bank: number;
  bankSize: number;
  /** How many banks the panel shows side by side (what fits its width). */
  banksShown: number;
  /** The ids of the parameter actors of the banks shown, in order. */
  bankActors: string[];
  error: Failure | null;
}

/** The events a device takes (see the file's doc). */
export type DeviceEvent =
  { type: 'ui.bank'; index: number } | { type: 'ui.fit'; banks: number } | { type: 'ui.toggle' } | LiveValue;

/** The device switched on or off, refused by Live: `is_active` keeps showing what Live has. */
type ToggleError = ErrorActorEvent<unknown, 'toggle'>;

const on = (key: string, prop: string): ObservedProperty<DeviceContext> => ({ key, prop, target: (c) => c.device });

/** How many banks the parameters after "Device On" fill. */
export const bankCount = (context: Pick<DeviceContext, 'parameters' | 'bankSize'>): number =>
  Math.max(1, Math.ceil((context.parameters.length - 1) / context.bankSize));

/** A fit as the machine keeps it: whole, from one to the most shown. */
const fitted = (banks: number): number =>
  Math.min(MOST_BANKS_SHOWN, Math.max(1, Math.floor(Number.isFinite(banks) ? banks : 1)));

/** The most banks a panel shows at once (two rows of a 13" tablet's width). */
export const MOST_BANKS_SHOWN = 4;

/** How many banks are shown from the first shown: the panel's fit, or fewer at the end. */
export const shownBankCount = (
  context: Pick<DeviceContext, 'parameters' | 'bankSize' | 'bank' | 'banksShown'>,
): number => Math.max(1, Math.min(context.banksShown, bankCount(context) - context.bank));

/** A first bank within the device: whole, at least 0, at most the last. */
const firstBank = (context: Pick<DeviceContext, 'parameters' | 'bankSize'>, index: number): number =>
  Math.min(bankCount(context) - 1, Math.max(0, Math.floor(Number.isFinite(index) ? index : 0)));

const goneOrFailedDevice = goneOrFailed('#device.gone', '#device.failed');

/** The device machine (see the file's doc). */
export const deviceMachine = setup({
  types: {
    context: {} as DeviceContext,
    input: {} as DeviceInput,
    events: {} as DeviceEvent | ToggleError,
    children: {} as { toggle: 'set' },
  },
  actors: { read: effects.read, set: effects.set, observe: effects.observe, parameter: parameterMachine },
  guards: { isGone },
  actions: {
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    toggle: enqueueActions(({ context, enqueue }) => {
      const on = context.parameters[0];
      if (!on) return;
      // a switch still on its way is let go (its request has gone to Live)
      enqueue.stopChild('toggle');
      enqueue.spawnChild('set', { id: 'toggle', input: { target: on, prop: 'value', value: context.active ? 0 : 1 } });
    }),
    // one child per parameter shown, its id its place among the device's parameters: a bank still shown
    // after paging or a new fit keeps its actors (no reload, no flicker); new parameters replace them all
    showBank: enqueueActions(({ context, enqueue }, params: { fresh: boolean }) => {
      const first = 1 + context.bank * context.bankSize;
      const shown = context.parameters.slice(first, first + context.bankSize * context.banksShown);
      const ids = shown.map((_, index) => `param-${first + index}`);
      const kept = params.fresh ? [] : context.bankActors.filter((id) => ids.includes(id));
      for (const id of context.bankActors) if (!kept.includes(id)) enqueue.stopChild(id);
      shown.forEach((parameter, index) => {
        const id = ids[index] ?? '';
        if (!kept.includes(id)) enqueue.spawnChild('parameter', { id, input: { parameter } });
      });
      enqueue.assign({ bankActors: ids });
    }),
  },
}).createMachine({
  id: 'device',
  context: ({ input }) => ({
    device: input.device,
    name: '',
    className: '',
    displayName: '',
    active: true,
    parameters: [],
    bank: 0,
    bankSize: input.bankSize ?? 8,
    banksShown: fitted(input.banksShown ?? 1),
    bankActors: [],
    error: null,
  }),
  initial: 'loading',
  on: {
    // a switch Live refused changes nothing: `is_active` keeps showing what Live has
    ...letGo(['toggle']),
    // the panel measured itself before the device was read: the banks shown once ready
    'ui.fit': { actions: assign({ banksShown: ({ event }) => fitted(event.banks) }) },
  },
  states: {
    loading: {
      tags: ['loading'],
      invoke: {
        id: 'readDevice',
        src: 'read',
        input: ({ context }) => ({
          target: context.device,
          props: ['name', 'class_name', 'class_display_name', 'is_active', 'parameters'],
        }),
        onDone: {
          target: 'ready',
          actions: assign(({ event }) => ({
            name: asString(event.output.name ?? null),
            className: asString(event.output.class_name ?? null),
            displayName: asString(event.output.class_display_name ?? null),
            active: asBoolean(event.output.is_active ?? null),
            parameters: refTargets(event.output.parameters ?? null),
          })),
        },
        onError: goneOrFailedDevice,
      },
    },
    ready: {
      tags: ['ready'],
      entry: { type: 'showBank', params: { fresh: true } },
      invoke: [on('name', 'name'), on('active', 'is_active'), on('parameters', 'parameters')].map((observed) =>
        observeInvoke(observed, goneOrFailedDevice),
      ),
      on: {
        'live.value': [
          {
            guard: ({ event }) => event.key === 'name',
            actions: assign({ name: ({ event }) => asString(event.value) }),
          },
          {
            guard: ({ event }) => event.key === 'active',
            actions: assign({ active: ({ event }) => asBoolean(event.value) }),
          },
          {
            guard: ({ context, event }) =>
              event.key === 'parameters' &&
              JSON.stringify(refTargets(event.value)) !== JSON.stringify(context.parameters),
            actions: [
              assign({ parameters: ({ event }) => refTargets(event.value), bank: 0 }),
              { type: 'showBank', params: { fresh: true } },
            ],
          },
        ],
        'ui.bank': {
          guard: ({ context, event }) => firstBank(context, event.index) !== context.bank,
          actions: [
            assign({ bank: ({ context, event }) => firstBank(context, event.index) }),
            { type: 'showBank', params: { fresh: false } },
          ],
        },
        // the panel's width changed how many banks fit: the knobs of the banks no longer shown go
        'ui.fit': {
          guard: ({ context, event }) => fitted(event.banks) !== context.banksShown,
          actions: [
            assign({ banksShown: ({ event }) => fitted(event.banks) }),
            { type: 'showBank', params: { fresh: false } },
          ],
        },
        'ui.toggle': { actions: 'toggle' },
      },
    },
    failed: { tags: ['failed'] },
    gone: { type: 'final', tags: ['gone'] },
  },
});

/** The device machine's type, for actor refs and snapshots. */
export type DeviceMachine = typeof deviceMachine;
