/**
 * The song's transport, as along the top of Live: play (lit while the song
 * plays), stop, arrangement record and session record, the metronome, the
 * tempo (dragged, or tapped in) and the song position.
 *
 * A pure view. The song position is a slot: a connected bar fills it with a
 * readout that follows the song time on its own, so the many changes a
 * second re-render that readout and nothing else.
 */
import { memo, type ReactNode } from 'react';
import { Button } from '../button/Button';
import type { ControlState } from '../control-state';
import { MetronomeIcon, PlayIcon, RecordIcon, SessionRecordIcon, StopIcon, TapIcon } from '../icons';
import { TempoField } from './TempoField';
import type { TransportState } from './states';
import './transport-bar.css';

/** The bar's props: the transport's fields, the position as a slot, and a callback per control. */
export interface TransportBarProps {
  state: TransportState;
  tempo: number;
  metronome: boolean;
  sessionRecord: boolean;
  arrangementRecord: boolean;
  /** The song position readout (`SongPosition`, or one on the transport actor). */
  position: ReactNode;
  size?: 'small' | 'medium' | 'large';
  /** Why it failed, when it did. */
  error?: string | null;
  onPlay?: () => void;
  onStop?: () => void;
  onArrangementRecord?: () => void;
  onSessionRecord?: () => void;
  onMetronome?: () => void;
  onTempo?: (bpm: number) => void;
  onTap?: () => void;
  onRetry?: () => void;
}

const STATUS: Record<TransportState, string> = {
  loading: 'Loading',
  stopped: 'Stopped',
  playing: 'Playing',
  failed: 'Failed',
};

function controlState(state: TransportState): ControlState {
  return state === 'loading' ? 'loading' : state === 'failed' ? 'failed' : 'ready';
}

/** The song's transport bar (a pure view). */
export const TransportBar = memo(function TransportBar({
  state,
  tempo,
  metronome,
  sessionRecord,
  arrangementRecord,
  position,
  size = 'medium',
  error = null,
  onPlay,
  onStop,
  onArrangementRecord,
  onSessionRecord,
  onMetronome,
  onTempo,
  onTap,
  onRetry,
}: TransportBarProps) {
  const control = controlState(state);
  const ready = control === 'ready';
  return (
    // a group, not a toolbar: a toolbar's arrow keys would fight the tempo slider's
    <div
      className="ls-transport"
      role="group"
      aria-label="Transport"
      data-state={state}
      data-size={size}
      aria-busy={state === 'loading' || undefined}
    >
      <div className="ls-transport-group">
        {/* a trigger (each press plays from the start, as Live's button), lit while the song plays */}
        <span className="ls-transport-play" data-playing={state === 'playing' || undefined}>
          <Button kind="trigger" label="Play" state={control} size={size} color="var(--ls-play)" onTrigger={onPlay}>
            <PlayIcon />
          </Button>
        </span>
        <Button kind="trigger" label="Stop" state={control} size={size} onTrigger={onStop}>
          <StopIcon />
        </Button>
        <Button
          label="Arrangement Record"
          on={arrangementRecord}
          state={control}
          size={size}
          color="var(--ls-record)"
          onChange={() => onArrangementRecord?.()}
        >
          <RecordIcon />
        </Button>
        <Button
          label="Session Record"
          on={sessionRecord}
          state={control}
          size={size}
          color="var(--ls-record)"
          onChange={() => onSessionRecord?.()}
        >
          <SessionRecordIcon />
        </Button>
      </div>
      <div className="ls-transport-group">
        <Button label="Metronome" on={metronome} state={control} size={size} onChange={() => onMetronome?.()}>
          <MetronomeIcon />
        </Button>
        <TempoField tempo={tempo} enabled={ready} status={ready ? null : STATUS[state]} onTempo={onTempo} />
        <Button kind="trigger" label="Tap Tempo" state={control} size={size} onTrigger={onTap}>
          <TapIcon />
        </Button>
      </div>
      <div className="ls-transport-group">{position}</div>
      <span className="ls-visually-hidden" role="status">
        {STATUS[state]}
      </span>
      {state === 'failed' && (
        <div className="ls-transport-failure">
          <span title={error ?? undefined}>{error ?? 'The transport could not be read'}</span>
          {onRetry && (
            <button type="button" className="ls-retry" onClick={onRetry} aria-label="Retry Transport">
              Retry
            </button>
          )}
        </div>
      )}
    </div>
  );
});
