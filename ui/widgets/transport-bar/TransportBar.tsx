/**
 * The song's transport, as along the top of Live: play (lit while the song
 * plays), stop, arrangement record and session record, stop all clips and
 * the global launch quantization, the metronome, the tempo (dragged, or
 * tapped in), the song position, the arrangement loop with its region and
 * punch in and out, Capture MIDI, Live's undo and redo, and the cue points.
 *
 * One row where it fits (a tablet); where it does not (a phone), the less
 * used controls wait behind "More", in a sheet below the bar; on a phone on
 * its side the metronome and tap tempo wait there too, so the bar is one row
 * of play, stop, the records, stop all, the tempo and the position. Undo
 * and redo are always usable (Live has no listener for `can_undo`): what
 * Live answers shows as a notice below the bar, as does a command Live
 * refused.
 *
 * A pure view. The song position is a slot: a connected bar fills it with a
 * readout that follows the song time on its own, so the many changes a
 * second re-render that readout and nothing else.
 */
import { memo, useRef, type ReactNode } from 'react';
import { QUANTIZATIONS } from '../../../machines/transport-model';
import { Button } from '../button/Button';
import type { ControlState } from '../control-state';
import { MetronomeIcon, PlayIcon, RecordIcon, SessionRecordIcon, StopIcon, TapIcon } from '../icons';
import { ChoicePicker } from './ChoicePicker';
import { CueControls, type CueView } from './CueControls';
import { LoopControls } from './LoopControls';
import { Popover } from './Popover';
import { TempoField } from './TempoField';
import { TransportNotice, type TransportNoticeProps } from './TransportNotice';
import type { TransportState } from './states';
import { CaptureIcon, MoreIcon, RedoIcon, StopAllIcon, UndoIcon } from './transport-icons';
import { useBarLayout, type BarLayout } from './use-bar-layout';
import './transport-bar.css';

/** A panel of the bar open at first (stories): a chooser, the loop's steppers, the cue list, or "More". */
export type OpenPanel = 'quantization' | 'loop' | 'cues' | 'more';

/** The bar's props: the transport's fields, the position as a slot, and a callback per control. */
export interface TransportBarProps {
  state: TransportState;
  tempo: number;
  metronome: boolean;
  sessionRecord: boolean;
  arrangementRecord: boolean;
  /** Live's global launch quantization, 0..13 (`QUANTIZATIONS`); a bar when not given. */
  quantization?: number;
  loop?: boolean;
  /** The loop's start as a song position (`1.1.1`) and its length as Live writes it (`4.0.0`). */
  loopStart?: string;
  loopLength?: string;
  punchIn?: boolean;
  punchOut?: boolean;
  /** Whether Live has MIDI to capture (`can_capture_midi`). */
  canCaptureMidi?: boolean;
  /** Whether a cue lies before or after the song position (`can_jump_to_prev_cue`, `..._next_cue`). */
  canJumpPrev?: boolean;
  canJumpNext?: boolean;
  cues?: readonly CueView[];
  notice?: TransportNoticeProps['notice'];
  /** The song position readout (`SongPosition`, or one on the transport actor). */
  position: ReactNode;
  size?: 'small' | 'medium' | 'large';
  /** One row, or the essentials with "More"; measured from the width it has when not given. */
  layout?: BarLayout;
  /** A panel open at first (stories). */
  open?: OpenPanel;
  /** Why it failed, when it did. */
  error?: string | null;
  onPlay?: () => void;
  onStop?: () => void;
  onArrangementRecord?: () => void;
  onSessionRecord?: () => void;
  onMetronome?: () => void;
  onTempo?: (bpm: number) => void;
  onTap?: () => void;
  onStopAllClips?: () => void;
  onQuantization?: (value: number) => void;
  onUndo?: () => void;
  onRedo?: () => void;
  onLoop?: () => void;
  onLoopStart?: (bars: number) => void;
  onLoopLength?: (bars: number) => void;
  onPunchIn?: () => void;
  onPunchOut?: () => void;
  onCaptureMidi?: () => void;
  onPrevCue?: () => void;
  onNextCue?: () => void;
  onJumpToCue?: (target: string) => void;
  onSetOrDeleteCue?: () => void;
  onDismissNotice?: () => void;
  onRetry?: () => void;
}

const STATUS: Record<TransportState, string> = {
  loading: 'Loading',
  stopped: 'Stopped',
  playing: 'Playing',
  failed: 'Failed',
};

const NO_CUES: readonly CueView[] = [];

function controlState(state: TransportState): ControlState {
  return state === 'loading' ? 'loading' : state === 'failed' ? 'failed' : 'ready';
}

