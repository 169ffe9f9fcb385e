/**
 * The song's tempo as a number you drag, as in Live's transport: up and
 * down from wherever it is touched, a whole beat per minute every few pixels
 * (keeping the hundredths), a tenth as fast and to the hundredth with a
 * second finger or Shift, a double tap back to 120.
 * A `slider` for the keyboard and screen readers: arrows step one BPM
 * (Shift: a tenth), Page keys ten, Delete resets. A pure view.
 */
import { memo } from 'react';
import { TEMPO_RANGE } from '../../../machines/transport';
import { useValueDrag } from '../../touch/use-value-drag';
import { sliderProps } from '../slider-props';

/** Live's tempo for a new set: where a double tap goes back to. */
export const DEFAULT_TEMPO = 120;

const [MIN_TEMPO, MAX_TEMPO] = TEMPO_RANGE;
/** Pixels of drag per BPM: fine enough to land on a tempo, quick enough to cross a genre. */
const PIXELS_PER_BPM = 4;

/** Live shows and stores tempo to the hundredth. */
const hundredths = (bpm: number): number => Math.round(bpm * 100) / 100;

/** A tempo as Live writes it: `120.00`. */
export const formatTempo = (bpm: number): string => bpm.toFixed(2);

/** The tempo field's props: the tempo, whether it takes input, and where a new tempo goes. */
export interface TempoFieldProps {
  tempo: number;
  /** Takes input only when enabled (the transport is ready). */
  enabled: boolean;
  /** What it says in place of a tempo when it has none (loading, failed). */
  status?: string | null;
  onTempo?: (bpm: number) => void;
}

/** The tempo, dragged like a knob (a pure view). */
export const TempoField = memo(function TempoField({ tempo, enabled, status = null, onTempo }: TempoFieldProps) {
  const change = onTempo ? (bpm: number) => onTempo(hundredths(bpm)) : undefined;
  const reset = onTempo ? () => onTempo(DEFAULT_TEMPO) : undefined;
  const drag = useValueDrag({
    value: tempo,
    min: MIN_TEMPO,
    max: MAX_TEMPO,
    axis: 'vertical',
    rangePixels: (MAX_TEMPO - MIN_TEMPO) * PIXELS_PER_BPM,
    coarseStep: 1,
    disabled: !enabled,
    onChange: change,
    onReset: reset,
  });
  const text = formatTempo(tempo);
  return (
    <div className="ls-tempo" data-touched={drag.dragging || undefined}>
      <div
        {...sliderProps({
          label: 'Tempo',
          orientation: 'vertical',
          value: tempo,
          min: MIN_TEMPO,
          max: MAX_TEMPO,
          text: status ?? `${text} BPM`,
          live: enabled,
          step: 1,
          onChange: change,
          onReset: reset,
        })}
        className="ls-control ls-tempo-value ls-number"
        {...drag.handlers}
      >
        {enabled ? text : '–'}
      </div>
      <span className="ls-tempo-unit" aria-hidden="true">
        {drag.fine ? 'fine' : 'BPM'}
      </span>
    </div>
  );
});
