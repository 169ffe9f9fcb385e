import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { parameterMachine } from './parameter';
import { chartOf, litStates, type Chart, type ChartState } from './statechart';

function stateOf(chart: Chart, id: string): ChartState {
  const state = chart.states.find((candidate) => candidate.id === id);
  if (!state) throw new Error(`no state ${id} in the chart of ${chart.machine}`);
  return state;
}

/** The edges as `from -> to : label`, to compare without the edges' ids. */
const arrows = (chart: Chart): string[] => chart.edges.map((edge) => `${edge.from} -> ${edge.to} : ${edge.label}`);

/** A lamp: power and colour at once, the power off again half a second after it went on. */
const lampMachine = setup({}).createMachine({
  id: 'lamp',
  type: 'parallel',
  states: {
    power: {
      initial: 'off',
      states: {
        off: { on: { 'ui.on': 'on' } },
        on: { after: { 500: 'off' }, on: { 'ui.off': 'off' } },
      },
    },
    colour: {
      initial: 'warm',
      states: {
        warm: { tags: ['cosy'], on: { 'ui.cool': 'cool', 'ui.dim': {} } },
        cool: { type: 'final' },
      },
    },
  },
});

describe('#chartOf', () => {
  describe('of the parameter machine', () => {
    const chart = chartOf(parameterMachine);

    it('lists its states, parents before their children, the machine first', () => {
      expect(chart.machine).toBe('parameter');
      expect(chart.states.map((state) => state.id)).toEqual([
        'parameter',
        'parameter.idle',
        'parameter.loading',
        'parameter.bound',
        'parameter.bound.ready',
        'parameter.bound.touched',
        'parameter.failed',
        'parameter.gone',
      ]);
    });

    it('nests them, with their types, initial states and tags', () => {
      expect(stateOf(chart, 'parameter')).toMatchObject({ key: 'parameter', parent: null, type: 'compound' });
      expect(stateOf(chart, 'parameter.idle')).toMatchObject({ parent: 'parameter', initial: true, tags: ['idle'] });
      expect(stateOf(chart, 'parameter.bound')).toMatchObject({
        parent: 'parameter',
        type: 'compound',
        initial: false,
      });
      expect(stateOf(chart, 'parameter.bound.ready')).toMatchObject({
        key: 'ready',
        parent: 'parameter.bound',
        type: 'atomic',
        initial: true,
        tags: ['ready'],
      });
      expect(stateOf(chart, 'parameter.bound.touched')).toMatchObject({ initial: false, tags: ['touched'] });
      expect(stateOf(chart, 'parameter.gone')).toMatchObject({ type: 'final', tags: ['gone'] });
    });

    it('names what each state invokes', () => {
      expect(stateOf(chart, 'parameter.loading').invokes).toEqual(['read']);
      expect(stateOf(chart, 'parameter.bound').invokes).toEqual(['display', 'presence', 'observe', 'observe']);
      expect(stateOf(chart, 'parameter.idle').invokes).toEqual([]);
    });

    it('draws its transitions with their events, delays and guards', () => {
      expect(arrows(chart)).toEqual(
        expect.arrayContaining([
          'parameter -> parameter.loading : ui.bind',
          'parameter.idle -> parameter.loading : always [isBound]',
          'parameter.loading -> parameter.bound : load done',
          'parameter.loading -> parameter.gone : load failed [isGone]',
          'parameter.loading -> parameter.failed : load failed',
          'parameter.bound.ready -> parameter.bound.touched : ui.touch [isFree]',
          'parameter.bound.ready -> parameter.bound.touched : ui.takeover',
          'parameter.bound.touched -> parameter.bound.ready : always [isHeld]',
          'parameter.bound.touched -> parameter.bound.ready : ui.release',
          'parameter.failed -> parameter.loading : ui.retry',
          'parameter.failed -> parameter.loading : after retryDelay',
        ]),
      );
    });

    it('draws no edge for transitions without a target', () => {
      // values, steps and Live's updates only run actions; refused commands are let go at the root
      const labels = chart.edges.map((edge) => edge.label);
      for (const event of ['ui.change', 'ui.step', 'ui.reset', 'live.value', 'live.display', 'value failed'])
        expect(labels.filter((label) => label.startsWith(event))).toEqual([]);
      // let go: by the finger, or by another tablet taking it over
      expect(chart.edges.filter((edge) => edge.from === 'parameter.bound.touched')).toHaveLength(2);
    });

    it('gives every edge its own id', () => {
      expect(new Set(chart.edges.map((edge) => edge.id)).size).toBe(chart.edges.length);
    });
  });

  describe('of a parallel machine with a delay', () => {
    const chart = chartOf(lampMachine);

    it('has the machine as a parallel state whose regions are no initial state', () => {
      expect(stateOf(chart, 'lamp').type).toBe('parallel');
      expect(stateOf(chart, 'lamp.power')).toMatchObject({ parent: 'lamp', type: 'compound', initial: false });
      expect(stateOf(chart, 'lamp.colour')).toMatchObject({ parent: 'lamp', type: 'compound', initial: false });
      expect(stateOf(chart, 'lamp.power.off').initial).toBe(true);
      expect(stateOf(chart, 'lamp.colour.warm').tags).toEqual(['cosy']);
      expect(stateOf(chart, 'lamp.colour.cool').type).toBe('final');
    });

    it('labels the delayed transition by its delay, once', () => {
      expect(arrows(chart)).toEqual([
        'lamp.power.off -> lamp.power.on : ui.on',
        'lamp.power.on -> lamp.power.off : ui.off',
        'lamp.power.on -> lamp.power.off : after 500 ms',
        'lamp.colour.warm -> lamp.colour.cool : ui.cool',
      ]);
    });
  });
});

describe('#litStates', () => {
  it('lights a state, its parents and the machine', () => {
    expect(litStates(parameterMachine, { bound: 'ready' })).toEqual(
      new Set(['parameter', 'parameter.bound', 'parameter.bound.ready']),
    );
    expect(litStates(parameterMachine, 'idle')).toEqual(new Set(['parameter', 'parameter.idle']));
  });

  it('lights a state in every region of a parallel state', () => {
    expect(litStates(lampMachine, { power: 'on', colour: 'warm' })).toEqual(
      new Set(['lamp', 'lamp.power', 'lamp.power.on', 'lamp.colour', 'lamp.colour.warm']),
    );
  });

  it('lights nothing it does not have', () => {
    expect(litStates(parameterMachine, { nowhere: 'ready' })).toEqual(new Set(['parameter']));
  });
});
