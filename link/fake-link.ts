/** LiveLink on fake sockets and virtual time, for the facade's tests. */
import { fakeSockets, type FakeSocket } from './fake-socket';
import { LiveLink, type LiveLinkOptions } from './live-link';
import { VirtualTime } from './virtual-time';

/** A link under test, with its sockets and its clock. */
export interface FakeLink {
  link: LiveLink;
  fake: ReturnType<typeof fakeSockets>;
  time: VirtualTime;
  /** The newest socket. */
  socket: () => FakeSocket;
}

/** A link on fake sockets and virtual time, not waited for; `autoAccept: false` leaves each socket to the test. */
export function fakeLink(options: Partial<LiveLinkOptions> = {}, autoAccept = true): FakeLink {
  const fake = fakeSockets(autoAccept);
  const time = new VirtualTime();
  const link = new LiveLink({
    url: 'http://bridge:9400',
    token: 't',
    socket: fake.factory,
    checkToken: () => Promise.resolve(true),
    backoff: { firstMs: 5, maxMs: 20, jitter: 0 },
    batchScheduler: time.scheduler,
    timerScheduler: time.scheduler,
    ...options,
  });
  return { link, fake, time, socket: () => fake.sockets.at(-1) as FakeSocket };
}

/** A link greeted by the bridge, the keep-alive ping after the hello sent, so that a test's frames are its own. */
export async function connectedLink(options: Partial<LiveLinkOptions> = {}): Promise<FakeLink> {
  const fixture = fakeLink(options);
  await fixture.time.until(fixture.link.ready());
  await fixture.time.tick();
  return fixture;
}
