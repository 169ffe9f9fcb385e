/**
 * What a layout's bindings stand on: the machines, the session, the actors
 * they share (`shared-actors.ts`), and the scope a binding sits in (the
 * Live object of the `<Track>` or `<Device>` around it).
 */
import { createContext, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { InspectionEvent } from 'xstate';
import type { ProvidedMachines } from '../../machines/provide';
import type { ParameterActor } from '../connect/use-parameter';
import type { DeviceActor } from '../connect/use-device';
import type { SessionActor } from '../connect/use-session';
import { SharedActors } from './shared-actors';
import type { ScopeTarget } from './targets';

export interface LayoutServices {
  machines: ProvidedMachines;
  session: SessionActor;
  parameters: SharedActors<ProvidedMachines['parameter']>;
  devices: SharedActors<ProvidedMachines['device']>;
  /** Opens a clip slot's clip in the app's editor (a `<Session>`'s ✎); absent, the grid offers no editing. */
  onEditSlot?: (slot: string) => void;
}

const ServicesContext = createContext<LayoutServices | null>(null);
const ScopeContext = createContext<ScopeTarget>({ kind: 'top' });

export function LayoutProvider(props: {
  machines: ProvidedMachines;
  session: SessionActor;
  inspect?: (event: InspectionEvent) => void;
  onEditSlot?: (slot: string) => void;
  children: ReactNode;
}) {
  const { machines, session, inspect, onEditSlot, children } = props;
  const [services] = useState<LayoutServices>(() => ({
    machines,
    session,
    onEditSlot,
    parameters: new SharedActors(machines.parameter, (parameter) => ({ parameter }), inspect),
    devices: new SharedActors(machines.device, (device) => ({ device }), inspect),
  }));
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useLayoutServices(): LayoutServices {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('a layout’s widgets need the app (LayoutProvider) around them');
  return services;
}

/** The Live object the bindings here are relative to. */
export const useScope = (): ScopeTarget => useContext(ScopeContext);

export function Scope({ target, children }: { target: ScopeTarget; children: ReactNode }) {
  return <ScopeContext.Provider value={target}>{children}</ScopeContext.Provider>;
}

/** What `useShared` needs of a `SharedActors`. */
interface Holder<TActor> {
  acquire: (key: string) => unknown;
  peek: (key: string) => TActor | null;
  release: (key: string) => void;
}

/**
 * The shared actor for `key` while this component shows; null for no key,
 * and for the first render (it is taken when the component mounts and let
 * go when it unmounts).
 */
export function useShared<TActor>(shared: Holder<TActor>, key: string | null): TActor | null {
  const store = useMemo(
    () => ({
      subscribe: (changed: () => void) => {
        if (key === null) return () => {};
        shared.acquire(key);
        changed();
        return () => shared.release(key);
      },
      snapshot: () => (key === null ? null : shared.peek(key)),
    }),
    [shared, key],
  );
  return useSyncExternalStore(store.subscribe, store.snapshot);
}

/** The parameter actor at `target` (an absolute path or id), shared; null while unbound. */
export function useParameterAt(target: string | null): ParameterActor | null {
  return useShared(useLayoutServices().parameters, target);
}

/** The device actor of `target`, shared; null while unbound. */
export function useDeviceAt(target: string | null): DeviceActor | null {
  return useShared(useLayoutServices().devices, target);
}
