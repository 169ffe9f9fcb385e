/**
 * The clip editor: a MIDI clip's notes, edited by touch on Live's own notes
 * (by `note_id`) and Live's own undo history.
 *
 * It reads the clip's properties and all its notes (`get_all_notes_extended`),
 * then observes the notes and the loop and markers. Every edit shows at once
 * and joins a queue that reaches Live in order, at most one request per
 * frame of the display (an edit of more notes than one call takes goes in
 * several, `clip-edit-requests.ts`): a gesture's moves merge while they wait (latest
 * wins), and a gesture is one step of Live's history (`begin_undo_step` /
 * `end_undo_step`), so Live's undo takes it back whole. Live's answers
 * replace what was shown; a change made in Live or on another tablet shows
 * without moving the notes under a finger. An edit Live refuses is rolled
 * back with a word; edits made while Live is away wait, shown as such, and
 * go when it is back, in one step of its history.
 *
 * States (parallel):
 * - clip: loading, open {notes, ready {idle, reading, resting}}, audio (not
 *   a MIDI clip), failed (retries with backoff, or at once on `ui.retry`),
 *   gone (the clip was deleted, or Live started again).
 * - link: online, offline (Live not usable; edits wait).
 * - queue: idle, waiting (for a frame), sending, setting (a clip property),
 *   held (Live away; the edits wait).
 * - history: idle, reading (`can_undo`, `can_redo`: Live has no listener for them).
 * - gesture: free, holding (a finger holds notes, the loop or the markers: one step of Live's history).
 * - preview: quiet, sounding (the note a finger added or moved, on the track's MIDI).
 *
 * Events: `ui.add` {pitch, beat}, `ui.remove` {keys}, `ui.select` {keys, mode},
 * `ui.selectAll`, `ui.grab` {key, handle, copy}, `ui.drag` {beats, semitones,
 * free}, `ui.velocity` {changes}, `ui.loop` {start, end}, `ui.markers` {start,
 * end}, `ui.release`,
 * `ui.cancel`, `ui.delete`, `ui.duplicate`, `ui.transpose` {semitones},
 * `ui.quantize`, `ui.mute` {mute?}, `ui.loopDouble`, `ui.loopHalve`, `ui.undo`,
 * `ui.redo`, `ui.grid` {grid}, `ui.sound` {on}, `ui.dismiss`, `ui.discard`,
 * `ui.retry`; `live.value`, `live.status`, `frame`.
 */
