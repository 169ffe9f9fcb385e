/**
 * Above the piano roll: the clip's name and color as Live shows them, its
 * play state with launch and stop (so the loop can be heard while edited),
 * the set's scale on the keys, and whether the page follows Live's own
 * selection. And the page's two other faces: an empty slot offering a clip
 * of a chosen length, and no slot at all.
 */
import { useClipSlot, type ClipSlotActor } from '../connect/use-clip-slot';
import { cssColor } from '../theme/live-colors';

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

export interface ClipHeaderProps extends FollowProps {
  slot: ClipSlotActor;
  scale: boolean;
  onScale: (shown: boolean) => void;
}

/** The clip's name, color and play state, launch and stop, the scale and follow switches. */
export function ClipHeader({ slot, following, onFollow, scale, onScale }: ClipHeaderProps) {
  const view = useClipSlot(slot);
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
