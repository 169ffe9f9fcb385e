// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TransportContext } from '../../../machines/transport';
import { transportView } from '../../connect/use-transport';
import { fakeActor } from '../../test/fake-actor';
import { pointerDown } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { transportSnapshot } from './seed';
import { SongPosition } from './SongPosition';
import { SongTransport } from './SongTransport';
import { TransportBar, type TransportBarProps } from './TransportBar';

const CUES = [
  { target: 'id 91', name: 'Intro', position: '1.1.1' },
  { target: 'id 92', name: 'Drop', position: '9.1.1' },
];

function callbacks() {
  return {
    onStopAllClips: vi.fn(),
    onQuantization: vi.fn(),
    onUndo: vi.fn(),
    onRedo: vi.fn(),
    onLoop: vi.fn(),
    onLoopStart: vi.fn(),
    onLoopLength: vi.fn(),
    onPunchIn: vi.fn(),
    onPunchOut: vi.fn(),
    onCaptureMidi: vi.fn(),
    onPrevCue: vi.fn(),
    onNextCue: vi.fn(),
    onJumpToCue: vi.fn(),
    onSetOrDeleteCue: vi.fn(),
    onDismissNotice: vi.fn(),
  };
}

describe.each(RENDER_MODES)('the transport bar’s other controls (%s)', (_, Mode) => {
  const bar = (props: Partial<TransportBarProps> = {}) => {
    const spies = callbacks();
    render(
      <Mode>
        <TransportBar
          state="stopped"
          tempo={120}
          metronome={false}
          sessionRecord={false}
          arrangementRecord={false}
          cues={CUES}
          position={<SongPosition text="1.1.1" state="stopped" />}
          {...spies}
          {...props}
        />
      </Mode>,
    );
    return spies;
  };
  const button = (name: string) => screen.getByRole('button', { name });

  it('stops all clips, undoes and redoes, and switches loop and punch', () => {
    const spies = bar({ loop: true, punchOut: true });
    for (const name of ['Stop All Clips', 'Undo', 'Redo', 'Loop', 'Punch In', 'Punch Out']) pointerDown(button(name));
    for (const spy of [
      spies.onStopAllClips,
      spies.onUndo,
      spies.onRedo,
      spies.onLoop,
      spies.onPunchIn,
      spies.onPunchOut,
    ])
      expect(spy).toHaveBeenCalledTimes(1);
    expect(button('Loop')).toHaveAttribute('aria-pressed', 'true');
    expect(button('Punch In')).toHaveAttribute('aria-pressed', 'false');
    expect(button('Punch Out')).toHaveAttribute('aria-pressed', 'true');
  });

  it('captures MIDI and jumps between cues only when Live says it can', () => {
    const spies = bar({ canCaptureMidi: false, canJumpPrev: false, canJumpNext: true });
    for (const name of ['Capture MIDI', 'Previous Cue', 'Next Cue']) pointerDown(button(name));
    expect(button('Capture MIDI')).toHaveAttribute('aria-disabled', 'true');
    expect(button('Previous Cue')).toHaveAttribute('aria-disabled', 'true');
    expect(spies.onCaptureMidi).not.toHaveBeenCalled();
    expect(spies.onPrevCue).not.toHaveBeenCalled();
    expect(spies.onNextCue).toHaveBeenCalledTimes(1);
  });

  it('picks the global quantization from Live’s names, and closes', () => {
    const { onQuantization } = bar({ quantization: 4 });
    const picker = button('Quantization: 1 Bar');
    expect(picker).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(picker);
    const list = screen.getByRole('listbox', { name: 'Quantization' });
    const options = within(list).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'None',
      '8 Bars',
      '4 Bars',
      '2 Bars',
      '1 Bar',
      '1/2',
      '1/2T',
      '1/4',
      '1/4T',
      '1/8',
      '1/8T',
      '1/16',
      '1/16T',
      '1/32',
    ]);
    expect(within(list).getByRole('option', { name: '1 Bar' })).toHaveAttribute('aria-selected', 'true');
    fireEvent.click(within(list).getByRole('option', { name: '1/16T' }));
    expect(onQuantization).toHaveBeenCalledWith(12);
    expect(screen.queryByRole('listbox')).toBeNull();
    // Escape, or a touch elsewhere, closes it without a choice
    fireEvent.click(picker);
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.click(picker);
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onQuantization).toHaveBeenCalledTimes(1);
  });

  it('shows the loop region as Live writes it and steps it by bars', () => {
    const { onLoopStart, onLoopLength } = bar({ loopStart: '5.1.1', loopLength: '4.0.0' });
    fireEvent.click(button('Loop Region: from 5.1.1, 4.0.0 long'));
    const region = screen.getByRole('dialog', { name: 'Loop Region' });
    expect(within(region).getByRole('status', { name: 'Loop Start' })).toHaveTextContent('5.1.1');
    expect(within(region).getByRole('status', { name: 'Loop Length' })).toHaveTextContent('4.0.0');
    pointerDown(button('Loop Start a Bar Later'));
    pointerDown(button('Loop Start a Bar Earlier'));
    pointerDown(button('Loop a Bar Longer'));
    expect(onLoopStart.mock.calls).toEqual([[1], [-1]]);
    expect(onLoopLength.mock.calls).toEqual([[1]]);
  });

  it('lists the cue points with their positions, jumps to one, and sets or deletes a cue', () => {
    const { onJumpToCue, onSetOrDeleteCue } = bar();
    fireEvent.click(button('Cue Points (2)'));
    const list = screen.getByRole('dialog', { name: 'Cue Points' });
    pointerDown(within(list).getByRole('button', { name: 'Set or Delete Cue' }));
    expect(onSetOrDeleteCue).toHaveBeenCalledTimes(1);
    fireEvent.click(within(list).getByRole('button', { name: 'Jump to Drop (9.1.1)' }));
    expect(onJumpToCue).toHaveBeenCalledWith('id 92');
    expect(screen.queryByRole('dialog', { name: 'Cue Points' })).toBeNull();
  });

  it('says so when the set has no cue points', () => {
    bar({ cues: [], open: 'cues' });
    expect(screen.getByText('No cue points in this set')).toBeInTheDocument();
  });

  it('keeps the less used controls behind More when compact, working the same', () => {
    const { onQuantization, onUndo } = bar({ layout: 'compact' });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(button('Stop All Clips')).toBeInTheDocument();
    fireEvent.click(button('More'));
    const sheet = screen.getByRole('dialog', { name: 'More Transport Controls' });
    pointerDown(within(sheet).getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledTimes(1);
    fireEvent.click(within(sheet).getByRole('button', { name: 'Quantization: 1 Bar' }));
    fireEvent.click(within(sheet).getByRole('option', { name: '1/4' }));
    expect(onQuantization).toHaveBeenCalledWith(7);
    // the sheet stays open while its own chooser closes
    expect(screen.getByRole('dialog', { name: 'More Transport Controls' })).toBeInTheDocument();
  });

  it('keeps the metronome and tap tempo behind More too when tight, working the same, its dot lit by the metronome', () => {
    const onMetronome = vi.fn();
    const onTap = vi.fn();
    bar({ layout: 'tight', metronome: true, onMetronome, onTap });
    expect(screen.getByRole('group', { name: 'Transport' })).toHaveAttribute('data-layout', 'tight');
    expect(screen.queryByRole('button', { name: 'Metronome' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tap Tempo' })).toBeNull();
    for (const name of ['Play', 'Stop', 'Arrangement Record', 'Session Record', 'Stop All Clips'])
      expect(button(name)).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Tempo' })).toBeInTheDocument();
    expect(document.querySelector('.ls-transport-more-lit')).not.toBeNull();
    fireEvent.click(button('More'));
    const sheet = screen.getByRole('dialog', { name: 'More Transport Controls' });
    expect(within(sheet).getByRole('button', { name: 'Metronome' })).toHaveAttribute('aria-pressed', 'true');
    pointerDown(within(sheet).getByRole('button', { name: 'Metronome' }));
    pointerDown(within(sheet).getByRole('button', { name: 'Tap Tempo' }));
    expect(onMetronome).toHaveBeenCalledTimes(1);
    expect(onTap).toHaveBeenCalledTimes(1);
    expect(within(sheet).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('keeps the metronome beside the tempo when compact, and no dot on More', () => {
    bar({ layout: 'compact', metronome: true });
    expect(button('Metronome')).toHaveAttribute('aria-pressed', 'true');
    expect(button('Tap Tempo')).toBeInTheDocument();
    expect(document.querySelector('.ls-transport-more-lit')).toBeNull();
  });

  it('tells what Live answered, a refusal as an alert, and a tap lets it go', () => {
    const { onDismissNotice } = bar({ notice: { id: 3, text: 'Live refused Capture MIDI: nothing', kind: 'refused' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Live refused Capture MIDI: nothing');
    fireEvent.click(button('Dismiss'));
    expect(onDismissNotice).toHaveBeenCalledTimes(1);
  });

  it('opens nothing while the transport cannot be used', () => {
    bar({ state: 'loading' });
    fireEvent.click(button('Quantization: 1 Bar'));
    fireEvent.click(button('Cue Points (2)'));
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the transport’s view of its actor', () => {
  const context = (more: Partial<TransportContext>) => transportSnapshot({ ready: 'stopped' }, more);

  it('writes the loop and the cues’ times in the song’s signature', () => {
    const cues = [{ target: 'id 92', name: 'Drop', time: 24 }];
    const view = transportView(context({ loopStart: 12, loopLength: 6, numerator: 6, denominator: 8, cues }));
    expect(view).toMatchObject({ loopStart: '5.1.1', loopLength: '2.0.0' });
    expect(view.cues).toEqual([{ target: 'id 92', name: 'Drop', position: '9.1.1' }]);
    // the same cues give the same list: nothing re-renders for them
    expect(transportView(context({ cues, numerator: 6, denominator: 8, tempo: 90 })).cues).toBe(view.cues);
  });

  it('sends each new control as its event', () => {
    const fake = fakeActor(context({ canCaptureMidi: true, canJumpPrev: true, canJumpNext: true }));
    render(<SongTransport actor={fake.actor} />);
    for (const name of ['Stop All Clips', 'Undo', 'Redo', 'Loop', 'Punch In', 'Punch Out', 'Capture MIDI'])
      pointerDown(screen.getByRole('button', { name }));
    for (const name of ['Previous Cue', 'Next Cue']) pointerDown(screen.getByRole('button', { name }));
    expect(fake.sent.map((event) => event.type)).toEqual([
      'ui.stopAllClips',
      'ui.undo',
      'ui.redo',
      'ui.loop',
      'ui.punchIn',
      'ui.punchOut',
      'ui.captureMidi',
      'ui.prevCue',
      'ui.nextCue',
    ]);
  });
});
