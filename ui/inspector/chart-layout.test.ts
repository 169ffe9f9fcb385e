import ELK from 'elkjs/lib/elk.bundled.js';
import { createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { parameterMachine } from '../../machines/parameter';
import { chartOf } from '../../machines/statechart';
import { layoutChart, type LaidState } from './chart-layout';

const elk = new ELK();
const inside = (inner: LaidState, outer: LaidState) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

/** Whether a point lies on a box's border (within 2 px). */
const onEdgeOf = (point: { x: number; y: number }, box: LaidState) => {
  const within = (value: number, from: number, to: number) => value >= from - 2 && value <= to + 2;
  const near = (value: number, at: number) => Math.abs(value - at) <= 2;
  return (
    (within(point.x, box.x, box.x + box.width) && (near(point.y, box.y) || near(point.y, box.y + box.height))) ||
    (within(point.y, box.y, box.y + box.height) && (near(point.x, box.x) || near(point.x, box.x + box.width)))
  );
};

describe('layoutChart', () => {
  it('places each state inside its parent and gives every transition a path', async () => {
    const chart = chartOf(parameterMachine);
    const layout = await layoutChart(chart, elk);
    const byId = new Map(layout.states.map((state) => [state.id, state]));
    for (const state of chart.states) {
      const laid = byId.get(state.id);
      expect(laid, state.id).toBeDefined();
      const parent = state.parent === null ? undefined : byId.get(state.parent);
      if (laid && parent) expect(inside(laid, parent), `${state.id} in ${state.parent}`).toBe(true);
    }
    expect(byId.get('parameter.bound')?.compound).toBe(true);
    expect(byId.get('parameter.idle')).toMatchObject({ initial: true, compound: false });
    expect(layout.edges).toHaveLength(chart.edges.length);
    for (const edge of layout.edges) {
      expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
      // in the drawing's coordinates, whatever level the edge crosses: it ends on its target's box
      const end = edge.points.at(-1);
      const target = byId.get(edge.to);
      if (!end || !target) throw new Error(`no end or target for ${edge.id}`);
      expect(onEdgeOf(end, target), `${edge.id} ends at ${JSON.stringify(end)}`).toBe(true);
    }
    // the machine's own `ui.bind` leaves from its "any state" mark, inside it
    const any = byId.get('parameter::any');
    const root = byId.get('parameter');
    expect(any && root && inside(any, root)).toBe(true);
    const bind = layout.edges.find((edge) => edge.label === 'ui.bind');
    const start = bind?.points[0];
    expect(start && any && Math.abs(start.x - (any.x + any.width / 2)) <= any.width).toBe(true);
    expect(layout.width).toBeGreaterThan(0);
  });

  it('ends an edge at its target box', async () => {
    const machine = createMachine({ id: 'two', initial: 'a', states: { a: { on: { go: 'b' } }, b: {} } });
    const layout = await layoutChart(chartOf(machine), elk);
    const b = layout.states.find((state) => state.id === 'two.b');
    const end = layout.edges[0]?.points.at(-1);
    expect(b && end).toBeTruthy();
    if (b && end) {
      expect(end.x).toBeGreaterThanOrEqual(b.x - 1);
      expect(end.x).toBeLessThanOrEqual(b.x + b.width + 1);
      expect(Math.min(Math.abs(end.y - b.y), Math.abs(end.y - (b.y + b.height)))).toBeLessThan(2);
    }
  });
});
