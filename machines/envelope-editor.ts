/**
 * The envelope editor: a clip's automation of one parameter, read as Live
 * has it and changed only where a finger draws.
 *
 * It lists what the clip can automate (`envelope_parameters`), reads the
 * chosen parameter's envelope (`read_envelope`: Live 12's events with their
 * curves, or Live 11's samples) and reads it again whenever the script says
 * the clip's envelopes changed (`envelope_revision`: a write or an undo from
 * any tablet), when Live's `has_envelopes` changes, after this tablet's undo,
 * and every so often while nothing is drawn (Live tells no one of an edit
 * made in Live itself). Opening, choosing and leaving only read.
 *
 * A stroke is one step of Live's undo history: `begin_undo_step`, its
 * writes (`insert_step` through `write_envelope`, at most one request per
 * frame of the display: the cells a finger crosses while one is on its way
 * go in the next), or its erase, then `end_undo_step`. Values are clamped
 * to the parameter's range and rounded to its steps where it is quantized.
 * The envelope shows with the strokes in flight applied by Live's rules,
 * marked until Live has them; a stroke Live refuses is taken back with a
 * word; strokes made while Live is away wait and go when it is back.
 *
 * States (parallel):
 * - clip: locating, listing, open {idle (no parameter), chosen {envelope
 *   {reading, shown, failed}, labels {asking, named}}}, failed, gone.
 * - link: online, offline.
 * - queue: idle, waiting (for a frame), sending (an envelope request),
 *   stepping (an undo step's call), held (Live away).
 * - history: idle, reading (`can_undo`, `can_redo`), undoing, redoing.
 * - gesture: free, drawing (tag `drawing`).
 *
 * Events: `ui.choose` {target}, `ui.range` {start, end}, `ui.grid` {grid},
 * `ui.stroke.start` {tool, beat, value}, `ui.stroke.move` {beat, value},
 * `ui.stroke.end`, `ui.stroke.cancel` (a second finger came: a ramp or an
 * erase is not made), `ui.clear`, `ui.undo`, `ui.redo`, `ui.relist`,
 * `ui.retry`, `ui.dismiss`, `ui.discard`; `live.value`, `live.display`,
 * `live.status`, `frame`.
 */
