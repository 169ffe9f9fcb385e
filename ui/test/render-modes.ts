/** View tests run twice: plain, and in StrictMode (effects mount twice, renders run twice). */
import { Fragment, StrictMode, type ComponentType, type ReactNode } from 'react';

export const RENDER_MODES: Array<[string, ComponentType<{ children?: ReactNode }>]> = [
  ['normal mode', Fragment],
  ['StrictMode', StrictMode],
];
