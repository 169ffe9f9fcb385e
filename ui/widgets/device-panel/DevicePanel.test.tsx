// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { deviceMachine, type DeviceContext } from '../../../machines/device';
import { parameterSnapshot } from '../../fake-studio/seed';
import { fakeActor } from '../../test/fake-actor';
import { RENDER_MODES } from '../../test/render-modes';
import { bankLabel, DevicePanel } from './DevicePanel';
import { LiveDevice } from './LiveDevice';

describe.each(RENDER_MODES)('DevicePanel (%s)', (_, Mode) => {
  it('is a named region with an on switch and bank paging that stops at the ends', async () => {
    const onBank = vi.fn();
    const onToggle = vi.fn();
    render(
      <Mode>
        <DevicePanel
          name="Auto Filter"
          kind="Auto Filter"
          active
          bank={1}
          banks={2}
          onBank={onBank}
          onToggle={onToggle}
        />
      </Mode>,
    );
    expect(screen.getByRole('region', { name: 'Auto Filter (Auto Filter)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Auto Filter on' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Next bank' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('Bank 2')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Previous bank' }));
    expect(onBank).toHaveBeenCalledWith(0);
    await userEvent.click(screen.getByRole('button', { name: 'Next bank' }));
    expect(onBank).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Auto Filter on' }));
    expect(onToggle).toHaveBeenCalledTimes(1);
  });
});

describe.each(RENDER_MODES)('DevicePanel, wide and selected (%s)', (_, Mode) => {
  it('groups its controls by bank, pages by the banks shown, and selects itself in Live from its title', async () => {
    const onBank = vi.fn();
    const onSelect = vi.fn();
    const controls = Array.from({ length: 12 }, (_, index) => <span key={`p${index}`}>P{index + 1}</span>);
    render(
      <Mode>
        <DevicePanel
          name="Echoes"
          kind="Delay"
          active
          bank={0}
          banks={3}
          shown={2}
          selected
          onBank={onBank}
          onSelect={onSelect}
        >
          {controls}
        </DevicePanel>
      </Mode>,
    );
    const groups = screen.getAllByRole('group');
    expect(groups.map((group) => group.getAttribute('aria-label'))).toEqual(['Bank 1', 'Bank 2']);
    expect(groups.map((group) => group.textContent)).toEqual(['P1P2P3P4P5P6P7P8', 'P9P10P11P12']);
    expect(screen.getByRole('region', { name: 'Echoes (Delay)' })).toHaveAttribute('aria-current', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Next bank' }));
    expect(onBank).toHaveBeenCalledWith(2);
    const title = screen.getByRole('button', { name: 'Select Echoes in Live' });
    expect(title).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(title);
    expect(onSelect).toHaveBeenCalledTimes(1);
  });

  it('draws its switch and pagers as pictures, not characters a font may lack', () => {
    render(
      <Mode>
        <DevicePanel name="Echoes" kind="Delay" active bank={0} banks={2} />
      </Mode>,
    );
    for (const name of ['Echoes on', 'Previous bank', 'Next bank']) {
      const button = screen.getByRole('button', { name });
      expect(button.querySelector('svg')).not.toBeNull();
      expect(button.textContent).toBe('');
    }
  });
});

describe('bankLabel', () => {
  it('names one bank, or the range shown', () => {
    expect(bankLabel(1, 1)).toBe('Bank 2');
    expect(bankLabel(0, 2)).toBe('Banks 1–2');
    expect(bankLabel(2, 2, ['Osc', 'Filter', 'Env', 'LFO'])).toBe('Env – LFO');
  });
});

describe('LiveDevice', () => {
  const context: DeviceContext = {
    device: 'id 200',
    name: 'Auto Filter',
    className: 'AutoFilter',
    displayName: 'Auto Filter',
    active: true,
    parameters: ['id 201', 'id 202', 'id 203'],
    bank: 0,
    bankSize: 8,
    banksShown: 1,
    bankActors: ['param-1', 'param-2'],
    error: null,
  };

  it('shows a knob per parameter actor of the bank, and sends bank and toggle events', async () => {
    const frequency = fakeActor(parameterSnapshot({ bound: 'ready' }, { name: 'Frequency' }));
    const resonance = fakeActor(parameterSnapshot({ bound: 'ready' }, { name: 'Resonance' }));
    const snapshot = deviceMachine.resolveState({ value: 'ready', context });
    const withChildren = {
      ...snapshot,
      children: { 'param-1': frequency.actor, 'param-2': resonance.actor },
    } as typeof snapshot;
    const device = fakeActor(withChildren);
    render(<LiveDevice actor={device.actor} />);
    expect(screen.getAllByRole('slider').map((slider) => slider.getAttribute('aria-label'))).toEqual([
      'Frequency',
      'Resonance',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Auto Filter on' }));
    expect(device.sent).toEqual([{ type: 'ui.toggle' }]);
    act(() => device.emit({ ...withChildren, context: { ...context, active: false } }));
    expect(screen.getByRole('button', { name: 'Auto Filter on' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('shows a two-value parameter as a switch that sets its maximum or minimum, framed as a touch', async () => {
    const ready = { bound: 'ready' } as const;
    const frequency = fakeActor(parameterSnapshot(ready, { name: 'Frequency' }));
    const link = fakeActor(
      parameterSnapshot(ready, { name: 'Link', quantized: true, items: ['Off', 'On'], value: 0, display: 'Off' }),
    );
    const type = fakeActor(
      parameterSnapshot(ready, { name: 'Type', quantized: true, min: 0, max: 2, items: ['A', 'B', 'C'] }),
    );
    const snapshot = deviceMachine.resolveState({
      value: 'ready',
      context: { ...context, bankActors: ['param-1', 'param-2', 'param-3'] },
    });
    const withChildren = {
      ...snapshot,
      children: { 'param-1': frequency.actor, 'param-2': link.actor, 'param-3': type.actor },
    } as typeof snapshot;
    const onSelect = vi.fn();
    render(<LiveDevice actor={fakeActor(withChildren).actor} selected onSelect={onSelect} />);
    expect(screen.getAllByRole('slider').map((slider) => slider.getAttribute('aria-label'))).toEqual([
      'Frequency',
      'Type',
    ]);
    const button = screen.getByRole('button', { name: 'Link' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(button).toHaveTextContent('Off');
    await userEvent.click(button);
    expect(link.sent).toEqual([{ type: 'ui.touch' }, { type: 'ui.change', value: 1 }, { type: 'ui.release' }]);
    await userEvent.click(screen.getByRole('button', { name: 'Select Auto Filter in Live' }));
    expect(onSelect).toHaveBeenCalledWith('id 200');
  });
});
