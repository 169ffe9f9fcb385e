/**
 * A widget whose value drives other bindings: a row of track chips, and
 * the track chosen given to what it holds, so one knob row (or a keyboard,
 * or pads) serves whichever track the musician picks. What it holds binds
 * to the chosen track itself (`<Keys />`, `<Knob target="mixer_device
 * panning" />`), or takes its name (`{(track) => <Track name={track}>…}`).
 *
 * The choice is kept across a reload (under `storageKey`): by the track's
 * name and place, found again when the track moves or is renamed in Live
 * (`useChosenTrack`, as the app's playing pages keep theirs); with nothing
 * kept, the first armed MIDI track, else the first that can be armed.
 * With `notes` it says beside the chips where played notes go and arms the
 * chosen track in one tap (the keys and pads it holds then leave that to
 * it); with `fill` it takes the rest of a `<Layout fill>`, unframed, what it
 * holds growing into the height left: the app's Keys and Pads pages.
 */
import { useMemo, type ReactNode } from 'react';
import { PlayHead } from '../app/ArmChips';
import { TrackPicker, useChosenTrack, useTrackSummaries } from '../app/TrackPicker';
import { useTrackActors } from '../connect/use-session';
import { Scope, useLayoutServices } from './layout-context';
import { RouteSaidFor } from './notes-route';
import type { ScopeTarget } from './targets';
import { useTrackNames } from './use-tracks';

export function TrackChooser(props: {
  /** The chips' name (and the chooser's title, unless it fills). */
  label: string;
  /** The tracks offered, by name; all of the set's when absent. */
  options?: readonly string[];
  /** Where the choice is kept across a reload; `layout-choice:<label>` when absent. */
  storageKey?: string;
  /** Say where played notes go beside the chips, and arm the chosen track in one tap. */
  notes?: boolean;
  /** Take the rest of a `<Layout fill>`: no frame or title (the chips say what it is), what it holds filling the height left. */
  fill?: boolean;
  /** Widgets bound to the chosen track, or a function of its name. */
  children: ReactNode | ((track: string) => ReactNode);
}) {
  const { label, options, storageKey, notes = false, fill = false, children } = props;
  const { session } = useLayoutServices();
  const all = useTrackActors(session);
  const names = useTrackNames(all);
  // one string: the same names offered are the same tracks (a layout passes a new array each render)
  const wanted = options?.join('\n');
  const offered = useMemo(
    () => (wanted === undefined ? all : all.filter((_, index) => wanted.split('\n').includes(names[index] ?? ''))),
    [all, names, wanted],
  );
  const { chosen, choose } = useChosenTrack(storageKey ?? `layout-choice:${label}`, offered);
  // the route names every armed track, offered or not
  const everyTrack = useTrackSummaries(all);
  // a track actor's target is its track's id, for the actor's life
  const target = chosen?.actor.getSnapshot().context.track ?? null;
  const said = useMemo(() => ({ target }), [target]);
  const scope: ScopeTarget =
    target === null ? { kind: 'unbound', why: 'no track to choose yet' } : { kind: 'object', target };

  const head = notes ? (
    <PlayHead label={label} tracks={everyTrack} chips={offered} chosen={chosen} onChoose={choose} />
  ) : (
    <TrackPicker
      label={label}
      tracks={offered}
      chosen={chosen?.actor}
      onChoose={choose}
      className={fill ? 'ls-play-tracks' : undefined}
    />
  );
  const held =
    typeof children !== 'function' ? (
      children
    ) : chosen ? (
      children(chosen.name)
    ) : (
      <p className="ls-layout-unbound">Unbound: no track to choose yet</p>
    );
  const body = <Scope target={scope}>{notes ? <RouteSaidFor value={said}>{held}</RouteSaidFor> : held}</Scope>;
  if (fill)
    return (
      <section className="ls-layout-chooser" aria-label={label} data-fill>
        {head}
        <div className="ls-play-fill">{body}</div>
      </section>
    );
  return (
    <section className="ls-layout-scope" aria-label={label}>
      <h3 className="ls-layout-scope-title">{label}</h3>
      {head}
      {body}
    </section>
  );
}
