/**
 * The sheet that chooses the parameter to automate: a filter field at the
 * top, then "Touched" (the parameter last moved here or selected in Live),
 * "Automated in this clip" (every parameter the clip has an envelope for,
 * marked with a dot), then the mixer and each device, racks' chains
 * titled by their path ("Drum Rack › Kick › Simpler"). Each row is a
 * finger high and shows the parameter and its device; the chosen one is
 * marked (`aria-current`). Escape, the close button or a tap beside the
 * sheet closes it. A pure view: choosing calls back with the entry's target.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PickerEntry, PickerGroup } from './envelope-types';
import './envelope.css';

export interface ParameterPickerProps {
  open: boolean;
  groups: readonly PickerGroup[];
  touched: readonly PickerEntry[];
  /** The target shown now, marked in the list. */
  chosen: string | null;
  /** The track's devices are being read. */
  loading: boolean;
  /** Why they could not be read. */
  error: string | null;
  onChoose: (target: string) => void;
  onClose: () => void;
  onRetry?: () => void;
  /** What the filter holds when the sheet opens (stories, screenshots); empty by default. */
  initialFilter?: string;
}

/** A section of the list: its title and entries. */
export interface PickerSection {
  key: string;
  title: string;
  entries: readonly PickerEntry[];
}

const matches = (entry: PickerEntry, filter: string): boolean =>
  filter === '' || entry.name.toLowerCase().includes(filter) || entry.device.toLowerCase().includes(filter);

/** A group's title: the mixer's name, a device's path from the track down. */
export const groupTitle = (group: PickerGroup): string =>
  group.kind === 'mixer' || group.path.length === 0 ? group.name : group.path.join(' › ');

/** The sections shown for `filter` (by parameter or device name, any case), empty ones left out. */
export function pickerSections(
  groups: readonly PickerGroup[],
  touched: readonly PickerEntry[],
  filter: string,
): PickerSection[] {
  const wanted = filter.trim().toLowerCase();
  // the mixer first, the devices in the track's order
  const ordered = [...groups.filter((g) => g.kind === 'mixer'), ...groups.filter((g) => g.kind !== 'mixer')];
  const sections: PickerSection[] = [
    { key: 'touched', title: 'Touched', entries: touched.filter((entry) => matches(entry, wanted)) },
    {
      key: 'automated',
      title: 'Automated in this clip',
      entries: ordered.flatMap((group) => group.entries.filter((entry) => entry.automated && matches(entry, wanted))),
    },
    ...ordered.map((group, index) => ({
      key: `group:${index}:${groupTitle(group)}`,
      title: groupTitle(group),
      entries: group.entries.filter((entry) => matches(entry, wanted)),
    })),
  ];
  return sections.filter((section) => section.entries.length > 0);
}

interface EntryProps {
  entry: PickerEntry;
  chosen: boolean;
  showWhy: boolean;
  onChoose: (target: string) => void;
}

function Entry({ entry, chosen, showWhy, onChoose }: EntryProps) {
  return (
    <li>
      <button
        type="button"
        className="ls-picker-entry"
        aria-current={chosen || undefined}
        data-automated={entry.automated || undefined}
        onClick={() => onChoose(entry.target)}
      >
        <span className="ls-picker-dot" aria-hidden="true" />
        <span className="ls-picker-names">
          <span className="ls-picker-name">{entry.name}</span>
          <span className="ls-picker-device">{entry.device}</span>
        </span>
        <span className="ls-picker-why">
          {entry.automated && <span className="ls-visually-hidden">automated</span>}
          {showWhy && entry.why}
        </span>
      </button>
    </li>
  );
}

/** The open sheet (mounted only while open: its filter starts empty every time). */
function PickerSheet(props: ParameterPickerProps) {
  const { groups, touched, chosen, loading, error, onChoose, onClose, onRetry, initialFilter = '' } = props;
  const [filter, setFilter] = useState(initialFilter);
  const filterRef = useRef<HTMLInputElement | null>(null);
  const titleId = useId();
  const sections = useMemo(() => pickerSections(groups, touched, filter), [groups, touched, filter]);

  // the filter takes the focus; closing gives it back to whatever had it (the toolbar's parameter button)
  useLayoutEffect(() => {
    const before = document.activeElement;
    filterRef.current?.focus({ preventScroll: true });
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus({ preventScroll: true });
    };
  }, []);

  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });

  let body;
  if (error !== null)
    body = (
      <p className="ls-picker-message" role="alert" data-kind="error">
        {error}
        {onRetry && (
          <button type="button" className="ls-retry" onClick={onRetry}>
            Retry
          </button>
        )}
      </p>
    );
  else if (loading)
    body = (
      <p className="ls-picker-message" role="status" data-kind="loading">
        Reading the track’s devices…
      </p>
    );
  else if (sections.length === 0)
    body = (
      <p className="ls-picker-message" role="status" data-kind="empty">
        {filter.trim() === '' ? 'No parameters to automate on this track' : `No parameter matches “${filter.trim()}”`}
      </p>
    );
  else
    body = sections.map((section) => (
      <section key={section.key} className="ls-picker-section" aria-label={section.title}>
        <h3>{section.title}</h3>
        <ul>
          {section.entries.map((entry) => (
            <Entry
              key={entry.target}
              entry={entry}
              chosen={entry.target === chosen}
              showWhy={section.key === 'touched'}
              onChoose={onChoose}
            />
          ))}
        </ul>
      </section>
    ));

  return (
    <div
      className="ls-picker"
      onPointerDown={(event) => {
        if (event.target === event.currentTarget) latestClose.current();
      }}
    >
      <div
        className="ls-picker-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={loading || undefined}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }}
      >
        <div className="ls-picker-head">
          <h2 id={titleId} className="ls-picker-title">
            Automate
          </h2>
          <button type="button" className="ls-tool ls-picker-close" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </div>
        <input
          ref={filterRef}
          type="search"
          className="ls-picker-filter"
          aria-label="Filter parameters"
          placeholder="Filter by parameter or device"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <div className="ls-picker-list">{body}</div>
      </div>
    </div>
  );
}

/** The parameter picker: nothing while closed. */
export function ParameterPicker(props: ParameterPickerProps) {
  return props.open ? <PickerSheet {...props} /> : null;
}