/** The controls that wait behind "More" on a narrow bar, in groups (the same in the row and in the sheet). */
function SecondaryGroups(props: TransportBarProps & { control: ControlState; inSheet: boolean; beat?: ReactNode }) {
  const { control, size = 'medium', open, inSheet, beat } = props;
  return (
    <>
      {beat && (
        <div className="ls-transport-group" data-group="beat">
          {beat}
        </div>
      )}
      <div className="ls-transport-group" data-group="quantization">
        <ChoicePicker
          label="Quantization"
          options={QUANTIZATIONS}
          value={props.quantization ?? 4}
          disabled={control !== 'ready'}
          defaultOpen={open === 'quantization'}
          size={size}
          onChoose={props.onQuantization}
        />
      </div>
      <div className="ls-transport-group" data-group="loop">
        <LoopControls
          loop={props.loop ?? false}
          loopStart={props.loopStart ?? '1.1.1'}
          loopLength={props.loopLength ?? '4.0.0'}
          punchIn={props.punchIn ?? false}
          punchOut={props.punchOut ?? false}
          state={control}
          size={size}
          regionOpen={open === 'loop'}
          onLoop={props.onLoop}
          onLoopStart={props.onLoopStart}
          onLoopLength={props.onLoopLength}
          onPunchIn={props.onPunchIn}
          onPunchOut={props.onPunchOut}
        />
      </div>
      <div className="ls-transport-group" data-group="history">
        <Button
          kind="trigger"
          label="Capture MIDI"
          state={control}
          size={size}
          disabled={!props.canCaptureMidi}
          onTrigger={props.onCaptureMidi}
        >
          <CaptureIcon />
        </Button>
        <Button kind="trigger" label="Undo" state={control} size={size} onTrigger={props.onUndo}>
          <UndoIcon />
        </Button>
        <Button kind="trigger" label="Redo" state={control} size={size} onTrigger={props.onRedo}>
          <RedoIcon />
        </Button>
      </div>
      <div className="ls-transport-group" data-group="cues" data-in-sheet={inSheet || undefined}>
        <CueControls
          cues={props.cues ?? NO_CUES}
          canJumpPrev={props.canJumpPrev ?? false}
          canJumpNext={props.canJumpNext ?? false}
          state={control}
          size={size}
          listOpen={open === 'cues'}
          onPrevCue={props.onPrevCue}
          onNextCue={props.onNextCue}
          onJumpToCue={props.onJumpToCue}
          onSetOrDeleteCue={props.onSetOrDeleteCue}
        />
      </div>
    </>
  );
}

/** The song's transport bar (a pure view). */
export const TransportBar = memo(function TransportBar(props: TransportBarProps) {
  const { state, tempo, metronome, sessionRecord, arrangementRecord, position, size = 'medium', error = null } = props;
  const bar = useRef<HTMLDivElement>(null);
  const layout = useBarLayout(bar, props.layout);
  const control = controlState(state);
  const ready = control === 'ready';
  const metronomeButton = (
    <Button label="Metronome" on={metronome} state={control} size={size} onChange={() => props.onMetronome?.()}>
      <MetronomeIcon />
    </Button>
  );
  const tapButton = (
    <Button kind="trigger" label="Tap Tempo" state={control} size={size} onTrigger={props.onTap}>
      <TapIcon />
    </Button>
  );
  // tight: the metronome and tap tempo lead the sheet, and the bar keeps to one row
  const tight = layout === 'tight';
  // compact: "More" ends the first row, so the bar stays two rows on a phone
  const more = layout !== 'row' && (
    <Popover
      className="ls-transport-more"
      label="More"
      panelLabel="More Transport Controls"
      align="end"
      size={size}
      defaultOpen={props.open !== undefined}
      face={
        <>
          <MoreIcon />
          {/* tight: the metronome is in the sheet, and its dot says from the bar that it clicks */}
          {tight && metronome && <span className="ls-transport-more-lit" aria-hidden="true" />}
        </>
      }
    >
      {() => (
        <div className="ls-transport-sheet">
          <SecondaryGroups
            {...props}
            control={control}
            inSheet
            beat={
              tight && (
                <>
                  {metronomeButton}
                  {tapButton}
                </>
              )
            }
          />
        </div>
      )}
    </Popover>
  );
  return (
    // a group, not a toolbar: a toolbar's arrow keys would fight the tempo slider's
    <div
      ref={bar}
      className="ls-transport"
      role="group"
      aria-label="Transport"
      data-state={state}
      data-size={size}
      data-layout={layout}
      aria-busy={state === 'loading' || undefined}
    >
      <div className="ls-transport-group" data-group="transport">
        {/* a trigger (each press plays from the start, as Live's button), lit while the song plays */}
        <span className="ls-transport-play" data-playing={state === 'playing' || undefined}>
          <Button
            kind="trigger"
            label="Play"
            state={control}
            size={size}
            color="var(--ls-play)"
            onTrigger={props.onPlay}
          >
            <PlayIcon />
          </Button>
        </span>
        <Button kind="trigger" label="Stop" state={control} size={size} onTrigger={props.onStop}>
          <StopIcon />
        </Button>
        <Button
          label="Arrangement Record"
          on={arrangementRecord}
          state={control}
          size={size}
          color="var(--ls-record)"
          onChange={() => props.onArrangementRecord?.()}
        >
          <RecordIcon />
        </Button>
        <Button
          label="Session Record"
          on={sessionRecord}
          state={control}
          size={size}
          color="var(--ls-record)"
          onChange={() => props.onSessionRecord?.()}
        >
          <SessionRecordIcon />
        </Button>
        <Button kind="trigger" label="Stop All Clips" state={control} size={size} onTrigger={props.onStopAllClips}>
          <StopAllIcon />
        </Button>
        {more}
      </div>
      <div className="ls-transport-group" data-group="tempo">
        {!tight && metronomeButton}
        <TempoField tempo={tempo} enabled={ready} status={ready ? null : STATUS[state]} onTempo={props.onTempo} />
        {!tight && tapButton}
      </div>
      <div className="ls-transport-group" data-group="position">
        {position}
      </div>
      {layout === 'row' && <SecondaryGroups {...props} control={control} inSheet={false} />}
      <span className="ls-visually-hidden" role="status">
        {STATUS[state]}
      </span>
      {state === 'failed' && (
        <div className="ls-transport-failure">
          <span title={error ?? undefined}>{error ?? 'The transport could not be read'}</span>
          {props.onRetry && (
            <button type="button" className="ls-retry" onClick={props.onRetry} aria-label="Retry Transport">
              Retry
            </button>
          )}
        </div>
      )}
      <TransportNotice notice={props.notice ?? null} onDismiss={props.onDismissNotice} />
    </div>
  );
});
