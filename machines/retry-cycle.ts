/**
 * The cycle the machines share around what they load from Live: load; on an
 * error, `gone` (the object was deleted in Live) ends the machine, anything
 * else shows `failed` with the error, which loads again after a backoff (the
 * project's one rule, `common/backoff.ts`) or at once on `ui.retry`.
 *
 * XState types a machine's actions and guards by its own context, so a piece
 * shared across machines cannot be one `assign` here: each machine's setup
 * names the cycle's pieces in one line each (see `failedState`), and the
 * logic they run lives here.
 */
import { backoffDelay, type BackoffPolicy } from '../common/backoff';

/** An error as a machine keeps it for the UI: its code (`gone`, `timeout`, ...) and what it says. */
export interface Failure {
  code: string;
  message: string;
}

/** What the cycle's guard and action take: the error of an invoke's or child's outcome. */
export interface ErrorParams {
  error: unknown;
}

/** The waits between loads: 1 s, doubling, at most 30 s; no jitter, as one actor retries alone (and tests count on the times). */
export const RETRY_BACKOFF: BackoffPolicy = { firstMs: 1000, maxMs: 30_000, jitter: 0 };

/** The code of a typed error (LinkError), or `live_error`. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'live_error';
}

/** What an error says, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An error as the machines keep it. */
export function failureOf(error: unknown): Failure {
  return { code: errorCode(error), message: errorMessage(error) };
}

/** The guard `isGone`: the object is no longer in Live. */
export function isGone(_: unknown, params: ErrorParams): boolean {
  return errorCode(params.error) === 'gone';
}

/** The params of `isGone` and `rememberError`, from an outcome event (`xstate.error.actor.<id>`, `live.failed`). */
export function errorParams({ event }: { event: { error: unknown } }): ErrorParams {
  return { error: event.error };
}

/** What the action `rememberError` assigns. */
export function rememberedError(params: ErrorParams): { error: Failure } {
  return { error: failureOf(params.error) };
}

/** The delay `retryDelay`: the wait before the next load, by the retries made so far. */
export function retryDelay({ context }: { context: { retries: number } }): number {
  return backoffDelay(context.retries, RETRY_BACKOFF);
}

/** What the action `retryLater` assigns: one more retry made. */
export function retriedLater(context: { retries: number }): { retries: number } {
  return { retries: context.retries + 1 };
}

/** An error outcome that goes to `failed` with the error remembered. */
export function toFailed<const TTarget extends string>(failed: TTarget) {
  return { target: failed, actions: { type: 'rememberError', params: errorParams } } as const;
}

/** An error outcome's transitions: to `gone` when the object was deleted, else to `failed` with the error remembered. */
export function goneOrFailed<const TGone extends string, const TFailed extends string>(gone: TGone, failed: TFailed) {
  return [{ guard: { type: 'isGone', params: errorParams }, target: gone }, toFailed(failed)] as const;
}

/**
 * The `failed` state: loads again (`reload`) after `retryDelay`, counting the
 * retry, or at once on `ui.retry`, counting from zero. The machine's setup
 * provides the names it uses:
 *
 * ```ts
 * guards: { isGone },
 * actions: {
 *   rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
 *   retryLater: assign(({ context }) => retriedLater(context)),
 *   retryNow: assign({ retries: 0 }),
 * },
 * delays: { retryDelay },
 * ```
 */
export function failedState<const TReload extends string>(reload: TReload) {
  return {
    tags: ['failed'],
    after: { retryDelay: { target: reload, actions: 'retryLater' } },
    on: { 'ui.retry': { target: reload, actions: 'retryNow' } },
  } as const;
}

/**
 * Root handlers, by name, for children's errors that change nothing (a
 * command Live refused, whose outcome the observations show anyway): XState
 * fails a machine on a child's error that nothing handles, so these take
 * them and let them go.
 */
export function letGo<const TId extends string>(
  ids: readonly TId[],
): Partial<Record<`xstate.error.actor.${TId}`, object>> {
  const handlers: Partial<Record<`xstate.error.actor.${TId}`, object>> = {};
  for (const id of ids) handlers[`xstate.error.actor.${id}`] = {};
  return handlers;
}
