// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive, settle } from '../../../fake-live/fake-live';
import { tabletPresenceMachine } from '../../../machines/tablet-presence';
import type { PresentClient } from '../../../protocol/src/index';
import { useTabletPresence } from '../../connect/use-presence';
import { TABLET_PALETTE } from '../../settings/tablet-identity';
import { RENDER_MODES } from '../../test/render-modes';
import { pageLabel, tabletRows } from './tablet-rows';
import { Tablets } from './Tablets';
import { TabletsView, type TabletsViewProps } from './TabletsView';

const ALICE: PresentClient = {
  client: 2,
  self: false,
  name: 'Alice',
  color: '#e5484d',
  page: 'page:bass-lines',
  rtt_ms: 3.25,
  holding: [{ object: 7, since: 1 }],
  selection: null,
};

/** The view with its panel opened and closed as the connected component does. */
function Harness(props: Omit<TabletsViewProps, 'open' | 'onOpenChange'>) {
  const [open, setOpen] = useState(false);
  return <TabletsView {...props} open={open} onOpenChange={setOpen} />;
}

const views = (extra: Partial<TabletsViewProps> = {}) => ({
  tablets: tabletRows([{ ...ALICE, client: 1, self: true, name: 'Bob', color: '#0090ff', page: 'keys' }, ALICE]),
  name: 'Bob',
  color: '#0090ff',
  palette: TABLET_PALETTE,
  onRename: vi.fn(),
  onRecolor: vi.fn(),
  ...extra,
});

describe('tabletRows and pageLabel', () => {
  it('put this tablet first and name the pages as their tabs read', () => {
    const rows = tabletRows([ALICE, { ...ALICE, client: 5, self: true, name: null, color: null, page: null }]);
    expect(rows.map((row) => [row.name, row.self, row.page])).toEqual([
      ['Client 5', true, null],
      ['Alice', false, 'Bass lines'],
    ]);
    expect(rows[1]?.holds).toBe(1);
    expect(['mixer', 'layout:mix-and-tweak', 'user-layout:my_page', 'page:+new'].map(pageLabel)).toEqual([
      'Mixer',
      'Mix and tweak',
      'My page',
      'New page',
    ]);
  });
});

describe.each(RENDER_MODES)('TabletsView (%s)', (_, Mode) => {
  it('shows the count, opens the list on a tap, and closes it on Escape or a tap outside', async () => {
    const user = userEvent.setup();
    render(
      <Mode>
        <Harness {...views()} />
        <p>the page</p>
      </Mode>,
    );
    const button = screen.getByRole('button', { name: /Tablets/ });
    expect(button).toHaveTextContent('2');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(button);
    const list = within(screen.getByRole('dialog', { name: 'Tablets' })).getAllByRole('listitem');
    expect(list.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Bobthis tablet.*Keys.*3\.3 ms$/),
      expect.stringMatching(/^Aliceholds 1.*Bass lines.*3\.3 ms$/),
    ]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
    await user.click(button);
    fireEvent.pointerDown(screen.getByText('the page'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('renames this tablet when the field is left or on Enter, never to a blank or the same name', async () => {
    const user = userEvent.setup();
    const props = views();
    render(
      <Mode>
        <TabletsView {...props} open onOpenChange={() => {}} />
      </Mode>,
    );
    const field = screen.getByRole('textbox', { name: 'Name' });
    expect(field).toHaveValue('Bob');
    await user.clear(field);
    await user.type(field, '   ');
    await user.tab();
    await user.clear(field);
    await user.type(field, 'Bob{Enter}');
    expect(props.onRename).not.toHaveBeenCalled();
    await user.clear(field);
    await user.type(field, 'Bass player');
    await user.tab();
    expect(props.onRename).toHaveBeenCalledWith('Bass player');
  });

  it('picks a color by its name, the current one checked', async () => {
    const user = userEvent.setup();
    const props = views();
    render(
      <Mode>
        <TabletsView {...props} open onOpenChange={() => {}} />
      </Mode>,
    );
    expect(screen.getByRole('radio', { name: 'Blue' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Violet' }));
    expect(props.onRecolor).toHaveBeenCalledWith('#6e56cf');
  });

  it('says when no one is listed', () => {
    render(
      <Mode>
        <TabletsView {...views({ tablets: [] })} open onOpenChange={() => {}} />
      </Mode>,
    );
    expect(screen.getByRole('button', { name: /Tablets/ })).toHaveTextContent('0');
    expect(screen.getByRole('dialog')).toHaveTextContent('Not connected to the bridge.');
  });
});

describe('Tablets, on the presence actor', () => {
  it('lists who the bridge says is connected, and tells the bridge this tablet’s new name and color', async () => {
    const user = userEvent.setup();
    const live = new FakeLive();
    const actor = createActor(tabletPresenceMachine.provide({ actors: live.effects() }), {
      input: { name: 'Bob', color: '#0090ff', page: 'session' },
    }).start();
    render(<Tablets actor={actor} />);
    act(() => live.presence([ALICE]));
    await user.click(screen.getByRole('button', { name: /Tablets/ }));
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.ls-tablets-name')?.textContent)).toEqual(['Bob', 'Alice']);
    const field = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(field);
    await user.type(field, 'Carol{Enter}');
    await user.click(screen.getByRole('radio', { name: 'Teal' }));
    expect(live.presented.at(-1)).toMatchObject({ name: 'Carol', color: '#12a594', page: 'session' });
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('Carol');
    actor.stop();
  });
});

describe('useTabletPresence', () => {
  afterEach(() => localStorage.clear());

  function App({ page, live }: { page: string; live: FakeLive }) {
    const actor = useTabletPresence(tabletPresenceMachine.provide({ actors: live.effects() }), page);
    return <Tablets actor={actor} />;
  }

  it('starts with no name, takes "Tablet N" from the bridge, keeps it and a color, and tells each page', async () => {
    const live = new FakeLive();
    const { rerender, unmount } = render(<App page="session" live={live} />);
    await act(settle);
    expect(live.presented.at(-1)).toMatchObject({ name: 'Tablet 1', page: 'session' });
    const color = live.presented.at(-1)?.color;
    expect(TABLET_PALETTE.map((choice) => choice.value)).toContain(color);
    expect(JSON.parse(localStorage.getItem('livesurface:tablet.name') ?? 'null')).toBe('Tablet 1');
    expect(JSON.parse(localStorage.getItem('livesurface:tablet.color') ?? 'null')).toBe(color);
    rerender(<App page="pads" live={live} />);
    expect(live.presented.at(-1)?.page).toBe('pads');
    unmount();

    // a reload: the same name and color
    const again = new FakeLive();
    render(<App page="keys" live={again} />);
    expect(again.presented[0]).toMatchObject({ name: 'Tablet 1', color, page: 'keys' });
  });
});
