import type { DataSource } from 'typeorm';
import { AdministrativeLevel, STANDARD_TAGS } from '@sfw/shared-types';
import { badInput, forbidden } from '@sfw/subgraph-kit';
import type { ReadScope } from '../access';
import {
  addDays,
  decodeCursor,
  Divisions,
  encodeCursor,
  isIsoDate,
  isUuid,
  Problems,
  todayInChina,
} from '../common';
import { CADRE_COLUMNS, toCadre, type CadreRow } from '../rows';
import { cadreScopeSql, param } from '../scope-sql';
import type { Cadre } from '../types';
import {
  CoverageGroupBy,
  NO_STANDARD_TAG,
  TOTAL_KEY,
  type CadreVisitStats,
  type EnterpriseVisitGap,
  type PairingCoverage,
  type PairingCoverageRow,
} from './coverage.types';

/** The city the platform serves: the default region of the coverage report. */
export const DEFAULT_REGION = '331000';
export const MAX_FIRST = 200;
export const MAX_DAYS = 3650;

/** YYYY-MM, years 1000–2999 (the kit's rule: the month after is one a date string can spell). */
const MONTH = /^([12]\d{3})-(0[1-9]|1[0-2])$/;
const TAG_MAX_LENGTH = 20;

export interface PairingCoverageQuery {
  regionCode?: string | null;
  tag?: string | null;
  level?: AdministrativeLevel | null;
  groupBy?: CoverageGroupBy | null;
}

export interface CadreMonthQuery {
  /** YYYY-MM */
  month: string;
  departmentId?: string | null;
  regionCode?: string | null;
  level?: AdministrativeLevel | null;
  first: number;
}

export interface CadresWithoutVisitQuery extends CadreMonthQuery {
  after?: string | null;
}

export interface EnterprisesWithoutVisitQuery {
  days: number;
  regionCode?: string | null;
  tag?: string | null;
  first: number;
  after?: string | null;
}

export interface Page<T> {
  rows: { node: T; cursor: string }[];
  hasNextPage: boolean;
  /** Null unless asked for. */
  totalCount: number | null;
}

/** A month as the date range the SQL compares `visited_on` with. */
export interface MonthRange {
  month: string;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD. */
  to: string;
  /** First day of the next month (exclusive upper bound). */
  next: string;
}

export function monthRange(month: string): MonthRange {
  const m = MONTH.exec(month)!;
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const from = `${month}-01`;
  const next = mon === 12 ? `${year + 1}-01-01` : `${m[1]}-${String(mon + 1).padStart(2, '0')}-01`;
  return { month, from, to: addDays(next, -1), next };
}

const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The division code a region prefix stands for (the inverse of regionPrefix). */
function regionOfPrefix(prefix: string): string {
  if (prefix.length === 2) return `${prefix}0000`;
  if (prefix.length === 4) return `${prefix}00`;
  return prefix;
}

interface CoverageCountRow {
  total: number;
  key: string | number | null;
  enterprises: number;
  paired: number;
  primary_paired: number;
}

interface StatsRow extends Partial<CadreRow> {
  active_cadres: number;
  visit_total: number;
  enterprises_visited: number;
  cadres_with_visit: number;
  visit_count: number | null;
  enterprise_count: number | null;
}

/**
 * 覆盖与走访: dashboards of the 三服务 work for staff — how many enterprises have a cadre
 * (结对覆盖率), how often cadres visit (走访统计), which enterprises nobody has visited lately and
 * which cadres made no visit in a month. Each answer is one SQL statement (plus a count when a
 * connection's totalCount is asked for) over the indexes of the initial migration.
 *
 * Who may read what (the viewer's ReadScope, widest role wins):
 * - enterprise-based reports (pairing coverage, enterprises without visit): administrators and
 *   evaluators everywhere, leaders with a region inside it; everyone else is FORBIDDEN;
 * - cadre-based reports (visit stats, cadres without visit): the cadres the viewer may read
 *   (cadreScopeSql: a leader's region, a department's cadres, a cadre's department);
 * - a leader asking for a region outside their own is FORBIDDEN.
 */
