import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { drumPadsMachine } from './drum-pads';
import {
  DEFAULT_DRUM_PADS_SETTINGS,
  DrumPadsSettingsSchema,
  drumPadsInputOf,
  drumPadsSettingsOf,
  sameDrumPadsSettings,
} from './drum-pads-settings';

describe('drum pads settings', () => {
  it('start plain pads as saved: repeat on at its rate, on the saved row', () => {
    const saved = { rate: '1/8t', repeat: true, plainRow: 12 } as const;
    const [snapshot] = initialTransition(drumPadsMachine, drumPadsInputOf(saved, null));
    expect(snapshot.value).toEqual({ source: 'idle', notes: 'silent', repeat: { on: 'waiting' } });
    expect(snapshot.context.pads[0]?.note).toBe(48);
    expect(drumPadsSettingsOf(snapshot.context, snapshot.hasTag('repeating'), DEFAULT_DRUM_PADS_SETTINGS)).toEqual(
      saved,
    );
    // a scroll moves the saved row with it
    const [scrolled] = transition(drumPadsMachine, snapshot, { type: 'ui.scroll', rows: -2 });
    expect(drumPadsSettingsOf(scrolled.context, true, saved).plainRow).toBe(10);
  });

  it('keep the plain row saved while a rack (whose pads are Live’s) is shown', () => {
    const saved = { rate: '1/16', repeat: false, plainRow: 3 } as const;
    const [snapshot] = initialTransition(drumPadsMachine, drumPadsInputOf(saved, 'id 100'));
    expect(snapshot.value).toMatchObject({ repeat: 'off' });
    expect(drumPadsSettingsOf(snapshot.context, false, saved)).toEqual(saved);
    expect(sameDrumPadsSettings(saved, { ...saved, rate: '1/32' })).toBe(false);
  });

  it('read each field through the schema: a wrong one falls back alone', () => {
    expect(DrumPadsSettingsSchema.parse({ rate: '1/5', repeat: true, plainRow: 99 })).toEqual({
      ...DEFAULT_DRUM_PADS_SETTINGS,
      repeat: true,
    });
    expect(DrumPadsSettingsSchema.parse({})).toEqual(DEFAULT_DRUM_PADS_SETTINGS);
  });

  it('clamp a saved row given as input to the rows there are', () => {
    const [high] = initialTransition(drumPadsMachine, { plainRow: 400 });
    expect(high.context.pads.at(-1)?.note).toBe(127);
    const [odd] = initialTransition(drumPadsMachine, { plainRow: Number.NaN });
    expect(odd.context.pads[0]?.note).toBe(36);
  });
});
