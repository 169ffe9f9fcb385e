import { describe, expect, it } from 'vitest';
import { gridLines, meter, MIN_LINE_PX, positionText, rulerLabels, thinned } from './grid-lines';

const FOUR = { numerator: 4, denominator: 4 };

describe('gridLines', () => {
  it('draws bars, beats and the grid’s sixteenths when they have room', () => {
    const lines = gridLines({ startBeat: 0, pxPerBeat: 40, topRow: 0, rowPx: 10 }, 320, FOUR, 0.25);
    expect(lines.bars).toEqual([0, 160, 320]);
    expect(lines.beats).toEqual([40, 80, 120, 200, 240, 280]);
    expect(lines.divisions).toHaveLength(24);
    expect(lines.division).toBe(0.25);
  });

  it('thins the grid as it zooms out rather than crowd it', () => {
    const lines = gridLines({ startBeat: 0, pxPerBeat: 16, topRow: 0, rowPx: 10 }, 160, FOUR, 0.25);
    expect(lines.division).toBe(0.5);
    const far = gridLines({ startBeat: 0, pxPerBeat: 1, topRow: 0, rowPx: 10 }, 200, FOUR, 0.25);
    expect(far.beats).toEqual([]);
    expect(far.divisions).toEqual([]);
    expect(far.bars.every((x, i) => i === 0 || x - (far.bars[i - 1] ?? 0) >= MIN_LINE_PX)).toBe(true);
  });

  it('draws triplets between the beats', () => {
    const lines = gridLines({ startBeat: 0, pxPerBeat: 60, topRow: 0, rowPx: 10 }, 60, FOUR, 1 / 3);
    expect(lines.divisions).toEqual([20, 40]);
  });

  it('follows the signature: bars of 6/8', () => {
    const sixEight = { numerator: 6, denominator: 8 };
    expect(meter(sixEight)).toEqual({ beat: 0.5, bar: 3 });
    const lines = gridLines({ startBeat: 0, pxPerBeat: 40, topRow: 0, rowPx: 10 }, 240, sixEight, null);
    expect(lines.bars).toEqual([0, 120, 240]);
    expect(lines.beats).toHaveLength(10);
  });

  it('doubles a step until it has room', () => {
    expect(thinned(0.25, 10, 7)).toBe(1);
    expect(thinned(4, 100, 7)).toBe(4);
  });
});

describe('ruler', () => {
  it('says positions as Live does', () => {
    expect(positionText(0, FOUR)).toBe('1.1');
    expect(positionText(5, FOUR)).toBe('2.2');
    expect(positionText(5.5, FOUR)).toBe('2.2.3');
  });

  it('numbers the bars, thinned, and the beats when they are wide', () => {
    const far = rulerLabels({ startBeat: 0, pxPerBeat: 4, topRow: 0, rowPx: 10 }, 200, FOUR);
    expect(far.map((label) => label.text)).toEqual(['1', '5', '9', '13']);
    const near = rulerLabels({ startBeat: 3.5, pxPerBeat: 60, topRow: 0, rowPx: 10 }, 120, FOUR);
    expect(near.map((label) => label.text)).toEqual(['2', '2.2']);
    expect(near[0]).toMatchObject({ x: 30, bar: true });
  });
});
