/** The perform lock's switch on its actor: what it shows, and the events its buttons send. */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { PerformLockMachine } from '../../machines/perform-lock';
import { sameView } from './same';

export type PerformLockActor = ActorRefFrom<PerformLockMachine>;

export interface PerformLockView {
  locked: boolean;
  confirming: boolean;
  busy: boolean;
  disabled: boolean;
  error: string | null;
}

export function performLockView(snapshot: SnapshotFrom<PerformLockMachine>): PerformLockView {
  return {
    locked: snapshot.context.locked,
    confirming: snapshot.hasTag('confirming'),
    busy: snapshot.hasTag('busy'),
    disabled: !snapshot.context.reachable,
    error: snapshot.context.error,
  };
}

export interface PerformLockCommands {
  onLock: () => void;
  onUnlock: () => void;
  onConfirm: () => void;
  onKeep: () => void;
}

export function usePerformLock(actor: PerformLockActor): PerformLockView & PerformLockCommands {
  const view = useSelector(actor, performLockView, sameView);
  const commands = useMemo(
    () => ({
      onLock: () => actor.send({ type: 'ui.lock' }),
      onUnlock: () => actor.send({ type: 'ui.unlock' }),
      onConfirm: () => actor.send({ type: 'ui.confirm' }),
      onKeep: () => actor.send({ type: 'ui.keep' }),
    }),
    [actor],
  );
  return { ...view, ...commands };
}
