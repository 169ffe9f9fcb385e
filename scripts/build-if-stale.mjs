// Builds what is missing or older than its sources: the app (dist/app; `npm start` runs this first)
// and, when asked (`storybook`), the static Storybook (dist/storybook) that browser tests open.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);

/** What the browser code is made of: a change to any of these makes a build stale. */
const SOURCES = ['ui', 'machines', 'link', join('protocol', 'src')];

const targets = {
  app: {
    built: join(root, 'dist', 'app', 'index.html'),
    extra: ['vite.config.ts'],
    command: [bin('vite', join('bin', 'vite.js')), 'build', '--logLevel', 'warn'],
    output: 'inherit',
  },
  storybook: {
    built: join(root, 'dist', 'storybook', 'index.json'),
    extra: ['.storybook'],
    command: [
      bin('storybook', join('dist', 'bin', 'dispatcher.js')),
      'build',
      '--quiet',
      '--output-dir',
      join('dist', 'storybook'),
    ],
    // its progress report is long; errors still show
    output: 'ignore',
  },
};

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** One build at a time per target, across processes (test runs started together). */
function withLock(name, fn) {
  const lock = join(root, 'dist', `.building-${name}`);
  mkdirSync(join(root, 'dist'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock left by a build that died long ago is void
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 300_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`another build of the ${name} holds ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function buildIfStale(name) {
  const target = targets[name];
  if (!target) throw new Error(`nothing to build called ${name} (app, storybook)`);
  return withLock(name, () => buildWhenStale(name, target));
}

function buildWhenStale(name, target) {
  const sources = Math.max(...[...SOURCES, ...target.extra].map((path) => newest(join(root, path))));
  if (existsSync(target.built) && statSync(target.built).mtimeMs >= sources) return false;
  console.log(`LiveSurface: building the ${name} (once, until its sources change)…`);
  // A test runner sets NODE_ENV=test, and Vite would then bundle React's development build (three times
  // larger, slower): what is built here is what users get, so it is always the production build.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(process.execPath, target.command, { cwd: root, env, stdio: ['ignore', target.output, 'inherit'] });
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const name of process.argv.length > 2 ? process.argv.slice(2) : ['app']) buildIfStale(name);
}
