/**
 * Review periods, named the way evaluators speak of them: a year `2026`, a half `2026-H1`, a
 * quarter `2026-Q3` or a month `2026-10`. Dates are China calendar dates; `end` is exclusive.
 */
export interface Period {
  label: string;
  /** YYYY-MM-DD, first day */
  start: string;
  /** YYYY-MM-DD, the day after the last */
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const first = (y: number, m: number) => (m > 12 ? `${y + 1}-01-01` : `${y}-${pad(m)}-01`);

/** The period a label names, or null when the label is not one of the four forms. */
export function parsePeriod(label: string): Period | null {
  const t = label.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(t);
  if (m) return span(t, Number(m[1]), 1, 12);
  m = /^(\d{4})-H([12])$/.exec(t);
  if (m) return span(t, Number(m[1]), m[2] === '1' ? 1 : 7, 6);
  m = /^(\d{4})-Q([1-4])$/.exec(t);
  if (m) return span(t, Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3);
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return span(t, Number(m[1]), Number(m[2]), 1);
  return null;
}

function span(label: string, year: number, month: number, months: number): Period | null {
  if (year < 2000 || year > 2100) return null;
  return { label, start: first(year, month), end: first(year, month + months) };
}

/** The instant a China calendar date begins. */
export const chinaMidnight = (date: string): Date => new Date(`${date}T00:00:00+08:00`);
