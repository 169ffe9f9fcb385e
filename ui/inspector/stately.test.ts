import type { InspectionEvent } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { statelyForward, type StatelyModule } from './stately';

const event = (n: number) => ({ type: '@xstate.event', n }) as unknown as InspectionEvent;

describe('statelyForward', () => {
  it('holds the events until Stately’s inspector has loaded, then hands it each', async () => {
    const next = vi.fn();
    let loaded: (module: StatelyModule) => void = () => {};
    const forward = statelyForward(() => new Promise((resolve) => (loaded = resolve)));
    forward(event(1));
    forward(event(2));
    expect(next).not.toHaveBeenCalled();
    loaded({ createBrowserInspector: () => ({ inspect: { next } }) });
    await Promise.resolve();
    await Promise.resolve();
    forward(event(3));
    expect(next.mock.calls.map(([sent]) => (sent as { n: number }).n)).toEqual([1, 2, 3]);
  });

  it('says once when it cannot load, and drops what waited', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const forward = statelyForward(() => Promise.reject(new Error('offline')));
    forward(event(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(error).toHaveBeenCalledTimes(1);
    expect(() => forward(event(2))).not.toThrow();
    error.mockRestore();
  });
});
