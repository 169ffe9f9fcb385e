/**
 * The screen stays awake while Live's transport plays (ui/app/wake-lock.ts):
 * a musician following the session grid between two touches must not see
 * the tablet dim. Stopped, the screen keeps its own timeout again.
 */
import { useSelector } from '@xstate/react';
import { useEffect } from 'react';
import { browserWakeLock, keepScreenAwake } from '../app/wake-lock';
import type { TransportActor } from './use-transport';

/** Holds the screen awake while `transport` plays (not before the session has a transport). */
export function useWakeLock(transport: TransportActor | undefined): void {
  const playing = useSelector(transport, (snapshot) => snapshot?.hasTag('playing') ?? false);
  useEffect(() => (playing ? keepScreenAwake(browserWakeLock(), document) : undefined), [playing]);
}
