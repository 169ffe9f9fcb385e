import { describe, expect, it } from 'vitest';
import type { BridgeClient } from '../bridge/bridge-client';
import { Completer, replWords, splitWords } from './repl';

describe('splitWords', () => {
  it('keeps double-quoted words whole', () => {
    expect(splitWords('set live_set tracks 1 name "Sub Bass"')).toEqual([
      'set',
      'live_set',
      'tracks',
      '1',
      'name',
      '"Sub Bass"',
    ]);
  });
});

describe('replWords', () => {
  it.each([
    ['get', ['live_set', 'tracks', '0', 'name'], ['live_set tracks 0 name']],
    ['get', ['live_set tracks 0 name'], ['live_set tracks 0 name']],
    ['set', ['live_set', 'tempo', '128'], ['live_set tempo', '128']],
    ['observe', ['live_set', 'tempo'], ['live_set', 'tempo']],
    ['call', ['live_set', 'tracks', '0', 'clip_slots', '2', 'fire'], ['live_set tracks 0 clip_slots 2', 'fire']],
    ['call', ['live_set', 'create_scene', '3'], ['live_set', 'create_scene', '3']],
    ['call', ['live_set', 'view', 'select_device', '{"$ref":4}'], ['live_set view', 'select_device', '{"$ref":4}']],
    [
      'call',
      ['id', '9', 'get_notes_extended', '0', '128', '0', '4'],
      ['id 9', 'get_notes_extended', '0', '128', '0', '4'],
    ],
  ])('%s %j', (name, words, expected) => {
    expect(replWords(name, words)).toEqual(expected);
  });
});

describe('Completer', () => {
  const described: string[] = [];
  const client = {
    request: (body: { target: string }) => {
      described.push(body.target);
      return Promise.resolve({
        ok: true,
        result: {
          ref: { $ref: 1, type: 'Song', path: 'live_set' },
          type: 'Song',
          properties: [{ name: 'tempo', type: 'float', settable: true, observable: true, value: 120 }],
          children: [{ name: 'tracks', type: 'Track', kind: 'list', count: 8 }],
          functions: [{ name: 'start_playing', args: [], returns: 'None' }],
          events: [],
        },
      });
    },
  } as unknown as BridgeClient;

  it('completes commands, roots and members, asking Live once per object', async () => {
    const completer = new Completer(client);
    expect(await completer.complete('ge')).toEqual([['get'], 'ge']);
    expect(await completer.complete('get live')).toEqual([['live_set', 'live_app'], 'live']);
    expect(await completer.complete('get live_set t')).toEqual([['tempo', 'tracks'], 't']);
    expect(await completer.complete('call live_set st')).toEqual([['start_playing'], 'st']);
    expect(described).toEqual(['live_set']);
  });
});
