import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { chartRegistry } from './chart-registry';
import { chartOf, type Chart, type ChartState } from './statechart';
import { mermaidOf, mermaidText } from './statechart-mermaid';

/** A door: closed, open {ajar, wide}, broken for good; reset from anywhere. */
const doorMachine = setup({}).createMachine({
  id: 'door',
  initial: 'closed',
  on: { 'ui.reset': '.closed' },
  states: {
    closed: { on: { 'ui.open': 'open', 'ui.kick': 'broken' } },
    open: {
      initial: 'ajar',
      on: { 'ui.close': 'closed', 'ui.slam': '.ajar' },
      states: { ajar: { on: { 'ui.push': 'wide' } }, wide: {} },
    },
    broken: { type: 'final' },
  },
});

/** A player whose `ready` has three regions, one leaving it, one holding a compound state. */
const playerMachine = setup({}).createMachine({
  id: 'player',
  initial: 'loading',
  states: {
    loading: { on: { 'load.done': 'ready' } },
    ready: {
      type: 'parallel',
      on: { 'ui.eject': 'loading' },
      states: {
        track: {
          initial: 'stopped',
          states: { stopped: { on: { 'ui.play': 'playing' } }, playing: { on: { 'ui.stop': 'stopped' } } },
        },
        volume: {
          initial: 'normal',
          states: {
            normal: { on: { 'ui.mute': 'muted', 'link.lost': '#player.loading' } },
            muted: { on: { 'link.lost': '#player.loading' } },
          },
        },
        deck: {
          initial: 'closed',
          states: {
            closed: { on: { 'ui.open': 'open' } },
            open: {
              initial: 'empty',
              on: { 'ui.close': 'closed', 'disc.in': '.full' },
              states: { empty: {}, full: { type: 'final' } },
            },
          },
        },
      },
    },
  },
});

/** A lamp that is a parallel machine, reset in both regions at once. */
const lampMachine = setup({}).createMachine({
  id: 'lamp',
  type: 'parallel',
  on: { 'ui.reset': { target: ['.power.off', '.colour.warm'] } },
  states: {
    power: { initial: 'off', states: { off: { on: { 'ui.on': 'on' } }, on: { after: { 500: 'off' } } } },
    colour: { initial: 'warm', states: { warm: { on: { 'ui.cool': 'cool' } }, cool: { type: 'final' } } },
  },
});

/** A state of a chart written by hand, keyed by its id's last part. */
const chartState = (
  id: string,
  parent: string | null,
  type: ChartState['type'] = 'atomic',
  initial = false,
): ChartState => ({
  id,
  key: id.slice(id.lastIndexOf('.') + 1),
  parent,
  type,
  initial,
  tags: [],
  invokes: [],
});

/** The lines of the block `state ... as id {`, up to its closing brace. */
function blockOf(diagram: string, id: string): string[] {
  const lines = diagram.split('\n');
  const start = lines.findIndex((line) => line.endsWith(` as ${id} {`));
  if (start === -1) throw new Error(`no block ${id}`);
  const indent = /^ */.exec(lines[start] ?? '')?.[0] ?? '';
  const end = lines.findIndex((line, index) => index > start && line === `${indent}}`);
  return lines.slice(start, end + 1);
}

