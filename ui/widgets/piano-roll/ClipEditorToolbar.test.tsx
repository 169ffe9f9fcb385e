// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RENDER_MODES } from '../../test/render-modes';
import { ClipEditorToolbar, gridLabel, type ClipEditorToolbarProps } from './ClipEditorToolbar';

function callbacks() {
  return {
    onMode: vi.fn(),
    onGrid: vi.fn(),
    onFollow: vi.fn(),
    onFit: vi.fn(),
    onDelete: vi.fn(),
    onDuplicate: vi.fn(),
    onTranspose: vi.fn(),
    onQuantize: vi.fn(),
    onMute: vi.fn(),
    onLoopLength: vi.fn(),
    onUndo: vi.fn(),
    onRedo: vi.fn(),
    onSoundNotes: vi.fn(),
    onVelocityLane: vi.fn(),
  };
}

describe.each(RENDER_MODES)('ClipEditorToolbar (%s)', (_, Mode) => {
  const toolbar = (props: Partial<ClipEditorToolbarProps> = {}) => {
    const spies = callbacks();
    render(
      <Mode>
        <ClipEditorToolbar
          mode="edit"
          grid={0.25}
          follow={false}
          selected={2}
          canUndo
          canRedo={false}
          soundNotes
          velocityLane={false}
          {...spies}
          {...props}
        />
      </Mode>,
    );
    const bar = screen.getByRole('toolbar', { name: 'Clip editor' });
    const button = (name: string) => within(bar).getByRole('button', { name });
    return { ...spies, bar, button };
  };

  it('switches between editing and navigating, the mode shown pressed', () => {
    const { button, onMode } = toolbar();
    expect(button('Edit notes')).toHaveAttribute('aria-pressed', 'true');
    expect(button('Navigate')).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(button('Navigate'));
    expect(onMode).toHaveBeenCalledWith('navigate');
  });

  it('offers the grids, triplets and off', () => {
    const { bar, onGrid } = toolbar();
    const grid = within(bar).getByRole('combobox', { name: 'Grid' });
    expect(grid).toHaveValue('1/16');
    expect(
      within(grid)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['1/4', '1/8', '1/16', '1/32', '1/8T', '1/16T', '1/32T', 'Off']);
    fireEvent.change(grid, { target: { value: '1/16T' } });
    expect(onGrid).toHaveBeenLastCalledWith(1 / 6);
    fireEvent.change(grid, { target: { value: 'Off' } });
    expect(onGrid).toHaveBeenLastCalledWith(null);
    expect(gridLabel(1 / 3)).toBe('1/8T');
  });

  it('calls back for every action on the selection', () => {
    const t = toolbar({ selectionMuted: true });
    fireEvent.click(t.button('Delete notes'));
    fireEvent.click(t.button('Duplicate notes'));
    fireEvent.click(t.button('Transpose down an octave'));
    fireEvent.click(t.button('Transpose up a semitone'));
    fireEvent.click(t.button('Quantize notes'));
    fireEvent.click(t.button('Mute notes'));
    expect(t.onDelete).toHaveBeenCalledTimes(1);
    expect(t.onDuplicate).toHaveBeenCalledTimes(1);
    expect(t.onTranspose.mock.calls).toEqual([[-12], [1]]);
    expect(t.onQuantize).toHaveBeenCalledTimes(1);
    expect(t.button('Mute notes')).toHaveAttribute('aria-pressed', 'true');
    expect(t.onMute).toHaveBeenCalledWith(false);
  });

  it('fits, follows, doubles and halves the loop, undoes', () => {
    const t = toolbar({ follow: true });
    fireEvent.click(t.button('Fit the clip'));
    fireEvent.click(t.button('Fit the loop'));
    expect(t.onFit.mock.calls).toEqual([['clip'], ['loop']]);
    expect(t.button('Follow the playhead')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(t.button('Follow the playhead'));
    expect(t.onFollow).toHaveBeenCalledWith(false);
    fireEvent.click(t.button('Double the loop'));
    fireEvent.click(t.button('Halve the loop'));
    expect(t.onLoopLength.mock.calls).toEqual([[2], [0.5]]);
    fireEvent.click(t.button('Undo'));
    expect(t.onUndo).toHaveBeenCalledTimes(1);
    expect(t.button('Redo')).toBeDisabled();
  });

  it('toggles sounding notes and the velocity lane', () => {
    const t = toolbar();
    expect(t.button('Sound notes while editing')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(t.button('Sound notes while editing'));
    fireEvent.click(t.button('Velocity lane'));
    expect(t.onSoundNotes).toHaveBeenCalledWith(false);
    expect(t.onVelocityLane).toHaveBeenCalledWith(true);
  });

  it('waits for a selection before the note actions', () => {
    const { button } = toolbar({ selected: 0 });
    for (const name of ['Delete notes', 'Duplicate notes', 'Transpose up an octave', 'Quantize notes', 'Mute notes'])
      expect(button(name)).toBeDisabled();
    expect(button('Double the loop')).toBeEnabled();
  });

  it('offline, changes nothing in the clip but still moves the view', () => {
    const { button } = toolbar({ disabled: true, canRedo: true });
    for (const name of ['Delete notes', 'Double the loop', 'Undo', 'Redo']) expect(button(name)).toBeDisabled();
    for (const name of ['Fit the clip', 'Follow the playhead', 'Navigate', 'Velocity lane'])
      expect(button(name)).toBeEnabled();
  });
});
