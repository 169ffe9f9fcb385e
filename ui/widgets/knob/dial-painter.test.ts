// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordingContext } from '../../test/recording-context';
import type { DialView } from './dial-paint';
import { DialPainter, TILE } from './dial-painter';

/** Gives `element` a box on the page (jsdom lays nothing out). */
function place(element: HTMLElement, x: number, y: number, width: number, height: number): void {
  element.getBoundingClientRect = () =>
    ({ left: x, top: y, width, height, right: x + width, bottom: y + height, x, y }) as DOMRect;
}

/** A knob's two boxes at (x, y) in the layer: a 50 px face, the value's line under it. */
function knob(layer: HTMLElement, x: number, y: number) {
  const face = document.createElement('div');
  const value = document.createElement('span');
  layer.append(face, value);
  place(face, x, y, 50, 50);
  place(value, x, y + 60, 60, 16);
  return { face, value };
}

const view = (ratio: number): DialView => ({
  ratio,
  origin: 0,
  touched: false,
  text: `${Math.round(ratio * 100)} %`,
  color: null,
});

/** The IntersectionObserver the painter made, so a test says which bands are in view. */
let intersections: ((entries: Array<{ target: Element; isIntersecting: boolean }>) => void) | null = null;

describe('the dial painter', () => {
  let layer: HTMLElement;
  let contexts: RecordingContext[];
  let painter: DialPainter;
  const frame = () => vi.advanceTimersToNextFrame();
  /** The band canvases in the layer, top to bottom. */
  const bands = () => [...layer.querySelectorAll('canvas')];
  /** The context of band `index` (the first context made measures text). */
  const band = (index: number) => {
    const context = contexts[index + 1];
    if (!context) throw new Error(`no band ${index}`);
    return context;
  };
  const texts = (context: RecordingContext) => context.named('fillText').map((call) => call.args[0]);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: typeof intersections) {
          intersections = callback;
        }
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    layer = document.createElement('div');
    document.body.append(layer);
    place(layer, 0, 0, 400, 600);
    contexts = [];
    painter = new DialPainter(layer, () => {
      const context = new RecordingContext();
      contexts.push(context);
      return { canvas: document.createElement('canvas'), context };
    });
    // the first frame makes the measuring context, then the bands
    painter.remeasure();
    frame();
  });

  afterEach(() => {
    painter.destroy();
    layer.remove();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('cuts the group into bands and paints each knob on the band it sits on', () => {
    painter.add(knob(layer, 0, 10), view(0.1));
    painter.add(knob(layer, 0, 520), view(0.6));
    frame();
    expect(bands().map((canvas) => [canvas.style.top, canvas.style.height])).toEqual([
      ['0px', `${TILE}px`],
      [`${TILE}px`, `${TILE}px`],
      [`${2 * TILE}px`, `${600 - 2 * TILE}px`],
    ]);
    expect(texts(band(0))).toEqual(['10 %']);
    expect(texts(band(1))).toEqual([]);
    expect(texts(band(2))).toEqual(['60 %']);
    // drawn in the band's own coordinates
    expect(band(2).nth('fillText', 0).args[2]).toBe(520 + 60 + 8 - 2 * TILE);
  });

  it('repaints only the knob that changed, clearing where it was', () => {
    const first = painter.add(knob(layer, 0, 10), view(0.1));
    painter.add(knob(layer, 100, 10), view(0.2));
    frame();
    band(0).forget();
    first.update(view(0.3));
    frame();
    expect(texts(band(0))).toEqual(['30 %']);
    expect(
      band(0)
        .named('clearRect')
        .map((call) => call.args),
    ).toEqual([
      [-1, 9, 52, 52],
      [-1, 69, 62, 18],
    ]);
    band(0).forget();
    first.update(view(0.3));
    frame();
    expect(band(0).calls).toEqual([]);
  });

  it('paints a knob across two bands on both', () => {
    painter.add(knob(layer, 0, TILE - 30), view(0.5));
    frame();
    expect(texts(band(0))).toEqual(['50 %']);
    expect(texts(band(1))).toEqual(['50 %']);
  });

  it('leaves a band out of view alone and paints it whole as it comes into view', () => {
    const low = painter.add(knob(layer, 0, 520), view(0.1));
    painter.add(knob(layer, 100, 520), view(0.2));
    frame();
    const [, , last] = bands();
    if (!last) throw new Error('no third band');
    intersections?.([{ target: last, isIntersecting: false }]);
    band(2).forget();
    low.update(view(0.9));
    frame();
    expect(band(2).calls.filter((call) => call.name !== 'setTransform')).toEqual([]);
    intersections?.([{ target: last, isIntersecting: true }]);
    frame();
    expect(band(2).nth('clearRect', 0).args).toEqual([0, 0, 400, 600 - 2 * TILE]);
    expect(texts(band(2))).toEqual(['90 %', '20 %']);
  });

  it('clears a knob that leaves, and paints all again when one moved', () => {
    const gone = painter.add(knob(layer, 0, 10), view(0.1));
    const stays = knob(layer, 100, 10);
    painter.add(stays, view(0.2));
    frame();
    band(0).forget();
    gone.remove();
    frame();
    expect(band(0).nth('clearRect', 0).args).toEqual([-1, 9, 52, 52]);
    expect(texts(band(0))).toEqual([]);

    band(0).forget();
    place(stays.face, 150, 10, 50, 50);
    painter.remeasure();
    frame();
    expect(band(0).nth('clearRect', 0).args).toEqual([0, 0, 400, TILE]);
    expect(texts(band(0))).toEqual(['20 %']);
  });

  it('measures each text once in its font', () => {
    const one = painter.add(knob(layer, 0, 10), view(0.5));
    painter.add(knob(layer, 100, 10), view(0.5));
    frame();
    one.update(view(0.1));
    frame();
    one.update(view(0.5));
    frame();
    expect(contexts[0]?.measured).toBe(2);
  });
});
