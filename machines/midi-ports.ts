/**
 * What MIDI in (`midi-input.ts`) and MIDI out (`midi-output.ts`) share: a
 * port of the tablet's chosen by name (a name survives a reload and a
 * replug; the browser's id may not), and the chart around it, from asking
 * whether the page has Web MIDI to the chosen port in use and followed as
 * ports are plugged in and out, each machine's effect reporting under its
 * own prefix (`webMidi`, `webMidiOut`).
 *
 * XState types a machine's actions by its own context, so each setup names
 * the chart's two actions in one line each (as `retry-cycle.ts`'s cycle);
 * its guards are `portGuards`:
 *
 * ```ts
 * guards: portGuards,
 * actions: {
 *   request: sendTo('webMidiOut', { type: 'webMidiOut.request' }),
 *   port: assign((_, params: PortChange) => params),
 * },
 * ```
 */
import type { MidiPort, WebMidiMissing } from './effects';

/** What both machines keep of Web MIDI and the chosen port. */
export interface MidiPortsContext {
  /** The connected ports (of the machine's direction). */
  ports: MidiPort[];
  /** The chosen port's name (kept across reloads), or null for none. */
  chosen: string | null;
  /** The id of the port in use, while it is. */
  inUse: string | null;
  /** Why there is no Web MIDI, when there is none. */
  why: WebMidiMissing | null;
  /** What the browser said when it refused access, or why MIDI could not start. */
  accessError: string | null;
  /** Why the chosen port could not be opened (another program holds it), if it could not. */
  problem: string | null;
}

/** The context's part before Web MIDI says anything, with the port chosen before (its name). */
export const noPortYet = (chosen: string | null | undefined): MidiPortsContext => ({
  ports: [],
  chosen: chosen ?? null,
  inUse: null,
  why: null,
  accessError: null,
  problem: null,
});

/** What the action `port` assigns. */
export type PortChange = Partial<MidiPortsContext>;

/** What the guard `stillInUse` takes: the ports connected now. */
export interface PortsParams {
  ports: MidiPort[];
}

/** The chosen port among those connected, or undefined (none chosen, or it is unplugged). */
export const chosenPort = (context: Pick<MidiPortsContext, 'ports' | 'chosen'>): MidiPort | undefined =>
  context.chosen === null ? undefined : context.ports.find((port) => port.name === context.chosen);

/** The port in use is among `ports`, by the same id and the chosen name. */
export const inUseAmong = (ports: readonly MidiPort[], context: Pick<MidiPortsContext, 'chosen' | 'inUse'>): boolean =>
  ports.some((port) => port.id === context.inUse && port.name === context.chosen);

/** The chart's guards, for any context that holds `MidiPortsContext`. */
export const portGuards = {
  hasChoice: ({ context }: { context: MidiPortsContext }) => context.chosen !== null,
  chosenPresent: ({ context }: { context: MidiPortsContext }) => chosenPort(context) !== undefined,
  noPorts: ({ context }: { context: MidiPortsContext }) => context.ports.length === 0,
  /** Another port came or went: the one in use is still there. */
  stillInUse: ({ context }: { context: MidiPortsContext }, params: PortsParams) => inUseAmong(params.ports, context),
};

/** The `port` change as the chosen port comes into use: its id, and no problem yet. */
export const inUseChange = ({ context }: { context: MidiPortsContext }): PortChange => ({
  inUse: chosenPort(context)?.id ?? null,
  problem: null,
});

/** Transitions on one event of a generic type (`${prefix}.granted`), typed as `letGo` types its handlers. */
function on<const K extends string, const V>(type: K, transitions: V): Partial<Record<K, V>> {
  const handlers: Partial<Record<K, V>> = {};
  handlers[type] = transitions;
  return handlers;
}

const whyChange = ({ event }: { event: { why: WebMidiMissing } }): PortChange => ({ why: event.why });
const refusalChange = ({ event }: { event: { message: string } }): PortChange => ({ accessError: event.message });
const choiceChange = ({ event }: { event: { name: string | null } }): PortChange => ({
  chosen: event.name,
  problem: null,
});

