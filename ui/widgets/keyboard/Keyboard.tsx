/**
 * A keyboard to play an instrument in Live from a tablet: multi-touch keys
 * (velocity from where a key is struck, slides from key to key, every finger
 * on its own), the octave and a scale with keys out of it dimmed or hidden,
 * and a strip of wheels beside the keys: pitch bend (springs back to the
 * centre), modulation and aftertouch (springs back to 0). The computer
 * keyboard plays too, as Live's does (A W S E D F T G Y H U J K; Z and X
 * shift octaves). With `fill` it takes the height it is given (a page's):
 * the keys grow to it, and where that is much taller than keys need (a
 * phone upright) it stacks rows of keys, each the next octaves up. A pure
 * view: what sounds and where the wheels are come in as props; touches go
 * out as callbacks.
 */
import { memo, useCallback, useMemo, type CSSProperties } from 'react';
import { HIGHEST_NOTE, noteName, octaveStart, type ScaleMode, type ScaleName } from '../../../machines/scales';
import { cssColor } from '../../theme/live-colors';
import { KeyBed } from './KeyBed';
import { isScaleRow, layoutKeys, notesShown } from './layout';
import { ScaleBar } from './ScaleBar';
import type { KeyGestures } from './use-key-pointers';
import { useFitOctaves } from './use-fit-octaves';
import { Wheel } from './Wheel';
import './keyboard.css';

/** The keyboard machine's notes state as the view shows it (`data-state`). */
export type KeyboardState = 'silent' | 'playing';

/** What the keyboard shows (the machine's view) and the gestures it reports. */
export interface KeyboardProps extends KeyGestures {
  /** The octave of the first key, as Live numbers octaves (C3 is note 60). */
  octave: number;
  /** Octaves shown where there is room for them (fewer on a small screen). */
  octaves?: number;
  root?: number;
  scale?: ScaleName;
  scaleMode?: ScaleMode;
  /** The notes sounding. */
  pressed?: readonly number[];
  /** Pitch bend, -8192..8191. */
  bend?: number;
  /** Modulation (CC 1), 0..127. */
  modulation?: number;
  /** Channel pressure, 0..127. */
  pressure?: number;
  /** The machine's state; by default, whether anything sounds. */
  state?: KeyboardState;
  /** Whether the bend wheel is held. */
  bending?: boolean;
  size?: 'small' | 'medium' | 'large';
  /** Fill the height the keyboard is given (a page's) rather than keep the size's height; rows where it is tall. */
  fill?: boolean;
  /** Live's color (an RGB integer) for pressed keys and wheels; the accent color otherwise. */
  color?: number | null;
  onBend?: (value: number) => void;
  onBendRelease?: () => void;
  onModulation?: (value: number) => void;
  onChannelPressure?: (value: number) => void;
  onScale?: (root: number, scale: ScaleName) => void;
  onScaleMode?: (mode: ScaleMode) => void;
  /** Whether the root and scale follow the set's. */
  followSong?: boolean;
  onFollowSong?: (on: boolean) => void;
}

const NOTHING: readonly number[] = [];

interface KeyRowProps extends KeyGestures {
  /** The row's first note (a C). */
  start: number;
  octaves: number;
  root: number;
  scale: ScaleName;
  scaleMode: ScaleMode;
  /** The row's name where there are several. */
  label: string | undefined;
  pressed: readonly number[];
  /** The note the computer keys' A plays: the lowest row's first. */
  first: number;
  row: boolean;
}

/** One row of keys, laid out from its first note. */
const KeyRow = memo(function KeyRow({ start, octaves, root, scale, scaleMode, first, ...bed }: KeyRowProps) {
  const keys = useMemo(
    () => layoutKeys({ first: start, octaves, root, scale, mode: scaleMode }),
    [start, octaves, root, scale, scaleMode],
  );
  return <KeyBed keys={keys} first={first} {...bed} />;
});

const bendText = (value: number): string =>
  value === 0 ? '0' : `${value > 0 ? '+' : '−'}${Math.round((Math.abs(value) / (value > 0 ? 8191 : 8192)) * 100)} %`;

