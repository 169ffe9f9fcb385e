/**
 * Clip automation in the in-memory Live, as the script answers for it
 * (live-script/LiveSurface/automation.py on the simulator): envelopes by
 * clip and parameter, `insert_step` and `delete_events_in_range` by the
 * rules of `machines/envelope-shape.ts`, readings as Live 12 (events with
 * curves) or Live 11 (samples only, no range erase) gives them, the
 * automatable parameters of the clip's track, and the script's
 * `envelope_revision` telling every observer after a change.
 */
import { LinkError } from '../link/errors';
import { deleteRange, insertStep, valueAt, type EnvelopePoint } from '../machines/envelope-shape';
import type { EnvelopeInput } from '../machines/effects';
import {
  SCRIPT_LIMITS,
  type AutomatableGroup,
  type AutomatableParameter,
  type EnvelopeReading,
  type JsonValue,
} from '../protocol/src/index';
import type { FakeLive } from './fake-live';

/** A parameter the fake track has: where it is and what it takes. */
export interface FakeParameter {
  target: string;
  name: string;
  min: number;
  max: number;
  value: number;
  quantized?: boolean;
  items?: readonly string[];
}

/** A group of parameters: the mixer, or a device with its path of racks and chains. */
export interface FakeParameterGroup {
  kind: 'mixer' | 'device';
  name: string;
  path: readonly string[];
  parameters: readonly FakeParameter[];
}

type Listener = (key: string, before: string) => void;

export class FakeEnvelopes {
  private readonly shapes = new Map<string, EnvelopePoint[]>();
  private readonly listeners: Listener[] = [];
  /** Live 11 has no events and no range erase; Live 12 has both. */
  major: 11 | 12 = 12;
  /** Every write the script was asked to make, in order (for the tests). */
  readonly writes: { clip: string; parameter: string; steps: number }[] = [];

  constructor(
    private readonly live: FakeLive,
    private readonly groups: readonly FakeParameterGroup[] = [],
  ) {
    live
      .answer('read_envelope', (input) => this.read(input))
      .answer('write_envelope', (input) => this.write(input))
      .answer('erase_envelope', (input) => this.erase(input))
      .answer('envelope_parameters', (input) => this.parameters(input));
    for (const group of groups) {
      for (const parameter of group.parameters) {
        live.define(parameter.target, { $type: 'DeviceParameter', name: parameter.name, value: parameter.value });
      }
    }
  }

  /** An envelope already there (Live's own, drawn before the editor opened). */
  define(clip: string, parameter: string, points: readonly EnvelopePoint[]): this {
    this.shapes.set(`${clip} ${parameter}`, [...points]);
    this.revise(clip);
    return this;
  }

  /** The envelope as Live holds it, or undefined when there is none. */
  points(clip: string, parameter: string): readonly EnvelopePoint[] | undefined {
    return this.shapes.get(`${clip} ${parameter}`);
  }

  /** Told before an envelope changes, with a snapshot of it (the undo history keeps them). */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  snapshot(key: string): string {
    return JSON.stringify(this.shapes.get(key) ?? null);
  }

  /** An envelope as a snapshot had it (undo and redo). */
  restore(key: string, snapshot: string): void {
    const points = JSON.parse(snapshot) as EnvelopePoint[] | null;
    if (points === null) this.shapes.delete(key);
    else this.shapes.set(key, points);
    this.revise(key.split(' ').slice(0, 2).join(' '));
  }

  private change(clip: string, parameter: string, next: EnvelopePoint[] | null): void {
    const key = `${clip} ${parameter}`;
    const before = this.snapshot(key);
    for (const listener of this.listeners) listener(key, before);
    if (next === null) this.shapes.delete(key);
    else this.shapes.set(key, next);
    this.revise(clip);
  }

  /** The script's `envelope_revision` grows, and the clip's `has_envelopes` follows. */
  private revise(clip: string): void {
    const object = this.live.objects.get(clip);
    if (object === undefined) return;
    const revision = typeof object.envelope_revision === 'number' ? object.envelope_revision : 0;
    this.live.change(clip, 'envelope_revision', revision + 1);
    const has = [...this.shapes.keys()].some((key) => key.startsWith(`${clip} `));
    if (object.has_envelopes !== has) this.live.change(clip, 'has_envelopes', has);
  }

