import { timer } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { VirtualTime } from './virtual-time';

describe('VirtualTime', () => {
  it('runs timers at their time and lets promises through between them', async () => {
    const time = new VirtualTime();
    const seen: string[] = [];
    time.scheduler.schedule(() => {
      seen.push(`a@${time.now}`);
      void Promise.resolve().then(() => seen.push('promise after a'));
    }, 10);
    time.scheduler.schedule(() => seen.push(`b@${time.now}`), 10);
    time.scheduler.schedule(() => seen.push(`c@${time.now}`), 30);
    await time.advance(20);
    expect(seen).toEqual(['a@10', 'b@10', 'promise after a']);
    expect(time.now).toBe(20);
    await time.advance(10);
    expect(seen.at(-1)).toBe('c@30');
  });

  it('moves on until a promise settles', async () => {
    const time = new VirtualTime();
    const done = new Promise<number>((resolve) => timer(250, time.scheduler).subscribe(() => resolve(time.now)));
    await expect(time.until(done)).resolves.toBe(250);
  });

  it('says so when nothing would settle it', async () => {
    const time = new VirtualTime();
    await expect(time.until(new Promise(() => undefined), 100)).rejects.toThrow('nothing settled within 100');
  });
});