/** The keyboard: octave and scale above, wheels beside the keys. */
export const Keyboard = memo(function Keyboard({
  octave,
  octaves = 2,
  root = 0,
  scale = 'chromatic',
  scaleMode = 'dim',
  pressed = NOTHING,
  bend = 0,
  modulation = 0,
  pressure = 0,
  state,
  bending = false,
  size = 'medium',
  fill = false,
  color = null,
  onNoteDown,
  onNoteMove,
  onNoteUp,
  onPressure,
  onOctave,
  onAllOff,
  onBend,
  onBendRelease,
  onModulation,
  onChannelPressure,
  onScale,
  onScaleMode,
  followSong = false,
  onFollowSong,
}: KeyboardProps) {
  const [bedRef, fit] = useFitOctaves<HTMLDivElement>(octaves, fill);
  const shown = fit.octaves;
  const first = octaveStart(octave);
  const row = isScaleRow(scaleMode, scale);
  // each row the next octaves up, as long as MIDI has notes for it
  const rowFirsts = useMemo(
    () =>
      Array.from({ length: fit.rows }, (_, index) => first + index * 12 * shown).filter(
        (start) => start <= HIGHEST_NOTE,
      ),
    [first, shown, fit.rows],
  );
  const lastRowFirst = rowFirsts.at(-1) ?? first;
  const notes = notesShown(lastRowFirst, shown);
  const range = [first, notes.at(-1) ?? first] as const;
  const releasePressure = useCallback(() => onChannelPressure?.(0), [onChannelPressure]);
  const style = color !== null ? ({ '--ls-keyboard-color': cssColor(color) } as CSSProperties) : undefined;

  return (
    <div
      className="ls-keyboard"
      data-state={state ?? (pressed.length > 0 ? 'playing' : 'silent')}
      data-bending={bending || undefined}
      data-size={size}
      data-fill={fill || undefined}
      style={style}
    >
      <ScaleBar
        octave={octave}
        range={range}
        root={root}
        scale={scale}
        scaleMode={scaleMode}
        onOctave={onOctave}
        onScale={onScale}
        onScaleMode={onScaleMode}
        followSong={followSong}
        onFollowSong={onFollowSong}
      />
      <div className="ls-keyboard-body">
        <div className="ls-wheels" role="group" aria-label="Wheels">
          <Wheel
            label="Pitch bend"
            shortLabel="Bend"
            value={bend}
            min={-8192}
            max={8191}
            rest={0}
            springs
            held={bending}
            text={bendText(bend)}
            onChange={onBend}
            onRelease={onBendRelease}
          />
          <Wheel
            label="Modulation"
            shortLabel="Mod"
            value={modulation}
            min={0}
            max={127}
            rest={0}
            text={String(modulation)}
            onChange={onModulation}
          />
          <Wheel
            label="Aftertouch"
            shortLabel="AT"
            value={pressure}
            min={0}
            max={127}
            rest={0}
            springs
            text={String(pressure)}
            onChange={onChannelPressure}
            onRelease={releasePressure}
          />
        </div>
        <div className="ls-keybed-frame" ref={bedRef} data-rows={rowFirsts.length}>
          {/* the highest row on top, as the octaves go up the screen */}
          {[...rowFirsts].reverse().map((start) => (
            <KeyRow
              key={start}
              start={start}
              octaves={shown}
              root={root}
              scale={scale}
              scaleMode={scaleMode}
              label={
                rowFirsts.length > 1
                  ? `Piano keys ${noteName(start)}–${noteName(Math.min(HIGHEST_NOTE, start + shown * 12))}`
                  : undefined
              }
              pressed={pressed}
              first={first}
              row={row}
              onNoteDown={onNoteDown}
              onNoteMove={onNoteMove}
              onNoteUp={onNoteUp}
              onPressure={onPressure}
              onOctave={onOctave}
              onAllOff={onAllOff}
            />
          ))}
        </div>
      </div>
    </div>
  );
});
