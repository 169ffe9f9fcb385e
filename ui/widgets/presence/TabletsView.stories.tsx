import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { PresentClient } from '../../../protocol/src/index';
import { TABLET_PALETTE } from '../../settings/tablet-identity';
import { tabletRows } from './tablet-rows';
import { TabletsView, type TabletsViewProps } from './TabletsView';

const client = (fields: Partial<PresentClient> & Pick<PresentClient, 'client'>): PresentClient => ({
  self: false,
  name: null,
  color: null,
  page: null,
  rtt_ms: null,
  holding: [],
  selection: null,
  ...fields,
});

const ME = client({ client: 3, self: true, name: 'Bob', color: '#0090ff', page: 'keys', rtt_ms: 2.4 });
const BAND = tabletRows([
  client({
    client: 1,
    name: 'Alice',
    color: '#e5484d',
    page: 'mixer',
    rtt_ms: 4.1,
    holding: [{ object: 12, since: 3 }],
  }),
  ME,
  client({ client: 4, name: 'Drum tablet by the kit', color: '#46a758', page: 'layout:mix-and-tweak', rtt_ms: 18.6 }),
  // a command-line client: connected, nothing said
  client({ client: 5 }),
]);

/** The top bar's end, where the button sits: its list hangs under it, leftwards. */
const Bar = ({ children, height = 420 }: { children: ReactNode; height?: number }) => (
  <div
    style={{
      display: 'flex',
      justifyContent: 'flex-end',
      alignItems: 'flex-start',
      width: '100%',
      maxWidth: 420,
      minHeight: height,
    }}
  >
    {children}
  </div>
);

const meta = {
  title: 'Controls/Tablets',
  component: TabletsView,
  args: {
    tablets: BAND,
    name: 'Bob',
    color: '#0090ff',
    palette: TABLET_PALETTE,
    open: false,
    onOpenChange: fn(),
    onRename: fn(),
    onRecolor: fn(),
  },
  render: (args) => (
    <Bar>
      <TabletsView {...args} />
    </Bar>
  ),
} satisfies Meta<typeof TabletsView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Closed: how many tablets are connected; a tap opens the list. */
export const Closed: Story = {
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: /Tablets/ });
    await expect(button).toHaveTextContent('4');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    await expect(args.onOpenChange).toHaveBeenCalledWith(true);
  },
};

/** This tablet alone on the bridge. */
export const Alone: Story = { args: { tablets: tabletRows([ME]), open: true } };

/** The band: each tablet's name and color, its page and round trip; this tablet first and marked; Alice holds a control. */
export const Open: Story = {
  args: { open: true },
  play: async ({ canvasElement }) => {
    const list = within(within(canvasElement).getByRole('list', { name: 'Connected tablets' }));
    const items = list.getAllByRole('listitem');
    await expect(items[0]).toHaveTextContent('Bob');
    await expect(items[0]).toHaveTextContent('this tablet');
    await expect(items[1]).toHaveTextContent('Alice');
    await expect(items[1]).toHaveTextContent('Mixer');
    await expect(items[1]).toHaveTextContent('4.1 ms');
    await expect(items[2]).toHaveTextContent('Mix and tweak');
    await expect(items[3]).toHaveTextContent('Client 5');
  },
};

/** The musician names this tablet: the name goes when the field is left (or on Enter). */
export const Renaming: Story = {
  args: { open: true },
  play: async ({ canvasElement, args }) => {
    const field = within(canvasElement).getByRole('textbox', { name: 'Name' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Bass player{Enter}');
    await expect(args.onRename).toHaveBeenCalledWith('Bass player');
  },
};

/** The musician picks a color: the palette's, each named. */
export const Recoloring: Story = {
  args: { open: true },
  play: async ({ canvasElement, args }) => {
    const view = within(canvasElement);
    await expect(view.getByRole('radio', { name: 'Blue' })).toBeChecked();
    await userEvent.click(view.getByRole('radio', { name: 'Green' }));
    await expect(args.onRecolor).toHaveBeenCalledWith('#46a758');
  },
};

/** A tablet the bridge has not numbered yet: no name to show, the field asks for one. */
export const Unnamed: Story = {
  args: {
    open: true,
    name: null,
    color: '#ffc53d',
    tablets: tabletRows([client({ client: 7, self: true, color: '#ffc53d' })]),
  },
};

/** Not connected: the bridge tells no one. */
export const Disconnected: Story = { args: { open: true, tablets: [] } };

const STATES: [string, Partial<TabletsViewProps>][] = [
  ['closed, four connected', {}],
  ['alone', { tablets: tabletRows([ME]), open: true }],
  ['the band', { open: true }],
  [
    'not named yet',
    {
      open: true,
      name: null,
      color: '#ffc53d',
      tablets: tabletRows([client({ client: 7, self: true, color: '#ffc53d' })]),
    },
  ],
  ['disconnected', { open: true, tablets: [] }],
];

export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      {STATES.map(([title, extra]) => (
        <section key={title} aria-label={title}>
          <h3 className="ls-label">{title}</h3>
          <Bar height={extra.open ? (extra.tablets?.length ?? 4) * 52 + 260 : 48}>
            <TabletsView {...args} {...extra} />
          </Bar>
        </section>
      ))}
    </div>
  ),
};
