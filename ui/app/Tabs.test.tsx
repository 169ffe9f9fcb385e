// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
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

  it('moves along the tabs with the arrow keys, up and down too (a column of tabs on a phone on its side)', () => {
    const onSelect = vi.fn();
    render(
      <Mode>
        <Tabs label="Pages" tabs={TABS} selected="mixer" onSelect={onSelect} />
      </Mode>,
    );
    const list = screen.getByRole('tablist', { name: 'Pages' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    fireEvent.keyDown(list, { key: 'End' });
    expect(onSelect.mock.calls.map(([id]) => id as string)).toEqual(['clip', 'clip', 'clip', 'clip']);
  });

  it('unfolds the aside’s words on a tap on them, not on a control in it, and folds them on a tap elsewhere', () => {
    render(
      <Mode>
        <Tabs
          label="Pages"
          tabs={TABS}
          selected="mixer"
          onSelect={() => undefined}
          aside={
            <>
              <span>Live 12, set “Demo”</span>
              <button type="button">Lock</button>
            </>
          }
        />
      </Mode>,
    );
    const aside = screen.getByText('Live 12, set “Demo”').parentElement;
    expect(aside).toHaveClass('ls-tabs-aside');
    expect(aside).not.toHaveAttribute('data-unfolded');
    fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    expect(aside).not.toHaveAttribute('data-unfolded');
    fireEvent.click(screen.getByText('Live 12, set “Demo”'));
    expect(aside).toHaveAttribute('data-unfolded');
    fireEvent.pointerDown(screen.getByRole('tab', { name: 'Clip' }));
    expect(aside).not.toHaveAttribute('data-unfolded');
    fireEvent.click(screen.getByText('Live 12, set “Demo”'));
    fireEvent.click(screen.getByText('Live 12, set “Demo”'));
    expect(aside).not.toHaveAttribute('data-unfolded');
  });
});
