// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TransportContext } from '../../../machines/transport';
import { fakeActor } from '../../test/fake-actor';
import { doubleTap, drag, pointerDown, pointerMove, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { rendered } from '../../test/render-count';
import { transportSnapshot, type TransportStateValue } from './seed';
import { SongPosition } from './SongPosition';
import { SongTransport } from './SongTransport';
import { TransportBar, type TransportBarProps } from './TransportBar';

const counts = vi.hoisted(() => new Map<string, number>());
vi.mock('./TransportBar', async (importOriginal) => {
  const original = await importOriginal<typeof import('./TransportBar')>();
  const { counted } = await import('../../test/render-count');
  return { ...original, TransportBar: counted(original.TransportBar, 'TransportBar', counts) };
});
vi.mock('./SongPosition', async (importOriginal) => {
  const original = await importOriginal<typeof import('./SongPosition')>();
  const { counted } = await import('../../test/render-count');
  return { ...original, SongPosition: counted(original.SongPosition, 'SongPosition', counts) };
});

const VIEWS = ['TransportBar', 'SongPosition'] as const;

function callbacks() {
  return {
    onPlay: vi.fn(),
    onStop: vi.fn(),
    onArrangementRecord: vi.fn(),
    onSessionRecord: vi.fn(),
    onMetronome: vi.fn(),
    onTempo: vi.fn(),
    onTap: vi.fn(),
    onRetry: vi.fn(),
  };
}

describe.each(RENDER_MODES)('TransportBar (%s)', (_, Mode) => {
  const bar = (props: Partial<TransportBarProps> = {}) => {
    const spies = callbacks();
    const state = props.state ?? 'stopped';
    render(
      <Mode>
        <TransportBar
          state="stopped"
          tempo={120}
          metronome={false}
          sessionRecord={false}
          arrangementRecord={false}
          position={<SongPosition text="3.2.1" state={state} />}
          {...spies}
          {...props}
        />
      </Mode>,
    );
    return { tempo: screen.getByRole('slider', { name: 'Tempo' }), ...spies };
  };

  it('is a group of buttons with plain names, the toggles saying whether they are on', () => {
    bar({ metronome: true, arrangementRecord: true });
    expect(screen.getByRole('group', { name: 'Transport' })).toHaveAttribute('data-state', 'stopped');
    expect(screen.getByRole('button', { name: 'Play' })).not.toHaveAttribute('aria-pressed');
    expect(screen.getByRole('button', { name: 'Stop' })).not.toHaveAttribute('aria-pressed');
    expect(screen.getByRole('button', { name: 'Tap Tempo' })).not.toHaveAttribute('aria-pressed');
    expect(screen.getByRole('button', { name: 'Metronome' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Arrangement Record' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Session Record' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('timer', { name: 'Song position' })).toHaveTextContent('3.2.1');
    expect(screen.getByRole('status')).toHaveTextContent('Stopped');
  });

  it('lights play while the song plays, and says so', () => {
    bar({ state: 'playing' });
    expect(document.querySelector('.ls-transport-play')).toHaveAttribute('data-playing', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Playing');
  });

  it('acts on each button', () => {
    const spies = bar();
    for (const name of ['Play', 'Stop', 'Arrangement Record', 'Session Record', 'Metronome', 'Tap Tempo'])
      pointerDown(screen.getByRole('button', { name }));
    for (const spy of [
      spies.onPlay,
      spies.onStop,
      spies.onArrangementRecord,
      spies.onSessionRecord,
      spies.onMetronome,
      spies.onTap,
    ])
      expect(spy).toHaveBeenCalledTimes(1);
  });

  it('shows the tempo as a slider in BPM', () => {
    const { tempo } = bar({ tempo: 128.5 });
    expect(tempo).toHaveAttribute('aria-valuemin', '20');
    expect(tempo).toHaveAttribute('aria-valuemax', '999');
    expect(tempo).toHaveAttribute('aria-valuenow', '128.5');
    expect(tempo).toHaveAttribute('aria-valuetext', '128.50 BPM');
    expect(tempo).toHaveTextContent('128.50');
  });

  it('drags the tempo relative to where it was, a whole BPM every 4 px', () => {
    const { tempo, onTempo } = bar();
    drag(tempo, 0, -40);
    expect(onTempo).toHaveBeenLastCalledWith(130);
    drag(tempo, 0, 18);
    expect(onTempo).toHaveBeenLastCalledWith(116);
  });

  it('keeps the hundredths of a tempo through a coarse drag', () => {
    const { tempo, onTempo } = bar({ tempo: 128.47 });
    drag(tempo, 0, -9);
    expect(onTempo).toHaveBeenLastCalledWith(130.47);
  });

  it('drags ten times finer with Shift or a second finger, without a jump', () => {
    const { tempo, onTempo } = bar();
    drag(tempo, 0, -44, { shiftKey: true });
    expect(onTempo).toHaveBeenLastCalledWith(121.1);

    pointerDown(tempo, { pointerId: 1, x: 10, y: 100 });
    pointerMove(tempo, 10, 80, { pointerId: 1 });
    expect(onTempo).toHaveBeenLastCalledWith(125);
    pointerDown(tempo, { pointerId: 2, x: 60, y: 100 });
    pointerMove(tempo, 10, 60, { pointerId: 1 });
    expect(onTempo).toHaveBeenLastCalledWith(125.5);
    // the second finger lifts: coarse again, from where it is
    pointerUp(tempo, 60, 100, { pointerId: 2 });
    pointerMove(tempo, 10, 52, { pointerId: 1 });
    expect(onTempo).toHaveBeenLastCalledWith(127.5);
    pointerUp(tempo, 10, 52, { pointerId: 1 });
  });

  it('goes back to 120 on a double tap', () => {
    const { tempo, onTempo } = bar({ tempo: 93 });
    doubleTap(tempo);
    expect(onTempo).toHaveBeenCalledTimes(1);
    expect(onTempo).toHaveBeenCalledWith(120);
  });

  it('works from the keyboard: arrows a BPM, Shift a tenth, Page ten, Delete back to 120', () => {
    const { tempo, onTempo } = bar();
    fireEvent.keyDown(tempo, { key: 'ArrowUp' });
    expect(onTempo).toHaveBeenLastCalledWith(121);
    fireEvent.keyDown(tempo, { key: 'ArrowDown', shiftKey: true });
    expect(onTempo).toHaveBeenLastCalledWith(119.9);
    fireEvent.keyDown(tempo, { key: 'PageUp' });
    expect(onTempo).toHaveBeenLastCalledWith(130);
    fireEvent.keyDown(tempo, { key: 'Delete' });
    expect(onTempo).toHaveBeenLastCalledWith(120);
  });

  it('takes nothing while loading, and shows no position yet', () => {
    const { tempo, onTempo, onPlay } = bar({ state: 'loading' });
    expect(screen.getByRole('group', { name: 'Transport' })).toHaveAttribute('aria-busy', 'true');
    expect(tempo).toHaveAttribute('aria-valuetext', 'Loading');
    expect(tempo).toHaveAttribute('aria-disabled', 'true');
    expect(tempo).toHaveAttribute('tabindex', '-1');
    drag(tempo, 0, -40);
    fireEvent.keyDown(tempo, { key: 'ArrowUp' });
    pointerDown(screen.getByRole('button', { name: 'Play (Loading)' }));
    expect(onTempo).not.toHaveBeenCalled();
    expect(onPlay).not.toHaveBeenCalled();
    expect(screen.getByRole('timer')).toHaveTextContent('–.–.–');
  });

  it('says why it failed and offers a retry when one is given', () => {
    const { onRetry, onStop } = bar({ state: 'failed', error: 'Live is offline' });
    expect(screen.getByText('Live is offline')).toBeInTheDocument();
    pointerDown(screen.getByRole('button', { name: 'Stop (Failed)' }));
    expect(onStop).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Retry Transport' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('SongTransport', () => {
  beforeEach(() => counts.clear());
  const snapshot = (value: TransportStateValue, context: Partial<TransportContext> = {}) =>
    transportSnapshot(value, context);

  it.each(RENDER_MODES)('shows the transport actor and sends each press as its event (%s)', (_, Mode) => {
    const fake = fakeActor(snapshot({ ready: 'stopped' }, { tempo: 98, songTime: 6.5 }));
    render(
      <Mode>
        <SongTransport actor={fake.actor} />
      </Mode>,
    );
    expect(screen.getByRole('slider', { name: 'Tempo' })).toHaveAttribute('aria-valuetext', '98.00 BPM');
    expect(screen.getByRole('timer')).toHaveTextContent('2.3.3');
    for (const name of ['Play', 'Stop', 'Arrangement Record', 'Session Record', 'Metronome', 'Tap Tempo'])
      pointerDown(screen.getByRole('button', { name }));
    expect(fake.sent).toEqual([
      { type: 'ui.play' },
      { type: 'ui.stop' },
      { type: 'ui.arrangementRecord' },
      { type: 'ui.sessionRecord' },
      { type: 'ui.metronome' },
      { type: 'ui.tap' },
    ]);
    fake.sent.length = 0;
    drag(screen.getByRole('slider', { name: 'Tempo' }), 0, -8);
    expect(fake.sent.at(-1)).toEqual({ type: 'ui.tempo', bpm: 100 });
  });

  it('follows the actor’s states', () => {
    const fake = fakeActor(snapshot('loading', { received: [] }));
    render(<SongTransport actor={fake.actor} />);
    expect(screen.getByRole('group', { name: 'Transport' })).toHaveAttribute('data-state', 'loading');
    act(() => fake.emit(snapshot({ ready: 'playing' }, { playing: true, metronome: true })));
    expect(screen.getByRole('group', { name: 'Transport' })).toHaveAttribute('data-state', 'playing');
    expect(screen.getByRole('button', { name: 'Metronome' })).toHaveAttribute('aria-pressed', 'true');
    act(() => fake.emit(snapshot('failed', { error: { code: 'unavailable', message: 'Live is offline' } })));
    expect(screen.getByRole('group', { name: 'Transport' })).toHaveAttribute('data-state', 'failed');
    expect(screen.getByText('Live is offline')).toBeInTheDocument();
  });

  it('re-renders the position alone as the song plays, and only when its sixteenth changes', () => {
    const fake = fakeActor(snapshot({ ready: 'playing' }, { playing: true, songTime: 0 }));
    const commits = vi.fn();
    render(
      <Profiler id="transport" onRender={commits}>
        <SongTransport actor={fake.actor} />
      </Profiler>,
    );
    expect(commits).toHaveBeenCalledTimes(1);
    counts.clear();

    // within the same sixteenth: nothing to show, nothing rendered
    act(() => fake.emit(snapshot({ ready: 'playing' }, { playing: true, songTime: 0.1 })));
    expect(commits).toHaveBeenCalledTimes(1);
    act(() => fake.emit(snapshot({ ready: 'playing' }, { playing: true, songTime: 0.3 })));
    expect(screen.getByRole('timer')).toHaveTextContent('1.1.2');
    expect(commits).toHaveBeenCalledTimes(2);
    expect(rendered(counts, VIEWS)).toEqual({ TransportBar: 0, SongPosition: 1 });

    counts.clear();
    act(() => fake.emit(snapshot({ ready: 'playing' }, { playing: true, songTime: 0.3, tempo: 140 })));
    expect(rendered(counts, VIEWS)).toEqual({ TransportBar: 1, SongPosition: 0 });
  });
});
