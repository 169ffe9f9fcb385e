/**
 * `livesurface <command>`: the entry point; each command lives in its own module.
 */
import { parseArgs } from 'node:util';
import { PathSyntaxError } from '../protocol/src/path';
import { parseCommand, runCommand, UsageError } from './commands';
import { connectCli } from './connect';
import { installScript } from './install-script';
import { replWords, runRepl } from './repl';
import { runSimulator } from './sim';
import { runStart } from './start';
import { runToken, tokenFromFile } from './token';

const USAGE = `usage: livesurface <command> [options]

commands:
  start   the bridge and the app, on Live when its script answers, else on the simulator (npm start)
            --port N         HTTP and WebSocket port (default 9400)
            --host ADDR      address to listen on (default all interfaces)
            --https          serve HTTPS (and the WebSocket over TLS), which Web MIDI on a tablet needs,
                             with a certificate signed by a CA of this computer's own, made once and
                             kept in your config: trust it once on each tablet (open /ca.crt there).
                             Without it, plain HTTP, for a trusted network
            --token-file F   read the session token from file F (mode 0600); or set LIVESURFACE_TOKEN.
                             Without either, the token kept in your config is used (made at the first
                             start), so tablets need not rescan the QR code after a restart. A token
                             needs at least 128 bits of randomness (e.g. openssl rand -hex 16).
            --token T        the same on the command line (every user sees it in ps: avoid)
            --sim            always run the simulator
            --live           wait for real Live, never the simulator
            --allow-origin O another origin allowed to connect (repeatable; e.g. a dev server)
            --lock           start locked for performance: creating, deleting, duplicating or moving
                             tracks, scenes, devices and clips is refused until a tablet unlocks
            --dev            serve the app from its sources (ui/, layouts/): a saved file reaches every
                             tablet at once, without restarting the bridge or Live (npm run dev)
            --layouts DIR    where pages built on a tablet are saved (default: layouts/ of this
                             checkout, else the layouts folder in your config)
            --no-wake        diagnostics: no wake-up sysex; the script finds requests on its timer
            --script-port N  where the script listens (default 9401)
            --midi-port N    the simulator's MIDI input (default 9402)
  sim     run the simulator alone
            --script DIR     a remote script folder to host (default live-script/LiveSurface)
            --live-version 11|12, --script-port N, --midi-port N

  get PATH                       a property ("live_set tempo") or an object ("live_set tracks 0")
  set PATH JSON                  set "live_set tempo" 128
  call PATH FUNCTION [JSON...]   call "live_set tracks 0 clip_slots 0" fire
  describe PATH                  an object's properties, children and functions
  observe PATH PROPERTY          print the value, then its changes   [--count N]
  repl                           an interactive console with completion
            these take --url URL (default http://127.0.0.1:9400) and --token-file F or --token T
            (default: LIVESURFACE_TOKEN, else the token of the bridge running on this computer)

  token                          print the kept session token (and where it is kept)
            --rotate         make a new one: tablets must open the new address (rescan the QR code)
                             once the bridge restarts

  install-script                 copy the script into Live's Remote Scripts folder   [--dest DIR]
  help                           this text
`;

async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      sim: { type: 'boolean', default: false },
      live: { type: 'boolean', default: false },
      'script-port': { type: 'string', default: process.env.LIVESURFACE_SCRIPT_PORT ?? '9401' },
      'midi-port': { type: 'string', default: process.env.LIVESURFACE_SIM_MIDI_PORT ?? '9402' },
      script: { type: 'string' },
      port: { type: 'string', default: process.env.LIVESURFACE_PORT ?? '9400' },
      host: { type: 'string', default: '0.0.0.0' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      rotate: { type: 'boolean', default: false },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      'no-wake': { type: 'boolean', default: false },
      lock: { type: 'boolean', default: false },
      dev: { type: 'boolean', default: false },
      https: { type: 'boolean', default: false },
      layouts: { type: 'string' },
      url: { type: 'string' },
      count: { type: 'string', default: '1000000' },
      dest: { type: 'string' },
      'live-version': { type: 'string' },
    },
    strict: true,
  });
  const scriptPort = Number(values['script-port']);
  const midiPort = Number(values['midi-port']);
  const port = Number(values.port);
  if (![scriptPort, midiPort, port].every((value) => Number.isInteger(value) && value >= 0 && value < 65536)) {
    console.error('livesurface: ports must be integers');
    return 2;
  }
  const liveVersion = values['live-version'];
  if (liveVersion !== undefined && liveVersion !== '11' && liveVersion !== '12') {
    console.error('livesurface: --live-version is 11 or 12');
    return 2;
  }
  const clientToken = (): string | undefined =>
    values['token-file'] === undefined ? values.token : tokenFromFile(values['token-file']);
  switch (command) {
    case 'start':
      return runStart({
        port,
        host: values.host,
        token: { flag: values.token, file: values['token-file'], env: process.env.LIVESURFACE_TOKEN },
        mode: values.sim ? 'sim' : values.live ? 'live' : 'auto',
        scriptPort,
        midiPort,
        allowedOrigins: values['allow-origin'],
        wake: !values['no-wake'],
        lock: values.lock,
        dev: values.dev,
        layouts: values.layouts ?? null,
        https: values.https,
      });
    case 'sim':
      return runSimulator({ scriptPort, midiPort, script: values.script, liveVersion });
    case 'get':
    case 'set':
    case 'call':
    case 'describe':
    case 'observe': {
      const commandName = command;
      let parsed;
      try {
        parsed = parseCommand(commandName, replWords(commandName, positionals));
      } catch (error) {
        if (error instanceof UsageError || error instanceof PathSyntaxError) {
          console.error(`livesurface ${commandName}: ${error.message}`);
          return 2;
        }
        throw error;
      }
      const client = await connectCli(values.url, clientToken());
      try {
        return await runCommand(client, parsed, Math.max(1, Number(values.count) || 1));
      } finally {
        await client.close();
      }
    }
    case 'repl': {
      const client = await connectCli(values.url, clientToken());
      try {
        return await runRepl(client);
      } finally {
        await client.close();
      }
    }
    case 'token':
      return runToken(values.rotate);
    case 'install-script':
      return installScript(values.dest);
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      console.error(`livesurface: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`livesurface: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
