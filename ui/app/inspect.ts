/** XState's inspect option for actors the pages start, so the developers' page (`?inspect`) sees them too. */
import { createContext, useContext } from 'react';
import type { InspectionEvent } from 'xstate';

/** The inspect option, when the app runs with `?inspect`. */
export const InspectContext = createContext<((event: InspectionEvent) => void) | undefined>(undefined);
/** The inspect option to start an actor with (undefined without `?inspect`). */
export const useInspect = (): ((event: InspectionEvent) => void) | undefined => useContext(InspectContext);
