/**
 * Real traffic from the script (on the simulator, Live 12 and Live 11) checked
 * against the zod schemas: describe of every kind of object, notes, envelopes,
 * observations. A field the Python side adds or renames fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freePorts } from '../bridge/net';
import { ScriptRequests, type Outcome } from '../bridge/script-requests';
import { ScriptSocket } from '../bridge/script-socket';
import { startSimulator, type RunningSimulator } from '../bridge/simulator-process';
import { Description, EnvelopeReading, HelloResult, Note, type ScriptEvent } from '../protocol/src/index';
import { helloScript } from './support/script-hello';

const DESCRIBED = [
  'live_set',
  'live_set view',
  'live_app',
  'live_app view',
  'live_set tracks 0',
  'live_set tracks 0 view',
  'live_set tracks 0 clip_slots 0',
  'live_set tracks 0 clip_slots 0 clip',
  'live_set tracks 0 clip_slots 0 clip view',
  'live_set tracks 0 devices 0',
  'live_set tracks 0 devices 0 view',
  'live_set tracks 0 devices 0 drum_pads 36',
  'live_set tracks 0 devices 0 chains 0',
  'live_set tracks 0 devices 0 chains 0 mixer_device',
  'live_set tracks 0 devices 0 chains 0 devices 0',
  'live_set tracks 3 devices 0 chains 0',
  'live_set tracks 4 devices 1',
  'live_set tracks 4 devices 1 parameters 1',
  'live_set tracks 7 clip_slots 2 clip',
  'live_set return_tracks 0',
  'live_set master_track',
  'live_set master_track mixer_device',
  'live_set scenes 0',
];

function result(outcome: Outcome): unknown {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result;
}

describe.each(['12', '11'] as const)('the script on the simulator, Live %s', (liveVersion) => {
  let simulator: RunningSimulator;
  let socket: ScriptSocket;
  let requests: ScriptRequests;
  const invalid: string[] = [];
  const events: ScriptEvent[] = [];

  beforeAll(async () => {
    const [scriptPort, midiPort] = await freePorts(2);
    simulator = await startSimulator({ scriptPort, midiPort, liveVersion });
    socket = await ScriptSocket.connect({ port: scriptPort, connectTimeoutMs: 5000 });
    socket.onInvalid(({ line, reason }) => invalid.push(`${reason}: ${line.slice(0, 300)}`));
    requests = new ScriptRequests(socket, 10_000);
    requests.onEvent((event) => events.push(event));
    const hello = HelloResult.parse(result(await helloScript(requests, scriptPort, 'wire-test')));
    expect(hello.live_version.startsWith(liveVersion)).toBe(true);
  });

  afterAll(async () => {
    socket?.close();
    expect(await simulator?.stop()).toBe(0);
  });

  it('describes every kind of object in the shape the schema promises', async () => {
    const outcomes = await Promise.all(
      requests.requestMany(DESCRIBED.map((target) => ({ op: 'describe' as const, target }))),
    );
    for (const [index, outcome] of outcomes.entries()) {
      const description = Description.safeParse(result(outcome));
      expect(description.error?.issues ?? [], DESCRIBED[index]).toEqual([]);
      expect(description.data?.ref.path).toBe(DESCRIBED[index]);
    }
  });

  it('reads notes in the shape of Note', async () => {
    const notes = z.array(Note).parse(
      result(
        await requests.request({
          op: 'call',
          target: 'live_set tracks 3 clip_slots 0 clip',
          fn: 'get_all_notes_extended',
        }),
      ),
    );
    expect(notes.length).toBeGreaterThan(10);
  });

  it('reads envelopes in the shape of EnvelopeReading', async () => {
    const reading = EnvelopeReading.parse(
      result(
        await requests.request({
          op: 'read_envelope',
          target: 'live_set tracks 4 clip_slots 3 clip',
          parameter: 'live_set tracks 4 devices 1 parameters 3',
          start: 0,
          end: 16,
          step: 0.5,
        }),
      ),
    );
    expect(reading.samples).toHaveLength(33);
    expect(reading.events === null).toBe(liveVersion === '11');
  });

  it('sends observation events in the shape of the schema', async () => {
    await requests.request({ op: 'observe', target: 'live_set', prop: 'current_song_time' });
    await requests.request({ op: 'call', target: 'live_set scenes 4', fn: 'fire' });
    await expect.poll(() => events.length, { timeout: 5000 }).toBeGreaterThan(3);
    await requests.request({ op: 'call', target: 'live_set', fn: 'stop_playing' });
  });

  it('sent nothing the schemas refuse', () => {
    expect(invalid).toEqual([]);
  });
});