const declaredIds = (diagram: string): string[] =>
  [...diagram.matchAll(/state "[^"]*" as (\w+)/g)].map((m) => m[1] ?? '');

describe('#mermaidOf', () => {
  it('draws a machine: its states, compound ones as blocks, then its transitions', () => {
    expect(mermaidOf(chartOf(doorMachine))).toBe(
      [
        'stateDiagram-v2',
        '    [*] --> door_closed',
        '    state "closed" as door_closed',
        '    state "open" as door_open {',
        '        [*] --> door_open_ajar',
        '        state "ajar" as door_open_ajar',
        '        state "wide" as door_open_wide',
        '        state "any state" as door_open_any',
        '    }',
        '    state "broken" as door_broken',
        '    state "any state" as door_any',
        '    door_broken --> [*]',
        '    door_any --> door_closed : ui.reset',
        '    door_closed --> door_open : ui.open',
        '    door_closed --> door_broken : ui.kick',
        '    door_open --> door_closed : ui.close',
        '    door_open_any --> door_open_ajar : ui.slam',
        '    door_open_ajar --> door_open_wide : ui.push',
      ].join('\n'),
    );
  });

  describe('with a parallel state', () => {
    const diagram = mermaidOf(chartOf(playerMachine));
    const ready = blockOf(diagram, 'player_ready');

    it('separates its regions by --, each a block with its own start', () => {
      expect(ready.filter((line) => line.trim() === '--')).toHaveLength(2);
      expect(ready.filter((line) => line.trim().startsWith('state "') && line.endsWith('{'))).toEqual([
        '    state "ready" as player_ready {',
        '        state "track" as player_ready_track {',
        '        state "volume" as player_ready_volume {',
        '        state "deck" as player_ready_deck {',
        '            state "open" as player_ready_deck_open {',
      ]);
      expect(blockOf(diagram, 'player_ready_track')).toContain('            [*] --> player_ready_track_stopped');
    });

    it('ends a final state inside the block that holds it', () => {
      expect(blockOf(diagram, 'player_ready_deck_open')).toContain(
        '                player_ready_deck_open_full --> [*]',
      );
    });

    it('draws a transition out of a region from the parallel state, once', () => {
      expect(diagram).not.toContain('player_ready_volume_normal --> player_loading');
      expect(
        diagram.split('\n').filter((line) => line === '    player_ready --> player_loading : link.lost'),
      ).toHaveLength(1);
      expect(diagram).toContain('    player_ready --> player_loading : ui.eject');
      expect(diagram).toContain('    player_loading --> player_ready : load.done');
    });

    it('ends no arrow at a compound state inside a region', () => {
      expect(diagram).toContain('    player_ready_deck_closed --> player_ready_deck_open_empty : ui.open');
      expect(diagram).toContain('    player_ready_deck_open_any --> player_ready_deck_closed : ui.close');
      expect(diagram).toContain('    player_ready_deck_open_any --> player_ready_deck_open_full : disc.in');
      expect(diagram).not.toMatch(/--> player_ready_deck_open( |$)/m);
      expect(blockOf(diagram, 'player_ready_deck_open')).toContain(
        '                state "any state" as player_ready_deck_open_any',
      );
    });
  });

  it('boxes a parallel machine, and draws its own transitions from each region it enters', () => {
    const diagram = mermaidOf(chartOf(lampMachine));
    expect(diagram.split('\n').slice(0, 3)).toEqual([
      'stateDiagram-v2',
      '    [*] --> lamp',
      '    state "lamp" as lamp {',
    ]);
    expect(blockOf(diagram, 'lamp_power')).toContain('            state "any state" as lamp_power_any');
    expect(diagram).toContain('    lamp_power_any --> lamp_power_off : ui.reset');
    expect(diagram).toContain('    lamp_colour_any --> lamp_colour_warm : ui.reset');
    expect(diagram).toContain('    lamp_power_on --> lamp_power_off : after 500 ms');
    expect(blockOf(diagram, 'lamp_colour')).toContain('            lamp_colour_cool --> [*]');
  });

  it('writes labels and names Mermaid would read as syntax as its entity codes', () => {
    const chart: Chart = {
      machine: 'odd',
      states: [
        chartState('odd', null, 'compound'),
        { ...chartState('odd.a', 'odd', 'atomic', true), key: 'say "hi" {now}' },
        chartState('odd.b', 'odd'),
      ],
      edges: [{ id: 'e', from: 'odd.a', to: 'odd.b', label: 'x:y; #1 50% <b> *&`\nnext' }],
    };
    const diagram = mermaidOf(chart);
    expect(diagram).toContain('    state "say #34;hi#34; #123;now#125;" as odd_a');
    expect(diagram).toContain('    odd_a --> odd_b : x#58;y#59; #35;1 50#37; #60;b#62; #42;#38;#96; next');
  });

  it('gives states ids of their own, apart from the ids Mermaid gives starts and ends', () => {
    const chart: Chart = {
      machine: 'default',
      states: [
        chartState('default', null, 'compound'),
        chartState('default.a-b', 'default', 'atomic', true),
        chartState('default.a_b', 'default'),
        chartState('default.x', 'default', 'compound'),
        chartState('default.x.start', 'default.x', 'atomic', true),
        chartState('default.x.any', 'default.x'),
      ],
      edges: [{ id: 'e', from: 'default', to: 'default.x.any', label: 'go' }],
    };
    const diagram = mermaidOf(chart);
    const ids = declaredIds(diagram);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(?!default)[A-Za-z0-9_]+$/i);
    // Mermaid names the start inside block `x` `x_start`; `x_any` is the block's marker
    expect(diagram).toBe(
      [
        'stateDiagram-v2',
        '    [*] --> state_default_a_b',
        '    state "a-b" as state_default_a_b',
        '    state "a_b" as state_default_a_b_2',
        '    state "x" as state_default_x {',
        '        [*] --> state_default_x_start_2',
        '        state "start" as state_default_x_start_2',
        '        state "any" as state_default_x_any_2',
        '    }',
        '    state "any state" as state_default_any',
        '    state_default_any --> state_default_x_any_2 : go',
      ].join('\n'),
    );
  });
});

