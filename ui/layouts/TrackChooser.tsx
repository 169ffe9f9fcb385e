/**
 * A widget whose value drives other bindings: a row of track chips, and the
 * track chosen given to what it holds (`{(track) => <Track name={track}>…}`),
 * so one knob row serves whichever track the musician picks. The choice is
 * kept across a reload (by the chooser's label).
 */
import { useSelector } from '@xstate/react';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { TrackPicker } from '../app/TrackPicker';
import { useTrackActors } from '../connect/use-session';
import { useStoredState } from '../settings/stored-state';
import { useLayoutServices } from './layout-context';
import { useTrackNames } from './use-tracks';

export function TrackChooser(props: {
  label: string;
  /** The tracks offered, by name; all of the set's when absent. */
  options?: readonly string[];
  children: (track: string) => ReactNode;
}) {
  const { label, options, children } = props;
  const { session } = useLayoutServices();
  const all = useTrackActors(session);
  const names = useTrackNames(all);
  const offered = all.filter((_, index) => options === undefined || options.includes(names[index] ?? ''));
  const [chosenName, choose] = useStoredState(`layout-choice:${label}`, z.string().nullable(), null);
  const chosen = offered.find((actor) => actor.getSnapshot().context.name === chosenName) ?? offered[0];
  const chosenTrack = useSelector(chosen, (snapshot) => snapshot?.context.name ?? null);
  return (
    <section className="ls-layout-scope" aria-label={label}>
      <h3 className="ls-layout-scope-title">{label}</h3>
      <TrackPicker
        label={label}
        tracks={offered}
        chosen={chosen}
        onChoose={(actor) => choose(actor.getSnapshot().context.name)}
      />
      {chosenTrack === null ? (
        <p className="ls-layout-unbound">Unbound: no track to choose yet</p>
      ) : (
        children(chosenTrack)
      )}
    </section>
  );
}
