/**
 * A layout's scopes: `<Track>` and `<Device>` stand for a Live object, and
 * the bindings inside them are relative to it. A track by its name (found
 * wherever it is in the set, and again if it moves), by its place, or
 * Live's selected track; a device of the track by its name or place. A
 * scope whose object is not there (no track of that name) leaves its
 * widgets unbound, and binds them as soon as it is.
 */
import { useSelector } from '@xstate/react';
import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useTrackActors } from '../connect/use-session';
import { useTrackSelection } from '../connect/use-track-selection';
import { Scope, useLayoutServices, useScope } from './layout-context';
import type { ScopeTarget } from './targets';
import { trackActorOf, useEveryTrackActor, useTrackNames } from './use-tracks';

/** Which track: exactly one of these. */
export type TrackChoice = { name: string } | { index: number } | { selected: true };

/** The first track (not return or master) named `name`, as the session's track actors say. */
function useTrackNamed(name: string | null): string | null {
  const { session } = useLayoutServices();
  const actors = useTrackActors(session);
  const names = useTrackNames(actors);
  const index = name === null ? -1 : names.indexOf(name);
  return actors[index]?.getSnapshot().context.track ?? null;
}

/** The track `choice` stands for now: its target, or why there is none. */
export function useTrackTarget(choice: TrackChoice): ScopeTarget {
  const { session } = useLayoutServices();
  const named = useTrackNamed('name' in choice ? choice.name : null);
  const indexed = useSelector(session, (snapshot) =>
    'index' in choice ? (snapshot.context.tracks[choice.index] ?? null) : null,
  );
  const { selectedTrack } = useTrackSelection(session);
  const loaded = useSelector(session, (snapshot) => snapshot.context.tracks.length > 0);
  const found = 'name' in choice ? named : 'index' in choice ? indexed : selectedTrack;
  if (found !== null) return { kind: 'object', target: found };
  if (!loaded) return { kind: 'unbound', why: 'Live’s tracks are loading' };
  if ('name' in choice) return { kind: 'unbound', why: `no track named “${choice.name}” in the set` };
  if ('index' in choice) return { kind: 'unbound', why: `the set has no track ${choice.index + 1}` };
  return { kind: 'unbound', why: 'no track is selected in Live' };
}

const choiceText = (choice: TrackChoice): string =>
  'name' in choice ? choice.name : 'index' in choice ? `Track ${choice.index + 1}` : 'Selected track';

/** A track of the set: its widgets bind relative to it (`mixer_device volume`, `devices 0 parameters 1`). */
export function Track(props: TrackChoice & { label?: string; children: ReactNode }) {
  const { children, label, ...choice } = props;
  const target = useTrackTarget(choice);
  return (
    <section
      className="ls-layout-scope"
      aria-label={label ?? choiceText(choice)}
      data-unbound={target.kind === 'unbound' || undefined}
    >
      <h3 className="ls-layout-scope-title">{label ?? choiceText(choice)}</h3>
      {target.kind === 'unbound' && <p className="ls-layout-unbound">Unbound: {target.why}</p>}
      <Scope target={target}>{children}</Scope>
    </section>
  );
}

/** Which device of the track: exactly one of these. */
export type DeviceChoice = { name: string } | { index: number };

/** The devices of the track `scope` stands for (targets), as its actor lists them. */
function useTrackDevices(scope: ScopeTarget): readonly string[] {
  const { session } = useLayoutServices();
  const actor = trackActorOf(useEveryTrackActor(session), scope.kind === 'object' ? scope.target : null);
  return useSelector(
    actor,
    (snapshot) => snapshot?.context.devices ?? [],
    (a, b) => a.join() === b.join(),
  );
}

/** The first of `devices` named `name`, read by their (shared) device actors, which are kept while this looks. */
function useDeviceNamed(devices: readonly string[], name: string | null): string | null {
  const { devices: shared } = useLayoutServices();
  const store = useMemo(
    () => ({
      subscribe: (changed: () => void) => {
        if (name === null) return () => {};
        const subscriptions = devices.map((device) => shared.acquire(device).subscribe(changed));
        changed();
        return () => {
          subscriptions.forEach((subscription) => subscription.unsubscribe());
          devices.forEach((device) => shared.release(device));
        };
      },
      snapshot: () =>
        name === null
          ? null
          : (devices.find((device) => shared.peek(device)?.getSnapshot().context.name === name) ?? null),
    }),
    [shared, devices, name],
  );
  return useSyncExternalStore(store.subscribe, store.snapshot);
}

/** The device `choice` stands for on the track `scope` stands for: its target, or why there is none. */
export function useDeviceTarget(scope: ScopeTarget, choice: DeviceChoice): ScopeTarget {
  const devices = useTrackDevices(scope);
  const named = useDeviceNamed(devices, 'name' in choice ? choice.name : null);
  if (scope.kind !== 'object')
    return scope.kind === 'top' ? { kind: 'unbound', why: 'a <Device> goes inside a <Track>' } : scope;
  if ('index' in choice) return { kind: 'object', target: `${scope.target} devices ${choice.index}` };
  return named
    ? { kind: 'object', target: named }
    : { kind: 'unbound', why: `no device named “${choice.name}” on the track` };
}

/** A device of the track around it, by name or place: its widgets bind relative to it (`parameters 1`). */
export function Device(props: DeviceChoice & { label?: string; children: ReactNode }) {
  const { children, label, ...choice } = props;
  const target = useDeviceTarget(useScope(), choice);
  const title = label ?? ('name' in choice ? choice.name : `Device ${choice.index + 1}`);
  return (
    <section className="ls-layout-scope" aria-label={title} data-unbound={target.kind === 'unbound' || undefined}>
      <h3 className="ls-layout-scope-title">{title}</h3>
      {target.kind === 'unbound' && <p className="ls-layout-unbound">Unbound: {target.why}</p>}
      <Scope target={target}>{children}</Scope>
    </section>
  );
}
