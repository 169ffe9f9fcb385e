import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { EDITED_CLIP, envelopeClip, note } from '../../../fake-live/editor-sets';
import { LinkError } from '../../../link/errors';
import type { EnvelopeEditorEvent } from '../../../machines/envelope-editor';
import type { EnvelopePoint } from '../../../machines/envelope-shape';
import { provideClipEditor, provideEnvelopeEditor } from '../../../machines/provide-clip-editor';
import { ClipEditor } from './ClipEditor';
import { BASS_GROOVE } from './roll-fixtures';

/** How the stories' in-memory Live behaves. */
type Live = 'usable' | 'offline' | 'refusing';

const FREQUENCY = 'id 80';
const FILTER_TYPE = 'id 81';

/** A filter opening with curves, then a step down: as Live 12 lists it. */
const CURVED: EnvelopePoint[] = [
  { time: 0, value: 0.15, curve: { x1: 0.6, y1: 0, x2: 0.9, y2: 0.4 } },
  { time: 4, value: 0.7, curve: { x1: 0.1, y1: 0.6, x2: 0.4, y2: 1 } },
  { time: 6, value: 0.85, curve: null },
  { time: 6, value: 0.4, curve: null },
  { time: 8, value: 0.4, curve: null },
];

/** Lowpass, Highpass, Bandpass, Notch: two beats each. */
const TYPES: EnvelopePoint[] = [0, 1, 2, 3].flatMap((type, index) => [
  { time: index * 2, value: index === 0 ? 0 : type - 1, curve: null },
  { time: index * 2, value: type, curve: null },
]);

interface StudioAutomationProps {
  height?: string;
  /** The parameter chosen once the clip is read, and the envelopes Live holds. */
  parameter?: string;
  envelopes?: readonly { parameter: string; points: readonly EnvelopePoint[] }[];
  live?: Live;
  /** Live 11 lists no events and has no range erase. */
  major?: 11 | 12;
  /** What a finger does once the envelope is read (so a story shows what follows it). */
  then?: readonly EnvelopeEditorEvent[];
  /** Where the toolbar and the views switch go: beside the editor on a short screen (a phone on its side). */
  placement?: 'bottom' | 'side';
}

/** The real clip and envelope editor actors, on a clip of the in-memory Live with automation, frames from the display. */
function StudioAutomation({
  parameter,
  envelopes = [],
  live = 'usable',
  major = 12,
  then = [],
  height = 'min(640px, 80vh)',
  placement = 'bottom',
}: StudioAutomationProps) {
  const [set] = useState(() => {
    const made = envelopeClip(BASS_GROOVE.map((one) => note(one.pitch, one.start, one.duration, one.velocity)));
    made.live.frames = 'display';
    made.envelopes.major = major;
    for (const envelope of envelopes) made.envelopes.define(EDITED_CLIP, envelope.parameter, envelope.points);
    if (live === 'refusing') {
      made.live.answer('write_envelope', () => {
        throw new LinkError('live_error', 'this parameter cannot be automated in a frozen track');
      });
    }
    return made;
  });
  const notes = useActorRef(provideClipEditor(set.live.effects()), { input: { clip: EDITED_CLIP } });
  const automation = useActorRef(provideEnvelopeEditor(set.live.effects()), { input: { clip: EDITED_CLIP } });
  useEffect(() => {
    let chosen = false;
    let done = false;
    const watching = automation.subscribe((snapshot) => {
      if (!chosen && parameter && snapshot.hasTag('unchosen')) {
        chosen = true;
        automation.send({ type: 'ui.choose', target: parameter });
      }
      if (done || !snapshot.hasTag('ready')) return;
      done = true;
      if (live === 'offline') set.live.status({ usable: false, epoch: 1 });
      for (const event of then) automation.send(event);
    });
    return () => watching.unsubscribe();
  }, [automation, parameter, live, set, then]);
  return (
    <div style={{ height, display: 'grid' }}>
      <ClipEditor
        actor={notes}
        envelope={automation}
        initialView="automation"
        placement={placement}
        rows={{ kind: 'keys' }}
        scale={null}
        playhead={null}
      />
    </div>
  );
}

