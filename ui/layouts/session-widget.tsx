/**
 * A layout's session: the set's clip grid (launch and stop clips and
 * scenes, move and copy clips, follow Live's selection) on the session's
 * own actors, the grid the app's Session page shows. Its ✎ opens a clip in
 * the app's editor when the app offers one.
 */
import { SessionGrid } from '../widgets/session-grid/SessionGrid';
import { useLayoutServices } from './layout-context';

export function Session({ size }: { size?: 'small' | 'medium' | 'large' }) {
  const { session, onEditSlot } = useLayoutServices();
  return <SessionGrid session={session} size={size} onEditSlot={onEditSlot} />;
}
