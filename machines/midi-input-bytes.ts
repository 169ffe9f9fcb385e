/**
 * A Web MIDI message (the bytes of one `midimessage` event) as the
 * protocol's `MidiMessage`, or what kind of message was dropped: the
 * protocol carries notes, CC, pitch bend, channel pressure and poly
 * aftertouch, which is what a keyboard plays; Live's tracks have no use
 * for the rest through the notes port (sysex, clock and transport,
 * program changes, and bytes that are not a whole message).
 */
import type { MidiMessage } from '../protocol/src/index';

/** What a dropped message was, counted by kind so the musician can see what the keyboard sends that Live does not get. */
export type DroppedKind = 'sysex' | 'clock' | 'program change' | 'other';

export type ReadMessage = { kind: 'message'; message: MidiMessage } | { kind: 'dropped'; what: DroppedKind };

const dropped = (what: DroppedKind): ReadMessage => ({ kind: 'dropped', what });
const message = (value: MidiMessage): ReadMessage => ({ kind: 'message', message: value });
const isData = (byte: number | undefined): byte is number => byte !== undefined && byte >= 0 && byte <= 0x7f;

/** Timing clock, start, continue, stop, active sensing, reset: the real-time messages a keyboard may stream. */
const REAL_TIME = new Set([0xf8, 0xfa, 0xfb, 0xfc, 0xfe, 0xff]);

/** One message's bytes, as the protocol's message or what was dropped. */
export function readMidiMessage(data: ArrayLike<number>): ReadMessage {
  const status = data[0];
  if (status === undefined || status < 0x80 || status > 0xff) return dropped('other');
  if (status === 0xf0) return dropped('sysex');
  if (REAL_TIME.has(status)) return dropped('clock');
  if (status >= 0xf0) return dropped('other'); // MIDI time code, song position and select, tune request
  const kind = status & 0xf0;
  const channel = status & 0x0f;
  const [first, second] = [data[1], data[2]];
  if (kind === 0xc0) return dropped('program change');
  if (kind === 0xd0)
    return isData(first) ? message({ type: 'channel_pressure', channel, pressure: first }) : dropped('other');
  if (!isData(first) || !isData(second)) return dropped('other');
  switch (kind) {
    case 0x80:
      return message({ type: 'note_off', channel, note: first, velocity: second });
    case 0x90:
      // a note on of velocity 0 is a note off, as every keyboard with running status sends it
      return message(
        second === 0
          ? { type: 'note_off', channel, note: first }
          : { type: 'note_on', channel, note: first, velocity: second },
      );
    case 0xa0:
      return message({ type: 'poly_aftertouch', channel, note: first, pressure: second });
    case 0xb0:
      return message({ type: 'cc', channel, controller: first, value: second });
    default:
      // 0xe0: the 14-bit bend, least significant 7 bits first, centred on 8192
      return message({ type: 'pitch_bend', channel, value: (second << 7) + first - 8192 });
  }
}

/** How many messages of each kind were dropped. */
export type DroppedCounts = Readonly<Partial<Record<DroppedKind, number>>>;

/** `counts` with one more `what`. */
export const countDropped = (counts: DroppedCounts, what: DroppedKind): DroppedCounts => ({
  ...counts,
  [what]: (counts[what] ?? 0) + 1,
});

/** The counts in words, most first: "96 clock, 2 sysex"; empty when none was dropped. */
export function droppedInWords(counts: DroppedCounts): string {
  return Object.entries(counts)
    .filter(([, count]) => count !== undefined && count > 0)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
    .map(([what, count]) => `${count} ${what}`)
    .join(', ');
}
