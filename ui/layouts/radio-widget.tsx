/**
 * A layout's `<Radio target="…" />`: a quantized parameter (a filter's
 * type, a Saturator's curve) as a row of its items, one lit, a tap setting
 * it. It binds as every widget of the kit does (`bound-widgets.tsx`): on
 * the parameter's shared actor once bound, unassigned while its scope
 * waits, failed for a mistaken target; a parameter with no items says so
 * on the widget.
 */
import { ParameterRadio } from '../widgets/radio/ParameterRadio';
import { Radio as RadioView } from '../widgets/radio/Radio';
import { standIn, useBinding, Why, type BoundProps } from './bound-widgets';

export function Radio({ target, label, size }: BoundProps) {
  const { actor, bound } = useBinding(target);
  if (actor) return <ParameterRadio actor={actor} label={label} size={size} />;
  const stand = standIn(bound, label, target);
  return (
    <Why bound={bound}>
      {/* its state in place of the items (Unassigned, Failed); why, beneath */}
      <RadioView label={stand.label} items={[]} chosen={null} state={stand.state} size={size} />
    </Why>
  );
}
