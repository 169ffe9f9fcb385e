import { firstValueFrom, filter } from 'rxjs';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { fakeSet } from '../fake-live/test-sets';
import { settle } from '../fake-live/fake-live';
import { createInspection } from './inspection';
import { provideMachines } from './provide';

describe('createInspection', () => {
  it('streams every actor of a session, children included, and forwards the events', async () => {
    const forwarded: string[] = [];
    const inspection = createInspection((event) => forwarded.push(event.type));
    const latest = firstValueFrom(
      inspection.actors$.pipe(
        filter((actors) => [...actors.values()].some((a) => (a.context as { name?: string })?.name === 'Beat')),
      ),
    );
    const session = createActor(provideMachines(fakeSet().effects()).session, { inspect: inspection.inspect }).start();
    for (let i = 0; i < 10; i += 1) await settle();
    const actors = await latest;
    expect(actors.size).toBeGreaterThan(10);
    expect([...actors.values()].some((actor) => actor.parent === session.sessionId)).toBe(true);
    expect(forwarded).toContain('@xstate.snapshot');
    expect(forwarded).toContain('@xstate.event');
    session.stop();
  });
});
