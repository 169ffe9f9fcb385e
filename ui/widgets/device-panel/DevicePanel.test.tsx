// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { deviceMachine, type DeviceContext } from '../../../machines/device';
import { parameterSnapshot } from '../../fake-studio/seed';
import { fakeActor } from '../../test/fake-actor';
import { RENDER_MODES } from '../../test/render-modes';
import { DevicePanel } from './DevicePanel';
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
    bankActors: ['param-0-bank-0', 'param-1-bank-0'],
    error: null,
  };

  it('shows a knob per parameter actor of the bank, and sends bank and toggle events', async () => {
    const frequency = fakeActor(parameterSnapshot({ bound: 'ready' }, { name: 'Frequency' }));
    const resonance = fakeActor(parameterSnapshot({ bound: 'ready' }, { name: 'Resonance' }));
    const snapshot = deviceMachine.resolveState({ value: 'ready', context });
    const withChildren = {
      ...snapshot,
      children: { 'param-0-bank-0': frequency.actor, 'param-1-bank-0': resonance.actor },
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
});
