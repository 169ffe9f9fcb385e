// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import ELK from 'elkjs/lib/elk.bundled.js';
import { createActor, type AnyActorRef } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { settle } from '../../fake-live/fake-live';
import { fakeSet } from '../../fake-live/test-sets';
import { createInspection, type Inspection } from '../../machines/inspection';
import { provideMachines } from '../../machines/provide';
import { Inspector } from './Inspector';

const elk = new ELK();

async function settled(times = 10): Promise<void> {
  for (let i = 0; i < times; i += 1) await act(settle);
}

/** The record drawn: the inspector reads it a quarter of a second after a change. */
async function redrawn(): Promise<void> {
  await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

describe('the inspector', () => {
  let session: AnyActorRef | null = null;
  let live = fakeSet();
  afterEach(() => session?.stop());

  async function inspected(): Promise<Inspection> {
    const inspection = createInspection();
    live = fakeSet();
    session = createActor(provideMachines(live.effects()).session, { inspect: inspection.inspect }).start();
    await settled();
    return inspection;
  }

  const option = (name: string) =>
    screen.getByRole('option', { name: new RegExp(`^${name.replace(/[/]/g, '\\/')}\\b`) });

  it('lists every actor by name from the start, the invocations only when asked', async () => {
    const inspection = await inspected();
    // opened after the session loaded: its actors are there all the same
    render(<Inspector inspection={inspection} layouter={elk} />);
    const names = within(screen.getByRole('listbox', { name: 'Actors' }))
      .getAllByRole('option')
      .map((row) => row.querySelector('.ls-inspector-name')?.textContent);
    expect(names).toEqual(
      expect.arrayContaining(['session', 'track:Drums', 'track:Bass', 'slot:Drums/1', 'slot:Bass/2', 'scene:Verse']),
    );
    expect(names.some((name) => name?.includes('›'))).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Invocations' }));
    expect(screen.getAllByRole('option').some((row) => row.textContent?.includes('track:Drums › observe'))).toBe(true);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Invocations' }));
    fireEvent.change(screen.getByRole('searchbox', { name: /Filter actors/ }), { target: { value: 'slot:drums' } });
    const filtered = screen.getAllByRole('option').filter((row) => !row.hasAttribute('data-context'));
    expect(filtered.map((row) => row.querySelector('.ls-inspector-name')?.textContent)).toEqual([
      'slot:Drums/1',
      'slot:Drums/2',
    ]);
  });

  it('draws the chosen actor’s chart with its state lit, follows it, and steps back through its history', async () => {
    const inspection = await inspected();
    render(<Inspector inspection={inspection} layouter={elk} />);
    fireEvent.click(option('slot:Drums/1'));
    const chart = await screen.findByRole('img', { name: /^Statechart of clipSlot/ }, { timeout: 5000 });
    const lit = () =>
      [...chart.querySelectorAll('[data-lit]')].map((state) => state.getAttribute('data-state')).filter(Boolean);
    expect(lit()).toContain('clipSlot');
    const before = lit();
    expect(screen.getByRole('list', { name: 'context' }).textContent).toContain('Beat');

    // Live plays the clip: the chart follows
    live.change('id 11', 'playing_status', 1);
    await settled();
    await redrawn();
    expect(lit()).not.toEqual(before);
    const after = lit();

    // paused, the record goes on underneath; a step back shows the state before
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByText('Paused: the record goes on')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(screen.getByText(/^moment \d+ of \d+$/)).toBeTruthy();
    let stepped = lit();
    for (let steps = 0; steps < 20 && stepped.join() === after.join(); steps += 1) {
      fireEvent.click(screen.getByRole('button', { name: /Back/ }));
      stepped = lit();
    }
    expect(stepped).not.toEqual(after);
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await redrawn();
    expect(lit()).toEqual(after);
  });

  it('shows an invocation’s input, and the requests an actor made with how they ended', async () => {
    const inspection = await inspected();
    render(<Inspector inspection={inspection} layouter={elk} />);
    fireEvent.click(option('track:Drums'));
    const history = screen.getByRole('region', { name: 'History' });
    expect(within(history).getAllByText(/^read \(/).length).toBeGreaterThan(0);
    expect(within(history).getAllByText(/ done$/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Invocations' }));
    const [observe] = screen.getAllByRole('option', { name: /^track:Drums › observe/ });
    if (!observe) throw new Error('no observation of track:Drums');
    fireEvent.click(observe);
    expect(screen.getByText(/^input /).textContent).toContain('id 1');
  });
});
