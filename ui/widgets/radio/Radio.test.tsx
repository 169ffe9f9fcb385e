// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createActor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeStudio } from '../../fake-studio/fake-studio';
import { parameterSnapshot } from '../../fake-studio/seed';
import { studioTargets } from '../../fake-studio/studio-set';
import { fakeActor } from '../../test/fake-actor';
import { pointerDown } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { chosenItem, ParameterRadio } from './ParameterRadio';
import { movedChoice, Radio } from './Radio';

const TYPES = ['Lowpass', 'Highpass', 'Bandpass', 'Notch'];

describe('movedChoice', () => {
  it('moves to the next and previous item, round the ends, and to the first and last', () => {
    expect(movedChoice('ArrowRight', 1, 4)).toBe(2);
    expect(movedChoice('ArrowDown', 3, 4)).toBe(0);
    expect(movedChoice('ArrowLeft', 0, 4)).toBe(3);
    expect(movedChoice('ArrowUp', 2, 4)).toBe(1);
    expect(movedChoice('Home', 2, 4)).toBe(0);
    expect(movedChoice('End', 0, 4)).toBe(3);
    expect(movedChoice('a', 0, 4)).toBeNull();
  });
});

describe('chosenItem', () => {
  it('is the item the value stands for, counted from the minimum, and none out of range', () => {
    expect(chosenItem({ value: 2, min: 0, items: TYPES })).toBe(2);
    expect(chosenItem({ value: 3, min: 1, items: TYPES })).toBe(2);
    expect(chosenItem({ value: 7, min: 0, items: TYPES })).toBeNull();
    expect(chosenItem({ value: 0, min: 0, items: undefined })).toBeNull();
  });
});

describe.each(RENDER_MODES)('Radio (%s)', (_, Mode) => {
  it('is a radio group named by the parameter, one radio checked, Tab entering at it', () => {
    render(
      <Mode>
        <Radio label="Filter Type" items={TYPES} chosen={1} />
      </Mode>,
    );
    const group = screen.getByRole('radiogroup', { name: 'Filter Type' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.textContent)).toEqual(TYPES);
    expect(radios.map((radio) => radio.getAttribute('aria-checked'))).toEqual(['false', 'true', 'false', 'false']);
    expect(radios.map((radio) => radio.tabIndex)).toEqual([-1, 0, -1, -1]);
  });

  it('chooses an item as the finger lands, and not the one already chosen', () => {
    const onChoose = vi.fn();
    render(
      <Mode>
        <Radio label="Filter Type" items={TYPES} chosen={0} onChoose={onChoose} />
      </Mode>,
    );
    pointerDown(screen.getByRole('radio', { name: 'Bandpass' }));
    expect(onChoose).toHaveBeenCalledWith(2);
    pointerDown(screen.getByRole('radio', { name: 'Lowpass' }));
    expect(onChoose).toHaveBeenCalledTimes(1);
  });

  it('moves the choice and the focus with the arrow keys, and Space chooses the focused item', () => {
    const onChoose = vi.fn();
    render(
      <Mode>
        <Radio label="Filter Type" items={TYPES} chosen={3} onChoose={onChoose} />
      </Mode>,
    );
    const notch = screen.getByRole('radio', { name: 'Notch' });
    notch.focus();
    fireEvent.keyDown(notch, { key: 'ArrowRight' });
    expect(onChoose).toHaveBeenLastCalledWith(0);
    expect(screen.getByRole('radio', { name: 'Lowpass' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('radio', { name: 'Lowpass' }), { key: 'End' });
    // the last is the one chosen already: nothing to send
    expect(onChoose).toHaveBeenCalledTimes(1);
    expect(notch).toHaveFocus();
    // a click with no pointer before it (detail 0) is the keyboard's Space
    fireEvent.click(screen.getByRole('radio', { name: 'Highpass' }), { detail: 0 });
    expect(onChoose).toHaveBeenLastCalledWith(1);
  });

  it('takes nothing while it is not ready, and says why in place of items it has not got', () => {
    const onChoose = vi.fn();
    const { rerender } = render(
      <Mode>
        <Radio label="Filter Type" items={TYPES} chosen={0} state="gone" onChoose={onChoose} />
      </Mode>,
    );
    expect(screen.getByRole('radiogroup', { name: 'Filter Type (Deleted in Live)' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    pointerDown(screen.getByRole('radio', { name: 'Notch' }));
    fireEvent.keyDown(screen.getByRole('radio', { name: 'Lowpass' }), { key: 'ArrowRight' });
    expect(onChoose).not.toHaveBeenCalled();
    rerender(
      <Mode>
        <Radio label="Filter Type" items={[]} chosen={null} state="loading" />
      </Mode>,
    );
    expect(screen.getByRole('radiogroup', { name: 'Filter Type (Loading)' })).toHaveTextContent('Loading');
    rerender(
      <Mode>
        <Radio
          label="Filter Type"
          items={[]}
          chosen={null}
          state="failed"
          error="Live did not answer"
          onRetry={vi.fn()}
        />
      </Mode>,
    );
    expect(screen.getByRole('radiogroup', { name: 'Filter Type (Failed)' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Live did not answer')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry Filter Type' })).toBeTruthy();
  });
});

describe('ParameterRadio', () => {
  it('sends a choice as one touch of the parameter: touch, the item’s value from the minimum, release', () => {
    const context = { name: 'Type', value: 2, min: 1, max: 4, quantized: true, items: TYPES };
    const fake = fakeActor(parameterSnapshot({ bound: 'ready' }, context));
    render(<ParameterRadio actor={fake.actor} />);
    expect(screen.getByRole('radio', { name: 'Highpass' })).toHaveAttribute('aria-checked', 'true');
    pointerDown(screen.getByRole('radio', { name: 'Notch' }));
    expect(fake.sent).toEqual([{ type: 'ui.touch' }, { type: 'ui.change', value: 4 }, { type: 'ui.release' }]);
  });

  it('says so when the parameter bound has no items, once Live has said so', () => {
    const fake = fakeActor(parameterSnapshot('loading', { name: 'Frequency' }));
    render(<ParameterRadio actor={fake.actor} />);
    expect(screen.getByRole('radiogroup', { name: 'Frequency (Loading)' })).toBeTruthy();
    act(() => fake.emit(parameterSnapshot({ bound: 'ready' }, { name: 'Frequency' })));
    const group = screen.getByRole('radiogroup', { name: 'Frequency (Failed)' });
    expect(group).toHaveTextContent('Frequency has no items to choose from: bind it to a Knob or a Fader');
    expect(screen.queryByRole('button', { name: /Retry/ })).toBeNull();
  });
});

describe('ParameterRadio on the studio', () => {
  let studio: FakeStudio;
  beforeEach(() => {
    studio = new FakeStudio();
  });
  afterEach(() => studio.stop());

  it('shows the filter’s type from Live, and a tap sets it in Live', async () => {
    const parameter = studioTargets.filterParameter(3);
    const actor = createActor(studio.machines.parameter, { input: { parameter } }).start();
    render(<ParameterRadio actor={actor} />);
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Lowpass' })).toHaveAttribute('aria-checked', 'true'));
    pointerDown(screen.getByRole('radio', { name: 'Notch' }));
    await waitFor(() => expect(studio.live.objects.get(parameter)?.value).toBe(3));
    expect(screen.getByRole('radio', { name: 'Notch' })).toHaveAttribute('aria-checked', 'true');
    // Live moving it shows here
    act(() => studio.live.change(parameter, 'value', 1));
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Highpass' })).toHaveAttribute('aria-checked', 'true'),
    );
    actor.stop();
  });
});
