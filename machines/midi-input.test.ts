import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import {
  accessReports,
  fakeWebMidi,
  FakeMidiAccess,
  FakeMidiInput,
  noWebMidi,
  type FakeAccessAnswer,
} from '../fake-live/fake-midi-access';
import type { WebMidiEnvironment } from './midi-input-access';
import { coverage } from './graph-coverage';
import { midiInputMachine, type MidiInputContext, type MidiInputEvent } from './midi-input';
import type { MidiInputPort } from './effects';

const keystation = () => new FakeMidiInput('input-1', 'Keystation 49', 'M-Audio');
const nanoKey = () => new FakeMidiInput('input-2', 'nanoKEY2', 'KORG');

function started(environment: WebMidiEnvironment, chosen: string | null = null) {
  const live = new FakeLive();
  live.webMidi = environment;
  const actor = createActor(midiInputMachine.provide({ actors: live.effects() }), { input: { chosen } }).start();
  const state = () => actor.getSnapshot().value;
  return { live, actor, state };
}

/** A page with Web MIDI that answers `answer`, the musician having asked for it. */
async function enabled(answer: FakeAccessAnswer, chosen: string | null = null) {
  const environment = fakeWebMidi(answer);
  const run = started(environment, chosen);
  if (chosen === null) run.actor.send({ type: 'ui.enable' });
  await settle();
  return { ...run, environment };
}

describe('midiInput: is there Web MIDI?', () => {
  it('says a page that is not secure has none, and asks nothing', () => {
    const { actor, state } = started(noWebMidi('insecure'));
    expect(state()).toBe('unsupported');
    expect(actor.getSnapshot().context.why).toBe('insecure');
  });

  it('says a browser without Web MIDI has none (iPadOS Safari)', () => {
    const { actor, state } = started(noWebMidi('absent'));
    expect(state()).toBe('unsupported');
    expect(actor.getSnapshot().context.why).toBe('absent');
  });

  it('waits for the musician before asking (asking may prompt), then asks once', async () => {
    const environment = fakeWebMidi('pending');
    const { actor, state } = started(environment);
    expect(state()).toBe('idle');
    expect(environment.asked).toBe(0);
    actor.send({ type: 'ui.enable' });
    await settle();
    expect(state()).toBe('asking');
    actor.send({ type: 'ui.enable' });
    expect(environment.asked).toBe(1);
  });

  it('says the browser refused, and asks again when told', async () => {
    const { actor, state, environment } = await enabled({ refuse: 'Permission denied.' });
    expect(state()).toBe('denied');
    expect(actor.getSnapshot().context.accessError).toBe('Permission denied.');
    actor.send({ type: 'ui.enable' });
    await settle();
    expect(environment.asked).toBe(2);
    expect(state()).toBe('denied');
  });

  it('says why when MIDI could not start on the device, and tries again when told', async () => {
    const { actor, state, environment } = await enabled({ fail: 'Platform dependent initialization failed.' });
    expect(state()).toBe('failed');
    expect(actor.getSnapshot().context.accessError).toBe('Platform dependent initialization failed.');
    actor.send({ type: 'ui.enable' });
    await settle();
    expect(environment.asked).toBe(2);
  });

  it('says there are no inputs rather than listing none', async () => {
    const { state } = await enabled(new FakeMidiAccess());
    expect(state()).toEqual({ ready: 'noInputs' });
  });
});

