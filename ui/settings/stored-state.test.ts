import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readSetting, writeSetting, type SettingsStorage } from './stored-state';

function memory(): SettingsStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('stored settings', () => {
  const octave = z.number().int().min(-2).max(8);

  it('give back what was written, under the app prefix', () => {
    const storage = memory();
    writeSetting('keys.octave', 5, storage);
    expect(storage.items.get('livesurface:keys.octave')).toBe('5');
    expect(readSetting('keys.octave', octave, 3, storage)).toBe(5);
  });

  it('fall back to the default when absent, unreadable or out of the schema', () => {
    const storage = memory();
    expect(readSetting('keys.octave', octave, 3, storage)).toBe(3);
    storage.items.set('livesurface:keys.octave', '{not json');
    expect(readSetting('keys.octave', octave, 3, storage)).toBe(3);
    storage.items.set('livesurface:keys.octave', '42');
    expect(readSetting('keys.octave', octave, 3, storage)).toBe(3);
  });

  it('work without storage, and survive a storage that throws', () => {
    expect(readSetting('x', octave, 1, null)).toBe(1);
    const throwing: SettingsStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => writeSetting('x', 2, throwing)).not.toThrow();
  });
});
