// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { FakeLive } from '../../fake-live/fake-live';
import { initialLinkState, nextLinkState } from '../../link/link-state';
import { provideMachines } from '../../machines/provide';
import type { BridgeHelloResult, PageList } from '../../protocol/src/index';
import { pagesOf, usePages } from './use-pages';

const PAGES: PageList = [
  { name: 'drums', revision: 'r1', page: { format: 'livesurface.page', version: 1, title: 'Drums', widgets: [] } },
  { name: 'broken', revision: 'r2', error: 'not JSON: Unexpected end of JSON input' },
];

const hello: BridgeHelloResult = {
  protocol: 1,
  bridge_version: 'test',
  live: { state: 'online', host: 'simulator', live_version: '12.3.6', set_name: 'Demo' },
  midi: { mode: 'simulator', detail: 'test' },
  locked: false,
  pages: PAGES,
};

function connection() {
  const live = new FakeLive();
  const actor = createActor(provideMachines(live.effects()).connection).start();
  return { live, actor };
}

describe('pagesOf', () => {
  it('has no pages before the first hello, then the hello’s, then each list the bridge tells', () => {
    const { live, actor } = connection();
    expect(pagesOf(actor.getSnapshot())).toEqual([]);
    const greeted = nextLinkState(initialLinkState, { type: 'greeted', hello });
    live.link(greeted);
    expect(pagesOf(actor.getSnapshot())).toBe(PAGES);
    const fewer = PAGES.slice(1);
    live.link(nextLinkState(greeted, { type: 'pages', pages: fewer }));
    expect(pagesOf(actor.getSnapshot())).toBe(fewer);
  });
});

describe('usePages', () => {
  it('renders again when the list changes, not when the rest of the link does', () => {
    const { live, actor } = connection();
    const greeted = nextLinkState(initialLinkState, { type: 'greeted', hello });
    live.link(greeted);
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return usePages(actor);
    });
    expect(result.current).toBe(PAGES);
    const before = renders;
    act(() => live.link(nextLinkState(greeted, { type: 'rtt', rtt: { last: 2, mean: 2, jitter: 0, samples: 1 } })));
    expect(renders).toBe(before);
    act(() => live.link(nextLinkState(greeted, { type: 'pages', pages: [] })));
    expect(result.current).toEqual([]);
    expect(renders).toBe(before + 1);
  });
});
