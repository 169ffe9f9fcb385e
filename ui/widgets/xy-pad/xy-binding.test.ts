import { describe, expect, it } from 'vitest';
import { defaultXY, findSaved, SavedXYByTrackSchema, savedAxis } from './xy-binding';

const MIXER = [
  { path: 'mixer_device volume', name: 'Volume', device: 'Mixer' },
  { path: 'mixer_device panning', name: 'Pan', device: 'Mixer' },
];
const FILTER = [
  { path: 'devices 0 parameters 1', name: 'Frequency', device: 'Auto Filter' },
  { path: 'devices 0 parameters 2', name: 'Resonance', device: 'Auto Filter' },
];

describe('XY bindings', () => {
  it('find a saved axis at its path, where its device moved, or at the path of a renamed device', () => {
    const frequency = savedAxis(FILTER[0]!);
    expect(findSaved(frequency, [...MIXER, ...FILTER])).toBe(FILTER[0]);
    const moved = FILTER.map((choice) => ({ ...choice, path: choice.path.replace('devices 0', 'devices 1') }));
    expect(findSaved(frequency, [...MIXER, ...moved])?.path).toBe('devices 1 parameters 1');
    const renamed = FILTER.map((choice) => ({ ...choice, device: 'Sweep' }));
    expect(findSaved(frequency, renamed)?.device).toBe('Sweep');
    expect(findSaved(frequency, MIXER)).toBeUndefined();
  });

  it('start on the first filter’s cutoff and resonance, else the first device’s first two parameters, else the mixer', () => {
    const operator = [
      { path: 'devices 0 parameters 1', name: 'Algorithm', device: 'Warm Pad' },
      { path: 'devices 0 parameters 2', name: 'Osc-A Wave', device: 'Warm Pad' },
      { path: 'devices 0 parameters 8', name: 'Filter Freq', device: 'Warm Pad' },
      { path: 'devices 0 parameters 9', name: 'Filter Res', device: 'Warm Pad' },
    ];
    expect(defaultXY([...MIXER, ...operator, ...FILTER])).toEqual({
      x: savedAxis(operator[2]!),
      y: savedAxis(operator[3]!),
    });
    expect(defaultXY([...MIXER, ...operator.slice(0, 2)])).toEqual({
      x: savedAxis(operator[0]!),
      y: savedAxis(operator[1]!),
    });
    expect(defaultXY(MIXER)).toEqual({ x: savedAxis(MIXER[0]!), y: savedAxis(MIXER[1]!) });
    expect(defaultXY([])).toEqual({ x: null, y: null });
  });

  it('start on the track’s own devices only: a filter in a rack’s chain is left for the musician to pick', () => {
    const rack = [
      { path: 'devices 0 parameters 1', name: 'Tone', device: 'Keys Rack' },
      { path: 'devices 0 parameters 2', name: 'Space', device: 'Keys Rack' },
      {
        path: 'devices 0 chains 0 devices 0 parameters 4',
        name: 'Filter Freq',
        device: 'Keys Rack › Tines › Operator',
      },
      { path: 'devices 0 chains 0 devices 0 parameters 5', name: 'Filter Res', device: 'Keys Rack › Tines › Operator' },
    ];
    expect(defaultXY([...MIXER, ...rack])).toEqual({ x: savedAxis(rack[0]!), y: savedAxis(rack[1]!) });
    expect(defaultXY([...MIXER, ...rack.slice(2)])).toEqual({ x: savedAxis(MIXER[0]!), y: savedAxis(MIXER[1]!) });
  });

  it('read saved choices axis by axis: a broken one falls back alone', () => {
    expect(
      SavedXYByTrackSchema.parse({ Bass: { x: savedAxis(FILTER[0]!), y: { path: 3 } }, Keys: { x: null, y: null } }),
    ).toEqual({ Bass: { x: savedAxis(FILTER[0]!), y: null }, Keys: { x: null, y: null } });
  });
});
