/**
 * The effects machines use, as named actor logic. Machines import no I/O:
 * these placeholders fail loudly when not provided; the app provides them
 * from LiveLink (`link-effects.ts`), tests provide fakes.
 */
import { fromCallback, fromEventObservable, fromPromise } from 'xstate';
import type { LinkState } from '../link/live-link';
import type { JsonValue, MidiMessage } from '../protocol/src/index';

/** A value of an observed property, as an event to the machine that observes it. */
export interface LiveValue {
  type: 'live.value';
  /** Which observation (the machine chooses, e.g. `name`). */
  key: string;
  value: JsonValue;
}

/** Whether Live can be used, and its epoch: ids of Live objects hold within one epoch. */
export interface LiveStatusEvent {
  type: 'live.status';
  usable: boolean;
  epoch: number;
}

/** A value to show in Live's own units (asked of the display effect). */
export interface DisplayRequest {
  type: 'display.value';
  value: number;
}

/** A value in Live's own units (`str_for_value`), sent back by the display effect. */
export interface DisplayText {
  type: 'live.display';
  value: number;
  text: string;
}

/** MIDI to play (notes, bends, pressure), sent without waiting for an answer. */
export interface MidiSend {
  type: 'midi.send';
  messages: MidiMessage[];
}

/** The link's state, whenever it changes. */
export interface LinkStateEvent {
  type: 'link.state';
  state: LinkState;
}

export interface GetInput {
  target: string;
  prop?: string;
}
export interface ReadInput {
  target: string;
  props: readonly string[];
}
export interface ReadEachInput {
  targets: readonly string[];
  prop: string;
}
export interface SetInput {
  target: string;
  prop: string;
  value: JsonValue;
}
export interface CallInput {
  target: string;
  fn: string;
  args?: JsonValue[];
}
export interface GestureInput {
  target: string;
  phase: 'begin' | 'end';
}
export interface ObserveInput {
  target: string;
  prop: string;
  key: string;
}

function notProvided(name: string): () => never {
  return () => {
    throw new Error(`the effect "${name}" was not provided to this machine`);
  };
}

export const effects = {
  /** One property (or, without `prop`, the object's reference). */
  get: fromPromise<JsonValue, GetInput>(notProvided('get')),
  /** Several properties of one object, in one frame. */
  read: fromPromise<Record<string, JsonValue>, ReadInput>(notProvided('read')),
  /** One property of several objects, in one frame. */
  readEach: fromPromise<JsonValue[], ReadEachInput>(notProvided('readEach')),
  set: fromPromise<JsonValue, SetInput>(notProvided('set')),
  /** A value from a drag: latest wins per target and property. */
  setLatest: fromPromise<void, SetInput>(notProvided('setLatest')),
  call: fromPromise<JsonValue, CallInput>(notProvided('call')),
  gesture: fromPromise<JsonValue, GestureInput>(notProvided('gesture')),
  /** `live.value` events: the current value, then changes; errors with `gone` when the object dies. */
  observe: fromEventObservable<LiveValue, ObserveInput>(notProvided('observe')),
  /** `live.status` events whenever Live becomes usable or not. */
  liveStatus: fromEventObservable<LiveStatusEvent, void>(notProvided('liveStatus')),
  /** Takes `display.value` events, sends back `live.display` (one question in flight, the latest waits). */
  display: fromCallback<DisplayRequest, { target: string }>(notProvided('display')),
  /** Takes `midi.send` events and plays them (fire and forget). */
  midi: fromCallback<MidiSend, void>(notProvided('midi')),
  /** `link.state` events: the link's life. */
  linkState: fromEventObservable<LinkStateEvent, void>(notProvided('linkState')),
};

export type Effects = typeof effects;

/** The code of a typed error (LinkError), or `live_error`. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : 'live_error';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
