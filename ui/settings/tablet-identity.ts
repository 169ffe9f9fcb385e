/**
 * This tablet's name and color, as the other tablets see it (presence):
 * chosen once and kept in this tablet's settings. A tablet that never chose
 * gets a color picked at random from the palette, kept at once, and no name
 * (the presence actor calls it "Tablet N" after the bridge's number for it,
 * and that name is kept too); the musician changes either in the list of
 * tablets.
 */
import { z } from 'zod';
import { PRESENCE_LIMITS, TabletColor } from '../../protocol/src/index';
import { readSetting, writeSetting, type SettingsStorage } from './stored-state';

/** A color a tablet may take: distinct from each other on both themes, each with a name to read out. */
export interface PaletteColor {
  value: string;
  name: string;
}

export const TABLET_PALETTE: readonly PaletteColor[] = [
  { value: '#e5484d', name: 'Red' },
  { value: '#f76b15', name: 'Orange' },
  { value: '#ffc53d', name: 'Yellow' },
  { value: '#46a758', name: 'Green' },
  { value: '#12a594', name: 'Teal' },
  { value: '#0090ff', name: 'Blue' },
  { value: '#6e56cf', name: 'Violet' },
  { value: '#d6409f', name: 'Pink' },
  { value: '#a18072', name: 'Brown' },
  { value: '#8d8d8d', name: 'Grey' },
];

const NAME_SETTING = 'tablet.name';
const COLOR_SETTING = 'tablet.color';
const StoredName = z.string().trim().min(1).max(PRESENCE_LIMITS.maxName).nullable();

/** A color of the palette, picked with `random` (a number in [0, 1)). */
export function randomTabletColor(random: () => number = Math.random): string {
  const index = Math.min(TABLET_PALETTE.length - 1, Math.floor(random() * TABLET_PALETTE.length));
  return TABLET_PALETTE[index]?.value ?? '#8d8d8d';
}

/** The name and color this tablet keeps (a random color when it kept none: keep it with `keepTabletIdentity`). */
export interface TabletIdentity {
  name: string | null;
  color: string;
}

export function storedTabletIdentity(storage?: SettingsStorage, random?: () => number): TabletIdentity {
  return {
    name: readSetting(NAME_SETTING, StoredName, null, storage),
    color: readSetting(COLOR_SETTING, TabletColor, randomTabletColor(random), storage),
  };
}

/** Keeps the name (a null name keeps the one kept before) and the color. */
export function keepTabletIdentity(identity: TabletIdentity, storage?: SettingsStorage): void {
  if (identity.name !== null) writeSetting(NAME_SETTING, identity.name, storage);
  writeSetting(COLOR_SETTING, identity.color, storage);
}
