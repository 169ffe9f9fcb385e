/**
 * Paths into Live's object model, in the form Max for Live users know:
 * `live_set tracks 0 clip_slots 2 clip`, `live_app view`, `id 12 devices 0`.
 *
 * A path is a root (`live_set`, `live_app` or `id N`) and steps; a step is a
 * member name, followed by an index when the member is a list. Tokens are
 * separated by spaces (U+0020, any number; leading and trailing ones are
 * ignored) and nothing else: a control character anywhere (tab, newline,
 * U+001C..., DEL, C1) makes the text no path, so the bridge and the script,
 * whose languages disagree on what "whitespace" is, read every text alike.
 * The Python mirror is `live-script/LiveSurface/paths.py`; both are tested
 * against `protocol/fixtures/paths.json`.
 */

/** Where a path starts. */
export type PathRoot = { kind: 'live_set' } | { kind: 'live_app' } | { kind: 'id'; id: number };

/** One step from an object to a child: a member, and an index into it when it is a list. */
export interface PathStep {
  name: string;
  index?: number;
}

/** A parsed path. */
export interface ParsedPath {
  root: PathRoot;
  steps: PathStep[];
}

/** Thrown for text that is not a path; the script answers such a target with `bad_request`. */
export class PathSyntaxError extends Error {
  override readonly name = 'PathSyntaxError';
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INDEX = /^(0|[1-9][0-9]{0,8})$/;

/** The first control character (C0, DEL or C1) in `text`, as its position and code. */
function controlCharacter(text: string): [number, number] | null {
  for (let position = 0; position < text.length; position += 1) {
    const code = text.charCodeAt(position);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return [position, code];
  }
  return null;
}

/** Parses a path, throwing `PathSyntaxError` with a reason for humans. */
export function parsePath(text: string): ParsedPath {
  const control = controlCharacter(text);
  if (control !== null) {
    const [position, code] = control;
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new PathSyntaxError(`a path has no control characters (${name} at ${position}); separate words with spaces`);
  }
  const tokens = text.split(' ').filter((token) => token.length > 0);
  const [first, ...rest] = tokens;
  if (first === undefined) throw new PathSyntaxError('empty path');
  let root: PathRoot;
  if (first === 'live_set' || first === 'live_app') {
    root = { kind: first };
  } else if (first === 'id') {
    const idToken = rest.shift();
    if (idToken === undefined || !INDEX.test(idToken) || idToken === '0') {
      throw new PathSyntaxError(`"id" must be followed by an object id, got ${JSON.stringify(idToken ?? '')}`);
    }
    root = { kind: 'id', id: Number(idToken) };
  } else {
    throw new PathSyntaxError(`a path starts with live_set, live_app or id N, not ${JSON.stringify(first)}`);
  }
  const steps: PathStep[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const name = rest[i] as string;
    if (!NAME.test(name)) throw new PathSyntaxError(`${JSON.stringify(name)} is not a member name`);
    const next = rest[i + 1];
    if (next !== undefined && INDEX.test(next)) {
      steps.push({ name, index: Number(next) });
      i += 1;
    } else {
      steps.push({ name });
    }
  }
  return { root, steps };
}

/** The canonical text of a parsed path (single spaces). */
export function formatPath(path: ParsedPath): string {
  const head = path.root.kind === 'id' ? `id ${path.root.id}` : path.root.kind;
  const tail = path.steps.map((step) => (step.index === undefined ? step.name : `${step.name} ${step.index}`));
  return [head, ...tail].join(' ');
}