/** How an effect names the events both Web MIDI effects send (`WEB_MIDI_NAMES`, `WEB_MIDI_OUT_NAMES`). */
export interface WebMidiNames<P, L, F> {
  /** The prefix: the events `${prefix}.unsupported`, `.supported`, `.granted`, `.denied`, `.failed`, `.openFailed`. */
  prefix: P;
  /** The field of `.granted` (and the event `${prefix}.${list}`) that lists the ports (`inputs`). */
  list: L;
  /** The field of `.openFailed` that names the port (`input`). */
  port: F;
}

/** The machine's own states in the chart, by name. */
export interface PortStates<TNone, TUsing, TStates> {
  /** Its state while no port is connected (`noInputs`). */
  none: TNone;
  /** Its state while the chosen port is in use (`listening`): it assigns `inUse` (`inUseChange`) and clears it. */
  using: TUsing;
  /** Those two states' configs, by name (`{ noInputs: {}, listening }`). */
  states: TStates;
}

/**
 * The chart, from `checking`: checking, unsupported, idle, asking, denied,
 * failed, ready {placing, `none`, choosing, `using`}. `ready` takes
 * `ui.choose` and the ports as they come and go (the port in use plays on
 * while another comes or goes; when it goes, `placing` again), and a port
 * that would not open; `placing` goes to the chosen port when it is
 * connected; `${prefix}.supported` in `asking` or `ready` (an effect
 * restarted, the actor restored from a snapshot) asks again.
 */
export function portChart<
  const P extends string,
  const L extends string,
  const F extends string,
  const TNone extends string,
  const TUsing extends string,
  const TStates extends Record<TNone | TUsing, object>,
>(names: WebMidiNames<P, L, F>, own: PortStates<TNone, TUsing, TStates>) {
  const { prefix, list } = names;
  const portsParams = ({ event }: { event: Record<L, MidiPort[]> }): PortsParams => ({ ports: event[list] });
  const problemChange = ({
    context,
    event,
  }: {
    context: MidiPortsContext;
    event: Record<F, string> & { message: string };
  }): PortChange => (event[names.port] === context.inUse ? { problem: event.message } : {});
  const store = { type: 'port', params: portsParams } as const;
  // a config of its own for each state that asks again
  const enable = () => ({ on: { 'ui.enable': 'asking' } }) as const;
  const states = {
    checking: {
      on: {
        ...on(`${prefix}.unsupported`, { target: 'unsupported', actions: { type: 'port', params: whyChange } }),
        ...on(`${prefix}.supported`, [{ guard: 'hasChoice', target: 'asking' }, { target: 'idle' }]),
      },
    },
    unsupported: {},
    idle: enable(),
    asking: {
      entry: 'request',
      on: {
        // the effect started again (an actor restored from a snapshot restarts its effects): ask it again
        ...on(`${prefix}.supported`, { actions: 'request' }),
        ...on(`${prefix}.granted`, {
          target: 'ready',
          actions: [store, { type: 'port', params: { accessError: null } }],
        }),
        ...on(`${prefix}.denied`, { target: 'denied', actions: { type: 'port', params: refusalChange } }),
        ...on(`${prefix}.failed`, { target: 'failed', actions: { type: 'port', params: refusalChange } }),
      },
    },
    denied: enable(),
    failed: enable(),
    ready: {
      initial: 'placing',
      on: {
        // the effect started again without the access it had: it is asked for again
        ...on(`${prefix}.supported`, 'asking'),
        // another port plugged in or out: the one in use plays on without a break
        ...on(`${prefix}.${list}`, [
          { guard: { type: 'stillInUse', params: portsParams }, actions: store },
          { target: '.placing', actions: store },
        ]),
        ...on(`${prefix}.openFailed`, { actions: { type: 'port', params: problemChange } }),
        'ui.choose': { target: '.placing', actions: { type: 'port', params: choiceChange } },
      },
      states: {
        placing: {
          always: [
            { guard: 'chosenPresent', target: own.using },
            { guard: 'noPorts', target: own.none },
            { target: 'choosing' },
          ],
        },
        choosing: {},
        ...own.states,
      },
    },
  } as const;
  return { initial: 'checking', states } as const;
}
