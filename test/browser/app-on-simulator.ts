/**
 * The app as a musician opens it, for the page tests: a bridge on the
 * simulator serving the built app (dist/app), Chromium, and a page at any
 * size with touch, on a tab of the app. Call `appOnSimulator()` inside a
 * `describe`: it starts them before the tests and ends them after.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { BridgeClient } from '../../bridge/bridge-client';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';

const APP_DIR = join(import.meta.dirname, '..', '..', 'dist', 'app');

export interface OpenedApp {
  context: BrowserContext;
  page: Page;
  /** Errors the page threw. */
  errors: string[];
}

export interface AppOnSimulator {
  /** The bridge (and through it, the simulator). */
  readonly setup: TestBridge;
  /** A client of the bridge, to ask Live what it holds (not the page). */
  readonly client: BridgeClient;
  /** Chromium, for a test that sets its context up itself. */
  readonly browser: Browser;
  /** The app in a new page of `viewport`, on the tab named `tab` when given; `query` adds to its address (`&inspect`). */
  open(viewport: { width: number; height: number }, tab?: string, query?: string): Promise<OpenedApp>;
}

export function appOnSimulator(): AppOnSimulator {
  let setup: TestBridge | undefined;
  let browser: Browser | undefined;
  let client: BridgeClient | undefined;
  beforeAll(async () => {
    setup = await startTestBridge({ appDir: APP_DIR, timeoutMs: 5000 });
    browser = await launchChromium();
    client = await setup.client();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use appOnSimulator() inside a describe`);
    return value;
  };
  return {
    get setup() {
      return ready(setup, 'the bridge');
    },
    get client() {
      return ready(client, 'the bridge');
    },
    get browser() {
      return ready(browser, 'Chromium');
    },
    async open(viewport, tab, query = '') {
      const context = await ready(browser, 'Chromium').newContext({ viewport, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${ready(setup, 'the bridge').url}/?token=${TOKEN}${query}`);
      if (tab !== undefined) await page.getByRole('tab', { name: tab }).tap();
      return { context, page, errors };
    },
  };
}
