/**
 * What MIDI in's and MIDI out's stories share: the args they start from,
 * and their `AllStates` pages, each state of a line's view under its title,
 * the states both show alike (the access to Web MIDI) first.
 */
import type { ComponentType } from 'react';
import { fn } from 'storybook/test';
import type { PortViewProps } from './MidiPortLine';

/** The args both lines' stories start from: nothing chosen, nothing refused, callbacks that record their calls. */
export const portArgs = (): PortViewProps => ({
  why: null,
  accessError: null,
  chosen: null,
  problem: null,
  onEnable: fn(),
  onChoose: fn(),
});

/** A state of a view, under its title. */
export type TitledState<TProps> = readonly [title: string, props: Partial<TProps>];

/** The states both lines show alike. */
export const ACCESS_STATES: readonly TitledState<
  PortViewProps & { status: 'checking' | 'unsupported' | 'idle' | 'asking' | 'denied' | 'failed' }
>[] = [
  ['looking for Web MIDI', { status: 'checking' }],
  ['not a secure page', { status: 'unsupported', why: 'insecure' }],
  ['no Web MIDI in this browser', { status: 'unsupported', why: 'absent' }],
  ['not asked yet', { status: 'idle' }],
  ['asking', { status: 'asking' }],
  ['refused', { status: 'denied', accessError: 'Permission denied.' }],
  ['MIDI could not start', { status: 'failed', accessError: 'Platform dependent initialization failed.' }],
];

/** `view` in each of `states` (over `args`), one under the other. */
export function PortStates<TProps extends object>({
  view: View,
  args,
  states,
}: {
  view: ComponentType<TProps>;
  args: TProps;
  states: readonly TitledState<TProps>[];
}) {
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      {states.map(([title, state]) => (
        <section key={title} aria-label={title}>
          <h3 className="ls-label" style={{ textAlign: 'start' }}>
            {title}
          </h3>
          <View {...args} {...state} />
        </section>
      ))}
    </div>
  );
}
