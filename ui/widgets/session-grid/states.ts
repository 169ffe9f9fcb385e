/**
 * The states the session grid's views show, each the flattening of its
 * machine's states and tags to one word (the connectors in `connect/` do the
 * flattening), in the order the stories show them.
 */

/** The states a clip cell shows: the clip slot machine's. */
export type ClipCellState =
  'empty' | 'checking' | 'creating' | 'loading' | 'stopped' | 'triggered' | 'playing' | 'recording' | 'failed' | 'gone';

/** Every state, in the order the stories show them. */
export const CLIP_CELL_STATES: readonly ClipCellState[] = [
  'empty',
  'checking',
  'creating',
  'loading',
  'stopped',
  'triggered',
  'playing',
  'recording',
  'failed',
  'gone',
];

/** What a cell in this state tells a screen reader about itself. */
export function clipStateText(state: ClipCellState, options: { armed?: boolean; error?: string | null } = {}): string {
  switch (state) {
    case 'empty':
      return options.armed ? 'Empty, track armed' : 'Empty';
    case 'checking':
      return 'Checking the slot';
    case 'creating':
      return 'Creating a clip';
    case 'loading':
      return 'Loading the clip';
    case 'stopped':
      return 'Stopped';
    case 'triggered':
      return 'Triggered, starts on the next launch';
    case 'playing':
      return 'Playing';
    case 'recording':
      return 'Recording';
    case 'failed':
      return options.error ? `Failed: ${options.error}` : 'Failed';
    case 'gone':
      return 'Deleted in Live';
  }
}

/** The states a stop cell shows: `stopping` is a stop Live has fired for the track (fired_slot_index -2), done on the next launch. */
export type StopCellState = 'loading' | 'stopped' | 'playing' | 'stopping' | 'failed' | 'gone';

/** Every state, in the order the stories show them. */
export const STOP_CELL_STATES: readonly StopCellState[] = [
  'loading',
  'stopped',
  'playing',
  'stopping',
  'failed',
  'gone',
];

/** The states a scene launch button shows: the scene machine's. */
export type SceneLaunchState = 'loading' | 'idle' | 'triggered' | 'failed' | 'gone';

/** Every state, in the order the stories show them. */
export const SCENE_LAUNCH_STATES: readonly SceneLaunchState[] = ['loading', 'idle', 'triggered', 'failed', 'gone'];

/** The session's state as the grid shows it. */
export type SessionGridState = 'waiting' | 'loading' | 'settling' | 'ready' | 'offline' | 'failed';
