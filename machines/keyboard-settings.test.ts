import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { keyboardMachine } from './keyboard';
import {
  DEFAULT_KEYBOARD_SETTINGS,
  KeyboardSettingsSchema,
  keyboardInputOf,
  keyboardSettingsOf,
  sameKeyboardSettings,
} from './keyboard-settings';

describe('keyboard settings', () => {
  it('start a keyboard where it was saved, and save what it shows', () => {
    const saved = { octave: 5, root: 9, scale: 'minor', scaleMode: 'hide', followSong: false } as const;
    const [snapshot] = initialTransition(keyboardMachine, keyboardInputOf(saved));
    expect(keyboardSettingsOf(snapshot.context)).toEqual(saved);
    expect(sameKeyboardSettings(keyboardSettingsOf(snapshot.context), saved)).toBe(true);
    expect(sameKeyboardSettings(saved, { ...saved, octave: 4 })).toBe(false);
  });

  it('read each field through the schema: a wrong one falls back alone', () => {
    expect(KeyboardSettingsSchema.parse({ octave: 42, root: 2, scale: 'lydian', scaleMode: 'sideways' })).toEqual({
      ...DEFAULT_KEYBOARD_SETTINGS,
      root: 2,
      scale: 'lydian',
    });
    expect(
      KeyboardSettingsSchema.parse({ octave: -2, root: 11, scale: 'nope', scaleMode: 'hide', followSong: true }),
    ).toEqual({ octave: -2, root: 11, scale: 'chromatic', scaleMode: 'hide', followSong: true });
    expect(KeyboardSettingsSchema.safeParse('5').success).toBe(false);
  });
});
