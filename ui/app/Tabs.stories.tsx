import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, within } from 'storybook/test';
import { Button } from '../widgets/button/Button';
import { OfflineBanner } from '../widgets/connection-badge/OfflineBanner';
import { Tabs, type Tab } from './Tabs';
import './app.css';

/** A page of a few controls, to see them dimmed and inert. */
function DemoPage({ name }: { name: string }) {
  const [on, setOn] = useState(true);
  return (
    <div className="ls-page">
      <p>{name}</p>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button kind="toggle" label="Mute" on={on} color="var(--ls-accent)" onChange={setOn} />
        <Button kind="trigger" label="Launch" onTrigger={() => undefined} />
      </div>
    </div>
  );
}

const TABS: Tab[] = [
  { id: 'mixer', label: 'Mixer', render: () => <DemoPage name="The mixer's controls" /> },
  { id: 'clip', label: 'Clip', worksOffline: true, render: () => <DemoPage name="A page that keeps its edits" /> },
];

interface PagesProps {
  selected: string;
  offline: boolean;
}

function Pages({ selected: initial, offline }: PagesProps) {
  const [selected, setSelected] = useState(initial);
  return (
    <div className="ls-app" style={{ minHeight: 0 }}>
      <Tabs
        label="Pages"
        tabs={TABS}
        selected={selected}
        onSelect={setSelected}
        offline={offline}
        banner={(tab) =>
          offline && <OfflineBanner cause="simulator-restarting" retryInS={null} holdsEdits={tab.worksOffline} />
        }
      />
    </div>
  );
}

const meta = {
  title: 'App/Pages',
  component: Pages,
  args: { selected: 'mixer', offline: false },
} satisfies Meta<typeof Pages>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Online: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('tabpanel').querySelector('.ls-tab-page')).not.toHaveAttribute(
      'inert',
    );
  },
};

/** Live is offline: the page is dimmed and takes no touch; the banner over it says why. */
export const Offline: Story = {
  args: { offline: true },
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('tabpanel');
    await expect(panel.querySelector('.ls-tab-page')).toHaveAttribute('inert');
    await expect(within(panel).getByRole('status')).toHaveTextContent('Your changes are not sent.');
  },
};

/** Live is offline on a page that keeps its edits (the Clip page): it stays usable, and the banner says so. */
export const OfflineOnAPageThatKeepsItsEdits: Story = {
  args: { offline: true, selected: 'clip' },
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('tabpanel');
    await expect(panel.querySelector('.ls-tab-page')).not.toHaveAttribute('inert');
    await expect(within(panel).getByRole('status')).toHaveTextContent('Your edits here wait');
  },
};

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: () => (
    <div style={{ display: 'grid', gap: 24 }}>
      <Pages selected="mixer" offline={false} />
      <Pages selected="mixer" offline />
      <Pages selected="clip" offline />
    </div>
  ),
};
