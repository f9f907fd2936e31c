import type { DataSource, EntityManager } from 'typeorm';
import { regionLevelOf, RegionLevel, type AdministrativeLevel } from '@sfw/shared-types';
import { badInput, isDivisionCode, isIsoMonth } from '@sfw/subgraph-kit';

/** Working days to answer are kept as a histogram 0..MAX (the last bucket is MAX and more). */
export const HIST_MAX = 60;
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';
/** county_code of DEPARTMENT-grain rows. */
const ANY_COUNTY = '000000';

/** What a timeline entry adds to the monthly aggregates. */
export interface StatDims {
  regionCode: string;
  level: AdministrativeLevel;
  departmentId: string | null;
}

export interface Statistics {
  received: number;
  assigned: number;
  answered: number;
  closed: number;
  escalated: number;
  resolved: number;
  partlyResolved: number;
  cannotHandle: number;
  reviewUpheld: number;
  reviewOverturned: number;
  reopened: number;
  withdrawn: number;
  onTime: number;
  resolutionRate: number;
  cannotHandleRate: number;
  onTimeRate: number;
  reopenRate: number;
  meanWorkdays: number | null;
  medianWorkdays: number | null;
}

export interface MonthlyStatistics extends Statistics {
  month: string;
}

const COUNTERS = [
  'received',
  'assigned',
  'answered',
  'closed',
  'escalated',
  'resolved',
  'partly_resolved',
  'cannot_handle',
  'review_upheld',
  'review_overturned',
  'reopened',
  'withdrawn',
  'on_time',
] as const;

/**
 * The SQL (over `issue_event e`) that turns a timeline entry into counter increments. The same
 * mapping serves the incremental update after each change and the full rebuild from the timeline.
 */
const COUNTER_SQL: Record<(typeof COUNTERS)[number], string> = {
  received: `(e.action = 'SUBMIT')`,
  assigned: `(e.action IN ('ASSIGN', 'REASSIGN_REFUSAL') OR (e.action = 'DECIDE_REVIEW' AND e.to_status = 'ASSIGNED'))`,
  answered: `(e.to_status = 'ANSWERED' AND e.action IN ('ANSWER', 'ANSWER_COMMON', 'SIGN_OFF'))`,
  closed: `(e.to_status = 'CLOSED')`,
  escalated: `(e.action = 'ESCALATE')`,
  resolved: `(e.to_status = 'ANSWERED' AND e.data->>'outcome' = 'RESOLVED')`,
  partly_resolved: `(e.to_status = 'ANSWERED' AND e.data->>'outcome' = 'PARTLY_RESOLVED')`,
  cannot_handle: `(e.to_status = 'ANSWERED' AND e.action = 'SIGN_OFF')`,
  review_upheld: `(e.action = 'DECIDE_REVIEW' AND e.data->>'decision' = 'UPHELD')`,
  review_overturned: `(e.action = 'DECIDE_REVIEW' AND e.data->>'decision' = 'OVERTURNED')`,
  reopened: `(e.action = 'REOPEN')`,
  withdrawn: `(e.to_status = 'WITHDRAWN')`,
  on_time: `(e.to_status = 'ANSWERED' AND e.action IN ('ANSWER', 'ANSWER_COMMON', 'SIGN_OFF') AND (e.data->>'onTime')::boolean)`,
};

const ANSWER_SQL = `(e.to_status = 'ANSWERED' AND e.action IN ('ANSWER', 'ANSWER_COMMON', 'SIGN_OFF') AND e.data ? 'workdays')`;

/**
 * Dashboard statistics kept as monthly aggregates per (county, level, department), updated in the
 * same transaction as every change and rebuildable from the append-only timeline. A province's
 * million appeals a year make at most a few hundred thousand aggregate rows, so any period,
 * region, level or department sums a small slice.
 */
