// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pointerDown, pointerMove, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { note } from './roll-fixtures';
import { clipOf } from './roll-fixtures';
import type { RollIntent, RollNote } from './roll-types';
import { LANE_PAD_PX, velocityAtY, yOfVelocity } from './velocity-draw';
import { VelocityLane, type VelocityLaneProps } from './VelocityLane';

// the lane is 100 px tall at the top of the page; stems at x 100 (note 1, a chord with 3) and 200 (note 2)
const LANE = { left: 0, top: 0, width: 1000, height: 100 };
const VIEW = { startBeat: 0, pxPerBeat: 100, topRow: 71, rowPx: 10 };
const NOTES: RollNote[] = [note(1, 60, 1, 1, 80), note(3, 64, 1, 1, 80), note(2, 62, 2, 1, 80)];

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const box = this.classList.contains('ls-roll-lane') ? LANE : { left: 0, top: 0, width: 0, height: 0 };
    const rect = { ...box, right: box.left + box.width, bottom: box.top + box.height, x: box.left, y: box.top };
    return { ...rect, toJSON: () => rect };
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('velocity arithmetic', () => {
  it('is loud at the top and soft at the bottom, 1..127', () => {
    expect(velocityAtY(LANE_PAD_PX, 100)).toBe(127);
    expect(velocityAtY(100 - LANE_PAD_PX, 100)).toBe(1);
    expect(velocityAtY(-50, 100)).toBe(127);
    expect(velocityAtY(50, 100)).toBe(64);
    expect(velocityAtY(yOfVelocity(90, 100), 100)).toBe(90);
  });
});

describe.each(RENDER_MODES)('VelocityLane (%s)', (_, Mode) => {
  const lane = (props: Partial<VelocityLaneProps> = {}) => {
    const onIntent = vi.fn<(intent: RollIntent) => void>();
    const onViewport = vi.fn();
    render(
      <Mode>
        <VelocityLane
          notes={NOTES}
          clip={clipOf(2)}
          viewport={VIEW}
          grid={0.25}
          rows={{ kind: 'keys' }}
          mode="edit"
          onIntent={onIntent}
          onViewport={onViewport}
          {...props}
        />
      </Mode>,
    );
    const surface = screen.getByRole('group', { name: 'Velocity' });
    return { surface, onViewport, intents: () => onIntent.mock.calls.map(([intent]) => intent) };
  };

  it('sets the stems a finger lands on and draws across, then releases', () => {
    const { surface, intents } = lane();
    pointerDown(surface, { x: 104, y: LANE_PAD_PX });
    pointerMove(surface, 150, 50);
    pointerMove(surface, 210, 94);
    pointerUp(surface, 210, 94);
    expect(intents()).toEqual([
      {
        type: 'velocity',
        changes: [
          { key: 1, velocity: 127 },
          { key: 3, velocity: 127 },
        ],
      },
      // the line from (150, 50) to (210, 94) crosses x 200 at y 86.7
      { type: 'velocity', changes: [{ key: 2, velocity: 11 }] },
      { type: 'release' },
    ]);
  });

  it('changes only the selected notes when some are', () => {
    const { surface, intents } = lane({ notes: NOTES.map((one) => ({ ...one, selected: one.key === 3 })) });
    pointerDown(surface, { x: 100, y: 50 });
    pointerUp(surface, 100, 50);
    expect(intents()).toEqual([{ type: 'velocity', changes: [{ key: 3, velocity: 64 }] }, { type: 'release' }]);
  });

  it('cancels on pointercancel; a stroke that reached no stem sends nothing', () => {
    const { surface, intents } = lane();
    pointerDown(surface, { x: 500, y: 50 });
    pointerUp(surface, 500, 50);
    expect(intents()).toEqual([]);
    pointerDown(surface, { x: 200, y: 50 });
    fireEvent.pointerCancel(surface, { pointerId: 1 });
    expect(intents().map((intent) => intent.type)).toEqual(['velocity', 'cancel']);
  });

  it('scrolls time in navigate mode, and when offline', () => {
    for (const props of [{ mode: 'navigate' as const }, { disabled: true }]) {
      const { surface, intents, onViewport } = lane({ ...props, viewport: { ...VIEW, startBeat: 2 } });
      pointerDown(surface, { x: 300, y: 50 });
      pointerMove(surface, 200, 80);
      pointerUp(surface, 200, 80);
      expect(intents()).toEqual([]);
      expect(onViewport).toHaveBeenLastCalledWith({ ...VIEW, startBeat: 3 });
      document.body.innerHTML = '';
    }
  });
});
