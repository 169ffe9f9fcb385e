/**
 * A machine's chart laid out, once per machine for the page (a chart does
 * not change while the page runs): null while ELK works, or why it could
 * not.
 */
import { useEffect, useState } from 'react';
import type { AnyStateMachine } from 'xstate';
import { chartOf } from '../../machines/statechart';
import { layoutChart, type ChartLayout, type Layouter } from './chart-layout';

const laidOut = new WeakMap<AnyStateMachine, Promise<ChartLayout>>();

export function useChartLayout(
  machine: AnyStateMachine | null,
  layouter: Layouter,
): { layout: ChartLayout | null; error: string | null } {
  const [result, setResult] = useState<{
    machine: AnyStateMachine;
    layout: ChartLayout | null;
    error: string | null;
  } | null>(null);
  useEffect(() => {
    if (machine === null) return;
    let current = true;
    let pending = laidOut.get(machine);
    if (!pending) {
      pending = layoutChart(chartOf(machine), layouter);
      laidOut.set(machine, pending);
      // a failed layout is tried again next time
      pending.catch(() => laidOut.delete(machine));
    }
    pending.then(
      (layout) => current && setResult({ machine, layout, error: null }),
      (error: unknown) =>
        current && setResult({ machine, layout: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [machine, layouter]);
  if (result === null || result.machine !== machine) return { layout: null, error: null };
  return { layout: result.layout, error: result.error };
}
