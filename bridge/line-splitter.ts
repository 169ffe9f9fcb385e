/**
 * Splits a byte stream into newline-delimited lines. Chunks may end anywhere,
 * even inside a UTF-8 character; a line longer than `maxLineBytes` is dropped
 * whole (reported by `onOversize`) instead of growing memory without bound.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private skipping = false;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onOversize: (bytes: number) => void = () => {},
  ) {}

  /** The complete lines in `chunk` (with what came before it), without their newlines. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      start = newline + 1;
      if (this.skipping) {
        this.skipping = false;
        this.pending = [];
        this.pendingBytes = 0;
        continue;
      }
      const line = this.pendingBytes === 0 ? piece : Buffer.concat([...this.pending, piece]);
      this.pending = [];
      this.pendingBytes = 0;
      if (line.length > this.maxLineBytes) {
        this.onOversize(line.length);
        continue;
      }
      if (line.length > 0) lines.push(line.toString('utf8'));
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0 && !this.skipping) {
      this.pending.push(Buffer.from(rest));
      this.pendingBytes += rest.length;
      if (this.pendingBytes > this.maxLineBytes) {
        this.onOversize(this.pendingBytes);
        this.skipping = true;
        this.pending = [];
        this.pendingBytes = 0;
      }
    }
    return lines;
  }
}
