/**
 * The developers' inspector (`?inspect`): every actor of the surface by the
 * name of what it stands for in Live, and the one chosen on its statechart
 * with its context and history (`machines/inspection.ts` records them from
 * the start). Connected: it reads the record four times a second, or not at
 * all while paused, and lays charts out with the layouter it is given.
 */
import { useEffect, useMemo, useState } from 'react';
import { auditTime } from 'rxjs';
import { actorNames } from '../../machines/actor-names';
import type { InspectedActor, Inspection } from '../../machines/inspection';
import { litStates } from '../../machines/statechart';
import { actorRows } from './actor-rows';
import { ActorDetail } from './ActorDetail';
import { ActorTree } from './ActorTree';
import type { Layouter } from './chart-layout';
import { useChartLayout } from './use-chart-layout';
import './inspector.css';

export interface InspectorProps {
  inspection: Inspection;
  layouter: Layouter;
  /** Opens the inspector in a window of its own (absent inside that window). */
  onOpenWindow?: () => void;
  onClose?: () => void;
}

/** The state and context after the moment at `cursor` (the actor's now when null). */
function shownAt(actor: InspectedActor, cursor: number | null): { value: InspectedActor['value']; context: unknown } {
  if (cursor === null) return { value: actor.value, context: actor.context };
  for (let index = Math.min(cursor, actor.history.length - 1); index >= 0; index -= 1) {
    const moment = actor.history[index];
    if (moment?.kind === 'event') return { value: moment.value, context: moment.context };
  }
  return actor.start;
}

export function Inspector({ inspection, layouter, onOpenWindow, onClose }: InspectorProps) {
  const [record, setRecord] = useState(() => new Map(inspection.actors()));
  const [paused, setPaused] = useState(false);
  const [cursor, setCursor] = useState<number | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [showInvocations, setShowInvocations] = useState(false);
  const [fit, setFit] = useState(false);
  useEffect(() => {
    if (paused) return;
    const subscription = inspection.changes$
      .pipe(auditTime(250))
      .subscribe(() => setRecord(new Map(inspection.actors())));
    return () => subscription.unsubscribe();
  }, [inspection, paused]);
  const names = useMemo(() => actorNames(record), [record]);
  const rows = useMemo(
    () => actorRows(record, names, { showInvocations, filter }),
    [record, names, showInvocations, filter],
  );
  const actor = selected === null ? null : (record.get(selected) ?? null);
  const { layout, error } = useChartLayout(actor?.machine ?? null, layouter);
  const shown = actor ? shownAt(actor, cursor) : null;
  const lit = actor?.machine && shown?.value ? litStates(actor.machine, shown.value) : new Set<string>();

  return (
    <div className="ls-inspector" data-paused={paused || undefined}>
      <header className="ls-inspector-bar">
        <h1>Inspector</h1>
        {paused && <span className="ls-inspector-paused">Paused: the record goes on</span>}
        <span className="ls-inspector-spacer" />
        {onOpenWindow && (
          <button type="button" className="ls-tool" onClick={onOpenWindow}>
            Open in a window
          </button>
        )}
        {onClose && (
          <button type="button" className="ls-tool" onClick={onClose} aria-label="Close the inspector">
            Close
          </button>
        )}
      </header>
      <div className="ls-inspector-body">
        <ActorTree
          rows={rows}
          selected={selected}
          onSelect={(id) => {
            setSelected(id);
            setCursor(null);
          }}
          filter={filter}
          onFilter={setFilter}
          showInvocations={showInvocations}
          onShowInvocations={setShowInvocations}
        />
        {actor && shown ? (
          <ActorDetail
            name={names.get(actor.sessionId) ?? actor.id}
            actor={actor}
            layout={layout}
            layoutError={error}
            lit={lit}
            shown={shown}
            fit={fit}
            onFit={setFit}
            cursor={cursor}
            onCursor={setCursor}
            paused={paused}
            onPause={(pause) => {
              setPaused(pause);
              if (pause) return;
              // back to following: the record as it is now
              setCursor(null);
              setRecord(new Map(inspection.actors()));
            }}
          />
        ) : (
          <p className="ls-empty ls-inspector-none">Choose an actor to see its chart, context and history.</p>
        )}
      </div>
    </div>
  );
}
