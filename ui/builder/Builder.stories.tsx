/**
 * The page builder on the studio set: a new page, a page being built (a
 * widget selected, learning from Live, picking in the object browser,
 * saving, refused because another tablet saved first), a saved page played
 * (one widget's track away: unbound), a page file with a mistake, and the
 * object browser's own states. The editor on its actor is the last story.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState, type ReactNode } from 'react';
import { createActor } from 'xstate';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { BrowserEntry } from '../../machines/object-browser';
import type { BindingSlot } from '../../machines/page-builder';
import type { PageWidget, SavedPage } from '../../protocol/src/pages';
import { useStudio, withStudio } from '../fake-studio/studio-react';
import { LayoutProvider } from '../layouts/layout-context';
import { LivePageEditor } from './LivePageEditor';
import { ObjectBrowser } from './ObjectBrowser';
import { PageEditor, type PageEditorProps } from './PageEditor';
import { SavedWidget } from './SavedWidget';
import { BrokenPage, SavedPageView } from './SavedPageView';

/** The studio's session, and the builder's widgets on it. */
function OnTheStudio({ children }: { children: ReactNode }) {
  const studio = useStudio();
  const [session] = useState(() => createActor(studio.machines.session));
  useEffect(() => {
    session.start();
    return () => {
      session.stop();
    };
  }, [session]);
  return (
    <LayoutProvider machines={studio.machines} session={session}>
      {children}
    </LayoutProvider>
  );
}

const FILTER = { track: { name: 'Bass' }, device: { name: 'Auto Filter' } } as const;

const WIDGETS: PageWidget[] = [
  {
    id: 'w1',
    kind: 'knob',
    x: 0,
    y: 0,
    w: 2,
    h: 2,
    parameter: { ...FILTER, target: 'parameters 1', what: 'Bass › Auto Filter › Frequency' },
  },
  {
    id: 'w2',
    kind: 'fader',
    x: 2,
    y: 0,
    w: 1,
    h: 4,
    label: 'Drums',
    parameter: { track: { name: 'Drums' }, target: 'mixer_device volume', what: 'Drums › Track Volume' },
  },
  { id: 'w3', kind: 'meter', x: 3, y: 0, w: 1, h: 4, track: { name: 'Drums' } },
  {
    id: 'w4',
    kind: 'xy',
    x: 4,
    y: 0,
    w: 4,
    h: 4,
    label: 'Filter',
    x_parameter: { ...FILTER, target: 'parameters 1' },
    y_parameter: { ...FILTER, target: 'parameters 2' },
  },
  {
    id: 'w5',
    kind: 'button',
    x: 0,
    y: 2,
    w: 2,
    h: 1,
    label: 'Filter on',
    parameter: { ...FILTER, target: 'parameters 0' },
  },
  { id: 'w6', kind: 'display', x: 0, y: 3, w: 2, h: 1, parameter: null },
  {
    id: 'w7',
    kind: 'knob',
    x: 8,
    y: 0,
    w: 2,
    h: 2,
    parameter: { track: { name: 'Strings' }, target: 'mixer_device panning', what: 'Strings › Track Panning' },
  },
];

const PAGE: SavedPage = { format: 'livesurface.page', version: 1, title: 'Bass tweaks', widgets: WIDGETS };

const ENTRIES: BrowserEntry[] = [
  { path: 'live_set tracks 1 mixer_device', label: 'Mixer', type: 'MixerDevice', pickable: false },
  { path: 'live_set tracks 1 devices 0', label: 'Auto Filter', type: 'Device', pickable: false },
];
const PARAMETERS: BrowserEntry[] = ['Device On', 'Frequency', 'Resonance', 'Filter Type'].map((label, index) => ({
  path: `live_set tracks 1 devices 0 parameters ${index}`,
  label,
  type: 'DeviceParameter',
  pickable: true,
}));
const TRAIL = [
  { path: 'live_set', label: 'Set' },
  { path: 'live_set tracks 1', label: 'Bass' },
];

const nothing = () => undefined;
const browserProps = {
  trail: TRAIL,
  entries: ENTRIES,
  loading: false,
  error: null,
  picking: 'a parameter',
  onOpen: nothing,
  onPick: nothing,
  onRetry: nothing,
  onClose: nothing,
};

function Editor(props: Partial<PageEditorProps> & { learning?: BindingSlot | null }) {
  return (
    <OnTheStudio>
      <PageEditor
        draft={PAGE}
        saved
        selected={null}
        learning={null}
        busy={false}
        error={null}
        changedElsewhere={false}
        browser={null}
        renderWidget={(widget) => <SavedWidget widget={widget} />}
        onTitle={nothing}
        onAdd={nothing}
        onSelect={nothing}
        onMove={nothing}
        onResize={nothing}
        onLabel={nothing}
        onLearn={nothing}
        onStopLearning={nothing}
        onBrowse={nothing}
        onUnbind={nothing}
        onSelectedTrack={nothing}
        onRemove={nothing}
        onSave={nothing}
        onCancel={nothing}
        onDelete={nothing}
        {...props}
      />
    </OnTheStudio>
  );
}

