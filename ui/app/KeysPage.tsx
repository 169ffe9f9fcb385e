/** The keyboard, played into the armed tracks. */
import { useActorRef } from '@xstate/react';
import type { ProvidedMachines } from '../../machines/provide';
import { useTrackActors, type SessionActor } from '../connect/use-session';
import { LiveKeyboard } from '../widgets/keyboard/LiveKeyboard';
import { ArmChips } from './ArmChips';
import { useInspect } from './inspect';

export function KeysPage({ machines, session }: { machines: ProvidedMachines; session: SessionActor }) {
  const keyboard = useActorRef(machines.keyboard, { input: {}, inspect: useInspect() });
  const tracks = useTrackActors(session);
  return (
    <div className="ls-page">
      <ArmChips tracks={tracks} />
      <LiveKeyboard actor={keyboard} />
    </div>
  );
}
