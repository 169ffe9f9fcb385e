/** A keyboard on a keyboard actor: the thin connected form of `Keyboard`. */
import { memo, useLayoutEffect } from 'react';
import { useKeyboard, type KeyboardActor } from '../../connect/use-keyboard';
import { Keyboard, type KeyboardProps } from './Keyboard';

/** The actor to play, and how the keyboard looks. */
export interface LiveKeyboardProps extends Pick<KeyboardProps, 'octaves' | 'size' | 'color' | 'fill'> {
  actor: KeyboardActor;
}

/** Plays the actor; on unmount, everything it held stops (`ui.allOff`). */
export const LiveKeyboard = memo(function LiveKeyboard({ actor, ...look }: LiveKeyboardProps) {
  const keyboard = useKeyboard(actor);
  // a layout effect's cleanup runs before the passive one that stops an actor
  // owned above (useActorRef), so the notes still reach it
  useLayoutEffect(() => () => actor.send({ type: 'ui.allOff' }), [actor]);
  return <Keyboard {...keyboard} {...look} />;
});
