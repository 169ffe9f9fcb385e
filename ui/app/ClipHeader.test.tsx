// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ComponentType, ReactNode } from 'react';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { settle } from '../../fake-live/fake-live';
import { slotWithClip } from '../../fake-live/test-sets';
import { provideMachines } from '../../machines/provide';
import { RENDER_MODES } from '../test/render-modes';
import { ClipHeader } from './ClipHeader';

/** The open clip (`id 11` in slot `id 10`), with its launch settings as a new clip has them. */
async function header(Mode: ComponentType<{ children?: ReactNode }>) {
  const live = slotWithClip();
  live.define('id 11', { launch_mode: 0, launch_quantization: 0 });
  const machines = provideMachines(live.effects());
  const slot = createActor(machines.clipSlot, { input: { slot: 'id 10' } }).start();
  render(
    <Mode>
      <ClipHeader
        slot={slot}
        machines={machines}
        following={false}
        onFollow={() => {}}
        scale={false}
        onScale={() => {}}
      />
    </Mode>,
  );
  await act(settle);
  return live;
}

describe.each(RENDER_MODES)('ClipHeader (%s)', (_, Mode) => {
  it('shows the open clip’s launch mode and quantization as Live has them, and sets them', async () => {
    const live = await header(Mode);
    const settings = screen.getByRole('group', { name: 'Launch Settings' });
    const mode = within(settings).getByRole('button', { name: 'Launch Mode: Trigger' });
    fireEvent.click(mode);
    expect(
      within(screen.getByRole('listbox', { name: 'Launch Mode' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Trigger', 'Gate', 'Toggle', 'Repeat']);
    fireEvent.click(screen.getByRole('option', { name: 'Gate' }));
    fireEvent.click(within(settings).getByRole('button', { name: 'Launch Quantization: Global' }));
    expect(screen.getAllByRole('option')).toHaveLength(15);
    fireEvent.click(screen.getByRole('option', { name: '1/8T' }));
    await act(settle);
    expect(live.calls.filter((call) => call.includes('launch'))).toEqual([
      'set id 11 launch_mode 1',
      'set id 11 launch_quantization 11',
    ]);
    expect(within(settings).getByRole('button', { name: 'Launch Mode: Gate' })).toBeInTheDocument();
    // changed in Live: shown
    act(() => live.change('id 11', 'launch_quantization', 1));
    expect(within(settings).getByRole('button', { name: 'Launch Quantization: None' })).toBeInTheDocument();
  });
});
