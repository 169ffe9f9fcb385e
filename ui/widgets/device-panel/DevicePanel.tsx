/**
 * A device as a panel of eight knobs: its name and kind, its on/off switch,
 * and its parameters a bank at a time (banks of eight, as on Live's own
 * controllers), with buttons to page through the banks. The knobs come in
 * as children so the view stays pure; the connected `LiveDevice` passes
 * knobs on the bank's parameter actors.
 */
import { memo, type ReactNode } from 'react';
import { Button } from '../button/Button';
import { stateText, type ControlState } from '../control-state';
import './device-panel.css';

export interface DevicePanelProps {
  /** The device's name in the set ("808 Core Kit"). */
  name: string;
  /** What kind of device it is ("Drum Rack", "Auto Filter"). */
  kind: string;
  active: boolean;
  state?: ControlState;
  bank: number;
  banks: number;
  /** The bank's names, when the device has them (else "Bank 2"). */
  bankNames?: readonly string[];
  children?: ReactNode;
  onToggle?: () => void;
  onBank?: (index: number) => void;
}

export const DevicePanel = memo(function DevicePanel({
  name,
  kind,
  active,
  state = 'ready',
  bank,
  banks,
  bankNames,
  children,
  onToggle,
  onBank,
}: DevicePanelProps) {
  const ready = state === 'ready' || state === 'touched';
  const bankName = bankNames?.[bank] ?? `Bank ${bank + 1}`;
  return (
    <section
      className="ls-device"
      aria-label={`${name || 'Device'} (${kind || 'device'})`}
      data-state={state}
      data-active={active || undefined}
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
          <span aria-hidden="true">⏻</span>
        </Button>
        <div className="ls-device-title">
          <strong>{name || stateText(state) || 'Device'}</strong>
          <span>{kind}</span>
        </div>
        <nav className="ls-device-banks" aria-label="Parameter banks">
          <Button
            kind="trigger"
            size="small"
            label="Previous bank"
            state={ready ? 'ready' : state}
            disabled={bank <= 0}
            onTrigger={() => onBank?.(bank - 1)}
          >
            <span aria-hidden="true">‹</span>
          </Button>
          <span className="ls-device-bank ls-number" aria-live="polite">
            {bankName} <span className="ls-device-bank-count">/ {banks}</span>
          </span>
          <Button
            kind="trigger"
            size="small"
            label="Next bank"
            state={ready ? 'ready' : state}
            disabled={bank >= banks - 1}
            onTrigger={() => onBank?.(bank + 1)}
          >
            <span aria-hidden="true">›</span>
          </Button>
        </nav>
      </header>
      <div className="ls-device-knobs">{children}</div>
    </section>
  );
});
