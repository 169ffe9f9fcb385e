/**
 * The transport bar on a transport actor: the thin connected form of
 * `TransportBar`. The bar follows the buttons and the tempo; the song
 * position follows the song time in its own small component, re-rendering
 * once a sixteenth while the song plays and leaving the bar alone.
 */
import { memo, useMemo } from 'react';
import { useSongPosition, useTransport, type TransportActor } from '../../connect/use-transport';
import { SongPosition } from './SongPosition';
import { TransportBar, type TransportBarProps } from './TransportBar';

/** The connected bar's props: the transport actor, the bar's size and layout (measured when not given). */
export interface SongTransportProps extends Pick<TransportBarProps, 'size' | 'layout' | 'open'> {
  actor: TransportActor;
}

/** The song position on the transport actor. */
export const TransportPosition = memo(function TransportPosition({ actor }: { actor: TransportActor }) {
  const { text, state } = useSongPosition(actor);
  return <SongPosition text={text} state={state} />;
});

/** The transport bar following a transport actor, sending its controls as the actor's events. */
export const SongTransport = memo(function SongTransport({ actor, size, layout, open }: SongTransportProps) {
  const transport = useTransport(actor);
  const position = useMemo(() => <TransportPosition actor={actor} />, [actor]);
  return <TransportBar {...transport} size={size} layout={layout} open={open} position={position} />;
});
