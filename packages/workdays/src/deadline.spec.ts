import { endOfChinaDay, WorkCalendar, type PauseInterval } from './index';

const calendar = WorkCalendar.load();
/** An instant given in China time. */
const cn = (local: string) => new Date(`${local}+08:00`);
const pause = (from: string, to: string | null): PauseInterval => ({
  from: cn(from),
  to: to === null ? null : cn(to),
});

// Started Thursday 2026-02-12 10:00 China time. Working days after that date:
// Feb 13 (1), Feb 14 Sat 调休 (2), [Feb 15–23 春节], Feb 24 (3), 25 (4), 26 (5), 27 (6), Feb 28 Sat 调休 (7),
// Mar 2 (8), 3 (9), 4 (10), 5 (11), 6 (12), 9 (13), ...
const start = cn('2026-02-12T10:00:00');

describe('deadline', () => {
  it('ends at 23:59:59.999 China time of the n-th working day after the start date', () => {
    expect(calendar.deadline(start, 10)).toEqual(new Date('2026-03-04T15:59:59.999Z'));
    expect(calendar.deadline(start, 10)).toEqual(endOfChinaDay('2026-03-04'));
    expect(calendar.deadline(start, 1)).toEqual(endOfChinaDay('2026-02-13'));
    expect(calendar.deadline(start, 3)).toEqual(endOfChinaDay('2026-02-24'));
    expect(calendar.deadline(start, 6)).toEqual(endOfChinaDay('2026-02-27'));
    expect(calendar.deadline(start, 0)).toEqual(endOfChinaDay('2026-02-12'));
  });

  it('takes the start date in China time, not UTC', () => {
    // 2026-02-12T17:30Z is Friday Feb 13, 01:30 in China: day 1 is the swapped Saturday Feb 14
    expect(calendar.deadline(new Date('2026-02-12T17:30:00Z'), 1)).toEqual(endOfChinaDay('2026-02-14'));
  });

  it('is pushed one working day per working day a pause touches, wholly or in part', () => {
    // Thu 26 15:00 → Sat 28 09:00 touches Feb 26 (part), 27 (whole), 28 (part, a swapped working day):
    // 3 working days, so the 10th unpaused one is Mar 9 (13th working day; Mar 7–8 weekend)
    expect(calendar.deadline(start, 10, [pause('2026-02-26T15:00:00', '2026-02-28T09:00:00')])).toEqual(
      endOfChinaDay('2026-03-09'),
    );
  });

  it('is not pushed by a pause over non-working days, on the start day, or after the deadline', () => {
    const due = endOfChinaDay('2026-03-04');
    expect(calendar.deadline(start, 10, [pause('2026-02-16T09:00:00', '2026-02-20T18:00:00')])).toEqual(due);
    expect(calendar.deadline(start, 10, [pause('2026-02-12T11:00:00', '2026-02-12T12:00:00')])).toEqual(due);
    expect(calendar.deadline(start, 10, [pause('2026-03-10T09:00:00', '2026-03-12T09:00:00')])).toEqual(due);
    expect(calendar.deadline(start, 10, [pause('2026-02-20T09:00:00', '2026-02-20T09:00:00')])).toEqual(due);
  });

  it('counts a day once however many pauses touch it; a pause ending at 00:00 does not touch that day', () => {
    const due = endOfChinaDay('2026-03-05');
    expect(calendar.deadline(start, 10, [pause('2026-02-25T09:00:00', '2026-02-26T00:00:00')])).toEqual(due);
    expect(
      calendar.deadline(start, 10, [
        pause('2026-02-25T09:00:00', '2026-02-25T10:00:00'),
        pause('2026-02-25T14:00:00', '2026-02-25T15:00:00'),
      ]),
    ).toEqual(due);
    // a pause on the deadline day itself moves it on by one
    expect(calendar.deadline(start, 10, [pause('2026-03-04T14:00:00', '2026-03-04T15:00:00')])).toEqual(due);
  });

  it('adds up separate pauses, in any order', () => {
    // Feb 13 and Feb 25 paused: unpaused Feb 14 (1), 24 (2), 26 (3), 27 (4), 28 (5), Mar 2..6 (6..10)
    const paused = [
      pause('2026-02-25T09:00:00', '2026-02-25T10:00:00'),
      pause('2026-02-13T09:00:00', '2026-02-13T10:00:00'),
    ];
    expect(calendar.deadline(start, 10, paused)).toEqual(endOfChinaDay('2026-03-06'));
  });

  it('runs a still-open pause until asOf', () => {
    // open since Wed Feb 25 09:00; as of Fri Feb 27 10:00 it has touched Feb 25, 26, 27: 3 days
    const open = [pause('2026-02-25T09:00:00', null)];
    expect(calendar.deadline(start, 10, open, cn('2026-02-27T10:00:00'))).toEqual(
      endOfChinaDay('2026-03-09'),
    );
    // a day later (Sat Feb 28, a swapped working day) one more
    expect(calendar.deadline(start, 10, open, cn('2026-02-28T10:00:00'))).toEqual(
      endOfChinaDay('2026-03-10'),
    );
  });

  it('rejects bad input', () => {
    expect(() => calendar.deadline(start, 10, [pause('2026-02-25T09:00:00', '2026-02-24T09:00:00')])).toThrow(
      /paused\[0\] ends before it starts/,
    );
    expect(() => calendar.deadline(new Date('nope'), 1)).toThrow(/start is not a valid Date/);
    expect(() => calendar.deadline(start, -1)).toThrow(RangeError);
  });
});