export class CoverageService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly divisions: Divisions,
    /** Today in China, YYYY-MM-DD (a parameter for tests). */
    private readonly today: () => string = () => todayInChina(),
  ) {}

  /** 结对覆盖率: enterprises of a region, by child division or by standard tag, and how many have a cadre. */
  async pairingCoverage(query: PairingCoverageQuery, scope: ReadScope): Promise<PairingCoverage> {
    this.assertEnterpriseReader(scope);
    const groupBy = query.groupBy ?? CoverageGroupBy.REGION;
    const problems = new Problems();
    if (query.regionCode != null) this.divisions.check(problems, 'regionCode', query.regionCode);
    const tag = this.checkTag(problems, query.tag);
    problems.throwIfAny();
    const regionCode = this.regionFor(scope, query.regionCode) ?? DEFAULT_REGION;

    const params: unknown[] = [];
    const where = [`e.region_code LIKE ${param(params, `${this.divisions.prefix(regionCode)}%`)}`];
    if (tag !== null) where.push(this.tagSql(tag, params));
    const pairingWhere = ['p.to_date IS NULL'];
    if (query.level) pairingWhere.push(`p.level = ${param(params, query.level)}`);
    // TAG: one bit per standard tag, so one pass over the enterprises gives every tag's row.
    const key =
      groupBy === CoverageGroupBy.TAG
        ? `(${STANDARD_TAGS.map((t, i) => `CASE WHEN e.tags @> ARRAY[${param(params, t)}]::text[] THEN ${1 << i} ELSE 0 END`).join(' | ')})`
        : 'e.region_code';
    const rows = (await this.ds.query(
      `SELECT GROUPING(${key})::int AS total, ${key} AS key, count(*)::int AS enterprises,
         count(p.enterprise_id)::int AS paired, count(*) FILTER (WHERE p.has_primary)::int AS primary_paired
       FROM "${this.s}".enterprise e
       LEFT JOIN (SELECT p.enterprise_id, bool_or(p.is_primary) AS has_primary FROM "${this.s}".pairing p
                  WHERE ${pairingWhere.join(' AND ')} GROUP BY p.enterprise_id) p ON p.enterprise_id = e.id
       WHERE ${where.join(' AND ')}
       GROUP BY ROLLUP (${key})`,
      params,
    )) as CoverageCountRow[];

    const totalRow = rows.find((r) => r.total === 1);
    const groups = rows.filter((r) => r.total !== 1);
    const totals = coverageRow(
      TOTAL_KEY,
      '合计',
      totalRow ?? { enterprises: 0, paired: 0, primary_paired: 0 },
    );
    const out = groupBy === CoverageGroupBy.TAG ? this.tagRows(groups) : this.regionRows(regionCode, groups);
    return {
      regionCode,
      regionName: this.divisions.name(regionCode),
      groupBy,
      tag,
      level: query.level ?? null,
      rows: out,
      totals,
    };
  }

  /** 走访统计: completed visits per cadre in a month, with the most active cadres. */
  async cadreVisitStats(query: CadreMonthQuery, scope: ReadScope): Promise<CadreVisitStats> {
    const range = this.checkCadreQuery(query, scope);
    const params: unknown[] = [];
    const cadres = this.cadreWhere(query, range, scope, params);
    const from = param(params, range.from);
    const next = param(params, range.next);
    const first = param(params, query.first);
    const rows = (await this.ds.query(
      `WITH mv AS MATERIALIZED (
         SELECT v.cadre_id, c.name, v.enterprise_id FROM "${this.s}".visit v
         JOIN "${this.s}".cadre c ON c.id = v.cadre_id
         WHERE v.status = 'COMPLETED' AND v.visited_on >= ${from}::date AND v.visited_on < ${next}::date AND ${cadres}
       ),
       per AS MATERIALIZED (
         SELECT mv.cadre_id, mv.name, count(*)::int AS visits, count(DISTINCT mv.enterprise_id)::int AS enterprises
         FROM mv GROUP BY mv.cadre_id, mv.name
       )
       SELECT t.*, top.visit_count, top.enterprise_count, ${CADRE_COLUMNS}
       FROM (SELECT (SELECT count(*) FROM "${this.s}".cadre c WHERE ${cadres})::int AS active_cadres,
                    (SELECT count(*) FROM mv)::int AS visit_total,
                    (SELECT count(DISTINCT mv.enterprise_id) FROM mv)::int AS enterprises_visited,
                    (SELECT count(*) FROM per)::int AS cadres_with_visit) t
       LEFT JOIN LATERAL (
         SELECT per.cadre_id, per.visits AS visit_count, per.enterprises AS enterprise_count
         FROM per ORDER BY per.visits DESC, per.name, per.cadre_id LIMIT ${first}
       ) top ON TRUE
       LEFT JOIN "${this.s}".cadre c ON c.id = top.cadre_id
       ORDER BY top.visit_count DESC, c.name, c.id`,
      params,
    )) as StatsRow[];
    const head = rows[0]!;
    const active = head.active_cadres;
    return {
      month: range.month,
      from: range.from,
      to: range.to,
      activeCadres: active,
      visits: head.visit_total,
      meanPerCadre: active ? round(head.visit_total / active, 2) : 0,
      cadresWithoutVisit: active - head.cadres_with_visit,
      enterprisesVisited: head.enterprises_visited,
      top: rows
        .filter((r) => r.id != null)
        .map((r) => ({
          cadre: toCadre(r as CadreRow),
          visits: r.visit_count ?? 0,
          enterprises: r.enterprise_count ?? 0,
        })),
    };
  }

  /** Cadres in post with no completed visit in the month, by name. */
  async cadresWithoutVisit(
    query: CadresWithoutVisitQuery,
    scope: ReadScope,
    withCount: boolean,
  ): Promise<Page<Cadre>> {
    const range = this.checkCadreQuery(query, scope);
    const params: unknown[] = [];
    const where = [
      this.cadreWhere(query, range, scope, params),
      `NOT EXISTS (SELECT 1 FROM "${this.s}".visit v WHERE v.cadre_id = c.id AND v.status = 'COMPLETED'
         AND v.visited_on >= ${param(params, range.from)}::date AND v.visited_on < ${param(params, range.next)}::date)`,
    ];
    const countParams = [...params];
    const countWhere = [...where];
    if (query.after) {
      const cur = decodeCursor(query.after, CADRE_CURSOR);
      where.push(`(c.name, c.id) > (${param(params, cur.k)}, ${param(params, cur.id)}::uuid)`);
    }
    const [rows, count] = await Promise.all([
      this.ds.query(
        `SELECT ${CADRE_COLUMNS} FROM "${this.s}".cadre c WHERE ${where.join(' AND ')}
         ORDER BY c.name, c.id LIMIT ${query.first + 1}`,
        params,
      ) as Promise<CadreRow[]>,
      withCount
        ? (this.ds.query(
            `SELECT count(*)::int AS n FROM "${this.s}".cadre c WHERE ${countWhere.join(' AND ')}`,
            countParams,
          ) as Promise<{ n: number }[]>)
        : Promise.resolve(null),
    ]);
    return {
      rows: rows.slice(0, query.first).map((r) => {
        const node = toCadre(r);
        return { node, cursor: encodeCursor(CADRE_CURSOR, node.name, node.id) };
      }),
      hasNextPage: rows.length > query.first,
      totalCount: count ? (count[0]?.n ?? 0) : null,
    };
  }

  /** 走访空白: enterprises never visited or not for `days` days, never-visited first, then the oldest visit. */
  async enterprisesWithoutVisit(
    query: EnterprisesWithoutVisitQuery,
    scope: ReadScope,
    withCount: boolean,
  ): Promise<Page<EnterpriseVisitGap>> {
    this.assertEnterpriseReader(scope);
    const problems = new Problems();
    if (!Number.isInteger(query.days) || query.days < 1 || query.days > MAX_DAYS)
      problems.add(
        'days',
        'INVALID_DAYS',
        `天数应为1–${MAX_DAYS}（收到${query.days}）`,
        `days must be 1 to ${MAX_DAYS} (got ${query.days})`,
      );
    this.checkFirst(problems, query.first);
    if (query.regionCode != null) this.divisions.check(problems, 'regionCode', query.regionCode);
    const tag = this.checkTag(problems, query.tag);
    problems.throwIfAny();
    const regionCode = this.regionFor(scope, query.regionCode);
    const today = this.today();
    const cutoff = addDays(today, -query.days);

    const params: unknown[] = [];
    const where: string[] = [];
    if (regionCode)
      where.push(`e.region_code LIKE ${param(params, `${this.divisions.prefix(regionCode)}%`)}`);
    if (tag !== null) where.push(this.tagSql(tag, params));
    const filterParams = [...params];
    const filters = [...where];
    // Keyset over (last_visit_on NULLS FIRST, id), the order of enterprise_last_visit_idx.
    const since = param(params, cutoff);
    if (query.after) {
      const cur = decodeCursor(query.after, GAP_CURSOR);
      if (cur.k === '')
        where.push(
          `((e.last_visit_on IS NULL AND e.id > ${param(params, cur.id)}::uuid) OR e.last_visit_on < ${since}::date)`,
        );
      else if (isIsoDate(cur.k))
        where.push(
          `e.last_visit_on < ${since}::date AND (e.last_visit_on, e.id) > (${param(params, cur.k)}::date, ${param(params, cur.id)}::uuid)`,
        );
      else throw invalidCursor();
    } else where.push(`(e.last_visit_on IS NULL OR e.last_visit_on < ${since}::date)`);
    const countWhere = [
      ...filters,
      `(e.last_visit_on IS NULL OR e.last_visit_on < ${param(filterParams, cutoff)}::date)`,
    ];

    const [rows, count] = await Promise.all([
      this.ds.query(
        `SELECT e.id, e.last_visit_on::text AS last_visit_on FROM "${this.s}".enterprise e
         WHERE ${where.join(' AND ')}
         ORDER BY e.last_visit_on NULLS FIRST, e.id LIMIT ${query.first + 1}`,
        params,
      ) as Promise<{ id: string; last_visit_on: string | null }[]>,
      withCount
        ? (this.ds.query(
            `SELECT count(*)::int AS n FROM "${this.s}".enterprise e WHERE ${countWhere.join(' AND ')}`,
            filterParams,
          ) as Promise<{ n: number }[]>)
        : Promise.resolve(null),
    ]);
    return {
      rows: rows.slice(0, query.first).map((r) => ({
        node: {
          enterprise: { id: r.id },
          lastVisitOn: r.last_visit_on,
          daysSinceVisit: r.last_visit_on === null ? null : daysBetween(r.last_visit_on, today),
        },
        cursor: encodeCursor(GAP_CURSOR, r.last_visit_on ?? '', r.id),
      })),
      hasNextPage: rows.length > query.first,
      totalCount: count ? (count[0]?.n ?? 0) : null,
    };
  }

  // --- access -------------------------------------------------------------------------------

  /** Enterprise-wide figures are for administrators, evaluators and leaders with a region. */
  private assertEnterpriseReader(scope: ReadScope): void {
    if (scope.all || scope.regionPrefix) return;
    throw forbidden(
      '企业覆盖与走访空白统计仅向管理员、评价员和有管辖区域的领导开放',
      'enterprise coverage figures are for administrators, evaluators and leaders with a region',
    );
  }

  /**
   * The region to report on: the one asked for, or a leader's own region by default. A leader
   * asking for a region outside theirs is refused rather than silently narrowed.
   */
  private regionFor(scope: ReadScope, requested: string | null | undefined): string | null {
    const own = scope.all ? undefined : scope.regionPrefix;
    if (!own) return requested ?? null;
    if (!requested) return regionOfPrefix(own);
    if (requested.startsWith(own)) return requested;
    const ownCode = regionOfPrefix(own);
    throw forbidden(
      `只能查看本人管辖区域（${this.divisions.name(ownCode)}）内的数据，${this.divisions.name(requested)}（${requested}）不在其中`,
      `region ${requested} is outside your region ${ownCode}`,
    );
  }

  // --- validation ---------------------------------------------------------------------------

  private checkCadreQuery(query: CadreMonthQuery, scope: ReadScope): MonthRange {
    if (!scope.all && scope.enterpriseId && !scope.regionPrefix && !scope.departmentId && !scope.cadreId)
      throw forbidden('企业用户无权查看服务员走访统计', 'enterprise users may not read cadre visit figures');
    const problems = new Problems();
    const monthOk = MONTH.test(query.month ?? '');
    if (!monthOk)
      problems.add(
        'month',
        'INVALID_MONTH',
        `月份格式应为 YYYY-MM，如 2025-03（收到“${query.month}”）`,
        `month must be YYYY-MM, e.g. 2025-03 (got "${query.month}")`,
      );
    this.checkFirst(problems, query.first);
    if (query.regionCode != null) this.divisions.check(problems, 'regionCode', query.regionCode);
    problems.throwIfAny();
    this.regionFor(scope, query.regionCode); // a leader: refuses a region outside theirs
    return monthRange(query.month);
  }

  private checkFirst(problems: Problems, first: number): void {
    if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST)
      problems.add(
        'first',
        'INVALID_PAGE_SIZE',
        `条数应为1–${MAX_FIRST}（收到${first}）`,
        `first must be 1 to ${MAX_FIRST} (got ${first})`,
      );
  }

  /** A tag filter: trimmed, at most 20 characters (as the enterprises subgraph allows). */
  private checkTag(problems: Problems, tag: string | null | undefined): string | null {
    if (tag == null) return null;
    const t = tag.trim();
    if (t.length === 0 || [...t].length > TAG_MAX_LENGTH) {
      problems.add(
        'tag',
        'INVALID_TAG',
        `标签应为1–${TAG_MAX_LENGTH}个字符（收到“${tag}”）`,
        `tag must be 1 to ${TAG_MAX_LENGTH} characters (got "${tag}")`,
      );
      return null;
    }
    return t;
  }

  // --- SQL pieces ---------------------------------------------------------------------------

  private tagSql(tag: string, params: unknown[]): string {
    return tag === NO_STANDARD_TAG
      ? `NOT (e.tags && ${param(params, [...STANDARD_TAGS])}::text[])`
      : `e.tags @> ARRAY[${param(params, tag)}]::text[]`;
  }

  /**
   * Cadres (alias `c`) in post at the end of the month — for the current month, the active ones —
   * matching the filters and the viewer's scope.
   */
  private cadreWhere(query: CadreMonthQuery, range: MonthRange, scope: ReadScope, params: unknown[]): string {
    const where = [
      cadreScopeSql(this.s, scope, params),
      `(c.active OR c.left_on > ${param(params, range.to)}::date)`,
    ];
    if (query.departmentId != null)
      where.push(
        isUuid(query.departmentId) ? `c.department_id = ${param(params, query.departmentId)}::uuid` : 'FALSE',
      );
    if (query.regionCode)
      where.push(`c.region_code LIKE ${param(params, `${this.divisions.prefix(query.regionCode)}%`)}`);
    if (query.level) where.push(`c.level = ${param(params, query.level)}`);
    return where.join(' AND ');
  }

  // --- rows ---------------------------------------------------------------------------------

  /**
   * One row per child division (all of them, even empty), in code order; enterprises at the
   * region's own code — or at a code under it that matches no child — go to a row for the
   * region itself, listed first and only when not empty (or when the region has no children).
   */
  private regionRows(regionCode: string, groups: CoverageCountRow[]): PairingCoverageRow[] {
    const children = this.divisions
      .children(regionCode)
      .map((d) => d.code)
      .sort();
    const prefixes = children.map((code) => [code, this.divisions.prefix(code)] as const);
    const sums = new Map<string, Counts>([
      [regionCode, zero()],
      ...children.map((c) => [c, zero()] as const),
    ]);
    for (const g of groups) {
      const code = String(g.key);
      const child = prefixes.find(([, p]) => code.startsWith(p))?.[0] ?? regionCode;
      add(sums.get(child)!, g);
    }
    const own = sums.get(regionCode)!;
    const out: PairingCoverageRow[] = [];
    if (own.enterprises > 0 || children.length === 0)
      out.push(coverageRow(regionCode, this.divisions.name(regionCode), own));
    for (const code of children) out.push(coverageRow(code, this.divisions.name(code), sums.get(code)!));
    return out;
  }

  /** One row per standard tag (an enterprise counts under each of its tags), then “（无标签）”. */
  private tagRows(groups: CoverageCountRow[]): PairingCoverageRow[] {
    const rows = STANDARD_TAGS.map((tag, i) => {
      const sum = zero();
      for (const g of groups) if (Number(g.key) & (1 << i)) add(sum, g);
      return coverageRow(tag, tag, sum);
    });
    const none = zero();
    for (const g of groups) if (Number(g.key) === 0) add(none, g);
    rows.push(coverageRow(NO_STANDARD_TAG, NO_STANDARD_TAG, none));
    return rows;
  }
}

const CADRE_CURSOR = 'cadre';
const GAP_CURSOR = 'visit-gap';

const invalidCursor = () =>
  badInput([
    { field: 'after', code: 'INVALID_CURSOR', message: '分页游标无效', messageEn: 'invalid cursor' },
  ]);

interface Counts {
  enterprises: number;
  paired: number;
  primary_paired: number;
}

const zero = (): Counts => ({ enterprises: 0, paired: 0, primary_paired: 0 });

function add(sum: Counts, row: Counts): void {
  sum.enterprises += row.enterprises;
  sum.paired += row.paired;
  sum.primary_paired += row.primary_paired;
}

function coverageRow(key: string, label: string, c: Counts): PairingCoverageRow {
  return {
    key,
    label,
    enterprises: c.enterprises,
    paired: c.paired,
    primaryPaired: c.primary_paired,
    share: c.enterprises ? round(c.paired / c.enterprises, 4) : 0,
  };
}
