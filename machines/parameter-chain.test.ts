import { describe, expect, it } from 'vitest';
import { ref } from '../fake-live/test-sets';
import {
  deviceTitles,
  inChainOrder,
  listChanged,
  mixerChoices,
  namedParameters,
  namedTargets,
  parameterChoices,
  trackTree,
  treeObservations,
  withChainDevices,
  withChains,
  withListsRead,
  withRacks,
} from './parameter-chain';

/** A track with a rack (two chains, the second holding a device) and a device after it. */
function walked() {
  const top = withRacks(trackTree(['id 1', 'id 2']), ['devices 0', 'devices 1'], [true, false]);
  const chains = withChains(top.tree, top.racks, 'chains', [[ref(10), ref(11)]]);
  const returns = withChains(chains.tree, top.racks, 'return_chains', [[]]);
  return withChainDevices(returns.tree, [...chains.added, ...returns.added], [[], [ref(20)]]);
}

describe('a track’s chain, walked', () => {
  it('finds each rack’s chains and their devices by their paths from the track', () => {
    const { tree, added } = walked();
    expect(added).toEqual(['devices 0 chains 1 devices 0']);
    expect(tree.chains.map((chain) => `${chain.path} = ${chain.target}`)).toEqual([
      'devices 0 chains 0 = id 10',
      'devices 0 chains 1 = id 11',
    ]);
    expect(tree.devices.filter((device) => device.rack).map((device) => device.path)).toEqual(['devices 0']);
    // each rack, then what its chains hold, then the next device
    expect(inChainOrder(tree).devices.map((device) => device.path)).toEqual([
      'devices 0',
      'devices 0 chains 1 devices 0',
      'devices 1',
    ]);
    expect(namedTargets(tree)).toEqual(['id 1', 'id 2', 'id 20', 'id 10', 'id 11']);
  });

  it('orders paths by number and puts a rack’s return chains after its chains', () => {
    const tree = {
      devices: [
        'devices 0 return_chains 0 devices 0',
        'devices 0 chains 10 devices 0',
        'devices 0 chains 2 devices 0',
        'devices 1',
        'devices 0',
      ].map((path) => ({ target: path, path, rack: false })),
      chains: [],
    };
    expect(inChainOrder(tree).devices.map((device) => device.path)).toEqual([
      'devices 0',
      'devices 0 chains 2 devices 0',
      'devices 0 chains 10 devices 0',
      'devices 0 return_chains 0 devices 0',
      'devices 1',
    ]);
  });

  it('titles a device by the racks and chains it sits in, and short by its chain, with names Live left empty numbered', () => {
    const { tree } = walked();
    const titles = (names: string[]) =>
      deviceTitles(tree, names).map((title) => `${title.path}: ${title.device} (${title.shortDevice})`);
    expect(titles(['Keys Rack', 'Chorus', 'Operator', 'Piano', 'Tines'])).toEqual([
      'devices 0: Keys Rack (Keys Rack)',
      'devices 1: Chorus (Chorus)',
      'devices 0 chains 1 devices 0: Keys Rack › Tines › Operator (Tines › Operator)',
    ]);
    expect(titles(['Keys Rack', 'Chorus', 'Tines', 'Piano', 'Tines'])[2]).toBe(
      'devices 0 chains 1 devices 0: Keys Rack › Tines › Tines (Tines)',
    );
    expect(titles(['', 'Chorus', '', 'Piano', ''])).toEqual([
      'devices 0: Device 1 (Device 1)',
      'devices 1: Chorus (Chorus)',
      'devices 0 chains 1 devices 0: Device 1 › Chain 2 › Device 1 (Chain 2 › Device 1)',
    ]);
  });

  it('observes the lists it was read from, and knows a change from the value it read', () => {
    const { tree } = walked();
    expect(treeObservations(tree).map((observation) => observation.key)).toEqual([
      'chains id 1',
      'return_chains id 1',
      'devices id 10',
      'devices id 11',
    ]);
    const known = withListsRead({}, 'devices', ['id 10', 'id 11'], [[], [ref(20)]]);
    expect(known).toEqual({ 'devices id 10': [], 'devices id 11': ['id 20'] });
    expect(listChanged(known, 'devices id 11', [ref(20)])).toBe(false);
    expect(listChanged(known, 'devices id 11', [ref(20), ref(21)])).toBe(true);
    expect(listChanged(known, 'devices id 10', [ref(21)])).toBe(true);
    // a list no longer read: its observation is on its way out
    expect(listChanged(known, 'devices id 12', [ref(21)])).toBe(false);
  });
});

describe('parameterChoices', () => {
  it('names every parameter after Device On, by its path from the track and its device’s place', () => {
    expect(namedParameters([['a', 'b', 'c'], ['d']])).toEqual(['b', 'c']);
    const rack = { path: 'devices 0', device: 'Rack', shortDevice: 'Rack' };
    const filter = { path: 'devices 0 chains 1 devices 0', device: 'Rack › Pad › Filter', shortDevice: 'Pad › Filter' };
    const choices = parameterChoices('id 1', [rack, filter], [['id 8'], ['id 9', 'id 10']], ['Cutoff']);
    expect(choices.slice(2)).toEqual([
      {
        path: 'devices 0 chains 1 devices 0 parameters 1',
        target: 'id 10',
        name: 'Cutoff',
        device: 'Rack › Pad › Filter',
        shortDevice: 'Pad › Filter',
      },
    ]);
    expect(parameterChoices('id 1', [rack], [['id 9', 'id 10']], null)[2]).toMatchObject({ name: 'Parameter 1' });
    expect(mixerChoices('id 4').map((choice) => choice.target)).toEqual([
      'id 4 mixer_device volume',
      'id 4 mixer_device panning',
    ]);
  });
});
