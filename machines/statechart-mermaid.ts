/**
 * A chart (`statechart.ts`) as a Mermaid `stateDiagram-v2`, for the diagrams
 * in machines/README.md (GitHub draws ```mermaid fences). Pure: no I/O.
 *
 * States nest as in the machine: compound and parallel states are
 * `state "key" as id { ... }` blocks, a parallel state's regions are
 * separated by `--`, each compound starts at `[*] --> initial`, final states
 * end at `--> [*]`. Transitions come after the blocks, at the top level:
 * Mermaid moves a state into the last block that names it
 * (mermaid-js/mermaid#5290), and a transition written at the top level moves none.
 *
 * Mermaid's layout fails on some arrows a statechart has, so these are drawn
 * as their equivalents (see `drawnEdge`):
 * - a transition a compound state takes to a state inside itself (the
 *   machine's own `on`, a parent's `on` naming a child) starts at an
 *   "any state" marker inside it, and one back into a box from inside ends
 *   at the state the box enters first: Mermaid clips an arrow at the border
 *   of its box, which leaves nothing of one that stays inside;
 * - a transition that leaves a parallel state from inside one of its regions
 *   starts at the parallel state's border (it leaves every region anyway):
 *   Mermaid fails on arrows out of any region but the first (#5096);
 * - inside a parallel region, compound states are no arrow's end (Mermaid
 *   fails on them there, #4052): a transition from one starts at its
 *   "any state" marker (beside it, for a parallel state), one into it ends
 *   at the state it enters first (the first region's, for a parallel state).
 */
import type { Chart, ChartEdge, ChartState } from './statechart';

/**
 * Characters Mermaid reads as syntax in a label or a state's name (`:` and `;`
 * end a label, `#` and `%` start comments, `"` ends a name, braces open and
 * close blocks, `<`, `>`, `&` and backticks are HTML or Markdown to it, `*`
 * a Markdown list), written as its entity codes, which it decodes when it draws.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '#': '#35;',
  ';': '#59;',
  ':': '#58;',
  '%': '#37;',
  '"': '#34;',
  '{': '#123;',
  '}': '#125;',
  '<': '#60;',
  '>': '#62;',
  '&': '#38;',
  '`': '#96;',
  '*': '#42;',
};

/** `text` as Mermaid shows it verbatim in a label or a quoted name, on one line. */
export function mermaidText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[#;:%"{}<>&`*]/g, (char) => ENTITIES[char] ?? char);
}

const isComposite = (state: ChartState): boolean => state.type === 'compound' || state.type === 'parallel';

/**
 * Mermaid ids for the states, unique and made of letters, digits and `_`.
 * A composite's `<id>_start` and `<id>_end` are the ids Mermaid gives the
 * `[*]` inside it, and `<id>_any` its marker, so composites claim those too
 * (first, so a state named `start` cannot take them); `root` is Mermaid's
 * own, and an id starting with `default` reads as its keyword.
 */
function mermaidIds(states: readonly ChartState[]): Map<string, string> {
  const taken = new Set(['root', 'root_start', 'root_end']);
  const ids = new Map<string, string>();
  const claim = (state: ChartState, suffixes: readonly string[]): void => {
    let base = state.id.replace(/[^A-Za-z0-9_]+/g, '_') || 'state';
    if (/^default/i.test(base)) base = `state_${base}`;
    let id = base;
    for (let n = 2; [id, ...suffixes.map((suffix) => id + suffix)].some((name) => taken.has(name)); n++)
      id = `${base}_${n}`;
    for (const name of [id, ...suffixes.map((suffix) => id + suffix)]) taken.add(name);
    ids.set(state.id, id);
  };
  for (const state of states) if (isComposite(state)) claim(state, ['_start', '_end', '_any']);
  for (const state of states) if (!isComposite(state)) claim(state, []);
  return ids;
}

/** An arrow's end: a state, or the "any state" marker of a composite state. */
interface End {
  state: string;
  marker: boolean;
}

/** An arrow as Mermaid draws it. */
interface DrawnEdge {
  from: End;
  to: End;
  label: string;
}

const stateEnd = (state: string): End => ({ state, marker: false });

/** The chart's tree, and the choices of where Mermaid can draw an arrow. */
class Layout {
  readonly byId: ReadonlyMap<string, ChartState>;
  readonly children = new Map<string, ChartState[]>();

  constructor(readonly chart: Chart) {
    this.byId = new Map(chart.states.map((state) => [state.id, state]));
    for (const state of chart.states) {
      if (state.parent === null) continue;
      const siblings = this.children.get(state.parent) ?? [];
      siblings.push(state);
      this.children.set(state.parent, siblings);
    }
  }

  state(id: string): ChartState {
    const state = this.byId.get(id);
    if (!state) throw new Error(`the chart of ${this.chart.machine} has no state ${id}`);
    return state;
  }

  /** `id` and its ancestors, nearest first. */
  chain(id: string): ChartState[] {
    const chain: ChartState[] = [];
    for (let state: ChartState | undefined = this.state(id); state !== undefined;) {
      chain.push(state);
      state = state.parent === null ? undefined : this.byId.get(state.parent);
    }
    return chain;
  }

  contains(outer: string, inner: string): boolean {
    return this.chain(inner).some((state) => state.id === outer);
  }

  isRegion(state: ChartState): boolean {
    return state.parent !== null && this.state(state.parent).type === 'parallel';
  }

  inRegion(id: string): boolean {
    return this.chain(id).some((state) => this.isRegion(state));
  }

