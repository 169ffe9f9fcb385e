// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { sceneLaunchView } from '../../connect/use-scene';
import { fakeActor } from '../../test/fake-actor';
import { pointerDown, pointerUp } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { SceneLaunch, type SceneLaunchProps } from './SceneLaunch';
import { SceneLaunchButton } from './SceneLaunchButton';
import { sceneSnapshot, seedSceneLaunch } from './seed';
import { SCENE_LAUNCH_STATES } from './states';

const tap = (element: Element): void => {
  pointerDown(element);
  pointerUp(element, 0, 0);
};

describe.each(RENDER_MODES)('SceneLaunch (%s)', (_, Mode) => {
  const scene = (props: Partial<SceneLaunchProps> = {}) => {
    const spies = { onLaunch: vi.fn(), onRetry: vi.fn() };
    render(
      <Mode>
        <SceneLaunch state="idle" name="Chorus" number={3} color={0x10a4ee} {...spies} {...props} />
      </Mode>,
    );
    return spies;
  };

  it('launches the scene by its name, in its color', () => {
    const { onLaunch } = scene();
    const launch = screen.getByRole('button', { name: 'Launch scene Chorus' });
    expect(launch).toHaveAccessibleDescription('Ready to launch');
    expect((document.querySelector('.ls-scene') as HTMLElement).style.getPropertyValue('--ls-scene-color')).toBe(
      '#10a4ee',
    );
    tap(launch);
    fireEvent.click(launch, { detail: 0 });
    expect(onLaunch).toHaveBeenCalledTimes(2);
  });

  it('is named by its number when Live’s name is empty', () => {
    scene({ name: '', number: 5 });
    expect(screen.getByRole('button', { name: 'Launch scene 5' })).toHaveTextContent('Scene 5');
  });

  it('says it is triggered, and launches again then', () => {
    const { onLaunch } = scene({ state: 'triggered' });
    const launch = screen.getByRole('button', { name: 'Launch scene Chorus' });
    expect(launch).toHaveAccessibleDescription('Triggered, starts on the next launch');
    tap(launch);
    expect(onLaunch).toHaveBeenCalledTimes(1);
  });

  it('marks a launch Live refused, and says why', () => {
    scene({ error: 'the set is locked' });
    expect(screen.getByRole('button', { name: 'Launch scene Chorus' })).toHaveAccessibleDescription(
      'Ready to launch: the set is locked',
    );
    expect(document.querySelector('.ls-clip-notice')).toHaveAttribute('title', 'the set is locked');
  });

  it('takes no press while loading, failed or deleted, and offers a retry when failed', () => {
    for (const state of ['loading', 'failed', 'gone'] as const) {
      const { onLaunch, onRetry } = scene({ state, error: state === 'failed' ? 'Live is offline' : null });
      const launch = screen.getByRole('button', { name: 'Launch scene Chorus' });
      expect(launch).toHaveAttribute('aria-disabled', 'true');
      tap(launch);
      expect(onLaunch).not.toHaveBeenCalled();
      if (state === 'loading') expect(launch).toHaveAttribute('aria-busy', 'true');
      if (state === 'failed') {
        expect(launch).toHaveAccessibleDescription('Failed: Live is offline');
        fireEvent.click(screen.getByRole('button', { name: 'Retry scene Chorus' }));
        expect(onRetry).toHaveBeenCalledTimes(1);
      }
      document.body.innerHTML = '';
    }
  });
});

describe('the scene’s view', () => {
  it('reads each machine state, and a refused launch as its error', () => {
    expect(SCENE_LAUNCH_STATES.map((state) => sceneLaunchView(sceneSnapshot(state)).state)).toEqual(
      SCENE_LAUNCH_STATES,
    );
    expect(seedSceneLaunch('idle', { commandError: 'locked' }).error).toBe('locked');
    expect(seedSceneLaunch('loading').color).toBeNull();
  });
});

describe('SceneLaunchButton', () => {
  it.each(RENDER_MODES)('fires and retries through the scene actor, and follows it (%s)', (_, Mode) => {
    const fake = fakeActor(sceneSnapshot('idle'));
    render(
      <Mode>
        <SceneLaunchButton actor={fake.actor} number={3} />
      </Mode>,
    );
    tap(screen.getByRole('button', { name: 'Launch scene Chorus' }));
    expect(fake.sent).toEqual([{ type: 'ui.fire' }]);
    act(() => fake.emit(sceneSnapshot('triggered')));
    expect(document.querySelector('.ls-scene')).toHaveAttribute('data-state', 'triggered');
    act(() => fake.emit(sceneSnapshot('failed')));
    fireEvent.click(screen.getByRole('button', { name: 'Retry scene Chorus' }));
    expect(fake.sent.at(-1)).toEqual({ type: 'ui.retry' });
  });

  it('re-renders only when what it shows changes', () => {
    const fake = fakeActor(sceneSnapshot('idle'));
    const commits = vi.fn();
    render(
      <Profiler id="scene" onRender={commits}>
        <SceneLaunchButton actor={fake.actor} number={1} />
      </Profiler>,
    );
    act(() => fake.emit(sceneSnapshot('idle', { retries: 0, id: 'scene:id 41' })));
    expect(commits).toHaveBeenCalledTimes(1);
    act(() => fake.emit(sceneSnapshot('idle', { name: 'Chorus 2' })));
    expect(commits).toHaveBeenCalledTimes(2);
  });
});
