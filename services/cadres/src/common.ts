import {
  AdministrativeLevel,
  readDivisions,
  RegionLevel,
  regionPrefix,
  type DivisionRecord,
} from '@sfw/shared-types';
import { badInput, isIsoDate, type FieldProblem } from '@sfw/subgraph-kit';

/** The working calendar of the platform is China's: "today" is today in Asia/Shanghai. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** A calendar date YYYY-MM-DD, years 1000–2999 (the kit's rule, shared by every subgraph). */
export { isIsoDate };

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 138****5678: enough to recognise a number, not to call it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export const MOBILE = /^1[3-9]\d{9}$/;

/** Collects every problem of an input, then throws them together (nothing is written). */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, code: string, message: string, messageEn: string): this {
    this.list.push({ field, code, message, messageEn });
    return this;
  }

  required(field: string, label: string, value: unknown): boolean {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      this.add(field, 'REQUIRED', `${label}不能为空`, `${field} is required`);
      return false;
    }
    return true;
  }

  text(field: string, label: string, value: string | null | undefined, min: number, max: number): void {
    if (!this.required(field, label, value)) return;
    const len = [...(value as string).trim()].length;
    if (len < min || len > max)
      this.add(
        field,
        'INVALID_LENGTH',
        `${label}长度应为${min}–${max}个字符（当前${len}个）`,
        `${field} must be ${min}–${max} characters (got ${len})`,
      );
  }

  date(field: string, label: string, value: string | null | undefined): boolean {
    if (value === null || value === undefined) return false;
    if (!isIsoDate(value)) {
      this.add(
        field,
        'INVALID_DATE',
        `${label}格式应为 YYYY-MM-DD（收到“${value}”）`,
        `${field} must be a date YYYY-MM-DD (got "${value}")`,
      );
      return false;
    }
    return true;
  }

  throwIfAny(): void {
    if (this.list.length) throw badInput(this.list);
  }
}

/**
 * The division tree (shared reference data): validates region codes and tells which level a
 * region code belongs to.
 */
export class Divisions {
  private readonly byCode: Map<string, DivisionRecord>;

  constructor(records: DivisionRecord[] = readDivisions()) {
    this.byCode = new Map(records.map((r) => [r.code, r]));
  }

  get(code: string): DivisionRecord | undefined {
    return this.byCode.get(code);
  }

  name(code: string): string {
    return this.byCode.get(code)?.name ?? code;
  }

  /** The administrative level a region code sits at (a province is not one of them). */
  levelOf(code: string): AdministrativeLevel | null {
    switch (this.byCode.get(code)?.level) {
      case RegionLevel.CITY:
        return AdministrativeLevel.CITY;
      case RegionLevel.COUNTY:
        return AdministrativeLevel.COUNTY;
      case RegionLevel.TOWNSHIP:
        return AdministrativeLevel.TOWNSHIP;
      default:
        return null;
    }
  }

  children(code: string): DivisionRecord[] {
    return [...this.byCode.values()].filter((r) => r.parentCode === code);
  }

  /** Checks a region code exists; with `level`, that it sits at that level. */
  check(
    problems: Problems,
    field: string,
    code: string | null | undefined,
    level?: AdministrativeLevel,
  ): void {
    if (!problems.required(field, '行政区划', code)) return;
    const record = this.byCode.get(code as string);
    if (!record) {
      problems.add(field, 'UNKNOWN_REGION', `行政区划代码不存在：${code}`, `unknown division code: ${code}`);
      return;
    }
    if (level && this.levelOf(record.code) !== level)
      problems.add(
        field,
        'REGION_LEVEL_MISMATCH',
        `${record.name}（${record.code}）不是${LEVEL_LABELS[level]}行政区划`,
        `${record.code} is not a ${level} division`,
      );
  }

  /** A region filter: refused (UNKNOWN_REGION) unless it names a division; empty means none. */
  filter(field: string, code: string | null | undefined): void {
    if (!code) return;
    const problems = new Problems();
    this.check(problems, field, code);
    problems.throwIfAny();
  }

  /** The significant prefix of a division code (one that {@link check} accepted). */
  prefix(code: string): string {
    return regionPrefix(code);
  }
}

export const LEVEL_LABELS: Record<AdministrativeLevel, string> = {
  [AdministrativeLevel.CITY]: '市级',
  [AdministrativeLevel.COUNTY]: '县（市、区）级',
  [AdministrativeLevel.TOWNSHIP]: '乡镇（街道）级',
};

// Ids, cursors and UPDATE … RETURNING rows are the kit's, like every subgraph's.
export { decodeCursor, encodeCursor, isUuid, returned } from '@sfw/subgraph-kit';

/** Unique values in input order. */
export const uniq = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** A value the database just returned (an INSERT's RETURNING row, a map entry made above). */
export function must<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}
