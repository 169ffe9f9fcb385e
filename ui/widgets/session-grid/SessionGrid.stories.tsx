import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useState } from 'react';
import { NEVER } from 'rxjs';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { fromEventObservable, waitFor as settled, type AnyActorRef } from 'xstate';
import { LinkError } from '../../../link/errors';
import { initialLinkState } from '../../../link/link-state';
import { LOCKED_REASON } from '../../../machines/session-edits';
import type { LiveStatusEvent } from '../../../machines/effects';
import { sceneId, slotId } from '../../../machines/session';
import type { SessionActor } from '../../connect/use-session';
import { FakeStudio } from '../../fake-studio/fake-studio';
import { StatePanel } from '../../fake-studio/StatePanel';
import { studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { pointerDown, pointerUp } from '../../test/pointer';
import { SessionGrid, type SessionGridProps } from './SessionGrid';

const meta = {
  title: 'Session/Session Grid',
  component: SessionGrid,
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof SessionGrid>;

export default meta;
type Story = StoryObj<typeof SessionGrid>;

type Scenario = 'waiting' | 'performing' | 'offline' | 'failed';

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const childOf = (session: SessionActor, id: string): AnyActorRef =>
  session.getSnapshot().children[id as never] as AnyActorRef;

/** What happens to a still studio (no clock running) to show the grid in a scenario. */
async function stage(
  scenario: Scenario,
  studio: FakeStudio,
  session: SessionActor,
  cancelled: () => boolean,
): Promise<void> {
  if (scenario === 'waiting' || scenario === 'failed') return;
  await settled(session, (snapshot) => snapshot.hasTag('ready'));
  if (cancelled()) return;
  if (scenario === 'offline') {
    studio.live.status({ usable: false, epoch: 1 });
    return;
  }
  // Beat A plays (the transport starts with it), half way through its loop
  childOf(session, slotId(studioTargets.slot(0, 0))).send({ type: 'ui.fire' });
  await pause();
  studio.advance(1000);
  // the Outro scene waits for the next bar: Bass and Keys triggered, Drums stopping (its slot is empty)
  childOf(session, sceneId(studioTargets.scene(3))).send({ type: 'ui.fire' });
  await pause();
  // set in Live by hand: Keys records into Stabs, Pad is armed
  studio.live.change(studioTargets.slot(2, 2), 'playing_status', 2);
  studio.live.change(studioTargets.track(3), 'arm', true);
}

function machineFor(scenario: Scenario, studio: FakeStudio) {
  // no Live at all: the session waits for it
  if (scenario === 'waiting')
    return studio.machines.session.provide({
      actors: { liveStatus: fromEventObservable<LiveStatusEvent, void>(() => NEVER) },
    });
  return studio.machines.session;
}

/** The studio's session, not running, staged in a scenario. */
function StagedGrid({ scenario, size }: { scenario: Scenario; size?: SessionGridProps['size'] }) {
  const [studio] = useState(() => {
    const still = new FakeStudio();
    if (scenario === 'failed')
      still.live.failures.set('live_set tracks', new LinkError('timeout', 'Live did not answer within 30 s'));
    return still;
  });
  const session = useActorRef(machineFor(scenario, studio));
  useEffect(() => {
    let cancelled = false;
    void stage(scenario, studio, session, () => cancelled);
    return () => {
      cancelled = true;
    };
  }, [scenario, studio, session]);
  return <SessionGrid session={session} size={size} />;
}

const scenarios: Array<{ title: string; scenario: Scenario; size?: SessionGridProps['size'] }> = [
  { title: 'performing: playing, triggered, stopping, recording, armed, scene triggered', scenario: 'performing' },
  { title: 'Live offline', scenario: 'offline' },
  { title: 'waiting for Live', scenario: 'waiting', size: 'small' },
  { title: 'failed to load', scenario: 'failed', size: 'small' },
];

const cellOf = (button: HTMLElement): HTMLElement => button.closest('[data-state]') as HTMLElement;

/** The grid in each state of the session, with cells in their states. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 28, paddingTop: 8 }}>
      {scenarios.map(({ title, scenario, size }) => (
        <figure key={title} data-scenario={scenario} style={{ margin: 0, display: 'grid', gap: 6, maxWidth: 900 }}>
          <StagedGrid scenario={scenario} size={size} />
          <figcaption className="ls-label" style={{ textAlign: 'left' }}>
            {title}
          </figcaption>
        </figure>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const performing = within(canvasElement.querySelector('[data-scenario="performing"]') as HTMLElement);
    await waitFor(
      () =>
        expect(cellOf(performing.getByRole('button', { name: 'Launch scene Outro' }))).toHaveAttribute(
          'data-state',
          'triggered',
        ),
      { timeout: 5000 },
    );
    await expect(cellOf(performing.getByRole('button', { name: 'Launch Beat A' }))).toHaveAttribute(
      'data-state',
      'playing',
    );
    await expect(performing.getByRole('progressbar', { name: 'Beat A position' })).toHaveAttribute(
      'aria-valuenow',
      '50',
    );
    await expect(cellOf(performing.getByRole('button', { name: 'Stop Drums' }))).toHaveAttribute(
      'data-state',
      'stopping',
    );
    await expect(cellOf(performing.getByRole('button', { name: 'Launch Stabs' }))).toHaveAttribute(
      'data-state',
      'recording',
    );
    await expect(performing.getByRole('button', { name: 'Record into Pad, slot 1' })).toBeInTheDocument();
    await expect(performing.getByRole('region', { name: 'Session' })).toHaveAttribute('data-beat', 'on');
    const offline = within(canvasElement.querySelector('[data-scenario="offline"]') as HTMLElement);
    await waitFor(() => expect(offline.getByRole('status')).toHaveTextContent('Live is offline'), { timeout: 5000 });
    const failed = within(canvasElement.querySelector('[data-scenario="failed"]') as HTMLElement);
    await waitFor(() => expect(failed.getByRole('status')).toHaveTextContent('Live did not answer within 30 s'), {
      timeout: 5000,
    });
  },
};

function StopTransport({ session }: { session: SessionActor }) {
  const transport = useSelector(session, (snapshot) => snapshot.children.transport as AnyActorRef | undefined);
  return (
    <button
      type="button"
      className="ls-retry"
      style={{ marginTop: 12 }}
      disabled={!transport}
      onClick={() => transport?.send({ type: 'ui.stop' })}
    >
      Stop the transport
    </button>
  );
}

function StudioGrid() {
  const studio = useStudio();
  const session = useActorRef(studio.machines.session);
  return (
    <div>
      <SessionGrid session={session} />
      <StopTransport session={session} />
      <StatePanel actor={session} label="session" />
    </div>
  );
}

const tap = (element: HTMLElement): void => {
  pointerDown(element);
  pointerUp(element, 0, 0);
};

/**
 * The real session on the fake studio (120 BPM, clips launch on the bar):
 * tap a clip and it plays (the transport starts with it); tap another of
 * its track and it blinks until the next bar, then plays; a track's stop
 * cell blinks until the bar stops it; a scene launches its row.
 */
export const Interactive: Story = {
  decorators: [withStudio({ latencyMs: 40 })],
  render: () => <StudioGrid />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const state = (name: string) => cellOf(canvas.getByRole('button', { name })).getAttribute('data-state');
    const beatA = await canvas.findByRole('button', { name: 'Launch Beat A' }, { timeout: 5000 });
    await waitFor(() => expect(state('Launch Beat A')).toBe('stopped'), { timeout: 5000 });
    tap(beatA);
    await waitFor(() => expect(state('Launch Beat A')).toBe('playing'), { timeout: 5000 });

    tap(canvas.getByRole('button', { name: 'Launch Beat B' }));
    await waitFor(() => expect(state('Launch Beat B')).toBe('triggered'), { timeout: 2000 });
    await waitFor(() => expect(state('Launch Beat B')).toBe('playing'), { timeout: 5000 });
    await expect(state('Launch Beat A')).toBe('stopped');

    tap(canvas.getByRole('button', { name: 'Stop Drums' }));
    await waitFor(() => expect(state('Stop Drums')).toBe('stopping'), { timeout: 2000 });
    await waitFor(() => expect(state('Launch Beat B')).toBe('stopped'), { timeout: 5000 });
    await expect(state('Stop Drums')).toBe('stopped');

    tap(canvas.getByRole('button', { name: 'Launch scene Chorus' }));
    await waitFor(() => expect(state('Launch scene Chorus')).toBe('triggered'), { timeout: 2000 });
    await waitFor(() => expect(state('Launch Stabs')).toBe('playing'), { timeout: 5000 });
    await expect(state('Launch Fill')).toBe('playing');
    await expect(state('Launch scene Chorus')).toBe('idle');
  },
};

/** The studio, still, its session ready; `then` runs on the page once it is. */
function ReadyGrid({ locked = false }: { locked?: boolean }) {
  const [studio] = useState(() => new FakeStudio());
  const session = useActorRef(studio.machines.session);
  useEffect(() => {
    if (locked)
      void settled(session, (snapshot) => snapshot.hasTag('ready')).then(() =>
        studio.live.link({ ...initialLinkState, status: 'online', locked: true }),
      );
  }, [locked, studio, session]);
  return <SessionGrid session={session} />;
}

const holdCell = async (canvasElement: HTMLElement, name: string): Promise<void> => {
  const cell = await within(canvasElement).findByRole('button', { name }, { timeout: 5000 });
  await waitFor(() => expect(canvasElement.querySelector('.ls-session')).toHaveAttribute('data-state', 'ready'), {
    timeout: 5000,
  });
  // a right click opens the actions, as a long press does
  void fireEvent.contextMenu(cell);
};

/** A long press on a clip: its actions (duplicate, copy, move, delete, rename, color). */
export const SlotMenuOpen: Story = {
  render: () => <ReadyGrid />,
  play: async ({ canvasElement }) => {
    await holdCell(canvasElement, 'Launch Beat B');
    const menu = await within(document.body).findByRole('dialog', { name: 'Beat B' });
    await expect(within(menu).getByRole('button', { name: /Duplicate/ })).toHaveTextContent('to Drums, slot 4');
  },
};

/** A long press on an empty slot: a new clip of a chosen length. */
export const CreateSheetOpen: Story = {
  render: () => <ReadyGrid />,
  play: async ({ canvasElement }) => {
    await holdCell(canvasElement, 'Select Bass, slot 3');
    const sheet = await within(document.body).findByRole('dialog', { name: 'New clip' });
    await expect(within(sheet).getByRole('button', { name: '4 bars' })).toBeEnabled();
  },
};

/** Locked for performance: the structural actions are disabled, with the reason. */
export const LockedActions: Story = {
  render: () => <ReadyGrid locked />,
  play: async ({ canvasElement }) => {
    await holdCell(canvasElement, 'Launch Walk');
    const menu = await within(document.body).findByRole('dialog', { name: 'Walk' });
    await waitFor(() => expect(within(menu).getByRole('note')).toHaveTextContent(LOCKED_REASON), { timeout: 3000 });
    await expect(within(menu).getByRole('button', { name: 'Move to…' })).toBeDisabled();
  },
};

/** "Move to…": the slots the clip fits are marked; the rest is set back until a tap or Cancel. */
export const Placing: Story = {
  render: () => <ReadyGrid />,
  play: async ({ canvasElement }) => {
    await holdCell(canvasElement, 'Launch Walk');
    const menu = await within(document.body).findByRole('dialog', { name: 'Walk' });
    await userEvent.click(within(menu).getByRole('button', { name: 'Move to…' }));
    await expect(within(canvasElement).getByRole('button', { name: 'Move here: Pad, slot 1' })).toBeInTheDocument();
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('to move Walk there');
  },
};

/** "Move to…", then a tap on a clip of a fitting track: the grid asks before it replaces that clip. */
export const ReplaceAsked: Story = {
  render: () => <ReadyGrid />,
  play: async ({ canvasElement }) => {
    await holdCell(canvasElement, 'Launch Walk');
    const menu = await within(document.body).findByRole('dialog', { name: 'Walk' });
    await userEvent.click(within(menu).getByRole('button', { name: 'Move to…' }));
    tap(within(canvasElement).getByRole('button', { name: 'Move here, replacing Swell: Pad, slot 2' }));
    const question = await within(document.body).findByRole('alertdialog', { name: 'Move onto a clip?' });
    await expect(question).toHaveAccessibleDescription('Replace “Swell” in Pad, slot 2 with “Walk”?');
  },
};
