import { describe, expect, it } from 'vitest';
import { parseCommand, splitMember, UsageError } from './commands';

describe('splitMember', () => {
  it.each([
    ['live_set tempo', 'live_set', 'tempo'],
    ['live_set tracks 0 name', 'live_set tracks 0', 'name'],
    ['live_set tracks 0', 'live_set tracks 0', null],
    ['live_set', 'live_set', null],
    ['id 12 value', 'id 12', 'value'],
  ])('%s', (path, target, member) => {
    expect(splitMember(path)).toEqual({ target, member });
  });
});

describe('parseCommand', () => {
  it('builds the requests', () => {
    expect(parseCommand('get', ['live_set tempo'])).toEqual({
      kind: 'request',
      body: { op: 'get', target: 'live_set', prop: 'tempo' },
    });
    expect(parseCommand('set', ['live_set tracks 1 name', '"Perc"'])).toEqual({
      kind: 'request',
      body: { op: 'set', target: 'live_set tracks 1', prop: 'name', value: 'Perc' },
    });
    expect(
      parseCommand('call', ['live_set tracks 0 clip_slots 0 clip', 'get_notes_extended', '0', '128', '0', '4']),
    ).toEqual({
      kind: 'request',
      body: {
        op: 'call',
        target: 'live_set tracks 0 clip_slots 0 clip',
        fn: 'get_notes_extended',
        args: [0, 128, 0, 4],
      },
    });
    expect(parseCommand('observe', ['live_set', 'tempo'])).toEqual({
      kind: 'observe',
      target: 'live_set',
      prop: 'tempo',
    });
  });

  it.each([
    ['get', []],
    ['set', ['live_set tempo']],
    ['set', ['live_set tempo', 'fast']],
    ['set', ['live_set tracks 0', '1']],
    ['call', ['live_set']],
    ['observe', ['live_set']],
  ] as const)('refuses %s %j with the usage', (name, words) => {
    expect(() => parseCommand(name, words)).toThrow(UsageError);
  });
});
