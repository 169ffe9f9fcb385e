/**
 * The bridge's log: one line per event on stderr, and counters of what was
 * refused (bad tokens, foreign origins, bad frames...) for the health endpoint.
 */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  /** Counts a refusal under `reason`; logs the first few of each kind, then only counts. */
  refused(reason: string, detail: string): void;
  readonly counts: Readonly<Record<string, number>>;
}

const LOGGED_PER_REASON = 5;

export function createLog(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  quiet = false,
): Log {
  const counts: Record<string, number> = {};
  const stamp = (): string => new Date().toISOString().slice(11, 23);
  return {
    counts,
    info(message) {
      if (!quiet) write(`${stamp()} ${message}`);
    },
    warn(message) {
      write(`${stamp()} warning: ${message}`);
    },
    refused(reason, detail) {
      counts[reason] = (counts[reason] ?? 0) + 1;
      const count = counts[reason];
      if (count <= LOGGED_PER_REASON) write(`${stamp()} refused (${reason}): ${detail}`);
      else if (count === LOGGED_PER_REASON + 1)
        write(`${stamp()} refused (${reason}): more of these are only counted (see /health)`);
    },
  };
}

/** A log that keeps its lines, for tests. */
export function memoryLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(
    createLog((line) => lines.push(line)),
    { lines },
  );
}
