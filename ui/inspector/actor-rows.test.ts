import { describe, expect, it } from 'vitest';
import type { InspectedActor } from '../../machines/inspection';
import { inspectedActor, recordOf } from '../../machines/inspection-fixtures';
import { actorRows, stateText } from './actor-rows';

const actor = (sessionId: string, parent: string | null, kind: string | null, value: InspectedActor['value']) =>
  inspectedActor({ sessionId, parent, kind, value });

const record = recordOf([
  actor('x:1', null, 'session', { live: 'ready' }),
  actor('x:3', 'x:1', 'track', 'ready'),
  actor('x:2', 'x:1', 'clipSlot', { clip: 'playing' }),
  actor('x:4', 'x:3', null, null),
  actor('x:5', 'x:3', 'parameter', { bound: 'touched' }),
  actor('x:6', null, 'keyboard', 'playing'),
]);
const names = new Map([
  ['x:1', 'session'],
  ['x:2', 'slot:Drums/1'],
  ['x:3', 'track:Drums'],
  ['x:4', 'track:Drums › observe'],
  ['x:5', 'parameter:Drums/Volume'],
  ['x:6', 'keyboard'],
]);

describe('actorRows', () => {
  it('lists actors under their parents in the order they started, invocations left out', () => {
    const rows = actorRows(record, names, { showInvocations: false, filter: '' });
    expect(rows.map((row) => `${'  '.repeat(row.depth)}${row.name} ${row.state}`)).toEqual([
      'session live.ready',
      '  slot:Drums/1 clip.playing',
      '  track:Drums ready',
      '    parameter:Drums/Volume bound.touched',
      'keyboard playing',
    ]);
  });

  it('shows the invocations when asked', () => {
    const rows = actorRows(record, names, { showInvocations: true, filter: '' });
    expect(rows.find((row) => row.name === 'track:Drums › observe')).toMatchObject({
      depth: 2,
      invocation: true,
      state: 'active',
    });
  });

  it('keeps what matches every word of the filter, with its parents', () => {
    const rows = actorRows(record, names, { showInvocations: false, filter: 'volume TOUCHED' });
    expect(rows.map((row) => [row.name, row.matched])).toEqual([
      ['session', false],
      ['track:Drums', false],
      ['parameter:Drums/Volume', true],
    ]);
    expect(actorRows(record, names, { showInvocations: false, filter: 'playing' }).map((row) => row.name)).toEqual([
      'session',
      'slot:Drums/1',
      'keyboard',
    ]);
    expect(actorRows(record, names, { showInvocations: false, filter: 'nothing' })).toEqual([]);
  });

  it('reads state values as paths, parallel regions apart', () => {
    expect(stateText('idle')).toBe('idle');
    expect(stateText({ bound: { ready: 'quiet' } })).toBe('bound.ready.quiet');
    expect(stateText({ notes: 'ready', selection: 'none' })).toBe('notes.ready | selection.none');
    expect(stateText(null)).toBe('');
  });
});
