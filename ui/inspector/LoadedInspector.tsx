/** The inspector with ELK in a worker: what the app loads when the inspector first opens. */
import { Inspector, type InspectorProps } from './Inspector';
import type { Layouter } from './chart-layout';
import { workerLayouter } from './worker-layouter';

let shared: Layouter | null = null;

export default function LoadedInspector(props: Omit<InspectorProps, 'layouter'>) {
  // one worker for the page, made when the first inspector shows
  shared ??= workerLayouter();
  return <Inspector {...props} layouter={shared} />;
}
