/**
 * One actor in the inspector: its name and kind, its statechart with the
 * states it is in lit, its context as a tree, and its history. At a moment
 * stepped to, the chart and the context are those after that moment. A pure
 * view.
 */
import { memo } from 'react';
import type { InspectedActor } from '../../machines/inspection';
import { stateText } from './actor-rows';
import { ActorHistory, brief, type ActorHistoryProps } from './ActorHistory';
import type { ChartLayout } from './chart-layout';
import { ContextTree } from './ContextTree';
import { StatechartDiagram } from './StatechartDiagram';

export interface ActorDetailProps extends Omit<ActorHistoryProps, 'moments' | 'startedAt'> {
  name: string;
  actor: InspectedActor;
  /** Its machine's chart, laid out (null while it is); none for an invocation. */
  layout: ChartLayout | null;
  layoutError: string | null;
  /** The states lit: the actor's now, or after the moment stepped to. */
  lit: ReadonlySet<string>;
  /** Its state and context now, or after the moment stepped to. */
  shown: { value: InspectedActor['value']; context: unknown };
  /** The chart fits its box, or shows at its own size. */
  fit: boolean;
  onFit: (fit: boolean) => void;
}

export const ActorDetail = memo(function ActorDetail(props: ActorDetailProps) {
  const { name, actor, layout, layoutError, lit, shown, fit, onFit, ...history } = props;
  const kind = actor.machine?.id ?? actor.src ?? actor.id;
  return (
    <section className="ls-inspector-detail-panel" aria-label={`Actor ${name}`}>
      <header className="ls-inspector-head">
        {actor.machine && (
          <button
            type="button"
            className="ls-tool ls-inspector-zoom"
            aria-pressed={fit}
            onClick={() => onFit(!fit)}
            title="The whole chart in its box, or at its own size around the state lit"
          >
            Fit chart
          </button>
        )}
        <h2>{name}</h2>
        <p>
          {actor.machine ? `machine ${kind}` : `invocation of ${kind}`} · {actor.sessionId} · {actor.status}
          {actor.machine && ` · ${stateText(shown.value)}`}
        </p>
      </header>
      {actor.machine ? (
        <div className="ls-inspector-chart" data-fit={fit || undefined}>
          <StatechartDiagram machine={actor.machine.id} layout={layout} error={layoutError} lit={lit} fit={fit} />
        </div>
      ) : (
        <p className="ls-inspector-input">input {brief(actor.input, 400)}</p>
      )}
      <div className="ls-inspector-columns">
        {actor.machine && <ContextTree label="context" value={shown.context} />}
        <ActorHistory moments={actor.history} startedAt={actor.startedAt} {...history} />
      </div>
    </section>
  );
});
