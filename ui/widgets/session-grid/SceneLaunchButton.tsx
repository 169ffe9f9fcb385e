/** A scene launch button on a scene actor: the thin connected form of `SceneLaunch`. */
import { memo } from 'react';
import { useScene, type SceneActor } from '../../connect/use-scene';
import { SceneLaunch, type SceneLaunchProps } from './SceneLaunch';

/** The scene actor, its number in the set, and the button's size. */
export interface SceneLaunchButtonProps extends Pick<SceneLaunchProps, 'number' | 'size' | 'selected'> {
  actor: SceneActor;
}

/** A scene launch button following its scene actor. */
export const SceneLaunchButton = memo(function SceneLaunchButton({
  actor,
  number,
  size,
  selected,
}: SceneLaunchButtonProps) {
  const scene = useScene(actor);
  return <SceneLaunch {...scene} number={number} size={size} selected={selected} />;
});
