/**
 * The text of a ws message. ws hands a message over as `RawData`: a Buffer
 * (the default `binaryType`), an ArrayBuffer, or the Buffer fragments of one
 * message; `String()` of the last two would not be its text.
 */
import type { RawData } from 'ws';

/** The UTF-8 text of a message, whichever shape ws gave it in. */
export function rawDataText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
