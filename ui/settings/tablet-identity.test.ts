import { describe, expect, it } from 'vitest';
import { TabletColor } from '../../protocol/src/index';
import type { SettingsStorage } from './stored-state';
import { keepTabletIdentity, randomTabletColor, storedTabletIdentity, TABLET_PALETTE } from './tablet-identity';

function memory(): SettingsStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('the tablet’s identity', () => {
  it('offers colors the bridge takes, each once, each named', () => {
    for (const color of TABLET_PALETTE) expect(TabletColor.safeParse(color.value).success, color.name).toBe(true);
    expect(new Set(TABLET_PALETTE.map((color) => color.value)).size).toBe(TABLET_PALETTE.length);
  });

  it('picks a palette color at random, any of them', () => {
    expect(randomTabletColor(() => 0)).toBe(TABLET_PALETTE[0]?.value);
    expect(randomTabletColor(() => 0.9999)).toBe(TABLET_PALETTE.at(-1)?.value);
  });

  it('has no name and a random color until one is kept, then keeps both', () => {
    const storage = memory();
    const first = storedTabletIdentity(storage, () => 0.5);
    expect(first).toEqual({ name: null, color: randomTabletColor(() => 0.5) });
    keepTabletIdentity(first, storage);
    // the color picked once stays, whatever the next pick would be
    expect(storedTabletIdentity(storage, () => 0)).toEqual(first);
    keepTabletIdentity({ name: 'Tablet 3', color: first.color }, storage);
    keepTabletIdentity({ name: null, color: '#0090ff' }, storage);
    expect(storedTabletIdentity(storage)).toEqual({ name: 'Tablet 3', color: '#0090ff' });
  });

  it('forgets what it cannot use: a blank name, a color that is none', () => {
    const storage = memory();
    storage.items.set('livesurface:tablet.name', JSON.stringify('   '));
    storage.items.set('livesurface:tablet.color', JSON.stringify('blue'));
    expect(storedTabletIdentity(storage, () => 0)).toEqual({ name: null, color: TABLET_PALETTE[0]?.value });
  });
});
