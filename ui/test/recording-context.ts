/**
 * A 2D context that records what is drawn, for tests of canvas painters in
 * jsdom (which has none): each call with the state it was drawn in, and
 * text measured at a fixed width per character.
 */

export interface DrawCall {
  name: string;
  args: unknown[];
  strokeStyle: string;
  fillStyle: string;
  lineWidth: number;
  font: string;
}

export const CHARACTER_WIDTH = 6;

export class RecordingContext {
  readonly calls: DrawCall[] = [];
  strokeStyle = '#000';
  fillStyle = '#000';
  lineWidth = 1;
  lineCap: CanvasLineCap = 'butt';
  font = '10px sans-serif';
  textAlign: CanvasTextAlign = 'start';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  /** How many times text was measured (a cache saves these). */
  measured = 0;

  private record(name: string, args: unknown[]): void {
    const { strokeStyle, fillStyle, lineWidth, font } = this;
    this.calls.push({ name, args, strokeStyle, fillStyle, lineWidth, font });
  }

  /** The calls named `name`. */
  named(name: string): DrawCall[] {
    return this.calls.filter((call) => call.name === name);
  }

  /** The `index`th call named `name` (from the end when negative); throws when there is none. */
  nth(name: string, index: number): DrawCall {
    const call = this.named(name).at(index);
    if (!call) throw new Error(`no ${name} call at ${index}: ${this.calls.map((each) => each.name).join(', ')}`);
    return call;
  }

  /** Forgets what was drawn. */
  forget(): void {
    this.calls.length = 0;
  }

  beginPath(): void {
    this.record('beginPath', []);
  }
  arc(...args: unknown[]): void {
    this.record('arc', args);
  }
  moveTo(...args: unknown[]): void {
    this.record('moveTo', args);
  }
  lineTo(...args: unknown[]): void {
    this.record('lineTo', args);
  }
  stroke(): void {
    this.record('stroke', []);
  }
  fill(): void {
    this.record('fill', []);
  }
  fillText(...args: unknown[]): void {
    this.record('fillText', args);
  }
  clearRect(...args: unknown[]): void {
    this.record('clearRect', args);
  }
  setTransform(...args: unknown[]): void {
    this.record('setTransform', args);
  }
  measureText(text: string): TextMetrics {
    this.measured += 1;
    return { width: text.length * CHARACTER_WIDTH } as TextMetrics;
  }
}
