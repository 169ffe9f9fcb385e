import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backoff } from '../common/backoff';
import { PROTOCOL_VERSION, type LiveStatus, type ScriptEvent } from '../protocol/src/index';
import { FAKE_SECRET, FakeScript } from '../test/support/fake-script';
import { memoryLog } from './log';
import { freePort } from './net';
import type { SecretLookup } from './script-secret';
import { OFFLINE, Upstream, type UpstreamOptions } from './upstream';

const ONLINE: LiveStatus = { state: 'online', host: 'simulator', live_version: '12.3.6', set_name: 'Demo' };
const TEMPO = { op: 'get', target: 'live_set', prop: 'tempo' } as const;
/** `expect.poll`, checking often: everything here happens on loopback within a few ms. */
const poll = <T>(value: () => T) => expect.poll(value, { interval: 2 });

/** The upstream's retry waits, run when the test says (no real backoff). */
class Retries {
  readonly waits: number[] = [];
  private pending: (() => void) | null = null;

  readonly schedule = (retry: () => void, ms: number): (() => void) => {
    this.waits.push(ms);
    this.pending = retry;
    return () => {
      if (this.pending === retry) this.pending = null;
    };
  };

  get waiting(): boolean {
    return this.pending !== null;
  }

  /** Ends the wait now. */
  run(): void {
    const retry = this.pending;
    this.pending = null;
    retry?.();
  }
}

