/** Icons for buttons (transport, launch, stop): plain SVG in the text color, hidden from screen readers. */
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
