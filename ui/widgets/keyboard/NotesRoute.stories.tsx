import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { pointerDown } from '../../test/pointer';
import { NotesRoute, type NotesRouteProps } from './NotesRoute';

const meta = {
  title: 'Instruments/Notes Route',
  component: NotesRoute,
  args: { track: 'Bass', armed: false, armable: true, others: [], onArm: fn(), onOnly: fn() },
  argTypes: { others: { control: 'object' }, refused: { control: 'text' } },
} satisfies Meta<typeof NotesRoute>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The set is loading: no track chosen yet. */
export const Waiting: Story = { args: { track: null } };

/** The chosen track is armed: the notes play there. */
export const Plays: Story = {
  args: { armed: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status', { name: 'Where the notes go' })).toHaveTextContent('Plays Bass (armed)');
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** Armed with others: the notes reach them all; one tap leaves only the chosen one armed. */
export const PlaysWithOthers: Story = {
  args: { armed: true, others: ['Keys', 'Lead'] },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Plays Bass, Keys and Lead (armed)');
    pointerDown(canvas.getByRole('button', { name: 'Only Bass' }));
    await expect(args.onOnly).toHaveBeenCalled();
  },
};

/** Another track is armed: the notes go there, not to the chosen one. */
export const Elsewhere: Story = { args: { others: ['Keys'] } };

/** No track is armed: the notes go nowhere, and the chosen track is one tap from playing. */
export const Nowhere: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('No track is armed: notes go nowhere');
    pointerDown(canvas.getByRole('button', { name: 'Arm Bass' }));
    await expect(args.onArm).toHaveBeenCalled();
  },
};

/** The arm asked for, until Live says it is done. */
export const Arming: Story = {
  args: { arming: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Arming Bass…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

/** Live did not arm it: said, not dropped. */
export const Refused: Story = { args: { refused: 'Live did not arm Bass' } };

/** A track that cannot be armed (a group track). */
export const Unarmable: Story = { args: { track: 'Group', armable: false, others: ['Keys'] } };

/** An audio track takes no notes. */
export const AudioTrack: Story = { args: { track: 'Vox', takesNotes: false } };

const states: Array<{ title: string; props: Partial<NotesRouteProps> }> = [
  { title: 'waiting', props: { track: null } },
  { title: 'plays', props: { armed: true } },
  { title: 'plays with others', props: { armed: true, others: ['Keys', 'Lead'] } },
  { title: 'elsewhere', props: { others: ['Keys'] } },
  { title: 'nowhere', props: {} },
  { title: 'arming', props: { arming: true } },
  { title: 'refused', props: { refused: 'Live did not arm Bass' } },
  { title: 'unarmable', props: { track: 'Group', armable: false, others: ['Keys'] } },
  { title: 'audio track', props: { track: 'Vox', takesNotes: false } },
];

/** Every state, one under another. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid" style={{ flexDirection: 'column', alignItems: 'stretch' }}>
      {states.map(({ title, props }) => (
        <figure key={title} style={{ justifyItems: 'stretch' }}>
          <NotesRoute {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};
