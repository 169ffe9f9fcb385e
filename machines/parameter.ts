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
 * Another tablet's hold (presence, by Live object id: the later hold wins)
 * makes it held: this control's touches and values do nothing, and a touch
 * it had is let go (its gesture ends), until the other lets go, or this
 * musician takes it over on purpose (`ui.takeover`, a long press). This
 * control's own touch holds the parameter for the others to see.
 *
 * Events: `ui.bind` {parameter}, `ui.touch`, `ui.takeover`, `ui.change`
 * {value}, `ui.step` {delta}, `ui.reset`, `ui.release`, `ui.retry`;
 * `live.value`, `presence.clients`.
 */
import { assign, enqueueActions, setup, type DoneActorEvent, type ErrorActorEvent } from 'xstate';
import { holderOf, type JsonValue, type PresentClient } from '../protocol/src/index';
import { isStaleEcho, rememberSent, wasSent } from './echoes';
import { effects, type DisplayText, type LiveValue, type PresenceClients } from './effects';
import { asBoolean, asNumber, asString, observeInvoke, type ObservedProperty } from './observe-invoke';
import {
  failedState,
  goneOrFailed,
  isGone,
  letGo,
  rememberedError,
  retriedLater,
  retryDelay,
  type ErrorParams,
  type Failure,
} from './retry-cycle';

/** Which parameter, if any. */
export interface ParameterInput {
  /** The DeviceParameter's target (`id 12`, or a path); none leaves the machine idle. */
  parameter?: string | null;
}

/** What a parameter holds: its values from Live, what the control holds back while touched. */
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
  error: Failure | null;
  retries: number;
  /** The parameter's Live object id (from an `id N` target, or its reference): how tablets meet on it. */
  object: number | null;
  /** Another tablet that holds it now, by its name and color. */
  heldBy: { name: string; color: string } | null;
  /** This control took it over and waits for the bridge to say so (till then the other's hold is not news). */
  takingOver: boolean;
}

/** The events a parameter takes (see the file's doc). */
export type ParameterEvent =
  | { type: 'ui.bind'; parameter: string }
  | { type: 'ui.touch' }
  | { type: 'ui.takeover' }
  | { type: 'ui.change'; value: number }
  | { type: 'ui.step'; delta: number }
  | { type: 'ui.reset' }
  | { type: 'ui.release' }
  | { type: 'ui.retry' }
  | DisplayText
  | LiveValue
  | PresenceClients
  | DoneActorEvent<JsonValue, 'reference'>;

/**
 * Commands Live refused: a value (Live's own comes back through the
 * observation) or a gesture (the value was sent all the same).
 */
type CommandError = ErrorActorEvent<unknown, 'value' | 'gesture.begin' | 'gesture.end' | 'reference'>;

/** The Live object id an `id N` target names; null for a path (its reference tells it). */
export const objectOf = (target: string | null): number | null => {
  const id = target === null ? undefined : /^\s*id (\d+)\s*$/.exec(target)?.[1];
  return id === undefined ? null : Number(id);
};

/** The tablet holding `object` now, when it is another: its name and color (a tablet yet unnamed by its number). */
export function otherHolder(
  clients: readonly PresentClient[],
  object: number | null,
): { name: string; color: string } | null {
  if (object === null) return null;
  const holder = holderOf(clients, object);
  if (holder === null || holder.self) return null;
  return { name: holder.name ?? `Tablet ${holder.client}`, color: holder.color ?? '#9e9e9e' };
}

const observed = (key: string): ObservedProperty<ParameterContext> => ({
  key,
  prop: key,
  target: (c) => c.parameter ?? '',
});

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
    name: asString(values.name ?? null),
    value: asNumber(values.value ?? null),
    min: asNumber(values.min ?? null),
    max: asNumber(values.max ?? null, 1),
    defaultValue: asNumber(values.default_value ?? null),
    quantized: asBoolean(values.is_quantized ?? null),
    items,
  };
}

const goneOrFailedParameter = goneOrFailed('#parameter.gone', '#parameter.failed');

/** A parameter before Live said anything about it: a control's defaults, range 0..1. */
export function initialParameterContext(input: ParameterInput): ParameterContext {
  return {
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
    object: objectOf(input.parameter ?? null),
    heldBy: null,
    takingOver: false,
  };
}

/** No parameter bound: the input's type for setup (every field has a default). */
const UNBOUND: ParameterInput = {};

