/**
 * Test setup for views in jsdom: what jsdom lacks of a touch browser
 * (PointerEvent, pointer capture, elementFromPoint), cleanup between tests,
 * and Storybook's project annotations for portable stories.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { setProjectAnnotations } from '@storybook/react-vite';
import { afterEach } from 'vitest';
import * as preview from '../../.storybook/preview';

if (typeof window !== 'undefined') {
  if (typeof window.PointerEvent === 'undefined') {
    class PointerEventPolyfill extends MouseEvent {
      readonly pointerId: number;
      readonly pointerType: string;
      readonly pressure: number;
      readonly isPrimary: boolean;
      constructor(type: string, init: PointerEventInit = {}) {
        super(type, init);
        this.pointerId = init.pointerId ?? 1;
        this.pointerType = init.pointerType ?? 'mouse';
        this.pressure = init.pressure ?? 0.5;
        this.isPrimary = init.isPrimary ?? true;
      }
    }
    (window as unknown as { PointerEvent: typeof PointerEventPolyfill }).PointerEvent = PointerEventPolyfill;
  }
  const captured = new WeakMap<Element, Set<number>>();
  const proto = window.HTMLElement.prototype as unknown as Record<string, unknown>;
  proto.setPointerCapture ??= function setPointerCapture(this: Element, id: number) {
    const ids = captured.get(this) ?? new Set<number>();
    ids.add(id);
    captured.set(this, ids);
  };
  proto.releasePointerCapture ??= function releasePointerCapture(this: Element, id: number) {
    captured.get(this)?.delete(id);
  };
  proto.hasPointerCapture ??= function hasPointerCapture(this: Element, id: number) {
    return captured.get(this)?.has(id) ?? false;
  };
  // jsdom has neither; `typeof` asks without reading the method off its object (which would detach its `this`)
  if (typeof document.elementFromPoint !== 'function') document.elementFromPoint = () => null;
  if (typeof window.matchMedia !== 'function')
    window.matchMedia = (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener() {},
      removeEventListener() {},
      addListener() {},
      removeListener() {},
      dispatchEvent: () => false,
    });
  afterEach(() => cleanup());
}

setProjectAnnotations([preview]);