describe('midiInput: playing Live from the chosen input', () => {
  it('asks at once for an input chosen before, and forwards each kind of message to Live', async () => {
    const input = keystation();
    const { live, actor, state, environment } = await enabled(new FakeMidiAccess([input, nanoKey()]), 'Keystation 49');
    expect(environment.asked).toBe(1);
    expect(state()).toEqual({ ready: 'listening' });
    expect(input.opened).toBe(1);
    input.emit(0x90, 60, 100);
    input.emit(0xb0, 1, 64);
    input.emit(0xe0, 0, 96);
    input.emit(0xd0, 70);
    input.emit(0xa0, 60, 50);
    input.emit(0x80, 60, 0);
    expect(live.midi).toEqual([
      { type: 'note_on', channel: 0, note: 60, velocity: 100 },
      { type: 'cc', channel: 0, controller: 1, value: 64 },
      { type: 'pitch_bend', channel: 0, value: 4096 },
      { type: 'channel_pressure', channel: 0, pressure: 70 },
      { type: 'poly_aftertouch', channel: 0, note: 60, pressure: 50 },
      { type: 'note_off', channel: 0, note: 60, velocity: 0 },
    ]);
    expect(actor.getSnapshot().context.forwarded).toBe(6);
  });

  it('drops sysex, clock and program changes, counting each kind', async () => {
    const input = keystation();
    const { live, actor } = await enabled(new FakeMidiAccess([input]), 'Keystation 49');
    input.emit(0xf0, 0x7e, 0x7f, 0x06, 0x01, 0xf7);
    input.emit(0xf8);
    input.emit(0xf8);
    input.emit(0xc0, 3);
    input.emit(0x90, 64, 90);
    expect(live.midi).toEqual([{ type: 'note_on', channel: 0, note: 64, velocity: 90 }]);
    const { dropped, received, forwarded } = actor.getSnapshot().context;
    expect(dropped).toEqual({ sysex: 1, clock: 2, 'program change': 1 });
    expect([received, forwarded]).toEqual([5, 1]);
  });

  it('lists the inputs to choose from, and listens to the one chosen only', async () => {
    const [first, second] = [keystation(), nanoKey()];
    const { live, actor, state } = await enabled(new FakeMidiAccess([first, second]));
    expect(state()).toEqual({ ready: 'choosing' });
    expect(actor.getSnapshot().context.ports.map((input: MidiInputPort) => input.name)).toEqual([
      'Keystation 49',
      'nanoKEY2',
    ]);
    first.emit(0x90, 60, 100);
    expect(live.midi).toEqual([]);
    actor.send({ type: 'ui.choose', name: 'nanoKEY2' });
    second.emit(0x90, 62, 100);
    first.emit(0x90, 60, 100);
    expect(live.midi).toEqual([{ type: 'note_on', channel: 0, note: 62, velocity: 100 }]);
    expect([first.listenerCount, second.listenerCount]).toEqual([0, 1]);
    // another chosen: what the first left sounding ends
    actor.send({ type: 'ui.choose', name: 'Keystation 49' });
    expect(live.midi.at(-1)).toEqual({ type: 'note_off', channel: 0, note: 62 });
    expect([first.listenerCount, second.listenerCount]).toEqual([1, 0]);
    actor.send({ type: 'ui.choose', name: null });
    expect(state()).toEqual({ ready: 'choosing' });
    expect(first.listenerCount).toBe(0);
  });

  it('follows the chosen input unplugged and back, ending what it left sounding, its choice kept', async () => {
    const input = keystation();
    const access = new FakeMidiAccess([input]);
    const { live, actor, state } = await enabled(access, 'Keystation 49');
    input.emit(0x91, 60, 100);
    input.emit(0xb1, 64, 127);
    input.emit(0xe1, 0, 80);
    access.unplug('input-1');
    expect(state()).toEqual({ ready: 'noInputs' });
    expect(actor.getSnapshot().context.chosen).toBe('Keystation 49');
    expect(live.midi.slice(3)).toEqual([
      { type: 'note_off', channel: 1, note: 60 },
      { type: 'cc', channel: 1, controller: 64, value: 0 },
      { type: 'pitch_bend', channel: 1, value: 0 },
    ]);
    // plugged back in, as a new object under its id
    const again = access.plug(keystation());
    expect(state()).toEqual({ ready: 'listening' });
    again.emit(0x90, 48, 70);
    expect(live.midi.at(-1)).toEqual({ type: 'note_on', channel: 0, note: 48, velocity: 70 });
  });

  it('plays on without a break while another input comes and goes', async () => {
    const input = keystation();
    const access = new FakeMidiAccess([input]);
    const { live, state } = await enabled(access, 'Keystation 49');
    input.emit(0x90, 60, 100);
    access.plug(nanoKey());
    access.unplug('input-2');
    expect(state()).toEqual({ ready: 'listening' });
    expect(live.midi).toEqual([{ type: 'note_on', channel: 0, note: 60, velocity: 100 }]);
    expect(input.listenerCount).toBe(1);
  });

  it('waits for a chosen input that is not plugged in, among others', async () => {
    const { actor, state } = await enabled(new FakeMidiAccess([nanoKey()]), 'Keystation 49');
    expect(state()).toEqual({ ready: 'choosing' });
    expect(actor.getSnapshot().context.chosen).toBe('Keystation 49');
  });

  it('ends what sounds when told (the view going away), and lets everything go when stopped', async () => {
    const input = keystation();
    const access = new FakeMidiAccess([input]);
    const { live, actor } = await enabled(access, 'Keystation 49');
    input.emit(0x90, 60, 100);
    input.emit(0x90, 64, 100);
    actor.send({ type: 'ui.release' });
    expect(live.midi.slice(2)).toEqual([
      { type: 'note_off', channel: 0, note: 60 },
      { type: 'note_off', channel: 0, note: 64 },
    ]);
    actor.send({ type: 'ui.release' });
    expect(live.midi).toHaveLength(4);
    actor.stop();
    expect([input.listenerCount, access.watcherCount]).toEqual([0, 0]);
  });

  it('says when the chosen input cannot be opened (another program holds it)', async () => {
    const input = keystation();
    input.openError = new Error('the port is in use');
    const { actor, state } = await enabled(new FakeMidiAccess([input]), 'Keystation 49');
    expect(state()).toEqual({ ready: 'listening' });
    expect(actor.getSnapshot().context.problem).toBe('the port is in use');
  });
});

