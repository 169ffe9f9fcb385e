/** The editor's word over the roll or the automation lane: why an edit was refused, what waits; with its answers. */
export interface RollNoticeProps {
  notice: string | null;
  onRetry?: (() => void) | undefined;
  onDiscard?: (() => void) | undefined;
  onDismiss?: (() => void) | undefined;
}

export function RollNotice({ notice, onRetry, onDiscard, onDismiss }: RollNoticeProps) {
  if (!notice) return null;
  return (
    <div className="ls-roll-notice" role="alert">
      <span>{notice}</span>
      {onRetry && (
        <button type="button" className="ls-tool" onClick={onRetry}>
          Retry
        </button>
      )}
      {onDiscard && (
        <button type="button" className="ls-tool" onClick={onDiscard}>
          Discard
        </button>
      )}
      {onDismiss && (
        <button type="button" className="ls-tool" onClick={onDismiss}>
          OK
        </button>
      )}
    </div>
  );
}
