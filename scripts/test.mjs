// `npm test`: every check, in two lanes side by side. The browser tests run one file at a time
// (two at once on a small machine make timing-sensitive tests flaky) and wait on the browser,
// the simulator and the network more than they compute; the other lane (lint, format, types,
// Python, and the unit, ui and integration tests) computes. Side by side they take the time of
// the longer lane instead of the sum of both.
//
// The browser lane's output is shown as it comes, line by line; the other lane's is shown whole
// when each of its commands ends, so the two never interleave within a line. A lane stops at its
// first failure; the run fails when either lane did, once both have stopped.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** npm scripts (package.json defines each check once), in the order each lane runs them. */
const LANES = [
  { scripts: ['test:browser'], live: true },
  {
    scripts: ['lint:ts', 'lint:py', 'format:check', 'typecheck', 'test:py', 'test:node'],
    live: false,
  },
];

/** Writes whole lines of a stream as they come, keeping a partial line until it ends. */
function lineWriter() {
  let partial = '';
  return {
    write(chunk) {
      const text = partial + chunk;
      const end = text.lastIndexOf('\n') + 1;
      if (end > 0) process.stdout.write(text.slice(0, end));
      partial = text.slice(end);
    },
    flush() {
      if (partial) process.stdout.write(`${partial}\n`);
      partial = '';
    },
  };
}

function run(script, live) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const liveLines = live ? lineWriter() : null;
    let output = '';
    const take = (chunk) => {
      if (liveLines) liveLines.write(chunk.toString());
      else output += chunk;
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => take(`${error.message}\n`));
    child.on('close', (code) => {
      liveLines?.flush();
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      const ok = code === 0;
      process.stdout.write(`${output}${ok ? '✓' : '✗'} npm run ${script} (${seconds} s)\n`);
      resolve(ok);
    });
  });
}

async function runLane({ scripts, live }) {
  for (const script of scripts) {
    if (!(await run(script, live))) return script;
  }
  return null;
}

const started = Date.now();
const failed = (await Promise.all(LANES.map(runLane))).filter((script) => script !== null);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (failed.length > 0) {
  process.stderr.write(`npm test failed (${minutes} min): ${failed.map((script) => `npm run ${script}`).join(', ')}\n`);
  process.exit(1);
}
process.stdout.write(`npm test passed (${minutes} min)\n`);
