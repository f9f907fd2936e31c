import { regionPrefix } from '@sfw/shared-types';
import type { EntityManager } from 'typeorm';
import { SubjectKind, VERDICT_POINTS } from '../model';
import type { SubjectAggregate } from './score';

/** What a cycle's aggregation needs to know. */
export interface AggregateScope {
  /** [start, end) as instants (the period's dates at 00:00 China time). */
  from: Date;
  to: Date;
  regionCode: string;
  level: string | null;
  /** Answers before this instant whose window closed unrated count as unrated. */
  unratedBefore: Date;
  now: Date;
}

/** Runs one statement; several may run at once (on PostgreSQL each takes a pool connection). */
export type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;

const verdictCase = `CASE o.verdict ${Object.entries(VERDICT_POINTS)
  .map(([v, p]) => `WHEN '${v}' THEN ${p}`)
  .join(' ')} END`;

type Figures = Partial<Omit<SubjectAggregate, 'subjectId' | 'departmentId' | 'medianWorkdays'>>;
type Keyed = { k: number; subject: string } & Record<string, unknown>;

/**
 * Every figure a score needs, for every department (answers led by it) and every cadre (answers
 * credited to them) in the cycle's period and scope, in set-based SQL. A department's scope is its
 * own region and level; a cadre's is the appeal's. The answer is the unit: its rating, the latest
 * reached callback on it, its review and reopening.
 *
 * Written for a million ratings: each big table is read once for both kinds (GROUPING SETS over a
 * department key and a cadre key that are null outside the kind's scope), the passes run at the
 * same time, ratings and refusals carry their answer's department, cadre and level so no pass joins
 * two big tables but the callbacks, the latest callback per answer is a flag kept on write, and the
 * median working days to close comes from a histogram (days are few distinct values).
 */
