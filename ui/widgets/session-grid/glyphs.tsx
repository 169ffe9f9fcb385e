/** The small marks a session cell shows: launch, stop, record, create, replace, edit. In the text color, hidden from screen readers. */
import type { SVGProps } from 'react';

const Glyph = (props: SVGProps<SVGSVGElement>) => (
  <svg className="ls-glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false" {...props} />
);

export const LaunchGlyph = () => (
  <Glyph>
    <path d="M4 2.5v11l9-5.5z" />
  </Glyph>
);

export const StopGlyph = () => (
  <Glyph>
    <rect x="3.5" y="3.5" width="9" height="9" rx="1" />
  </Glyph>
);

export const RecordGlyph = () => (
  <Glyph>
    <circle cx="8" cy="8" r="5" />
  </Glyph>
);

export const CreateGlyph = () => (
  <Glyph>
    <path d="M7 3h2v4h4v2H9v4H7V9H3V7h4z" />
  </Glyph>
);

/** Two arrows either way: a clip placed here takes the place of the one here. */
export const ReplaceGlyph = () => (
  <Glyph>
    <path d="M2 4h8.5V2L14 5l-3.5 3V6H2zM14 10H5.5V8L2 11l3.5 3v-2H14z" />
  </Glyph>
);

/** A pencil: the clip's notes, in the editor. */
export const EditGlyph = () => (
  <Glyph>
    <path d="M11.2 2.3l2.5 2.5-7.9 7.9-3.1.6.6-3.1zM10.1 4.9l1 1" />
  </Glyph>
);
