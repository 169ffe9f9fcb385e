/**
 * The transport bar on a transport actor: the thin connected form of
 * `TransportBar`. The bar follows the buttons and the tempo; the song
 * position follows the song time in its own small component, re-rendering
 * once a sixteenth while the song plays and leaving the bar alone.
 */
import { useSelector } from '@xstate/react';
import { memo, useMemo } from 'react';
import { sameView } from '../../connect/use-parameter';
import { SongPosition } from './SongPosition';
import { TransportBar, type TransportBarProps } from './TransportBar';
import { positionView, transportView, type TransportActor } from './transport-view';

/** The connected bar's props: the transport actor and the bar's size. */
export interface SongTransportProps extends Pick<TransportBarProps, 'size'> {
  actor: TransportActor;
}

/** The song position on the transport actor. */
export const TransportPosition = memo(function TransportPosition({ actor }: { actor: TransportActor }) {
  const { text, state } = useSelector(actor, positionView, sameView);
  return <SongPosition text={text} state={state} />;
});

/** The transport bar following a transport actor, sending its controls as the actor's events. */
export const SongTransport = memo(function SongTransport({ actor, size }: SongTransportProps) {
  const view = useSelector(actor, transportView, sameView);
  const callbacks = useMemo(
    () => ({
      onPlay: () => actor.send({ type: 'ui.play' }),
      onStop: () => actor.send({ type: 'ui.stop' }),
      onArrangementRecord: () => actor.send({ type: 'ui.arrangementRecord' }),
      onSessionRecord: () => actor.send({ type: 'ui.sessionRecord' }),
      onMetronome: () => actor.send({ type: 'ui.metronome' }),
      onTempo: (bpm: number) => actor.send({ type: 'ui.tempo', bpm }),
      onTap: () => actor.send({ type: 'ui.tap' }),
    }),
    [actor],
  );
  const position = useMemo(() => <TransportPosition actor={actor} />, [actor]);
  return <TransportBar {...view} {...callbacks} size={size} position={position} />;
});
