/**
 * A machine's statechart drawn from its layout (`chart-layout.ts`): states
 * as boxes, compound states as frames holding theirs, transitions as arrows
 * with their events, the states the actor is in lit. A pure view.
 */
import { memo, useEffect, useRef } from 'react';
import type { ChartLayout, LaidEdge, LaidState, Point } from './chart-layout';

export interface StatechartDiagramProps {
  /** The machine's name, for the drawing's accessible name. */
  machine: string;
  /** The laid-out chart; null while it is laid out. */
  layout: ChartLayout | null;
  /** Why it could not be laid out. */
  error?: string | null;
  /** The ids of the states the actor is in. */
  lit: ReadonlySet<string>;
  /** Scaled to fit its box (the whole chart at a glance), or at its own size (scrolling, every label legible). */
  fit?: boolean;
}

const path = (points: readonly Point[]): string =>
  points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');

function State({ state, lit }: { state: LaidState; lit: boolean }) {
  if (state.type === 'any')
    return (
      <g className="ls-chart-any">
        <title>any state</title>
        <circle cx={state.x + state.width / 2} cy={state.y + state.height / 2} r={state.width / 2} />
      </g>
    );
  return (
    <g
      className="ls-chart-state"
      data-lit={lit || undefined}
      data-compound={state.compound || undefined}
      data-type={state.type}
      data-state={state.id}
    >
      <rect x={state.x} y={state.y} width={state.width} height={state.height} rx={state.compound ? 8 : 6} />
      {state.type === 'final' && (
        <rect
          className="ls-chart-final"
          x={state.x + 3}
          y={state.y + 3}
          width={state.width - 6}
          height={state.height - 6}
          rx={4}
        />
      )}
      {state.initial && <circle className="ls-chart-initial" cx={state.x - 5} cy={state.y + 8} r={3.5} />}
      <text
        x={state.x + (state.compound ? 10 : state.width / 2)}
        y={state.y + (state.compound ? 18 : state.height / 2 + 4)}
        textAnchor={state.compound ? 'start' : 'middle'}
      >
        {state.label}
      </text>
    </g>
  );
}

function Edge({ edge }: { edge: LaidEdge }) {
  if (edge.points.length < 2) return null;
  return (
    <g className="ls-chart-edge">
      <path d={path(edge.points)} markerEnd="url(#ls-chart-arrow)" />
      {edge.labelAt && (
        <text x={edge.labelAt.x} y={edge.labelAt.y + 10}>
          {edge.label}
        </text>
      )}
    </g>
  );
}

export const StatechartDiagram = memo(function StatechartDiagram(props: StatechartDiagramProps) {
  const { machine, layout, error = null, lit, fit = true } = props;
  const drawing = useRef<SVGSVGElement>(null);
  // at its own size a chart is larger than its box: the innermost state lit is brought into view
  const focus = layout?.states.filter((state) => lit.has(state.id) && !state.compound).at(-1) ?? null;
  useEffect(() => {
    const box = drawing.current?.parentElement;
    if (fit || !box || !focus) return;
    box.scrollLeft = Math.max(0, focus.x + focus.width / 2 - box.clientWidth / 2);
    box.scrollTop = Math.max(0, focus.y + focus.height / 2 - box.clientHeight / 2);
  }, [fit, focus]);
  if (error !== null)
    return (
      <p className="ls-chart-empty" role="alert">
        The chart of {machine} could not be drawn: {error}
      </p>
    );
  if (layout === null)
    return (
      <p className="ls-chart-empty" role="status">
        Drawing the chart of {machine}…
      </p>
    );
  const litNames = layout.states.filter((state) => lit.has(state.id)).map((state) => state.label);
  return (
    <svg
      ref={drawing}
      className="ls-chart"
      role="img"
      aria-label={`Statechart of ${machine}, in ${litNames.slice(1).join(' › ') || machine}`}
      viewBox={`0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`}
      width={fit ? '100%' : Math.ceil(layout.width)}
      height={fit ? '100%' : Math.ceil(layout.height)}
      preserveAspectRatio="xMidYMin meet"
      data-fit={fit || undefined}
    >
      <defs>
        <marker
          id="ls-chart-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" />
        </marker>
      </defs>
      {layout.states.map((state) => (
        <State key={state.id} state={state} lit={lit.has(state.id)} />
      ))}
      {layout.edges.map((edge) => (
        <Edge key={edge.id} edge={edge} />
      ))}
    </svg>
  );
});
