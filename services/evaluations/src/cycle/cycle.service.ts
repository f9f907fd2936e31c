import { readDivisions, regionLevelOf, regionPrefix, Role, type Viewer } from '@sfw/shared-types';
import {
  AppError,
  badInput,
  isUuid,
  notFound,
  returned,
  type FieldProblem,
  type Logger,
} from '@sfw/subgraph-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { assertRoles, readsAll } from '../access';
import { supersedeCallbacks } from '../feedback/supersede';
import { must } from '../must';
import type { EvaluationsConfig } from '../config';
import { checkFindings, type CallFindings } from '../feedback/feedback.service';
import {
  CycleStatus,
  DEFAULT_SAMPLING,
  DEFAULT_SETTINGS,
  DEFAULT_WEIGHTS,
  FlagCode,
  RATING_OF_VALUE,
  RATING_VALUE,
  RatingLevel,
  SubjectKind,
  type ComponentResult,
  type CycleSettings,
  type Sampling,
  type SubjectFigures,
  type SubjectResult,
  type Weights,
} from '../model';
import { chinaMidnight, parsePeriod } from '../period';
import { aggregateCycle, type AggregateScope } from '../scoring/aggregate';
import { scoreSubjects, weightProblems, type CyclePool } from '../scoring/score';
import { packResult, unpackResult, type PackedResult } from '../scoring/stored';

export interface CycleRow {
  id: string;
  seriesId: string;
  version: number;
  correctsId: string | null;
  correctionReason: string | null;
  name: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  regionCode: string;
  level: string | null;
  weights: Weights;
  settings: CycleSettings;
  sampling: Sampling;
  status: CycleStatus;
  createdBy: string;
  createdAt: Date;
  sampledAt: Date | null;
  runAt: Date | null;
  runBy: string | null;
  runMs: number | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  supersededAt: Date | null;
}

export interface ResultRow {
  cycleId: string;
  kind: SubjectKind;
  subjectId: string;
  departmentId: string | null;
  score: number | null;
  rank: number | null;
  rankedOf: number;
  components: ComponentResult[];
  figures: SubjectFigures;
  flags: FlagCode[];
  flagDetails: { code: FlagCode; detail: string }[];
  /** The cycle it belongs to (for Department.ranking and scores). */
  periodLabel?: string;
  status?: CycleStatus;
}

export interface RankingRow {
  cycleId: string;
  subjectId: string;
  /** The subject's department in that cycle (a cadre's, for who may read its rank). */
  departmentId: string | null;
  periodLabel: string;
  score: number | null;
  rank: number | null;
  rankedOf: number;
  flags: FlagCode[];
}

export interface FlagRow {
  cycleId: string;
  kind: SubjectKind;
  subjectId: string;
  code: FlagCode;
  detail: string;
  disposition: 'CONFIRMED' | 'DISMISSED' | 'NOTED' | null;
  note: string | null;
  workedBy: string | null;
  workedAt: Date | null;
}

export interface CallbackRow {
  id: string;
  seriesId: string | null;
  rectificationId: string | null;
  issueId: string;
  round: number;
  enterpriseId: string;
  departmentId: string | null;
  reasons: string[];
  status: 'PENDING' | 'DONE';
  reached: boolean | null;
  level: RatingLevel | null;
  solved: boolean | null;
  matchesRecord: boolean | null;
  note: string | null;
  calledBy: string | null;
  calledAt: Date | null;
}

export interface OpenCycleInput {
  name: string;
  period: string;
  regionCode: string;
  level?: string | null;
  weights?: Partial<Weights> | null;
  settings?: Partial<CycleSettings> | null;
  sampling?: Partial<Sampling> | null;
}

const CYCLE_COLUMNS = `id, series_id AS "seriesId", version, corrects_id AS "correctsId", correction_reason AS "correctionReason",
  name, period_label AS "periodLabel", to_char(period_start, 'YYYY-MM-DD') AS "periodStart",
  to_char(period_end, 'YYYY-MM-DD') AS "periodEnd", region_code AS "regionCode", level, weights, settings, sampling, status,
  created_by AS "createdBy", created_at AS "createdAt", sampled_at AS "sampledAt", run_at AS "runAt", run_by AS "runBy",
  run_ms AS "runMs", published_at AS "publishedAt", published_by AS "publishedBy", superseded_at AS "supersededAt"`;
const RESULT_COLUMNS = (a: string, c: string) => `${a}.cycle_id AS "cycleId", ${a}.subject_kind AS kind,
  ${a}.subject_id AS "subjectId", ${a}.department_id AS "departmentId", ${a}.score::float8 AS score, ${a}.rank,
  ${a}.ranked_of AS "rankedOf", ${a}.components AS packed, ${a}.flags, ${c}.weights, ${c}.run_stats AS "runStats",
  ${c}.period_label AS "periodLabel", ${c}.status`;

type StoredRow = Omit<ResultRow, 'components' | 'figures' | 'flagDetails'> & {
  packed: PackedResult;
  weights: Weights;
  runStats: Partial<Record<SubjectKind, CyclePool>> | null;
};

/** A stored result with its explanation rendered (notes from the figures and the run's pool). */
function decoded(row: StoredRow): ResultRow {
  const { packed, weights, runStats, ...rest } = row;
  const { components, figures, flags } = unpackResult(
    packed,
    row.kind,
    weights,
    runStats?.[row.kind] ?? null,
  );
  return { ...rest, components, figures, flagDetails: flags };
}
const FLAG_COLUMNS = `cycle_id AS "cycleId", subject_kind AS kind, subject_id AS "subjectId", code, detail, disposition, note,
  worked_by AS "workedBy", worked_at AS "workedAt"`;
