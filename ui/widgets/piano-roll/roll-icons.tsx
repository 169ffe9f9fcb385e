/** The clip editor toolbar's icons: plain SVG in the text color, hidden from screen readers. */
import type { ReactNode } from 'react';

/** The frame every toolbar icon is drawn in (24x24, stroked in the text color). */
export const Icon = ({ children }: { children: ReactNode }) => (
  <svg
    viewBox="0 0 24 24"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    {children}
  </svg>
);

export const PencilIcon = () => (
  <Icon>
    <path d="M4 20l4.5-1 10-10a2.1 2.1 0 0 0-3-3l-10 10z" />
    <path d="M13.5 7.5l3 3" />
  </Icon>
);

export const HandIcon = () => (
  <Icon>
    <path d="M8 12V5.5a1.5 1.5 0 0 1 3 0V11m0-6.5a1.5 1.5 0 0 1 3 0V11m0-5a1.5 1.5 0 0 1 3 0v5m0-2.5a1.5 1.5 0 0 1 3 0V14a7 7 0 0 1-7 7h-1a7 7 0 0 1-5.6-2.8L3.5 15a1.5 1.5 0 0 1 2.3-1.9L8 15" />
  </Icon>
);

export const FitIcon = () => (
  <Icon>
    <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
    <rect x="8" y="9" width="8" height="6" rx="1" />
  </Icon>
);

export const FitLoopIcon = () => (
  <Icon>
    <path d="M3 8h18M3 5v6M21 5v6" />
    <path d="M7 13l-3 3 3 3M17 13l3 3-3 3M4 16h16" />
  </Icon>
);

export const FollowIcon = () => (
  <Icon>
    <path d="M12 3v18" />
    <path d="M16 8l4 4-4 4" />
    <path d="M4 12h5" />
  </Icon>
);

export const TrashIcon = () => (
  <Icon>
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />
  </Icon>
);

export const DuplicateIcon = () => (
  <Icon>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3" />
  </Icon>
);

export const QuantizeIcon = () => (
  <Icon>
    <path d="M4 4v16M10 4v16M16 4v16" strokeOpacity="0.45" />
    <path d="M4 9h5M10 15h5M16 9h4" strokeWidth="3" />
  </Icon>
);

export const MuteIcon = () => (
  <Icon>
    <path d="M4 9h4l5-4v14l-5-4H4z" />
    <path d="M16 9l5 6M21 9l-5 6" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M9 14L4 9l5-5" />
    <path d="M4 9h11a5 5 0 0 1 0 10h-3" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="M15 14l5-5-5-5" />
    <path d="M20 9H9a5 5 0 0 0 0 10h3" />
  </Icon>
);

export const SpeakerIcon = () => (
  <Icon>
    <path d="M4 9h4l5-4v14l-5-4H4z" />
    <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />
  </Icon>
);

export const VelocityIcon = () => (
  <Icon>
    <path d="M5 20V12M10 20V6M15 20V10M20 20V15" />
    <path d="M3.5 12h3M8.5 6h3M13.5 10h3M18.5 15h3" />
  </Icon>
);

export const NotesIcon = () => (
  <Icon>
    <rect x="3" y="5" width="7" height="4" rx="1" />
    <rect x="9" y="11" width="9" height="4" rx="1" />
    <rect x="14" y="17" width="7" height="3" rx="1" />
  </Icon>
);

export const AutomationIcon = () => (
  <Icon>
    <path d="M3 18h4l4-10h4l3 6h3" />
    <circle cx="7" cy="18" r="1.2" />
    <circle cx="15" cy="8" r="1.2" />
  </Icon>
);
