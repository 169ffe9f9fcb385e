/**
 * What an actor did, as recorded: each event it took and the state it went
 * to, each request it made (an invocation, with its input) and how it
 * ended, each with its time since the actor started, the newest on top. The display pauses
 * (the record goes on underneath) and steps back and forth through the
 * moments; the chart and context show the state at the moment stepped to.
 * A pure view.
 */
import { memo } from 'react';
import type { Moment } from '../../machines/inspection';
import { stateText } from './actor-rows';

export interface ActorHistoryProps {
  moments: readonly Moment[];
  /** When the actor started (the moments' times count from it). */
  startedAt: number;
  /** The moment stepped to; null: the latest, following new ones. */
  cursor: number | null;
  onCursor: (cursor: number | null) => void;
  paused: boolean;
  onPause: (paused: boolean) => void;
}

/** A value in one short line. */
export function brief(value: unknown, length = 90): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_, inner: unknown) =>
      typeof inner === 'object' && inner !== null && 'sessionId' in inner ? `actor ${String(inner.sessionId)}` : inner,
    );
  } catch {
    text = String(value);
  }
  if (text === undefined) return '';
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function momentText(moment: Moment): { glyph: string; main: string; detail: string } {
  switch (moment.kind) {
    case 'event':
      return { glyph: '→', main: moment.event, detail: stateText(moment.value) };
    case 'invoked':
      return { glyph: '↗', main: `${moment.src} (${moment.childId})`, detail: brief(moment.input) };
    case 'ended':
      return {
        glyph: moment.outcome === 'error' ? '✕' : '↙',
        main: `${moment.childId} ${moment.outcome}`,
        detail: brief(moment.output),
      };
  }
}

export const ActorHistory = memo(function ActorHistory(props: ActorHistoryProps) {
  const { moments, startedAt, cursor, onCursor, paused, onPause } = props;
  const at = cursor ?? moments.length - 1;
  const step = (delta: number) => {
    onPause(true);
    onCursor(Math.max(0, Math.min(moments.length - 1, at + delta)));
  };
  return (
    <section className="ls-inspector-history" aria-label="History">
      <div className="ls-inspector-steps" role="toolbar" aria-label="Step through the history">
        <button type="button" className="ls-tool" aria-pressed={paused} onClick={() => onPause(!paused)}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="ls-tool" onClick={() => step(-1)} disabled={moments.length === 0 || at <= 0}>
          ◀ Back
        </button>
        <button
          type="button"
          className="ls-tool"
          onClick={() => step(1)}
          disabled={moments.length === 0 || at >= moments.length - 1}
        >
          Forward ▶
        </button>
        <span className="ls-inspector-at" role="status">
          {moments.length === 0
            ? 'Nothing recorded yet'
            : cursor === null
              ? `${moments.length} moments, following`
              : `moment ${cursor + 1} of ${moments.length}`}
        </span>
      </div>
      {/* the newest on top: following, the latest is where the eye is */}
      <ol className="ls-inspector-moments" reversed>
        {moments
          .map((moment, index) => {
            const { glyph, main, detail } = momentText(moment);
            return (
              <li
                key={index}
                className="ls-inspector-moment"
                data-kind={moment.kind}
                data-outcome={moment.kind === 'ended' ? moment.outcome : undefined}
                aria-current={index === at && cursor !== null ? 'step' : undefined}
                onClick={() => {
                  onPause(true);
                  onCursor(index);
                }}
              >
                <span className="ls-inspector-time">+{(moment.at - startedAt).toFixed(1)} ms</span>
                <span className="ls-inspector-glyph" aria-hidden="true">
                  {glyph}
                </span>
                <span className="ls-inspector-main">{main}</span>
                <span className="ls-inspector-detail">{detail}</span>
              </li>
            );
          })
          .reverse()}
      </ol>
    </section>
  );
});
