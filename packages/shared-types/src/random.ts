/** mulberry32: tiny, fast, good enough for demo data (not for anything secret). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded random source for the demo-data generators: the same seed gives the same data.
 * Every helper consumes a fixed, documented number of draws, so generators stay reproducible.
 * Generators extend it with their own helpers.
 */
export class SeededRandom {
  protected readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One of the items, uniformly (the list must not be empty). */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /**
   * One value, with probability proportional to its weight (one draw; the list must not be empty).
   * All weights zero gives the last value.
   */
  weighted<T>(items: readonly { readonly weight: number; readonly value: T }[]): T {
    return this.draw(items, (i) => i.weight).value;
  }

  /**
   * {@link weighted} for `[value, weight]` entries: one value, with probability proportional to
   * its weight (one draw; the list must not be empty). All weights zero gives the last value.
   */
  weightedEntry<T>(entries: readonly (readonly [T, number])[]): T {
    return this.draw(entries, (e) => e[1])[0];
  }

  /** The item the cumulative weights reach at one uniform draw over their total. */
  private draw<I>(items: readonly I[], weightOf: (item: I) => number): I {
    let total = 0;
    for (const item of items) total += weightOf(item);
    let r = this.next() * total;
    for (const item of items) {
      r -= weightOf(item);
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new RangeError('weighted draw from an empty list');
    return last;
  }
}
