import { formatDay, isWeekendDay, tryParseDay, yearOf, type IsoDate } from './dates';

/**
 * The shape of a calendar file (`data/cn-calendar.json`): one block per year, copied from that year's
 * State Council General Office notice (国务院办公厅关于某年部分节假日安排的通知).
 */
export interface CalendarData {
  description?: string;
  years: Record<string, CalendarYear>;
}

export interface CalendarYear {
  /** The notice the block was copied from, e.g. "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）". */
  source: string;
  url?: string;
  /** Days off (放假), as inclusive ranges; weekend days inside a range are part of the holiday. */
  holidays: HolidayRange[];
  /** Saturdays and Sundays that are working days (调休上班). */
  swappedWorkdays: SwappedWorkday[];
}

export interface HolidayRange {
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 */
  name: string;
  from: IsoDate;
  /** Inclusive; equal to `from` for a one-day holiday. */
  to: IsoDate;
}

export interface SwappedWorkday {
  date: IsoDate;
  /** The holiday of the same block this working day makes up for. */
  holiday: string;
}

/** A calendar file that does not have the expected shape; the message names the bad entry. */
export class CalendarDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarDataError';
  }
}

/** A notice never gives a holiday longer than this; a longer range is a typo (e.g. a wrong year). */
const MAX_HOLIDAY_DAYS = 15;

const TOP_KEYS = ['description', 'years'];
const YEAR_KEYS = ['source', 'url', 'holidays', 'swappedWorkdays'];
const HOLIDAY_KEYS = ['name', 'from', 'to'];
const SWAPPED_KEYS = ['date', 'holiday'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * Checks an already-parsed calendar file and returns it typed. Throws a {@link CalendarDataError}
 * naming the first bad entry, e.g. `cn-calendar.json: years.2026.holidays[1] ("春节"): "to" "2026-02-32"
 * is not a valid YYYY-MM-DD date`.
 *
 * Besides the shape, it rejects: a date outside the block's year (December of the year before is
 * allowed, for a 元旦 break that starts on 31 December), `to` before `from`, a range longer than
 * 15 days, a swapped working day that is not a Saturday or Sunday or that names no holiday of its
 * block, and a date listed twice anywhere in the file.
 */
export function validateCalendarData(raw: unknown, origin = 'calendar data'): CalendarData {
  const fail = (where: string, problem: string): never => {
    throw new CalendarDataError(`${origin}: ${where}: ${problem}`);
  };
  const unknownKeys = (value: Record<string, unknown>, allowed: string[], where: string): void => {
    const extra = Object.keys(value).filter((key) => !allowed.includes(key));
    if (extra.length > 0) {
      fail(
        where,
        `unknown key ${extra.map((k) => JSON.stringify(k)).join(', ')} (expected ${allowed.join(', ')})`,
      );
    }
  };

  if (!isRecord(raw)) return fail('top level', `expected an object, got ${describe(raw)}`);
  unknownKeys(raw, TOP_KEYS, 'top level');
  if (raw.description !== undefined && typeof raw.description !== 'string') {
    fail('description', 'expected a string');
  }
  const years = raw.years;
  if (!isRecord(years)) return fail('years', `expected an object keyed by year, got ${describe(years)}`);
  if (Object.keys(years).length === 0) fail('years', 'no year blocks');

  // every date listed anywhere, to reject duplicates with both places named
  const seen = new Map<number, string>();
  const claim = (day: number, where: string): void => {
    const earlier = seen.get(day);
    if (earlier !== undefined) fail(where, `${formatDay(day)} is already listed at ${earlier}`);
    seen.set(day, where);
  };

  for (const [yearKey, block] of Object.entries(years)) {
    const at = `years.${yearKey}`;
    if (!/^\d{4}$/.test(yearKey)) fail(at, 'a year key must be four digits, e.g. "2026"');
    const year = Number(yearKey);
    if (!isRecord(block)) return fail(at, `expected an object, got ${describe(block)}`);
    unknownKeys(block, YEAR_KEYS, at);
    if (typeof block.source !== 'string' || block.source.trim() === '') {
      fail(`${at}.source`, 'expected the notice this block was copied from (a non-empty string)');
    }
    if (block.url !== undefined && typeof block.url !== 'string') fail(`${at}.url`, 'expected a string');
    if (!Array.isArray(block.holidays)) return fail(`${at}.holidays`, 'expected an array');
    if (!Array.isArray(block.swappedWorkdays)) return fail(`${at}.swappedWorkdays`, 'expected an array');

    const inYear = (day: number): boolean => {
      const y = yearOf(day);
      return y === year || (y === year - 1 && new Date(day * 86_400_000).getUTCMonth() === 11);
    };
    const dateField = (entry: Record<string, unknown>, field: string, where: string): number => {
      const day = tryParseDay(entry[field]);
      if (day === null) {
        return fail(where, `"${field}" ${describe(entry[field])} is not a valid YYYY-MM-DD date`);
      }
      if (!inYear(day)) {
        fail(
          where,
          `"${field}" ${formatDay(day)} is outside ${year} (only December ${year - 1} may spill over)`,
        );
      }
      return day;
    };

    const names = new Set<string>();
    block.holidays.forEach((entry: unknown, index: number) => {
      let where = `${at}.holidays[${index}]`;
      if (!isRecord(entry)) return fail(where, `expected { name, from, to }, got ${describe(entry)}`);
      if (typeof entry.name !== 'string' || entry.name.trim() === '') {
        return fail(where, `"name" must be a non-empty string, got ${describe(entry.name)}`);
      }
      where += ` (${JSON.stringify(entry.name)})`;
      unknownKeys(entry, HOLIDAY_KEYS, where);
      const from = dateField(entry, 'from', where);
      const to = dateField(entry, 'to', where);
      if (to < from) fail(where, `"to" ${formatDay(to)} is before "from" ${formatDay(from)}`);
      if (to - from + 1 > MAX_HOLIDAY_DAYS) {
        fail(
          where,
          `${formatDay(from)}..${formatDay(to)} spans ${to - from + 1} days (at most ${MAX_HOLIDAY_DAYS})`,
        );
      }
      for (let day = from; day <= to; day++) claim(day, where);
      names.add(entry.name);
    });

    block.swappedWorkdays.forEach((entry: unknown, index: number) => {
      let where = `${at}.swappedWorkdays[${index}]`;
      if (!isRecord(entry)) return fail(where, `expected { date, holiday }, got ${describe(entry)}`);
      if (typeof entry.date === 'string') where += ` (${entry.date})`;
      unknownKeys(entry, SWAPPED_KEYS, where);
      const day = dateField(entry, 'date', where);
      if (!isWeekendDay(day)) {
        fail(
          where,
          `${formatDay(day)} is a Monday–Friday; only a Saturday or Sunday can be a swapped working day`,
        );
      }
      if (typeof entry.holiday !== 'string' || !names.has(entry.holiday)) {
        fail(
          where,
          `"holiday" ${describe(entry.holiday)} is not one of the ${yearKey} holidays (${[...names].join(', ')})`,
        );
      }
      claim(day, where);
    });
  }
  return raw as unknown as CalendarData;
}
