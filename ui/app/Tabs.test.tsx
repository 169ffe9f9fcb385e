// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RENDER_MODES } from '../test/render-modes';
import { Tabs, type Tab } from './Tabs';

const TABS: Tab[] = [
  { id: 'mixer', label: 'Mixer', render: () => <button type="button">Mute</button> },
  { id: 'clip', label: 'Clip', worksOffline: true, render: () => <button type="button">Add note</button> },
];

const page = () => screen.getByRole('tabpanel').querySelector('.ls-tab-page');

describe.each(RENDER_MODES)('Tabs (%s)', (_, Mode) => {
  function renderTabs(selected: string, offline: boolean) {
    return render(
      <Mode>
        <Tabs
          label="Pages"
          tabs={TABS}
          selected={selected}
          onSelect={() => undefined}
          offline={offline}
          banner={(tab) => offline && <p role="status">{tab.worksOffline ? 'edits wait' : 'not sent'}</p>}
        />
      </Mode>,
    );
  }

  it('leaves the page usable online', () => {
    renderTabs('mixer', false);
    expect(page()).not.toHaveAttribute('inert');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('makes the page inert offline, under a banner that stays readable', () => {
    renderTabs('mixer', true);
    expect(page()).toHaveAttribute('inert');
    expect(page()).toHaveAttribute('data-offline');
    const banner = within(screen.getByRole('tabpanel')).getByRole('status');
    expect(banner).toHaveTextContent('not sent');
    expect(page()?.contains(banner)).toBe(false);
  });

  it('leaves a page that keeps its edits usable offline', () => {
    renderTabs('clip', true);
    expect(page()).not.toHaveAttribute('inert');
    expect(screen.getByRole('status')).toHaveTextContent('edits wait');
  });
});
