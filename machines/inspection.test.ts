import { createActor, createMachine, fromPromise, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { fakeSet } from '../fake-live/test-sets';
import { settle } from '../fake-live/fake-live';
import { actorNames } from './actor-names';
import { createInspection, HISTORY_LIMIT } from './inspection';
import { inspectedActor, recordOf } from './inspection-fixtures';
import { provideMachines } from './provide';

async function settled(times = 10): Promise<void> {
  for (let i = 0; i < times; i += 1) await settle();
}

describe('createInspection', () => {
  it('records every actor of a session from the start, with its machine, state and parent, and forwards the events', async () => {
    const forwarded: string[] = [];
    const inspection = createInspection((event) => forwarded.push(event.type));
    const session = createActor(provideMachines(fakeSet().effects()).session, { inspect: inspection.inspect }).start();
    await settled();
    const actors = [...inspection.actors().values()];
    const machines = actors.filter((actor) => actor.machine !== null);
    expect(machines.filter((actor) => actor.machine?.id === 'track')).toHaveLength(4);
    expect(machines.filter((actor) => actor.machine?.id === 'clipSlot')).toHaveLength(4);
    expect(actors.filter((actor) => actor.parent === session.sessionId).length).toBeGreaterThan(8);
    const drums = machines.find((actor) => Reflect.get(Object(actor.context), 'name') === 'Drums');
    expect(drums?.value).toBeTruthy();
    expect(forwarded).toContain('@xstate.snapshot');
    expect(forwarded).toContain('@xstate.event');
    session.stop();
  });

  it('keeps each event an actor took with its state after it, and the requests it made with how they ended', async () => {
    const inspection = createInspection();
    const session = createActor(provideMachines(fakeSet().effects()).session, { inspect: inspection.inspect }).start();
    await settled();
    const track = [...inspection.actors().values()].find(
      (actor) => actor.machine?.id === 'track' && Reflect.get(Object(actor.context), 'name') === 'Drums',
    );
    const history = track?.history ?? [];
    const reads = history.filter((moment) => moment.kind === 'invoked' && moment.src === 'read');
    expect(reads.length).toBeGreaterThan(0);
    const [read] = reads;
    expect(read).toMatchObject({ input: { target: 'id 1' } });
    const end = history.find(
      (moment) => moment.kind === 'ended' && read?.kind === 'invoked' && moment.child === read.child,
    );
    expect(end).toMatchObject({ outcome: 'done' });
    const took = history.filter((moment) => moment.kind === 'event');
    expect(took.some((moment) => moment.kind === 'event' && moment.event.startsWith('xstate.done.actor'))).toBe(true);
    // times go forward
    const times = history.map((moment) => moment.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    session.stop();
  });

  it('marks stopped actors, drops ended invocations, and forgets stopped ones when asked', async () => {
    const inspection = createInspection();
    const session = createActor(provideMachines(fakeSet().effects()).session, { inspect: inspection.inspect }).start();
    await settled();
    const running = [...inspection.actors().values()];
    expect(running.some((actor) => actor.machine === null && actor.status === 'active')).toBe(true);
    session.stop();
    const after = [...inspection.actors().values()];
    expect(after.every((actor) => actor.status !== 'active')).toBe(true);
    expect(after.every((actor) => actor.machine !== null)).toBe(true);
    inspection.forgetStopped();
    expect(inspection.actors().size).toBe(0);
  });

  it('keeps the latest moments of a long history', () => {
    let clock = 0;
    const inspection = createInspection(undefined, () => (clock += 1));
    const counter = createActor(
      createMachine({ id: 'counter', initial: 'a', states: { a: { on: { go: 'b' } }, b: { on: { go: 'a' } } } }),
      { inspect: inspection.inspect },
    ).start();
    for (let i = 0; i < HISTORY_LIMIT + 20; i += 1) counter.send({ type: 'go' });
    const [recorded] = inspection.actors().values();
    expect(recorded?.history).toHaveLength(HISTORY_LIMIT);
    expect(recorded?.history.at(-1)).toMatchObject({ kind: 'event', event: 'go', value: 'a' });
  });

  it('records a failed invocation as an error in its parent’s history', async () => {
    const inspection = createInspection();
    const failing = setup({
      actors: { ask: fromPromise<never>(() => Promise.reject(new Error('refused'))) },
    }).createMachine({ id: 'asker', invoke: { id: 'question', src: 'ask', input: { what: 1 }, onError: {} } });
    createActor(failing, { inspect: inspection.inspect }).start();
    await settled(2);
    const asker = [...inspection.actors().values()].find((actor) => actor.machine?.id === 'asker');
    expect(asker?.history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'invoked', src: 'ask', childId: 'question', input: { what: 1 } }),
        expect.objectContaining({ kind: 'ended', childId: 'question', outcome: 'error' }),
      ]),
    );
  });
});

describe('actorNames', () => {
  it('names a session’s actors by what Live calls them', async () => {
    const inspection = createInspection();
    const session = createActor(provideMachines(fakeSet().effects()).session, { inspect: inspection.inspect }).start();
    await settled();
    const names = [...actorNames(inspection.actors()).values()];
    expect(names).toEqual(
      expect.arrayContaining([
        'session',
        'track:Drums',
        'track:Bass',
        'track:A-Reverb',
        'slot:Drums/1',
        'slot:Drums/2',
        'slot:Bass/1',
        'scene:Verse',
        'scene:2',
      ]),
    );
    expect(names.some((name) => name.startsWith('track:Drums › '))).toBe(true);
    expect(names.some((name) => name.startsWith('x:'))).toBe(false);
    session.stop();
  });

  const actor = (sessionId: string, kind: string | null, context: object, parent: string | null = null) =>
    inspectedActor({ sessionId, kind, context, parent, src: 'read' });

  it('names parameters by their track, or their device and its track, and numbers two of one name', () => {
    const actors = recordOf([
      actor('x:1', 'track', { track: 'id 1', name: 'Drums', devices: ['id 50'] }),
      actor('x:2', 'parameter', { name: 'Volume', parameter: 'id 9' }, 'x:1'),
      actor('x:3', 'device', { device: 'id 50', name: 'Kick' }),
      actor('x:4', 'parameter', { name: 'Tune', parameter: 'id 51' }, 'x:3'),
      actor('x:5', 'device', { device: 'id 60', name: 'Echo' }),
      actor('x:6', 'parameter', { name: 'Feedback', parameter: 'id 61' }, 'x:5'),
      actor('x:7', 'parameter', { name: 'Cutoff', parameter: 'id 70' }),
      actor('x:8', 'parameter', { name: 'Cutoff', parameter: 'id 70' }),
      actor('x:9', null, {}, 'x:4'),
    ]);
    expect(Object.fromEntries(actorNames(actors))).toEqual({
      'x:1': 'track:Drums',
      'x:2': 'parameter:Drums/Volume',
      'x:3': 'device:Drums/Kick',
      'x:4': 'parameter:Drums/Kick/Tune',
      'x:5': 'device:Echo',
      'x:6': 'parameter:Echo/Feedback',
      'x:7': 'parameter:Cutoff',
      'x:8': 'parameter:Cutoff (2)',
      'x:9': 'parameter:Drums/Kick/Tune › read',
    });
  });
});
