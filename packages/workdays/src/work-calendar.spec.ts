import { DayKind, WorkCalendar } from './index';

const calendar = WorkCalendar.load();

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Brute force: step day by day with isWorkday (a Map lookup), to check the prefix-count arithmetic. */
function bruteCount(from: string, to: string): number {
  let count = 0;
  if (to >= from) {
    for (let d = nextDay(from); d <= to; d = nextDay(d)) if (calendar.isWorkday(d)) count++;
    return count;
  }
  for (let d = nextDay(to); d <= from; d = nextDay(d)) if (calendar.isWorkday(d)) count--;
  return count;
}

describe('bundled data', () => {
  it('covers 2024–2026 and names each notice', () => {
    expect(calendar.years).toEqual([2024, 2025, 2026]);
    expect(calendar.sourceOf(2025)).toContain('国办发明电〔2024〕12号');
    expect(calendar.sourceOf(2026)).toContain('2026年部分节假日安排');
    expect(calendar.sourceOf(2027)).toBeNull();
  });

  it('2026 Spring Festival: Feb 14 (Sat) worked, Feb 15–23 off, Feb 24 back, Feb 28 (Sat) worked', () => {
    expect(calendar.kindOf('2026-02-13')).toEqual({ kind: DayKind.WORKDAY, holiday: null, isWorkday: true });
    expect(calendar.kindOf('2026-02-14')).toEqual({
      kind: DayKind.SWAPPED_WORKDAY,
      holiday: '春节',
      isWorkday: true,
    });
    for (let day = 15; day <= 23; day++) {
      expect(calendar.kindOf(`2026-02-${day}`)).toEqual({
        kind: DayKind.HOLIDAY,
        holiday: '春节',
        isWorkday: false,
      });
    }
    expect(calendar.isWorkday('2026-02-24')).toBe(true);
    expect(calendar.kindOf('2026-02-28').kind).toBe(DayKind.SWAPPED_WORKDAY);
    expect(calendar.kindOf('2026-03-01')).toEqual({ kind: DayKind.WEEKEND, holiday: null, isWorkday: false });
  });

  it('2026 National Day: Sep 20 (Sun) worked, Oct 1–7 off, Oct 10 (Sat) worked; 中秋 Sep 25–27', () => {
    expect(calendar.kindOf('2026-09-20')).toEqual({
      kind: DayKind.SWAPPED_WORKDAY,
      holiday: '国庆节',
      isWorkday: true,
    });
    for (let day = 1; day <= 7; day++) {
      expect(calendar.kindOf(`2026-10-0${day}`).holiday).toBe('国庆节');
      expect(calendar.isWorkday(`2026-10-0${day}`)).toBe(false);
    }
    expect(calendar.isWorkday('2026-10-08')).toBe(true);
    expect(calendar.isWorkday('2026-10-10')).toBe(true);
    expect(calendar.isWorkday('2026-10-11')).toBe(false);
    expect(calendar.kindOf('2026-09-25')).toEqual({
      kind: DayKind.HOLIDAY,
      holiday: '中秋节',
      isWorkday: false,
    });
  });

  it('2026 other holidays', () => {
    expect(calendar.kindOf('2026-01-02').holiday).toBe('元旦');
    expect(calendar.kindOf('2026-01-04')).toEqual({
      kind: DayKind.SWAPPED_WORKDAY,
      holiday: '元旦',
      isWorkday: true,
    });
    expect(calendar.isWorkday('2026-04-06')).toBe(false); // 清明, Monday
    expect(calendar.isWorkday('2026-05-05')).toBe(false); // 劳动节, Tuesday
    expect(calendar.isWorkday('2026-05-09')).toBe(true); // Saturday worked
    expect(calendar.isWorkday('2026-06-19')).toBe(false); // 端午, Friday
  });

  it('2025 samples', () => {
    expect(calendar.isWorkday('2025-01-26')).toBe(true); // Sunday worked
    expect(calendar.kindOf('2025-01-28')).toEqual({
      kind: DayKind.HOLIDAY,
      holiday: '春节',
      isWorkday: false,
    });
    expect(calendar.isWorkday('2025-02-04')).toBe(false);
    expect(calendar.isWorkday('2025-02-05')).toBe(true);
    expect(calendar.isWorkday('2025-02-08')).toBe(true); // Saturday worked
    expect(calendar.isWorkday('2025-04-27')).toBe(true); // Sunday worked
    expect(calendar.isWorkday('2025-06-02')).toBe(false); // 端午, Monday
    expect(calendar.isWorkday('2025-09-28')).toBe(true); // Sunday worked
    expect(calendar.kindOf('2025-10-06').holiday).toBe('中秋节');
    expect(calendar.kindOf('2025-10-08').holiday).toBe('国庆节');
    expect(calendar.isWorkday('2025-10-09')).toBe(true);
    expect(calendar.isWorkday('2025-10-11')).toBe(true); // Saturday worked
  });

  it('2024 samples', () => {
    expect(calendar.isWorkday('2024-01-01')).toBe(false);
    expect(calendar.isWorkday('2024-02-04')).toBe(true); // Sunday worked
    expect(calendar.kindOf('2024-02-16').holiday).toBe('春节');
    expect(calendar.isWorkday('2024-02-18')).toBe(true); // Sunday worked
    expect(calendar.isWorkday('2024-04-07')).toBe(true); // Sunday worked
    expect(calendar.isWorkday('2024-04-28')).toBe(true);
    expect(calendar.isWorkday('2024-05-11')).toBe(true);
    expect(calendar.kindOf('2024-06-10').holiday).toBe('端午节');
    expect(calendar.isWorkday('2024-09-14')).toBe(true);
    expect(calendar.kindOf('2024-09-17').holiday).toBe('中秋节');
    expect(calendar.isWorkday('2024-09-29')).toBe(true);
    expect(calendar.isWorkday('2024-10-07')).toBe(false);
    expect(calendar.isWorkday('2024-10-12')).toBe(true);
  });

  it('counts a year of working days', () => {
    // 2024: 262 Mon–Fri − 19 holidays on Mon–Fri + 8 swapped = 251
    // 2025: 261 − 18 + 5 = 248;  2026: 261 − 19 + 6 = 248
    expect(calendar.workdaysBetween('2023-12-31', '2024-12-31')).toBe(251);
    expect(calendar.workdaysBetween('2024-12-31', '2025-12-31')).toBe(248);
    expect(calendar.workdaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });
});

describe('addWorkdays', () => {
  it('"1+3+6+10" from Thursday 2026-02-12, across the Spring Festival', () => {
    // Feb 13 Fri = 1, Feb 14 Sat (调休) = 2, Feb 15–23 春节 off, Feb 24 = 3, 25 = 4, 26 = 5, 27 Fri = 6,
    // Feb 28 Sat (调休) = 7, Mar 1 Sun off, Mar 2 Mon = 8, Mar 3 = 9, Mar 4 Wed = 10
    expect(calendar.addWorkdays('2026-02-12', 1)).toBe('2026-02-13');
    expect(calendar.addWorkdays('2026-02-12', 2)).toBe('2026-02-14');
    expect(calendar.addWorkdays('2026-02-12', 3)).toBe('2026-02-24');
    expect(calendar.addWorkdays('2026-02-12', 6)).toBe('2026-02-27');
    expect(calendar.addWorkdays('2026-02-12', 7)).toBe('2026-02-28');
    expect(calendar.addWorkdays('2026-02-12', 10)).toBe('2026-03-04');
  });

  it('counts from the day after, so Friday + 1 is Monday', () => {
    expect(calendar.addWorkdays('2026-03-06', 1)).toBe('2026-03-09');
    expect(calendar.addWorkdays('2026-03-07', 1)).toBe('2026-03-09'); // from a Saturday
    expect(calendar.addWorkdays('2026-02-15', 1)).toBe('2026-02-24'); // from a holiday
    expect(calendar.nextWorkday('2026-02-13')).toBe('2026-02-14'); // the swapped Saturday
  });

  it('n = 0 is the date itself', () => {
    expect(calendar.addWorkdays('2026-02-16', 0)).toBe('2026-02-16');
  });

  it('crosses National Day 2026', () => {
    // Oct 1–7 off: Oct 8 Thu = 1, Oct 9 Fri = 2, Oct 10 Sat (调休) = 3, Oct 12 Mon = 4
    expect(calendar.addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkdays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.addWorkdays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('rejects a negative or fractional n and a malformed date', () => {
    expect(() => calendar.addWorkdays('2026-02-12', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkdays('2026-02-12', 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkdays('2026-2-12', 1)).toThrow(/not a YYYY-MM-DD date/);
    expect(() => calendar.isWorkday('2026-02-29')).toThrow(RangeError);
  });

  it('agrees with stepping day by day, for 400 working days from many dates', () => {
    for (const start of [
      '2023-12-20',
      '2024-02-08',
      '2025-01-24',
      '2025-09-27',
      '2026-02-13',
      '2026-12-25',
    ]) {
      let day = start;
      for (let n = 1; n <= 400; n++) {
        do day = nextDay(day);
        while (!calendar.isWorkday(day));
        expect(calendar.addWorkdays(start, n)).toBe(day);
      }
    }
  });
});

describe('workdaysBetween', () => {
  it('counts (from, to], negative backwards', () => {
    expect(calendar.workdaysBetween('2026-02-12', '2026-03-04')).toBe(10);
    expect(calendar.workdaysBetween('2026-03-04', '2026-02-12')).toBe(-10);
    expect(calendar.workdaysBetween('2026-02-12', '2026-02-12')).toBe(0);
    expect(calendar.workdaysBetween('2026-02-14', '2026-02-23')).toBe(0);
  });

  it('agrees with brute force over random spans, inside and outside the data', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const dayIn = () =>
      new Date(Date.UTC(2023, 6, 1) + Math.floor(random() * 4 * 365) * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 60; i++) {
      const from = dayIn();
      const to = dayIn();
      expect([from, to, calendar.workdaysBetween(from, to)]).toEqual([from, to, bruteCount(from, to)]);
    }
  });

  it('inverts addWorkdays', () => {
    for (const n of [0, 1, 3, 6, 10, 250, 400]) {
      expect(calendar.workdaysBetween('2025-12-30', calendar.addWorkdays('2025-12-30', n))).toBe(n);
    }
  });
});

describe('outside the covered years', () => {
  it('says so and falls back to Monday–Friday', () => {
    expect(calendar.covers('2026-12-31')).toBe(true);
    expect(calendar.covers('2024-01-01')).toBe(true);
    expect(calendar.covers('2023-12-31')).toBe(false);
    expect(calendar.covers('2027-01-01')).toBe(false);
    // 2027-01-01 (Friday) will be 元旦, but no notice is in the data: plain Monday–Friday
    expect(calendar.kindOf('2027-01-01')).toEqual({ kind: DayKind.WORKDAY, holiday: null, isWorkday: true });
    expect(calendar.kindOf('2027-01-02').kind).toBe(DayKind.WEEKEND);
    // 2023-10-02 (Monday) was a 国庆 holiday, but 2023 is not in the data
    expect(calendar.isWorkday('2023-10-02')).toBe(true);
  });

  it('counts across the edge of the data', () => {
    // 2026-12-31 Thu; 2027-01-01 Fri = 1; Jan 4–8 = 2..6
    expect(calendar.addWorkdays('2026-12-31', 1)).toBe('2027-01-01');
    expect(calendar.workdaysBetween('2026-12-31', '2027-01-08')).toBe(6);
    // 2023-12-29 Fri → 2024-01-01 is 元旦 (covered) → Jan 2 Tue
    expect(calendar.addWorkdays('2023-12-29', 1)).toBe('2024-01-02');
  });
});
