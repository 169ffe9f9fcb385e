import { describe, expect, it } from 'vitest';
import { FILTER_FREQ, FILTER_FREQ_AXIS, FILTER_TYPE } from './envelope-fixtures';
import { LANE_PAD_PX } from './lane-geometry';
import { axisLabels, placeAxis } from './value-axis';

describe('the value axis', () => {
  it('labels a quantized parameter with its items when the editor gives no labels', () => {
    expect(axisLabels(FILTER_TYPE, [])).toEqual([
      { value: 0, text: 'Lowpass' },
      { value: 1, text: 'Highpass' },
      { value: 2, text: 'Bandpass' },
      { value: 3, text: 'Notch' },
    ]);
    expect(axisLabels(FILTER_FREQ, [])).toEqual([]);
    expect(axisLabels(FILTER_TYPE, [{ value: 1, text: 'HP' }])).toEqual([{ value: 1, text: 'HP' }]);
  });

  it('places labels at their values, top first', () => {
    const placed = placeAxis(FILTER_FREQ_AXIS, FILTER_FREQ, 400);
    expect(placed.map((label) => [label.text, label.y])).toEqual([
      ['20.0 kHz', LANE_PAD_PX],
      ['3.56 kHz', 105],
      ['632 Hz', 200],
      ['112 Hz', 295],
      ['20.0 Hz', 400 - LANE_PAD_PX],
    ]);
  });

  it('thins labels that would overlap, keeping the top and the bottom', () => {
    expect(placeAxis(FILTER_FREQ_AXIS, FILTER_FREQ, 40).map((label) => label.text)).toEqual(['20.0 kHz', '20.0 Hz']);
    expect(placeAxis(FILTER_FREQ_AXIS, FILTER_FREQ, 60).map((label) => label.text)).toEqual([
      '20.0 kHz',
      '632 Hz',
      '20.0 Hz',
    ]);
  });

  it('thins nothing before the lane is measured', () => {
    expect(placeAxis(FILTER_FREQ_AXIS, FILTER_FREQ, 0)).toHaveLength(5);
  });

  it('leaves out labels beyond the range', () => {
    expect(placeAxis([{ value: 2, text: 'too high' }, ...FILTER_FREQ_AXIS], FILTER_FREQ, 400)).toHaveLength(5);
  });
});
