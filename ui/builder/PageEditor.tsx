/**
 * A page being built: its title, the palette of widgets to add, the grid,
 * the selected widget's settings, and saving (on the bridge, for every
 * tablet), cancelling or deleting it. A pure view of the page builder's
 * state; every change is an event for its actor.
 */
import type { ReactNode } from 'react';
import type { BindingSlot } from '../../machines/page-builder';
import type { PageWidget, SavedPage, WidgetKind } from '../../protocol/src/pages';
import { BuilderCanvas } from './BuilderCanvas';
import { rowsUsed } from './grid';
import { KIND_NAMES, KINDS } from './widget-kinds';
import { slotText, WidgetSettings } from './WidgetSettings';
import { SLOTS } from '../../machines/page-builder';
import './builder.css';

export interface PageEditorProps {
  draft: SavedPage;
  /** Saved before (it can be deleted), or new. */
  saved: boolean;
  selected: string | null;
  learning: BindingSlot | null;
  busy: boolean;
  error: string | null;
  /** Another tablet saved this page since this draft began. */
  changedElsewhere: boolean;
  browser: { slot: BindingSlot; view: ReactNode } | null;
  renderWidget: (widget: PageWidget) => ReactNode;
  onTitle: (title: string) => void;
  onAdd: (kind: WidgetKind) => void;
  onSelect: (id: string) => void;
  onMove: (id: string, x: number, y: number) => void;
  onResize: (id: string, w: number, h: number) => void;
  onLabel: (id: string, label: string) => void;
  onLearn: (slot: BindingSlot) => void;
  onStopLearning: () => void;
  onBrowse: (slot: BindingSlot) => void;
  onUnbind: (slot: BindingSlot) => void;
  onSelectedTrack: () => void;
  onRemove: (id: string) => void;
  onSave: () => void;
  onCancel: () => void;
  onDelete: () => void;
}

/** How a widget's handle reads: its kind and label, and what it is bound to. */
export function describeWidget(widget: PageWidget): string {
  const bindings = SLOTS[widget.kind].map((slot) => slotText(widget, slot));
  const bound = bindings.every((text) => text !== null);
  const name = widget.label ? `${KIND_NAMES[widget.kind]} “${widget.label}”` : KIND_NAMES[widget.kind];
  return bound ? `${name}: ${bindings.join(', ')}` : `${name}: not bound`;
}

const isBound = (widget: PageWidget): boolean => SLOTS[widget.kind].every((slot) => slotText(widget, slot) !== null);

export function PageEditor(props: PageEditorProps) {
  const { draft, saved, selected, learning, busy, error, changedElsewhere, browser, renderWidget } = props;
  const widget = draft.widgets.find((each) => each.id === selected) ?? null;
  return (
    <div className="ls-page ls-saved-page" aria-label={`Editing ${draft.title || 'a new page'}`}>
      <div className="ls-saved-page-head">
        <label className="ls-builder-title">
          <span className="ls-visually-hidden">Page title</span>
          <input
            value={draft.title}
            placeholder="Page title"
            aria-label="Page title"
            maxLength={80}
            onChange={(event) => props.onTitle(event.target.value)}
          />
        </label>
        <div className="ls-builder-actions">
          <button type="button" className="ls-tool" data-primary onClick={props.onSave} disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="ls-tool" onClick={props.onCancel} disabled={busy}>
            Cancel
          </button>
          {saved && (
            <button type="button" className="ls-tool" onClick={props.onDelete} disabled={busy}>
              Delete page
            </button>
          )}
        </div>
      </div>
      {changedElsewhere && (
        <p className="ls-builder-error" role="status">
          Another tablet saved this page since you began: saving now is refused. Cancel to see theirs.
        </p>
      )}
      {error !== null && (
        <p className="ls-builder-error" role="alert">
          {error}
        </p>
      )}
      <div className="ls-builder">
        <BuilderCanvas
          widgets={draft.widgets}
          rows={rowsUsed(draft.widgets) + 1}
          selected={selected}
          renderWidget={renderWidget}
          describe={describeWidget}
          bound={isBound}
          onSelect={props.onSelect}
          onMove={props.onMove}
          onResize={props.onResize}
        />
        <aside className="ls-builder-panel" aria-label="Build">
          <h3>Add</h3>
          <div className="ls-builder-palette" role="group" aria-label="Add a widget">
            {KINDS.map((kind) => (
              <button key={kind} type="button" className="ls-tool" onClick={() => props.onAdd(kind)}>
                {KIND_NAMES[kind]}
              </button>
            ))}
          </div>
          {widget ? (
            <WidgetSettings
              widget={widget}
              learning={learning}
              browser={browser}
              onLabel={(label) => props.onLabel(widget.id, label)}
              onLearn={props.onLearn}
              onStopLearning={props.onStopLearning}
              onBrowse={props.onBrowse}
              onUnbind={props.onUnbind}
              onSelectedTrack={props.onSelectedTrack}
              onRemove={() => props.onRemove(widget.id)}
            />
          ) : (
            <p className="ls-empty">
              {draft.widgets.length === 0
                ? 'Add a widget, then bind it to Live.'
                : 'Tap a widget to bind it; drag it to move it, its corner to resize it.'}
            </p>
          )}
        </aside>
      </div>
    </div>
  );
}
