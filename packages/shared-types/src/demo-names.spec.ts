import { chineseName, DEMO_GIVEN_CHARS, DEMO_SURNAMES } from './demo-names';
import { mulberry32, SeededRandom } from './random';

describe('chineseName', () => {
  it('gives the same names for the same seed (the demo people keep their names)', () => {
    const rng = new SeededRandom(1);
    expect(Array.from({ length: 6 }, () => chineseName(rng))).toEqual([
      '蔡静超',
      '章颖文',
      '应红',
      '杨波燕',
      '蒋平建',
      '陈阳志',
    ]);
  });

  it('draws the first given character, the chance of a second, the second, then the surname', () => {
    const raw = mulberry32(9);
    const at = (list: readonly string[]): string => list[Math.floor(raw() * list.length)]!;
    const expected = Array.from({ length: 200 }, () => {
      const first = at(DEMO_GIVEN_CHARS);
      if (!(raw() < 0.75)) return at(DEMO_SURNAMES) + first;
      let second = at(DEMO_GIVEN_CHARS);
      while (second === first) second = at(DEMO_GIVEN_CHARS);
      return at(DEMO_SURNAMES) + first + second;
    });
    const rng = new SeededRandom(9);
    expect(Array.from({ length: 200 }, () => chineseName(rng))).toEqual(expected);
  });

  it('is a listed surname and one or two different given characters, two three times in four', () => {
    const rng = new SeededRandom(4);
    const names = Array.from({ length: 4000 }, () => [...chineseName(rng)]);
    for (const [surname, ...given] of names) {
      expect(DEMO_SURNAMES).toContain(surname);
      expect(given.length === 1 || given.length === 2).toBe(true);
      for (const c of given) expect(DEMO_GIVEN_CHARS).toContain(c);
      if (given.length === 2) expect(given[0]).not.toBe(given[1]);
    }
    expect(names.filter((n) => n.length === 3).length / names.length).toBeCloseTo(0.75, 1);
  });
});
