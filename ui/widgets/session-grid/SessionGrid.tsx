/**
 * The session grid on the session actor: tracks as columns (name and color,
 * clip cells, a stop cell), scenes as rows with their launch buttons at the
 * end. It re-renders only when the set's shape or the session's state
 * changes; every cell follows its own actor, and one small component
 * follows the beat (`BeatSync`). Live offline dims it; a failed load offers
 * a retry.
 */
import { memo, useRef, type CSSProperties } from 'react';
import { useSessionGrid, type SessionActor } from '../../connect/use-session';
import { BeatSync } from './BeatSync';
import type { ClipCellProps } from './ClipCell';
import { SceneLaunchButton } from './SceneLaunchButton';
import type { SessionGridState } from './states';
import { TrackColumn } from './TrackColumn';
import './session-grid.css';

/** The session actor, and the size of its cells. */
export interface SessionGridProps {
  session: SessionActor;
  size?: ClipCellProps['size'];
  /** Opens a slot in the clip editor (each cell then has an edit control). */
  onEditSlot?: (slot: string) => void;
}

const STATUS_TEXT: Partial<Record<SessionGridState, string>> = {
  waiting: 'Waiting for Live…',
  loading: 'Loading the set…',
  offline: 'Live is offline',
  failed: 'The set could not be loaded',
};

/** The session grid (connected). */
export const SessionGrid = memo(function SessionGrid({ session, size = 'medium', onEditSlot }: SessionGridProps) {
  const grid = useSessionGrid(session);
  const element = useRef<HTMLElement>(null);
  const status = STATUS_TEXT[grid.state];
  const busy = grid.state === 'waiting' || grid.state === 'loading' || grid.state === 'settling';
  return (
    <section
      ref={element}
      className="ls-session"
      aria-label="Session"
      aria-busy={busy || undefined}
      data-state={grid.state}
      data-size={size}
    >
      {grid.transport && <BeatSync transport={grid.transport} targetRef={element} />}
      <div className="ls-session-grid" style={{ '--ls-session-tracks': grid.columns.length } as CSSProperties}>
        {grid.columns.map((column) => (
          <TrackColumn
            key={column.track.id}
            track={column.track}
            slots={column.slots}
            size={size}
            onEditSlot={onEditSlot}
          />
        ))}
        {grid.columns.length > 0 && (
          <div className="ls-session-column ls-session-scenes" role="group" aria-label="Scenes">
            <div className="ls-session-head" aria-hidden="true">
              Scenes
            </div>
            {grid.scenes.map((scene, index) => (
              <SceneLaunchButton key={scene.id} actor={scene} number={index + 1} size={size} />
            ))}
          </div>
        )}
      </div>
      {status && (
        <div className="ls-session-status" role="status" data-cover={grid.columns.length > 0 || undefined}>
          <span>{status}</span>
          {grid.error && <span className="ls-session-error">{grid.error}</span>}
          {grid.state === 'failed' && (
            <button type="button" className="ls-retry" onClick={() => session.send({ type: 'ui.retry' })}>
              Retry
            </button>
          )}
        </div>
      )}
    </section>
  );
});
