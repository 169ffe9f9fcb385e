/**
 * For developers (`?inspect`): every actor of the surface, its state, its
 * last event, as XState's inspection reports them (machines/inspection.ts),
 * refreshed four times a second so watching costs the surface little.
 */
import { useEffect, useState } from 'react';
import { auditTime } from 'rxjs';
import type { ActorView, Inspection } from '../../machines/inspection';

const stateText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

export function InspectorPage({ inspection }: { inspection: Inspection }) {
  const [actors, setActors] = useState<readonly ActorView[]>([]);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    const subscription = inspection.actors$.pipe(auditTime(250)).subscribe((all) => setActors([...all.values()]));
    return () => subscription.unsubscribe();
  }, [inspection]);
  const shown = actors.filter(
    (actor) => actor.status === 'active' && (filter === '' || `${actor.id} ${stateText(actor.value)}`.includes(filter)),
  );
  return (
    <div className="ls-page ls-inspector">
      <label>
        Filter <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </label>
      <table>
        <caption>{shown.length} actors running</caption>
        <thead>
          <tr>
            <th scope="col">actor</th>
            <th scope="col">parent</th>
            <th scope="col">state</th>
            <th scope="col">last event</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((actor) => (
            <tr key={actor.id}>
              <td>{actor.id}</td>
              <td>{actor.parent ?? ''}</td>
              <td>{stateText(actor.value)}</td>
              <td>{actor.lastEvent ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
