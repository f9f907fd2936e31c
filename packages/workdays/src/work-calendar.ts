import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CalendarDataError, validateCalendarData, type CalendarData } from './calendar-data';
import {
  chinaDayOf,
  chinaDayOfMs,
  endOfChinaDayMs,
  formatDay,
  instantMs,
  isWeekendDay,
  parseDay,
  yearOf,
  type IsoDate,
} from './dates';

/** The bundled calendar (2024–2026 at the time of writing). */
export const CN_CALENDAR_FILE = join(__dirname, '../data/cn-calendar.json');

/** The environment variable {@link WorkCalendar.fromEnv} reads a calendar file path from. */
export const WORKDAYS_CALENDAR_FILE_ENV = 'WORKDAYS_CALENDAR_FILE';

export enum DayKind {
  /** Monday–Friday, not a holiday. */
  WORKDAY = 'WORKDAY',
  /** Saturday or Sunday, not a swapped working day. */
  WEEKEND = 'WEEKEND',
  /** A statutory holiday day off (放假), whatever the weekday. */
  HOLIDAY = 'HOLIDAY',
  /** A Saturday or Sunday that is a working day (调休上班). */
  SWAPPED_WORKDAY = 'SWAPPED_WORKDAY',
}

export interface DayInfo {
  kind: DayKind;
  /** For HOLIDAY the holiday's name; for SWAPPED_WORKDAY the holiday it makes up for; else null. */
  holiday: string | null;
  isWorkday: boolean;
}

/**
 * A stretch during which the clock stops (e.g. an appeal waiting for the enterprise, 等待企业补充材料).
 * Half-open: [from, to). `to: null` means the pause is still open.
 */
export interface PauseInterval {
  from: Date;
  to: Date | null;
}

interface SpecialDay {
  kind: DayKind.HOLIDAY | DayKind.SWAPPED_WORKDAY;
  name: string;
}

/** Count of Monday–Friday days in [0, r) days after a Thursday, for r = 0..7. */
const WEEKDAYS_IN_PARTIAL_WEEK = [0, 1, 2, 2, 2, 3, 4, 5];

/** Monday–Friday days before day `x`, relative to day 0 (a cumulative count; negative for x < 0). */
function weekdaysBefore(x: number): number {
  const weeks = Math.floor(x / 7);
  return weeks * 5 + (WEEKDAYS_IN_PARTIAL_WEEK[x - weeks * 7] ?? 0);
}

/** Index of the first element of a sorted array that is >= x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number >= 0, got ${n}`);
}

/**
 * China's working-day calendar (工作日): Monday–Friday, minus statutory holidays, plus the weekend days
 * worked in exchange (调休上班), as published each year by the State Council General Office.
 *
 * Dates are 'YYYY-MM-DD' strings in China time (Asia/Shanghai). For a year the data has no block for,
 * the calendar falls back to plain Monday–Friday; {@link covers} tells which case applies.
 *
 * Every lookup is O(1) (a Map of the listed dates); counts over any span are O(log k) through a
 * cumulative count (Monday–Friday in closed form, corrected by a prefix sum over the k listed dates).
 */
export class WorkCalendar {
  private readonly special = new Map<number, SpecialDay>();
  private readonly coveredYears: ReadonlySet<number>;
  private readonly sources = new Map<number, string>();
  /** Sorted days where the calendar differs from Monday–Friday, and the prefix sums of the difference. */
  private readonly adjustDays: number[] = [];
  private readonly adjustBefore: number[] = [0];

  private constructor(data: CalendarData) {
    for (const [yearKey, block] of Object.entries(data.years)) {
      this.sources.set(Number(yearKey), block.source);
      for (const holiday of block.holidays) {
        for (let day = parseDay(holiday.from); day <= parseDay(holiday.to); day++) {
          this.special.set(day, { kind: DayKind.HOLIDAY, name: holiday.name });
        }
      }
      for (const swapped of block.swappedWorkdays) {
        this.special.set(parseDay(swapped.date), { kind: DayKind.SWAPPED_WORKDAY, name: swapped.holiday });
      }
    }
    this.coveredYears = new Set(this.sources.keys());
    const deltas: [number, number][] = [];
    for (const [day, { kind }] of this.special) {
      if (kind === DayKind.SWAPPED_WORKDAY) deltas.push([day, +1]);
      else if (!isWeekendDay(day)) deltas.push([day, -1]); // a holiday on a weekend changes nothing
    }
    deltas.sort((a, b) => a[0] - b[0]);
    for (const [day, delta] of deltas) {
      this.adjustDays.push(day);
      this.adjustBefore.push((this.adjustBefore[this.adjustBefore.length - 1] ?? 0) + delta);
    }
  }

