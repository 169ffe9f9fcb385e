/**
 * A device parameter as a control sees it.
 *
 * States: idle (no parameter bound), loading, bound {ready, touched},
 * failed (retries with backoff, or at once on `ui.retry`), gone.
 *
 * Touching sends `begin_gesture`; releasing sends `end_gesture` (Live's
 * touch automation). Values from the control are clamped to the range
 * (quantized parameters step through their items) and sent latest-wins.
 * Updates from Live that arrive while touched are held, and applied on
 * release unless they are only the echo of what this control sent. Echoes
 * of older values this control sent, arriving after it sent a newer one,
 * are ignored when ready too (no flicker back while Live catches up).
 *
 * Events: `ui.bind` {parameter}, `ui.touch`, `ui.change` {value},
 * `ui.step` {delta}, `ui.reset`, `ui.release`, `ui.retry`; `live.value`.
 */
import { assign, enqueueActions, setup, spawnChild } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { isStaleEcho, rememberSent, wasSent } from './echoes';
import { effects, errorCode, errorMessage, type DisplayText, type LiveValue } from './effects';
import { asBoolean, asNumber, asString, observeInvoke } from './observe-invoke';

export interface ParameterInput {
  /** The DeviceParameter's target (`id 12`, or a path); none leaves the machine idle. */
  parameter?: string | null;
}

export interface ParameterContext {
  parameter: string | null;
  name: string;
  value: number;
  min: number;
  max: number;
  defaultValue: number;
  quantized: boolean;
  items: string[];
  /** The value in Live's own units (`str_for_value`), for the readout; null until Live said. */
  display: string | null;
  /** The latest value from Live that arrived while touched. */
  held: number | null;
  /** Values this control sent since the current touch began (or since Live last confirmed one); their echoes are not news. */
  sent: number[];
  error: { code: string; message: string } | null;
  retries: number;
}

export type ParameterEvent =
  | { type: 'ui.bind'; parameter: string }
  | { type: 'ui.touch' }
  | { type: 'ui.change'; value: number }
  | { type: 'ui.step'; delta: number }
  | { type: 'ui.reset' }
  | { type: 'ui.release' }
  | { type: 'ui.retry' }
  | DisplayText
  | LiveValue;

const LOADED = ['name', 'value', 'min', 'max', 'default_value', 'is_quantized', 'value_items'] as const;

/** A value the parameter can take: within range, whole for quantized parameters. */
export function clampValue(context: Pick<ParameterContext, 'min' | 'max' | 'quantized'>, value: number): number {
  const bounded = Math.min(context.max, Math.max(context.min, Number.isFinite(value) ? value : context.min));
  return context.quantized ? Math.round(bounded) : bounded;
}

/** One step: the next item of a quantized parameter, a hundredth of the range otherwise. */
export function steppedValue(
  context: Pick<ParameterContext, 'min' | 'max' | 'quantized' | 'value'>,
  delta: number,
): number {
  const step = context.quantized ? 1 : (context.max - context.min) / 100;
  return clampValue(context, context.value + delta * step);
}

function loaded(values: Record<string, JsonValue>): Partial<ParameterContext> {
  const items = Array.isArray(values.value_items)
    ? values.value_items.filter((item): item is string => typeof item === 'string')
    : [];
  return {
    name: asString(values.name as JsonValue),
    value: asNumber(values.value as JsonValue),
    min: asNumber(values.min as JsonValue),
    max: asNumber(values.max as JsonValue, 1),
    defaultValue: asNumber(values.default_value as JsonValue),
    quantized: asBoolean(values.is_quantized as JsonValue),
    items,
  };
}

