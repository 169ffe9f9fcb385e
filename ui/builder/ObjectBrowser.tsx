/**
 * Live's object model to pick a binding from: the trail back to the set,
 * and the objects here by name. A parameter (or, for a track's widget, a
 * track) is picked with a tap; anything else is opened. A pure view.
 */
import type { BrowserEntry } from '../../machines/object-browser';

export interface ObjectBrowserProps {
  trail: readonly { path: string; label: string }[];
  entries: readonly BrowserEntry[];
  loading: boolean;
  error: string | null;
  /** What is being picked, for the heading ("Pick a parameter"). */
  picking: string;
  onOpen: (path: string, label: string) => void;
  onPick: (path: string) => void;
  onRetry: () => void;
  onClose: () => void;
}

export function ObjectBrowser(props: ObjectBrowserProps) {
  const { trail, entries, loading, error, picking, onOpen, onPick, onRetry, onClose } = props;
  return (
    <section className="ls-object-browser" aria-label={`Pick ${picking} in Live`}>
      <h3>Pick {picking}</h3>
      <nav aria-label="Where in Live">
        <ol>
          {trail.map((step, index) => (
            <li key={step.path}>
              {index < trail.length - 1 ? (
                <button type="button" className="ls-tool" onClick={() => onOpen(step.path, step.label)}>
                  {step.label}
                </button>
              ) : (
                <strong aria-current="location">{step.label}</strong>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {error !== null ? (
        <div role="alert">
          <p className="ls-builder-error">Live could not show this: {error}</p>
          <button type="button" className="ls-tool" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : loading ? (
        <p className="ls-empty">Asking Live…</p>
      ) : entries.length === 0 ? (
        <p className="ls-empty">Nothing to bind here.</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li key={entry.path}>
              <button
                type="button"
                className="ls-tool"
                data-pick={entry.pickable || undefined}
                onClick={() => (entry.pickable ? onPick(entry.path) : onOpen(entry.path, entry.label))}
              >
                {entry.pickable ? entry.label : `${entry.label} ›`}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="ls-tool" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
