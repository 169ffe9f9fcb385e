/**
 * A group of knobs painted on canvases under them: `DialLayer` puts its
 * layer under its children (its parent is their positioned container) and
 * the live knobs in it hand their dials and values to its painter
 * (`useDialPaint`, `dial-painter.ts`). Where there is no 2D context (a
 * test's DOM) there is no painter, and each knob draws its own SVG, as it
 * does outside a layer and whenever it is not live.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { NO_CANVAS } from '../canvas-support';
import type { ValueFeed, ValueSample } from '../value-feed';
import type { DialView } from './dial-paint';
import { DialPainter, type DialHandle } from './dial-painter';
import './dial-layer.css';

/**
 * A band's canvas for the painter (it places and sizes it). Not
 * `desynchronized`: that would skip the compositor's copy of each changed
 * band (a fifth of the main thread with 256 knobs moving, in software
 * compositing) but may show a knob between its clearing and its painting.
 */
function makeCanvas(): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } | null {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  return context ? { canvas, context } : null;
}

const PainterContext = createContext<DialPainter | null>(null);

/** Gives the knobs inside a painter of one's own (a test's, on a recording context). */
export const DialPainterProvider = PainterContext.Provider;

/** The painter of the layer a knob sits in, or null outside one. */
export const useDialPainter = (): DialPainter | null => useContext(PainterContext);

export function DialLayer({ children }: { children: ReactNode }) {
  const [painter, setPainter] = useState<DialPainter | null>(null);
  const attach = useCallback((element: HTMLDivElement | null) => {
    setPainter(element && !NO_CANVAS ? new DialPainter(element, makeCanvas) : null);
  }, []);

  useEffect(() => () => painter?.destroy(), [painter]);

  return (
    <PainterContext.Provider value={painter}>
      <div ref={attach} className="ls-dial-layer" aria-hidden="true" />
      {children}
    </PainterContext.Provider>
  );
}

/** A painted knob at rest: where its values come from between renders, and what it shows of one. */
export interface DialFeed {
  feed: ValueFeed;
  /** The dial for a reading of the feed, and the slider's value and words for it. */
  show: (sample: ValueSample) => FedDial;
}

export interface FedDial {
  dial: DialView;
  /** The slider's `aria-valuenow` and `aria-valuetext`. */
  now: number;
  text: string;
}

/** The elements a painted knob hands over: its face (the dial's box), its value text's box, its slider. */
export interface DialElements {
  face: RefObject<HTMLElement | null>;
  value: RefObject<HTMLElement | null>;
  slider: RefObject<HTMLElement | null>;
}

/**
 * Hands a knob's dial to its layer's painter while `painted`: registered
 * with its face and value elements, and told each new view: the view of
 * each render, or with `fed`, each reading of the feed (the knob is then
 * not re-rendered per value, so its slider's value and words are set here).
 */
export function useDialPaint(
  painter: DialPainter | null,
  painted: boolean,
  elements: DialElements,
  view: DialView,
  fed: DialFeed | null,
): void {
  const { face, value, slider } = elements;
  const handle = useRef<DialHandle | null>(null);
  const latest = useRef(view);
  const show = useRef(fed?.show);
  // (before the registration below, which paints the view of this render)
  useLayoutEffect(() => {
    latest.current = view;
    show.current = fed?.show;
  });
  useLayoutEffect(() => {
    if (!painter || !painted || !face.current || !value.current) return;
    const registered = painter.add({ face: face.current, value: value.current }, latest.current);
    handle.current = registered;
    return () => {
      registered.remove();
      handle.current = null;
    };
  }, [painter, painted, face, value]);

  const feed = fed?.feed ?? null;
  const { ratio, origin, touched, text, color } = view;
  useLayoutEffect(() => {
    if (!feed) handle.current?.update({ ratio, origin, touched, text, color });
  }, [feed, ratio, origin, touched, text, color]);

  const reapply = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    if (!feed || !handle.current) return;
    let last: ValueSample | null = null;
    let said: FedDial | null = null;
    // (a value and its words come in one after the other: each sets only its own attribute)
    const apply = (sample: ValueSample, again: boolean): void => {
      const shown = show.current?.(sample);
      if (!shown) return;
      last = sample;
      handle.current?.update(shown.dial);
      if (again || shown.now !== said?.now) slider.current?.setAttribute('aria-valuenow', String(shown.now));
      if (again || shown.text !== said?.text) slider.current?.setAttribute('aria-valuetext', shown.text);
      said = shown;
    };
    reapply.current = () => apply(feed.read(), true);
    const stop = feed.subscribe(() => {
      const sample = feed.read();
      if (last === null || sample.value !== last.value || sample.display !== last.display) apply(sample, false);
    });
    return () => {
      stop();
      reapply.current = null;
    };
  }, [feed, painter, painted, slider]);
  // after every render: React may have set the slider's ARIA from lagging props, and the look may have changed
  useLayoutEffect(() => reapply.current?.());
}
