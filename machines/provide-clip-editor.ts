/**
 * The clip editor provided with its effects: apart from `provide.ts`, so
 * the app loads the editor (and its piano roll) only when a clip is opened.
 */
import { clipEditorMachine } from './clip-editor';
import { clipSelectionMachine } from './clip-selection';
import { envelopeEditorMachine } from './envelope-editor';
import { padRowsMachine } from './pad-rows';
import type { Effects } from './effects';
import { pick } from './provide';

/** The clip editor's machine on `effects` (LiveLink's in the app, the in-memory Live's in tests). */
export function provideClipEditor(effects: Effects) {
  return clipEditorMachine.provide({
    actors: pick(effects, ['get', 'read', 'call', 'set', 'observe', 'liveStatus', 'frames', 'midi']),
  });
}

/** The provided clip editor's type. */
export type ProvidedClipEditor = ReturnType<typeof provideClipEditor>;

/** The envelope editor's machine on `effects`. */
export function provideEnvelopeEditor(effects: Effects) {
  return envelopeEditorMachine.provide({
    actors: pick(effects, ['get', 'read', 'call', 'envelope', 'observe', 'display', 'liveStatus', 'frames']),
  });
}

/** The provided envelope editor's type. */
export type ProvidedEnvelopeEditor = ReturnType<typeof provideEnvelopeEditor>;

/** Live's selection (the clip an editor follows), on `effects`. */
export function provideClipSelection(effects: Effects) {
  return clipSelectionMachine.provide({ actors: pick(effects, ['observe', 'get']) });
}

/** The rows of a Drum Rack's clip (its filled pads), on `effects`. */
export function providePadRows(effects: Effects) {
  return padRowsMachine.provide({ actors: pick(effects, ['get', 'readEach']) });
}
