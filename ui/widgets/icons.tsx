/** Icons for buttons (transport, launch, stop, a device's switch and banks): plain SVG in the text color, hidden from screen readers. */
import type { SVGProps } from 'react';

const Icon = (props: SVGProps<SVGSVGElement>) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...props} />
);

export const PlayIcon = () => (
  <Icon>
    <path d="M7 4.5v15l12.5-7.5z" />
  </Icon>
);

export const StopIcon = () => (
  <Icon>
    <rect x="5.5" y="5.5" width="13" height="13" rx="1" />
  </Icon>
);

export const RecordIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="7" />
  </Icon>
);

export const SessionRecordIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="7.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
    <circle cx="12" cy="12" r="3.5" />
  </Icon>
);

export const MetronomeIcon = () => (
  <Icon>
    <path d="M9.2 3h5.6l4.2 18H5zM11.2 6l-2.6 11.5h6.8L14 11.2l3-5-1.1-.7-2.4 4L12.8 6z" fillRule="evenodd" />
  </Icon>
);

export const TapIcon = () => (
  <Icon>
    <path d="M10 3a2 2 0 0 1 2 2v6.3l5.3 1.3a2 2 0 0 1 1.5 2.2L18 21H9l-4-6.5 1.3-1 2.7 2V5a2 2 0 0 1 1-2z" />
  </Icon>
);

/** A device's on/off switch: the power symbol (a glyph font may lack U+23FB and draw an empty box). */
export const PowerIcon = () => (
  <Icon>
    <path
      d="M12 3.5v8M7.2 6.6a7 7 0 1 0 9.6 0"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.4"
      strokeLinecap="round"
    />
  </Icon>
);

/** Back a page (the previous bank). */
export const ChevronLeftIcon = () => (
  <Icon>
    <path d="M14.5 5.5 8 12l6.5 6.5" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
  </Icon>
);

/** On a page (the next bank). */
export const ChevronRightIcon = () => (
  <Icon>
    <path d="M9.5 5.5 16 12l-6.5 6.5" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
  </Icon>
);

/** Follow Live's selection: a crosshair on what Live has selected. */
export const FollowIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
    <circle cx="12" cy="12" r="2.5" />
    <path d="M12 2.5v4M12 17.5v4M2.5 12h4M17.5 12h4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
  </Icon>
);