describe('Upstream', () => {
  let script: FakeScript;
  let upstream: Upstream | null;
  let retries: Retries;
  let log: ReturnType<typeof memoryLog>;
  let statuses: LiveStatus[];
  let wakes: number;

  beforeEach(async () => {
    script = await FakeScript.start();
    upstream = null;
    retries = new Retries();
    log = memoryLog();
    statuses = [];
    wakes = 0;
  });

  afterEach(async () => {
    // its last 'offline' arrives after this; it must not land in the next test's list
    upstream?.removeAllListeners();
    upstream?.stop();
    await script.close();
  });

  /** An upstream to the fake script; jitter pinned so the waits are exact (100, 200, 400... ms). */
  function create(options: Partial<UpstreamOptions> = {}): Upstream {
    const created = new Upstream({
      port: script.port,
      log,
      wake: () => (wakes += 1),
      backoff: new Backoff(100, 2000, () => 0.5),
      schedule: retries.schedule,
      secret: () => ({ ok: true, secret: FAKE_SECRET }),
      ...options,
    });
    created.on('status', (status) => statuses.push(status));
    upstream = created;
    return created;
  }

  async function online(options: Partial<UpstreamOptions> = {}): Promise<Upstream> {
    const created = create(options);
    created.start();
    await poll(() => created.online).toBe(true);
    return created;
  }

  describe('#start', () => {
    it('says hello, then is online with what the script told', async () => {
      const live = await online();
      expect(script.received).toEqual([
        { op: 'hello', protocol: PROTOCOL_VERSION, client: 'livesurface-bridge', secret: FAKE_SECRET, id: 1 },
      ]);
      expect(live.status).toEqual(ONLINE);
      expect(statuses).toEqual([ONLINE]);
      expect(live.sessions).toBe(1);
      expect(wakes).toBe(1); // the hello is poked through too
      expect(log.lines.at(-1)).toMatch(/the simulator, as Live 12\.3\.6, is online; set "Demo"$/);
      expect(retries.waits).toEqual([]);
    });

    it('retries with doubling waits, up to 2 s, while nothing listens', async () => {
      const live = create({ port: await freePort() });
      live.start();
      for (let attempt = 1; attempt <= 7; attempt += 1) {
        await poll(() => retries.waiting).toBe(true);
        if (attempt < 7) retries.run();
      }
      expect(retries.waits).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
      expect(live.online).toBe(false);
      expect(live.status).toEqual(OFFLINE);
      expect(statuses).toEqual([]);
    });

    it('reads the secret at each attempt and, without one, says why once and retries without a hello', async () => {
      let secret: SecretLookup = { ok: false, reason: 'no secret for the script on port 1' };
      const lookups: number[] = [];
      const live = create({
        secret: (port) => {
          lookups.push(port);
          return secret;
        },
      });
      live.start();
      await poll(() => retries.waits).toEqual([100]);
      retries.run();
      await poll(() => retries.waits).toEqual([100, 200]);
      expect(script.received).toEqual([]);
      expect(log.lines.filter((line) => line.includes('cannot say hello'))).toHaveLength(1);
      expect(log.lines.at(-1)).toMatch(/warning: cannot say hello to the script: no secret for the script on port 1$/);
      secret = { ok: true, secret: 'a wrong one'.padEnd(64, '0') };
      retries.run();
      await poll(() => retries.waits).toEqual([100, 200, 400]);
      expect(log.lines.at(-1)).toMatch(/did not complete the handshake: wrong secret$/);
      secret = { ok: true, secret: FAKE_SECRET };
      retries.run();
      await poll(() => live.online).toBe(true);
      expect(lookups).toEqual([script.port, script.port, script.port, script.port]);
    });

    it('retries after a refused handshake, and starts the waits over once online', async () => {
      script.hello = 'refuse';
      const live = create();
      live.start();
      await poll(() => retries.waits).toEqual([100]);
      expect(log.lines.at(-1)).toMatch(
        /warning: the script on port \d+ did not complete the handshake: wrong protocol$/,
      );
      await poll(() => script.connections).toBe(0);
      retries.run();
      await poll(() => retries.waits).toEqual([100, 200]);
      script.hello = 'answer';
      retries.run();
      await poll(() => live.online).toBe(true);
      script.drop();
      await poll(() => retries.waits).toEqual([100, 200, 100]);
      expect(script.accepted).toBe(3);
    });
  });

  describe('#request', () => {
    it('relays a request and settles with the reply', async () => {
      script.answer = (request) => JSON.stringify({ id: request.id, ok: true, result: 120 });
      const live = await online();
      const sent = live.send(TEMPO);
      expect(sent.id).toBe(2);
      expect(live.inFlight).toBe(1);
      expect(await sent.outcome).toEqual({ ok: true, result: 120 });
      expect(script.received.at(-1)).toEqual({ ...TEMPO, id: 2 });
      expect(live.inFlight).toBe(0);
    });

    it('settles with unavailable at once while offline, and sends nothing', async () => {
      const live = create();
      const sent = live.send(TEMPO);
      expect(sent.id).toBeNull();
      expect(await sent.outcome).toEqual({ ok: false, error: { code: 'unavailable', message: 'Live is offline' } });
      await nextTurn();
      expect(wakes).toBe(0);
      expect(script.accepted).toBe(0);
    });

    it('settles with timeout after timeoutMs', async () => {
      const live = await online({ timeoutMs: 20 });
      expect(await live.request(TEMPO)).toEqual({
        ok: false,
        error: { code: 'timeout', message: 'no reply from the script within 20 ms' },
      });
    });

    it('pokes the script once per event-loop turn, after the requests', async () => {
      const live = await online();
      void live.request(TEMPO);
      void live.request(TEMPO);
      void live.request(TEMPO);
      expect(wakes).toBe(1); // not yet: the poke follows the turn's requests
      await nextTurn();
      expect(wakes).toBe(2);
      void live.request(TEMPO);
      await nextTurn();
      expect(wakes).toBe(3);
    });
  });

  describe('when the script goes away', () => {
    it('settles everything pending with unavailable, goes offline, and comes back', async () => {
      const live = await online();
      const pending = [live.request(TEMPO), live.request({ op: 'describe', target: 'live_set' })];
      await poll(() => script.received).toHaveLength(3);
      script.drop();
      const outcomes = await Promise.all(pending);
      expect(outcomes.map((outcome) => !outcome.ok && outcome.error.code)).toEqual(['unavailable', 'unavailable']);
      expect(live.online).toBe(false);
      expect(live.inFlight).toBe(0);
      expect(statuses).toEqual([ONLINE, OFFLINE]);
      expect(log.lines.at(-1)).toMatch(/warning: Live went offline; reconnecting$/);
      expect(retries.waits).toEqual([100]);
      expect(live.send(TEMPO).id).toBeNull();

      retries.run();
      await poll(() => live.online).toBe(true);
      expect(statuses).toEqual([ONLINE, OFFLINE, ONLINE]);
      expect(live.sessions).toBe(2);
      expect(script.received.at(-1)).toMatchObject({ op: 'hello', id: 1 });
    });
  });

  describe('#on', () => {
    it('hands over the script’s events and warns of lines the protocol refuses', async () => {
      const live = await online();
      const events: ScriptEvent[] = [];
      live.on('event', (event) => events.push(event));
      script.say('{"ev":"party"}', '{"ev":"changes","changes":[{"obs":4,"value":1}]}');
      await poll(() => events).toEqual([{ ev: 'changes', changes: [{ obs: 4, value: 1 }] }]);
      expect(log.lines.some((line) => line.includes('warning: the script sent a line the protocol refuses'))).toBe(
        true,
      );
    });
  });

  describe('#stop', () => {
    it('closes the connection and does not come back', async () => {
      const live = await online();
      const pending = live.request(TEMPO);
      live.stop();
      expect(await pending).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      await poll(() => script.connections).toBe(0);
      expect(statuses).toEqual([ONLINE, OFFLINE]);
      expect(retries.waits).toEqual([]);
      expect(log.lines.some((line) => line.includes('went offline'))).toBe(false);
    });

    it('cancels a waiting retry', async () => {
      const live = create({ port: await freePort() });
      live.start();
      await poll(() => retries.waiting).toBe(true);
      live.stop();
      expect(retries.waiting).toBe(false);
    });

    it('closes a connection whose hello has not been answered yet', async () => {
      script.hello = 'silent';
      const live = create();
      live.start();
      await poll(() => script.received).toHaveLength(1);
      live.stop();
      await poll(() => script.connections).toBe(0);
      expect(retries.waits).toEqual([]);
      expect(log.lines).toEqual([]);
    });
  });
});
