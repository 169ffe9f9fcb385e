/** A scene launch button on a scene actor: the thin connected form of `SceneLaunch`. */
import { useSelector } from '@xstate/react';
import { memo, useMemo } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { SceneMachine } from '../../../machines/scene';
import { sameView } from '../../connect/use-parameter';
import { SceneLaunch, type SceneLaunchProps } from './SceneLaunch';
import { sceneLaunchView } from './scene-view';

/** A scene actor the session spawns. */
export type SceneActor = ActorRefFrom<SceneMachine>;

/** The scene actor, its number in the set, and the button's size. */
export interface SceneLaunchButtonProps extends Pick<SceneLaunchProps, 'number' | 'size'> {
  actor: SceneActor;
}

/** A scene launch button following its scene actor. */
export const SceneLaunchButton = memo(function SceneLaunchButton({ actor, number, size }: SceneLaunchButtonProps) {
  const view = useSelector(actor, sceneLaunchView, sameView);
  const callbacks = useMemo(
    () => ({ onLaunch: () => actor.send({ type: 'ui.fire' }), onRetry: () => actor.send({ type: 'ui.retry' }) }),
    [actor],
  );
  return <SceneLaunch {...view} number={number} size={size} {...callbacks} />;
});
