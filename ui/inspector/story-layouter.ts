/**
 * The layouter of the inspector's stories: ELK in a worker in Storybook, as
 * on the page; in-process where there are no workers (the stories' run in
 * jsdom), so a story draws its chart there too. Stories only: the app never
 * bundles ELK itself (`worker-layouter.ts`).
 */
import type { Layouter } from './chart-layout';
import { workerLayouter } from './worker-layouter';

export function storyLayouter(): Layouter {
  if (typeof Worker !== 'undefined') return workerLayouter();
  let inProcess: Promise<Layouter> | null = null;
  return {
    layout: async (graph) => {
      inProcess ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
      return (await inProcess).layout(graph);
    },
  };
}
