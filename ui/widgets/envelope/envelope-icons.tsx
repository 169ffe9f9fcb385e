/** The automation toolbar's icons: plain SVG in the text color, hidden from screen readers (as roll-icons). */
import { Icon } from '../piano-roll/roll-icons';

/** Freehand: a line wandering across. */
export const FreehandIcon = () => (
  <Icon>
    <path d="M3 16c2.5 0 3-8 6-8s3 9 6 9 3.5-7 6-7" />
  </Icon>
);

/** Steps: a value held, then another. */
export const StepIcon = () => (
  <Icon>
    <path d="M3 17h5v-6h5v-5h4v9h4" />
  </Icon>
);

/** A ramp: a straight line between two touches. */
export const RampIcon = () => (
  <Icon>
    <path d="M5 18L19 6" />
    <circle cx="5" cy="18" r="2" fill="currentColor" />
    <circle cx="19" cy="6" r="2" fill="currentColor" />
  </Icon>
);

/** Erase a range. */
export const EraseIcon = () => (
  <Icon>
    <path d="M8 20h12" />
    <path d="M4.5 15.5l9-9a2 2 0 0 1 2.8 0l2.2 2.2a2 2 0 0 1 0 2.8L12 18H7z" />
    <path d="M9 11l5 5" />
  </Icon>
);

/** Clear the whole envelope: a lane struck through. */
export const ClearIcon = () => (
  <Icon>
    <path d="M3 15c3 0 4-5 7-5s4 4 7 4h4" strokeOpacity="0.5" />
    <path d="M5 5l14 14" />
  </Icon>
);

/** The parameter chooser: a knob. */
export const ParameterIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="7" />
    <path d="M12 12l3.5-3.5" />
  </Icon>
);
