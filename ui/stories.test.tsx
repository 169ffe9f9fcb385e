// @vitest-environment jsdom
/**
 * Every story of every widget renders, and its `play` interactions pass
 * (portable stories: the same stories, decorators and play functions as
 * Storybook, in jsdom).
 */
import { composeStories } from '@storybook/react-vite';
import { afterAll, describe, expect, it } from 'vitest';

type StoryModule = Parameters<typeof composeStories>[0];
interface PortableStory {
  run: () => Promise<void>;
  load: () => Promise<void>;
}
const modules = import.meta.glob<StoryModule>('./**/*.stories.tsx', { eager: true });

describe('stories', () => {
  it('are found beside the widgets', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(0);
  });

  let last: PortableStory | null = null;
  for (const [path, module] of Object.entries(modules)) {
    describe(path.replace('./', ''), () => {
      for (const [name, story] of Object.entries<PortableStory>(composeStories(module))) {
        it(name, async () => {
          last = story;
          await story.run();
          // a widget rendered inside the theme's root (every widget's classes start with ls-)
          expect(document.body.querySelector('.ls-root [class*="ls-"]')).not.toBeNull();
        });
      }
    });
  }

  // the last story's studio and React root go away too (load() runs Storybook's cleanups)
  afterAll(async () => {
    await last?.load();
  });
});
