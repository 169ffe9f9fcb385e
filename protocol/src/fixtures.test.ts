/**
 * The shared fixtures, read by zod here and by the script's Python tests:
 * what one side accepts, the other does too, and every recorded reply of the
 * script has the shape the schemas promise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Note, NoteModification, NoteSpec, NotesRemoved } from './notes';
import {
  AutomatableParameters,
  BridgeToLiveLine,
  Description,
  EnvelopeErased,
  EnvelopeReading,
  HelloResult,
  LiveToBridge,
  ReplyOk,
} from './script';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'script');
const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

interface LineCase {
  name: string;
  line: unknown;
  raw?: boolean;
}

const requests = read(join(FIXTURES, 'requests.json')) as { valid: LineCase[]; invalid: LineCase[] };

function parseLine(testCase: LineCase): ReturnType<typeof BridgeToLiveLine.safeParse> | 'not json' {
  if (!testCase.raw) return BridgeToLiveLine.safeParse(testCase.line);
  try {
    return BridgeToLiveLine.safeParse(JSON.parse(testCase.line as string));
  } catch {
    return 'not json';
  }
}

describe('bridge -> script lines', () => {
  it.each(requests.valid)('accepts $name', (testCase) => {
    const result = parseLine(testCase);
    expect(result !== 'not json' && result.success).toBe(true);
  });

  it.each(requests.invalid)('refuses $name', (testCase) => {
    const result = parseLine(testCase);
    expect(result === 'not json' || !result.success).toBe(true);
  });
});

describe('notes', () => {
  const notes = read(join(FIXTURES, 'notes.json')) as Record<
    'spec' | 'modification',
    { valid: unknown[]; invalid: unknown[] }
  >;
  const schemas = { spec: NoteSpec, modification: NoteModification };
  for (const kind of ['spec', 'modification'] as const) {
    it.each(notes[kind].valid.map((note) => [JSON.stringify(note), note]))(`accepts the ${kind} %s`, (_, note) => {
      expect(schemas[kind].safeParse(note).success).toBe(true);
    });
    it.each(notes[kind].invalid.map((note) => [JSON.stringify(note), note]))(`refuses the ${kind} %s`, (_, note) => {
      expect(schemas[kind].safeParse(note).success).toBe(false);
    });
  }
});

/** Results whose shape an exchange step names, beyond the generic reply. */
const RESULT_SCHEMAS: Record<string, z.ZodType> = {
  HelloResult,
  Description,
  EnvelopeReading,
  EnvelopeErased,
  AutomatableParameters,
  Notes: z.array(Note),
  NotesRemoved,
};

interface Step {
  send?: unknown;
  raw?: boolean;
  advance?: number;
  result?: string;
  receive: unknown[];
}

const exchanges = readdirSync(join(FIXTURES, 'exchanges'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, read(join(FIXTURES, 'exchanges', name)) as { steps: Step[] }] as const);

describe('recorded exchanges', () => {
  it('are there', () => {
    expect(exchanges.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(exchanges)('%s', (_name, exchange) => {
    it('sends only lines the schemas accept, or that are meant to be refused', () => {
      for (const step of exchange.steps) {
        if (step.send === undefined || step.raw) continue;
        const parsed = BridgeToLiveLine.safeParse(step.send);
        const refused = step.receive.some(
          (message) => LiveToBridge.parse(message) && 'ok' in (message as object) && !(message as { ok: boolean }).ok,
        );
        expect(parsed.success || refused).toBe(true);
      }
    });

    it('receives only messages the schemas accept', () => {
      for (const step of exchange.steps) {
        expect(step.receive).toBeDefined();
        for (const message of step.receive) {
          const parsed = LiveToBridge.safeParse(message);
          expect(parsed.error?.issues ?? [], JSON.stringify(message)).toEqual([]);
        }
      }
    });

    it('receives results of the shape each step names', () => {
      for (const step of exchange.steps.filter((s) => s.result !== undefined)) {
        const schema = RESULT_SCHEMAS[step.result as string];
        expect(schema, step.result).toBeDefined();
        const reply = ReplyOk.parse(step.receive.find((message) => (message as { ok?: boolean }).ok));
        const parsed = (schema as z.ZodType).safeParse(reply.result);
        expect(parsed.error?.issues ?? []).toEqual([]);
      }
    });
  });
});