import type { DoneActorEvent, ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import type { DisplayText, FrameEvent, LiveStatusEvent, LiveValue } from './effects';
import { AXIS_STEPS, envelopeEditorSetup } from './envelope-editor-setup';
import {
  headRequest,
  initialEnvelopeContext,
  listRequest,
  readRequest,
  type EnvelopeEditorContext,
  type EnvelopeTool,
} from './envelope-editor-model';
import { lateObservationErrors, observeInvoke, type ObservationError, type ObservedProperty } from './observe-invoke';
import { errorParams, failedState, goneOrFailed } from './retry-cycle';

export type { EnvelopeEditorContext } from './envelope-editor-model';

/** Which clip, and its song. */
export interface EnvelopeEditorInput {
  /** The Clip's target, e.g. `id 2012`. */
  clip: string;
  song?: string;
}

/** What the editor takes (see the file's doc). */
export type EnvelopeEditorEvent =
  | { type: 'ui.choose'; target: string }
  | { type: 'ui.range'; start: number; end: number }
  | { type: 'ui.grid'; grid: number | null }
  | { type: 'ui.stroke.start'; tool: EnvelopeTool; beat: number; value: number }
  | { type: 'ui.stroke.move'; beat: number; value: number }
  | { type: 'ui.stroke.end' }
  | { type: 'ui.stroke.cancel' }
  | { type: 'ui.clear' }
  | { type: 'ui.undo' }
  | { type: 'ui.redo' }
  | { type: 'ui.relist' }
  | { type: 'ui.retry' }
  | { type: 'ui.dismiss' }
  | { type: 'ui.discard' }
  | LiveValue
  | DisplayText
  | LiveStatusEvent
  | FrameEvent
  | { type: 'history.refresh' }
  | { type: 'clip.relocate' };

type Label = 'label0' | 'label1' | 'label2' | 'label3' | 'label4';

/** What the editor hears of its children. */
export type EnvelopeEditorOutcome =
  | DoneActorEvent<Record<string, JsonValue>, 'history'>
  | DoneActorEvent<JsonValue, 'locate' | 'list' | 'read' | 'send' | 'step' | 'undo' | Label>
  | ErrorActorEvent<unknown, 'locate' | 'list' | 'read' | 'send' | 'step' | 'history' | 'undo' | Label>
  | ObservationError;

const CLIP_OBSERVED: ObservedProperty<EnvelopeEditorContext>[] = [
  { key: 'revision', prop: 'envelope_revision', target: (c) => c.clip },
  { key: 'has_envelopes', prop: 'has_envelopes', target: (c) => c.clip },
  { key: 'selected', prop: 'selected_parameter', target: (c) => `${c.song} view` },
];
const VALUE: ObservedProperty<EnvelopeEditorContext> = {
  key: 'value',
  prop: 'value',
  target: (c) => c.parameter?.target ?? '',
};

const toGoneOrFailed = goneOrFailed('#envelopeEditor.clip.gone', '#envelopeEditor.clip.failed');

/** The axis label at `index` (of AXIS_STEPS + 1), asked of Live in its units. */
function labelInvoke(index: number) {
  return {
    id: `label${index}` as Label,
    src: 'call' as const,
    input: ({ context }: { context: EnvelopeEditorContext }) => {
      const parameter = context.parameter;
      const value = parameter ? parameter.min + ((parameter.max - parameter.min) * index) / AXIS_STEPS : 0;
      return { target: parameter?.target ?? '', fn: 'str_for_value', args: [value] };
    },
    onDone: {
      actions: {
        type: 'storeLabel' as const,
        params: ({ event }: { event: { output: JsonValue } }) => ({ index, output: event.output }),
      },
    },
  };
}

/** A request for the head of the queue failed: it waits for Live, or Live will not take it. */
const sendFailed = [
  { guard: { type: 'offline', params: errorParams }, target: 'held', actions: 'holdBack' },
  { target: 'idle', actions: { type: 'refuse', params: errorParams } },
] as const;

/** The envelope editor (see the file's doc). */
export const envelopeEditorMachine = envelopeEditorSetup.createMachine({
  id: 'envelopeEditor',
  context: ({ input }) => initialEnvelopeContext(input),
  type: 'parallel',
  on: {
    ...lateObservationErrors([...CLIP_OBSERVED, VALUE]),
    'ui.grid': { actions: { type: 'setGrid', params: ({ event }) => ({ grid: event.grid }) } },
    'ui.range': { actions: { type: 'setRange', params: ({ event }) => event } },
    'ui.dismiss': { actions: 'dismiss' },
    'ui.discard': { actions: 'discard' },
  },
  states: {
    clip: {
      on: { 'clip.relocate': '.locating' },
      initial: 'locating',
      states: {
        // the clip's reference and path (to find it again in a new Live)
        locating: {
          tags: ['loading'],
          invoke: {
            id: 'locate',
            src: 'get',
            input: ({ context }) => ({
              target: context.located || context.path === null ? context.clip : context.path,
            }),
            onDone: {
              target: 'listing',
              actions: { type: 'storeLocation', params: ({ event }) => ({ ref: event.output }) },
            },
            onError: toGoneOrFailed,
          },
        },
        listing: {
          tags: ['listing'],
          invoke: {
            id: 'list',
            src: 'envelope',
            input: ({ context }) => listRequest(context),
            onDone: { target: 'open', actions: { type: 'storeGroups', params: ({ event }) => event } },
            onError: toGoneOrFailed,
          },
        },
        open: {
          entry: ['forgetHeard', 'refreshHistory'],
          invoke: CLIP_OBSERVED.map((observed) => observeInvoke(observed, toGoneOrFailed)),
          on: {
            'live.value': [
              {
                guard: ({ event }) => event.key === 'revision' || event.key === 'has_envelopes',
                actions: { type: 'noteChange', params: ({ event }) => event },
              },
              {
                guard: ({ event }) => event.key === 'selected',
                actions: { type: 'storeSelected', params: ({ event }) => event },
              },
              {
                guard: ({ event }) => event.key === 'value',
                actions: { type: 'storeLiveValue', params: ({ event }) => event },
              },
            ],
            'ui.relist': '#envelopeEditor.clip.listing',
            'ui.choose': {
              target: '.chosen',
              reenter: true,
              actions: { type: 'choose', params: ({ event }) => event },
            },
          },
          initial: 'idle',
          states: {
            idle: { tags: ['unchosen'], always: { guard: 'chosen', target: 'chosen' } },
            chosen: {
              type: 'parallel',
              invoke: [
                observeInvoke(VALUE, { actions: [] }),
                {
                  id: 'display',
                  src: 'display',
                  input: ({ context }) => ({ target: context.parameter?.target ?? '' }),
                },
              ],
              on: {
                'live.display': { actions: { type: 'storeReadout', params: ({ event }) => event } },
                // strokes draw on the envelope as last read, also while it is read again
                'ui.stroke.start': {
                  guard: 'canDraw',
                  actions: { type: 'startStroke', params: ({ event }) => event },
                },
                'ui.stroke.move': {
                  guard: 'drawing',
                  actions: [
                    { type: 'moveStroke', params: ({ event }) => event },
                    { type: 'askReadout', params: ({ event }) => event },
                  ],
                },
                'ui.stroke.end': { guard: 'drawing', actions: 'endStroke' },
                'ui.stroke.cancel': { guard: 'drawing', actions: 'cancelStroke' },
                'ui.clear': { guard: 'canDraw', actions: 'clear' },
              },
              states: {
                envelope: {
                  initial: 'reading',
                  states: {
                    reading: {
                      tags: ['reading'],
                      entry: 'startRead',
                      invoke: {
                        id: 'read',
                        src: 'envelope',
                        input: ({ context }) => readRequest(context),
                        onDone: { target: 'shown', actions: { type: 'storeShape', params: ({ event }) => event } },
                        onError: [
                          { guard: { type: 'offline', params: errorParams }, target: 'shown' },
                          {
                            target: 'failed',
                            actions: { type: 'rememberError', params: errorParams },
                          },
                        ],
                      },
                    },
                    shown: {
                      tags: ['ready'],
                      always: { guard: 'readNow', target: 'reading' },
                      // Live tells no one of an edit made in Live: look again while nothing is drawn
                      after: { idleRead: { guard: 'free', target: 'reading' } },
                    },
                    failed: failedState('#envelopeEditor.clip.open.chosen.envelope.reading'),
                  },
                },
                labels: {
                  initial: 'asking',
                  states: {
                    asking: {
                      always: { guard: 'quantized', target: 'named' },
                      invoke: [0, 1, 2, 3, 4].map(labelInvoke),
                    },
                    named: {},
                  },
                },
              },
            },
          },
        },
        failed: failedState('#envelopeEditor.clip.locating'),
        gone: { tags: ['gone'] },
      },
    },
    link: {
      invoke: { id: 'liveStatus', src: 'liveStatus' },
      on: {
        'live.status': [
          {
            // usable again, but a new Live: its ids mean nothing now
            guard: ({ context, event }) => event.usable && context.epoch !== null && event.epoch !== context.epoch,
            target: '.online',
            actions: [{ type: 'relocate', params: ({ event }) => event }, 'resume', { type: 'raiseRelocate' }],
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
              { guard: 'headIsStep', target: 'stepping' },
              { target: 'sending' },
            ],
          },
        },
        sending: {
          entry: 'markSent',
          invoke: {
            id: 'send',
            src: 'envelope',
            input: ({ context }) => {
              const request = headRequest(context);
              if (request?.effect !== 'envelope')
                throw new Error('the envelope editor has no envelope request to send');
              return request.input;
            },
            onDone: { target: 'idle', actions: 'accept' },
            onError: sendFailed,
          },
        },
        stepping: {
          entry: 'markSent',
          invoke: {
            id: 'step',
            src: 'call',
            input: ({ context }) => {
              const request = headRequest(context);
              if (request?.effect !== 'call') throw new Error('the envelope editor has no undo step to send');
              return request.input;
            },
            onDone: { target: 'idle', actions: 'accept' },
            // an undo step Live would not open or close: the strokes still go
            onError: [
              { guard: { type: 'offline', params: errorParams }, target: 'held', actions: 'holdBack' },
              { target: 'idle', actions: 'accept' },
            ],
          },
        },
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
        idle: {
          on: {
            'history.refresh': 'reading',
            'ui.undo': { guard: 'canUndo', target: 'undoing' },
            'ui.redo': { guard: 'canRedo', target: 'redoing' },
          },
        },
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
          on: { 'history.refresh': { target: 'reading', reenter: true } },
        },
        undoing: {
          invoke: {
            id: 'undo',
            src: 'call',
            input: ({ context }) => ({ target: context.song, fn: 'undo' }),
            onDone: { target: 'reading', actions: 'readAgain' },
            onError: 'reading',
          },
        },
        redoing: {
          invoke: {
            id: 'undo',
            src: 'call',
            input: ({ context }) => ({ target: context.song, fn: 'redo' }),
            onDone: { target: 'reading', actions: 'readAgain' },
            onError: 'reading',
          },
        },
      },
    },
    gesture: {
      initial: 'free',
      states: {
        free: { always: { guard: 'drawing', target: 'drawing' } },
        drawing: { tags: ['drawing'], always: { guard: 'free', target: 'free' } },
      },
    },
  },
});

/** The envelope editor's type. */
export type EnvelopeEditorMachine = typeof envelopeEditorMachine;
