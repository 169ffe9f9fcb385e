/**
 * Above the piano roll: the clip's name and color as Live shows them, its
 * play state with launch and stop (so the loop can be heard while edited),
 * its launch settings as in Live's Clip View (launch mode, and its own launch
 * quantization or the song's), the set's scale on the keys, and whether the
 * page follows Live's own selection. And the page's two other faces: an
 * empty slot offering a clip of a chosen length, and no slot at all.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { CLIP_QUANTIZATIONS, LAUNCH_MODES } from '../../machines/clip-launch-settings';
import type { ProvidedMachines } from '../../machines/provide';
import { useClipSlot, type ClipSlotActor } from '../connect/use-clip-slot';
import { cssColor } from '../theme/live-colors';
import { ChoicePicker } from '../widgets/transport-bar/ChoicePicker';
import { useInspect } from './inspect';

interface FollowProps {
  following: boolean;
  onFollow: (follow: boolean) => void;
}

function FollowSwitch({ following, onFollow }: FollowProps) {
  return (
    <button type="button" className="ls-tool" aria-pressed={following} onClick={() => onFollow(!following)}>
      Follow Live
    </button>
  );
}

const PLAY_WORDS: Record<string, string> = {
  stopped: 'Stopped',
  triggered: 'Starting on the bar',
  playing: 'Playing',
  recording: 'Recording',
  empty: 'Empty slot',
};

/** The machine of a clip's launch settings, provided (`provideMachines`). */
type LaunchSettingsLogic = ProvidedMachines['clipLaunchSettings'];

/** A clip's launch mode and launch quantization, observed and chosen (on its own actor, for the clip open). */
function ClipLaunchSettings({ logic, clip }: { logic: LaunchSettingsLogic; clip: string }) {
  const actor = useActorRef(logic, { input: { clip }, inspect: useInspect() });
  const ready = useSelector(actor, (snapshot) => snapshot.hasTag('ready'));
  const mode = useSelector(actor, (snapshot) => snapshot.context.mode);
  const quantization = useSelector(actor, (snapshot) => snapshot.context.quantization);
  const refused = useSelector(actor, (snapshot) => snapshot.context.commandError);
  return (
    <span className="ls-clip-launch-settings" role="group" aria-label="Launch Settings">
      <ChoicePicker
        label="Launch Mode"
        options={LAUNCH_MODES}
        value={mode}
        columns={2}
        size="small"
        disabled={!ready}
        onChoose={(value) => actor.send({ type: 'ui.launchMode', value })}
      />
      <ChoicePicker
        label="Launch Quantization"
        options={CLIP_QUANTIZATIONS}
        value={quantization}
        size="small"
        disabled={!ready}
        onChoose={(value) => actor.send({ type: 'ui.launchQuantization', value })}
      />
      {refused && (
        <span className="ls-clip-launch-settings-refused" role="alert">
          Live refused: {refused}
        </span>
      )}
    </span>
  );
}

export interface ClipHeaderProps extends FollowProps {
  slot: ClipSlotActor;
  scale: boolean;
  onScale: (shown: boolean) => void;
  /** The machines, for the clip's launch settings (without them the header shows none). */
  machines?: Pick<ProvidedMachines, 'clipLaunchSettings'>;
}

/** The clip's name, color and play state, launch and stop, its launch settings, the scale and follow switches. */
export function ClipHeader({ slot, following, onFollow, scale, onScale, machines }: ClipHeaderProps) {
  const view = useClipSlot(slot);
  const clip = useSelector(slot, (snapshot) => (snapshot.hasTag('empty') ? null : snapshot.context.clip));
  const playing = view.state === 'playing' || view.state === 'recording' || view.state === 'triggered';
  return (
    <div className="ls-clip-header" data-state={view.state}>
      <span className="ls-clip-swatch" style={{ background: view.color === null ? undefined : cssColor(view.color) }} />
      <h2 className="ls-clip-title">{view.name || (view.state === 'empty' ? 'Empty slot' : 'Untitled clip')}</h2>
      <span className="ls-clip-play" role="status">
        {PLAY_WORDS[view.state] ?? ''}
      </span>
      {view.state !== 'empty' && (
        <button
          type="button"
          className="ls-tool ls-clip-header-launch"
          aria-pressed={playing}
          onClick={playing ? () => slot.send({ type: 'ui.stop' }) : view.onLaunch}
        >
          {playing ? 'Stop' : 'Launch'}
        </button>
      )}
      {machines && clip !== null && <ClipLaunchSettings key={clip} logic={machines.clipLaunchSettings} clip={clip} />}
      <span className="ls-clip-header-gap" />
      <button type="button" className="ls-tool" aria-pressed={scale} onClick={() => onScale(!scale)}>
        Scale
      </button>
      <FollowSwitch following={following} onFollow={onFollow} />
    </div>
  );
}

const LENGTHS = [
  { bars: 1, label: '1 bar' },
  { bars: 2, label: '2 bars' },
  { bars: 4, label: '4 bars' },
  { bars: 8, label: '8 bars' },
];

/** An empty slot: a new MIDI clip of a chosen length (Live's undo takes it back). */
export function CreateClip({ onCreate }: { onCreate: (beats: number) => void }) {
  return (
    <section className="ls-clip-create" aria-label="New clip">
      <p>This slot is empty. Make a MIDI clip to draw notes in:</p>
      <div className="ls-clip-create-lengths">
        {LENGTHS.map(({ bars, label }) => (
          <button key={bars} type="button" className="ls-tool" onClick={() => onCreate(bars * 4)}>
            {label}
          </button>
        ))}
      </div>
    </section>
  );
}

/** No slot chosen: how to choose one. */
export function NoClip({ following, onFollow }: FollowProps) {
  return (
    <section className="ls-clip-none">
      <p>
        {following
          ? 'Select a clip slot in Live and its clip shows here.'
          : 'Open a clip with its ✎ on the Session page, or follow the clip selected in Live.'}
      </p>
      <FollowSwitch following={following} onFollow={onFollow} />
    </section>
  );
}
