import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CalendarDataError, CN_CALENDAR_FILE, WorkCalendar, WORKDAYS_CALENDAR_FILE_ENV } from './index';

const bundled = () => JSON.parse(readFileSync(CN_CALENDAR_FILE, 'utf8'));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workdays-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTemp(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The error message fromData throws for the bundled data after `change`. */
function errorAfter(change: (data: any) => void): string {
  const data = bundled();
  change(data);
  try {
    WorkCalendar.fromData(data, 'cal.json');
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarDataError);
    return (error as Error).message;
  }
  throw new Error('expected the data to be rejected');
}

describe('calendar data validation', () => {
  it('accepts the bundled file', () => {
    expect(() => WorkCalendar.fromData(bundled())).not.toThrow();
  });

  it('names the bad entry', () => {
    expect(errorAfter((d) => (d.years['2026'].holidays[1].to = '2026-02-32'))).toBe(
      'cal.json: years.2026.holidays[1] ("春节"): "to" "2026-02-32" is not a valid YYYY-MM-DD date',
    );
    expect(errorAfter((d) => (d.years['2026'].holidays[1].from = '2026-02-24'))).toContain(
      'years.2026.holidays[1] ("春节"): "to" 2026-02-23 is before "from" 2026-02-24',
    );
    expect(errorAfter((d) => (d.years['2026'].holidays[6].to = '2026-11-07'))).toContain(
      'years.2026.holidays[6] ("国庆节"): 2026-10-01..2026-11-07 spans 38 days',
    );
    expect(errorAfter((d) => (d.years['2026'].holidays[0].from = '2025-01-01'))).toContain(
      'years.2026.holidays[0] ("元旦"): "from" 2025-01-01 is outside 2026',
    );
  });

  it('rejects a swapped working day that is a weekday, unnamed, or already a holiday', () => {
    expect(errorAfter((d) => (d.years['2026'].swappedWorkdays[2].date = '2026-02-27'))).toContain(
      'years.2026.swappedWorkdays[2] (2026-02-27): 2026-02-27 is a Monday–Friday',
    );
    expect(errorAfter((d) => (d.years['2026'].swappedWorkdays[2].holiday = '春季'))).toContain(
      'years.2026.swappedWorkdays[2] (2026-02-28): "holiday" "春季" is not one of the 2026 holidays',
    );
    expect(errorAfter((d) => (d.years['2026'].swappedWorkdays[2].date = '2026-02-22'))).toContain(
      'years.2026.swappedWorkdays[2] (2026-02-22): 2026-02-22 is already listed at years.2026.holidays[1] ("春节")',
    );
  });

  it('rejects misspelt keys and missing fields', () => {
    expect(
      errorAfter((d) => {
        d.years['2026'].swappedWorkday = d.years['2026'].swappedWorkdays;
        delete d.years['2026'].swappedWorkdays;
      }),
    ).toContain('years.2026: unknown key "swappedWorkday"');
    expect(errorAfter((d) => delete d.years['2025'].source)).toContain(
      'years.2025.source: expected the notice',
    );
    expect(
      errorAfter((d) => (d.years['2024'].holidays[3] = { name: '劳动节', from: '2024-05-01' })),
    ).toContain('years.2024.holidays[3] ("劳动节"): "to" undefined is not a valid YYYY-MM-DD date');
    expect(errorAfter((d) => (d.years['26'] = d.years['2026']))).toContain(
      'years.26: a year key must be four digits',
    );
    expect(errorAfter((d) => (d.years = []))).toContain('years: expected an object keyed by year');
  });

  it('names the file when loading, and reports unreadable or non-JSON files', () => {
    const data = bundled();
    data.years['2025'].holidays[2].name = '';
    const file = writeTemp('bad.json', data);
    expect(() => WorkCalendar.load(file)).toThrow(
      `bad.json (${file}): years.2025.holidays[2]: "name" must be a non-empty string`,
    );
    expect(() => WorkCalendar.load(writeTemp('broken.json', '{"years": {'))).toThrow(
      /broken\.json: not valid JSON/,
    );
    expect(() => WorkCalendar.load(join(dir, 'missing.json'))).toThrow(
      /cannot read calendar file .*missing\.json/,
    );
  });
});

describe('a newer calendar file, dropped in', () => {
  // made-up test data for a year the bundled file does not have, NOT the real 2027 notice
  const newer = () => {
    const data = bundled();
    data.years['2027'] = {
      source: 'test fixture',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
      swappedWorkdays: [{ date: '2027-01-09', holiday: '元旦' }],
    };
    return data;
  };

  it('is used through load(file) with no code change', () => {
    const calendar = WorkCalendar.load(writeTemp('newer.json', newer()));
    expect(calendar.covers('2027-01-01')).toBe(true);
    expect(calendar.isWorkday('2027-01-01')).toBe(false);
    expect(calendar.isWorkday('2027-01-09')).toBe(true);
    expect(calendar.addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('is used through WORKDAYS_CALENDAR_FILE, and the bundled file when that is unset', () => {
    const file = writeTemp('env.json', newer());
    expect(WorkCalendar.fromEnv({ [WORKDAYS_CALENDAR_FILE_ENV]: file }).covers('2027-06-01')).toBe(true);
    expect(WorkCalendar.fromEnv({}).covers('2027-06-01')).toBe(false);
    expect(WorkCalendar.fromEnv({ [WORKDAYS_CALENDAR_FILE_ENV]: '' }).years).toEqual([2024, 2025, 2026]);
  });

  it('may start a 元旦 break in December of the year before', () => {
    const data = newer();
    data.years['2027'].holidays[0].from = '2026-12-31';
    const calendar = WorkCalendar.fromData(data);
    expect(calendar.kindOf('2026-12-31').holiday).toBe('元旦');
  });
});
