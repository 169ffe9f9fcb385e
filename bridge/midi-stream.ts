/**
 * A MIDI byte stream (a TCP socket standing in for a MIDI port) cut into
 * whole messages: running status, real-time bytes anywhere, sysex from F0 to
 * F7 (kept whole, up to a limit past which it is dropped). A chunk may end in
 * the middle of a message; the rest comes with the next.
 */

/** Data bytes after each channel status (by its high nibble), and after system common statuses. */
const CHANNEL_DATA: Readonly<Record<number, number>> = {
  0x80: 2,
  0x90: 2,
  0xa0: 2,
  0xb0: 2,
  0xc0: 1,
  0xd0: 1,
  0xe0: 2,
};
const SYSTEM_DATA: Readonly<Record<number, number>> = { 0xf1: 1, 0xf2: 2, 0xf3: 1, 0xf6: 0 };
const MAX_SYSEX_BYTES = 64 * 1024;

export class MidiStreamReader {
  /** The status that applies to data bytes now (running status), or null. */
  private status: number | null = null;
  private data: number[] = [];
  private sysex: number[] | null = null;

  /** The whole messages `chunk` completes, in order. */
  push(chunk: ArrayLike<number>): number[][] {
    const messages: number[][] = [];
    for (let index = 0; index < chunk.length; index += 1) this.take(chunk[index] as number, messages);
    return messages;
  }

  private take(byte: number, messages: number[][]): void {
    if (byte >= 0xf8) {
      messages.push([byte]); // real time: whole by itself, and it changes nothing around it
      return;
    }
    if (this.sysex !== null) {
      if (byte < 0x80) {
        if (this.sysex.length < MAX_SYSEX_BYTES) this.sysex.push(byte);
        else this.sysex = null; // too long to keep: dropped, as a port with a small buffer would
        return;
      }
      if (byte === 0xf7) messages.push([...this.sysex, byte]);
      this.sysex = null; // ended by F7, or cut short by another status (which is read below)
      if (byte === 0xf7) return;
    }
    if (byte === 0xf0) {
      this.sysex = [byte];
      this.status = null;
      return;
    }
    if (byte >= 0x80) {
      this.status = byte;
      this.data = [];
      if (this.expected(byte) === 0) {
        messages.push([byte]);
        this.status = null;
      }
      return;
    }
    if (this.status === null) return; // a data byte with no status before it: nothing to make of it
    this.data.push(byte);
    if (this.data.length < this.expected(this.status)) return;
    messages.push([this.status, ...this.data]);
    this.data = [];
    // system common messages end running status; channel messages keep it
    if (this.status >= 0xf0) this.status = null;
  }

  private expected(status: number): number {
    return status >= 0xf0 ? (SYSTEM_DATA[status] ?? 0) : (CHANNEL_DATA[status & 0xf0] ?? 0);
  }
}
