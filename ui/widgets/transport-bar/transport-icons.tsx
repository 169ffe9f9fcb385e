/** The transport bar's own icons (beside the shared ones in `../icons`): plain SVG in the text color, hidden from screen readers. */
import type { SVGProps } from 'react';

const Icon = (props: SVGProps<SVGSVGElement>) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...props} />
);

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2.2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

/** Stop all clips: the session's stop square over a row of clips. */
export const StopAllIcon = () => (
  <Icon>
    <rect x="6" y="3.5" width="12" height="12" rx="1" />
    <rect x="3" y="18" width="5" height="3" rx="0.8" />
    <rect x="9.5" y="18" width="5" height="3" rx="0.8" />
    <rect x="16" y="18" width="5" height="3" rx="0.8" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M9 6 4.5 10.5 9 15" {...stroke} />
    <path d="M5 10.5h9a5 5 0 0 1 0 10h-3" {...stroke} />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="M15 6l4.5 4.5L15 15" {...stroke} />
    <path d="M19 10.5h-9a5 5 0 0 0 0 10h3" {...stroke} />
  </Icon>
);

/** The arrangement loop: two arrows chasing each other. */
export const LoopIcon = () => (
  <Icon>
    <path d="M4 12V10a4 4 0 0 1 4-4h10" {...stroke} />
    <path d="M15 3l3 3-3 3" {...stroke} />
    <path d="M20 12v2a4 4 0 0 1-4 4H6" {...stroke} />
    <path d="M9 21l-3-3 3-3" {...stroke} />
  </Icon>
);

/** Punch in: an arrow into the loop's left bracket. */
export const PunchInIcon = () => (
  <Icon>
    <path d="M3 12h9M9 8.5 12.5 12 9 15.5" {...stroke} />
    <path d="M19 5h-3v14h3" {...stroke} />
  </Icon>
);

/** Punch out: an arrow out of the loop's right bracket. */
export const PunchOutIcon = () => (
  <Icon>
    <path d="M5 5h3v14H5" {...stroke} />
    <path d="M12 12h9M17.5 8.5 21 12l-3.5 3.5" {...stroke} />
  </Icon>
);

/** Capture MIDI: notes gathered into a clip. */
export const CaptureIcon = () => (
  <Icon>
    <path d="M4 14v5a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-5" {...stroke} />
    <path d="M12 3.5v10M8 10l4 4 4-4" {...stroke} />
  </Icon>
);

/** The previous cue point: back to a marker. */
export const PrevCueIcon = () => (
  <Icon>
    <path d="M17.5 5v14L8 12z" />
    <rect x="5" y="5" width="2.4" height="14" rx="0.6" />
  </Icon>
);

/** The next cue point: on to a marker. */
export const NextCueIcon = () => (
  <Icon>
    <path d="M6.5 5v14L16 12z" />
    <rect x="16.6" y="5" width="2.4" height="14" rx="0.6" />
  </Icon>
);

/** The cue points: a locator's flag on the timeline. */
export const CueIcon = () => (
  <Icon>
    <path d="M6 21V3.5h11.5l-2.6 4.2 2.6 4.3H8" {...stroke} />
  </Icon>
);

/** More controls. */
export const MoreIcon = () => (
  <Icon>
    <circle cx="5.5" cy="12" r="2" />
    <circle cx="12" cy="12" r="2" />
    <circle cx="18.5" cy="12" r="2" />
  </Icon>
);

/** A chooser opens below. */
export const ChevronDownIcon = () => (
  <Icon>
    <path d="M6 9.5l6 6 6-6" {...stroke} />
  </Icon>
);
