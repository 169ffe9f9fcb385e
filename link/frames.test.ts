import { describe, expect, it } from 'vitest';
import { frameText, readFrame } from './frames';

describe('readFrame', () => {
  it('reads a lone message and a batch alike', () => {
    expect(readFrame('{"id":1,"ok":true,"result":120}').messages).toEqual([{ id: 1, ok: true, result: 120 }]);
    expect(readFrame('[{"id":1,"ok":true,"result":1},{"ev":"slow","message":"m"}]')).toEqual({
      messages: [
        { id: 1, ok: true, result: 1 },
        { ev: 'slow', message: 'm' },
      ],
      invalid: 0,
    });
  });

  it('counts what does not parse and keeps the rest', () => {
    expect(readFrame('not json')).toEqual({ messages: [], invalid: 1 });
    expect(readFrame('[{"ev":"slow","message":"m"},{"what":1},{"id":2,"ok":"yes"}]')).toEqual({
      messages: [{ ev: 'slow', message: 'm' }],
      invalid: 2,
    });
  });
});

describe('frameText', () => {
  it('sends a lone message as itself and several as a batch', () => {
    expect(frameText([{ op: 'ping', id: 1 }])).toBe('{"op":"ping","id":1}');
    expect(
      JSON.parse(
        frameText([
          { op: 'ping', id: 1 },
          { op: 'ping', id: 2 },
        ]),
      ),
    ).toEqual([
      { op: 'ping', id: 1 },
      { op: 'ping', id: 2 },
    ]);
  });
});
