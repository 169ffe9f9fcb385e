// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RENDER_MODES } from '../../test/render-modes';
import { SHORT_SCREEN } from '../short-screen';
import { useBarLayout, type BarLayout } from './use-bar-layout';

/** A bar of three groups, each 200 px wide (what jsdom cannot lay out), in a bar `width` wide. */
function Bar({ width, forced }: { width: number; forced?: BarLayout }) {
  const bar = useRef<HTMLDivElement>(null);
  const layout = useBarLayout(bar, forced);
  return (
    <div ref={bar} data-testid="bar" data-layout={layout} data-width={width}>
      <div data-group="transport" />
      <div data-group="tempo" />
      <div data-group="position" />
    </div>
  );
}

/** A screen that is short (a phone on its side) or not, which can turn. */
function screenOf(short: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    matches: short,
    media: SHORT_SCREEN,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal(
    'matchMedia',
    vi.fn((media: string) => (media === SHORT_SCREEN ? query : { ...query, matches: false })),
  );
  return {
    turn(to: boolean) {
      query.matches = to;
      listeners.forEach((listener) => listener());
    },
  };
}

describe.each(RENDER_MODES)('useBarLayout (%s)', (_, Mode) => {
  beforeEach(() => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe(): void {}
        disconnect(): void {}
      },
    );
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 200 } as DOMRect);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return Number(this.dataset.width ?? 0);
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const layout = () => screen.getByTestId('bar').dataset.layout;

  it('is one row where the groups fit', () => {
    screenOf(true);
    render(
      <Mode>
        <Bar width={800} />
      </Mode>,
    );
    expect(layout()).toBe('row');
  });

  it('is compact where they do not, on a screen tall enough for rows of chrome', () => {
    screenOf(false);
    render(
      <Mode>
        <Bar width={400} />
      </Mode>,
    );
    expect(layout()).toBe('compact');
  });

  it('is tight where they do not on a short screen, and compact again when the phone stands up', () => {
    const phone = screenOf(true);
    render(
      <Mode>
        <Bar width={400} />
      </Mode>,
    );
    expect(layout()).toBe('tight');
    act(() => phone.turn(false));
    expect(layout()).toBe('compact');
  });

  it('is what it is told, whatever the room', () => {
    screenOf(true);
    render(
      <Mode>
        <Bar width={400} forced="row" />
      </Mode>,
    );
    expect(layout()).toBe('row');
  });
});
