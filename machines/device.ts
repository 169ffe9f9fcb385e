/**
 * A device: its name, on/off, and its parameters in banks of eight, each a
 * parameter actor (`param-0` ... `param-7`) for the bank shown.
 *
 * States: loading, ready, failed, gone. Events: `ui.bank` {index},
 * `ui.toggle` (the device on or off); `live.value`.
 */
import { assign, enqueueActions, setup, type ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, type LiveValue } from './effects';
import { asBoolean, asString, observeInvoke, refTarget, type ObservedProperty } from './observe-invoke';
import { parameterMachine } from './parameter';
import { goneOrFailed, isGone, letGo, rememberedError, type ErrorParams, type Failure } from './retry-cycle';

/** Which device, and how many parameters a bank shows (eight by default). */
export interface DeviceInput {
  device: string;
  bankSize?: number;
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
  bank: number;
  bankSize: number;
  /** The ids of the parameter actors of the bank shown. */
  bankActors: string[];
  error: Failure | null;
}

/** The events a device takes (see the file's doc). */
export type DeviceEvent = { type: 'ui.bank'; index: number } | { type: 'ui.toggle' } | LiveValue;

/** The device switched on or off, refused by Live: `is_active` keeps showing what Live has. */
type ToggleError = ErrorActorEvent<unknown, 'toggle'>;

const targets = (value: JsonValue): string[] =>
  Array.isArray(value) ? value.map(refTarget).filter((t): t is string => t !== null) : [];
const on = (key: string, prop: string): ObservedProperty<DeviceContext> => ({ key, prop, target: (c) => c.device });

/** How many banks the parameters after "Device On" fill. */
export const bankCount = (context: Pick<DeviceContext, 'parameters' | 'bankSize'>): number =>
  Math.max(1, Math.ceil((context.parameters.length - 1) / context.bankSize));

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
    // one child per parameter shown, so ids carry its place; a parameter keeps its failures to itself
    showBank: enqueueActions(({ context, enqueue }) => {
      for (const id of context.bankActors) enqueue.stopChild(id);
      const first = 1 + context.bank * context.bankSize;
      const shown = context.parameters.slice(first, first + context.bankSize);
      const ids = shown.map((parameter, index) => {
        const id = `param-${index}-bank-${context.bank}`;
        enqueue.spawnChild('parameter', { id, input: { parameter } });
        return id;
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
    bankActors: [],
    error: null,
  }),
  initial: 'loading',
  // a switch Live refused changes nothing: `is_active` keeps showing what Live has
  on: letGo(['toggle']),
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
            parameters: targets(event.output.parameters ?? null),
          })),
        },
        onError: goneOrFailedDevice,
      },
    },
    ready: {
      tags: ['ready'],
      entry: 'showBank',
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
              event.key === 'parameters' && JSON.stringify(targets(event.value)) !== JSON.stringify(context.parameters),
            actions: [assign({ parameters: ({ event }) => targets(event.value), bank: 0 }), 'showBank'],
          },
        ],
        'ui.bank': {
          actions: [
            assign({
              bank: ({ context, event }) => Math.min(bankCount(context) - 1, Math.max(0, Math.floor(event.index))),
            }),
            'showBank',
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
