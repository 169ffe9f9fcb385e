/**
 * What a track offers the XY pad's picker, pure (`parameter-choices.ts`
 * reads Live): the track's own devices and, inside each rack, its chains and
 * their devices, racks in racks as deep as Live nests them, and the choices
 * made of them. Everything found is known by its path from the track
 * (`devices 0 chains 1 devices 0`), the path a page saves, so where a device
 * sits is read from its path: no parent links to keep in step.
 *
 * A rack's chains are its `chains` then its `return_chains` (only a Drum
 * Rack has returns). A Drum Rack's `chains` are its pads' chains: Live keeps
 * chains only for the pads that were filled, not for all 128, so a kit of
 * sixteen sounds is sixteen chains, and a chain left empty offers nothing.
 * They are offered: a drummer sweeps the snare's filter or the kick's decay
 * beside the pads, and each pad's device is a group of its own in the
 * picker, titled by its pad ("808 Kit › Snare › Simpler"), so a big kit is a
 * list of named groups after the kit's own macros, read in the same batches.
 */
import type { JsonValue } from '../protocol/src/index';
import type { ObserveInput } from './effects';
import { asString, refTargets } from './observe-invoke';

/** One parameter a control may be bound to. */
export interface ParameterChoice {
  /** Its path from the track (`mixer_device volume`, `devices 0 chains 1 devices 0 parameters 3`): what a page saves. */
  path: string;
  /** What a parameter actor is bound to: the track's target and the path, or the parameter's id. */
  target: string;
  /** Live's name of the parameter (`Frequency`), or the mixer's (`Volume`). */
  name: string;
  /** The device's name in Live after the racks and chains it sits in (`Auto Filter`, `Keys Rack › Tines › Operator`), or `Mixer`. */
  device: string;
  /** The device's name after its own chain's only (`Tines › Operator`; `Auto Filter`, `Mixer`). */
  shortDevice: string;
}

/** A device found on the track or in a rack's chain. */
export interface FoundDevice {
  target: string;
  /** Its path from the track: `devices 1`, `devices 0 chains 2 devices 0`. */
  path: string;
  /** Whether it is a rack (Live's `can_have_chains`), once read. */
  rack: boolean;
}

/** A rack's chain or return chain. */
export interface FoundChain {
  target: string;
  /** Its path from the track: `devices 0 chains 2`, `devices 0 return_chains 0`. */
  path: string;
}

/** What was found so far. */
export interface ChainTree {
  devices: FoundDevice[];
  chains: FoundChain[];
}

/** A rack's lists of chains: its chains, then its return chains. */
export type ChainList = 'chains' | 'return_chains';

/** The track's own devices, none known to be a rack yet. */
export function trackTree(devices: readonly string[]): ChainTree {
  return { devices: devices.map((target, index) => ({ target, path: `devices ${index}`, rack: false })), chains: [] };
}

const targetsOf = (found: readonly { target: string }[]): string[] => found.map((item) => item.target);

/** The targets of the devices at these paths, in their order. */
export function devicesAt(tree: ChainTree, paths: readonly string[]): string[] {
  return paths.flatMap((path) => tree.devices.filter((device) => device.path === path).map((device) => device.target));
}

/** The targets of the chains at these paths, in their order. */
export function chainsAt(tree: ChainTree, paths: readonly string[]): string[] {
  return paths.flatMap((path) => tree.chains.filter((chain) => chain.path === path).map((chain) => chain.target));
}

/** The tree with the devices at `paths` marked as racks where `canHaveChains` (in the same order) says so; and the racks' paths. */
export function withRacks(
  tree: ChainTree,
  paths: readonly string[],
  canHaveChains: JsonValue,
): { tree: ChainTree; racks: string[] } {
  const answers = Array.isArray(canHaveChains) ? canHaveChains : [];
  const racks = paths.filter((_, index) => answers[index] === true);
  return {
    tree: {
      ...tree,
      devices: tree.devices.map((device) => (racks.includes(device.path) ? { ...device, rack: true } : device)),
    },
    racks,
  };
}

