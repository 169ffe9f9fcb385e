/**
 * The built Storybook in Chromium: every story renders without an error,
 * and each widget's AllStates page is photographed in the dark theme at a
 * tablet's size and in the light theme on a phone, so both themes and both
 * sizes are seen (test/browser/output/storybook/).
 * Stories follow each other on one page per theme and size, as Storybook's
 * own manager switches them: the preview loads once, not 350 times.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_DIR, PHONE, storyIndex, storybookForTests } from './storybook';

const SHOTS = join(OUTPUT_DIR, 'storybook');

describe('the built Storybook', () => {
  const storybook = storybookForTests();

  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  const stories = storyIndex();
  const allStates = stories.filter((story) => story.name === 'All States');

  it('has an AllStates page for every widget', () => {
    const widgets = new Set(stories.map((story) => story.title).filter((title) => !title.startsWith('Benchmarks/')));
    expect(new Set(allStates.map((story) => story.title))).toEqual(widgets);
  });

  it.each(allStates.map((story) => [story.title, story.id]))(
    'photographs %s in every state',
    async (_, id) => {
      for (const [theme, viewport, suffix] of [
        ['dark', undefined, ''],
        ['light', PHONE, '.light.phone'],
      ] as const) {
        const { page, errors } = await storybook.show(id, { theme, viewport });
        expect(errors).toEqual([]);
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: join(SHOTS, `${id}${suffix}.png`), fullPage: true });
      }
    },
    60_000,
  );

  // one test per story: each has its own time, and a failure names its story (an AllStates page
  // was shown, and its errors checked, when it was photographed)
  it.each(stories.filter((story) => story.name !== 'All States').map((story) => [story.id]))(
    'renders %s without an error',
    async (id) => {
      const { errors } = await storybook.show(id);
      expect(errors).toEqual([]);
    },
    30_000,
  );
});