const meta = {
  title: 'Clip Editor/Clip Automation',
  component: StudioAutomation,
  parameters: { controls: { disable: true } },
  args: { parameter: FREQUENCY, envelopes: [{ parameter: FREQUENCY, points: CURVED }] },
} satisfies Meta<typeof StudioAutomation>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The envelope editor's actor on the in-memory Live: choose, draw, ramp, erase, undo as on a tablet. */
export const Interactive: Story = {
  args: { parameter: undefined },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body);
    const dialog = await page.findByRole('dialog');
    const [automated] = await within(dialog).findAllByRole('button', { name: /Frequency/ });
    if (automated) await userEvent.click(automated);
    await waitFor(() => expect(canvasElement.querySelector('.ls-env')).toHaveAttribute('data-state', 'ready'));
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  },
};

/** A parameter with no automation yet: its value now, dashed, and a hint to draw. */
export const NoAutomationYet: Story = { args: { envelopes: [] } };

/** Live 12's curved segments, drawn from their control coefficients. */
export const Curved: Story = {};

/** A quantized parameter: its values named by its items, steps only. */
export const Quantized: Story = {
  args: { parameter: FILTER_TYPE, envelopes: [{ parameter: FILTER_TYPE, points: TYPES }] },
};

/** A finger drawing a ramp: the line follows it, the value under it in Live's units. */
export const Drawing: Story = {
  args: {
    then: [
      { type: 'ui.stroke.start', tool: 'ramp', beat: 1, value: 0.9 },
      { type: 'ui.stroke.move', beat: 5, value: 0.2 },
    ],
  },
};

/**
 * A phone on its side: the toolbar and the switch between notes and
 * automation stacked beside the editor, so the lane keeps the height.
 */
export const SideOnAPhone: Story = {
  args: { placement: 'side', height: 'calc(100vh - 32px)' },
  globals: { viewport: { value: 'phoneLandscape', isRotated: false } },
  play: async ({ canvasElement }) => {
    const views = await within(canvasElement).findByRole('group', { name: 'Edit' });
    await expect(views).toHaveAttribute('data-placement', 'side');
    const tools = await within(canvasElement).findByRole('toolbar', { name: 'Automation editor' });
    await expect(tools).toHaveAttribute('data-placement', 'side');
  },
};

/** Live 11: the envelope sampled (a 128th note apart), and no erasing of a range. */
export const Live11: Story = { args: { major: 11 } };

const STROKE: readonly EnvelopeEditorEvent[] = [
  { type: 'ui.stroke.start', tool: 'step', beat: 2, value: 0.9 },
  { type: 'ui.stroke.move', beat: 3.9, value: 0.9 },
  { type: 'ui.stroke.end' },
];

/** Live is offline: a stroke drawn waits, shown as waiting, and goes when Live is back. */
export const OfflinePending: Story = {
  args: { live: 'offline', then: STROKE },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('a stroke waits');
  },
};

/** Live refuses the stroke: taken back, its range marked, with a word. */
export const Refused: Story = {
  args: { live: 'refusing', then: STROKE },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('frozen track');
  },
};

/** The connected automation editor in each of its states, on the real actors. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 24 }}>
      {(
        [
          ['no automation yet', { parameter: FREQUENCY, envelopes: [] }],
          ['curved (Live 12)', { parameter: FREQUENCY, envelopes: [{ parameter: FREQUENCY, points: CURVED }] }],
          ['quantized', { parameter: FILTER_TYPE, envelopes: [{ parameter: FILTER_TYPE, points: TYPES }] }],
          [
            'drawing a ramp',
            { ...Drawing.args, parameter: FREQUENCY, envelopes: [{ parameter: FREQUENCY, points: CURVED }] },
          ],
          ['Live 11', { parameter: FREQUENCY, major: 11, envelopes: [{ parameter: FREQUENCY, points: CURVED }] }],
          ['offline, a stroke waiting', { parameter: FREQUENCY, live: 'offline', then: STROKE }],
          ['refused stroke', { parameter: FREQUENCY, live: 'refusing', then: STROKE }],
        ] as const
      ).map(([title, props]) => (
        <section key={title} aria-label={title}>
          <h3 className="ls-label">{title}</h3>
          <StudioAutomation {...props} height="380px" />
        </section>
      ))}
    </div>
  ),
};
