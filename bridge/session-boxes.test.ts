import { describe, expect, it } from 'vitest';
import type { SessionBoxArea } from '../protocol/src/index';
import type { Outcome, RequestBody } from './script-requests';
import { SessionBoxes } from './session-boxes';

const area = (track_offset: number, scene_offset = 0): SessionBoxArea => ({
  track_offset,
  scene_offset,
  width: 6,
  height: 4,
});

function harness(outcome: Outcome = { ok: true, result: null }) {
  const sent: (SessionBoxArea | null)[] = [];
  const warnings: string[] = [];
  const boxes = new SessionBoxes<string>({
    request: (body: RequestBody) => {
      if (body.op === 'session_box') sent.push(body.box);
      return Promise.resolve(outcome);
    },
    warn: (message) => warnings.push(message),
  });
  return { boxes, sent, warnings };
}

describe('the session box Live outlines', () => {
  it('is the box of the tablet that scrolled last, and sent only when it changes', () => {
    const { boxes, sent } = harness();
    boxes.set('ipad', area(0));
    boxes.set('phone', area(4));
    boxes.set('phone', area(4));
    boxes.set('ipad', area(1));
    expect(sent).toEqual([area(0), area(4), area(1)]);
    expect(boxes.current).toEqual(area(1));
  });

  it('falls back to the tablet that scrolled before when the last one leaves, and hides when none is left', () => {
    const { boxes, sent } = harness();
    boxes.set('ipad', area(0));
    boxes.set('phone', area(4));
    boxes.drop('phone');
    boxes.drop('ipad');
    boxes.drop('ipad');
    expect(sent).toEqual([area(0), area(4), area(0), null]);
  });

  it('sends nothing until a tablet shows a box, and sends it again when Live comes back', () => {
    const { boxes, sent } = harness();
    boxes.resend();
    boxes.drop('nobody');
    boxes.set('ipad', null);
    expect(sent).toEqual([]);
    boxes.set('ipad', area(2, 8));
    boxes.resend();
    expect(sent).toEqual([area(2, 8), area(2, 8)]);
  });

  it('says when Live refuses a box, but not when Live is offline', async () => {
    const refused = harness({ ok: false, error: { code: 'bad_request', message: 'no' } });
    refused.boxes.set('ipad', area(0));
    const offline = harness({ ok: false, error: { code: 'unavailable', message: 'Live is offline' } });
    offline.boxes.set('ipad', area(0));
    await Promise.resolve();
    await Promise.resolve();
    expect(refused.warnings).toEqual(['Live did not take the session box: no']);
    expect(offline.warnings).toEqual([]);
  });
});
