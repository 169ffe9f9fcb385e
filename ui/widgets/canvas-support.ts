/** Whether this DOM paints canvases: jsdom has no 2D context and reports every request for one as an error, so do not ask it. */
export const NO_CANVAS = typeof navigator === 'undefined' || navigator.userAgent.includes('jsdom');