/** The parameter machine (see the file's doc). */
export const parameterMachine = setup({
  types: {
    context: {} as ParameterContext,
    input: UNBOUND,
    events: {} as ParameterEvent | CommandError,
    children: {} as {
      value: 'setLatest';
      'gesture.begin': 'gesture';
      'gesture.end': 'gesture';
      display: 'display';
      reference: 'get';
      hold: 'hold';
      holders: 'presence';
    },
  },
  actors: {
    get: effects.get,
    hold: effects.hold,
    presence: effects.presence,
    read: effects.read,
    setLatest: effects.setLatest,
    gesture: effects.gesture,
    observe: effects.observe,
    display: effects.display,
  },
  guards: {
    isBound: ({ context }) => context.parameter !== null,
    isGone,
    isValue: ({ event }) => event.type === 'live.value' && event.key === 'value',
    /** Live repeating a value this control sent before its latest: the latest is on its way. */
    isStaleEcho: ({ context, event }) =>
      event.type === 'live.value' && event.key === 'value' && isStaleEcho(context.sent, asNumber(event.value)),
    isName: ({ event }) => event.type === 'live.value' && event.key === 'name',
    /** Another tablet holds it: this control's touches and values do nothing. */
    isFree: ({ context }) => context.heldBy === null,
    isHeld: ({ context }) => context.heldBy !== null,
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
      // a value still on its way is let go here: Live takes the latest anyway (setLatest)
      enqueue.stopChild('value');
      enqueue.spawnChild('setLatest', {
        id: 'value',
        input: { target: context.parameter ?? '', prop: 'value', value: next },
      });
      enqueue.sendTo('display', { type: 'display.value', value: next });
    }),
    askDisplay: enqueueActions(({ context, enqueue }) => {
      enqueue.sendTo('display', { type: 'display.value', value: context.value });
    }),
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
    /** A path's reference, asked once bound, tells the parameter's object id. */
    askReference: enqueueActions(({ context, enqueue }) => {
      if (context.object === null && context.parameter !== null)
        enqueue.spawnChild('get', { id: 'reference', input: { target: context.parameter } });
    }),
    /** Held for the other tablets while touched. */
    hold: enqueueActions(({ context, enqueue }) => {
      if (context.object !== null) enqueue.spawnChild('hold', { id: 'hold', input: { object: context.object } });
    }),
    letGoHold: enqueueActions(({ enqueue }) => {
      enqueue.stopChild('hold');
    }),
    followHolders: assign(({ context }, params: { clients: readonly PresentClient[] }) => {
      const heldBy = otherHolder(params.clients, context.object);
      if (!context.takingOver) return { heldBy };
      // our takeover counts once the bridge has heard of it: the latest hold is ours
      const ours = context.object !== null && holderOf(params.clients, context.object)?.self === true;
      return ours ? { heldBy: null, takingOver: false } : { heldBy: null };
    }),
    gesture: enqueueActions(({ context, enqueue }, params: { phase: 'begin' | 'end' }) => {
      const id = params.phase === 'begin' ? 'gesture.begin' : 'gesture.end';
      // a gesture still on its way is let go (its request has gone to Live)
      enqueue.stopChild(id);
      enqueue.spawnChild('gesture', { id, input: { target: context.parameter ?? '', phase: params.phase } });
    }),
  },
  delays: { retryDelay },
}).createMachine({
  id: 'parameter',
  context: ({ input }) => initialParameterContext(input),
  initial: 'idle',
  on: {
    // a value or gesture Live refused changes nothing: Live's value keeps coming through the observation
    ...letGo(['value', 'gesture.begin', 'gesture.end', 'reference']),
    'xstate.done.actor.reference': {
      actions: assign(({ context, event }) => {
        const output = event.output;
        const id = typeof output === 'object' && output !== null && !Array.isArray(output) ? output.$ref : null;
        return { object: typeof id === 'number' ? id : context.object };
      }),
    },
    'ui.bind': {
      target: '.loading',
      actions: assign({
        parameter: ({ event }) => event.parameter,
        object: ({ event }) => objectOf(event.parameter),
        heldBy: null,
        error: null,
        retries: 0,
      }),
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
        onError: goneOrFailed('gone', 'failed'),
      },
    },
    bound: {
      initial: 'ready',
      entry: ['askDisplay', 'askReference'],
      invoke: [
        { id: 'display', src: 'display', input: ({ context }) => ({ target: context.parameter ?? '' }) },
        { id: 'holders', src: 'presence' },
        observeInvoke(observed('value'), goneOrFailedParameter),
        observeInvoke(observed('name'), goneOrFailedParameter),
      ],
      on: {
        'live.value': { guard: 'isName', actions: assign({ name: ({ event }) => asString(event.value) }) },
        'presence.clients': { actions: { type: 'followHolders', params: ({ event }) => ({ clients: event.clients }) } },
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
            'ui.touch': { guard: 'isFree', target: 'touched' },
            // a long press on a held control: this tablet holds it now, and the other sees that
            'ui.takeover': { target: 'touched', actions: assign({ heldBy: null, takingOver: true }) },
            'ui.change': { guard: 'isFree', actions: 'send' },
            'ui.step': { guard: 'isFree', actions: 'send' },
            'ui.reset': { guard: 'isFree', actions: 'send' },
          },
        },
        touched: {
          tags: ['touched'],
          entry: [assign({ held: null, sent: [] }), { type: 'gesture', params: { phase: 'begin' } }, 'hold'],
          exit: [{ type: 'gesture', params: { phase: 'end' } }, 'letGoHold', assign({ takingOver: false })],
          // another tablet took it over: this touch is let go, its gesture ended
          always: { guard: 'isHeld', target: 'ready' },
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
    failed: failedState('loading'),
    gone: { type: 'final', tags: ['gone'] },
  },
});

/** The parameter machine's type, for actor refs and snapshots. */
export type ParameterMachine = typeof parameterMachine;
