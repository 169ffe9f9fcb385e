/**
 * The built Storybook (dist/storybook, built by the global setup) served on
 * loopback and opened in Debian's Chromium, one story at a time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveDirectory, type StaticServer } from '../support/static-server';
import type { MidiMessage } from '../../protocol/src/index';
import { launchChromium } from './chromium';

export const ROOT = join(import.meta.dirname, '..', '..');
export const STORYBOOK_DIR = join(ROOT, 'dist', 'storybook');
export const OUTPUT_DIR = join(ROOT, 'test', 'browser', 'output');

export interface StoryEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

export function storyIndex(): StoryEntry[] {
  const index = JSON.parse(readFileSync(join(STORYBOOK_DIR, 'index.json'), 'utf8')) as {
    entries: Record<string, StoryEntry>;
  };
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

export interface OpenStorybook {
  browser: Browser;
  server: StaticServer;
  /** A page showing one story, at a tablet's size with touch, its errors collected. */
  open: (id: string, options?: StoryOptions) => Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  /**
   * The story shown on a page kept for these options, switched in place
   * (Storybook's preview loads once, not once per story); the errors are
   * those since this story was asked for. A page whose story did not finish
   * is closed, so the next story starts on a fresh one.
   */
  show: (id: string, options?: StoryOptions) => Promise<{ page: Page; errors: string[] }>;
  close: () => Promise<void>;
}

/** The theme and the size a story is shown in. */
export interface StoryOptions {
  theme?: 'dark' | 'light';
  viewport?: { width: number; height: number };
}

/**
 * Runs in the page before Storybook: hears on Storybook's channel when a
 * story has finished (rendered, play function run), which and how, and
 * keeps the channel so a test can switch stories without reloading.
 */
const WATCH_STORY = `(() => {
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      value.on('storyFinished', (event) => { window.__storyFinished = { id: event.storyId, status: event.status }; });
      value.on('playFunctionThrewException', (error) => console.error('play function threw: ' + (error && error.message)));
      value.on('storyThrewException', (error) => console.error('story threw: ' + (error && error.message)));
    },
  });
})();`;

/** Runs in the page: Storybook's preview shows another story, as its manager would ask it to. */
const SHOW_STORY = `(id) => {
  window.__storyFinished = undefined;
  // what the last story kept (settings a story stored) must not reach the next
  localStorage.clear();
  sessionStorage.clear();
  window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
}`;

type Finished = { id: string; status: string } | undefined;

/** Waits until the story `id` has finished; says how, or why it did not. */
async function storyFinished(page: Page, id: string): Promise<string> {
  return page
    .waitForFunction(
      (storyId) => {
        const finished = (window as unknown as { __storyFinished?: Finished }).__storyFinished;
        return finished?.id === storyId ? finished.status : undefined;
      },
      id,
      { timeout: 20_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<string>)
    .catch((error: unknown) => `did not finish: ${String(error)}`);
}

/** Errors a page reported: its own, its console's, and failed loads. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // a failed load is reported below with its address
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('response', (response) => {
    // (the browser asks for /favicon.ico by itself; Storybook's iframe has none)
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
      errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

function finishedError(id: string, status: string): string[] {
  if (status === 'success') return [];
  return [`the story ${id} ${status === 'error' ? 'failed (its play function or its render threw)' : status}`];
}

export const TABLET = { width: 1194, height: 834 };
export const PHONE = { width: 390, height: 844 };

export async function openStorybook(): Promise<OpenStorybook> {
  const server = await serveDirectory(STORYBOOK_DIR);
  const browser = await launchChromium();
  const storyUrl = (id: string, options: StoryOptions) =>
    `${server.url}/iframe.html?id=${id}&viewMode=story&globals=theme:${options.theme ?? 'dark'}`;

  /**
   * Storybook holds a story's end until its CSS animations and transitions have run (100 ms at
   * least); under its test runner's user agent it shows their end state at once instead, as a
   * photograph wants. Pages that only show stories say they are that runner; pages a test
   * touches keep the browser's own agent and the animations a musician sees.
   */
  const testRunnerAgent = await (async () => {
    const probe = await browser.newPage();
    const agent = await probe.evaluate(() => navigator.userAgent);
    await probe.close();
    return `${agent} StorybookTestRunner`;
  })();

  async function newPage(options: StoryOptions, onlyShown = false) {
    const context = await browser.newContext({
      viewport: options.viewport ?? TABLET,
      hasTouch: true,
      deviceScaleFactor: 1,
      ...(onlyShown ? { userAgent: testRunnerAgent } : {}),
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.addInitScript(WATCH_STORY);
    return { context, page, errors };
  }

  /** Pages kept for `show`, by their options. */
  const kept = new Map<string, Awaited<ReturnType<typeof newPage>>>();

  return {
    browser,
    server,
    async open(id, options = {}) {
      const { context, page, errors } = await newPage(options);
      await page.goto(storyUrl(id, options));
      // rendered and its play function done: what a test does next does not race the story's own play
      errors.push(...finishedError(id, await storyFinished(page, id)));
      return { page, context, errors };
    },
    async show(id, options = {}) {
      const key = JSON.stringify([options.theme ?? 'dark', options.viewport ?? TABLET]);
      let tab = kept.get(key);
      if (tab) {
        tab.errors.length = 0;
        await tab.page.evaluate(`(${SHOW_STORY})(${JSON.stringify(id)})`);
      } else {
        tab = await newPage(options, true);
        kept.set(key, tab);
        await tab.page.goto(storyUrl(id, options));
      }
      const status = await storyFinished(tab.page, id);
      const errors = [...tab.errors, ...finishedError(id, status)];
      if (status !== 'success') {
        kept.delete(key);
        await tab.context.close();
      }
      return { page: tab.page, errors };
    },
    async close() {
      for (const tab of kept.values()) await tab.context.close();
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The built Storybook for the tests of one `describe`: opened in Chromium
 * before the first, closed after the last.
 */
export function storybookForTests(): Pick<OpenStorybook, 'open' | 'show'> {
  let storybook: OpenStorybook | undefined;
  beforeAll(async () => {
    storybook = await openStorybook();
  }, 30_000);
  afterAll(async () => {
    await storybook?.close();
  });
  return {
    open(id, options) {
      if (!storybook) throw new Error('the Storybook did not open (see the error in beforeAll)');
      return storybook.open(id, options);
    },
    show(id, options) {
      if (!storybook) throw new Error('the Storybook did not open (see the error in beforeAll)');
      return storybook.show(id, options);
    },
  };
}

/** Every MIDI message an interactive story's log shows (`MidiLog`), oldest first. */
export async function midiSent(page: Page): Promise<MidiMessage[]> {
  const entries = await page
    .locator('[data-testid="midi-log"] li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-message') ?? ''));
  return entries.reverse().map((entry) => JSON.parse(entry) as MidiMessage);
}