  /** The leaf a transition into `id` enters first (the first region's, for a parallel state). */
  entered(id: string): string {
    let state = this.state(id);
    for (let inside = this.children.get(state.id); inside?.length; inside = this.children.get(state.id))
      state = inside.find((child) => child.initial) ?? inside[0] ?? state;
    return state.id;
  }

  /**
   * Where a transition of composite `id` to `target` starts: the marker of a
   * compound; for a parallel state, the marker of its region that holds the
   * target, or its own marker (beside it) when the target is not inside it.
   */
  marker(id: string, target: string): End {
    let state = this.state(id);
    while (state.type === 'parallel' && state.id !== target && this.contains(state.id, target)) {
      const region = (this.children.get(state.id) ?? []).find((child) => this.contains(child.id, target));
      if (!region) break;
      state = region;
    }
    // an atomic region is its own target: a transition re-entering it is a loop on it
    return { state: state.id, marker: isComposite(state) };
  }

  /** The states whose box holds what `end` stands for: a marker sits inside a compound, beside a parallel state. */
  holders(end: End): ChartState[] {
    const chain = this.chain(end.state);
    return end.marker && chain[0]?.type === 'parallel' ? chain.slice(1) : chain;
  }

  /** `edge` as Mermaid can draw it (see the file's doc). */
  drawnEdge(edge: ChartEdge): DrawnEdge {
    // out of a region: from the outermost parallel state whose region it leaves
    let source = this.state(edge.from);
    for (const state of this.chain(edge.from))
      if (state.parent !== null && this.isRegion(state) && !this.contains(state.id, edge.to))
        source = this.state(state.parent);
    const from =
      isComposite(source) && (this.contains(source.id, edge.to) || this.inRegion(source.id))
        ? this.marker(source.id, edge.to)
        : stateEnd(source.id);
    const target = this.state(edge.to);
    const to =
      isComposite(target) && (this.holders(from).includes(target) || this.inRegion(target.id))
        ? stateEnd(this.entered(target.id))
        : stateEnd(target.id);
    return { from, to, label: edge.label };
  }
}

/** Writes the diagram's lines. */
class Writer {
  readonly lines = ['stateDiagram-v2'];
  private readonly ids: Map<string, string>;
  /** The composite states whose marker an arrow starts at. */
  private readonly markers: Set<string>;

  constructor(
    private readonly layout: Layout,
    private readonly edges: readonly DrawnEdge[],
  ) {
    this.ids = mermaidIds(layout.chart.states);
    this.markers = new Set(edges.filter((edge) => edge.from.marker).map((edge) => edge.from.state));
  }

  id(state: string): string {
    const id = this.ids.get(state);
    if (id === undefined) throw new Error(`no Mermaid id for ${state}`);
    return id;
  }

  /** The id of an arrow's end; `mermaidIds` keeps `<id>_any` free for a composite's marker. */
  endId(end: End): string {
    return end.marker ? `${this.id(end.state)}_any` : this.id(end.state);
  }

  write(depth: number, line: string): void {
    this.lines.push('    '.repeat(depth) + line);
  }

  /** The states of a compound's (or the machine's) box: its start, its states, its marker, its ends. */
  body(parent: ChartState, depth: number): void {
    const inside = this.layout.children.get(parent.id) ?? [];
    const initial = inside.find((state) => state.initial);
    if (initial) this.write(depth, `[*] --> ${this.id(initial.id)}`);
    for (const state of inside) this.state(state, depth);
    if (this.markers.has(parent.id)) this.write(depth, `state "any state" as ${this.id(parent.id)}_any`);
    for (const state of inside) if (state.type === 'final') this.write(depth, `${this.id(state.id)} --> [*]`);
  }

  state(state: ChartState, depth: number): void {
    // Mermaid has no history state: UML's H names it
    const name = state.type === 'history' ? `H ${state.key}` : state.key;
    const named = `state "${mermaidText(name)}" as ${this.id(state.id)}`;
    if (!isComposite(state)) {
      this.write(depth, named);
      return;
    }
    this.write(depth, `${named} {`);
    if (state.type === 'compound') this.body(state, depth + 1);
    else
      (this.layout.children.get(state.id) ?? []).forEach((region, index) => {
        if (index > 0) this.write(depth + 1, '--');
        this.state(region, depth + 1);
      });
    this.write(depth, '}');
    // a parallel state's marker cannot sit outside its regions, so it sits beside it
    if (state.type === 'parallel' && this.markers.has(state.id))
      this.write(depth, `state "any state of ${mermaidText(state.key)}" as ${this.id(state.id)}_any`);
  }

  transitions(): void {
    const written = new Set<string>();
    for (const edge of this.edges) {
      const label = edge.label === '' ? '' : ` : ${mermaidText(edge.label)}`;
      const line = `${this.endId(edge.from)} --> ${this.endId(edge.to)}${label}`;
      if (written.has(line)) continue;
      written.add(line);
      this.write(1, line);
    }
  }
}

/**
 * The Mermaid `stateDiagram-v2` of `chart` (the text inside a ```mermaid
 * fence, from its `stateDiagram-v2` line on), drawn as the file's doc says.
 */
export function mermaidOf(chart: Chart): string {
  const layout = new Layout(chart);
  const root = chart.states[0];
  if (!root) throw new Error(`the chart of ${chart.machine} has no states`);
  const writer = new Writer(
    layout,
    chart.edges.map((edge) => layout.drawnEdge(edge)),
  );
  // the machine is the diagram; a parallel one gets a box, as Mermaid has regions only inside a state
  if (root.type === 'compound') writer.body(root, 1);
  else {
    writer.write(1, `[*] --> ${writer.id(root.id)}`);
    writer.state(root, 1);
  }
  writer.transitions();
  return writer.lines.join('\n');
}
