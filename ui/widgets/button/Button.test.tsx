// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { parameterSnapshot } from '../../fake-studio/seed';
import { fakeActor } from '../../test/fake-actor';
import { pointerDown, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { Button, type ButtonProps } from './Button';
import { ParameterButton } from './ParameterButton';
import { ParameterToggle } from './ParameterToggle';
import { ToggleCell } from './ToggleCell';

describe.each(RENDER_MODES)('Button (%s)', (_, Mode) => {
  const button = (props: Partial<ButtonProps> = {}) => {
    const spies = { onChange: vi.fn(), onTrigger: vi.fn(), onRetry: vi.fn() };
    render(
      <Mode>
        <Button label="Mute" {...spies} {...props} />
      </Mode>,
    );
    return { element: screen.getAllByRole('button')[0] as HTMLElement, ...spies };
  };

  it('toggles: aria-pressed shows it, a touch asks for the other value at once, once', async () => {
    const { element, onChange } = button({ on: true });
    expect(element).toHaveAttribute('aria-pressed', 'true');
    expect(element).toHaveAttribute('data-on');
    pointerDown(element);
    expect(onChange).toHaveBeenCalledWith(false);
    pointerUp(element, 0, 0);
    await userEvent.click(element);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('toggles from the keyboard', async () => {
    const { element, onChange } = button();
    element.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('is on while held when momentary, whatever ends the hold', () => {
    const { element, onChange } = button({ kind: 'momentary' });
    pointerDown(element);
    expect(onChange).toHaveBeenLastCalledWith(true);
    expect(element).toHaveAttribute('aria-pressed', 'true');
    fireEvent.pointerCancel(element, { pointerId: 1 });
    expect(onChange).toHaveBeenLastCalledWith(false);
    expect(element).toHaveAttribute('aria-pressed', 'false');
    pointerDown(element);
    fireEvent.lostPointerCapture(element, { pointerId: 1 });
    expect(onChange).toHaveBeenCalledTimes(4);
    // a second finger on a held button does nothing more
    pointerDown(element, { pointerId: 1 });
    pointerDown(element, { pointerId: 2 });
    pointerUp(element, 0, 0, { pointerId: 2 });
    expect(onChange).toHaveBeenCalledTimes(5);
  });

  it('triggers once per press, with no pressed state', async () => {
    const { element, onTrigger } = button({ kind: 'trigger', label: 'Play' });
    expect(element).not.toHaveAttribute('aria-pressed');
    await userEvent.click(element);
    element.focus();
    await userEvent.keyboard('{Enter}');
    expect(onTrigger).toHaveBeenCalledTimes(2);
    expect(document.querySelector('.ls-button-flash')).not.toBeNull();
  });

  it('takes no presses when disabled, keeping its plain name', async () => {
    const { element, onTrigger } = button({ kind: 'trigger', label: 'Next bank', disabled: true });
    expect(element).toHaveAccessibleName('Next bank');
    expect(element).toHaveAttribute('aria-disabled', 'true');
    pointerDown(element);
    element.focus();
    await userEvent.keyboard('{Enter}');
    expect(onTrigger).not.toHaveBeenCalled();
  });

  it('takes no presses unless ready, and says why in its name', async () => {
    for (const [state, name] of [
      ['loading', 'Mute (Loading)'],
      ['gone', 'Mute (Deleted in Live)'],
      ['idle', 'Mute (Unassigned)'],
    ] as const) {
      const { onChange } = button({ state });
      const element = screen.getByRole('button', { name });
      expect(element).toHaveAttribute('aria-disabled', 'true');
      pointerDown(element);
      await userEvent.click(element);
      expect(onChange).not.toHaveBeenCalled();
      document.body.innerHTML = '';
    }
    const { onRetry } = button({ state: 'failed' });
    await userEvent.click(screen.getByRole('button', { name: 'Retry Mute' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('ParameterButton', () => {
  const snapshot = (value: number, state: Parameters<typeof parameterSnapshot>[0] = { bound: 'ready' }) =>
    parameterSnapshot(state, { name: 'Device On', value, min: 0, max: 1, quantized: true, items: ['Off', 'On'] });

  it.each(RENDER_MODES)('is on above the minimum and frames each press with touch and release (%s)', (_, Mode) => {
    const fake = fakeActor(snapshot(1));
    render(
      <Mode>
        <ParameterButton actor={fake.actor} />
      </Mode>,
    );
    const element = screen.getByRole('button', { name: 'Device On' });
    expect(element).toHaveAttribute('aria-pressed', 'true');
    pointerDown(element);
    expect(fake.sent).toEqual([{ type: 'ui.touch' }, { type: 'ui.change', value: 0 }, { type: 'ui.release' }]);
    act(() => fake.emit(snapshot(0)));
    expect(element).toHaveAttribute('aria-pressed', 'false');
  });

  it('follows the parameter’s state', () => {
    const fake = fakeActor(snapshot(0, 'loading'));
    render(<ParameterButton actor={fake.actor} label="Filter" />);
    expect(screen.getByRole('button', { name: 'Filter (Loading)' })).toHaveAttribute('aria-busy', 'true');
    act(() => fake.emit(snapshot(0, 'gone')));
    expect(screen.getByRole('button', { name: 'Filter (Deleted in Live)' })).toHaveAttribute('aria-disabled', 'true');
  });
});

describe.each(RENDER_MODES)('ToggleCell and ParameterToggle (%s)', (_, Mode) => {
  it('shows Live’s text for the value on a switch named by the parameter, its name beneath', async () => {
    const onChange = vi.fn();
    render(
      <Mode>
        <ToggleCell label="Freeze" on={false} text="Off" onChange={onChange} />
      </Mode>,
    );
    const button = screen.getByRole('button', { name: 'Freeze' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(button).toHaveTextContent('Off');
    expect(screen.getByText('Freeze', { selector: '.ls-label' })).toBeInTheDocument();
    await userEvent.click(button);
    pointerDown(button);
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('on its parameter: the item for the value until Live says its text, and presses framed as touches', () => {
    const snapshot = (value: number, display: string | null) =>
      parameterSnapshot(
        { bound: 'ready' },
        { name: 'Mode', value, min: 0, max: 1, quantized: true, items: ['Stereo', 'Ping Pong'], display },
      );
    const fake = fakeActor(snapshot(1, null));
    render(
      <Mode>
        <ParameterToggle actor={fake.actor} />
      </Mode>,
    );
    const button = screen.getByRole('button', { name: 'Mode' });
    expect(button).toHaveTextContent('Ping Pong');
    expect(button).toHaveAttribute('aria-pressed', 'true');
    pointerDown(button);
    expect(fake.sent).toEqual([{ type: 'ui.touch' }, { type: 'ui.change', value: 0 }, { type: 'ui.release' }]);
    act(() => fake.emit(snapshot(0, 'Stereo')));
    expect(button).toHaveTextContent('Stereo');
    expect(button).toHaveAttribute('aria-pressed', 'false');
  });
});