export async function aggregateCycle(
  query: Query,
  s: string,
  scope: AggregateScope,
  /** Filled with how long each pass took (ms), when given. */
  timings?: Record<string, number>,
): Promise<Record<SubjectKind, SubjectAggregate[]>> {
  const values: Record<string, unknown> = {
    from: scope.from,
    to: scope.to,
    region: `${regionPrefix(scope.regionCode)}%`,
    level: scope.level,
    cutoff: scope.unratedBefore,
    now: scope.now,
  };
  const scopeDept = `SELECT id FROM "${s}".department WHERE region_code LIKE :region AND (:level::text IS NULL OR level = :level)`;
  /** The department and cadre keys of a row, null when outside that kind's scope. */
  const keys = (dept: string, cadre: string, region: string | null = null, level: string | null = null) => `
    CASE WHEN ${dept} IN (${scopeDept}) THEN ${dept} END AS dk,
    ${
      region && level
        ? `CASE WHEN ${cadre} IS NOT NULL AND ${region} LIKE :region AND (:level::text IS NULL OR ${level} = :level) THEN ${cadre} END`
        : cadre
    } AS ck`;
  /** Group a keyed row set by each key: k = 0 for departments, 1 for cadres. */
  const grouped = (inner: string, measures: string) => `
    SELECT CASE WHEN GROUPING(dk) = 0 THEN 0 ELSE 1 END AS k, coalesce(dk, ck) AS subject, ${measures}
    FROM (${inner}) t
    WHERE dk IS NOT NULL OR ck IS NOT NULL
    GROUP BY GROUPING SETS ((dk), (ck))
    HAVING coalesce(dk, ck) IS NOT NULL`;
  const base = `CASE WHEN x.outcome = 'RESOLVED' THEN 1 WHEN x.outcome = 'PARTLY_RESOLVED' THEN 0.5
    WHEN x.outcome = 'CANNOT_HANDLE' AND x.upheld THEN 1 ELSE 0 END`;
  const inPeriod = (col: string) => `${col} >= :from AND ${col} < :to`;

  const passes: Record<string, string> = {
    ans: grouped(
      `SELECT ${keys('x.department_id', 'x.cadre_id', 'x.region_code', 'x.level')}, ${base} AS base,
         x.outcome, x.reopened, x.answered_at < :cutoff AS due
       FROM "${s}".answer x WHERE ${inPeriod('x.answered_at')}`,
      `count(*) AS answers, sum(base) AS resolved, count(*) FILTER (WHERE outcome = 'CANNOT_HANDLE') AS refused,
       count(*) FILTER (WHERE reopened) AS reopened, count(*) FILTER (WHERE due) AS due`,
    ),
    rat: grouped(
      `SELECT ${keys('r.department_id', 'r.cadre_id', 'r.region_code', 'r.appeal_level')}, r.level, r.status,
         r.answered_at < :cutoff AS due
       FROM "${s}".rating r WHERE ${inPeriod('r.answered_at')}`,
      `count(*) FILTER (WHERE status <> 'VOIDED') AS ratings,
       coalesce(sum(level) FILTER (WHERE status <> 'VOIDED'), 0) AS rating_sum,
       count(*) FILTER (WHERE due) AS rated_due`,
    ),
    cbk: grouped(
      `SELECT ${keys('x.department_id', 'x.cadre_id', 'x.region_code', 'x.level')}, cb.matches_record, cb.level,
         CASE WHEN cb.solved IS NULL THEN 0 ELSE cb.solved::int - ${base} END AS delta
       FROM "${s}".callback cb JOIN "${s}".answer x ON x.issue_id = cb.issue_id AND x.round = cb.round
       WHERE cb.status = 'DONE' AND cb.reached AND NOT cb.superseded AND ${inPeriod('x.answered_at')}`,
      `count(*) AS reached, count(*) FILTER (WHERE matches_record) AS matched, count(level) AS cb_ratings,
       coalesce(sum(level), 0) AS cb_rating_sum, coalesce(sum(delta), 0) AS resolved_delta`,
    ),
    // Closings per subject and working days taken: the counts and the median's histogram at once.
    clo: `SELECT CASE WHEN GROUPING(dk) = 0 THEN 0 ELSE 1 END AS k, coalesce(dk, ck) AS subject, days,
        count(*) AS n, count(*) FILTER (WHERE close_on_time) AS on_time
      FROM (SELECT ${keys('ap.close_department_id', 'ap.cadre_id', 'ap.region_code', 'ap.level')}, ap.close_on_time,
              ap.close_workdays::float8 AS days
            FROM "${s}".appeal ap
            WHERE ${inPeriod('ap.closed_at')} AND ap.close_how IN ('CONFIRMED', 'CLOSED')) t
      WHERE dk IS NOT NULL OR ck IS NOT NULL
      GROUP BY GROUPING SETS ((dk, days), (ck, days))
      HAVING coalesce(dk, ck) IS NOT NULL`,
    ref: grouped(
      // Counted for the cadres already in scope through their answers.
      `SELECT ${keys('f.department_id', 'f.cadre_id')}, f.review
       FROM "${s}".refusal f WHERE ${inPeriod('f.signed_at')}`,
      `count(*) FILTER (WHERE review IS NOT NULL) AS reviewed, count(*) FILTER (WHERE review = 'OVERTURNED') AS overturned`,
    ),
    rec: grouped(
      `SELECT ${keys('t.department_id', 't.cadre_id')},
         coalesce(t.verified_at, :now) > t.verify_due OR coalesce(t.reported_at, :now) > t.rectify_due AS late
       FROM "${s}".rectification t
       WHERE ${inPeriod('t.opened_at')} AND t.status <> 'CANCELLED'`,
      `count(*) AS n, count(*) FILTER (WHERE late) AS late`,
    ),
    obs: `SELECT 0 AS k, o.department_id AS subject, count(*) AS n, sum(${verdictCase}) AS points
      FROM "${s}".observer_review o
      WHERE o.department_id IN (${scopeDept})
        AND o.reviewed_on >= (:from::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
        AND o.reviewed_on < (:to::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
      GROUP BY 2`,
  };
  // Each pass binds only the values it names (PostgreSQL refuses a parameter it cannot type).
  const run = (sql: string) => {
    const order: string[] = [];
    const text = sql.replace(/(?<!:):(from|to|region|level|cutoff|now)\b/g, (_, name: string) => {
      if (!order.includes(name)) order.push(name);
      return `$${order.indexOf(name) + 1}`;
    });
    return query(
      text,
      order.map((n) => values[n]),
    ) as Promise<Keyed[]>;
  };
  const names = Object.keys(passes);
  const results = await Promise.all(
    names.map(async (n) => {
      const t0 = Date.now();
      const rows = await run(passes[n] ?? '');
      if (timings) timings[n] = Date.now() - t0;
      return rows;
    }),
  );
  const out = Object.fromEntries(names.map((n, i) => [n, results[i] ?? []])) as Record<string, Keyed[]>;

  // Merge the passes per kind and subject.
  const kinds = [SubjectKind.DEPARTMENT, SubjectKind.CADRE];
  const subjects = kinds.map(
    () => new Map<string, Figures & { due: number; ratedDue: number; delta: number }>(),
  );
  const at = (row: Keyed) => {
    const map = subjects[Number(row.k)];
    let f = map?.get(row.subject);
    if (!f) {
      f = { due: 0, ratedDue: 0, delta: 0 };
      map?.set(row.subject, f);
    }
    return f;
  };
  const n = (v: unknown) => Number(v ?? 0);
  for (const r of out['ans'] ?? []) {
    const f = at(r);
    f.answers = n(r['answers']);
    f.resolved = n(r['resolved']);
    f.refused = n(r['refused']);
    f.reopened = n(r['reopened']);
    f.due = n(r['due']);
  }
  const hist: { k: number; subject: string; days: number; n: number }[] = [];
  for (const r of out['clo'] ?? []) {
    const f = at(r);
    f.closed = (f.closed ?? 0) + n(r['n']);
    f.closedOnTime = (f.closedOnTime ?? 0) + n(r['on_time']);
    if (r['days'] !== null)
      hist.push({ k: Number(r.k), subject: r.subject, days: n(r['days']), n: n(r['n']) });
  }
  hist.sort(
    (a, b) => a.k - b.k || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.days - b.days),
  );
  for (const r of out['obs'] ?? []) {
    const f = at(r);
    f.observerReviews = n(r['n']);
    f.observerPoints = n(r['points']);
  }
  // Only subjects with answers, closings or (departments) observer reviews are scored.
  const known = (r: Keyed) => subjects[Number(r.k)]?.get(r.subject);
  for (const r of out['rat'] ?? []) {
    const f = known(r);
    if (!f) continue;
    f.ratings = n(r['ratings']);
    f.ratingSum = n(r['rating_sum']);
    f.ratedDue = n(r['rated_due']);
  }
  for (const r of out['cbk'] ?? []) {
    const f = known(r);
    if (!f) continue;
    f.callbacksReached = n(r['reached']);
    f.callbacksMatched = n(r['matched']);
    f.callbackRatings = n(r['cb_ratings']);
    f.callbackRatingSum = n(r['cb_rating_sum']);
    f.delta = n(r['resolved_delta']);
  }
  for (const r of out['ref'] ?? []) {
    const f = known(r);
    if (!f) continue;
    f.refusalsReviewed = n(r['reviewed']);
    f.refusalsOverturned = n(r['overturned']);
  }
  for (const r of out['rec'] ?? []) {
    const f = known(r);
    if (!f) continue;
    f.rectifications = n(r['n']);
    f.lateRectifications = n(r['late']);
  }
  const medians = kinds.map((_, k) => mediansOf(hist.filter((h) => h.k === k)));
  const cadreIds = [...(subjects[1]?.keys() ?? [])];
  const cadreDepartments = new Map(
    cadreIds.length
      ? (
          (await query(
            `SELECT DISTINCT ON (cadre_id) cadre_id, department_id FROM "${s}".pairing
             WHERE cadre_id = ANY ($1::uuid[]) AND from_date IS NOT NULL
             ORDER BY cadre_id, to_date IS NULL DESC, from_date DESC`,
            [cadreIds],
          )) as { cadre_id: string; department_id: string }[]
        ).map((r) => [r.cadre_id, r.department_id])
      : [],
  );

  const result = {} as Record<SubjectKind, SubjectAggregate[]>;
  kinds.forEach((kind, k) => {
    result[kind] = [...(subjects[k]?.entries() ?? [])].map(([subjectId, f]) => ({
      subjectId,
      departmentId: kind === SubjectKind.DEPARTMENT ? subjectId : (cadreDepartments.get(subjectId) ?? null),
      answers: f.answers ?? 0,
      resolved: (f.resolved ?? 0) + f.delta,
      refused: f.refused ?? 0,
      reopened: f.reopened ?? 0,
      ratings: f.ratings ?? 0,
      ratingSum: f.ratingSum ?? 0,
      unrated: Math.max(0, f.due - f.ratedDue),
      refusalsReviewed: f.refusalsReviewed ?? 0,
      refusalsOverturned: f.refusalsOverturned ?? 0,
      closed: f.closed ?? 0,
      closedOnTime: f.closedOnTime ?? 0,
      medianWorkdays: medians[k]?.get(subjectId) ?? null,
      callbacksReached: f.callbacksReached ?? 0,
      callbacksMatched: f.callbacksMatched ?? 0,
      callbackRatings: f.callbackRatings ?? 0,
      callbackRatingSum: f.callbackRatingSum ?? 0,
      observerReviews: f.observerReviews ?? 0,
      observerPoints: f.observerPoints ?? 0,
      rectifications: f.rectifications ?? 0,
      lateRectifications: f.lateRectifications ?? 0,
    }));
  });
  return result;
}

/** One query at a time, through a transaction's manager (PGlite, or a consistent snapshot). */
export const managerQuery =
  (m: EntityManager): Query =>
  (sql, params) =>
    m.query(sql, params) as Promise<unknown[]>;

/** The median of each subject's values from (subject, value, count) rows sorted by subject then value. */
export function mediansOf(
  rows: readonly { subject: string; days: number; n: number }[],
): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  while (i < rows.length) {
    const subject = rows[i]?.subject;
    let j = i;
    let total = 0;
    while (j < rows.length && rows[j]?.subject === subject) total += rows[j++]?.n ?? 0;
    // The value at 0-based positions floor((total-1)/2) and ceil((total-1)/2), averaged.
    const lo = Math.floor((total - 1) / 2);
    const hi = Math.ceil((total - 1) / 2);
    let seen = 0;
    let a: number | null = null;
    let b: number | null = null;
    for (let k = i; k < j; k++) {
      const row = rows[k];
      if (!row) continue;
      if (a === null && lo < seen + row.n) a = row.days;
      if (b === null && hi < seen + row.n) b = row.days;
      seen += row.n;
    }
    if (subject !== undefined && a !== null && b !== null) out.set(subject, (a + b) / 2);
    i = j;
  }
  return out;
}
