/**
 * Echoes: Live repeats every value a control sends, a round trip later.
 * A control remembers what it sent so that, while newer values are on their
 * way, the echo of an older one is not taken for news (it would pull the
 * control back for a moment, or under load until the next drag starts from it).
 *
 * Live keeps many values as 32-bit floats and hands them back as doubles
 * (0.3 returns as 0.30000001192...), so an echo is matched within a hair.
 */

/** How many sent values a control remembers: more than can be in flight at once. */
export const SENT_MEMORY = 32;

/** Two values Live would call the same (a float32 round trip apart). */
export const sameValue = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** `sent` with `value` added, the oldest forgotten past the memory. */
export const rememberSent = (sent: readonly number[], value: number): number[] => [
  ...sent.slice(-(SENT_MEMORY - 1)),
  value,
];

/** Whether `value` is one the control sent. */
export const wasSent = (sent: readonly number[], value: number): boolean =>
  sent.some((one) => sameValue(one, value) === true);

/** Live repeating a value sent before the latest one: the latest is on its way, so this is not news. */
export function isStaleEcho(sent: readonly number[], value: number): boolean {
  const latest = sent.at(-1);
  return latest !== undefined && wasSent(sent, value) && !sameValue(latest, value);
}
