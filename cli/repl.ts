/**
 * `livesurface repl`: a console on Live's object model. Type a command, see
 * JSON; Tab completes commands, paths and member names (asked of Live with
 * `describe`). The way Live's API is best learned: try it and see.
 */
import { createInterface, type Interface } from 'node:readline';
import type { BridgeClient } from '../bridge/bridge-client';
import { Description } from '../protocol/src/index';
import { formatPath, parsePath, PathSyntaxError } from '../protocol/src/path';
import { parseCommand, printReply, UsageError } from './commands';

const COMMANDS = ['get', 'set', 'call', 'describe', 'observe', 'unobserve', 'help', 'exit'];
const HELP = `commands (paths like: live_set tracks 0 clip_slots 2 clip):
  get PATH                        a property (last word) or an object
  set PATH JSON                   e.g. set live_set tempo 128
  call PATH FUNCTION [JSON...]    e.g. call live_set tracks 0 clip_slots 0 fire
  describe PATH                   properties, children, functions of an object
  observe PATH PROPERTY           print changes as they come; unobserve N ends it
  help, exit`;

/** Words of a line; "double quoted" words may hold spaces (JSON strings, paths). */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
    words.push(match[1] !== undefined ? `"${match[1]}"` : (match[2] as string));
  }
  return words;
}

export class Completer {
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly client: BridgeClient) {}

  /** Member names of the object at `path` (cached). */
  async members(path: string): Promise<string[]> {
    const known = this.cache.get(path);
    if (known) return known;
    const reply = await this.client.request({ op: 'describe', target: path });
    const parsed = reply.ok ? Description.safeParse(reply.result) : null;
    const names = parsed?.success
      ? [
          ...parsed.data.properties.map((p) => p.name),
          ...parsed.data.children.map((c) => c.name),
          ...parsed.data.functions.map((f) => f.name),
        ]
      : [];
    this.cache.set(path, names.sort());
    return names;
  }

  /** Completions for a line, readline's way: [candidates, the word they replace]. */
  async complete(line: string): Promise<[string[], string]> {
    const words = line.split(/\s+/);
    const current = words.at(-1) ?? '';
    if (words.length <= 1) return [COMMANDS.filter((c) => c.startsWith(current)), current];
    const before = words.slice(1, -1);
    if (before.length === 0) return [['live_set', 'live_app', 'id'].filter((c) => c.startsWith(current)), current];
    let path: string;
    try {
      path = formatPath(parsePath(before.join(' ')));
    } catch (error) {
      if (error instanceof PathSyntaxError) return [[], current];
      throw error;
    }
    const members = await this.members(path);
    return [members.filter((name) => name.startsWith(current)), current];
  }
}

export async function runRepl(client: BridgeClient, input = process.stdin, output = process.stdout): Promise<number> {
  const completer = new Completer(client);
  const observations = new Map<number, string>();
  client.onEvent((event) => {
    if (event.ev === 'changes') {
      for (const change of event.changes)
        output.write(`[${change.obs}] ${observations.get(change.obs) ?? ''} = ${JSON.stringify(change.value)}\n`);
    } else if (event.ev === 'status') {
      output.write(`Live is ${event.live.state}\n`);
    } else if (event.ev === 'gone') {
      output.write(`[${event.obs}] gone: ${event.message}\n`);
    }
  });
  const rl: Interface = createInterface({
    input,
    output,
    prompt: 'live> ',
    completer: (line: string, done: (error: null, result: [string[], string]) => void) => {
      completer.complete(line).then(
        (result) => done(null, result),
        () => done(null, [[], line]),
      );
    },
  });
  output.write('LiveSurface console. Tab completes; "help" lists the commands.\n');
  rl.prompt();
  for await (const line of rl) {
    const words = splitWords(line.trim());
    const [name, ...rest] = words;
    if (name === undefined) {
      rl.prompt();
      continue;
    }
    if (name === 'exit' || name === 'quit') break;
    try {
      if (name === 'help') output.write(`${HELP}\n`);
      else if (name === 'unobserve') {
        printReply(
          await client.request({ op: 'unobserve', obs: Number(rest[0]) }),
          (l) => output.write(`${l}\n`),
          (l) => output.write(`${l}\n`),
        );
      } else {
        const command = parseCommand(name, replWords(name, rest));
        if (command.kind === 'observe') {
          const started = client.start({ op: 'observe', target: command.target, prop: command.prop });
          observations.set(started.id, `${command.target} ${command.prop}`);
          const reply = await started.reply;
          if (reply.ok)
            output.write(`[${started.id}] ${command.target} ${command.prop} = ${JSON.stringify(reply.result)}\n`);
          else output.write(`${reply.error.code}: ${reply.error.message}\n`);
        } else {
          printReply(
            await client.request(command.body),
            (l) => output.write(`${l}\n`),
            (l) => output.write(`${l}\n`),
          );
        }
      }
    } catch (error) {
      output.write(
        `${error instanceof UsageError || error instanceof PathSyntaxError ? error.message : String(error)}\n`,
      );
    }
    rl.prompt();
  }
  rl.close();
  return 0;
}

/**
 * In the console a path needs no quotes: `set live_set tempo 128`. The words a
 * command takes after the path (set: the value; observe: the property; call:
 * the function and its arguments) are the ones that cannot be path words.
 */
export function replWords(name: string, words: readonly string[]): string[] {
  const unquote = (word: string): string =>
    word.startsWith('"') && word.endsWith('"') && name !== 'set' ? word.slice(1, -1) : word;
  if (name === 'set' || name === 'observe') return [words.slice(0, -1).join(' '), ...words.slice(-1)];
  if (name === 'call') {
    // the function is the first word after a complete path whose next word is not an index;
    // JSON arguments follow it. Paths alternate names and indexes, so the function is the
    // last bare name before the first JSON-looking word.
    const firstJson = words.findIndex((word) => /^[\d"[{-]|^(true|false|null)$/.test(word) && !/^\d+$/.test(word));
    const end = firstJson === -1 ? words.length : firstJson;
    let fnIndex = end - 1;
    while (fnIndex > 0 && /^\d+$/.test(words[fnIndex] as string)) fnIndex -= 1;
    return [words.slice(0, fnIndex).join(' '), ...words.slice(fnIndex).map(unquote)];
  }
  return [words.map(unquote).join(' ')];
}
