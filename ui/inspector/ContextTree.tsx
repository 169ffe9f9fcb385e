/**
 * An actor's context (or an event, an input, an output) as a tree a
 * developer can open: objects and arrays fold, long arrays show their first
 * items. A pure view.
 */
import { memo } from 'react';

/** How many items of an array, or keys of an object, a level shows. */
const SHOWN = 50;

function leafText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'ƒ';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null)
    return 'sessionId' in value ? `actor ${String(value.sessionId)}` : Object.prototype.toString.call(value);
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return value === null ? 'null' : 'undefined';
}

function Node({ name, value, depth }: { name: string; value: unknown; depth: number }) {
  const foldable = typeof value === 'object' && value !== null && !('sessionId' in value) && !(value instanceof Date);
  if (!foldable)
    return (
      <li className="ls-context-leaf">
        <span className="ls-context-key">{name}</span> <span className="ls-context-value">{leafText(value)}</span>
      </li>
    );
  const entries: (readonly [string, unknown])[] = Array.isArray(value)
    ? value.map((item: unknown, index: number) => [String(index), item] as const)
    : Object.entries(value);
  const summary = Array.isArray(value) ? `[${value.length}]` : `{${entries.length}}`;
  return (
    <li>
      <details open={depth < 1}>
        <summary>
          <span className="ls-context-key">{name}</span> <span className="ls-context-value">{summary}</span>
        </summary>
        <ul>
          {entries.slice(0, SHOWN).map(([key, item]) => (
            <Node key={key} name={key} value={item} depth={depth + 1} />
          ))}
          {entries.length > SHOWN && <li className="ls-context-more">…and {entries.length - SHOWN} more</li>}
        </ul>
      </details>
    </li>
  );
}

export const ContextTree = memo(function ContextTree({ label, value }: { label: string; value: unknown }) {
  return (
    <ul className="ls-context-tree" aria-label={label}>
      <Node name={label} value={value} depth={0} />
    </ul>
  );
});