  /**
   * Reads and validates a calendar file (default: the bundled `data/cn-calendar.json`). Throws a
   * {@link CalendarDataError} naming the file and the bad entry.
   */
  static load(file: string = CN_CALENDAR_FILE): WorkCalendar {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CalendarDataError(`cannot read calendar file ${file}: ${(error as Error).message}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new CalendarDataError(`${file}: not valid JSON: ${(error as Error).message}`);
    }
    return WorkCalendar.fromData(raw, basename(file) === file ? file : `${basename(file)} (${file})`);
  }

  /** {@link load} the file named by `WORKDAYS_CALENDAR_FILE`, or the bundled one when it is unset or empty. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): WorkCalendar {
    return WorkCalendar.load(env[WORKDAYS_CALENDAR_FILE_ENV] || CN_CALENDAR_FILE);
  }

  /** Builds a calendar from already-parsed data, validating it first (see `validateCalendarData`). */
  static fromData(raw: unknown, origin = 'calendar data'): WorkCalendar {
    return new WorkCalendar(validateCalendarData(raw, origin));
  }

  /** The years the data has a block for, ascending. */
  get years(): number[] {
    return [...this.coveredYears].sort((a, b) => a - b);
  }

  /** The notice a year's block was copied from, or null for a year the data does not cover. */
  sourceOf(year: number): string | null {
    return this.sources.get(year) ?? null;
  }

  /**
   * Whether the data covers the date's year. Outside it, every answer is plain Monday–Friday (holidays
   * not yet announced are unknown), so a deadline there may fall on a future holiday.
   */
  covers(date: IsoDate): boolean {
    return this.coveredYears.has(yearOf(parseDay(date)));
  }

  isWorkday(date: IsoDate): boolean {
    return this.isWorkdayDay(parseDay(date));
  }

  kindOf(date: IsoDate): DayInfo {
    const day = parseDay(date);
    const special = this.special.get(day);
    if (special) {
      return {
        kind: special.kind,
        holiday: special.name,
        isWorkday: special.kind === DayKind.SWAPPED_WORKDAY,
      };
    }
    const weekend = isWeekendDay(day);
    return { kind: weekend ? DayKind.WEEKEND : DayKind.WORKDAY, holiday: null, isWorkday: !weekend };
  }

  /** The first working day strictly after `date` (= addWorkdays(date, 1)). */
  nextWorkday(date: IsoDate): IsoDate {
    return this.addWorkdays(date, 1);
  }

  /**
   * The n-th working day after `date`: the date itself is never counted, whether or not it is a
   * working day. addWorkdays(Friday, 1) is the next Monday (if that is a working day);
   * addWorkdays(date, 0) is `date` unchanged. n must be a whole number >= 0.
   */
  addWorkdays(date: IsoDate, n: number): IsoDate {
    checkCount(n, 'n');
    return formatDay(this.nthWorkdayAfter(parseDay(date), n));
  }

  /**
   * Working days in (from, to]: `from` excluded, `to` included; negative (minus the working days in
   * (to, from]) when `to` is before `from`. So workdaysBetween(d, addWorkdays(d, n)) === n.
   */
  workdaysBetween(from: IsoDate, to: IsoDate): number {
    return this.countAfter(parseDay(from), parseDay(to));
  }

  /**
   * The deadline for something due `workdays` working days after `start`: the last instant
   * (23:59:59.999 China time) of the n-th working day after the China date of `start` (the start's
   * own day is not counted, so a 1-working-day limit started on a Friday ends Monday night).
   *
   * Pauses stop the clock: every working day after the start's day that a pause touches, wholly or
   * in part, is not counted, which pushes the deadline one working day later per such day (a day
   * touched by several pauses counts once; non-working days never count anyway). A pause is [from, to):
   * one ending at exactly 00:00 does not touch that day. A still-open pause (`to: null`) is taken to
   * run until `asOf` (default: now), so while it is open the result is the deadline *if the pause
   * ended now*, and it moves later each working day the pause stays open.
   *
   * `workdays` = 0 gives the end of the start's own day.
   */
  deadline(
    start: Date,
    workdays: number,
    paused: readonly PauseInterval[] = [],
    asOf: Date = new Date(),
  ): Date {
    checkCount(workdays, 'workdays');
    const startDay = chinaDayOf(start, 'start');
    const ranges = this.pausedDayRanges(paused, startDay, instantMs(asOf, 'asOf'));
    let remaining = workdays;
    let cursor = startDay;
    for (const [first, last] of ranges) {
      const available = this.countAfter(cursor, first - 1);
      if (available >= remaining) break;
      remaining -= available;
      cursor = last;
    }
    return new Date(endOfChinaDayMs(this.nthWorkdayAfter(cursor, remaining)));
  }

  /**
   * Working days used so far: the working days in (China date of `start`, China date of `now`] that
   * no pause touched. `now`'s own day counts once it has begun, so with the same pauses,
   * `now <= deadline(start, n, paused, now)` implies `elapsedWorkdays(start, now, paused) <= n`. Open pauses run until
   * `now`; 0 when `now` is on or before the start's day.
   */
  elapsedWorkdays(start: Date, now: Date, paused: readonly PauseInterval[] = []): number {
    const startDay = chinaDayOf(start, 'start');
    const nowMs = instantMs(now, 'now');
    const nowDay = chinaDayOfMs(nowMs);
    if (nowDay <= startDay) return 0;
    let elapsed = this.countAfter(startDay, nowDay);
    for (const [first, last] of this.pausedDayRanges(paused, startDay, nowMs)) {
      if (first > nowDay) break;
      elapsed -= this.countAfter(first - 1, Math.min(last, nowDay));
    }
    return elapsed;
  }

  // --- day-number internals ---------------------------------------------------------------------

  private isWorkdayDay(day: number): boolean {
    const special = this.special.get(day);
    if (special) return special.kind === DayKind.SWAPPED_WORKDAY;
    return !isWeekendDay(day);
  }

  /** Working days before day x (cumulative, relative to day 0). */
  private workdaysBefore(x: number): number {
    return weekdaysBefore(x) + (this.adjustBefore[lowerBound(this.adjustDays, x)] ?? 0);
  }

  /** Working days in (from, to]; negative when to < from. */
  private countAfter(from: number, to: number): number {
    return this.workdaysBefore(to + 1) - this.workdaysBefore(from + 1);
  }

  private nthWorkdayAfter(day: number, n: number): number {
    if (n === 0) return day;
    // smallest x with workdaysBefore(x) >= target; x - 1 is then the n-th working day after `day`
    const target = this.workdaysBefore(day + 1) + n;
    let lo = day + 1; // workdaysBefore(lo) < target
    let step = Math.ceil((n * 7) / 5) + 14;
    let hi = day + 1 + step;
    while (this.workdaysBefore(hi) < target) {
      lo = hi;
      step *= 2;
      hi = day + 1 + step;
    }
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (this.workdaysBefore(mid) >= target) hi = mid;
      else lo = mid;
    }
    return hi - 1;
  }

  /**
   * The China days after `startDay` touched by the pauses, as sorted, merged, inclusive [first, last]
   * day ranges. An open pause (`to: null`) is taken to end at `openUntilMs`; a closed one keeps its `to`.
   */
  private pausedDayRanges(
    paused: readonly PauseInterval[],
    startDay: number,
    openUntilMs: number,
  ): [number, number][] {
    const ranges: [number, number][] = [];
    paused.forEach((pause, index) => {
      const fromMs = instantMs(pause.from, `paused[${index}].from`);
      const toMs = pause.to === null ? openUntilMs : instantMs(pause.to, `paused[${index}].to`);
      if (pause.to !== null && toMs < fromMs) {
        throw new RangeError(
          `paused[${index}] ends before it starts: ${pause.to.toISOString()} < ${pause.from.toISOString()}`,
        );
      }
      if (toMs <= fromMs) return; // empty (or an open pause that starts after asOf)
      const first = Math.max(chinaDayOfMs(fromMs), startDay + 1);
      const last = chinaDayOfMs(toMs - 1);
      if (first <= last) ranges.push([first, last]);
    });
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [first, last] of ranges) {
      const previous = merged[merged.length - 1];
      if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
      else merged.push([first, last]);
    }
    return merged;
  }
}
