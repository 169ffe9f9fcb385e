/**
 * The wire format of LiveLink's frames: a lone message as itself, several as
 * a batch array. Data enters here: what does not parse is counted, never
 * thrown into a stream.
 */
import { BridgeToClient, type ClientToBridge } from '../protocol/src/index';

/** The messages of one frame from the bridge, and how many of its parts did not parse. */
export interface ReadFrame {
  messages: BridgeToClient[];
  invalid: number;
}

/** Parses one frame from the bridge; a frame that is not JSON counts as one invalid part. */
export function readFrame(text: string): ReadFrame {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { messages: [], invalid: 1 };
  }
  const messages: BridgeToClient[] = [];
  let invalid = 0;
  for (const raw of Array.isArray(frame) ? (frame as unknown[]) : [frame]) {
    const parsed = BridgeToClient.safeParse(raw);
    if (parsed.success) messages.push(parsed.data);
    else invalid += 1;
  }
  return { messages, invalid };
}

/** One frame to the bridge. */
export function frameText(messages: readonly ClientToBridge[]): string {
  return JSON.stringify(messages.length === 1 ? messages[0] : messages);
}
