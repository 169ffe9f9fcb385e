// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TRACK_READY, trackSnapshot } from '../../fake-studio/seed';
import { fakeActor } from '../../test/fake-actor';
import { RENDER_MODES } from '../../test/render-modes';
import { Meter } from './Meter';
import { PEAK_HOLD_MS, nextPeak } from './peak-hold';
import { TrackMeter } from './TrackMeter';

describe('nextPeak', () => {
  it('jumps up at once, holds, then falls no lower than the level', () => {
    let peak = nextPeak({ value: 0, at: 0 }, 0.8, 0);
    expect(peak.value).toBe(0.8);
    peak = nextPeak(peak, 0.2, PEAK_HOLD_MS - 1);
    expect(peak.value).toBe(0.8);
    peak = nextPeak(peak, 0.2, PEAK_HOLD_MS + 500);
    expect(peak.value).toBeCloseTo(0.5);
    peak = nextPeak(peak, 0.2, PEAK_HOLD_MS + 5000);
    expect(peak.value).toBe(0.2);
  });
});

describe.each(RENDER_MODES)('Meter (%s)', (_, Mode) => {
  it('is a meter whose value is the louder side', () => {
    render(
      <Mode>
        <Meter label="Bass level" level={[0.4, 0.7]} />
      </Mode>,
    );
    const meter = screen.getByRole('meter', { name: 'Bass level' });
    expect(meter).toHaveAttribute('aria-valuenow', '0.7');
    expect(meter).toHaveAttribute('aria-valuetext', '70 %');
    expect(document.querySelectorAll('.ls-meter-bar')).toHaveLength(2);
  });

  it('keeps the clip light on after the level falls, until tapped', () => {
    const { rerender } = render(
      <Mode>
        <Meter label="Bass level" level={1.2} />
      </Mode>,
    );
    rerender(
      <Mode>
        <Meter label="Bass level" level={0.3} />
      </Mode>,
    );
    expect(screen.getByRole('meter')).toHaveAttribute('aria-valuetext', '30 %, clipped');
    fireEvent.click(screen.getByRole('button', { name: 'Bass level clipped: reset' }));
    expect(screen.getByRole('button', { name: 'Bass level clip light' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('shows nothing moving unless its track is ready', () => {
    render(
      <Mode>
        <Meter label="Bass level" level={0.5} state="loading" />
      </Mode>,
    );
    expect(screen.getByRole('meter')).toHaveAttribute('aria-valuetext', 'Loading');
    expect(screen.getByRole('meter')).toHaveAttribute('aria-valuenow', '0');
  });
});

describe('TrackMeter', () => {
  const snapshot = (meter: [number, number]) => trackSnapshot(TRACK_READY, { meter });

  it('shows the track’s meter, and re-renders for the meter only when it moves', () => {
    const fake = fakeActor(snapshot([0.2, 0.3]));
    const commits = vi.fn();
    render(
      <Profiler id="meter" onRender={commits}>
        <TrackMeter actor={fake.actor} />
      </Profiler>,
    );
    const meter = screen.getByRole('meter', { name: 'Drums level' });
    expect(meter).toHaveAttribute('aria-valuenow', '0.3');
    act(() => fake.emit(snapshot([0.2, 0.3])));
    expect(commits).toHaveBeenCalledTimes(1);
    act(() => fake.emit(snapshot([0.5, 0.4])));
    expect(meter).toHaveAttribute('aria-valuenow', '0.5');
    expect(commits).toHaveBeenCalledTimes(2);
  });
});
