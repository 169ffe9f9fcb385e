// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LinkScreen } from './LinkScreen';
import { TokenForm } from './TokenForm';

describe('TokenForm', () => {
  it('opens the surface with the token typed, without what a paste adds around it', async () => {
    const onUse = vi.fn();
    render(
      <StrictMode>
        <TokenForm onUse={onUse} />
      </StrictMode>,
    );
    const open = screen.getByRole('button', { name: 'Open the surface' });
    expect(open).toBeDisabled();
    await userEvent.type(screen.getByRole('textbox', { name: /type the token livesurface token prints/ }), '  abc123 ');
    await userEvent.click(open);
    expect(onUse).toHaveBeenCalledExactlyOnceWith('abc123');
  });

  it('submits with the keyboard’s return', async () => {
    const onUse = vi.fn();
    render(<TokenForm onUse={onUse} />);
    await userEvent.type(screen.getByRole('textbox'), 'abc{Enter}');
    expect(onUse).toHaveBeenCalledExactlyOnceWith('abc');
  });

  it('offers to forget the kept token only where the device keeps one', async () => {
    const onForget = vi.fn();
    const { rerender } = render(<TokenForm onUse={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Forget this device’s token' })).toBeNull();
    rerender(<TokenForm onUse={() => {}} onForget={onForget} />);
    await userEvent.click(screen.getByRole('button', { name: 'Forget this device’s token' }));
    expect(onForget).toHaveBeenCalledOnce();
  });
});

describe('LinkScreen', () => {
  it('with a wrong token, offers the form that replaces it', () => {
    render(<LinkScreen notice={{ kind: 'screen', screen: 'wrong-token', retryAt: null, detail: null }} theme="dark" />);
    expect(screen.getByRole('textbox')).toBeVisible();
  });

  it('while the bridge does not answer, offers no form: the token is not what is wrong', () => {
    render(<LinkScreen notice={{ kind: 'screen', screen: 'unreachable', retryAt: null, detail: null }} theme="dark" />);
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
