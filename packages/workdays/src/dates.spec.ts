import { chinaDateOf, endOfChinaDay, startOfChinaDay, todayInChina } from './index';

describe('China dates', () => {
  it('tells the China date of an instant (UTC+8)', () => {
    expect(chinaDateOf(new Date('2026-02-14T15:59:59.999Z'))).toBe('2026-02-14');
    expect(chinaDateOf(new Date('2026-02-14T16:00:00.000Z'))).toBe('2026-02-15');
    expect(todayInChina(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(todayInChina()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives the first and last instant of a China date', () => {
    expect(startOfChinaDay('2026-02-15')).toEqual(new Date('2026-02-14T16:00:00.000Z'));
    expect(endOfChinaDay('2026-02-15')).toEqual(new Date('2026-02-15T15:59:59.999Z'));
    expect(endOfChinaDay('2024-02-29')).toEqual(new Date('2024-02-29T15:59:59.999Z'));
  });

  it('rejects what is not a real YYYY-MM-DD date or a valid instant', () => {
    expect(() => startOfChinaDay('2026-02-29')).toThrow(/not a YYYY-MM-DD date/);
    expect(() => startOfChinaDay('2026-2-1')).toThrow(RangeError);
    expect(() => chinaDateOf(new Date(NaN))).toThrow(RangeError);
  });
});
