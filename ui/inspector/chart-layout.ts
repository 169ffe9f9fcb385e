/**
 * A statechart laid out for drawing (`StatechartDiagram`): each state a box
 * (a compound state holds its children's), each transition a polyline with
 * its label, placed by ELK's layered algorithm (elkjs) across the levels of
 * nesting. ELK runs where it is given: in a worker on the page
 * (`chart-layout-worker.ts`), in-process in tests.
 *
 * A transition of a compound state to a state inside it (the machine's own
 * `on`, taken from any state) leaves from a small "any state" mark inside
 * it: ELK cannot draw an edge from a box to a box it holds.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Chart, ChartState, ChartStateType } from '../../machines/statechart';

/** What lays a graph out: an ELK instance. */
export interface Layouter {
  layout: (graph: ElkNode) => Promise<ElkNode>;
}

export interface Point {
  x: number;
  y: number;
}

export interface LaidState {
  id: string;
  label: string;
  type: ChartStateType | 'any';
  initial: boolean;
  /** It holds other states (drawn as a frame with its label on top). */
  compound: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  points: readonly Point[];
  /** Where its label goes (its top-left corner), if ELK placed it. */
  labelAt: Point | null;
}

export interface ChartLayout {
  width: number;
  height: number;
  states: readonly LaidState[];
  edges: readonly LaidEdge[];
}

/** The label of a state: its key, with its tags when they say something the key does not. */
export function stateLabel(state: ChartState): string {
  const tags = state.tags.filter((tag) => tag !== state.key);
  return tags.length > 0 ? `${state.key} (${tags.join(', ')})` : state.key;
}

// sizes of the drawing's text (`inspector.css` draws state labels at 12 px, edge labels at 10 px)
const STATE_CHAR = 7;
const EDGE_CHAR = 6;
const STATE_HEIGHT = 30;
const ANY_SIZE = 14;
const anyMark = (id: string): string => `${id}::any`;

const isAncestor = (states: ReadonlyMap<string, ChartState>, ancestor: string, of: string): boolean => {
  for (let at = states.get(of)?.parent ?? null; at !== null; at = states.get(at)?.parent ?? null)
    if (at === ancestor) return true;
  return false;
};

/** The ELK graph of a chart: states nested as children, every edge on the root (ELK routes across levels). */
export function elkGraphOf(chart: Chart): ElkNode {
  const states = new Map(chart.states.map((state) => [state.id, state]));
  const withAny = new Set(
    chart.edges.filter((edge) => isAncestor(states, edge.from, edge.to)).map((edge) => edge.from),
  );
  const nodes = new Map<string, ElkNode>();
  const compound = new Set(chart.states.map((state) => state.parent).filter((parent) => parent !== null));
  for (const state of chart.states) {
    const label = stateLabel(state);
    const holds = compound.has(state.id) || withAny.has(state.id);
    nodes.set(state.id, {
      id: state.id,
      labels: [{ text: label, width: label.length * STATE_CHAR, height: 14 }],
      ...(holds
        ? { children: [], layoutOptions: { 'elk.padding': '[top=30,left=12,bottom=12,right=12]' } }
        : { width: label.length * STATE_CHAR + 24, height: STATE_HEIGHT }),
    });
  }
  for (const id of withAny) nodes.get(id)?.children?.push({ id: anyMark(id), width: ANY_SIZE, height: ANY_SIZE });
  const roots: ElkNode[] = [];
  for (const state of chart.states) {
    const node = nodes.get(state.id);
    if (!node) continue;
    const parent = state.parent === null ? undefined : nodes.get(state.parent);
    if (parent) parent.children?.push(node);
    else roots.push(node);
  }
  const edges: ElkExtendedEdge[] = chart.edges.map((edge) => ({
    id: edge.id,
    sources: [withAny.has(edge.from) && isAncestor(states, edge.from, edge.to) ? anyMark(edge.from) : edge.from],
    targets: [edge.to],
    labels: [{ text: edge.label, width: edge.label.length * EDGE_CHAR, height: 12 }],
  }));
  return {
    id: '::graph',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.nodeNode': '24',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.inline': 'false',
    },
    children: roots,
    edges,
  };
}

/** Lays `chart` out with `elk`: every state's box and every edge's points in the drawing's coordinates. */
export async function layoutChart(chart: Chart, elk: Layouter): Promise<ChartLayout> {
  const laid = await elk.layout(elkGraphOf(chart));
  const byId = new Map(chart.states.map((state) => [state.id, state]));
  const origins = new Map<string, Point>([[laid.id, { x: 0, y: 0 }]]);
  const states: LaidState[] = [];
  const visit = (node: ElkNode, origin: Point): void => {
    const at = { x: origin.x + (node.x ?? 0), y: origin.y + (node.y ?? 0) };
    origins.set(node.id, at);
    const state = byId.get(node.id);
    const any = node.id.endsWith('::any');
    if (state || any)
      states.push({
        id: node.id,
        label: state ? stateLabel(state) : 'any state',
        type: state ? state.type : 'any',
        initial: state?.initial ?? false,
        compound: (node.children?.length ?? 0) > 0,
        x: at.x,
        y: at.y,
        width: node.width ?? 0,
        height: node.height ?? 0,
      });
    for (const child of node.children ?? []) visit(child, at);
  };
  for (const child of laid.children ?? []) visit(child, { x: 0, y: 0 });
  const source = new Map(chart.edges.map((edge) => [edge.id, edge]));
  const edges: LaidEdge[] = [];
  const collect = (node: ElkNode): void => {
    for (const edge of node.edges ?? []) {
      const chartEdge = source.get(edge.id);
      if (!chartEdge) continue;
      // an edge's points are in its container's coordinates (ELK says which)
      const origin = origins.get(edge.container ?? node.id) ?? { x: 0, y: 0 };
      const shift = (point: Point): Point => ({ x: point.x + origin.x, y: point.y + origin.y });
      const points = (edge.sections ?? []).flatMap((section) => [
        shift(section.startPoint),
        ...(section.bendPoints ?? []).map(shift),
        shift(section.endPoint),
      ]);
      const label = edge.labels?.[0];
      edges.push({
        id: edge.id,
        from: chartEdge.from,
        to: chartEdge.to,
        label: chartEdge.label,
        points,
        labelAt: label?.x === undefined || label.y === undefined ? null : shift({ x: label.x, y: label.y }),
      });
    }
    for (const child of node.children ?? []) collect(child);
  };
  collect(laid);
  return { width: laid.width ?? 0, height: laid.height ?? 0, states, edges };
}
