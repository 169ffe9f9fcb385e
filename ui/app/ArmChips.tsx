/**
 * Where played notes go: Live sends the surface's notes to the armed tracks,
 * so the keys and pads pages show each track's arm as a toggle beside them.
 */
import { useSelector } from '@xstate/react';
import { memo } from 'react';
import type { TrackActor } from '../connect/use-track';
import { Button } from '../widgets/button/Button';

const ArmChip = memo(function ArmChip({ actor }: { actor: TrackActor }) {
  const name = useSelector(actor, (snapshot) => snapshot.context.name);
  const armed = useSelector(actor, (snapshot) => snapshot.context.arm);
  const armable = useSelector(actor, (snapshot) => snapshot.context.canBeArmed);
  if (!armable) return null;
  return (
    <Button
      kind="toggle"
      size="small"
      label={`Arm ${name}`}
      on={armed}
      color="var(--ls-record)"
      onChange={() => actor.send({ type: 'ui.arm' })}
    >
      {name}
    </Button>
  );
});

export function ArmChips({ tracks }: { tracks: readonly TrackActor[] }) {
  return (
    <div className="ls-arm-chips" role="group" aria-label="Tracks that play the notes (armed)">
      <span className="ls-label">Plays on</span>
      {tracks.map((actor) => (
        <ArmChip key={actor.id} actor={actor} />
      ))}
    </div>
  );
}
