// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RENDER_MODES } from '../../test/render-modes';
import { EnvelopeToolbar, type EnvelopeToolbarProps } from './EnvelopeToolbar';

function callbacks() {
  return {
    onTool: vi.fn(),
    onGrid: vi.fn(),
    onMode: vi.fn(),
    onUndo: vi.fn(),
    onRedo: vi.fn(),
    onClear: vi.fn(),
    onChooseParameter: vi.fn(),
  };
}

describe.each(RENDER_MODES)('EnvelopeToolbar (%s)', (_, Mode) => {
  const toolbar = (props: Partial<EnvelopeToolbarProps> = {}) => {
    const spies = callbacks();
    const view = render(
      <Mode>
        <EnvelopeToolbar
          tool="draw"
          quantized={false}
          canErase
          eraseWhyNot={null}
          grid={0.25}
          mode="edit"
          canUndo
          canRedo={false}
          exists
          parameterLabel="Auto Filter › Frequency"
          {...spies}
          {...props}
        />
      </Mode>,
    );
    const bar = screen.getByRole('toolbar', { name: 'Automation editor' });
    const button = (name: string) => within(bar).getByRole('button', { name });
    const radio = (name: string) => within(bar).getByRole('radio', { name });
    return { ...view, ...spies, bar, button, radio };
  };

  it('leads with the parameter, which opens the picker', () => {
    const { bar, onChooseParameter } = toolbar();
    const first = within(bar).getAllByRole('button')[0];
    expect(first).toHaveAccessibleName('Auto Filter › Frequency');
    expect(first).toHaveAttribute('aria-haspopup', 'dialog');
    if (first) fireEvent.click(first);
    expect(onChooseParameter).toHaveBeenCalledOnce();
  });

  it('offers the tools as one radio group, the chosen one checked', () => {
    const { bar, radio, onTool } = toolbar({ tool: 'ramp' });
    const group = within(bar).getByRole('radiogroup', { name: 'Tool' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((one) => one.getAttribute('aria-label')),
    ).toEqual(['Draw', 'Step', 'Ramp', 'Erase']);
    expect(radio('Ramp')).toHaveAttribute('aria-checked', 'true');
    expect(radio('Draw')).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(radio('Step'));
    expect(onTool).toHaveBeenCalledWith('step');
    fireEvent.keyDown(radio('Ramp'), { key: 'ArrowRight' });
    expect(onTool).toHaveBeenLastCalledWith('erase');
  });

  it('marks the step tool as the one for a quantized parameter', () => {
    const { radio } = toolbar({ quantized: true });
    expect(radio('Step')).toHaveAccessibleDescription('Suits this parameter: its values are steps');
    expect(radio('Draw')).toHaveAccessibleDescription('Draw freehand: steps at the grid');
  });

  it('disables erase where Live cannot, and says why', () => {
    const why = 'Live 11 cannot erase a range: draw over it instead';
    const { radio, onTool } = toolbar({ canErase: false, eraseWhyNot: why, tool: 'ramp' });
    expect(radio('Erase')).toBeDisabled();
    expect(radio('Erase')).toHaveAccessibleDescription(why);
    expect(radio('Erase')).toHaveAttribute('title', why);
    // the arrows skip it
    fireEvent.keyDown(radio('Ramp'), { key: 'ArrowRight' });
    expect(onTool).toHaveBeenLastCalledWith('draw');
  });

  it('clears only once asked and answered: one tap does not clear', () => {
    const { button, bar, onClear } = toolbar();
    fireEvent.click(button('Clear automation'));
    expect(onClear).not.toHaveBeenCalled();
    const question = within(bar).getByRole('group', { name: 'Confirm clearing' });
    expect(question).toHaveTextContent('Clear all automation of Auto Filter › Frequency?');
    expect(within(question).getByRole('button', { name: 'Keep' })).toHaveFocus();
    fireEvent.click(within(question).getByRole('button', { name: 'Keep' }));
    expect(onClear).not.toHaveBeenCalled();
    expect(within(bar).queryByRole('group', { name: 'Confirm clearing' })).toBeNull();
    fireEvent.click(button('Clear automation'));
    fireEvent.click(button('Clear'));
    expect(onClear).toHaveBeenCalledOnce();
    expect(button('Clear automation')).toHaveFocus();
  });

  it('has nothing to clear without automation, and nothing that changes the clip offline', () => {
    const empty = toolbar({ exists: false });
    expect(empty.button('Clear automation')).toBeDisabled();
    empty.unmount();
    const offline = toolbar({ disabled: true, canRedo: true });
    for (const name of ['Clear automation', 'Undo', 'Redo']) expect(offline.button(name)).toBeDisabled();
    expect(offline.radio('Ramp')).toBeEnabled();
    expect(offline.button('Navigate')).toBeEnabled();
  });

  it('undoes and redoes, switches mode, chooses the grid', () => {
    const { button, bar, onUndo, onMode, onGrid } = toolbar();
    fireEvent.click(button('Undo'));
    expect(onUndo).toHaveBeenCalledOnce();
    expect(button('Redo')).toBeDisabled();
    expect(button('Edit automation')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(button('Navigate'));
    expect(onMode).toHaveBeenCalledWith('navigate');
    fireEvent.change(within(bar).getByRole('combobox', { name: 'Grid' }), { target: { value: '1/8T' } });
    expect(onGrid).toHaveBeenCalledWith(1 / 3);
  });

  it('can start with the question asked', () => {
    const { bar } = toolbar({ confirmingClear: true });
    expect(within(bar).getByRole('group', { name: 'Confirm clearing' })).toBeInTheDocument();
  });
});
