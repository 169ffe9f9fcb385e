/**
 * Vitest's global setup: the app and the static Storybook are built (only
 * when older than their sources) once per run, before any browser test.
 */
import { buildIfStale } from '../../scripts/build-if-stale.mjs';

export default function setup(): void {
  buildIfStale('app');
  buildIfStale('storybook');
}