describe('elapsedWorkdays', () => {
  it('counts the working days after the start date up to and including today', () => {
    // Feb 13, 14, 24, 25, 26
    expect(calendar.elapsedWorkdays(start, cn('2026-02-26T10:00:00'))).toBe(5);
    expect(calendar.elapsedWorkdays(start, cn('2026-02-20T10:00:00'))).toBe(2);
    expect(calendar.elapsedWorkdays(start, cn('2026-02-12T23:00:00'))).toBe(0);
    expect(calendar.elapsedWorkdays(start, cn('2026-02-01T00:00:00'))).toBe(0);
  });

  it('leaves out the working days a pause touched', () => {
    // Feb 24 09:00 → Feb 25 09:00 touches Feb 24 and 25
    const paused = [pause('2026-02-24T09:00:00', '2026-02-25T09:00:00')];
    expect(calendar.elapsedWorkdays(start, cn('2026-02-26T10:00:00'), paused)).toBe(3);
    // still open: runs until now, touching Feb 25 and 26
    expect(
      calendar.elapsedWorkdays(start, cn('2026-02-26T10:00:00'), [pause('2026-02-25T09:00:00', null)]),
    ).toBe(3);
  });

  it('stays within n until the deadline passes', () => {
    // unpaused: Feb 13, 14, 24, 25, [26–28 paused], Mar 2, [3–4 paused], 5, 6, 9, 10, 11 (10th)
    const paused = [
      pause('2026-02-26T15:00:00', '2026-02-28T09:00:00'),
      pause('2026-03-03T08:00:00', '2026-03-04T12:00:00'),
    ];
    expect(calendar.deadline(start, 10, paused)).toEqual(endOfChinaDay('2026-03-11'));
    const seen = { onTime: 0, late: 0 };
    for (let hours = 0; hours < 24 * 40; hours += 7) {
      const now = new Date(start.getTime() + hours * 3_600_000);
      const elapsed = calendar.elapsedWorkdays(start, now, paused);
      if (now <= calendar.deadline(start, 10, paused, now)) {
        seen.onTime++;
        expect(elapsed).toBeLessThanOrEqual(10);
      } else {
        seen.late++;
        expect(elapsed).toBeGreaterThanOrEqual(10);
      }
    }
    expect(seen.onTime).toBeGreaterThan(0);
    expect(seen.late).toBeGreaterThan(0);
  });
});