function Played() {
  return (
    <OnTheStudio>
      <SavedPageView page={PAGE} renderWidget={(widget) => <SavedWidget widget={widget} />} onEdit={nothing} />
    </OnTheStudio>
  );
}

function OnItsActor() {
  const studio = useStudio();
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <OnTheStudio>
      {outcome ? (
        <p className="ls-empty">{outcome}</p>
      ) : (
        <LivePageEditor
          machines={studio.machines}
          input={{ name: null, revision: null, page: { ...PAGE, title: '', widgets: [] }, taken: [] }}
          latestRevision={null}
          onDone={(output) => setOutcome(`Done: ${output.outcome}`)}
        />
      )}
    </OnTheStudio>
  );
}

const meta = {
  title: 'Builder/Page builder',
  decorators: [withStudio()],
  parameters: { layout: 'fullscreen', controls: { disable: true } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** A new page: nothing on the grid yet. */
export const NewPage: Story = {
  render: () => <Editor draft={{ ...PAGE, title: '', widgets: [] }} saved={false} />,
};

/** A page being built, its knob selected: its settings beside the grid. */
export const Selected: Story = {
  render: () => <Editor selected="w1" />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(page.getByRole('button', { name: 'Knob: Bass › Auto Filter › Frequency' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByRole('button', { name: 'Value: not bound' })).toBeInTheDocument();
  },
};

/** Learning the knob's parameter: the musician clicks one in Live. */
export const Learning: Story = {
  render: () => <Editor selected="w6" learning="parameter" />,
};

/** Picking the knob's parameter in the object browser, down on the Bass track's Auto Filter. */
export const Browsing: Story = {
  render: () => (
    <Editor
      selected="w6"
      browser={{
        slot: 'parameter',
        view: (
          <ObjectBrowser
            {...browserProps}
            trail={[...TRAIL, { path: 'live_set tracks 1 devices 0', label: 'Auto Filter' }]}
            entries={PARAMETERS}
          />
        ),
      }}
    />
  ),
};

/** Saving on the bridge. */
export const Saving: Story = {
  render: () => <Editor busy />,
};

/** Another tablet saved this page first: the save is refused, the draft kept, and the musician told. */
export const Refused: Story = {
  render: () => <Editor changedElsewhere error="Not saved: bass-tweaks changed on another tablet" />,
};

/** The saved page, played; one knob's track (Strings) is not in the set: unbound, saying why. */
export const Saved: Story = {
  render: () => <Played />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const [knob] = await page.findAllByRole('slider', { name: 'Frequency' }, { timeout: 5000 });
    await waitFor(() => expect(knob).not.toHaveAttribute('aria-disabled'), { timeout: 5000 });
    await page.findByText(/Strings › Track Panning: no track named “Strings”/, undefined, { timeout: 5000 });
    await expect(page.getByText('Not bound yet: edit the page to bind it')).toBeInTheDocument();
  },
};

/** A page file edited by hand with a mistake in it. */
export const Broken: Story = {
  render: () => <BrokenPage name="bass-tweaks" error={'widgets.2: "w3" overlaps "w2" on the grid'} />,
};

/** The object browser asking Live, showing a track's objects, with nothing to bind, and failed. */
export const Browser: Story = {
  render: () => (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 260px)', gap: 16, padding: 16 }}>
      <ObjectBrowser {...browserProps} loading entries={[]} />
      <ObjectBrowser {...browserProps} />
      <ObjectBrowser {...browserProps} entries={[]} />
      <ObjectBrowser {...browserProps} error="live_set tracks 7 does not exist" />
    </div>
  ),
};

/** The editor on its actor: a knob added is placed and selected, a fader beside it. */
export const Building: Story = {
  render: () => <OnItsActor />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.type(page.getByRole('textbox', { name: 'Page title' }), 'Mine');
    const palette = page.getByRole('group', { name: 'Add a widget' });
    await userEvent.click(within(palette).getByRole('button', { name: 'Knob' }));
    await userEvent.click(within(palette).getByRole('button', { name: 'Fader' }));
    await waitFor(() =>
      expect(page.getByRole('button', { name: 'Fader: not bound' })).toHaveAttribute('aria-pressed', 'true'),
    );
    await expect(page.getByRole('button', { name: 'Knob: not bound' })).toBeInTheDocument();
  },
};

/** Every state at once. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 24 }}>
      <Editor draft={{ ...PAGE, title: '', widgets: [] }} saved={false} />
      <Editor selected="w1" />
      <Editor selected="w6" learning="parameter" />
      <Editor
        selected="w6"
        browser={{ slot: 'parameter', view: <ObjectBrowser {...browserProps} entries={PARAMETERS} /> }}
      />
      <Editor busy />
      <Editor changedElsewhere error="Not saved: bass-tweaks changed on another tablet" />
      <Played />
      <BrokenPage name="bass-tweaks" error={'widgets.2: "w3" overlaps "w2" on the grid'} />
    </div>
  ),
};
