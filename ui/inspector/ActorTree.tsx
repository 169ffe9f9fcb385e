/**
 * The inspector's list of actors: a tree by name, each with its kind and
 * state, filtered by words, the invocations shown only when asked. A pure
 * view: the rows come in (`actor-rows.ts`), the choices go out.
 */
import { memo } from 'react';
import type { ActorRow } from './actor-rows';

export interface ActorTreeProps {
  rows: readonly ActorRow[];
  selected: string | null;
  onSelect: (sessionId: string) => void;
  filter: string;
  onFilter: (filter: string) => void;
  showInvocations: boolean;
  onShowInvocations: (show: boolean) => void;
}

export const ActorTree = memo(function ActorTree(props: ActorTreeProps) {
  const { rows, selected, onSelect, filter, onFilter, showInvocations, onShowInvocations } = props;
  const running = rows.filter((row) => row.status === 'active' && row.matched).length;
  return (
    <div className="ls-inspector-actors">
      <div className="ls-inspector-filters">
        <input
          type="search"
          className="ls-inspector-filter"
          aria-label="Filter actors by name or state"
          placeholder="Filter: track:Drums, slot, playing…"
          value={filter}
          onChange={(event) => onFilter(event.target.value)}
        />
        <label className="ls-inspector-check">
          <input
            type="checkbox"
            checked={showInvocations}
            onChange={(event) => onShowInvocations(event.target.checked)}
          />
          Invocations
        </label>
      </div>
      <p className="ls-inspector-count" role="status">
        {running} running{filter.trim() !== '' ? ' that match' : ''}
      </p>
      {rows.length === 0 ? (
        <p className="ls-empty">{filter.trim() === '' ? 'No actors yet.' : 'No actor matches.'}</p>
      ) : (
        <ul className="ls-inspector-tree" role="listbox" aria-label="Actors">
          {rows.map((row) => (
            <li
              key={row.sessionId}
              role="option"
              aria-selected={row.sessionId === selected}
              className="ls-inspector-row"
              data-status={row.status}
              data-invocation={row.invocation || undefined}
              data-context={!row.matched || undefined}
              style={{ paddingInlineStart: `${8 + row.depth * 14}px` }}
              onClick={() => onSelect(row.sessionId)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onSelect(row.sessionId);
                }
              }}
              tabIndex={0}
            >
              <span className="ls-inspector-name" title={row.name}>
                {row.name}
              </span>
              <span className="ls-inspector-state" title={row.state}>
                {row.status === 'active' ? row.state : row.status}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
