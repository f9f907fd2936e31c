/**
 * Calendar dates ('YYYY-MM-DD') and instants in China time.
 *
 * China Standard Time is UTC+8 all year round (no daylight saving since 1991), so a fixed offset is
 * exact for every date this package deals with and avoids an `Intl` round-trip per call.
 */

/** A calendar date in China time (Asia/Shanghai), spelled 'YYYY-MM-DD'. */
export type IsoDate = string;

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Day number of 9999-12-31: the last date a 'YYYY-MM-DD' string can spell. */
const LAST_DAY = 2_932_896;
/** Day number of 0000-01-01. */
const FIRST_DAY = -719_528;

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD' date, or null when the string is not one. */
export function tryParseDay(date: unknown): number | null {
  if (typeof date !== 'string') return null;
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return at.getTime() / MS_PER_DAY;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; RangeError when it is not a real date so spelled. */
export function parseDay(date: IsoDate): number {
  const day = tryParseDay(date);
  if (day === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return day;
}

/** The 'YYYY-MM-DD' date of a day number (days since 1970-01-01). */
export function formatDay(day: number): IsoDate {
  if (!Number.isInteger(day) || day < FIRST_DAY || day > LAST_DAY) {
    throw new RangeError(`day ${day} is outside 0000-01-01..9999-12-31`);
  }
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekendDay(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** The calendar year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

function checkInstant(instant: Date, what: string): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not a valid Date: ${String(instant)}`);
  return ms;
}

/** Day number of the China date an instant falls on. */
export function chinaDayOfMs(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / MS_PER_DAY);
}

/** Day number of the China date an instant falls on (RangeError for an invalid Date). */
export function chinaDayOf(instant: Date, what = 'instant'): number {
  return chinaDayOfMs(checkInstant(instant, what));
}

/** The date in China (Asia/Shanghai) on which `instant` falls. */
export function chinaDateOf(instant: Date): IsoDate {
  return formatDay(chinaDayOf(instant));
}

/** Today's date in China; `now` defaults to the current time. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return chinaDateOf(now);
}

/** The first instant (00:00:00.000 China time) of a date. */
export function startOfChinaDay(date: IsoDate): Date {
  return new Date(parseDay(date) * MS_PER_DAY - CHINA_OFFSET_MS);
}

/** The last instant (23:59:59.999 China time) of a date. */
export function endOfChinaDay(date: IsoDate): Date {
  return new Date(endOfChinaDayMs(parseDay(date)));
}

/** The last millisecond (23:59:59.999 China time) of a day number. */
export function endOfChinaDayMs(day: number): number {
  return (day + 1) * MS_PER_DAY - CHINA_OFFSET_MS - 1;
}

/** Validates an instant, returning its epoch milliseconds. */
export function instantMs(instant: Date, what: string): number {
  return checkInstant(instant, what);
}