describe('midiInput: paths', () => {
  it('reaches every state', () => {
    const inputs: MidiInputPort[] = [{ id: 'input-1', name: 'Keystation 49', manufacturer: '' }];
    const machine = midiInputMachine.provide({ actors: inertEffects() });
    const events: MidiInputEvent[] = [
      ...accessReports('webMidi'),
      { type: 'ui.enable' },
      { type: 'webMidi.granted', inputs: [] },
      { type: 'webMidi.inputs', inputs },
      { type: 'webMidi.inputs', inputs: [] },
      { type: 'ui.choose', name: 'Keystation 49' },
    ];
    const summary = (context: MidiInputContext) => [context.ports.length, context.chosen];
    expect(coverage(machine, events, {}, machine, summary).unreached).toEqual([]);
  });
});

describe('midiInput: restored from a snapshot', () => {
  it('asks the restarted effect for access again, and listens again', async () => {
    const input = keystation();
    const access = new FakeMidiAccess([input]);
    for (const answer of [access, 'pending' as const]) {
      const environment = fakeWebMidi(answer);
      const live = new FakeLive();
      live.webMidi = environment;
      const machine = midiInputMachine.provide({ actors: live.effects() });
      const first = createActor(machine, { input: { chosen: 'Keystation 49' } }).start();
      await settle();
      const snapshot = first.getPersistedSnapshot();
      first.stop();
      live.webMidi = fakeWebMidi(access);
      const restored = createActor(machine, { snapshot, input: { chosen: 'Keystation 49' } }).start();
      await settle();
      expect(restored.getSnapshot().value).toEqual({ ready: 'listening' });
      input.emit(0x90, 60, 100);
      expect(live.midi.at(-1)).toEqual({ type: 'note_on', channel: 0, note: 60, velocity: 100 });
      restored.stop();
    }
  });
});
