/**
 * One of a few named values, chosen from a list that opens below, as Live's
 * choosers do (the global quantization, a clip's launch mode): the trigger
 * shows the value Live has; a tap on an option chooses it and closes the
 * list. The options are a grid of touch-sized cells, so a list of fourteen
 * stays short. A pure view.
 */
import { memo, type CSSProperties } from 'react';
import { Popover, type PopoverProps } from './Popover';
import { ChevronDownIcon } from './transport-icons';

/** The picker's props: its name, Live's values by index, and where a choice goes. */
export interface ChoicePickerProps extends Pick<PopoverProps, 'disabled' | 'defaultOpen' | 'align' | 'size'> {
  /** What is chosen ("Quantization"): the trigger says it with the value. */
  label: string;
  /** Live's names of the values, by value. */
  options: readonly string[];
  /** The value Live has (an index into `options`). */
  value: number;
  /** Options per row of the list. */
  columns?: number;
  onChoose?: (value: number) => void;
}

/** A chooser of one of Live's values (a pure view). */
export const ChoicePicker = memo(function ChoicePicker({
  label,
  options,
  value,
  columns = 3,
  onChoose,
  ...popover
}: ChoicePickerProps) {
  const shown = options[value] ?? '–';
  return (
    <Popover
      {...popover}
      className="ls-choice"
      label={`${label}: ${shown}`}
      panelRole="listbox"
      panelLabel={label}
      face={
        <>
          <span className="ls-choice-value">{shown}</span>
          <ChevronDownIcon />
        </>
      }
    >
      {(close) => (
        <div className="ls-choice-options" style={{ '--ls-choice-columns': columns } as CSSProperties}>
          {options.map((option, index) => (
            <button
              key={option}
              type="button"
              role="option"
              className="ls-choice-option"
              aria-selected={index === value}
              onClick={() => {
                close();
                if (index !== value) onChoose?.(index);
              }}
            >
              {option}
            </button>
          ))}
        </div>
      )}
    </Popover>
  );
});
