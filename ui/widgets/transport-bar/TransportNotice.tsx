/**
 * A word from Live below the transport: what undo or redo took back or
 * brought again ("Undo Tempo Change", "Nothing to undo"), or a command Live
 * refused and why. Read out as it comes (a refusal as an alert); a tap lets
 * it go, else it goes by itself. A pure view.
 */
import { memo } from 'react';

/** The notice's props: its text and kind (the machine's `Notice`), and where a tap goes. */
export interface TransportNoticeProps {
  notice: { id: number; text: string; kind: 'info' | 'refused' } | null;
  onDismiss?: () => void;
}

/** The transport's notice (a pure view). */
export const TransportNotice = memo(function TransportNotice({ notice, onDismiss }: TransportNoticeProps) {
  // always present, so a screen reader hears each new text in it
  return (
    <div className="ls-transport-notice-slot" aria-live="polite">
      {notice && (
        <div
          key={notice.id}
          className="ls-transport-notice"
          data-kind={notice.kind}
          role={notice.kind === 'refused' ? 'alert' : undefined}
        >
          <span className="ls-transport-notice-text">{notice.text}</span>
          <button type="button" className="ls-transport-notice-dismiss" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
});