describe('#mermaidText', () => {
  it('keeps plain labels and puts them on one line', () => {
    expect(mermaidText('load failed [isGone]')).toBe('load failed [isGone]');
    expect(mermaidText('a\n  b\tc')).toBe('a b c');
  });
});

/** What a diagram's text says about its blocks: who holds whom, which are parallel. */
function structureOf(diagram: string) {
  const parent = new Map<string, string | null>();
  const blocks = new Set<string>();
  const parallel = new Set<string>();
  const arrows: [string, string][] = [];
  const open: string[] = [];
  const lines = diagram
    .split('\n')
    .slice(1)
    .map((text) => text.trim());
  for (const line of lines) {
    const declared = /^state "[^"]*" as (\w+)( \{)?$/.exec(line);
    const arrow = /^(\S+) --> (\S+)/.exec(line);
    if (declared?.[1]) {
      parent.set(declared[1], open.at(-1) ?? null);
      if (declared[2]) {
        blocks.add(declared[1]);
        open.push(declared[1]);
      }
    } else if (line === '}') open.pop();
    else if (line === '--') parallel.add(open.at(-1) ?? '');
    else if (arrow?.[1] && arrow[2] && arrow[1] !== '[*]' && arrow[2] !== '[*]') arrows.push([arrow[1], arrow[2]]);
  }
  const holders = (id: string): string[] => {
    const chain: string[] = [];
    for (let at = parent.get(id) ?? null; at !== null; at = parent.get(at) ?? null) chain.push(at);
    return chain;
  };
  return { parent, blocks, parallel, arrows, holders };
}

describe.each(chartRegistry.map((entry) => [entry.title, entry.machine] as const))(
  "the %s machine's diagram",
  (_, machine) => {
    const { parent, blocks, parallel, arrows, holders } = structureOf(mermaidOf(chartOf(machine)));

    it('joins only states it declares', () => {
      for (const [from, to] of arrows) expect([from, to].filter((end) => !parent.has(end))).toEqual([]);
    });

    it('ends no arrow at a block inside a region, nor at a block from inside it', () => {
      for (const [from, to] of arrows) {
        for (const end of [from, to])
          if (blocks.has(end)) expect(holders(end).filter((holder) => parallel.has(holder))).toEqual([]);
        if (blocks.has(from)) expect(holders(to)).not.toContain(from);
        if (blocks.has(to)) expect(holders(from)).not.toContain(to);
      }
    });

    it('leaves no region by an arrow from inside it', () => {
      for (const [from, to] of arrows)
        for (const box of holders(from).filter((holder) => parallel.has(holder)))
          expect({ from, to, leaves: !holders(to).includes(box) && to !== box }).toMatchObject({ leaves: false });
    });
  },
);
