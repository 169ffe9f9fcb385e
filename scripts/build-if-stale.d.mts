/** Builds `app` (dist/app) or `storybook` (dist/storybook) when missing or older than its sources; true if it built. */
export function buildIfStale(name: 'app' | 'storybook'): boolean;
