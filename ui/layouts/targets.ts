/**
 * Where a layout's widget binds: a path of its own (`live_set tracks 1
 * devices 0 parameters 3`, `id 12`), or one relative to the Live object its
 * scope stands for (`mixer_device volume` inside a `<Track>`, `parameters 1`
 * inside a `<Device>`). Pure.
 */
import { parsePath, PathSyntaxError } from '../../protocol/src/path';

/** What a scope stands for: an object's target, none yet (its name not found: unbound), or none at all (top level). */
export type ScopeTarget = { kind: 'top' } | { kind: 'object'; target: string } | { kind: 'unbound'; why: string };

/** A binding's target: resolved, unbound (it will bind when its scope does), or a mistake in the layout. */
export type BoundTarget =
  { kind: 'bound'; target: string } | { kind: 'unbound'; why: string } | { kind: 'invalid'; message: string };

const ABSOLUTE = /^\s*(live_set|live_app|id)\b/;

/** `target` in `scope`: absolute as it is, relative appended to the scope's object. */
export function bindTarget(scope: ScopeTarget, target: string): BoundTarget {
  const absolute = ABSOLUTE.test(target);
  if (!absolute && scope.kind === 'top')
    return {
      kind: 'invalid',
      message: `"${target}" is relative: put it inside a <Track> or <Device>, or start it with live_set`,
    };
  if (!absolute && scope.kind === 'unbound') return { kind: 'unbound', why: scope.why };
  const joined = absolute || scope.kind !== 'object' ? target.trim() : `${scope.target} ${target.trim()}`;
  try {
    parsePath(joined);
  } catch (error) {
    if (error instanceof PathSyntaxError) return { kind: 'invalid', message: `"${target}": ${error.message}` };
    throw error;
  }
  return { kind: 'bound', target: joined.replace(/\s+/g, ' ') };
}
