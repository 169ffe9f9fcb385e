/**
 * ELK in a worker for the page: laying out a chart of a few dozen states
 * takes 100-400 ms, off the page's thread. The worker's script is served as
 * a file of its own (not bundled: ELK is over a megabyte) and loaded only
 * when the inspector draws its first chart.
 */
import ELK from 'elkjs/lib/elk-api';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Layouter } from './chart-layout';

export function workerLayouter(): Layouter {
  return new ELK({ workerUrl });
}
