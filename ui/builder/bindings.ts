/**
 * A binding from a path Live gave (the parameter a musician selected in
 * Live, or picked in the object browser): by the names of its track and
 * device, so it follows them when tracks move and binds again when a
 * deleted track comes back, with a relative target below them. Paths
 * outside the set's tracks (returns, master) stay absolute. Pure.
 */
import { parsePath, type PathStep } from '../../protocol/src/path';
import type { ParameterBinding, TrackScope } from '../../protocol/src/pages';

/** The names along a path, as Live told them; empty or missing names fall back to places. */
export interface PathNames {
  track?: string | null;
  device?: string | null;
  parameter?: string | null;
}

const stepText = (step: PathStep): string => (step.index === undefined ? step.name : `${step.name} ${step.index}`);
const named = (name: string | null | undefined): name is string => typeof name === 'string' && name.trim() !== '';

/** The paths whose names a binding wants: the track, its device, and the parameter itself. */
export function namedParts(path: string): { track: string | null; device: string | null; parameter: string } {
  const { root, steps } = parsePath(path);
  const [first, second] = steps;
  if (root.kind !== 'live_set' || first?.name !== 'tracks' || first.index === undefined)
    return { track: null, device: null, parameter: path };
  const track = `live_set ${stepText(first)}`;
  const device = second?.name === 'devices' && second.index !== undefined ? `${track} ${stepText(second)}` : null;
  return { track, device, parameter: path };
}

/** A parameter's binding from its path and the names along it. */
export function bindingFromPath(path: string, names: PathNames): ParameterBinding {
  const { root, steps } = parsePath(path);
  const [first, second] = steps;
  const what = [names.track, names.device, names.parameter].filter(named).join(' › ') || undefined;
  if (root.kind !== 'live_set' || first?.name !== 'tracks' || first.index === undefined)
    return { target: steps.length ? `live_set ${steps.map(stepText).join(' ')}` : path, what };
  const track: TrackScope = named(names.track) ? { name: names.track } : { index: first.index };
  if (second?.name === 'devices' && second.index !== undefined && steps.length > 2) {
    const device = named(names.device) ? { name: names.device } : { index: second.index };
    return { track, device, target: steps.slice(2).map(stepText).join(' '), what };
  }
  return { track, target: steps.slice(1).map(stepText).join(' '), what };
}

/** A track's scope from its path (`live_set tracks 2`) and name; null for a path that is not a track of the set. */
export function trackFromPath(path: string, name: string | null | undefined): TrackScope | null {
  const { root, steps } = parsePath(path);
  const [first] = steps;
  if (root.kind !== 'live_set' || steps.length !== 1 || first?.name !== 'tracks' || first.index === undefined)
    return null;
  return named(name) ? { name } : { index: first.index };
}

/** How a track scope reads ("Bass", "Track 2", "Selected track"). */
export const trackText = (track: TrackScope): string =>
  'name' in track ? track.name : 'index' in track ? `Track ${track.index + 1}` : 'Selected track';

/** How a binding reads, for a widget's settings and its unbound note. */
export function bindingText(binding: ParameterBinding): string {
  if (binding.what) return binding.what;
  const parts = [binding.track ? trackText(binding.track) : null, binding.device ? deviceText(binding.device) : null];
  return [...parts.filter((part): part is string => part !== null), binding.target].join(' › ');
}

const deviceText = (device: NonNullable<ParameterBinding['device']>): string =>
  'name' in device ? device.name : `Device ${device.index + 1}`;
