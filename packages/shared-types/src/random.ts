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

/** murmur3's finalizer: a bijection on 32-bit integers (unsigned result), for mixing seeds and counters. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
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

const hex8 = (x: number): string => x.toString(16).padStart(8, '0');

/**
 * Deterministic v4-shaped UUIDs for demo rows: a counter mixed with a salt from the seed and the
 * stream (one stream per table, so tables do not share ids). The first 32 bits are a bijection of
 * the counter, so a stream never repeats an id. Draws nothing from any {@link SeededRandom}.
 */
export class SeededUuids {
  private n = 0;
  private readonly salt: number;

  constructor(seed: number, stream = 0) {
    this.salt = fmix32((seed ^ 0x5eed1d5) + Math.imul(stream, 0x27d4eb2d));
  }

  next(): string {
    const n = ++this.n;
    const a = fmix32((n + this.salt) >>> 0);
    const b = fmix32((Math.imul(n, 0x9e3779b1) ^ this.salt) >>> 0);
    const c = fmix32((n ^ 0xa5a5a5a5) + this.salt);
    const d = fmix32(a ^ b ^ c);
    const hb = hex8(b);
    const hc = hex8(c);
    return `${hex8(a)}-${hb.slice(0, 4)}-4${hb.slice(5)}-${(((c >>> 28) & 0x3) | 0x8).toString(16)}${hc.slice(1, 4)}-${hc.slice(4)}${hex8(d)}`;
  }
}