const CALLBACK_COLUMNS = `id, series_id AS "seriesId", rectification_id AS "rectificationId", issue_id AS "issueId", round,
  enterprise_id AS "enterpriseId", department_id AS "departmentId", reasons, status, reached, level, solved,
  matches_record AS "matchesRecord", note, called_by AS "calledBy", called_at AS "calledAt"`;

const STATUS_LABELS: Record<CycleStatus, string> = {
  OPEN: '已开启',
  RUN: '已计算',
  PUBLISHED: '已发布',
  SUPERSEDED: '已被更正版本取代',
};

/**
 * Review cycles (评议周期): an evaluator opens one for a period, region and level with weights,
 * settings and a sampling plan; draws the callback sample; runs it (all departments and cadres
 * scored in set-based SQL); works the flags; publishes. A published cycle is immutable (the
 * database refuses changes too); a correction is a new version with a reason, which supersedes it
 * when published.
 */
export class CycleService {
  private readonly regionNames: Map<string, string>;
  /** How long each stage of the last run took (ms), for the log and the benchmark. */
  lastRunStages: Record<string, number> = {};

  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly config: EvaluationsConfig,
    private readonly logger: Logger,
  ) {
    this.regionNames = new Map(readDivisions().map((d) => [d.code, d.name]));
  }

  // --- reading ----------------------------------------------------------------------------------

  async cycle(id: string, viewer: Viewer | null, m: EntityManager = this.ds.manager): Promise<CycleRow> {
    const [row] = isUuid(id)
      ? ((await m.query(`SELECT ${CYCLE_COLUMNS} FROM "${this.s}".review_cycle WHERE id = $1`, [
          id,
        ])) as CycleRow[])
      : [];
    if (!row || !this.readsCycle(row, viewer)) throw notFound('评议周期', 'review cycle', id);
    return row;
  }

  /** Everyone with a staff role reads published cycles; only evaluators and administrators see work in progress. */
  private readsCycle(row: CycleRow, viewer: Viewer | null): boolean {
    if (!viewer) return false;
    if (readsAll(viewer)) return true;
    if (!viewer.roles.some((r) => r === Role.LEADER || r === Role.DEPARTMENT || r === Role.CADRE))
      return false;
    return row.status === CycleStatus.PUBLISHED || row.status === CycleStatus.SUPERSEDED;
  }

  async cycles(
    filter: { period?: string | null; status?: CycleStatus | null; regionCode?: string | null },
    viewer: Viewer | null,
  ): Promise<CycleRow[]> {
    assertRoles(
      viewer,
      [Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT, Role.CADRE],
      '查看评议周期',
    );
    const period = filter.period ? parsePeriod(filter.period) : null;
    const problems: FieldProblem[] = [];
    if (filter.period && !period)
      problems.push({
        field: 'period',
        code: 'INVALID_PERIOD',
        message: '评议期间无法识别，应为 2026、2026-H1、2026-Q3 或 2026-10',
        messageEn: 'period must be YYYY, YYYY-H1/H2, YYYY-Q1..Q4 or YYYY-MM',
      });
    if (filter.regionCode && !this.regionNames.has(filter.regionCode))
      problems.push({
        field: 'regionCode',
        code: 'UNKNOWN_REGION',
        message: '行政区划代码不存在（如 331000、331004）',
        messageEn: 'unknown region code',
      });
    if (problems.length) throw badInput(problems);
    const params: unknown[] = [];
    const where: string[] = [];
    if (!readsAll(viewer)) where.push(`status IN ('PUBLISHED', 'SUPERSEDED')`);
    if (period) {
      params.push(period.label);
      where.push(`period_label = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    if (filter.regionCode) {
      params.push(filter.regionCode);
      where.push(`region_code = $${params.length}`);
    }
    return (await this.ds.query(
      `SELECT ${CYCLE_COLUMNS} FROM "${this.s}".review_cycle ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY period_start DESC, created_at DESC, version DESC LIMIT 200`,
      params,
    )) as CycleRow[];
  }

  async versions(seriesId: string): Promise<CycleRow[]> {
    return (await this.ds.query(
      `SELECT ${CYCLE_COLUMNS} FROM "${this.s}".review_cycle WHERE series_id = $1 ORDER BY version`,
      [seriesId],
    )) as CycleRow[];
  }

  /** Results of a cycle, by rank. Department staff see their own department's rows and the ranks. */
  async results(
    cycle: CycleRow,
    kind: SubjectKind,
    filter: { departmentId?: string | null; flagged?: boolean | null },
    viewer: Viewer | null,
  ): Promise<ResultRow[]> {
    const params: unknown[] = [cycle.id, kind];
    const where = [`r.cycle_id = $1`, `r.subject_kind = $2`];
    if (filter.departmentId) {
      params.push(filter.departmentId);
      where.push(`r.department_id = $${params.length}`);
    }
    if (filter.flagged) where.push(`cardinality(r.flags) > 0`);
    if (viewer && !readsAll(viewer) && !viewer.roles.includes(Role.LEADER)) {
      // Department staff: their department (and its cadres); a cadre: themself.
      const own: string[] = [];
      if (viewer.departmentId) {
        params.push(viewer.departmentId);
        own.push(`r.department_id = $${params.length}`);
      }
      if (viewer.cadreId) {
        params.push(viewer.cadreId);
        own.push(`r.subject_id = $${params.length}`);
      }
      where.push(own.length ? `(${own.join(' OR ')})` : 'FALSE');
    }
    return (
      (await this.ds.query(
        `SELECT ${RESULT_COLUMNS('r', 'c')} FROM "${this.s}".cycle_result r JOIN "${this.s}".review_cycle c ON c.id = r.cycle_id
       WHERE ${where.join(' AND ')} ORDER BY r.rank NULLS LAST, r.score DESC NULLS LAST, r.subject_id`,
        params,
      )) as StoredRow[]
    ).map(decoded);
  }

  async flags(cycleId: string, filter: { open?: boolean | null }): Promise<FlagRow[]> {
    return (await this.ds.query(
      `SELECT ${FLAG_COLUMNS} FROM "${this.s}".cycle_flag WHERE cycle_id = $1 ${filter.open ? 'AND disposition IS NULL' : ''}
       ORDER BY code, subject_kind, subject_id`,
      [cycleId],
    )) as FlagRow[];
  }

  /**
   * Scores of many subjects for a period, one query: the newest published version of a cycle whose
   * period is `period` and that scored the subject (a narrower region wins over a wider one).
   * Evaluators and administrators may ask for unpublished runs too.
   */
  async scoresFor(
    kind: SubjectKind,
    ids: readonly string[],
    period: string,
    includeUnpublished: boolean,
  ): Promise<Map<string, ResultRow>> {
    const statuses = includeUnpublished ? `('PUBLISHED', 'RUN')` : `('PUBLISHED')`;
    const rows = (await this.ds.query(
      `SELECT DISTINCT ON (r.subject_id) ${RESULT_COLUMNS('r', 'c')}
       FROM "${this.s}".cycle_result r JOIN "${this.s}".review_cycle c ON c.id = r.cycle_id
       WHERE r.subject_id = ANY ($1::uuid[]) AND r.subject_kind = $2 AND c.period_label = $3 AND c.status IN ${statuses}
       ORDER BY r.subject_id, length(c.region_code) DESC, c.status = 'PUBLISHED' DESC, c.published_at DESC NULLS LAST,
         c.run_at DESC`,
      [ids.filter(isUuid), kind, period.trim().toUpperCase()],
    )) as StoredRow[];
    return new Map(rows.map((r) => [r.subjectId, decoded(r)]));
  }

  /** A subject's place in every published cycle, newest first (the trend). */
  async rankingsOf(kind: SubjectKind, ids: readonly string[], last: number): Promise<RankingRow[]> {
    return (await this.ds.query(
      `SELECT x.* FROM unnest($1::uuid[]) AS s(id), LATERAL (
         SELECT r.cycle_id AS "cycleId", r.subject_id AS "subjectId", r.department_id AS "departmentId", c.period_label AS "periodLabel",
           r.score::float8 AS score, r.rank, r.ranked_of AS "rankedOf", r.flags
         FROM "${this.s}".cycle_result r JOIN "${this.s}".review_cycle c ON c.id = r.cycle_id
         WHERE r.subject_id = s.id AND r.subject_kind = $2 AND c.status = 'PUBLISHED'
         ORDER BY c.period_start DESC, c.published_at DESC LIMIT $3) x`,
      [ids.filter(isUuid), kind, last],
    )) as RankingRow[];
  }

  async departmentRegions(
    ids: readonly string[],
  ): Promise<Map<string, { regionCode: string; name: string }>> {
    const rows = (await this.ds.query(
      `SELECT id, region_code AS "regionCode", name FROM "${this.s}".department WHERE id = ANY ($1::uuid[])`,
      [ids.filter(isUuid)],
    )) as { id: string; regionCode: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  // --- changing -----------------------------------------------------------------------------------

  async open(input: OpenCycleInput, viewer: Viewer | null): Promise<CycleRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR], '开启评议周期');
    const checked = this.checkInput(input);
    const [row] = (await this.ds.query(
      `INSERT INTO "${this.s}".review_cycle (id, series_id, name, period_label, period_start, period_end, region_code, level,
         weights, settings, sampling, created_by)
       SELECT id, id, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM (SELECT gen_random_uuid() AS id) g
       RETURNING ${CYCLE_COLUMNS}`,
      [
        checked.name,
        checked.period.label,
        checked.period.start,
        checked.period.end,
        input.regionCode,
        input.level ?? null,
        JSON.stringify(checked.weights),
        JSON.stringify(checked.settings),
        JSON.stringify(checked.sampling),
        v.sub,
      ],
    )) as CycleRow[];
    return must(row);
  }

  private checkInput(input: OpenCycleInput, base?: CycleRow) {
    const problems: FieldProblem[] = [];
    const name = input.name?.trim() ?? '';
    if (name.length < 2 || name.length > 100)
      problems.push({
        field: 'name',
        code: 'INVALID_TEXT',
        message: '周期名称应为2至100个字',
        messageEn: 'name must be 2–100 characters',
      });
    const period = parsePeriod(input.period ?? '');
    if (!period)
      problems.push({
        field: 'period',
        code: 'INVALID_PERIOD',
        message: `评议期间“${input.period}”无法识别，应为 2026、2026-H1、2026-Q3 或 2026-10`,
        messageEn: 'period must be YYYY, YYYY-H1/H2, YYYY-Q1..Q4 or YYYY-MM',
      });
    if (!this.regionNames.has(input.regionCode) || regionLevelOf(input.regionCode) === null)
      problems.push({
        field: 'regionCode',
        code: 'UNKNOWN_REGION',
        message: `行政区划代码不存在：${input.regionCode}`,
        messageEn: 'unknown region code',
      });
    if (input.level && !['CITY', 'COUNTY', 'TOWNSHIP'].includes(input.level))
      problems.push({
        field: 'level',
        code: 'INVALID_LEVEL',
        message: '层级应为 CITY、COUNTY 或 TOWNSHIP',
        messageEn: 'invalid level',
      });
    const weights = { ...(base?.weights ?? DEFAULT_WEIGHTS), ...stripNulls(input.weights) } as Weights;
    const bad = weightProblems(weights);
    if (bad.length)
      problems.push({
        field: 'weights',
        code: 'INVALID_WEIGHTS',
        message: `权重须在0到1之间且合计为1（问题：${bad.join('、')}）`,
        messageEn: `weights must be within 0..1 and sum to 1 (${bad.join(', ')})`,
      });
    const settings = {
      ...(base?.settings ?? DEFAULT_SETTINGS),
      ...stripNulls(input.settings),
    } as CycleSettings;
    if (input.settings && 'unratedCountsAs' in input.settings)
      settings.unratedCountsAs = input.settings.unratedCountsAs ?? null;
    if (!(settings.priorWeight >= 0 && settings.priorWeight <= 1000))
      problems.push({
        field: 'settings.priorWeight',
        code: 'OUT_OF_RANGE',
        message: '收缩先验条数应在0至1000之间',
        messageEn: 'priorWeight must be 0..1000',
      });
    if (!(Number.isInteger(settings.minSample) && settings.minSample >= 1 && settings.minSample <= 10000))
      problems.push({
        field: 'settings.minSample',
        code: 'OUT_OF_RANGE',
        message: '最小样本应为1至10000的整数',
        messageEn: 'minSample must be an integer 1..10000',
      });
    for (const [k, lo, hi] of [
      ['inflatedSatisfactionAtLeast', 0, 100],
      ['inflatedRefusalRateAtLeast', 0, 1],
      ['inflatedResolutionBelow', 0, 1],
      ['inflatedAgreementBelow', 0, 1],
    ] as const)
      if (!(settings[k] >= lo && settings[k] <= hi))
        problems.push({
          field: `settings.${k}`,
          code: 'OUT_OF_RANGE',
          message: `${k}应在${lo}至${hi}之间`,
          messageEn: `${k} must be ${lo}..${hi}`,
        });
    if (settings.unratedCountsAs && !(settings.unratedCountsAs in RATING_VALUE))
      problems.push({
        field: 'settings.unratedCountsAs',
        code: 'INVALID_LEVEL',
        message: '未评价计入的等级无效',
        messageEn: 'invalid unratedCountsAs',
      });
    const sampling = { ...(base?.sampling ?? DEFAULT_SAMPLING), ...stripNulls(input.sampling) } as Sampling;
    if (!(sampling.share >= 0 && sampling.share <= 1))
      problems.push({
        field: 'sampling.share',
        code: 'OUT_OF_RANGE',
        message: '随机抽样比例应在0至1之间',
        messageEn: 'share must be 0..1',
      });
    if (!(
      Number.isInteger(sampling.minPerDepartment) &&
      sampling.minPerDepartment >= 0 &&
      sampling.minPerDepartment <= 1000
    ))
      problems.push({
        field: 'sampling.minPerDepartment',
        code: 'OUT_OF_RANGE',
        message: '每个部门最少抽样数应为0至1000的整数',
        messageEn: 'minPerDepartment must be 0..1000',
      });
    if (!Number.isSafeInteger(sampling.seed))
      problems.push({
        field: 'sampling.seed',
        code: 'OUT_OF_RANGE',
        message: '抽样种子应为整数',
        messageEn: 'seed must be an integer',
      });
    if (problems.length) throw badInput(problems);
    return { name, period: must(period), weights, settings, sampling };
  }

  /** Name, weights, settings and sampling may change until publication (a new sample needs a new draw). */
  async update(id: string, input: Partial<OpenCycleInput>, viewer: Viewer | null): Promise<CycleRow> {
    assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR], '修改评议周期');
    return this.ds.transaction(async (m) => {
      const cycle = await this.locked(m, id, viewer, [CycleStatus.OPEN, CycleStatus.RUN], '修改');
      const checked = this.checkInput(
        {
          name: input.name ?? cycle.name,
          period: cycle.periodLabel,
          regionCode: cycle.regionCode,
          level: cycle.level,
          weights: input.weights,
          settings: input.settings,
          sampling: input.sampling,
        },
        cycle,
      );
      const [row] = returned<CycleRow>(
        await m.query(
          `UPDATE "${this.s}".review_cycle SET name = $2, weights = $3, settings = $4, sampling = $5,
             status = 'OPEN' WHERE id = $1 RETURNING ${CYCLE_COLUMNS}`,
          [
            id,
            checked.name,
            JSON.stringify(checked.weights),
            JSON.stringify(checked.settings),
            JSON.stringify(checked.sampling),
          ],
        ),
      );
      // Results computed with the old settings are gone: run again.
      await m.query(`DELETE FROM "${this.s}".cycle_result WHERE cycle_id = $1`, [id]);
      return must(row);
    });
  }

  private async locked(
    m: EntityManager,
    id: string,
    viewer: Viewer | null,
    allowed: CycleStatus[],
    what: string,
  ): Promise<CycleRow> {
    const [row] = isUuid(id)
      ? ((await m.query(`SELECT ${CYCLE_COLUMNS} FROM "${this.s}".review_cycle WHERE id = $1 FOR UPDATE`, [
          id,
        ])) as CycleRow[])
      : [];
    if (!row || !this.readsCycle(row, viewer)) throw notFound('评议周期', 'review cycle', id);
    this.assertStatus(row, allowed, what);
    return row;
  }

  private assertStatus(row: CycleRow, allowed: CycleStatus[], what: string): void {
    if (allowed.includes(row.status)) return;
    const published = row.status === CycleStatus.PUBLISHED || row.status === CycleStatus.SUPERSEDED;
    throw new AppError(
      published ? 'CYCLE_PUBLISHED' : 'INVALID_CYCLE_STATE',
      published
        ? `评议周期已发布，结果不可更改；如需更正，请创建更正版本`
        : `评议周期当前为“${STATUS_LABELS[row.status]}”，不能${what}`,
      `the cycle is ${row.status}; cannot ${what}`,
      { status: row.status },
    );
  }

  /**
   * 电话回访抽样: every cannot-handle answer and every bad rating in the cycle's scope, plus a
   * random share of the rest per department, drawn by a seeded hash so the same seed and data give
   * the same sample. Calls already drawn stay (with what was recorded); drawing again adds only
   * what is new.
   */
  async drawCallbacks(
    id: string,
    viewer: Viewer | null,
  ): Promise<{ cycle: CycleRow; drawn: number; total: number }> {
    assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR], '抽取回访样本');
    return this.ds.transaction(async (m) => {
      const cycle = await this.locked(m, id, viewer, [CycleStatus.OPEN, CycleStatus.RUN], '抽取回访样本');
      const sp = cycle.sampling;
      const inserted = (await m.query(
        `WITH cand AS (
           SELECT x.issue_id, x.round, x.enterprise_id, x.department_id,
             x.outcome = 'CANNOT_HANDLE' AS refused,
             coalesce(r.level <= 2 AND r.status <> 'VOIDED', false) AS bad
           FROM "${this.s}".answer x
           JOIN "${this.s}".department d ON d.id = x.department_id
           LEFT JOIN "${this.s}".rating r ON r.issue_id = x.issue_id AND r.round = x.round
           WHERE x.answered_at >= $1 AND x.answered_at < $2 AND d.region_code LIKE $3 AND ($4::text IS NULL OR d.level = $4)
         ), rest AS (
           SELECT c.*, row_number() OVER (PARTITION BY c.department_id ORDER BY md5($5 || ':' || c.issue_id || ':' || c.round)) AS k,
             count(*) OVER (PARTITION BY c.department_id) AS n
           FROM cand c WHERE NOT c.refused AND NOT c.bad
         ), picked AS (
           SELECT issue_id, round, enterprise_id, department_id,
             array_remove(ARRAY[CASE WHEN refused THEN 'CANNOT_HANDLE' END, CASE WHEN bad THEN 'BAD_RATING' END], NULL) AS reasons
           FROM cand WHERE refused OR bad
           UNION ALL
           SELECT issue_id, round, enterprise_id, department_id, ARRAY['RANDOM']
           FROM rest WHERE k <= LEAST(n, GREATEST($6::int, round(n * $7::float8)::int))
         )
         INSERT INTO "${this.s}".callback (series_id, issue_id, round, enterprise_id, department_id, reasons)
         SELECT $8, issue_id, round, enterprise_id, department_id, reasons FROM picked
         ON CONFLICT (series_id, issue_id, round) WHERE series_id IS NOT NULL DO NOTHING
         RETURNING id`,
        [
          chinaMidnight(cycle.periodStart),
          chinaMidnight(cycle.periodEnd),
          `${regionPrefix(cycle.regionCode)}%`,
          cycle.level,
          String(sp.seed),
          sp.minPerDepartment,
          sp.share,
          cycle.seriesId,
        ],
      )) as { id: string }[];
      const [{ total }] = (await m.query(
        `SELECT count(*)::int AS total FROM "${this.s}".callback WHERE series_id = $1`,
        [cycle.seriesId],
      )) as [{ total: number }];
      const [fresh] = returned<CycleRow>(
        await m.query(
          `UPDATE "${this.s}".review_cycle SET sampled_at = now() WHERE id = $1 RETURNING ${CYCLE_COLUMNS}`,
          [id],
        ),
      );
      return { cycle: must(fresh), drawn: inserted.length, total };
    });
  }

  async callbacks(
    cycle: CycleRow,
    filter: { status?: 'PENDING' | 'DONE' | null; departmentId?: string | null; reason?: string | null },
    first: number,
    offset: number,
  ): Promise<{ rows: CallbackRow[]; total: number }> {
    const params: unknown[] = [cycle.seriesId];
    const where = ['series_id = $1'];
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    if (filter.departmentId) {
      params.push(filter.departmentId);
      where.push(`department_id = $${params.length}`);
    }
    if (filter.reason) {
      params.push(filter.reason);
      where.push(`$${params.length} = ANY (reasons)`);
    }
    const [{ total }] = (await this.ds.query(
      `SELECT count(*)::int AS total FROM "${this.s}".callback WHERE ${where.join(' AND ')}`,
      params,
    )) as [{ total: number }];
    const rows = (await this.ds.query(
      `SELECT ${CALLBACK_COLUMNS} FROM "${this.s}".callback WHERE ${where.join(' AND ')}
       ORDER BY status DESC, department_id, issue_id, round LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, first, offset],
    )) as (Omit<CallbackRow, 'level'> & { level: number | null })[];
    return { rows: rows.map(toCallback), total };
  }

  /** Records one call. A later recording of the same call replaces it until the cycle is published. */
  async recordCallback(id: string, findings: CallFindings, viewer: Viewer | null): Promise<CallbackRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR], '记录回访');
    checkFindings(findings);
    return this.ds.transaction(async (m) => {
      const [cb] = isUuid(id)
        ? ((await m.query(
            `SELECT series_id FROM "${this.s}".callback WHERE id = $1 AND series_id IS NOT NULL FOR UPDATE`,
            [id],
          )) as { series_id: string }[])
        : [];
      if (!cb) throw notFound('回访', 'callback', id);
      const [open] = (await m.query(
        `SELECT 1 FROM "${this.s}".review_cycle WHERE series_id = $1 AND status IN ('OPEN', 'RUN')`,
        [cb.series_id],
      )) as unknown[];
      if (!open)
        throw new AppError(
          'CYCLE_PUBLISHED',
          '该回访所属的评议周期已发布，回访记录不可更改；如需更正，请创建更正版本',
          'the cycle of this callback is published',
        );
      const [row] = returned<Omit<CallbackRow, 'level'> & { level: number | null }>(
        await m.query(
          `UPDATE "${this.s}".callback SET status = 'DONE', reached = $2, level = $3, solved = $4, matches_record = $5,
             note = $6, called_by = $7, called_at = now() WHERE id = $1 RETURNING ${CALLBACK_COLUMNS}`,
          [
            id,
            findings.reached,
            findings.reached && findings.level ? RATING_VALUE[findings.level] : null,
            findings.reached ? (findings.solved ?? null) : null,
            findings.reached ? (findings.matchesRecord ?? null) : null,
            findings.note?.trim() || null,
            v.sub,
          ],
        ),
      );
      await supersedeCallbacks(m, this.s, must(row).issueId, must(row).round);
      return toCallback(must(row));
    });
  }

  /**
   * 计算: scores every department and cadre in scope from the projection and the feedback, and
   * replaces the cycle's results. Flags keep the disposition they had when the same flag returns.
   */
  async run(id: string, viewer: Viewer | null, now = new Date()): Promise<CycleRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR], '计算评议结果');
    const t0 = Date.now();
    const stages: Record<string, number> = {};
    const passes: Record<string, number> = {};
    let t = Date.now();
    const lap = (name: string) => {
      stages[name] = Date.now() - t;
      t = Date.now();
    };
    const cycle = await this.cycle(id, viewer);
    this.assertStatus(cycle, [CycleStatus.OPEN, CycleStatus.RUN], '计算');
    const scope: AggregateScope = {
      from: chinaMidnight(cycle.periodStart),
      to: chinaMidnight(cycle.periodEnd),
      regionCode: cycle.regionCode,
      level: cycle.level,
      unratedBefore: new Date(now.getTime() - this.config.ratingWindowDays * 86_400_000),
      now,
    };
    // Callbacks change state in bulk (a draw, a day of calls): fresh statistics keep the plans right.
    await this.ds.query(`ANALYZE "${this.s}".callback`);
    lap('analyze');
    // The passes run at the same time, each on a pool connection (PGlite queues them).
    const aggregates = await aggregateCycle(
      // Room to hash a million rows in memory; no JIT (it costs more than it saves here).
      (sql, params) =>
        this.ds.transaction(async (m) => {
          await m.query(`SET LOCAL work_mem = '64MB'`);
          await m.query(`SET LOCAL jit = off`);
          return (await m.query(sql, params)) as unknown[];
        }),
      this.s,
      scope,
      passes,
    );
    lap('aggregate');
    const results: SubjectResult[] = [];
    const pools: Partial<Record<SubjectKind, CyclePool>> = {};
    [SubjectKind.DEPARTMENT, SubjectKind.CADRE].forEach((kind) => {
      const scored = scoreSubjects(kind, aggregates[kind], cycle.weights, cycle.settings);
      results.push(...scored.results);
      pools[kind] = scored.pool;
    });
    lap('score');
    const row = await this.ds.transaction(async (m) => {
      // Locked now: a publication in the meantime wins, and this run is refused.
      await this.locked(m, id, viewer, [CycleStatus.OPEN, CycleStatus.RUN], '计算');
      const old = (await m.query(
        `SELECT subject_kind, subject_id, code, disposition, note, worked_by, worked_at
        FROM "${this.s}".cycle_flag WHERE cycle_id = $1 AND disposition IS NOT NULL`,
        [id],
      )) as {
        subject_kind: string;
        subject_id: string;
        code: string;
        disposition: string;
        note: string | null;
        worked_by: string;
        worked_at: Date;
      }[];
      const kept = new Map(old.map((f) => [`${f.subject_kind}/${f.subject_id}/${f.code}`, f]));
      await m.query(`DELETE FROM "${this.s}".cycle_flag WHERE cycle_id = $1`, [id]);
      await m.query(`DELETE FROM "${this.s}".cycle_result WHERE cycle_id = $1`, [id]);
      for (let i = 0; i < results.length; i += 5000) {
        const chunk = results.slice(i, i + 5000);
        await m.query(
          `INSERT INTO "${this.s}".cycle_result (cycle_id, subject_kind, subject_id, department_id, score, rank, ranked_of, components, flags)
           SELECT $1, kind, subject, dept, score, rank, ranked_of, components, string_to_array(flags_csv, ',')
           FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::numeric[], $6::int[], $7::int[], $8::json[], $9::text[])
             AS t(kind, subject, dept, score, rank, ranked_of, components, flags_csv)`,
          [
            id,
            chunk.map((r) => r.kind),
            chunk.map((r) => r.subjectId),
            chunk.map((r) => r.departmentId),
            chunk.map((r) => r.score),
            chunk.map((r) => r.rank),
            chunk.map((r) => r.rankedOf),
            chunk.map(packResult),
            chunk.map((r) => r.flags.map((f) => f.code).join(',')),
          ],
        );
        const flags = chunk.flatMap((r) =>
          r.flags.map((f) => ({ r, f, k: kept.get(`${r.kind}/${r.subjectId}/${f.code}`) })),
        );
        if (flags.length)
          await m.query(
            `INSERT INTO "${this.s}".cycle_flag (cycle_id, subject_kind, subject_id, code, detail, disposition, note, worked_by, worked_at)
             SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])`,
            [
              id,
              flags.map((x) => x.r.kind),
              flags.map((x) => x.r.subjectId),
              flags.map((x) => x.f.code),
              flags.map((x) => x.f.detail),
              flags.map((x) => x.k?.disposition ?? null),
              flags.map((x) => x.k?.note ?? null),
              flags.map((x) => x.k?.worked_by ?? null),
              flags.map((x) => x.k?.worked_at ?? null),
            ],
          );
      }
      const [fresh] = returned<CycleRow>(
        await m.query(
          `UPDATE "${this.s}".review_cycle SET status = 'RUN', run_at = $2, run_by = $3, run_ms = $4, run_stats = $5
           WHERE id = $1 RETURNING ${CYCLE_COLUMNS}`,
          [id, now, v.sub, Date.now() - t0, JSON.stringify(pools)],
        ),
      );
      return must(fresh);
    });
    lap('write');
    this.lastRunStages = {
      ...stages,
      ...Object.fromEntries(Object.entries(passes).map(([k, v]) => [`  ${k}`, v])),
    };
    this.logger.info({ cycleId: id, ms: Date.now() - t0, stages }, 'review cycle run');
    return row;
  }

  /** 处理预警: an evaluator confirms, dismisses or notes a flag, with a note. */
  async workFlag(
    input: {
      cycleId: string;
      kind: SubjectKind;
      subjectId: string;
      code: FlagCode;
      disposition: 'CONFIRMED' | 'DISMISSED' | 'NOTED';
      note: string;
    },
    viewer: Viewer | null,
  ): Promise<FlagRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR], '处理预警');
    const note = input.note?.trim() ?? '';
    if (note.length < 4 || note.length > 2000)
      throw badInput([
        {
          field: 'note',
          code: 'INVALID_TEXT',
          message: '处理意见应为4至2000个字',
          messageEn: 'note must be 4–2000 characters',
        },
      ]);
    return this.ds.transaction(async (m) => {
      await this.locked(m, input.cycleId, viewer, [CycleStatus.RUN], '处理预警');
      const [row] = returned<FlagRow>(
        await m.query(
          `UPDATE "${this.s}".cycle_flag SET disposition = $5, note = $6, worked_by = $7, worked_at = now()
           WHERE cycle_id = $1 AND subject_kind = $2 AND subject_id = $3 AND code = $4 RETURNING ${FLAG_COLUMNS}`,
          [
            input.cycleId,
            input.kind,
            isUuid(input.subjectId) ? input.subjectId : null,
            input.code,
            input.disposition,
            note,
            v.sub,
          ],
        ),
      );
      if (!row) throw notFound('预警', 'flag', `${input.kind}/${input.subjectId}/${input.code}`);
      return row;
    });
  }

  /**
   * 发布: only a run cycle whose department flags are all worked. The previous published version of
   * the same series becomes SUPERSEDED. From here on nothing of it can change.
   */
  async publish(id: string, viewer: Viewer | null): Promise<CycleRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR], '发布评议结果');
    return this.ds.transaction(async (m) => {
      const cycle = await this.locked(m, id, viewer, [CycleStatus.RUN], '发布（请先计算）');
      const [{ open }] = (await m.query(
        `SELECT count(*)::int AS open FROM "${this.s}".cycle_flag
         WHERE cycle_id = $1 AND subject_kind = 'DEPARTMENT' AND disposition IS NULL AND code <> 'SMALL_SAMPLE'`,
        [id],
      )) as [{ open: number }];
      if (open > 0)
        throw new AppError(
          'FLAGS_UNWORKED',
          `还有${open}条部门预警未处理（满意度虚高、整改超期须逐条确认或排除后才能发布）`,
          `${open} department flags are not worked yet`,
          { open },
        );
      await m.query(
        `UPDATE "${this.s}".review_cycle SET status = 'SUPERSEDED', superseded_at = now()
         WHERE series_id = $1 AND status = 'PUBLISHED' AND id <> $2`,
        [cycle.seriesId, id],
      );
      const [fresh] = returned<CycleRow>(
        await m.query(
          `UPDATE "${this.s}".review_cycle SET status = 'PUBLISHED', published_at = now(), published_by = $2 WHERE id = $1
           RETURNING ${CYCLE_COLUMNS}`,
          [id, v.sub],
        ),
      );
      return must(fresh);
    });
  }

  /** 更正: a new version of a published cycle, with a reason; it is run and published like any cycle. */
  async correct(
    id: string,
    reason: string,
    changes: Pick<OpenCycleInput, 'weights' | 'settings' | 'sampling'> & { name?: string | null },
    viewer: Viewer | null,
  ): Promise<CycleRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR], '更正评议结果');
    const why = reason?.trim() ?? '';
    if (why.length < 10 || why.length > 2000)
      throw badInput([
        {
          field: 'reason',
          code: 'INVALID_TEXT',
          message: '更正理由应为10至2000个字',
          messageEn: 'reason must be 10–2000 characters',
        },
      ]);
    return this.ds.transaction(async (m) => {
      const [base] = isUuid(id)
        ? ((await m.query(`SELECT ${CYCLE_COLUMNS} FROM "${this.s}".review_cycle WHERE id = $1`, [
            id,
          ])) as CycleRow[])
        : [];
      if (!base) throw notFound('评议周期', 'review cycle', id);
      if (base.status !== CycleStatus.PUBLISHED)
        throw new AppError(
          'INVALID_CYCLE_STATE',
          base.status === CycleStatus.SUPERSEDED
            ? '该版本已被更正，请基于最新发布的版本更正'
            : '只有已发布的评议周期才需要更正；未发布的可直接修改后重新计算',
          'only the published version of a cycle can be corrected',
          { status: base.status },
        );
      const [pending] = (await m.query(
        `SELECT id FROM "${this.s}".review_cycle WHERE series_id = $1 AND status IN ('OPEN', 'RUN')`,
        [base.seriesId],
      )) as { id: string }[];
      if (pending)
        throw new AppError(
          'CORRECTION_PENDING',
          '该评议周期已有未发布的更正版本',
          'a correction of this cycle is in progress',
          {
            cycleId: pending.id,
          },
        );
      const checked = this.checkInput(
        {
          name: changes.name ?? base.name,
          period: base.periodLabel,
          regionCode: base.regionCode,
          level: base.level,
          weights: changes.weights,
          settings: changes.settings,
          sampling: changes.sampling,
        },
        base,
      );
      const [row] = (await m.query(
        `INSERT INTO "${this.s}".review_cycle (series_id, version, corrects_id, correction_reason, name, period_label,
           period_start, period_end, region_code, level, weights, settings, sampling, created_by, sampled_at)
         SELECT series_id, (SELECT max(version) + 1 FROM "${this.s}".review_cycle WHERE series_id = $1), id, $2, $3,
           period_label, period_start, period_end, region_code, level, $4, $5, $6, $7, sampled_at
         FROM "${this.s}".review_cycle WHERE id = $8
         RETURNING ${CYCLE_COLUMNS}`,
        [
          base.seriesId,
          why,
          checked.name,
          JSON.stringify(checked.weights),
          JSON.stringify(checked.settings),
          JSON.stringify(checked.sampling),
          v.sub,
          id,
        ],
      )) as CycleRow[];
      return must(row);
    });
  }

  async callbacksByIds(ids: readonly string[]): Promise<CallbackRow[]> {
    const rows = (await this.ds.query(
      `SELECT ${CALLBACK_COLUMNS} FROM "${this.s}".callback WHERE id = ANY ($1::uuid[])`,
      [ids.filter(isUuid)],
    )) as (Omit<CallbackRow, 'level'> & { level: number | null })[];
    return rows.map(toCallback);
  }

  regionName(code: string): string | null {
    return this.regionNames.get(code) ?? null;
  }

  /** Names of departments (for reports); cadres are named by the cadres subgraph. */
  async departmentNames(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = (await this.ds.query(
      `SELECT id, name FROM "${this.s}".department WHERE id = ANY ($1::uuid[])`,
      [ids.filter(isUuid)],
    )) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Mean score of every published cycle with the same region and level, oldest first, with each subject's score. */
  async trend(
    cycle: CycleRow,
    kind: SubjectKind,
    limit = 8,
  ): Promise<
    { label: string; cycleId: string; mean: number | null; bySubject: Record<string, number | null> }[]
  > {
    const rows = (await this.ds.query(
      `SELECT c.id, c.period_label AS label, c.period_start, avg(r.score)::float8 AS mean,
         jsonb_object_agg(r.subject_id, r.score) FILTER (WHERE r.subject_id IS NOT NULL) AS by_subject
       FROM "${this.s}".review_cycle c LEFT JOIN "${this.s}".cycle_result r ON r.cycle_id = c.id AND r.subject_kind = $4
       WHERE c.region_code = $1 AND c.level IS NOT DISTINCT FROM $2 AND c.period_start <= $3::date
         AND (c.status = 'PUBLISHED' OR c.id = $5)
       GROUP BY c.id ORDER BY c.period_start DESC, c.id = $5 DESC LIMIT $6`,
      [cycle.regionCode, cycle.level, cycle.periodStart, kind, cycle.id, limit],
    )) as {
      id: string;
      label: string;
      mean: number | null;
      by_subject: Record<string, number | string | null> | null;
    }[];
    // One point per period: this cycle for its own period, the published one for the others.
    const seen = new Set<string>();
    const points = [];
    for (const r of rows) {
      if (seen.has(r.label)) continue;
      seen.add(r.label);
      const by: Record<string, number | null> = {};
      for (const [k, v] of Object.entries(r.by_subject ?? {})) by[k] = v === null ? null : Number(v);
      points.push({
        label: r.label,
        cycleId: r.id,
        mean: r.mean !== null ? Math.round(r.mean * 100) / 100 : null,
        bySubject: by,
      });
    }
    return points.reverse();
  }
}

function stripNulls<T extends object>(o: T | null | undefined): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

function toCallback(r: Omit<CallbackRow, 'level'> & { level: number | null }): CallbackRow {
  return { ...r, level: r.level === null ? null : (RATING_OF_VALUE[r.level] ?? null) };
}
