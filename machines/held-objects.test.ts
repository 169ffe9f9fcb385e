import { describe, expect, it } from 'vitest';
import { HeldObjects } from './held-objects';

describe('HeldObjects', () => {
  it('tells who watches what is held, once per change, counting two holds of one object once', () => {
    const held = new HeldObjects();
    const told: (readonly number[])[] = [];
    held.watch((objects) => told.push(objects));
    const first = held.hold(12);
    const second = held.hold(12);
    const other = held.hold(30);
    first();
    first(); // a second call changes nothing
    expect(held.objects).toEqual([12, 30]);
    second();
    other();
    expect(told).toEqual([[], [12], [12, 30], [30], []]);
  });
});
