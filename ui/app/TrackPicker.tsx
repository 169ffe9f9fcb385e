/**
 * Which track a page works on: a row of chips in the tracks' colors (a radio
 * group: one is chosen). Each chip follows its own track actor.
 */
import { useSelector } from '@xstate/react';
import { memo, type CSSProperties } from 'react';
import type { TrackActor } from '../connect/use-track';
import { cssColor, textOn } from '../theme/live-colors';

const TrackChip = memo(function TrackChip({
  actor,
  chosen,
  onChoose,
}: {
  actor: TrackActor;
  chosen: boolean;
  onChoose: (actor: TrackActor) => void;
}) {
  const name = useSelector(actor, (snapshot) => snapshot.context.name);
  const color = useSelector(actor, (snapshot) => snapshot.context.color);
  const style = { '--ls-chip': cssColor(color), '--ls-chip-text': textOn(color) } as CSSProperties;
  return (
    <button
      type="button"
      role="radio"
      aria-checked={chosen}
      className="ls-chip"
      style={style}
      onClick={() => onChoose(actor)}
    >
      {name || '…'}
    </button>
  );
});

export function TrackPicker({
  label,
  tracks,
  chosen,
  onChoose,
}: {
  label: string;
  tracks: readonly TrackActor[];
  chosen: TrackActor | undefined;
  onChoose: (actor: TrackActor) => void;
}) {
  return (
    <div className="ls-chips" role="radiogroup" aria-label={label}>
      {tracks.map((actor) => (
        <TrackChip key={actor.id} actor={actor} chosen={actor === chosen} onChoose={onChoose} />
      ))}
    </div>
  );
}
