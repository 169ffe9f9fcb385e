// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Held, TAKEOVER_MS } from './Held';

describe('Held', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function mount(heldBy: { name: string; color: string } | null, onTakeover = vi.fn()) {
    const view = render(
      <Held heldBy={heldBy} onTakeover={onTakeover}>
        <button type="button">Drive</button>
      </Held>,
    );
    return { ...view, onTakeover, control: screen.getByRole('button', { name: 'Drive' }) };
  }

  it('says who holds it, in their color', () => {
    const { container } = mount({ name: 'Alice', color: '#4fc3f7' });
    expect(screen.getByRole('status')).toHaveTextContent('Alice holds this control');
    const wrapper = container.querySelector('.ls-held');
    expect(wrapper).toHaveAttribute('data-held');
    expect((wrapper as HTMLElement).style.getPropertyValue('--ls-held-color')).toBe('#4fc3f7');
  });

  it('takes it over after a long press held still, not after a short one or one that wanders', () => {
    const { control, onTakeover } = mount({ name: 'Alice', color: '#4fc3f7' });
    fireEvent.pointerDown(control, { clientX: 10, clientY: 10 });
    act(() => {
      vi.advanceTimersByTime(TAKEOVER_MS / 2);
    });
    fireEvent.pointerUp(control);
    act(() => {
      vi.advanceTimersByTime(TAKEOVER_MS);
    });
    expect(onTakeover).not.toHaveBeenCalled();

    fireEvent.pointerDown(control, { clientX: 10, clientY: 10 });
    fireEvent.pointerMove(control, { clientX: 60, clientY: 10 });
    act(() => {
      vi.advanceTimersByTime(TAKEOVER_MS * 2);
    });
    expect(onTakeover).not.toHaveBeenCalled();

    fireEvent.pointerDown(control, { clientX: 10, clientY: 10 });
    fireEvent.pointerMove(control, { clientX: 14, clientY: 12 });
    act(() => {
      vi.advanceTimersByTime(TAKEOVER_MS);
    });
    expect(onTakeover).toHaveBeenCalledTimes(1);
  });

  it('does nothing around a control nobody else holds', () => {
    const { control, onTakeover, container } = mount(null);
    fireEvent.pointerDown(control);
    act(() => {
      vi.advanceTimersByTime(TAKEOVER_MS * 2);
    });
    expect(onTakeover).not.toHaveBeenCalled();
    expect(container.querySelector('.ls-held')).not.toHaveAttribute('data-held');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