import type { DoneActorEvent, ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import type { ClipEditorContext } from './clip-editor-model';
import { clipEditorSetup } from './clip-editor-setup';
import type { FrameEvent, LiveStatusEvent, LiveValue } from './effects';
import type { Grid } from './note-gestures';
import { lateObservationErrors, observeInvoke, type ObservationError, type ObservedProperty } from './observe-invoke';
import { failureOf, headCall, type EditFailure } from './clip-edit-requests';
import { errorParams, failedState, goneOrFailed } from './retry-cycle';

export type { ClipEditorContext } from './clip-editor-model';

/** Which clip, and where its notes sound while edited. */
export interface ClipEditorInput {
  /** The Clip's target, e.g. `id 2012`. */
  clip: string;
  song?: string;
  /** The MIDI channel notes sound on, 0..15. */
  channel?: number;
}

type Key = number | string;

/** What the editor takes (see the file's doc). */
export type ClipEditorEvent =
  | { type: 'ui.add'; pitch: number; beat: number }
  | { type: 'ui.remove'; keys: readonly Key[] }
  | { type: 'ui.select'; keys: readonly Key[]; mode: 'replace' | 'toggle' | 'add' }
  | { type: 'ui.selectAll' }
  | { type: 'ui.grab'; key: Key; handle: 'body' | 'start' | 'end'; copy: boolean }
  | { type: 'ui.drag'; beats: number; semitones: number; free: boolean }
  | { type: 'ui.velocity'; changes: readonly { key: Key; velocity: number }[] }
  | { type: 'ui.loop'; start: number; end: number }
  | { type: 'ui.markers'; start: number; end: number }
  | { type: 'ui.release' }
  | { type: 'ui.cancel' }
  | { type: 'ui.delete' }
  | { type: 'ui.duplicate' }
  | { type: 'ui.transpose'; semitones: number }
  | { type: 'ui.quantize' }
  | { type: 'ui.mute'; mute?: boolean }
  | { type: 'ui.loopDouble' }
  | { type: 'ui.loopHalve' }
  | { type: 'ui.undo' }
  | { type: 'ui.redo' }
  | { type: 'ui.grid'; grid: Grid }
  | { type: 'ui.sound'; on: boolean }
  | { type: 'ui.dismiss' }
  | { type: 'ui.discard' }
  | { type: 'ui.retry' }
  | LiveValue
  | LiveStatusEvent
  | FrameEvent
  /** Raised by the editor itself: a note to sound, Live's history to read again. */
  | { type: 'preview'; pitch: number }
  | { type: 'history.refresh' }
  | { type: 'clip.lost' }
  | { type: 'clip.relocate' };

/** What the editor hears of its children. */
export type ClipEditorOutcome =
  | DoneActorEvent<Record<string, JsonValue>, 'loadClip' | 'history'>
  | DoneActorEvent<JsonValue, 'locate' | 'loadNotes' | 'readNotes' | 'send' | 'setProp'>
  | ErrorActorEvent<unknown, 'locate' | 'loadClip' | 'loadNotes' | 'readNotes' | 'history' | 'send' | 'setProp'>
  | ObservationError;

const ofClip = (key: string): ObservedProperty<ClipEditorContext> => ({ key, prop: key, target: (c) => c.clip });
const OBSERVED = [
  'notes',
  'name',
  'color',
  'loop_start',
  'loop_end',
  'start_marker',
  'end_marker',
  'looping',
  'signature_numerator',
  'signature_denominator',
].map(ofClip);

/** What the editor reads of the clip first. */
export const CLIP_PROPS = [
  ...OBSERVED.filter((observed) => observed.key !== 'notes').map((o) => o.prop),
  'is_midi_clip',
];

/** An editor before Live said anything: an empty 1-bar MIDI clip, a grid of a 16th, notes sounding. */
export function initialClipEditorContext(input: ClipEditorInput): ClipEditorContext {
  return {
    clip: input.clip,
    song: input.song ?? 'live_set',
    channel: Math.min(15, Math.max(0, Math.round(input.channel ?? 0))),
    name: '',
    color: 0,
    midi: null,
    bounds: { loop_start: 0, loop_end: 4, start_marker: 0, end_marker: 4 },
    looping: true,
    signature: { numerator: 4, denominator: 4 },
    base: [],
    edits: [],
    seq: 1,
    nextKey: 1,
    hold: null,
    selection: [],
    grid: 0.25,
    velocity: 100,
    sound: true,
    canUndo: false,
    canRedo: false,
    readAgain: false,
    usable: true,
    linkUp: true,
    path: null,
    located: false,
    resends: 0,
    epoch: null,
    notesObserved: false,
    previewing: null,
    setting: null,
    notice: null,
    error: null,
    retries: 0,
  };
}

/** Whether the request for the head of the queue failed this way (`clip-edit-requests.ts`). */
function headFailed(kind: EditFailure) {
  return ({ context, event }: { context: ClipEditorContext; event: { error: unknown } }): boolean => {
    const head = context.edits[0];
    return head !== undefined && failureOf(head, event.error) === kind;
  };
}

const readNotesInput = ({ context }: { context: ClipEditorContext }) => ({
  target: context.clip,
  fn: 'get_all_notes_extended',
});

const toGoneOrFailed = goneOrFailed('#clipEditor.clip.gone', '#clipEditor.clip.failed');

/** A request for the head of the queue failed: it waits for Live, the clip is gone, or Live refused it. */
const sendFailed = [
  { guard: headFailed('offline'), target: 'held', actions: 'holdBack' },
  // the clip is the clip region's business: it hears so (a transition across regions would restart them all)
  { guard: headFailed('gone'), target: 'idle', actions: 'loseClip' },
  { target: 'idle', actions: { type: 'refuse', params: errorParams } },
] as const;

/** The clip editor (see the file's doc). */
export const clipEditorMachine = clipEditorSetup.createMachine({
  id: 'clipEditor',
  context: ({ input }) => initialClipEditorContext(input),
  type: 'parallel',
  // notes sound on the track while edited (fire and forget)
  invoke: { id: 'midi', src: 'midi' },
  on: {
    // an observation's error already on its way when the state that made it was left: nothing to do
    ...lateObservationErrors(OBSERVED),
    'ui.grid': { actions: { type: 'setGrid', params: ({ event }) => ({ grid: event.grid }) } },
    'ui.sound': { actions: { type: 'setSound', params: ({ event }) => ({ on: event.on }) } },
    'ui.dismiss': { actions: 'dismiss' },
  },
  states: {
    clip: {
      on: {
        // the clip deleted under a request
        'clip.lost': '.gone',
        // a new Live: its ids mean nothing now, the clip is found again by its path
        'clip.relocate': { target: '.locating', actions: 'relocate' },
      },
      initial: 'locating',
      states: {
        // the clip's path, to find it again in a new Live (and, there, its new id)
        locating: {
          tags: ['loading'],
          invoke: {
            id: 'locate',
            src: 'get',
            input: ({ context }) => ({
              target: context.located || context.path === null ? context.clip : context.path,
            }),
            onDone: {
              target: 'loading',
              actions: { type: 'storeLocation', params: ({ event }) => ({ ref: event.output }) },
            },
            onError: toGoneOrFailed,
          },
        },
        loading: {
          tags: ['loading'],
          invoke: {
            id: 'loadClip',
            src: 'read',
            input: ({ context }) => ({ target: context.clip, props: CLIP_PROPS }),
            onDone: [
              {
                guard: ({ event }) => event.output.is_midi_clip !== false,
                target: 'open',
                actions: { type: 'storeClip', params: ({ event }) => ({ values: event.output }) },
              },
              { target: 'audio', actions: { type: 'storeClip', params: ({ event }) => ({ values: event.output }) } },
            ],
            onError: toGoneOrFailed,
          },
        },
        // observed before the notes are read: a change after the read is heard, one before it is in it
        open: {
          entry: 'forgetNotesObserved',
          invoke: OBSERVED.map((observed) => observeInvoke(observed, toGoneOrFailed)),
          on: {
            'live.value': [
              { guard: ({ event }) => event.key === 'notes', actions: 'noteNotesChanged' },
              { actions: { type: 'storeValue', params: ({ event }) => ({ key: event.key, value: event.value }) } },
            ],
          },
          initial: 'notes',
          states: {
            notes: {
              tags: ['loading'],
              invoke: {
                id: 'loadNotes',
                src: 'call',
                input: readNotesInput,
                onDone: {
                  target: 'ready',
                  actions: [
                    { type: 'storeNotes', params: ({ event }) => ({ output: event.output }) },
                    'refreshHistory',
                  ],
                },
                onError: toGoneOrFailed,
              },
            },
            ready: {
              tags: ['ready'],
              on: {
                'ui.add': { actions: { type: 'add', params: ({ event }) => event } },
                'ui.remove': { actions: { type: 'removeKeys', params: ({ event }) => event } },
                'ui.select': { actions: { type: 'select', params: ({ event }) => event } },
                'ui.selectAll': { actions: 'selectAll' },
                'ui.grab': { guard: 'free', actions: { type: 'grab', params: ({ event }) => event } },
                'ui.drag': { actions: { type: 'drag', params: ({ event }) => event } },
                'ui.velocity': { actions: { type: 'drawVelocities', params: ({ event }) => event } },
                'ui.loop': { actions: { type: 'dragLoop', params: ({ event }) => event } },
                'ui.markers': { actions: { type: 'dragMarkers', params: ({ event }) => event } },
                'ui.release': { actions: 'release' },
                'ui.cancel': { actions: 'cancel' },
                'ui.delete': { actions: 'remove' },
                'ui.duplicate': { actions: 'duplicate' },
                'ui.transpose': { actions: { type: 'transpose', params: ({ event }) => event } },
                'ui.quantize': { actions: 'quantize' },
                'ui.mute': { actions: { type: 'mute', params: ({ event }) => event } },
                'ui.loopDouble': { actions: 'doubleLoop' },
                'ui.loopHalve': { actions: 'halveLoop' },
                'ui.undo': { guard: 'canUndo', actions: 'undo' },
                'ui.redo': { guard: 'canRedo', actions: 'redo' },
                'ui.discard': { actions: 'discard' },
              },
              initial: 'idle',
              states: {
                idle: { always: { guard: 'readAgain', target: 'reading' } },
                // Live's notes again, after Live said they changed (its undo, another tablet, Live itself, these edits)
                reading: {
                  entry: 'startRead',
                  invoke: {
                    id: 'readNotes',
                    src: 'call',
                    input: readNotesInput,
                    onDone: {
                      target: 'resting',
                      actions: [
                        { type: 'storeNotes', params: ({ event }) => ({ output: event.output }) },
                        'refreshHistory',
                      ],
                    },
                    onError: [
                      { guard: { type: 'isGone', params: errorParams }, target: '#clipEditor.clip.gone' },
                      // Live away: its next notification, or its return, reads again
                      { target: 'resting' },
                    ],
                  },
                },
                // while a finger moves notes, Live's notes (which its own moves change) are read at most every so often
                resting: { always: { guard: 'free', target: 'idle' }, after: { readGap: 'idle' } },
              },
            },
          },
        },
        audio: { tags: ['audio'] },
        failed: failedState('#clipEditor.clip.locating'),
        gone: { tags: ['gone'] },
      },
    },
    link: {
      invoke: { id: 'liveStatus', src: 'liveStatus' },
      on: {
        'live.status': [
          {
            // usable again, but a new Live: the clip's id means nothing now
            guard: ({ context, event }) => event.usable && context.epoch !== null && event.epoch !== context.epoch,
            target: '.online',
            actions: [{ type: 'rememberEpoch', params: ({ event }) => event }, 'relocateClip', 'resume'],
          },
          {
            guard: ({ event }) => event.usable,
            target: '.online',
            actions: [{ type: 'rememberEpoch', params: ({ event }) => event }, 'resume'],
          },
          { target: '.offline', actions: 'goUnusable' },
        ],
      },
      initial: 'online',
      states: {
        online: {},
        offline: { tags: ['offline'] },
      },
    },
    queue: {
      initial: 'idle',
      states: {
        idle: { always: { guard: 'canSend', target: 'waiting' } },
        // at most one request per frame of the display; the frames come only while something waits
        waiting: {
          invoke: { id: 'frames', src: 'frames' },
          on: {
            frame: [
              { guard: 'cannotSend', target: 'idle' },
              { guard: 'headIsEmpty', target: 'idle', actions: { type: 'accept', params: { output: null } } },
              { guard: 'headIsClip', target: 'setting' },
              { target: 'sending' },
            ],
          },
        },
        sending: {
          entry: 'markSent',
          invoke: {
            id: 'send',
            src: 'call',
            input: ({ context }) => headCall(context),
            onDone: { target: 'idle', actions: { type: 'accept', params: ({ event }) => ({ output: event.output }) } },
            onError: sendFailed,
          },
        },
        setting: {
          entry: ['markSent', 'chooseProp'],
          invoke: {
            id: 'setProp',
            src: 'set',
            input: ({ context }) => ({
              target: context.clip,
              prop: context.setting?.prop ?? '',
              value: context.setting?.value ?? null,
            }),
            onDone: { target: 'idle', actions: 'acceptProp' },
            onError: sendFailed,
          },
        },
        // a request went nowhere: the edits wait until Live is back, or (a request timed out while the link
        // says Live is there) until a later try
        held: {
          tags: ['held'],
          always: { guard: 'canSend', target: 'waiting' },
          after: { resendDelay: { target: 'idle', actions: 'tryAgain' } },
        },
      },
    },
    history: {
      initial: 'idle',
      states: {
        idle: { on: { 'history.refresh': 'reading' } },
        reading: {
          invoke: {
            id: 'history',
            src: 'read',
            input: ({ context }) => ({ target: context.song, props: ['can_undo', 'can_redo'] }),
            onDone: {
              target: 'idle',
              actions: { type: 'storeHistory', params: ({ event }) => ({ values: event.output }) },
            },
            onError: 'idle',
          },
          // asked again while reading: read once more after
          on: { 'history.refresh': { target: 'reading', reenter: true } },
        },
      },
    },
    // a finger holds notes, the loop or the markers (what it holds is in `hold`): tag `holding`
    gesture: {
      initial: 'free',
      states: {
        free: { always: { guard: 'holding', target: 'holding' } },
        holding: { tags: ['holding'], always: { guard: 'free', target: 'free' } },
      },
    },
    preview: {
      initial: 'quiet',
      states: {
        quiet: { on: { preview: { target: 'sounding', actions: { type: 'noteOn', params: ({ event }) => event } } } },
        sounding: {
          after: { previewLength: { target: 'quiet', actions: 'noteOff' } },
          on: {
            preview: {
              target: 'sounding',
              reenter: true,
              actions: ['noteOff', { type: 'noteOn', params: ({ event }) => event }],
            },
          },
        },
      },
    },
  },
});

/** The clip editor's type. */
export type ClipEditorMachine = typeof clipEditorMachine;
