/**
 * What the Mixer Row and Mixer Page stories share: the big set's mixer with
 * a button that makes Live select a return, and the checks their play
 * functions make on it.
 */
import { useActorRef } from '@xstate/react';
import { useState, type ReactNode } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ref } from '../../../fake-live/set-builder';
import type { ProvidedMachines } from '../../../machines/provide';
import type { SessionActor } from '../../connect/use-session';
import { bigMixer, MIXER_RETURNS, MIXER_TRACKS } from './mixer-set';

/** `show` on the big set (twelve tracks, four returns with four sends each, the master), and "Live selects D-Crush". */
export function OnTheBigMixer({ show }: { show: (machines: ProvidedMachines, session: SessionActor) => ReactNode }) {
  const [{ live, machines }] = useState(bigMixer);
  const session = useActorRef(machines.session);
  return (
    <div className="ls-root" style={{ padding: 8 }}>
      {show(machines, session)}
      <button
        type="button"
        className="ls-chip"
        onClick={() => live.change('live_set view', 'selected_track', ref(24, 'Track'))}
      >
        Live selects D-Crush
      </button>
    </div>
  );
}

/** The strip named `name` in the mixer. */
export const stripNamed = (canvasElement: HTMLElement, name: string): HTMLElement =>
  within(within(canvasElement).getByRole('region', { name: 'Mixer' })).getByRole('group', { name });

/** Every track's strip, then the returns, then the master, once the mixer has them. */
export async function expectEveryStrip(canvasElement: HTMLElement): Promise<void> {
  const mixer = within(await within(canvasElement).findByRole('region', { name: 'Mixer' }, { timeout: 5000 }));
  await waitFor(
    () =>
      expect(mixer.getAllByRole('group').map((group) => group.getAttribute('aria-label'))).toEqual([
        ...MIXER_TRACKS,
        ...MIXER_RETURNS,
        'Main',
      ]),
    { timeout: 5000 },
  );
}

/** The track Live selected (Kick) is outlined; a tap on Vox's name selects it; Live selecting a return moves the outline. */
export async function expectSelectionFollowed(canvasElement: HTMLElement): Promise<void> {
  await waitFor(() => expect(stripNamed(canvasElement, 'Kick')).toHaveAttribute('data-selected', 'true'), {
    timeout: 3000,
  });
  await userEvent.click(within(stripNamed(canvasElement, 'Vox')).getByRole('button', { name: 'Select Vox in Live' }));
  await waitFor(() => expect(stripNamed(canvasElement, 'Vox')).toHaveAttribute('data-selected', 'true'));
  await expect(stripNamed(canvasElement, 'Kick')).not.toHaveAttribute('data-selected');
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Live selects D-Crush' }));
  await waitFor(() => expect(stripNamed(canvasElement, 'D-Crush')).toHaveAttribute('data-selected', 'true'));
}
