import { describe, expect, it } from 'vitest';
import { CHARACTER_WIDTH, RecordingContext } from '../../test/recording-context';
import { fitText, paintDial, paintValue, type DialLook, type DialView } from './dial-paint';

const LOOK: DialLook = {
  track: 'track',
  accent: 'accent',
  cap: 'cap',
  capTouched: 'cap-touched',
  capEdge: 'edge',
  pointer: 'pointer',
  text: 'text',
  font: '12px sans-serif',
};
const FACE = { x: 10, y: 20, width: 50, height: 50 };
const view = (changes: Partial<DialView> = {}): DialView => ({
  ratio: 0.5,
  origin: 0,
  touched: false,
  text: '50 %',
  color: null,
  ...changes,
});
/** Canvas radians of a ratio along the knob's 270° sweep (0 at 3 o'clock, clockwise). */
const radians = (ratio: number) => ((-135 + ratio * 270 - 90) * Math.PI) / 180;

describe('painting a dial', () => {
  it('draws the track over the whole sweep and the value arc from the start to the value, scaled to the face', () => {
    const context = new RecordingContext();
    paintDial(context, FACE, view({ ratio: 0.25 }), LOOK);
    const [track, value] = [context.nth('arc', 0), context.nth('arc', 1)];
    expect(track.args).toEqual([35, 45, 20, radians(0), radians(1)]);
    expect(value.args[3]).toBeCloseTo(radians(0));
    expect(value.args[4]).toBeCloseTo(radians(0.25));
    const strokes = context.named('stroke');
    expect(strokes.map((call) => call.strokeStyle)).toEqual(['track', 'accent', 'edge', 'pointer']);
    expect(strokes.map((call) => call.lineWidth)).toEqual([4, 4, 0.75, 2.5]);
  });

  it('draws a range across zero from its middle, either way, in the parameter color', () => {
    const context = new RecordingContext();
    paintDial(context, FACE, view({ ratio: 0.2, origin: 0.5, color: '#ff0000' }), LOOK);
    const value = context.nth('arc', 1);
    expect(value.args[3]).toBeCloseTo(radians(0.2));
    expect(value.args[4]).toBeCloseTo(radians(0.5));
    expect(context.nth('stroke', 1).strokeStyle).toBe('#ff0000');
  });

  it('shows a dot where the arc starts when the value sits on it, as the round caps of the SVG do', () => {
    const context = new RecordingContext();
    paintDial(context, FACE, view({ ratio: 0.5, origin: 0.5 }), LOOK);
    const dot = context.nth('arc', 1);
    expect(dot.args[0]).toBeCloseTo(35 + 20 * Math.cos(radians(0.5)));
    expect(dot.args[2]).toBe(2);
    expect(context.nth('fill', 0).fillStyle).toBe('accent');
  });

  it('points at the value, and lights the cap while touched', () => {
    const context = new RecordingContext();
    paintDial(context, FACE, view({ ratio: 1, touched: true }), LOOK);
    const tip = context.nth('lineTo', 0);
    expect(tip.args[0]).toBeCloseTo(35 + 15 * Math.cos(radians(1)));
    expect(tip.args[1]).toBeCloseTo(45 + 15 * Math.sin(radians(1)));
    expect(context.nth('fill', -1).fillStyle).toBe('cap-touched');
    expect(context.nth('stroke', 2).strokeStyle).toBe('accent');
  });
});

describe('painting the value', () => {
  it('centres it in its box, in the value font and color', () => {
    const context = new RecordingContext();
    paintValue(context, { x: 0, y: 100, width: 60, height: 16 }, '50 %', LOOK);
    const text = context.nth('fillText', 0);
    expect(text.args).toEqual(['50 %', 30, 108]);
    expect(text.font).toBe('12px sans-serif');
    expect(text.fillStyle).toBe('text');
  });

  it('cuts what does not fit with an ellipsis', () => {
    const context = new RecordingContext();
    expect(fitText(context, '1.60 kHz', 8 * CHARACTER_WIDTH)).toBe('1.60 kHz');
    expect(fitText(context, 'Deleted in Live', 8 * CHARACTER_WIDTH)).toBe('Deleted…');
    expect(fitText(context, 'Deleted', 0)).toBe('');
  });
});
