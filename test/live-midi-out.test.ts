/**
 * Live's MIDI out back to a tablet, on the simulator: a MIDI track routed to
 * "LiveSurface Return" sends what it plays (its clip's notes, and what a
 * tablet plays into it while armed) on its output channel; the bridge relays
 * it to the clients that listen, and to no other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../bridge/bridge-client';
import type { BridgeEvent, MidiMessage } from '../protocol/src/index';
import { startTestBridge, type TestBridge } from './support/bridge';

/** What a client hears of Live's MIDI out, in order. */
function heard(client: BridgeClient): MidiMessage[] {
  const messages: MidiMessage[] = [];
  client.onEvent((event: BridgeEvent) => {
    if (event.ev === 'live_midi') messages.push(...event.messages);
  });
  return messages;
}

describe("Live's MIDI out, to the tablets that listen", () => {
  let setup: TestBridge;
  /** The Arp track: an instrument and a delay, removed so that its output is MIDI. */
  const ARP = 'live_set tracks 6';

  /** Routes the Arp track to "LiveSurface Return", channel 3 (its instrument and delay deleted first). */
  async function routeArp(): Promise<void> {
    const client = await setup.client();
    expect(await client.request({ op: 'get', target: ARP, prop: 'name' })).toMatchObject({ result: 'Arp' });
    for (let deleted = 0; deleted < 2; deleted += 1)
      await client.request({ op: 'call', target: ARP, fn: 'delete_device', args: [0] });
    expect(await client.request({ op: 'get', target: ARP, prop: 'has_midi_output' })).toMatchObject({ result: true });
    await client.request({ op: 'set', target: ARP, prop: 'current_output_routing', value: 'LiveSurface Return' });
    await client.request({ op: 'set', target: ARP, prop: 'current_output_sub_routing', value: 'Ch. 3' });
    await client.close();
  }

  beforeAll(async () => {
    setup = await startTestBridge({ timeoutMs: 5000 });
    await routeArp();
  }, 30_000);

  afterAll(async () => {
    await setup?.close();
  });

  it('plays a clip’s notes to a listening tablet on the output channel, and none to one that does not listen', async () => {
    const tablet = await setup.client();
    const other = await setup.client();
    const toTablet = heard(tablet);
    const toOther = heard(other);
    const answer = await tablet.request({ op: 'listen_midi', listen: true });
    expect(answer).toEqual({
      ok: true,
      result: {
        listening: true,
        from: { mode: 'simulator', detail: expect.stringContaining("the simulator's MIDI out") },
      },
    });
    expect(setup.bridge.health().midi_return).toMatchObject({ mode: 'simulator', listeners: 1 });
    await tablet.request({ op: 'call', target: `${ARP} clip_slots 3`, fn: 'fire' });
    await expect
      .poll(() => toTablet.filter((m) => m.type === 'note_off').length, { timeout: 10_000 })
      .toBeGreaterThan(2);
    expect(toTablet.every((message) => message.channel === 2)).toBe(true);
    // every note on is ended by a note off of the same note, in order
    const sounding = new Set<number>();
    for (const message of toTablet) {
      if (message.type === 'note_on') sounding.add(message.note);
      if (message.type === 'note_off') expect(sounding.delete(message.note)).toBe(true);
    }
    await tablet.request({ op: 'call', target: 'live_set', fn: 'stop_all_clips' });
    await tablet.request({ op: 'call', target: 'live_set', fn: 'stop_playing' });
    await expect
      .poll(
        () =>
          toTablet.filter((m) => m.type === 'note_on').length - toTablet.filter((m) => m.type === 'note_off').length,
      )
      .toBe(0);
    expect(toOther).toEqual([]);
    await Promise.all([tablet.close(), other.close()]);
  });

  it('passes on what a tablet plays into the armed track, until the tablet stops listening', async () => {
    const tablet = await setup.client();
    const toTablet = heard(tablet);
    await tablet.request({ op: 'listen_midi', listen: true });
    await tablet.request({ op: 'set', target: ARP, prop: 'arm', value: true });
    tablet.send({ op: 'midi', messages: [{ type: 'note_on', channel: 0, note: 72, velocity: 99 }] });
    await expect.poll(() => toTablet).toEqual([{ type: 'note_on', channel: 2, note: 72, velocity: 99 }]);
    tablet.send({ op: 'midi', messages: [{ type: 'note_off', channel: 0, note: 72, velocity: 0 }] });
    await expect.poll(() => toTablet.length).toBe(2);
    expect(await tablet.request({ op: 'listen_midi', listen: false })).toMatchObject({ result: { listening: false } });
    tablet.send({
      op: 'midi',
      messages: [
        { type: 'note_on', channel: 0, note: 74, velocity: 99 },
        { type: 'note_off', channel: 0, note: 74 },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(toTablet).toHaveLength(2);
    await tablet.request({ op: 'set', target: ARP, prop: 'arm', value: false });
    await tablet.close();
  });

  it('comes back from a simulator that was restarted (on the port it binds then)', async () => {
    const tablet = await setup.client();
    const toTablet = heard(tablet);
    await tablet.request({ op: 'listen_midi', listen: true });
    const restarts = setup.bridge.simulator?.restarts ?? 0;
    setup.bridge.simulator?.process?.kill('SIGKILL');
    await expect.poll(() => setup.bridge.simulator?.restarts, { timeout: 20_000 }).toBe(restarts + 1);
    await expect.poll(() => setup.bridge.upstream.online, { timeout: 20_000 }).toBe(true);
    // a new Live: the demo set as it starts, routed again
    await routeArp();
    await tablet.request({ op: 'set', target: ARP, prop: 'arm', value: true });
    tablet.send({ op: 'midi', messages: [{ type: 'note_on', channel: 0, note: 60, velocity: 80 }] });
    await expect
      .poll(() => toTablet, { timeout: 5000 })
      .toEqual([{ type: 'note_on', channel: 2, note: 60, velocity: 80 }]);
    tablet.send({ op: 'midi', messages: [{ type: 'note_off', channel: 0, note: 60 }] });
    await expect.poll(() => toTablet.length).toBe(2);
    await tablet.close();
  }, 45_000);
});
