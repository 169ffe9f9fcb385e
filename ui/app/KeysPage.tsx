/**
 * The keyboard, played into the armed tracks: a USB keyboard plugged into
 * the tablet (MIDI in, where the browser has Web MIDI) and beside it a synth
 * plugged into the tablet that plays what Live's tracks send back (MIDI
 * out), the page's chosen track (where it should play, armed in one tap)
 * and where the notes go now, above keys that fill the rest of the screen.
 * The octave, scale, chosen track, MIDI input and MIDI output are kept
 * across a reload.
 *
 * It is written as a layout, from the kit a file in layouts/ imports
 * (`../layouts`), so it is also an example of one: a layout saying the
 * same would make the same page (but for MIDI in and out, which are the app's).
 */
import type { ProvidedMachines } from '../../machines/provide';
import type { SessionActor } from '../connect/use-session';
import { Keys, Layout, TrackChooser } from '../layouts';
import { LayoutProvider } from '../layouts/layout-context';
import { MidiIn } from '../midi-input/MidiInputControl';
import { MidiOut } from '../midi-output/MidiOutputControl';
import { useInspect } from './inspect';

/** Where the keyboard's settings are kept (the Play page's keys share them). */
export const KEYBOARD_SETTINGS = 'keyboard';

/** The Keys page as a layout. */
export function KeysLayout() {
  return (
    <Layout title="Keys" fill>
      <div className="ls-midi-ports">
        <MidiIn />
        <MidiOut />
      </div>
      <TrackChooser label="Track" storageKey="keys.track" notes fill>
        <Keys fill settings={KEYBOARD_SETTINGS} />
      </TrackChooser>
    </Layout>
  );
}

/** The page on the app's session (its own layout services, so a story can show it alone too). */
export function KeysPage({ machines, session }: { machines: ProvidedMachines; session: SessionActor }) {
  return (
    <LayoutProvider machines={machines} session={session} inspect={useInspect()}>
      <KeysLayout />
    </LayoutProvider>
  );
}
