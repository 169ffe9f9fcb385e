// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pointerDown, pointerMove, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { BASS_GROOVE, clipOf } from '../piano-roll/roll-fixtures';
import { LEFT_MARGIN_PX } from '../piano-roll/viewport';
import { FILTER_FREQ, FILTER_FREQ_AXIS, FILTER_TYPE, STRAIGHT } from './envelope-fixtures';
import type { EnvelopeIntent, LaneViewport } from './envelope-types';
import { EnvelopeLane, type EnvelopeLaneProps } from './EnvelopeLane';
import { LANE_PAD_PX } from './lane-geometry';

/*
 * jsdom lays nothing out: the lane's surface sits at (0, 0), so a finger's
 * client position is its position in the lane, and a ResizeObserver that
 * says every box is 1000 x 400 px gives the lane its size. In this viewport
 * beat 1 is at x 100; Frequency (0..1) has 1 at y 10, 0.5 at y 200 and 0 at y 390.
 */
class SizedObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(): void {
    const entry = { contentRect: { width: 1000, height: 400 } } as ResizeObserverEntry;
    this.callback([entry], this);
  }
  disconnect(): void {}
  unobserve(): void {}
}

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', SizedObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const VIEW: LaneViewport = { startBeat: 0, pxPerBeat: 100 };

