/**
 * A device as a panel as wide as its page: its name and kind (a tap selects
 * it in Live), its on/off switch, and its parameters a bank of eight at a
 * time (banks as on Live's own controllers), as many banks side by side as
 * the width fits (a phone wraps a bank into rows), with buttons to page
 * through the rest. The controls come in as children, in order, so the view
 * stays pure; the connected `LiveDevice` passes knobs and switches on the
 * parameter actors of the banks shown.
 */
import { Children, isValidElement, memo, useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { Button } from '../button/Button';
import { stateText, type ControlState } from '../control-state';
import { ChevronLeftIcon, ChevronRightIcon, PowerIcon } from '../icons';
import { DialLayer } from '../knob/dial-layer';
import { useBankFit } from './bank-fit';
import './device-panel.css';

export interface DevicePanelProps {
  /** The device's name in the set ("808 Core Kit"). */
  name: string;
  /** What kind of device it is ("Drum Rack", "Auto Filter"). */
  kind: string;
  active: boolean;
  state?: ControlState;
  /** The first bank shown. */
  bank: number;
  banks: number;
  /** How many banks are shown side by side, from `bank` (what the panel fits). */
  shown?: number;
  /**
   * How many banks the panel fits side by side: a device with fewer banks
   * leaves the rest of the row empty, so knobs are the same size on every panel.
   */
  fits?: number;
  /** Parameters per bank: the children are grouped by it. */
  bankSize?: number;
  /** The bank's names, when the device has them (else "Bank 2"). */
  bankNames?: readonly string[];
  /** Whether it is the device Live has selected. */
  selected?: boolean;
  children?: ReactNode;
  onToggle?: () => void;
  onBank?: (index: number) => void;
  /** The title was tapped: select the device in Live. */
  onSelect?: () => void;
  /** How many banks fit the panel's width now (measured as it changes). */
  onFit?: (banks: number) => void;
}

/** What the bank pager says: "Bank 2 / 3", or "Banks 1–2 / 3" when more than one is shown. */
export function bankLabel(bank: number, shown: number, names?: readonly string[]): string {
  const name = (index: number): string => names?.[index] ?? String(index + 1);
  if (shown <= 1) return names?.[bank] ?? `Bank ${bank + 1}`;
  return names ? `${name(bank)} – ${name(bank + shown - 1)}` : `Banks ${bank + 1}–${bank + shown}`;
}

/** The controls in groups of a bank each. */
function inBanks(children: ReactNode, size: number): ReactNode[][] {
  const controls = Children.toArray(children);
  const groups: ReactNode[][] = [];
  for (let start = 0; start < controls.length; start += Math.max(1, size)) {
    groups.push(controls.slice(start, start + Math.max(1, size)));
  }
  return groups;
}

export const DevicePanel = memo(function DevicePanel({
  name,
  kind,
  active,
  state = 'ready',
  bank,
  banks,
  shown = 1,
  fits = shown,
  bankSize = 8,
  bankNames,
  selected = false,
  children,
  onToggle,
  onBank,
  onSelect,
  onFit,
}: DevicePanelProps) {
  const ready = state === 'ready' || state === 'touched';
  const title = name || stateText(state) || 'Device';
  const fit = useBankFit<HTMLDivElement>(bankSize, onFit);
  const section = useRef<HTMLElement>(null);
  // the device Live selects comes into view (a tap on it is in view already)
  useEffect(() => {
    if (selected) section.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);
  const groups = inBanks(children, bankSize);
  const columns = {
    '--ls-device-banks': Math.max(1, fits, groups.length),
    '--ls-device-bank-size': Math.max(1, bankSize),
  } as CSSProperties;
  return (
    <section
      ref={section}
      className="ls-device"
      aria-label={`${name || 'Device'} (${kind || 'device'})`}
      aria-current={selected || undefined}
      data-state={state}
      data-active={active || undefined}
      data-selected={selected || undefined}
    >
      <header className="ls-device-header">
        <Button
          kind="toggle"
          label={`${name || 'Device'} on`}
          on={active}
          state={ready ? 'ready' : state}
          size="small"
          color="var(--ls-accent)"
          onChange={() => onToggle?.()}
        >
          <PowerIcon />
        </Button>
        <button
          type="button"
          className="ls-device-title"
          aria-label={`Select ${name || 'device'} in Live`}
          aria-pressed={selected}
          disabled={!ready || !onSelect}
          onClick={() => onSelect?.()}
        >
          <strong>{title}</strong>
          <span>{kind}</span>
        </button>
        <nav className="ls-device-banks" aria-label="Parameter banks">
          <Button
            kind="trigger"
            size="small"
            label="Previous bank"
            state={ready ? 'ready' : state}
            disabled={bank <= 0}
            onTrigger={() => onBank?.(Math.max(0, bank - shown))}
          >
            <ChevronLeftIcon />
          </Button>
          <span className="ls-device-bank ls-number" aria-live="polite">
            {bankLabel(bank, shown, bankNames)} <span className="ls-device-bank-count">/ {banks}</span>
          </span>
          <Button
            kind="trigger"
            size="small"
            label="Next bank"
            state={ready ? 'ready' : state}
            disabled={bank + shown >= banks}
            onTrigger={() => onBank?.(bank + shown)}
          >
            <ChevronRightIcon />
          </Button>
        </nav>
      </header>
      <div ref={fit} className="ls-device-knobs" style={columns}>
        <DialLayer>
          {groups.map((group, index) => (
            <div
              key={bank + index}
              className="ls-device-bank-group"
              role="group"
              aria-label={bankNames?.[bank + index] ?? `Bank ${bank + index + 1}`}
            >
              {group.map((control, place) => (
                <div key={`${place}:${isValidElement(control) ? control.key : ''}`} className="ls-device-cell">
                  {control}
                </div>
              ))}
            </div>
          ))}
        </DialLayer>
      </div>
    </section>
  );
});
