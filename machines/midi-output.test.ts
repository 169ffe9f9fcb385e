import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { accessReports, fakeWebMidi, FakeMidiAccess, FakeMidiOutput, noWebMidi } from '../fake-live/fake-midi-access';
import type { MidiMessage } from '../protocol/src/index';
import type { MidiOutputPort } from './effects';
import type { WebMidiEnvironment } from './midi-input-access';
import { coverage } from './graph-coverage';
import { midiOutputMachine, type MidiOutputContext, type MidiOutputEvent } from './midi-output';

const minilogue = () => new FakeMidiOutput('output-1', 'minilogue xd', 'KORG');
const volca = () => new FakeMidiOutput('output-2', 'volca keys', 'KORG');

const noteOn = (note: number, channel = 0): MidiMessage => ({ type: 'note_on', channel, note, velocity: 100 });
const noteOff = (note: number, channel = 0): MidiMessage => ({ type: 'note_off', channel, note, velocity: 0 });

/** The machine on a fake Live and the page's Web MIDI (`environment`); `chosen`, the output kept before. */
async function playing(environment: WebMidiEnvironment, chosen: string | null = null) {
  const live = new FakeLive();
  live.webMidi = environment;
  const machine = midiOutputMachine.provide({ actors: live.effects() });
  const actor = createActor(machine, { input: { chosen } }).start();
  await settle();
  const state = () => actor.getSnapshot().value;
  const context = () => actor.getSnapshot().context;
  const enable = async () => {
    actor.send({ type: 'ui.enable' });
    await settle();
  };
  return { live, environment, machine, actor, state, context, enable };
}

describe('midiOutput: is there Web MIDI?', () => {
  it('says a page that is not secure has none, or a browser without it, and asks nothing', async () => {
    for (const why of ['insecure', 'absent'] as const) {
      const { state, context } = await playing(noWebMidi(why));
      expect(state()).toBe('unsupported');
      expect(context().why).toBe(why);
    }
  });

  it('waits for the musician before asking (asking may prompt), then asks once', async () => {
    const environment = fakeWebMidi('pending');
    const { actor, state, enable } = await playing(environment);
    expect(state()).toBe('idle');
    expect(environment.asked).toBe(0);
    await enable();
    expect(state()).toBe('asking');
    actor.send({ type: 'ui.enable' });
    expect(environment.asked).toBe(1);
  });

  it('says the browser refused, and asks again when told', async () => {
    const environment = fakeWebMidi({ refuse: 'Permission denied.' });
    const { state, context, enable } = await playing(environment);
    await enable();
    expect(state()).toBe('denied');
    expect(context().accessError).toBe('Permission denied.');
    await enable();
    expect(environment.asked).toBe(2);
  });

  it('says why when MIDI could not start on the device (Chromium without a MIDI system)', async () => {
    const { state, context, enable } = await playing(
      fakeWebMidi({ fail: 'Platform dependent initialization failed.' }),
    );
    await enable();
    expect(state()).toBe('failed');
    expect(context().accessError).toBe('Platform dependent initialization failed.');
    await enable();
    expect(state()).toBe('failed');
  });

  it('says there are no outputs rather than listing none, and waits for one', async () => {
    const access = new FakeMidiAccess();
    const { state, enable } = await playing(fakeWebMidi(access));
    await enable();
    expect(state()).toEqual({ ready: 'noOutputs' });
    access.plug(minilogue());
    expect(state()).toEqual({ ready: 'choosing' });
  });
});

