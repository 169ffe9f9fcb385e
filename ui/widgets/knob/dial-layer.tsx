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

/**
 * Hands a knob's dial to its layer's painter while `painted`: registered
 * with its face and value elements, and told each new view.
 */
export function useDialPaint(
  painter: DialPainter | null,
  painted: boolean,
  face: RefObject<HTMLElement | null>,
  value: RefObject<HTMLElement | null>,
  view: DialView,
): void {
  const handle = useRef<DialHandle | null>(null);
  const latest = useRef(view);
  // (before the registration below, which paints the view of this render)
  useLayoutEffect(() => {
    latest.current = view;
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
  const { ratio, origin, touched, text, color } = view;
  useLayoutEffect(() => {
    handle.current?.update({ ratio, origin, touched, text, color });
  }, [ratio, origin, touched, text, color]);
}
