/**
 * A device: its name, on/off, and its parameters in banks of eight, each a
 * parameter actor (`param-0` ... `param-7`) for the bank shown.
 *
 * States: loading, ready, failed, gone. Events: `ui.bank` {index},
 * `ui.toggle` (the device on or off); `live.value`.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, errorCode, errorMessage, type LiveValue } from './effects';
import { asBoolean, asString, observeInvoke, refTarget, type ObservedProperty } from './observe-invoke';
import { parameterMachine } from './parameter';

export interface DeviceInput {
  device: string;
  bankSize?: number;
}

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
  error: { code: string; message: string } | null;
}

export type DeviceEvent = { type: 'ui.bank'; index: number } | { type: 'ui.toggle' } | LiveValue;

const targets = (value: JsonValue): string[] =>
  Array.isArray(value) ? value.map(refTarget).filter((t): t is string => t !== null) : [];
const on = (key: string, prop: string): ObservedProperty<DeviceContext> => ({ key, prop, target: (c) => c.device });

/** How many banks the parameters after "Device On" fill. */
export const bankCount = (context: Pick<DeviceContext, 'parameters' | 'bankSize'>): number =>
  Math.max(1, Math.ceil((context.parameters.length - 1) / context.bankSize));

const goneOrFailed = [
  { guard: 'isGone' as const, target: '#device.gone' },
  { target: '#device.failed', actions: 'rememberError' as const },
];

export const deviceMachine = setup({
  types: { context: {} as DeviceContext, input: {} as DeviceInput, events: {} as DeviceEvent },
  actors: { read: effects.read, set: effects.set, observe: effects.observe, parameter: parameterMachine },
  guards: { isGone: ({ event }) => errorCode((event as unknown as { error: unknown }).error) === 'gone' },
  actions: {
    rememberError: assign(({ event }) => {
      const { error } = event as unknown as { error: unknown };
      return { error: { code: errorCode(error), message: errorMessage(error) } };
    }),
    showBank: enqueueActions(({ context, enqueue }) => {
      for (const id of context.bankActors) enqueue.stopChild(id);
      const first = 1 + context.bank * context.bankSize;
      const shown = context.parameters.slice(first, first + context.bankSize);
      const ids = shown.map((_, index) => `param-${index}-bank-${context.bank}`);
      shown.forEach((parameter, index) =>
        enqueue.spawnChild('parameter', { id: ids[index] as string, input: { parameter } }),
      );
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
            name: asString(event.output.name as JsonValue),
            className: asString(event.output.class_name as JsonValue),
            displayName: asString(event.output.class_display_name as JsonValue),
            active: asBoolean(event.output.is_active as JsonValue),
            parameters: targets(event.output.parameters as JsonValue),
          })),
        },
        onError: goneOrFailed,
      },
    },
    ready: {
      tags: ['ready'],
      entry: 'showBank',
      invoke: [on('name', 'name'), on('active', 'is_active'), on('parameters', 'parameters')].map((observed) =>
        observeInvoke(observed, goneOrFailed),
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
        'ui.toggle': {
          actions: enqueueActions(({ context, enqueue }) => {
            const on = context.parameters[0];
            if (on) enqueue.spawnChild('set', { input: { target: on, prop: 'value', value: context.active ? 0 : 1 } });
          }),
        },
      },
    },
    failed: { tags: ['failed'] },
    gone: { type: 'final', tags: ['gone'] },
  },
});

export type DeviceMachine = typeof deviceMachine;
