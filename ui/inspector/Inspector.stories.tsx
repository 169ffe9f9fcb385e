/**
 * The developers' inspector on the studio set, its record made by the real
 * machines on the in-memory Live, as `?inspect` makes it in the app: the
 * actors by name, one on its chart, paused and stepped back, filtered, with
 * the invocations shown.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { createActor } from 'xstate';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createInspection } from '../../machines/inspection';
import { useStudio, withStudio } from '../fake-studio/studio-react';
import { Inspector } from './Inspector';
import { storyLayouter } from './story-layouter';

const layouter = storyLayouter();

/** The studio's session recorded from its start, and the inspector on the record. */
function InspectedStudio() {
  const studio = useStudio();
  const [inspection] = useState(() => createInspection());
  useEffect(() => {
    const session = createActor(studio.machines.session, { inspect: inspection.inspect }).start();
    return () => {
      session.stop();
    };
  }, [studio, inspection]);
  return (
    <div style={{ height: '100vh' }}>
      <Inspector inspection={inspection} layouter={layouter} />
    </div>
  );
}

const meta = {
  title: 'Developers/Inspector',
  component: InspectedStudio,
  decorators: [withStudio()],
  parameters: { layout: 'fullscreen', controls: { disable: true } },
} satisfies Meta<typeof InspectedStudio>;

export default meta;
type Story = StoryObj<typeof meta>;

const choose = async (canvas: HTMLElement, name: RegExp) => {
  const page = within(canvas);
  const [row] = await page.findAllByRole('option', { name }, { timeout: 5000 });
  if (!row) throw new Error(`no actor ${String(name)}`);
  await userEvent.click(row);
  return page.findByRole('img', { name: /^Statechart of/ }, { timeout: 10_000 });
};

/** Every actor of the session by the name of what it stands for in Live. */
export const Actors: Story = {
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('option', { name: /^track:Drums/ }, { timeout: 5000 });
  },
};

/** A clip slot chosen: its chart with the states it is in lit, its context, its history. */
export const AClipSlotOnItsChart: Story = {
  play: async ({ canvasElement }) => {
    const chart = await choose(canvasElement, /^slot:Drums\/1\b/);
    await waitFor(() => expect(chart.querySelector('[data-lit]')).not.toBeNull());
  },
};

/** Paused and stepped back: the chart and context as they were a few moments ago. */
export const PausedAndSteppedBack: Story = {
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /^track:Drums\b/);
    const page = within(canvasElement);
    await userEvent.click(page.getByRole('button', { name: 'Pause' }));
    await userEvent.click(page.getByRole('button', { name: /Back/ }));
    await userEvent.click(page.getByRole('button', { name: /Back/ }));
    await expect(page.getByText(/^moment \d+ of \d+$/)).toBeInTheDocument();
  },
};

/** Filtered to the slots of one track. */
export const Filtered: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole('option', { name: /^track:Drums/ }, { timeout: 5000 });
    await userEvent.type(page.getByRole('searchbox', { name: /Filter actors/ }), 'slot:drums');
  },
};

/** The invocations shown: each request and observation under the actor that made it. */
export const WithInvocations: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole('option', { name: /^track:Drums/ }, { timeout: 5000 });
    await userEvent.click(page.getByRole('checkbox', { name: 'Invocations' }));
    await choose(canvasElement, /^session\b/);
  },
};

/** The inspector in its states on one page: a slot chosen on its chart, paused and stepped back a moment. */
export const AllStates: Story = {
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /^slot:Drums\/1\b/);
    const page = within(canvasElement);
    await userEvent.click(page.getByRole('button', { name: 'Pause' }));
    await userEvent.click(page.getByRole('button', { name: /Back/ }));
  },
};
