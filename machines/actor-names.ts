/**
 * Names a developer reads for the recorded actors (`inspection.ts`): the
 * Live object each stands for, by the names Live gives them, in place of
 * XState's session ids (`x:6`). `session`, `track:Drums`, `slot:Drums/2`,
 * `scene:Verse`, `device:Bass/Saturator`, `parameter:Drums/Volume`,
 * `parameter:Bass/Saturator/Drive`; an invocation by its parent's name and
 * its source (`track:Drums › observe`). What a name needs is read from the
 * other actors' contexts: the session's lists of tracks, scenes and slots,
 * each track's name and devices. Where an actor is not known to any of them
 * its own words name it (its context's name, or its Live target). Two
 * actors of one name are told apart by a number. Pure.
 */
import type { InspectedActor } from './inspection';

/** A field of a context (contexts are each machine's own: read as unknown). */
const field = (context: unknown, key: string): unknown =>
  typeof context === 'object' && context !== null ? (Reflect.get(context, key) as unknown) : undefined;

const text = (context: unknown, key: string): string | null => {
  const value = field(context, key);
  return typeof value === 'string' && value !== '' ? value : null;
};

const list = (context: unknown, key: string): readonly unknown[] => {
  const value = field(context, key);
  return Array.isArray(value) ? (value as unknown[]) : [];
};

const record = (context: unknown, key: string): Record<string, unknown> => {
  const value = field(context, key);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : {};
};

/** What the actors say of the set: track names by target, the track of each device and slot, scene numbers. */
interface Directory {
  trackName: Map<string, string>;
  trackOfDevice: Map<string, string>;
  slotPlace: Map<string, { track: string; scene: number }>;
  sceneNumber: Map<string, number>;
}

function directoryOf(actors: Iterable<InspectedActor>): Directory {
  const directory: Directory = {
    trackName: new Map(),
    trackOfDevice: new Map(),
    slotPlace: new Map(),
    sceneNumber: new Map(),
  };
  for (const actor of actors) {
    const kind = actor.machine?.id;
    if (kind === 'track') {
      const track = text(actor.context, 'track');
      if (track === null) continue;
      directory.trackName.set(track, text(actor.context, 'name') ?? track);
      for (const device of list(actor.context, 'devices'))
        if (typeof device === 'string') directory.trackOfDevice.set(device, track);
    }
    if (kind === 'session') {
      list(actor.context, 'scenes').forEach((scene, index) => {
        if (typeof scene === 'string') directory.sceneNumber.set(scene, index + 1);
      });
      for (const [track, slots] of Object.entries(record(actor.context, 'slots'))) {
        if (!Array.isArray(slots)) continue;
        slots.forEach((slot: unknown, index) => {
          if (typeof slot === 'string') directory.slotPlace.set(slot, { track, scene: index + 1 });
        });
      }
    }
  }
  return directory;
}

/** The name of a machine actor, without the number that tells two of one name apart. */
function machineName(actor: InspectedActor, parent: InspectedActor | null, directory: Directory): string {
  const kind = actor.machine?.id ?? actor.id;
  const { context } = actor;
  const trackName = (track: string | null): string | null =>
    track === null ? null : (directory.trackName.get(track) ?? null);
  const deviceName = (device: string | null, name: string | null): string => {
    const track = device === null ? null : trackName(directory.trackOfDevice.get(device) ?? null);
    const own = name ?? device ?? '?';
    return track === null ? own : `${track}/${own}`;
  };
  switch (kind) {
    case 'track':
      return `track:${text(context, 'name') ?? text(context, 'track') ?? '?'}`;
    case 'scene': {
      const scene = text(context, 'scene');
      const number = scene === null ? undefined : directory.sceneNumber.get(scene);
      return `scene:${text(context, 'name') ?? (number === undefined ? (scene ?? '?') : String(number))}`;
    }
    case 'clipSlot': {
      const slot = text(context, 'slot');
      const place = slot === null ? undefined : directory.slotPlace.get(slot);
      if (!place) return `slot:${slot ?? '?'}`;
      return `slot:${trackName(place.track) ?? place.track}/${place.scene}`;
    }
    case 'device':
      return `device:${deviceName(text(context, 'device'), text(context, 'name'))}`;
    case 'parameter': {
      const own = text(context, 'name') ?? text(context, 'parameter') ?? '?';
      const owner = parent?.machine?.id;
      if (owner === 'track') return `parameter:${trackName(text(parent?.context, 'track')) ?? '?'}/${own}`;
      if (owner === 'device')
        return `parameter:${deviceName(text(parent?.context, 'device'), text(parent?.context, 'name'))}/${own}`;
      return `parameter:${own}`;
    }
    default:
      return kind;
  }
}

/** Every recorded actor's name, by session id. */
export function actorNames(actors: ReadonlyMap<string, InspectedActor>): Map<string, string> {
  const directory = directoryOf(actors.values());
  const names = new Map<string, string>();
  const nameOf = (actor: InspectedActor): string => {
    const known = names.get(actor.sessionId);
    if (known !== undefined) return known;
    const parent = actor.parent === null ? null : (actors.get(actor.parent) ?? null);
    const name =
      actor.machine === null
        ? `${parent ? nameOf(parent) : '?'} › ${actor.src ?? actor.id}`
        : machineName(actor, parent, directory);
    names.set(actor.sessionId, name);
    return name;
  };
  for (const actor of actors.values()) nameOf(actor);
  // two of one name (two pages' actors on one parameter): numbered in the order they started
  const seen = new Map<string, number>();
  const ordered = [...actors.values()].sort((a, b) => a.startedAt - b.startedAt);
  for (const actor of ordered) {
    const name = names.get(actor.sessionId) ?? '';
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count > 1) names.set(actor.sessionId, `${name} (${count})`);
  }
  return names;
}