/** The tree with each rack's chains of `list` added (`lists` in the racks' order); and the added chains' paths. */
export function withChains(
  tree: ChainTree,
  racks: readonly string[],
  list: ChainList,
  lists: JsonValue,
): { tree: ChainTree; added: string[] } {
  const read = Array.isArray(lists) ? lists : [];
  const added = racks.flatMap((rack, index) =>
    refTargets(read[index] ?? null).map((target, chain) => ({ target, path: `${rack} ${list} ${chain}` })),
  );
  return { tree: { ...tree, chains: [...tree.chains, ...added] }, added: added.map((chain) => chain.path) };
}

/** The tree with each chain's devices added (`lists` in the chains' order); and the added devices' paths: the next level. */
export function withChainDevices(
  tree: ChainTree,
  chains: readonly string[],
  lists: JsonValue,
): { tree: ChainTree; added: string[] } {
  const read = Array.isArray(lists) ? lists : [];
  const added = chains.flatMap((chain, index) =>
    refTargets(read[index] ?? null).map((target, device) => ({
      target,
      path: `${chain} devices ${device}`,
      rack: false,
    })),
  );
  return { tree: { ...tree, devices: [...tree.devices, ...added] }, added: added.map((device) => device.path) };
}

/** Path tokens compared as Live lists them: numbers by value, a rack's chains before its return chains, a parent before what it holds. */
function comparePaths(a: string, b: string): number {
  const left = a.split(' ');
  const right = b.split(' ');
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const [x = '', y = ''] = [left[index], right[index]];
    if (x === y) continue;
    const [m, n] = [Number(x), Number(y)];
    return Number.isInteger(m) && Number.isInteger(n) ? m - n : x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** The tree's devices in the order Live shows them: each rack, then its chains' devices, then the next device. */
export function inChainOrder(tree: ChainTree): ChainTree {
  return { ...tree, devices: [...tree.devices].sort((a, b) => comparePaths(a.path, b.path)) };
}

/** What one read of names asks: every device, then every chain. */
export const namedTargets = (tree: ChainTree): string[] => [...targetsOf(tree.devices), ...targetsOf(tree.chains)];

const NESTED = /^(.*) (?:chains|return_chains) \d+ devices \d+$/;
const lastIndex = (path: string): number => Number(path.slice(path.lastIndexOf(' ') + 1));

/** A device as the picker names it. */
export interface DeviceTitle {
  /** Its path from the track. */
  path: string;
  /** Its name in Live after the racks and chains it sits in ("Keys Rack › Tines › Operator"): two Simplers on two pads read apart. */
  device: string;
  /** Its name after its own chain's only ("Tines › Operator"; its name alone at the top or in a chain of its name): short enough for a closed picker on a phone. */
  shortDevice: string;
}

/** Each device's title, in the tree's order (names Live left empty numbered); `names` answers `namedTargets`. */
export function deviceTitles(tree: ChainTree, names: JsonValue): DeviceTitle[] {
  const read = Array.isArray(names) ? names : [];
  const nameOf = new Map<string, string>();
  const numbered = (path: string, kind: string) => `${kind} ${lastIndex(path) + 1}`;
  tree.devices.forEach((device, index) =>
    nameOf.set(device.path, asString(read[index] ?? null) || numbered(device.path, 'Device')),
  );
  tree.chains.forEach((chain, index) =>
    nameOf.set(chain.path, asString(read[tree.devices.length + index] ?? null) || numbered(chain.path, 'Chain')),
  );
  const named = (path: string, kind: string): string => nameOf.get(path) ?? numbered(path, kind);
  /** The rack's title and the chain's name, for a device in a rack. */
  const within = (path: string): [string, string] | null => {
    const rack = NESTED.exec(path)?.[1];
    if (rack === undefined) return null;
    return [title(rack), named(path.slice(0, path.lastIndexOf(' devices ')), 'Chain')];
  };
  const title = (path: string): string => {
    const outer = within(path);
    return outer ? `${outer[0]} › ${outer[1]} › ${named(path, 'Device')}` : named(path, 'Device');
  };
  return tree.devices.map(({ path }) => {
    const outer = within(path);
    const own = named(path, 'Device');
    // Live names a new chain after its first device: "Tines › Tines" says no more than "Tines"
    const short = outer && outer[1] !== own ? `${outer[1]} › ${own}` : own;
    return { path, device: title(path), shortDevice: short };
  });
}

/** The key of the observation of a list that holds part of the tree: `chains id 12`, `devices id 40`. */
export const listKey = (prop: ChainList | 'devices', target: string): string => `${prop} ${target}`;

/** The lists the tree was read from below the track (each rack's chains and return chains, each chain's devices): what to observe. */
export function treeObservations(tree: ChainTree): ObserveInput[] {
  const lists = (prop: ChainList | 'devices', target: string): ObserveInput => ({
    target,
    prop,
    key: listKey(prop, target),
  });
  return [
    ...tree.devices
      .filter((device) => device.rack)
      .flatMap((rack) => [lists('chains', rack.target), lists('return_chains', rack.target)]),
    ...tree.chains.map((chain) => lists('devices', chain.target)),
  ];
}

/** The lists as read, by their observation's key, with `read` (in `targets`' order) for `prop` of each target. */
export function withListsRead(
  known: Readonly<Record<string, readonly string[]>>,
  prop: ChainList | 'devices',
  targets: readonly string[],
  read: JsonValue,
): Record<string, readonly string[]> {
  const lists = Array.isArray(read) ? read : [];
  return {
    ...known,
    ...Object.fromEntries(targets.map((target, index) => [listKey(prop, target), refTargets(lists[index] ?? null)])),
  };
}

/** Whether an observed list now differs from what was read (a key not read is no change: its observation is on its way out). */
export function listChanged(
  known: Readonly<Record<string, readonly string[]>>,
  key: string,
  value: JsonValue,
): boolean {
  const before = known[key];
  if (before === undefined) return false;
  const now = refTargets(value);
  return now.length !== before.length || now.some((target, index) => target !== before[index]);
}

const MIXER = { device: 'Mixer', shortDevice: 'Mixer' };

/** The mixer's choices, there on every track that has a mixer (known without reading). */
export function mixerChoices(track: string): ParameterChoice[] {
  return [
    { path: 'mixer_device volume', target: `${track} mixer_device volume`, name: 'Volume', ...MIXER },
    { path: 'mixer_device panning', target: `${track} mixer_device panning`, name: 'Pan', ...MIXER },
  ];
}

/** The parameters whose names are read: every device's but its first ("Device On"). */
export const namedParameters = (lists: readonly (readonly string[])[]): string[] =>
  lists.flatMap((list) => list.slice(1));

/**
 * The choices a chain offers: the mixer's, then each device's parameters
 * after "Device On" (`devices` and `lists` by device, in the order shown),
 * named by `names` (in `namedParameters` order).
 */
export function parameterChoices(
  track: string,
  devices: readonly DeviceTitle[],
  lists: readonly (readonly string[])[],
  names: JsonValue,
): ParameterChoice[] {
  const read = Array.isArray(names) ? names : [];
  const choices = mixerChoices(track);
  let next = 0;
  devices.forEach(({ path, device, shortDevice }, index) => {
    (lists[index] ?? []).slice(1).forEach((target, offset) => {
      const name = asString(read[next] ?? null);
      next += 1;
      choices.push({
        path: `${path} parameters ${offset + 1}`,
        target,
        name: name || `Parameter ${offset + 1}`,
        device,
        shortDevice,
      });
    });
  });
  return choices;
}