  private parameter(target: string): FakeParameter {
    for (const group of this.groups) {
      const found = group.parameters.find((parameter) => parameter.target === target);
      if (found) return found;
    }
    throw new LinkError('not_found', `${target} is not a parameter of this track`);
  }

  private clip(target: string): void {
    if (!this.live.objects.has(target)) throw new LinkError('gone', `${target} does not exist`);
  }

  private current(parameter: FakeParameter): number {
    const value = this.live.objects.get(parameter.target)?.value;
    return typeof value === 'number' ? value : parameter.value;
  }

  private read(input: EnvelopeInput): JsonValue {
    if (input.op !== 'read_envelope') throw new Error('read_envelope only');
    this.clip(input.target);
    const parameter = this.parameter(input.parameter);
    const points = this.shapes.get(`${input.target} ${input.parameter}`);
    const live12 = this.major >= 12;
    if (points === undefined) return { exists: false, samples: [], events: live12 ? [] : null };
    const samples: { time: number; value: number }[] = [];
    const count = Math.floor((input.end - input.start) / input.step + 1e-9) + 1;
    for (let index = 0; index < count; index += 1) {
      const time = input.start + index * input.step;
      samples.push({ time, value: valueAt(points, time, this.current(parameter)) });
    }
    const events = live12
      ? points.filter((point) => point.time >= input.start && point.time <= input.end).map((point) => ({ ...point }))
      : null;
    const reading: EnvelopeReading = { exists: true, samples, events };
    return reading;
  }

  private write(input: EnvelopeInput): JsonValue {
    if (input.op !== 'write_envelope') throw new Error('write_envelope only');
    // as the bridge's schema and the script: a write carries at most maxEnvelopeSteps steps
    if (input.steps.length > SCRIPT_LIMITS.maxEnvelopeSteps)
      throw new LinkError('bad_request', `steps has more than ${SCRIPT_LIMITS.maxEnvelopeSteps} items`);
    this.clip(input.target);
    const parameter = this.parameter(input.parameter);
    input.steps.forEach((step, index) => {
      if (step.value < parameter.min || step.value > parameter.max) {
        throw new LinkError('bad_request', `steps[${index}].value ${step.value} is outside the parameter's range`);
      }
      if (parameter.quantized && Math.abs(step.value - parameter.min - Math.round(step.value - parameter.min)) > 1e-6) {
        throw new LinkError('bad_request', `steps[${index}].value ${step.value} is not one of the parameter's steps`);
      }
    });
    const key = `${input.target} ${input.parameter}`;
    const fallback = this.current(parameter);
    let points = this.shapes.get(key) ?? [{ time: 0, value: fallback, curve: null }];
    for (const step of input.steps) points = insertStep(points, step, fallback);
    this.writes.push({ clip: input.target, parameter: input.parameter, steps: input.steps.length });
    this.change(input.target, input.parameter, points);
    return { inserted: input.steps.length };
  }

  private erase(input: EnvelopeInput): JsonValue {
    if (input.op !== 'erase_envelope') throw new Error('erase_envelope only');
    this.clip(input.target);
    this.parameter(input.parameter);
    const key = `${input.target} ${input.parameter}`;
    const points = this.shapes.get(key);
    if (input.start !== undefined && input.end !== undefined) {
      if (this.major < 12) {
        throw new LinkError('not_found', 'Live 11 has no delete_events_in_range: draw over the range or clear');
      }
      if (points === undefined) return { erased: false };
      this.change(input.target, input.parameter, deleteRange(points, input.start, input.end));
      return { erased: true };
    }
    if (points === undefined) return { erased: false };
    this.change(input.target, input.parameter, null);
    return { erased: true };
  }

  private parameters(input: EnvelopeInput): JsonValue {
    if (input.op !== 'envelope_parameters') throw new Error('envelope_parameters only');
    this.clip(input.target);
    const groups = this.groups.map((group): AutomatableGroup => ({
      kind: group.kind,
      name: group.name,
      path: [...group.path],
      parameters: group.parameters.map((parameter): AutomatableParameter => ({
        ref: { $ref: Number(parameter.target.replace('id ', '')), type: 'DeviceParameter', path: null },
        name: parameter.name,
        automated: this.shapes.has(`${input.target} ${parameter.target}`),
        min: parameter.min,
        max: parameter.max,
        value: this.current(parameter),
        quantized: parameter.quantized ?? false,
        items: [...(parameter.items ?? [])],
      })),
    }));
    return { groups };
  }
}
