// @vitest-environment jsdom
/**
 * The Pads page, a layout on the studio's session: one track choice, kept
 * under `pads.track`, its Drum Rack on the pads (a plain grid where it has
 * none), where the notes go said once, the pads' settings under `pads`
 * (the Play page's too).
 */
import { act, render, screen, within } from '@testing-library/react';
import { createActor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionActor } from '../connect/use-session';
import { FakeStudio } from '../fake-studio/fake-studio';
import { PADS_SETTINGS, PadsPage } from './PadsPage';

async function settled(times = 20): Promise<void> {
  for (let i = 0; i < times; i += 1) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('the Pads page', () => {
  let studio: FakeStudio;
  let session: SessionActor;
  beforeEach(() => {
    localStorage.clear();
    studio = new FakeStudio();
    session = createActor(studio.machines.session).start();
  });
  afterEach(() => {
    session.stop();
    studio.stop();
  });

  it('shows the chosen track’s Drum Rack, a plain grid for another, and keeps the choice and note repeat', async () => {
    const page = render(<PadsPage machines={studio.machines} session={session} />);
    await settled();
    // one choice on the page: the track
    expect(screen.getAllByRole('radiogroup')).toHaveLength(1);
    expect(screen.getByRole('radio', { name: 'Drums' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('status', { name: 'Pads' })).toHaveTextContent('808 Core Kit');
    expect(screen.getAllByRole('status', { name: 'Where the notes go' })).toHaveLength(1);
    act(() => screen.getByRole('radio', { name: 'Bass' }).click());
    await settled();
    expect(document.querySelector('.ls-pads')).toHaveAttribute('data-state', 'plain');
    act(() => screen.getByRole('button', { name: 'Repeat' }).click());
    await settled();
    expect(JSON.parse(localStorage.getItem('livesurface:pads.track') ?? 'null')).toEqual({ name: 'Bass', index: 1 });
    expect(JSON.parse(localStorage.getItem(`livesurface:${PADS_SETTINGS}`) ?? '{}')).toMatchObject({ repeat: true });

    page.unmount();
    render(<PadsPage machines={studio.machines} session={session} />);
    await settled();
    expect(
      within(screen.getByRole('radiogroup', { name: 'Track' })).getByRole('radio', { name: 'Bass' }),
    ).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('button', { name: 'Repeat' })).toHaveAttribute('aria-pressed', 'true');
  });
});
