/**
 * The session box: Live outlines in its Session view the part of the grid a
 * tablet shows, as hardware controllers' "red box" does. Live draws one box
 * per control surface, and several tablets share LiveSurface's: the box of
 * the tablet that scrolled last is shown; when it leaves, the box of the one
 * that scrolled before it comes back; when none is left, the box is hidden.
 * After the script restarts (or Live comes back) the box is sent again.
 */
import type { SessionBoxArea } from '../protocol/src/index';
import type { Outcome, RequestBody } from './script-requests';

export interface SessionBoxesOptions {
  /** Sends a request to the script (the upstream). */
  request(body: RequestBody): Promise<Outcome>;
  /** Says why Live did not take a box (offline is no error: it is sent again when Live is back). */
  warn(message: string): void;
}

const sameArea = (a: SessionBoxArea | null, b: SessionBoxArea | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.track_offset === b.track_offset &&
    a.scene_offset === b.scene_offset &&
    a.width === b.width &&
    a.height === b.height);

export class SessionBoxes<Client> {
  /** Each client's box, the latest moved last (a Map keeps insertion order). */
  private readonly boxes = new Map<Client, SessionBoxArea>();
  private shown: SessionBoxArea | null = null;
  /** What Live was last sent; null until a box was sent once. */
  private sent: SessionBoxArea | null | undefined = undefined;

  constructor(private readonly options: SessionBoxesOptions) {}

  /** A client's box moved (or was hidden, `null`: that client no longer shows a session grid). */
  set(client: Client, box: SessionBoxArea | null): void {
    this.boxes.delete(client);
    if (box !== null) this.boxes.set(client, box);
    this.update();
  }

  /** The client left. */
  drop(client: Client): void {
    if (this.boxes.delete(client)) this.update();
  }

  /** Live (or the script) is back: it forgot the box. */
  resend(): void {
    if (this.sent === undefined) return; // no box was ever shown: nothing to put back
    this.sent = undefined;
    this.send(this.shown);
  }

  /** The box Live shows (for tests and diagnostics). */
  get current(): SessionBoxArea | null {
    return this.shown;
  }

  private update(): void {
    const latest = [...this.boxes.values()].at(-1) ?? null;
    this.shown = latest;
    if (this.sent !== undefined && sameArea(this.sent, latest)) return;
    if (this.sent === undefined && latest === null) return;
    this.send(latest);
  }

  private send(box: SessionBoxArea | null): void {
    this.sent = box;
    this.options
      .request({ op: 'session_box', box })
      .then((outcome) => {
        if (!outcome.ok && outcome.error.code !== 'unavailable')
          this.options.warn(`Live did not take the session box: ${outcome.error.message}`);
      })
      .catch((error: unknown) => this.options.warn(`the session box was not sent: ${String(error)}`));
  }
}