describe.each(RENDER_MODES)('EnvelopeLane (%s)', (_, Mode) => {
  const lane = (props: Partial<EnvelopeLaneProps> = {}) => {
    const onIntent = vi.fn<(intent: EnvelopeIntent) => void>();
    const onViewport = vi.fn<(view: LaneViewport) => void>();
    const view = render(
      <Mode>
        <EnvelopeLane
          clip={clipOf(2)}
          grid={0.25}
          viewport={VIEW}
          onViewport={onViewport}
          parameter={FILTER_FREQ}
          exists
          points={STRAIGHT}
          pending={[]}
          preview={null}
          notes={BASS_GROOVE}
          rows={{ kind: 'keys' }}
          playhead={null}
          liveValue={null}
          axis={FILTER_FREQ_AXIS}
          tool="draw"
          mode="edit"
          readout={null}
          onIntent={onIntent}
          {...props}
        />
      </Mode>,
    );
    const surface = screen.getByRole('application');
    const intents = () => onIntent.mock.calls.map(([intent]) => intent);
    return { ...view, surface, onIntent, onViewport, intents };
  };

  it('names the parameter and its breakpoints, inside a named region', () => {
    const { surface } = lane({ pending: [{ start: 1, end: 2, state: 'offline' }] });
    expect(screen.getByRole('region', { name: 'Automation' })).toHaveAttribute('data-state', 'ready');
    expect(surface).toHaveAccessibleName('Frequency automation, 10 breakpoints');
    expect(surface).toHaveAccessibleDescription('Auto Filter › Frequency, 1 range not yet in Live');
    expect(surface).toHaveAttribute('aria-roledescription', 'automation lane');
    expect(surface).toHaveAttribute('tabindex', '0');
  });

  it('draws a stroke: start with the tool, moves, end, in raw beats and values clamped to the lane', () => {
    const { surface, intents } = lane({ tool: 'ramp' });
    pointerDown(surface, { pointerId: 1, x: 250, y: 200 });
    pointerMove(surface, 300, 105, { pointerId: 1 });
    pointerMove(surface, 333, -40, { pointerId: 1 });
    pointerUp(surface, 333, -40, { pointerId: 1 });
    expect(intents()).toEqual([
      { type: 'start', tool: 'ramp', beat: 2.5, value: 0.5 },
      { type: 'move', beat: 3, value: 0.75 },
      { type: 'move', beat: 3.33, value: 1 },
      { type: 'end' },
    ]);
  });

  it('maps values through the parameter’s own range', () => {
    const { surface, intents } = lane({ parameter: FILTER_TYPE, axis: [] });
    pointerDown(surface, { pointerId: 1, x: 100, y: LANE_PAD_PX + 380 / 3 });
    pointerUp(surface, 100, 400, { pointerId: 1 });
    const [start] = intents();
    expect(start?.type === 'start' && start.value).toBeCloseTo(2);
  });

  it('cancels a stroke on pointercancel and on lost capture, and takes nothing after it', () => {
    const first = lane();
    pointerDown(first.surface, { pointerId: 1, x: 100, y: 200 });
    fireEvent.pointerCancel(first.surface, { pointerId: 1 });
    pointerMove(first.surface, 200, 100, { pointerId: 1 });
    pointerUp(first.surface, 200, 100, { pointerId: 1 });
    expect(first.intents().map((intent) => intent.type)).toEqual(['start', 'cancel']);
    first.unmount();

    const second = lane();
    pointerDown(second.surface, { pointerId: 1, x: 100, y: 200 });
    fireEvent.lostPointerCapture(second.surface, { pointerId: 1 });
    expect(second.intents().at(-1)).toEqual({ type: 'cancel' });
  });

  it('cancels the stroke when a second finger lands, and the two then zoom time', () => {
    const { surface, intents, onViewport } = lane();
    pointerDown(surface, { pointerId: 1, x: 200, y: 200 });
    pointerDown(surface, { pointerId: 2, x: 400, y: 200 });
    pointerMove(surface, 500, 200, { pointerId: 2 });
    pointerMove(surface, 600, 220, { pointerId: 2 });
    expect(intents()).toEqual([{ type: 'start', tool: 'draw', beat: 2, value: 0.5 }, { type: 'cancel' }]);
    // spread 200 → 400 px about x 300: twice the zoom, beat 3 stays under the first centre, then the centre moves 100 px
    expect(onViewport).toHaveBeenLastCalledWith({ startBeat: 1, pxPerBeat: 200 });
    pointerUp(surface, 200, 200, { pointerId: 1 });
    pointerUp(surface, 600, 220, { pointerId: 2 });
    expect(intents()).toHaveLength(2);
  });

  it('takes no strokes offline, loading or without a parameter, but one finger still pans', () => {
    for (const props of [{ disabled: true }, { loading: true }, { parameter: null }]) {
      const { surface, intents, onViewport, unmount } = lane(props);
      expect(surface).toHaveAttribute('aria-disabled', 'true');
      pointerDown(surface, { pointerId: 1, x: 300, y: 200 });
      pointerMove(surface, 200, 100, { pointerId: 1 });
      pointerUp(surface, 200, 100, { pointerId: 1 });
      expect(intents()).toEqual([]);
      expect(onViewport).toHaveBeenLastCalledWith({ startBeat: 1, pxPerBeat: 100 });
      unmount();
    }
  });

  it('pans with one finger in navigate mode', () => {
    const { surface, intents, onViewport } = lane({ mode: 'navigate' });
    pointerDown(surface, { pointerId: 1, x: 500, y: 200 });
    pointerMove(surface, 300, 300, { pointerId: 1 });
    pointerUp(surface, 300, 300, { pointerId: 1 });
    expect(intents()).toEqual([]);
    expect(onViewport).toHaveBeenLastCalledWith({ startBeat: 2, pxPerBeat: 100 });
  });

  it('pans time with the wheel and zooms with Ctrl and the wheel', () => {
    const { surface, onViewport } = lane();
    fireEvent.wheel(surface, { deltaY: 100, clientX: 300 });
    expect(onViewport).toHaveBeenLastCalledWith({ startBeat: 1, pxPerBeat: 100 });
    fireEvent.wheel(surface, { deltaY: -100, ctrlKey: true, clientX: 300 });
    const zoomed = onViewport.mock.lastCall?.[0];
    expect(zoomed?.pxPerBeat).toBeGreaterThan(100);
    // the beat under the pointer stays there
    expect((zoomed?.startBeat ?? 0) + 300 / (zoomed?.pxPerBeat ?? 1)).toBeCloseTo(3);
  });

  it('pans and zooms with the keys, and edits nothing', () => {
    const { surface, intents, onViewport } = lane();
    fireEvent.keyDown(surface, { key: 'ArrowRight' });
    expect(onViewport).toHaveBeenLastCalledWith({ startBeat: 2.5, pxPerBeat: 100 });
    fireEvent.keyDown(surface, { key: '+' });
    expect(onViewport.mock.lastCall?.[0].pxPerBeat).toBe(150);
    fireEvent.keyDown(surface, { key: 'Delete' });
    expect(intents()).toEqual([]);
  });

  it('fits the loop across its width when it has no viewport yet, and hands that over', () => {
    const { onViewport } = lane({ viewport: null, clip: clipOf(4, { start: 4, end: 8 }) });
    const pxPerBeat = (1000 - 2 * LEFT_MARGIN_PX) / 4;
    expect(onViewport).toHaveBeenCalledWith({ startBeat: 4 - LEFT_MARGIN_PX / pxPerBeat, pxPerBeat });
  });

  it('labels the value axis in Live’s units, a quantized parameter by its items', () => {
    const first = lane();
    const axis = screen.getByRole('list', { name: 'Values' });
    expect(
      within(axis)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['20.0 kHz', '3.56 kHz', '632 Hz', '112 Hz', '20.0 Hz']);
    first.unmount();
    lane({ parameter: FILTER_TYPE, axis: [] });
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Notch',
      'Bandpass',
      'Highpass',
      'Lowpass',
    ]);
  });

  it('says when there is no automation yet, and invites drawing', () => {
    const { surface } = lane({ exists: false, points: [], liveValue: 0.4 });
    expect(surface).toHaveAccessibleName('Frequency automation, none yet');
    expect(screen.getByText('No automation yet: draw to create it')).toBeInTheDocument();
  });

  it('shows the playhead with the live value on it', () => {
    const { container } = lane({ playhead: 2, liveValue: 0.5 });
    expect(container.querySelector('.ls-roll-playhead')).toHaveStyle({ transform: 'translateX(200.0px)' });
    expect(container.querySelector('.ls-env-live-dot')).toHaveStyle({ transform: 'translate(200.0px, 200.0px)' });
  });

  it('announces the readout and shows it by the drawing finger', () => {
    const { surface, container } = lane({ readout: '632 Hz' });
    expect(container.querySelector('[aria-live="polite"]')).toHaveTextContent('632 Hz');
    expect(container.querySelector('.ls-env-readout')).toHaveAttribute('data-at', 'corner');
    pointerDown(surface, { pointerId: 1, x: 250, y: 200 });
    expect(container.querySelector('.ls-env-readout')).toHaveAttribute('data-at', 'finger');
  });

  it('says what it waits for: loading, offline, no parameter', () => {
    const loading = lane({ loading: true });
    expect(screen.getByRole('status')).toHaveTextContent('Reading the automation…');
    expect(loading.surface).toHaveAccessibleName('Frequency automation, loading');
    loading.unmount();
    const offline = lane({ disabled: true });
    expect(screen.getByRole('status')).toHaveTextContent('Live is offline: strokes wait');
    offline.unmount();
    const none = lane({ parameter: null });
    expect(screen.getByRole('status')).toHaveTextContent('Choose a parameter to automate');
    expect(none.surface).toHaveAccessibleName('Automation, no parameter chosen');
  });

  it('shows the editor’s notice with its choices instead of the offline badge', () => {
    const onRetry = vi.fn();
    const onDiscard = vi.fn();
    const onDismiss = vi.fn();
    lane({ disabled: true, notice: 'A stroke waits for Live.', onRetry, onDiscard, onDismiss });
    expect(screen.queryByRole('status')).toBeNull();
    const notice = screen.getByRole('alert');
    expect(notice).toHaveTextContent('A stroke waits for Live.');
    fireEvent.click(within(notice).getByRole('button', { name: 'Retry' }));
    fireEvent.click(within(notice).getByRole('button', { name: 'Discard' }));
    fireEvent.click(within(notice).getByRole('button', { name: 'OK' }));
    expect([onRetry, onDiscard, onDismiss].map((spy) => spy.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('reports its size', () => {
    const onSize = vi.fn();
    lane({ onSize });
    expect(onSize).toHaveBeenCalledWith({ width: 1000, height: 400 });
  });
});
