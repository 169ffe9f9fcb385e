/**
 * Settings a musician makes on this tablet (octave, scale, chosen tracks,
 * theme...) kept in its localStorage, so a reload keeps them. Each setting is
 * read through its zod schema: a value an older app wrote, or one edited by
 * hand, falls back to the default instead of breaking the page.
 */
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';

const PREFIX = 'livesurface:';

/** Where settings live; `null` where the browser offers none (private modes, tests). */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

function defaultStorage(): SettingsStorage {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // a browser that forbids storage throws on access
  }
}

export function readSetting<T>(key: string, schema: z.ZodType<T>, fallback: T, storage = defaultStorage()): T {
  const text = storage?.getItem(PREFIX + key);
  if (text === null || text === undefined) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function writeSetting<T>(key: string, value: T, storage = defaultStorage()): void {
  try {
    storage?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // storage full or forbidden: the setting lasts until the reload, as before
  }
}

/** `useState` that survives a reload. `key` names the setting; keep it stable across releases. */
export function useStoredState<T>(
  key: string,
  schema: z.ZodType<T>,
  fallback: T,
): [T, (next: T | ((previous: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => readSetting(key, schema, fallback));
  useEffect(() => writeSetting(key, value), [key, value]);
  const set = useCallback((next: T | ((previous: T) => T)) => setValue(next), []);
  return [value, set];
}
