/**
 * The one-shot commands against a running bridge: get, set, call, describe,
 * observe. Each prints JSON and exits non-zero with the error on failure.
 * They share `parseCommand` with the REPL.
 */
import type { BridgeClient, Reply } from '../bridge/bridge-client';
import type { RequestBody } from '../bridge/script-requests';
import { formatPath, parsePath, type ParsedPath } from '../protocol/src/path';

export class UsageError extends Error {}

/** `live_set tracks 0 name` -> target `live_set tracks 0`, member `name` (when the last step has no index). */
export function splitMember(path: string): { target: string; member: string | null } {
  const parsed = parsePath(path);
  const last = parsed.steps.at(-1);
  if (last === undefined || last.index !== undefined) return { target: formatPath(parsed), member: null };
  const rest: ParsedPath = { root: parsed.root, steps: parsed.steps.slice(0, -1) };
  return { target: formatPath(rest), member: last.name };
}

function json(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what} must be JSON (${JSON.stringify(text)} is not; quote strings: '"Bass"')`);
  }
}

export type Command = { kind: 'request'; body: RequestBody } | { kind: 'observe'; target: string; prop: string };

/** Turns command words into a request; throws UsageError with what is wrong. */
export function parseCommand(name: string, words: readonly string[]): Command {
  const [path, ...rest] = words;
  if (path === undefined) throw new UsageError(`${name} needs a path, e.g. ${name} "live_set tracks 0"`);
  switch (name) {
    case 'get': {
      const { target, member } = splitMember(path);
      return { kind: 'request', body: member === null ? { op: 'get', target } : { op: 'get', target, prop: member } };
    }
    case 'set': {
      const { target, member } = splitMember(path);
      if (member === null || rest.length !== 1) throw new UsageError('set PATH JSON, e.g. set "live_set tempo" 128');
      return {
        kind: 'request',
        body: { op: 'set', target, prop: member, value: json(rest[0] as string, 'the value') as never },
      };
    }
    case 'call': {
      const [fn, ...args] = rest;
      if (fn === undefined)
        throw new UsageError('call PATH FUNCTION [JSON_ARGS...], e.g. call "live_set tracks 0 clip_slots 0" fire');
      return {
        kind: 'request',
        body: {
          op: 'call',
          target: formatPath(parsePath(path)),
          fn,
          args: args.map((arg, i) => json(arg, `argument ${i + 1}`)) as never,
        },
      };
    }
    case 'describe':
      return { kind: 'request', body: { op: 'describe', target: formatPath(parsePath(path)) } };
    case 'observe': {
      const [prop] = rest;
      if (prop === undefined) throw new UsageError('observe PATH PROPERTY, e.g. observe live_set tempo');
      return { kind: 'observe', target: formatPath(parsePath(path)), prop };
    }
    default:
      throw new UsageError(`unknown command ${name}`);
  }
}

export function printReply(reply: Reply, out: (line: string) => void, err: (line: string) => void): number {
  if (reply.ok) {
    out(JSON.stringify(reply.result, null, 2));
    return 0;
  }
  err(`${reply.error.code}: ${reply.error.message}`);
  return 1;
}

/** Runs one command; resolves with the exit code. `count` bounds how many values observe prints. */
export async function runCommand(
  client: BridgeClient,
  command: Command,
  count: number,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  if (command.kind === 'request') return printReply(await client.request(command.body), out, err);
  let printed = 0;
  return new Promise((resolve) => {
    const started = client.start({ op: 'observe', target: command.target, prop: command.prop });
    const obs = started.id;
    const stop = client.onEvent((event) => {
      if (event.ev === 'changes') {
        for (const change of event.changes) {
          if (change.obs !== obs) continue;
          out(JSON.stringify(change.value));
          if ((printed += 1) >= count) finish(0);
        }
      } else if (event.ev === 'gone' && event.obs === obs) {
        err(`gone: ${event.message}`);
        finish(1);
      }
    });
    const finish = (code: number): void => {
      stop();
      resolve(code);
    };
    void started.reply.then((reply) => {
      if (!reply.ok) return finish(printReply(reply, out, err));
      out(JSON.stringify(reply.result));
      if ((printed += 1) >= count) finish(0);
    });
  });
}