export class StatsService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
  ) {}

  /** Apply the timeline entries just written (by id) to the aggregates of both grains. */
  async applyEntries(m: EntityManager, entryIds: string[]): Promise<void> {
    if (!entryIds.length) return;
    for (const grain of ['REGION', 'DEPARTMENT'] as const)
      await m.query(
        `${this.aggregateSql('e.id = ANY($1::bigint[])', grain)}
        ON CONFLICT (month, county_code, level, department_id) DO UPDATE SET
          ${COUNTERS.map((c) => `${c} = issue_stat.${c} + EXCLUDED.${c}`).join(', ')},
          workdays_sum = issue_stat.workdays_sum + EXCLUDED.workdays_sum,
          workdays_hist = (SELECT array_agg(COALESCE(a, 0) + COALESCE(b, 0) ORDER BY n)
                             FROM unnest(issue_stat.workdays_hist, EXCLUDED.workdays_hist) WITH ORDINALITY AS t(a, b, n))`,
        [entryIds],
      );
  }

  /** Recompute every aggregate from the timeline (after a bulk load, or to repair). */
  async rebuild(): Promise<number> {
    return this.ds.transaction(async (m) => {
      await m.query(`DELETE FROM "${this.s}".issue_stat`);
      await m.query(this.aggregateSql('TRUE', 'REGION'));
      await m.query(this.aggregateSql('TRUE', 'DEPARTMENT'));
      const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM "${this.s}".issue_stat`)) as [
        { n: number },
      ];
      return n;
    });
  }

  /**
   * Two grains keep the table small at any scale: REGION rows (month × county × level, no
   * department) answer region and level slices; DEPARTMENT rows (month × department × level, no
   * county) answer department slices.
   */
  private aggregateSql(where: string, grain: 'REGION' | 'DEPARTMENT'): string {
    const s = this.s;
    const month = `date_trunc('month', e.at AT TIME ZONE 'Asia/Shanghai')::date`;
    const county =
      grain === 'REGION'
        ? `left(COALESCE(e.data->'dims'->>'regionCode', i.region_code), 6)`
        : `'${ANY_COUNTY}'`;
    const level = `COALESCE(e.data->'dims'->>'level', i.level)`;
    const dept =
      grain === 'DEPARTMENT'
        ? `COALESCE((e.data->'dims'->>'departmentId')::uuid, i.lead_department_id, '${NO_DEPARTMENT}'::uuid)`
        : `'${NO_DEPARTMENT}'::uuid`;
    const bucket = `LEAST((e.data->>'workdays')::int, ${HIST_MAX})`;
    return `INSERT INTO "${s}".issue_stat (month, county_code, level, department_id, ${COUNTERS.join(', ')}, workdays_sum, workdays_hist)
      SELECT month, county, level, dept, ${COUNTERS.map((c) => `sum(${c})`).join(', ')}, sum(workdays_sum),
             (SELECT array_agg(c ORDER BY b) FROM (
                SELECT b, count(*) FILTER (WHERE x.bucket = b)::int AS c
                  FROM generate_series(0, ${HIST_MAX}) b LEFT JOIN unnest(array_agg(bucket)) AS x(bucket) ON true GROUP BY b) h)
        FROM (
          SELECT ${month} AS month, ${county} AS county, ${level} AS level, ${dept} AS dept,
                 ${COUNTERS.map((c) => `COALESCE((${COUNTER_SQL[c]})::int, 0) AS ${c}`).join(', ')},
                 CASE WHEN COALESCE(${ANSWER_SQL}, false) THEN (e.data->>'workdays')::int ELSE 0 END AS workdays_sum,
                 CASE WHEN COALESCE(${ANSWER_SQL}, false) THEN ${bucket} END AS bucket
            FROM "${s}".issue_event e JOIN "${s}".issue i ON i.id = e.issue_id
           WHERE ${where}
        ) x
       GROUP BY month, county, level, dept`;
  }

  /**
   * Totals and a monthly series for a period (months YYYY-MM, inclusive) by region (a county or
   * above), level and department.
   */
  async statistics(filter: {
    from: string;
    to: string;
    regionCode?: string | null;
    level?: AdministrativeLevel | null;
    departmentId?: string | null;
  }): Promise<{ totals: Statistics; series: MonthlyStatistics[] }> {
    const problems = [];
    if (!isIsoMonth(filter.from))
      problems.push({
        field: 'from',
        code: 'INVALID_MONTH',
        message: '起始月份格式应为 YYYY-MM',
        messageEn: 'from: YYYY-MM',
      });
    if (!isIsoMonth(filter.to))
      problems.push({
        field: 'to',
        code: 'INVALID_MONTH',
        message: '截止月份格式应为 YYYY-MM',
        messageEn: 'to: YYYY-MM',
      });
    if (problems.length === 0 && filter.from > filter.to)
      problems.push({
        field: 'to',
        code: 'INVALID_RANGE',
        message: '截止月份不能早于起始月份',
        messageEn: 'to before from',
      });
    if (filter.regionCode) {
      const level = isDivisionCode(filter.regionCode) ? regionLevelOf(filter.regionCode) : null;
      if (!level)
        problems.push({
          field: 'regionCode',
          code: 'UNKNOWN_REGION',
          message: `行政区划代码无效：${filter.regionCode}`,
          messageEn: 'bad division code',
        });
      if (level === RegionLevel.TOWNSHIP)
        problems.push({
          field: 'regionCode',
          code: 'REGION_TOO_FINE',
          message: '统计按县（市、区）及以上汇总；乡镇的诉求请用诉求列表按区域筛选',
          messageEn: 'statistics go down to county level',
        });
    }
    if (problems.length) throw badInput(problems);
    const params: unknown[] = [`${filter.from}-01`, `${filter.to}-01`];
    const where = [`month BETWEEN $1 AND $2`];
    if (filter.departmentId) {
      // DEPARTMENT grain: a department sits in one region already.
      params.push(filter.departmentId);
      where.push(`county_code = '${ANY_COUNTY}'`, `department_id = $${params.length}::uuid`);
    } else {
      where.push(`department_id = '${NO_DEPARTMENT}'::uuid`);
      if (filter.regionCode) {
        const code = filter.regionCode;
        const prefix = code.endsWith('0000')
          ? code.slice(0, 2)
          : code.endsWith('00')
            ? code.slice(0, 4)
            : code;
        params.push(`${prefix}%`);
        where.push(`county_code LIKE $${params.length}`);
      } else where.push(`county_code <> '${ANY_COUNTY}'`);
    }
    if (filter.level) {
      params.push(filter.level);
      where.push(`level = $${params.length}`);
    }
    // A few thousand rows at most (months × counties × levels): summed here, histograms included.
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, ${COUNTERS.join(', ')}, workdays_sum::text AS workdays_sum, workdays_hist
         FROM "${this.s}".issue_stat WHERE ${where.join(' AND ')}`,
      params,
    );
    type Acc = { counts: Record<(typeof COUNTERS)[number], number>; workdaysSum: number; hist: number[] };
    const empty = (): Acc => ({
      counts: Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<(typeof COUNTERS)[number], number>,
      workdaysSum: 0,
      hist: new Array<number>(HIST_MAX + 1).fill(0),
    });
    const byMonth = new Map<string, Acc>();
    const total = empty();
    for (const r of rows) {
      const key = String(r['month']);
      const acc = byMonth.get(key) ?? empty();
      byMonth.set(key, acc);
      const hist = (r['workdays_hist'] as number[] | null) ?? [];
      for (const target of [acc, total]) {
        for (const c of COUNTERS) target.counts[c] += Number(r[c] ?? 0);
        target.workdaysSum += Number(r['workdays_sum'] ?? 0);
        hist.forEach((v, i) => (target.hist[i] = (target.hist[i] ?? 0) + Number(v)));
      }
    }
    const perMonth = [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, acc]) => ({ month, ...acc }));
    return {
      totals: this.derive(total.counts, total.workdaysSum, total.hist),
      series: perMonth.map((p) => ({ month: p.month, ...this.derive(p.counts, p.workdaysSum, p.hist) })),
    };
  }

  private counts(r: Record<string, unknown>): Record<(typeof COUNTERS)[number], number> {
    return Object.fromEntries(COUNTERS.map((c) => [c, Number(r[c] ?? 0)])) as Record<
      (typeof COUNTERS)[number],
      number
    >;
  }

  private derive(
    c: Record<(typeof COUNTERS)[number], number>,
    workdaysSum: number,
    hist: number[],
  ): Statistics {
    const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : 0);
    const answeredWithTime = hist.reduce((a, b) => a + b, 0);
    let median: number | null = null;
    if (answeredWithTime > 0) {
      const half = answeredWithTime / 2;
      let seen = 0;
      for (let i = 0; i < hist.length; i++) {
        seen += hist[i] ?? 0;
        if (seen >= half) {
          median = i;
          break;
        }
      }
    }
    return {
      received: c.received,
      assigned: c.assigned,
      answered: c.answered,
      closed: c.closed,
      escalated: c.escalated,
      resolved: c.resolved,
      partlyResolved: c.partly_resolved,
      cannotHandle: c.cannot_handle,
      reviewUpheld: c.review_upheld,
      reviewOverturned: c.review_overturned,
      reopened: c.reopened,
      withdrawn: c.withdrawn,
      onTime: c.on_time,
      resolutionRate: rate(c.resolved, c.answered),
      cannotHandleRate: rate(c.cannot_handle, c.answered),
      onTimeRate: rate(c.on_time, c.answered),
      reopenRate: rate(c.reopened, c.answered),
      meanWorkdays: answeredWithTime > 0 ? Math.round((workdaysSum / answeredWithTime) * 100) / 100 : null,
      medianWorkdays: median,
    };
  }
}
