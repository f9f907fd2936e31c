import { fmix32, mulberry32, SeededRandom, SeededUuids } from './random';

describe('SeededRandom', () => {
  it('gives the same draws for the same seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const draws = (r: SeededRandom): number[] => Array.from({ length: 5 }, () => r.float());
    expect(draws(a)).toEqual(draws(b));
    const raw = mulberry32(42);
    expect(draws(new SeededRandom(42))).toEqual(Array.from({ length: 5 }, () => raw()));
  });

  it('draws integers within the bounds and picks from the list', () => {
    const r = new SeededRandom(1);
    for (let k = 0; k < 1000; k++) {
      const n = r.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }
    expect(['a', 'b']).toContain(r.pick(['a', 'b']));
    expect(() => r.pick([])).toThrow(RangeError);
  });

  describe('weighted and weightedEntry', () => {
    const objects = [
      { weight: 1, value: 'a' },
      { weight: 3, value: 'b' },
      { weight: 0, value: 'c' },
      { weight: 6, value: 'd' },
    ];
    const entries = objects.map((o) => [o.value, o.weight] as const);

    it('follow the weights and never give a zero-weight value', () => {
      const r = new SeededRandom(7);
      const counts = new Map<string, number>();
      const n = 20_000;
      for (let k = 0; k < n; k++) {
        const v = r.weighted(objects);
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      expect((counts.get('a') ?? 0) / n).toBeCloseTo(0.1, 1);
      expect((counts.get('b') ?? 0) / n).toBeCloseTo(0.3, 1);
      expect(counts.get('c')).toBeUndefined();
      expect((counts.get('d') ?? 0) / n).toBeCloseTo(0.6, 1);
    });

    it('walk the cumulative weights with exactly one draw each', () => {
      // the first draws of seed 3, scaled to the total weight 10, decide the value
      const raw = mulberry32(3);
      const expected = Array.from({ length: 50 }, () => {
        const x = raw() * 10;
        return x < 1 ? 'a' : x < 4 ? 'b' : 'd';
      });
      const byObject = new SeededRandom(3);
      const byEntry = new SeededRandom(3);
      expect(Array.from({ length: 50 }, () => byObject.weighted(objects))).toEqual(expected);
      expect(Array.from({ length: 50 }, () => byEntry.weightedEntry(entries))).toEqual(expected);
    });

    it('give the last value when every weight is zero, and refuse an empty list', () => {
      const r = new SeededRandom(5);
      expect(
        r.weighted([
          { weight: 0, value: 1 },
          { weight: 0, value: 2 },
        ]),
      ).toBe(2);
      expect(
        r.weightedEntry([
          ['x', 0],
          ['y', 0],
        ]),
      ).toBe('y');
      expect(() => r.weighted([])).toThrow(RangeError);
      expect(() => r.weightedEntry([])).toThrow(RangeError);
    });
  });
});

describe('fmix32', () => {
  it('mixes to unsigned 32-bit integers and keeps zero fixed', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(1364076727);
    expect(fmix32(-1)).toBe(2180083513);
    expect(fmix32(-1)).toBe(fmix32(0xffffffff));
  });
});

describe('SeededUuids', () => {
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('gives the same v4-shaped ids for the same seed and stream (the demo rows keep their ids)', () => {
    const ids = new SeededUuids(42);
    expect([ids.next(), ids.next()]).toEqual([
      'c0bc0338-1cf4-402c-9aad-f59969407724',
      '34c51ace-ba6a-4609-8a69-bc4f7f980c6a',
    ]);
    expect(new SeededUuids(42, 0).next()).toBe('c0bc0338-1cf4-402c-9aad-f59969407724');
    expect(new SeededUuids(42, 3).next()).toBe('9efc9309-eae6-405a-8cc5-d59b79d8d400');
  });

  it('never repeats an id within a stream, and streams differ', () => {
    const ids = new SeededUuids(7, 1);
    const seen = new Set<string>();
    for (let k = 0; k < 20_000; k++) {
      const id = ids.next();
      expect(id).toMatch(V4);
      seen.add(id);
    }
    expect(seen.size).toBe(20_000);
    expect(new SeededUuids(7, 2).next()).not.toBe(new SeededUuids(7, 1).next());
    expect(new SeededUuids(8, 1).next()).not.toBe(new SeededUuids(7, 1).next());
  });
});
