/**
 * The parameters this tablet holds now (touched: between its begin and end
 * gesture), by Live object id: each parameter actor holds its own while
 * touched (the `hold` effect), and the tablet's presence tells the others
 * (the `holding` effect). Two holds of one object (two fingers, a knob and
 * a fader on one parameter) count once until both let go. Pure: no I/O.
 */
export class HeldObjects {
  private readonly counts = new Map<number, number>();
  private readonly listeners = new Set<(objects: readonly number[]) => void>();

  /** Holds `object` until the returned function is called (once). */
  hold(object: number): () => void {
    this.counts.set(object, (this.counts.get(object) ?? 0) + 1);
    if (this.counts.get(object) === 1) this.tell();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(object) ?? 1) - 1;
      if (left > 0) this.counts.set(object, left);
      else {
        this.counts.delete(object);
        this.tell();
      }
    };
  }

  /** The objects held now, in the order they were first held. */
  get objects(): readonly number[] {
    return [...this.counts.keys()];
  }

  /** Calls `listener` with the objects now and at each change; returns how to stop. */
  watch(listener: (objects: readonly number[]) => void): () => void {
    this.listeners.add(listener);
    listener(this.objects);
    return () => this.listeners.delete(listener);
  }

  private tell(): void {
    const objects = this.objects;
    for (const listener of [...this.listeners]) listener(objects);
  }
}
