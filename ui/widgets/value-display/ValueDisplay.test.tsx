// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parameterSnapshot } from '../../fake-studio/seed';
import { fakeActor } from '../../test/fake-actor';
import { RENDER_MODES } from '../../test/render-modes';
import { ParameterDisplay } from './ParameterDisplay';
import { ValueDisplay } from './ValueDisplay';

describe.each(RENDER_MODES)('ValueDisplay (%s)', (_, Mode) => {
  it('is a group named by the parameter with its value as a polite output', () => {
    render(
      <Mode>
        <ValueDisplay label="Drive" value={12} max={24} display="12.0 dB" />
      </Mode>,
    );
    const output = within(screen.getByRole('group', { name: 'Drive' })).getByRole('status');
    expect(output).toHaveTextContent('12.0 dB');
    expect(output).toHaveAttribute('aria-live', 'polite');
  });

  it('shows an item, a number when Live has not said, or the state', () => {
    const { rerender } = render(
      <Mode>
        <ValueDisplay label="Type" value={1} max={2} items={['Low', 'High', 'Band']} />
      </Mode>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('High');
    rerender(
      <Mode>
        <ValueDisplay label="Drive" value={12.25} max={24} />
      </Mode>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('12.3');
    rerender(
      <Mode>
        <ValueDisplay label="Drive" value={12} max={24} display="12.0 dB" state="gone" />
      </Mode>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Deleted in Live');
  });
});

describe('ParameterDisplay', () => {
  it('follows its parameter actor', () => {
    const fake = fakeActor(parameterSnapshot('loading', { name: 'Drive' }));
    render(<ParameterDisplay actor={fake.actor} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    act(() =>
      fake.emit(parameterSnapshot({ bound: 'ready' }, { name: 'Drive', value: 6, max: 24, display: '6.0 dB' })),
    );
    expect(within(screen.getByRole('group', { name: 'Drive' })).getByRole('status')).toHaveTextContent('6.0 dB');
  });
});
