/** A request or observation that ended with a typed error (the codes of protocol/src/common.ts). */
import type { ErrorCode, ErrorInfo } from '../protocol/src/index';

/** Why a request or an observation failed, as the protocol names it (`code`) and says it (`message`). */
export class LinkError extends Error {
  override readonly name = 'LinkError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** The error a reply carried. */
  static from(info: ErrorInfo): LinkError {
    return new LinkError(info.code, info.message);
  }
}
