// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { stopCellView } from '../../connect/use-track';
import { fakeActor } from '../../test/fake-actor';
import { pointerDown, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { StopCell } from './StopCell';
import { TrackStopCell } from './TrackStopCell';
import { seedStopCell, trackSnapshot } from './seed';
import { STOP_CELL_STATES } from './states';

const tap = (element: Element): void => {
  pointerDown(element);
  pointerUp(element, 0, 0);
};

describe.each(RENDER_MODES)('StopCell (%s)', (_, Mode) => {
  it.each([
    ['stopped', 'Nothing playing'],
    ['playing', 'A clip is playing'],
    ['stopping', 'Stops on the next launch'],
  ] as const)('stops the track when %s, saying so', (state, text) => {
    const onStop = vi.fn();
    render(
      <Mode>
        <StopCell trackName="Drums" state={state} onStop={onStop} />
      </Mode>,
    );
    const stop = screen.getByRole('button', { name: 'Stop Drums' });
    expect(stop).toHaveAccessibleDescription(text);
    expect(stop).not.toHaveAttribute('aria-disabled');
    expect(document.querySelector('.ls-stop')).toHaveAttribute('data-state', state);
    tap(stop);
    expect(onStop).toHaveBeenCalledTimes(1);
    fireEvent.click(stop, { detail: 0 });
    expect(onStop).toHaveBeenCalledTimes(2);
  });

  it.each(['loading', 'failed', 'gone'] as const)('takes no press while %s', (state) => {
    const onStop = vi.fn();
    render(
      <Mode>
        <StopCell trackName="Drums" state={state} onStop={onStop} />
      </Mode>,
    );
    const stop = screen.getByRole('button', { name: 'Stop Drums' });
    expect(stop).toHaveAttribute('aria-disabled', 'true');
    tap(stop);
    expect(onStop).not.toHaveBeenCalled();
  });
});

describe('the track’s stop view', () => {
  it('reads the playing and fired slots: a stop fired is -2', () => {
    expect(STOP_CELL_STATES.map((state) => stopCellView(trackSnapshot(state)).state)).toEqual(STOP_CELL_STATES);
    // a clip waiting to start on a silent track: nothing plays yet
    expect(seedStopCell('stopped', { firedSlot: 2 }).state).toBe('stopped');
  });
});

describe('TrackStopCell', () => {
  it.each(RENDER_MODES)('stops the track’s clips through its actor, and follows it (%s)', (_, Mode) => {
    const fake = fakeActor(trackSnapshot('playing'));
    render(
      <Mode>
        <TrackStopCell actor={fake.actor} />
      </Mode>,
    );
    tap(screen.getByRole('button', { name: 'Stop Drums' }));
    expect(fake.sent).toEqual([{ type: 'ui.stopClips' }]);
    act(() => fake.emit(trackSnapshot('stopping')));
    expect(document.querySelector('.ls-stop')).toHaveAttribute('data-state', 'stopping');
  });

  it('re-renders only when its stop state or name changes, not for the rest of the track', () => {
    const fake = fakeActor(trackSnapshot('playing'));
    const commits = vi.fn();
    render(
      <Profiler id="stop" onRender={commits}>
        <TrackStopCell actor={fake.actor} />
      </Profiler>,
    );
    expect(commits).toHaveBeenCalledTimes(1);
    act(() => fake.emit(trackSnapshot('playing', { mute: true, solo: true, playingSlot: 3 })));
    expect(commits).toHaveBeenCalledTimes(1);
    act(() => fake.emit(trackSnapshot('stopping')));
    expect(commits).toHaveBeenCalledTimes(2);
  });
});