export const parameterMachine = setup({
  types: { context: {} as ParameterContext, input: {} as ParameterInput, events: {} as ParameterEvent },
  actors: {
    read: effects.read,
    setLatest: effects.setLatest,
    gesture: effects.gesture,
    observe: effects.observe,
    display: effects.display,
  },
  guards: {
    isBound: ({ context }) => context.parameter !== null,
    isGone: ({ event }) => errorCode((event as unknown as { error: unknown }).error) === 'gone',
    isValue: ({ event }) => event.type === 'live.value' && event.key === 'value',
    /** Live repeating a value this control sent before its latest: the latest is on its way. */
    isStaleEcho: ({ context, event }) =>
      event.type === 'live.value' && event.key === 'value' && isStaleEcho(context.sent, asNumber(event.value)),
    isName: ({ event }) => event.type === 'live.value' && event.key === 'name',
  },
  actions: {
    /** A value from the control: clamped or stepped, shown at once, sent latest-wins. */
    send: enqueueActions(({ context, event, enqueue }) => {
      let next: number;
      if (event.type === 'ui.change') next = clampValue(context, event.value);
      else if (event.type === 'ui.step') next = steppedValue(context, event.delta);
      else if (event.type === 'ui.reset') next = clampValue(context, context.defaultValue);
      else return;
      enqueue.assign({ value: next, sent: rememberSent(context.sent, next) });
      enqueue.spawnChild('setLatest', { input: { target: context.parameter ?? '', prop: 'value', value: next } });
      enqueue.sendTo('display', { type: 'display.value', value: next });
    }),
    askDisplay: enqueueActions(({ context, enqueue }) => {
      enqueue.sendTo('display', { type: 'display.value', value: context.value });
    }),
    rememberError: assign(({ event }) => {
      const { error } = event as unknown as { error: unknown };
      return { error: { code: errorCode(error), message: errorMessage(error) } };
    }),
  },
  delays: { retryDelay: ({ context }) => Math.min(30_000, 1000 * 2 ** context.retries) },
}).createMachine({
  id: 'parameter',
  context: ({ input }) => ({
    parameter: input.parameter ?? null,
    name: '',
    value: 0,
    min: 0,
    max: 1,
    defaultValue: 0,
    quantized: false,
    items: [],
    display: null,
    held: null,
    sent: [],
    error: null,
    retries: 0,
  }),
  initial: 'idle',
  on: {
    'ui.bind': {
      target: '.loading',
      actions: assign({ parameter: ({ event }) => event.parameter, error: null, retries: 0 }),
    },
  },
  states: {
    idle: {
      tags: ['idle'],
      always: { guard: 'isBound', target: 'loading' },
    },
    loading: {
      tags: ['loading'],
      invoke: {
        id: 'load',
        src: 'read',
        input: ({ context }) => ({ target: context.parameter ?? '', props: LOADED }),
        onDone: {
          target: 'bound',
          actions: assign(({ event }) => ({ ...loaded(event.output), retries: 0, error: null })),
        },
        onError: [
          { guard: 'isGone', target: 'gone' },
          { target: 'failed', actions: 'rememberError' },
        ],
      },
    },
    bound: {
      initial: 'ready',
      entry: 'askDisplay',
      invoke: [
        { id: 'display', src: 'display', input: ({ context }) => ({ target: context.parameter ?? '' }) },
        observeInvoke<ParameterContext>({ key: 'value', prop: 'value', target: (c) => c.parameter ?? '' }, [
          { guard: 'isGone', target: '#parameter.gone' },
          { target: '#parameter.failed', actions: 'rememberError' },
        ]),
        observeInvoke<ParameterContext>({ key: 'name', prop: 'name', target: (c) => c.parameter ?? '' }, [
          { guard: 'isGone', target: '#parameter.gone' },
          { target: '#parameter.failed', actions: 'rememberError' },
        ]),
      ],
      on: {
        'live.value': { guard: 'isName', actions: assign({ name: ({ event }) => asString(event.value) }) },
        // only the latest counts: a text for an older value waits for its own
        'live.display': {
          actions: assign({
            display: ({ context, event }) => (event.value === context.value ? event.text : context.display),
          }),
        },
      },
      states: {
        ready: {
          tags: ['ready'],
          on: {
            'live.value': [
              { guard: 'isStaleEcho' },
              // Live's value, ours confirmed or another's: either way nothing of ours is pending any more
              {
                guard: 'isValue',
                actions: [assign({ value: ({ event }) => asNumber(event.value), sent: [] }), 'askDisplay'],
              },
            ],
            'ui.touch': 'touched',
            'ui.change': { actions: 'send' },
            'ui.step': { actions: 'send' },
            'ui.reset': { actions: 'send' },
          },
        },
        touched: {
          tags: ['touched'],
          entry: [
            assign({ held: null, sent: [] }),
            spawnChild('gesture', {
              input: ({ context }) => ({ target: context.parameter ?? '', phase: 'begin' as const }),
            }),
          ],
          exit: spawnChild('gesture', {
            input: ({ context }) => ({ target: context.parameter ?? '', phase: 'end' as const }),
          }),
          on: {
            // held, not shown: the finger decides what the control shows
            'live.value': { guard: 'isValue', actions: assign({ held: ({ event }) => asNumber(event.value) }) },
            'ui.change': { actions: 'send' },
            'ui.step': { actions: 'send' },
            'ui.reset': { actions: 'send' },
            'ui.release': {
              target: 'ready',
              actions: [
                assign(({ context }) => ({
                  // another control's change that came in meanwhile wins; our own echoes do not
                  value: context.held !== null && !wasSent(context.sent, context.held) ? context.held : context.value,
                  held: null,
                })),
                'askDisplay',
              ],
            },
          },
        },
      },
    },
    failed: {
      tags: ['failed'],
      after: { retryDelay: { target: 'loading', actions: assign({ retries: ({ context }) => context.retries + 1 }) } },
      on: { 'ui.retry': { target: 'loading', actions: assign({ retries: 0 }) } },
    },
    gone: { type: 'final', tags: ['gone'] },
  },
});

export type ParameterMachine = typeof parameterMachine;
