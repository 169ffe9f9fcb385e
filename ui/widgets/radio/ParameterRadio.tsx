/**
 * A quantized parameter on its actor as a row of choices: the thin
 * connected form of `Radio`. Each choice is one touch of the parameter in
 * Live (touch, the item's value, release), so touch automation records it.
 * A parameter with no items (a continuous one: a frequency) cannot be
 * chosen from: the widget says so in place of the items.
 */
import { memo } from 'react';
import { useHeld } from '../../connect/use-held';
import { useParameter, type ParameterActor, type ParameterView } from '../../connect/use-parameter';
import { Held } from '../held/Held';
import { Radio, type RadioProps } from './Radio';

export interface ParameterRadioProps extends Pick<RadioProps, 'size' | 'color'> {
  actor: ParameterActor;
  /** Shown instead of the parameter's name from Live. */
  label?: string;
}

/** The item Live's value stands for (quantized values count from the minimum), if it is one. */
export function chosenItem({ value, min, items }: Pick<ParameterView, 'value' | 'min' | 'items'>): number | null {
  const index = Math.round(value - min);
  return items !== undefined && index >= 0 && index < items.length ? index : null;
}

/** What a bound parameter without items says on a radio. */
export const notAChoice = (name: string): string =>
  `${name || 'This parameter'} has no items to choose from: bind it to a Knob or a Fader`;

export const ParameterRadio = memo(function ParameterRadio({ actor, label, ...look }: ParameterRadioProps) {
  const parameter = useParameter(actor);
  const { heldBy, onTakeover } = useHeld(actor, { tap: true });
  const { name, min, items, state, error, onStart, onChange, onCommit, onRetry } = parameter;
  const shown = label ?? name;
  // Live has said it is not quantized (it has read the parameter): a mistake in the layout, not a failure to retry
  if (items === undefined && (state === 'ready' || state === 'touched'))
    return <Radio {...look} label={shown} items={[]} chosen={null} state="failed" error={notAChoice(name)} />;
  const choose = (index: number): void => {
    onStart();
    onChange(min + index);
    onCommit();
  };
  return (
    <Held heldBy={heldBy} onTakeover={onTakeover}>
      <Radio
        {...look}
        label={shown}
        items={items ?? []}
        chosen={chosenItem(parameter)}
        state={state}
        error={error}
        onChoose={choose}
        onRetry={onRetry}
      />
    </Held>
  );
});
