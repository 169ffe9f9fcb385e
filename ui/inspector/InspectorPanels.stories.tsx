/**
 * The inspector's panels on their own, in each of their states: the actor
 * tree, a statechart (drawn, being laid out, failed), the history
 * (following, stepped back, empty) and a context.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { InspectedActor, Moment } from '../../machines/inspection';
import { inspectedActor, recordOf } from '../../machines/inspection-fixtures';
import { parameterMachine } from '../../machines/parameter';
import { chartOf, litStates } from '../../machines/statechart';
import { actorRows } from './actor-rows';
import { ActorHistory } from './ActorHistory';
import { ActorTree } from './ActorTree';
import { layoutChart, type ChartLayout } from './chart-layout';
import { ContextTree } from './ContextTree';
import { StatechartDiagram } from './StatechartDiagram';
import { storyLayouter } from './story-layouter';
import './inspector.css';

const meta = {
  title: 'Developers/Inspector Panels',
  parameters: { layout: 'fullscreen', controls: { disable: true } },
  decorators: [
    (Story) => (
      <div className="ls-inspector" style={{ height: 'auto', padding: 12 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const actor = (sessionId: string, parent: string | null, kind: string | null, value: InspectedActor['value']) =>
  inspectedActor({ sessionId, parent, kind, value, status: sessionId === 'x:7' ? 'stopped' : 'active' });

const RECORD = recordOf([
  actor('x:1', null, 'session', { live: 'ready' }),
  actor('x:2', 'x:1', 'track', 'ready'),
  actor('x:3', 'x:2', null, null),
  actor('x:4', 'x:2', 'parameter', { bound: 'ready' }),
  actor('x:5', 'x:1', 'clipSlot', { clip: { playing: 'quiet' } }),
  actor('x:6', 'x:1', 'scene', 'ready'),
  actor('x:7', null, 'device', 'loading'),
]);
const NAMES = new Map([
  ['x:1', 'session'],
  ['x:2', 'track:Drums'],
  ['x:3', 'track:Drums › observe'],
  ['x:4', 'parameter:Drums/Volume'],
  ['x:5', 'slot:Drums/1'],
  ['x:6', 'scene:Verse'],
  ['x:7', 'device:Bass/Saturator'],
]);
const tree = { onSelect: fn(), onFilter: fn(), onShowInvocations: fn() };

/** The actors by name under their parents; a stopped one dimmed; one chosen. */
export const Tree: Story = {
  render: () => (
    <ActorTree
      {...tree}
      rows={actorRows(RECORD, NAMES, { showInvocations: false, filter: '' })}
      selected="x:5"
      filter=""
      showInvocations={false}
    />
  ),
};

/** Filtered by words, with the invocations: the parents of what matched shown dimmed. */
export const TreeFiltered: Story = {
  render: () => (
    <ActorTree
      {...tree}
      rows={actorRows(RECORD, NAMES, { showInvocations: true, filter: 'observe' })}
      selected={null}
      filter="observe"
      showInvocations
    />
  ),
};

/** Nothing matches the filter. */
export const TreeNoMatch: Story = {
  render: () => <ActorTree {...tree} rows={[]} selected={null} filter="nothing" showInvocations={false} />,
};

const PARAMETER_CHART = chartOf(parameterMachine);

/** The parameter machine's chart, touched: `bound` and `touched` lit. */
export const Chart: Story = {
  loaders: [async () => ({ layout: await layoutChart(PARAMETER_CHART, storyLayouter()) })],
  render: (_, { loaded }) => (
    <StatechartDiagram
      machine="parameter"
      layout={(loaded as { layout: ChartLayout }).layout}
      lit={litStates(parameterMachine, { bound: 'touched' })}
    />
  ),
};

/** While ELK lays the chart out. */
export const ChartLayingOut: Story = {
  render: () => <StatechartDiagram machine="parameter" layout={null} lit={new Set()} />,
};

/** A chart ELK could not lay out. */
export const ChartFailed: Story = {
  render: () => (
    <StatechartDiagram machine="parameter" layout={null} error="the layout worker did not start" lit={new Set()} />
  ),
};

const MOMENTS: Moment[] = [
  { kind: 'invoked', at: 2.1, child: 'x:9', childId: 'load', src: 'read', input: { target: 'id 12', props: ['name'] } },
  { kind: 'ended', at: 9.8, child: 'x:9', childId: 'load', outcome: 'done', output: { name: 'Volume', value: 0.85 } },
  {
    kind: 'event',
    at: 9.9,
    event: 'xstate.done.actor.load',
    payload: {},
    value: { bound: 'ready' },
    context: { value: 0.85 },
  },
  { kind: 'event', at: 812.4, event: 'ui.touch', payload: {}, value: { bound: 'touched' }, context: { value: 0.85 } },
  { kind: 'invoked', at: 812.6, child: 'x:10', childId: 'gesture.begin', src: 'gesture', input: { phase: 'begin' } },
  {
    kind: 'ended',
    at: 830.2,
    child: 'x:11',
    childId: 'value',
    outcome: 'error',
    output: { code: 'live_error', message: 'the parameter is automated' },
  },
];
const history = { onCursor: fn(), onPause: fn() };

/** Following: the newest moment on top. */
export const HistoryFollowing: Story = {
  render: () => <ActorHistory {...history} moments={MOMENTS} startedAt={0} cursor={null} paused={false} />,
};

/** Paused and stepped back to the third moment. */
export const HistorySteppedBack: Story = {
  render: () => <ActorHistory {...history} moments={MOMENTS} startedAt={0} cursor={2} paused />,
};

/** Nothing recorded yet. */
export const HistoryEmpty: Story = {
  render: () => <ActorHistory {...history} moments={[]} startedAt={0} cursor={null} paused={false} />,
};

/** A context: objects and lists fold, actors by their ids. */
export const Context: Story = {
  render: () => (
    <ContextTree
      label="context"
      value={{
        track: 'id 12',
        name: 'Drums',
        color: 16725558,
        devices: ['id 50', 'id 51'],
        error: null,
        mixer: { volume: 0.85, panning: 0, sends: [0.2, 0] },
        reportTo: { sessionId: 'x:1' },
      }}
    />
  ),
};

/** Every panel in its states on one page. */
export const AllStates: Story = {
  loaders: Chart.loaders,
  render: (args, context) => (
    <div style={{ display: 'grid', gap: 24 }}>
      {[
        Tree,
        TreeFiltered,
        TreeNoMatch,
        Chart,
        ChartLayingOut,
        ChartFailed,
        HistoryFollowing,
        HistorySteppedBack,
        HistoryEmpty,
        Context,
      ].map((story, index) => (
        <section key={index} aria-label={`panel ${index + 1}`}>
          {story.render?.(args, context)}
        </section>
      ))}
    </div>
  ),
};
