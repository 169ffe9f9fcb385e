/**
 * The tablets connected to the bridge, in the app's top bar: a button with
 * their count, opening the list (each tablet's name in its color, its page,
 * its round trip, this tablet marked) and this tablet's own name and color
 * to change. A tap outside or Escape closes it. A pure view: the list comes
 * from the bridge, through the tablet's presence actor.
 */
import { memo, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { PaletteColor } from '../../settings/tablet-identity';
import type { TabletRow } from './tablet-rows';
import './tablets.css';

export interface TabletsViewProps {
  tablets: readonly TabletRow[];
  /** This tablet's name (null until it has one) and color, as the fields show them. */
  name: string | null;
  color: string;
  palette: readonly PaletteColor[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRename: (name: string) => void;
  onRecolor: (color: string) => void;
}

const TabletsIcon = () => (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2">
    <rect x="3" y="6" width="11" height="15" rx="2" />
    <path d="M8 3h11a2 2 0 0 1 2 2v12" strokeLinecap="round" />
  </svg>
);

const roundTrip = (ms: number | null): string => (ms === null ? '…' : `${ms.toFixed(1)} ms`);

function TabletItem({ tablet }: { tablet: TabletRow }) {
  return (
    <li className="ls-tablets-item" data-self={tablet.self || undefined} data-named={tablet.named || undefined}>
      <span
        className="ls-tablets-swatch"
        aria-hidden="true"
        style={tablet.color ? { background: tablet.color, borderColor: tablet.color } : undefined}
      />
      <span className="ls-tablets-who">
        <span className="ls-tablets-name">{tablet.name}</span>
        {tablet.self && <span className="ls-tablets-mark">this tablet</span>}
        {tablet.holds > 0 && <span className="ls-tablets-mark">holds {tablet.holds}</span>}
      </span>
      <span className="ls-tablets-page">{tablet.page ?? 'no page yet'}</span>
      <span className="ls-tablets-rtt ls-number" title="Its round trip to the bridge">
        {roundTrip(tablet.rttMs)}
      </span>
    </li>
  );
}

export const TabletsView = memo(function TabletsView(props: TabletsViewProps) {
  const { tablets, name, color, palette, open, onOpenChange, onRename, onRecolor } = props;
  const panelId = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const outside = (event: PointerEvent): void => {
      if (event.target instanceof Node && box.current?.contains(event.target)) return;
      onOpenChange(false);
    };
    const escape = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      onOpenChange(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('keydown', escape);
    };
  }, [open, onOpenChange]);
  const rename = (text: string): void => {
    if (text.trim() !== '' && text.trim() !== name) onRename(text);
  };
  const enter = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return;
    // the name goes now; the form is not submitted (the page would reload)
    event.preventDefault();
    rename(event.currentTarget.value);
  };
  return (
    <div className="ls-tablets" ref={box} data-open={open || undefined}>
      <button
        ref={button}
        type="button"
        className="ls-tool ls-tablets-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-haspopup="dialog"
        title="The tablets on this bridge"
        onClick={() => onOpenChange(!open)}
      >
        <TabletsIcon />
        <span className="ls-tablets-word">Tablets</span>
        <span className="ls-tablets-count ls-number">{tablets.length}</span>
      </button>
      {open && (
        // a tap inside is the panel's own, not the top bar's (which unfolds its words on a tap)
        <div
          id={panelId}
          className="ls-tablets-panel"
          role="dialog"
          aria-label="Tablets"
          onClick={(event) => event.stopPropagation()}
        >
          {tablets.length > 0 ? (
            <ul className="ls-tablets-list" aria-label="Connected tablets">
              {tablets.map((tablet) => (
                <TabletItem key={tablet.client} tablet={tablet} />
              ))}
            </ul>
          ) : (
            <p className="ls-tablets-empty">Not connected to the bridge.</p>
          )}
          <form className="ls-tablets-own" onSubmit={(event) => event.preventDefault()} aria-label="This tablet">
            <label className="ls-tablets-field">
              <span>Name</span>
              <input
                key={name ?? ''}
                name="name"
                type="text"
                autoComplete="off"
                maxLength={40}
                defaultValue={name ?? ''}
                placeholder="Name this tablet"
                onKeyDown={enter}
                onBlur={(event) => rename(event.currentTarget.value)}
              />
            </label>
            <fieldset className="ls-tablets-colors">
              <legend>Color</legend>
              {palette.map((choice) => (
                // the swatch is the radio's label: arrow keys move between colors as a radio group's do
                <label key={choice.value} className="ls-tablets-color" style={{ background: choice.value }}>
                  <input
                    type="radio"
                    name="color"
                    value={choice.value}
                    aria-label={choice.name}
                    checked={choice.value === color}
                    onChange={() => onRecolor(choice.value)}
                  />
                </label>
              ))}
            </fieldset>
          </form>
        </div>
      )}
    </div>
  );
});
