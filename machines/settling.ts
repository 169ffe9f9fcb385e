/** How a child actor tells the session it has all its first values. */
import type { AnyActorRef } from 'xstate';

/** A child's word that it has all its first values. */
export interface Settled {
  type: 'child.settled';
  /** The child's id in the session. */
  id: string;
}

/** Whom to tell (the session), if anyone. */
export type ReportTo = AnyActorRef | null;
