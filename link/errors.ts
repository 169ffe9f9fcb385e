/** A request or observation that ended with a typed error (the codes of protocol/src/common.ts). */
import type { ErrorCode, ErrorInfo } from '../protocol/src/index';

export class LinkError extends Error {
  override readonly name = 'LinkError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  static from(info: ErrorInfo): LinkError {
    return new LinkError(info.code, info.message);
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/** The typed error of anything thrown (unknown errors count as `live_error`). */
export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof LinkError) return error.toInfo();
  return { code: 'live_error', message: error instanceof Error ? error.message : String(error) };
}
