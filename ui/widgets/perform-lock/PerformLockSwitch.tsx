/** The perform lock's switch on its actor. */
import { memo } from 'react';
import { usePerformLock, type PerformLockActor } from '../../connect/use-perform-lock';
import { LockSwitch } from './LockSwitch';

export const PerformLockSwitch = memo(function PerformLockSwitch({ actor }: { actor: PerformLockActor }) {
  return <LockSwitch {...usePerformLock(actor)} />;
});
