/**
 * The rendering benchmark's page (`npm run bench:render` opens it in
 * Chromium): 256 knobs on parameters that all change at 60 Hz, eight volume
 * faders with their meters moving, on the fake studio. Each control is its
 * own actor's view; the page itself never re-renders.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { useEffect } from 'react';
import { defineParameter, studioTargets } from '../fake-studio/studio-set';
import { useStudio, withStudio } from '../fake-studio/studio-react';
import type { FakeStudio } from '../fake-studio/fake-studio';
import { ParameterFader } from '../widgets/fader/ParameterFader';
import { DialLayer } from '../widgets/knob/dial-layer';
import { ParameterKnob } from '../widgets/knob/ParameterKnob';
import { TrackMeter } from '../widgets/meter/TrackMeter';

/** As many parameters as the heaviest page could show: 32 devices' banks of eight. */
const MAX_KNOBS = 256;
const RATE_HZ = 60;
const target = (index: number): string => `id ${5000 + index}`;

function defineMany(studio: FakeStudio): void {
  for (let index = 0; index < MAX_KNOBS; index += 1) {
    if (!studio.live.objects.has(target(index)))
      defineParameter(studio.live, target(index), {
        name: `P${index + 1}`,
        value: 0.5,
        format: (value) => `${Math.round(value * 100)} %`,
      });
  }
}

/** Moves every parameter at RATE_HZ, as Live would send them; counts the changes for the benchmark. */
function useDriver(studio: FakeStudio, knobs: number): void {
  useEffect(() => {
    const started = performance.now();
    const window_ = window as unknown as { __changes?: number };
    window_.__changes = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    // the flood starts once the page has rendered and Storybook has said the story finished
    const start = setTimeout(() => {
      timer = setInterval(() => {
        const t = (performance.now() - started) / 1000;
        for (let index = 0; index < knobs; index += 1)
          studio.live.change(target(index), 'value', 0.5 + 0.45 * Math.sin(t * 2 + index / 7));
        window_.__changes = (window_.__changes ?? 0) + knobs;
      }, 1000 / RATE_HZ);
    }, 500);
    return () => {
      clearTimeout(start);
      clearInterval(timer);
    };
  }, [studio, knobs]);
}

function Knob({ index }: { index: number }) {
  const studio = useStudio();
  const actor = useActorRef(studio.machines.parameter, { input: { parameter: target(index) } });
  return <ParameterKnob actor={actor} size="small" />;
}

function Strip({ track }: { track: number }) {
  const studio = useStudio();
  const trackActor = useActorRef(studio.machines.track, {
    input: { track: studioTargets.track(track), kind: 'track' },
  });
  const volume = useActorRef(studio.machines.parameter, {
    input: { parameter: studioTargets.volume(studioTargets.track(track)) },
  });
  return (
    <ParameterFader actor={volume} size="small" marks={[0.85]}>
      <TrackMeter actor={trackActor} size="small" />
    </ParameterFader>
  );
}

function Launcher() {
  const studio = useStudio();
  useEffect(() => {
    // the studio's fire handler answers at once (null): nothing to wait for
    for (let track = 0; track < 4; track += 1)
      void studio.live.handlers.get('fire')?.({ target: studioTargets.slot(track, 0), fn: 'fire' }, studio.live);
  }, [studio]);
  return null;
}

function ManyValuesPage({ knobs }: { knobs: number }) {
  const studio = useStudio();
  defineMany(studio);
  useDriver(studio, knobs);
  return (
    <div className="ls-bench">
      <Launcher />
      <div className="ls-bench-strips">
        {[0, 1, 2, 3].map((track) => (
          <Strip key={track} track={track} />
        ))}
      </div>
      <div className="ls-bench-knobs">
        <DialLayer>
          {Array.from({ length: knobs }, (_, index) => (
            <Knob key={index} index={index} />
          ))}
        </DialLayer>
      </div>
    </div>
  );
}

const meta = {
  title: 'Benchmarks/Many Values',
  parameters: { layout: 'fullscreen', controls: { disable: true } },
} satisfies Meta;

export default meta;

/** 256 knobs moving at once: the worst case. */
export const ManyValues: StoryObj<typeof meta> = {
  decorators: [withStudio()],
  render: () => <ManyValuesPage knobs={MAX_KNOBS} />,
};

/** A full page of a tablet: eight devices' banks of eight knobs, all moving. */
export const APageOfKnobs: StoryObj<typeof meta> = {
  decorators: [withStudio()],
  render: () => <ManyValuesPage knobs={64} />,
};