describe('midiOutput: Live played on the chosen output', () => {
  it('lists the outputs, plays nothing and asks Live for nothing before one is chosen', async () => {
    const [first, second] = [minilogue(), volca()];
    const { live, actor, state, context, enable } = await playing(fakeWebMidi(new FakeMidiAccess([], [first, second])));
    await enable();
    expect(state()).toEqual({ ready: 'choosing' });
    expect(context().ports.map((port: MidiOutputPort) => port.name)).toEqual(['minilogue xd', 'volca keys']);
    expect(live.liveMidiListeners).toBe(0);
    live.playFromLive(noteOn(60));
    expect([first.sent, second.sent]).toEqual([[], []]);

    actor.send({ type: 'ui.choose', name: 'volca keys' });
    expect(state()).toEqual({ ready: 'playing' });
    expect(live.liveMidiListeners).toBe(1);
    expect(context().from).toEqual({ mode: 'simulator', detail: "from the simulator's MIDI out" });
    expect(second.opened).toBe(1);
    // a chord comes as one batch, and goes out as one send
    live.playFromLive(noteOn(60), noteOn(64), noteOn(67));
    live.playFromLive(
      { type: 'cc', channel: 1, controller: 1, value: 64 },
      { type: 'pitch_bend', channel: 1, value: 4096 },
    );
    live.playFromLive({ type: 'channel_pressure', channel: 1, pressure: 70 });
    live.playFromLive({ type: 'poly_aftertouch', channel: 1, note: 60, pressure: 50 });
    expect(second.sent).toEqual([
      [0x90, 60, 100, 0x90, 64, 100, 0x90, 67, 100],
      [0xb1, 1, 64, 0xe1, 0, 96],
      [0xd1, 70],
      [0xa1, 60, 50],
    ]);
    expect(first.sent).toEqual([]);
    expect(context().played).toBe(7);
  });

  it('ends what Live left sounding when none is chosen, and stops asking Live for its MIDI', async () => {
    const output = minilogue();
    const { live, actor, state } = await playing(fakeWebMidi(new FakeMidiAccess([], [output])), 'minilogue xd');
    live.playFromLive(noteOn(60), noteOn(64));
    live.playFromLive(noteOff(64));
    live.playFromLive(
      { type: 'cc', channel: 2, controller: 64, value: 127 },
      { type: 'pitch_bend', channel: 2, value: -300 },
    );
    output.sent.length = 0;
    actor.send({ type: 'ui.choose', name: null });
    expect(state()).toEqual({ ready: 'choosing' });
    expect(output.bytes).toEqual([0x80, 60, 64, 0xb2, 64, 0, 0xe2, 0, 64]);
    expect(live.liveMidiListeners).toBe(0);
    live.playFromLive(noteOn(62));
    expect(output.sent).toHaveLength(1);
  });

  it('ends what sounds on one output before another plays', async () => {
    const [first, second] = [minilogue(), volca()];
    const { live, actor, context } = await playing(
      fakeWebMidi(new FakeMidiAccess([], [first, second])),
      'minilogue xd',
    );
    live.playFromLive(noteOn(48));
    actor.send({ type: 'ui.choose', name: 'volca keys' });
    expect(first.sent.at(-1)).toEqual([0x80, 48, 64]);
    expect(context().sounding.notes).toEqual([]);
    live.playFromLive(noteOff(48), noteOn(50));
    expect(second.sent).toEqual([[0x80, 48, 0, 0x90, 50, 100]]);
    expect(first.sent).toHaveLength(2);
  });

  it('finds the output chosen before at once after a reload, asking for access itself', async () => {
    const output = minilogue();
    const environment = fakeWebMidi(new FakeMidiAccess([], [output]));
    const { live, state } = await playing(environment, 'minilogue xd');
    expect(environment.asked).toBe(1);
    expect(state()).toEqual({ ready: 'playing' });
    live.playFromLive(noteOn(60));
    expect(output.bytes).toEqual([0x90, 60, 100]);
  });

  it('waits for a chosen output that is not plugged in, then plays on it', async () => {
    const access = new FakeMidiAccess([], [volca()]);
    const { live, state, context } = await playing(fakeWebMidi(access), 'minilogue xd');
    expect(state()).toEqual({ ready: 'choosing' });
    expect(context().chosen).toBe('minilogue xd');
    expect(live.liveMidiListeners).toBe(0);
    const output = access.plug(minilogue());
    expect(state()).toEqual({ ready: 'playing' });
    live.playFromLive(noteOn(72));
    expect(output.bytes).toEqual([0x90, 72, 100]);
  });

  it('plays on without a break while another output comes and goes', async () => {
    const output = minilogue();
    const access = new FakeMidiAccess([], [output]);
    const { live, state } = await playing(fakeWebMidi(access), 'minilogue xd');
    live.playFromLive(noteOn(60));
    access.plug(volca());
    access.unplug('output-2');
    expect(state()).toEqual({ ready: 'playing' });
    expect(output.sent).toEqual([[0x90, 60, 100]]);
    expect(output.opened).toBe(1);
  });

  it('owes an output unplugged what it left sounding, and ends it first when it is back', async () => {
    const output = minilogue();
    const access = new FakeMidiAccess([], [output]);
    const { live, state, context } = await playing(fakeWebMidi(access), 'minilogue xd');
    live.playFromLive(noteOn(60, 3), { type: 'cc', channel: 3, controller: 64, value: 100 });
    access.unplug('output-1');
    expect(state()).toEqual({ ready: 'noOutputs' });
    expect(context().chosen).toBe('minilogue xd');
    expect(context().owed).toEqual({ 'minilogue xd': { notes: [3 * 128 + 60], pedals: [3], bends: [] } });
    expect(live.liveMidiListeners).toBe(0);
    // plugged back in, as a new object under its id: the note off and the pedal lifted before anything else
    const again = access.plug(minilogue());
    expect(state()).toEqual({ ready: 'playing' });
    live.playFromLive(noteOn(62));
    expect(again.sent).toEqual([
      [0x83, 60, 64, 0xb3, 64, 0],
      [0x90, 62, 100],
    ]);
    expect(context().owed).toEqual({});
  });

  it('ends what sounds when told (the view going away), and lets everything go when stopped', async () => {
    const output = minilogue();
    const access = new FakeMidiAccess([], [output]);
    const { live, actor } = await playing(fakeWebMidi(access), 'minilogue xd');
    live.playFromLive(noteOn(60), noteOn(64));
    // the view going away: what sounds ends before the actor stops (a stopped actor runs no exit actions), once
    actor.send({ type: 'ui.release' });
    actor.send({ type: 'ui.release' });
    actor.stop();
    expect(output.sent).toEqual([
      [0x90, 60, 100, 0x90, 64, 100],
      [0x80, 60, 64, 0x80, 64, 64],
    ]);
    expect([live.liveMidiListeners, access.watcherCount]).toEqual([0, 0]);
  });

  it('ends what sounds at a new bridge session (the last one’s note offs may be lost), and says the new route', async () => {
    const output = minilogue();
    const { live, context } = await playing(fakeWebMidi(new FakeMidiAccess([], [output])), 'minilogue xd');
    live.playFromLive(noteOn(60));
    const route = { mode: 'none', detail: 'the virtual port "LiveSurface Return" cannot open (no ALSA)' } as const;
    live.routeLiveMidi(route);
    expect(output.sent.at(-1)).toEqual([0x80, 60, 64]);
    expect(context().from).toEqual(route);
    live.routeLiveMidi(route);
    expect(output.sent).toHaveLength(2);
  });

  it('says when the chosen output cannot be opened, or refuses to send (another program holds it)', async () => {
    const output = minilogue();
    output.openError = new Error('the port is in use');
    const { state, context } = await playing(fakeWebMidi(new FakeMidiAccess([], [output])), 'minilogue xd');
    expect(state()).toEqual({ ready: 'playing' });
    expect(context().problem).toBe('the port is in use');

    const held = volca();
    held.sendError = new Error('cannot send: the port is held');
    const second = await playing(fakeWebMidi(new FakeMidiAccess([], [held])), 'volca keys');
    expect(second.context().problem).toBeNull();
    second.live.playFromLive(noteOn(60));
    expect(second.context().problem).toBe('cannot send: the port is held');
  });
});

