// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StatusView } from './StatusView';

describe('StatusView', () => {
  it('without a token, says where to find the address, in the theme', () => {
    const { container } = render(<StatusView screen="no-token" theme="light" />);
    expect(screen.getByRole('heading', { name: 'Open the address livesurface start printed' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('scan the QR code livesurface start shows');
    expect(container.querySelector('.ls-root')).toHaveAttribute('data-theme', 'light');
  });

  it('with a wrong token, says the token is not this bridge’s and what to open', () => {
    render(<StatusView screen="wrong-token" theme="dark" />);
    expect(screen.getByRole('heading', { name: 'This address’s token is not this bridge’s' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Open the address livesurface start printed, or scan its QR code again.',
    );
  });

  it('with no bridge, names the address and when it tries again', () => {
    render(<StatusView screen="unreachable" theme="dark" bridge="192.168.1.20:9400" retryInS={4} />);
    expect(screen.getByRole('heading', { name: 'The bridge is not answering' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing answers at 192.168.1.20:9400.');
    expect(screen.getByText('Trying again in 4 s.')).toBeVisible();
  });

  it('after too many wrong tokens, says the bridge ignores this device a while', () => {
    render(<StatusView screen="too-many-guesses" theme="dark" retryInS={0} />);
    expect(screen.getByRole('heading', { name: 'Too many wrong tokens came from this device' })).toBeVisible();
    expect(screen.getByText('Trying now…')).toBeVisible();
  });

  it('when the bridge refuses the connection, points to the printed address and --allow-origin', () => {
    render(<StatusView screen="socket-refused" theme="dark" retryInS={2} />);
    expect(screen.getByRole('alert')).toHaveTextContent('livesurface start --allow-origin');
  });

  it('for a bridge of another protocol, offers a reload and quotes the bridge', async () => {
    const onReload = vi.fn();
    render(<StatusView screen="incompatible" theme="dark" detail="protocol 2, not 1" onReload={onReload} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The bridge says: protocol 2, not 1');
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledOnce();
  });
});
