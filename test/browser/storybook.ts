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
  open: (
    id: string,
    options?: { theme?: 'dark' | 'light'; viewport?: { width: number; height: number } },
  ) => Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  close: () => Promise<void>;
}

/**
 * Runs in the page before Storybook: hears on Storybook's channel when the
 * story has finished (rendered, play function run) and how.
 */
const WATCH_STORY = `(() => {
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      value.on('storyFinished', (event) => { window.__storyFinished = event.status; });
      value.on('playFunctionThrewException', (error) => console.error('play function threw: ' + (error && error.message)));
      value.on('storyThrewException', (error) => console.error('story threw: ' + (error && error.message)));
    },
  });
})();`;

export const TABLET = { width: 1194, height: 834 };
export const PHONE = { width: 390, height: 844 };

export async function openStorybook(): Promise<OpenStorybook> {
  const server = await serveDirectory(STORYBOOK_DIR);
  const browser = await launchChromium();
  return {
    browser,
    server,
    async open(id, options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? TABLET,
        hasTouch: true,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
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
      await page.addInitScript(WATCH_STORY);
      await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=story&globals=theme:${options.theme ?? 'dark'}`);
      // rendered and its play function done: what a test does next does not race the story's own play
      const status = await page
        .waitForFunction(() => (window as unknown as { __storyFinished?: string }).__storyFinished, undefined, {
          timeout: 20_000,
        })
        .then((handle) => handle.jsonValue() as Promise<string>)
        .catch((error: unknown) => `did not finish: ${String(error)}`);
      if (status !== 'success')
        errors.push(
          `the story ${id} ${status === 'error' ? 'failed (its play function or its render threw)' : status}`,
        );
      return { page, context, errors };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The built Storybook for the tests of one `describe`: opened in Chromium
 * before the first, closed after the last.
 */
export function storybookForTests(): Pick<OpenStorybook, 'open'> {
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
  };
}

/** Every MIDI message an interactive story's log shows (`MidiLog`), oldest first. */
export async function midiSent(page: Page): Promise<MidiMessage[]> {
  const entries = await page
    .locator('[data-testid="midi-log"] li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-message') ?? ''));
  return entries.reverse().map((entry) => JSON.parse(entry) as MidiMessage);
}
