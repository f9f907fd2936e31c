import { mediansOf } from './aggregate';

describe('mediansOf', () => {
  it('reads each subject’s median from its histogram (odd and even counts)', () => {
    const m = mediansOf([
      { subject: 'a', days: 1, n: 2 },
      { subject: 'a', days: 3, n: 1 },
      { subject: 'a', days: 9, n: 2 },
      { subject: 'b', days: 2, n: 1 },
      { subject: 'b', days: 4, n: 1 },
      { subject: 'c', days: 7, n: 1 },
    ]);
    // a: 1 1 3 9 9 → 3; b: 2 4 → 3; c: 7
    expect(Object.fromEntries(m)).toEqual({ a: 3, b: 3, c: 7 });
  });

  it('is empty for no closings', () => {
    expect(mediansOf([]).size).toBe(0);
  });
});
