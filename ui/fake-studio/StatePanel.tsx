/**
 * Beside an interactive story: the state of the actor behind a widget and
 * the last things it asked of Live, so a designer sees what a touch does.
 */
import { useSelector } from '@xstate/react';
import type { AnyActorRef, AnyMachineSnapshot } from 'xstate';
import { useStudio } from './studio-react';

const stateName = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : Object.entries(value as Record<string, unknown>)
        .map(([key, inner]) => `${key}.${stateName(inner)}`)
        .join(', ');

export function StatePanel({ actor, label = 'state' }: { actor: AnyActorRef; label?: string }) {
  const studio = useStudio();
  // every snapshot: the calls below change with the context, not only with the state
  const snapshot = useSelector(actor, (current: AnyMachineSnapshot) => current);
  const state = stateName(snapshot.value);
  const calls = studio.live.calls.slice(-4);
  return (
    <aside className="ls-state-panel" aria-label={`${label} of the actor`}>
      <div>
        {label}: <strong data-testid="actor-state">{state}</strong>
      </div>
      <ol>
        {calls.map((call, index) => (
          <li key={`${calls.length - index}-${call}`}>{call}</li>
        ))}
      </ol>
    </aside>
  );
}
