/**
 * Play: the keyboard or the pads (a switch) sharing the screen with an XY
 * pad bound to any two parameters of the chosen track (its mixer's, its
 * devices' and those of the devices in its racks' chains, chosen per
 * axis). The chosen track is where the notes go (armed in one tap, as on
 * the Keys and Pads pages) and whose parameters the XY pad moves, each drag
 * one touch of both in Live (begin and end gesture), so touch automation
 * records it. On a phone, stacked (the XY pad above); on a tablet, side by
 * side. The track, the instrument and each track's XY parameters (by path
 * from the track, a rack's chain's included) are kept across a reload; the
 * keys and pads share their settings with the Keys and Pads pages.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useMemo } from 'react';
import { z } from 'zod';
import type { ParameterChoice } from '../../machines/parameter-chain';
import type { ProvidedMachines } from '../../machines/provide';
import { useStoredKeyboard } from '../connect/use-keyboard';
import { useTrackActors, type SessionActor } from '../connect/use-session';
import { useStoredState } from '../settings/stored-state';
import { LiveKeyboard } from '../widgets/keyboard/LiveKeyboard';
import { ParameterXYPad } from '../widgets/xy-pad/ParameterXYPad';
import { XYChooser, type XYAxisName, type XYChooserState } from '../widgets/xy-pad/XYChooser';
import {
  axisTitle,
  defaultXY,
  findSaved,
  NO_XY,
  savedAxis,
  SavedXYByTrackSchema,
  type SavedXY,
} from '../widgets/xy-pad/xy-binding';
import { PlayHead } from './ArmChips';
import { useInspect } from './inspect';
import { KEYBOARD_SETTINGS } from './KeysPage';
import { TrackPads } from './PadsPage';
import { useChosenTrack, type TrackSummary } from './TrackPicker';

/** What shares the screen with the XY pad. */
export type PlayInstrument = 'keys' | 'pads';

const Instrument = z.enum(['keys', 'pads']).catch('keys');

/** The keys or the pads: a pair of radio buttons. */
function InstrumentSwitch({ value, onChange }: { value: PlayInstrument; onChange: (value: PlayInstrument) => void }) {
  return (
    <div className="ls-play-switch" role="radiogroup" aria-label="Instrument">
      {(['keys', 'pads'] as const).map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={value === option}
          className="ls-tool ls-play-switch-option"
          onClick={() => onChange(option)}
        >
          {option === 'keys' ? 'Keys' : 'Pads'}
        </button>
      ))}
    </div>
  );
}

function PlayKeys({ machines, color }: { machines: ProvidedMachines; color: number | null }) {
  const keyboard = useStoredKeyboard(machines.keyboard, KEYBOARD_SETTINGS, useInspect());
  return <LiveKeyboard actor={keyboard} color={color} fill />;
}

/** The XY pad on two parameter actors, made anew when either parameter changes. */
function BoundXY({
  machines,
  x,
  y,
  color,
}: {
  machines: ProvidedMachines;
  x: ParameterChoice;
  y: ParameterChoice;
  color: number | null;
}) {
  const inspect = useInspect();
  const xActor = useActorRef(machines.parameter, { input: { parameter: x.target }, inspect });
  const yActor = useActorRef(machines.parameter, { input: { parameter: y.target }, inspect });
  return <ParameterXYPad label="XY pad" x={xActor} y={yActor} color={color} fill />;
}

const chooserState = (tags: { loading: boolean; failed: boolean; gone: boolean }): XYChooserState =>
  tags.gone ? 'gone' : tags.failed ? 'failed' : tags.loading ? 'loading' : 'ready';

/** A track's parameters to choose from, each axis's choice (saved by path per track), and the pad. */
function TrackXY({ machines, track }: { machines: ProvidedMachines; track: TrackSummary }) {
  const target = useSelector(track.actor, (snapshot) => snapshot.context.track);
  const finder = useActorRef(machines.parameterChoices, { input: { track: target }, inspect: useInspect() });
  const choices = useSelector(finder, (snapshot) => snapshot.context.choices);
  const error = useSelector(finder, (snapshot) => snapshot.context.error?.message ?? null);
  const state = useSelector(finder, (snapshot) =>
    chooserState({
      loading: snapshot.hasTag('loading'),
      failed: snapshot.hasTag('failed'),
      gone: snapshot.hasTag('gone'),
    }),
  );
  const [savedByTrack, save] = useStoredState('play.xy', SavedXYByTrackSchema, {});
  const saved: SavedXY | undefined = savedByTrack[track.name];
  // nothing saved for this track: its first device's first two parameters (not saved until chosen)
  const wanted = saved ?? (state === 'ready' ? defaultXY(choices) : NO_XY);
  const x = wanted.x ? findSaved(wanted.x, choices) : undefined;
  const y = wanted.y ? findSaved(wanted.y, choices) : undefined;
  const missing = useMemo(
    () => ({
      ...(wanted.x && !x ? { x: axisTitle(wanted.x) } : {}),
      ...(wanted.y && !y ? { y: axisTitle(wanted.y) } : {}),
    }),
    [wanted.x, wanted.y, x, y],
  );
  const onChoose = useCallback(
    (axis: XYAxisName, path: string | null) => {
      const choice = path === null ? null : choices.find((candidate) => candidate.path === path);
      const both: SavedXY = { x: x ? savedAxis(x) : null, y: y ? savedAxis(y) : null };
      save((all) => ({ ...all, [track.name]: { ...both, [axis]: choice ? savedAxis(choice) : null } }));
    },
    [choices, x, y, save, track.name],
  );
  return (
    <div className="ls-play-xy-panel">
      <XYChooser
        state={state}
        choices={choices}
        x={x?.path ?? null}
        y={y?.path ?? null}
        missing={state === 'ready' ? missing : {}}
        error={error}
        onChoose={onChoose}
        onRetry={() => finder.send({ type: 'ui.retry' })}
      />
      <div className="ls-play-xy-pad">
        {x && y ? (
          <BoundXY key={`${x.target}|${y.target}`} machines={machines} x={x} y={y} color={track.color} />
        ) : (
          <p className="ls-empty ls-play-xy-empty">
            {state === 'ready' ? 'Choose a parameter for each axis' : 'Reading the track’s devices…'}
          </p>
        )}
      </div>
    </div>
  );
}

export function PlayPage({ machines, session }: { machines: ProvidedMachines; session: SessionActor }) {
  const tracks = useTrackActors(session);
  const { chosen, summaries, choose } = useChosenTrack('play.track', tracks);
  const [instrument, setInstrument] = useStoredState<PlayInstrument>('play.instrument', Instrument, 'keys');
  return (
    <div className="ls-page ls-play-page" data-page="play">
      <PlayHead label="Track" tracks={summaries} chosen={chosen} onChoose={choose}>
        <InstrumentSwitch value={instrument} onChange={setInstrument} />
      </PlayHead>
      <div className="ls-play-body" data-instrument={instrument}>
        <section className="ls-play-xy" aria-label="XY pad">
          {chosen ? (
            <TrackXY key={chosen.actor.id} machines={machines} track={chosen} />
          ) : (
            <p className="ls-empty">Finding the tracks…</p>
          )}
        </section>
        <section className="ls-play-instrument" aria-label={instrument === 'keys' ? 'Keys' : 'Pads'}>
          {instrument === 'keys' ? (
            <PlayKeys machines={machines} color={chosen?.color ?? null} />
          ) : chosen ? (
            <TrackPads key={chosen.actor.id} machines={machines} track={chosen.actor} />
          ) : null}
        </section>
      </div>
    </div>
  );
}
