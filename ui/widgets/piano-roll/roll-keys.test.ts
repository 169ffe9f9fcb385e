import { describe, expect, it } from 'vitest';
import { KEY_PAN_PX, keyAction, type KeyContext } from './roll-keys';

const context: KeyContext = { selected: [3, 4], editable: true, grid: 0.25, bar: 4, rows: 'keys' };

describe('keyAction', () => {
  it('moves the selection by the grid and by semitones, a whole gesture a press', () => {
    expect(keyAction('ArrowRight', false, context)).toEqual({
      kind: 'intents',
      intents: [
        { type: 'grab', key: 3, handle: 'body', copy: false },
        { type: 'drag', beats: 0.25, semitones: 0, free: false },
        { type: 'release' },
      ],
    });
    const octave = keyAction('ArrowDown', true, context);
    expect(octave?.kind === 'intents' && octave.intents[1]).toEqual({
      type: 'drag',
      beats: 0,
      semitones: -12,
      free: false,
    });
    const bar = keyAction('ArrowLeft', true, { ...context, rows: 'pads' });
    expect(bar?.kind === 'intents' && bar.intents[1]).toMatchObject({ beats: -4 });
    const pads = keyAction('ArrowUp', true, { ...context, rows: 'pads' });
    expect(pads?.kind === 'intents' && pads.intents[1]).toMatchObject({ semitones: 4 });
  });

  it('removes the selection, or clears it', () => {
    expect(keyAction('Delete', false, context)).toEqual({
      kind: 'intents',
      intents: [{ type: 'remove', keys: [3, 4] }],
    });
    expect(keyAction('Escape', false, context)).toEqual({
      kind: 'intents',
      intents: [{ type: 'select', keys: [], mode: 'replace' }],
    });
    expect(keyAction('Delete', false, { ...context, selected: [] })).toBeNull();
  });

  it('scrolls with nothing selected, or when the roll takes no edits', () => {
    expect(keyAction('ArrowRight', false, { ...context, selected: [] })).toEqual({
      kind: 'pan',
      dx: -KEY_PAN_PX,
      dy: 0,
    });
    expect(keyAction('ArrowUp', false, { ...context, editable: false })).toEqual({
      kind: 'pan',
      dx: 0,
      dy: KEY_PAN_PX,
    });
    expect(keyAction('Delete', false, { ...context, editable: false })).toBeNull();
  });

  it('zooms time, or rows with Shift', () => {
    expect(keyAction('+', false, context)).toEqual({ kind: 'zoom', factorX: 1.25, factorY: 1 });
    expect(keyAction('-', true, context)).toEqual({ kind: 'zoom', factorX: 1, factorY: 0.8 });
    expect(keyAction('a', false, context)).toBeNull();
  });
});