describe('midiOutput: paths', () => {
  it('reaches every state, with a choice kept or made', () => {
    const machine = midiOutputMachine.provide({ actors: inertEffects() });
    const plugged: MidiOutputPort[] = [{ id: 'output-1', name: 'minilogue xd', manufacturer: '' }];
    const events: MidiOutputEvent[] = [
      ...accessReports('webMidiOut'),
      { type: 'ui.choose', name: 'minilogue xd' },
      { type: 'ui.enable' },
      { type: 'webMidiOut.granted', outputs: [] },
      { type: 'webMidiOut.outputs', outputs: plugged },
      { type: 'webMidiOut.outputs', outputs: [] },
      { type: 'liveMidi.messages', messages: [noteOn(60)] },
    ];
    const summary = (context: MidiOutputContext) => [context.ports.length, context.chosen, context.sounding.notes];
    expect(coverage(machine, events, { chosen: null }, machine, summary).unreached).toEqual([]);
  });
});

describe('midiOutput: restored from a snapshot', () => {
  it('asks the restarted effect for access again, and plays again', async () => {
    const output = minilogue();
    const access = new FakeMidiAccess([], [output]);
    for (const answer of [access, 'pending' as const]) {
      const first = await playing(fakeWebMidi(answer), 'minilogue xd');
      const snapshot = first.actor.getPersistedSnapshot();
      first.actor.stop();
      first.live.webMidi = fakeWebMidi(access);
      const restored = createActor(first.machine, { snapshot, input: { chosen: 'minilogue xd' } }).start();
      await settle();
      expect(restored.getSnapshot().value).toEqual({ ready: 'playing' });
      first.live.playFromLive(noteOn(60));
      expect(output.sent.at(-1)).toEqual([0x90, 60, 100]);
      restored.stop();
    }
  });
});
