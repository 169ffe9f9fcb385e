// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { parameterSnapshot } from '../../fake-studio/seed';
import { fakeActor } from '../../test/fake-actor';
import { doubleTap, drag } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { Fader, type FaderProps } from './Fader';
import { ParameterFader } from './ParameterFader';

describe.each(RENDER_MODES)('Fader (%s)', (_, Mode) => {
  const fader = (props: Partial<FaderProps> = {}) => {
    const spies = { onStart: vi.fn(), onChange: vi.fn(), onCommit: vi.fn(), onReset: vi.fn(), onRetry: vi.fn() };
    render(
      <Mode>
        <Fader label="Volume" value={0.5} display="-6.0 dB" {...spies} {...props} />
      </Mode>,
    );
    return { slider: screen.getByRole('slider', { name: 'Volume' }), ...spies };
  };

  it('is a vertical slider with Live’s text for its value', () => {
    const { slider } = fader();
    expect(slider).toHaveAttribute('aria-orientation', 'vertical');
    expect(slider).toHaveAttribute('aria-valuenow', '0.5');
    expect(slider).toHaveAttribute('aria-valuetext', '-6.0 dB');
  });

  it('moves up with an upward drag, and right with a rightward one when horizontal', () => {
    const vertical = fader();
    drag(vertical.slider, 0, -50);
    expect(vertical.onChange.mock.lastCall?.[0]).toBeGreaterThan(0.5);
    drag(vertical.slider, 0, 200);
    expect(vertical.onChange.mock.lastCall?.[0]).toBeLessThan(0.5);
    document.body.innerHTML = '';

    const horizontal = fader({ orientation: 'horizontal' });
    expect(horizontal.slider).toHaveAttribute('aria-orientation', 'horizontal');
    drag(horizontal.slider, 50, 0);
    expect(horizontal.onChange.mock.lastCall?.[0]).toBeGreaterThan(0.5);
    expect(horizontal.onStart).toHaveBeenCalledTimes(1);
    expect(horizontal.onCommit).toHaveBeenCalledTimes(1);
  });

  it('fills from the middle when its range crosses zero', () => {
    fader({ min: -1, max: 1, value: -0.5 });
    const root = document.querySelector('.ls-fader') as HTMLElement;
    expect(root.style.getPropertyValue('--ls-fill-start')).toBe('0.2500');
    expect(root.style.getPropertyValue('--ls-fill-size')).toBe('0.2500');
    expect(root.style.getPropertyValue('--ls-ratio')).toBe('0.2500');
  });

  it('resets on a double tap and on Delete', () => {
    const { slider, onReset } = fader();
    doubleTap(slider);
    fireEvent.keyDown(slider, { key: 'Delete' });
    expect(onReset).toHaveBeenCalledTimes(2);
  });

  it('takes no input unless ready, and offers a retry when failed', () => {
    const { slider, onChange, onRetry } = fader({ state: 'failed' });
    expect(slider).toHaveAttribute('aria-valuetext', 'Failed');
    drag(slider, 0, -40);
    fireEvent.keyDown(slider, { key: 'ArrowUp' });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Retry Volume' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows what sits beside its groove (a meter)', () => {
    fader({ children: <div role="meter" aria-label="Level" aria-valuenow={0.5} /> });
    expect(screen.getByRole('meter', { name: 'Level' })).toBeInTheDocument();
  });
});

describe('ParameterFader', () => {
  it.each(RENDER_MODES)('shows the actor’s parameter and sends a drag as touch, changes, release (%s)', (_, Mode) => {
    const fake = fakeActor(
      parameterSnapshot({ bound: 'ready' }, { name: 'Track Volume', value: 0.85, display: '0.0 dB' }),
    );
    render(
      <Mode>
        <ParameterFader actor={fake.actor} label="Bass" />
      </Mode>,
    );
    const slider = screen.getByRole('slider', { name: 'Bass' });
    expect(slider).toHaveAttribute('aria-valuetext', '0.0 dB');
    drag(slider, 0, 20);
    const types = fake.sent.map((event) => event.type);
    expect(types[0]).toBe('ui.touch');
    expect(types.at(-1)).toBe('ui.release');
    expect(types.filter((type) => type === 'ui.change').length).toBeGreaterThan(0);
    act(() => fake.emit(parameterSnapshot('gone', { name: 'Track Volume' })));
    expect(slider).toHaveAttribute('aria-valuetext', 'Deleted in Live');
  });
});
