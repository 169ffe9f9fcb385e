/**
 * What MIDI in's and MIDI out's connectors share: the chosen port kept in
 * the tablet's settings (by name, so that after a reload the same device
 * plays at once), the machine's state as the view names it, the line's
 * commands, and what sounds ended as the control goes.
 */
import { useEffect, useLayoutEffect, useMemo } from 'react';
import { z } from 'zod';
import { readSetting, writeSetting } from '../settings/stored-state';

const ChosenName = z.string().nullable();

/** The port chosen on this tablet before (kept under `setting`), for the machine's input. */
export const keptPort = (setting: string): string | null => readSetting(setting, ChosenName, null);

/** A MIDI port machine's state as its view names it: `ready`'s states flattened, `placing` shown as `choosing`. */
export function portStatus<TTop extends string, TReady extends string>(
  value: TTop | { ready: TReady | 'placing' },
): TTop | TReady | 'choosing' {
  if (typeof value === 'string') return value;
  return value.ready === 'placing' ? 'choosing' : value.ready;
}

/** The events a MIDI port machine takes from its line. */
type PortCommand = { type: 'ui.enable' } | { type: 'ui.choose'; name: string | null } | { type: 'ui.release' };

/** What the line's controls send, and the chosen port (`chosen`) kept under `setting` as it changes. */
export function usePortCommands(
  actor: { send: (event: PortCommand) => void },
  setting: string,
  chosen: string | null,
): { onEnable: () => void; onChoose: (name: string | null) => void } {
  useEffect(() => writeSetting(setting, chosen), [setting, chosen]);
  return useMemo(
    () => ({
      onEnable: () => actor.send({ type: 'ui.enable' }),
      onChoose: (name: string | null) => actor.send({ type: 'ui.choose', name }),
    }),
    [actor],
  );
}

/** What the port left sounding ends as the control goes: a stopped actor runs no exit actions (layout effects clean up first). */
export function useReleaseOnUnmount(actor: { send: (event: PortCommand) => void }): void {
  useLayoutEffect(() => () => actor.send({ type: 'ui.release' }), [actor]);
}
