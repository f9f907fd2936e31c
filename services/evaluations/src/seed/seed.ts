import type { DataSource, EntityManager } from 'typeorm';
import { bulkInsert, type BulkColumn } from '@sfw/subgraph-kit';
import type { WorkCalendar } from '@sfw/workdays';
import {
  generateDemoEvaluations,
  luqiaoDepartmentOf,
  summarizeDemoEvaluations,
  type AnswerOutcome,
  type DemoEvaluationsSummary,
  type DemoObserverReview,
  type DemoRating,
  type DemoRatingAppeal,
  type DemoRectification,
  type SeedAnswer,
  type SeedEvaluationDepartment,
} from './demo-evaluations';

export interface SeedDemoEvaluationsOptions {
  /** Nothing is written as happening after this instant (default: the current time). */
  now?: Date;
  /**
   * The department that plays the Luqiao pattern (the issues seed reports it). Default: the active
   * county department of 路桥区 whose code sorts first; null: none.
   */
  luqiaoDepartmentId?: string | null;
  seed?: number;
}

export type SeedEvaluationsReport = DemoEvaluationsSummary;

/** Rows per INSERT statement. */
const CHUNK = 1000;

/**
 * Write the demo feedback for the answered rounds of the projection — ratings, rectification
 * tasks, rating appeals and observer reviews — in one transaction, with bulk INSERTs of up to
 * 1000 rows. Runs only when there are no ratings yet (returns null otherwise, writing nothing);
 * writes nothing and reports zeros while the `answer` projection is still empty.
 */
export async function seedDemoEvaluations(
  ds: DataSource,
  schema: string,
  calendar: WorkCalendar,
  options: SeedDemoEvaluationsOptions = {},
): Promise<SeedEvaluationsReport | null> {
  const now = options.now ?? new Date();
  // Everything through `m`: embedded PGlite has a single connection.
  return ds.transaction(async (m) => {
    const [existing] = (await m.query(`SELECT EXISTS (SELECT 1 FROM "${schema}".rating) AS seeded`)) as {
      seeded: boolean;
    }[];
    if (existing?.seeded) return null;
    const answers = await readAnswers(m, schema);
    if (!answers.length)
      return { ratings: 0, rectifications: 0, appeals: 0, observerReviews: 0, luqiaoDepartmentId: null };
    const departments = await readDepartments(m, schema);
    const luqiaoDepartmentId =
      options.luqiaoDepartmentId === undefined ? luqiaoDepartmentOf(departments) : options.luqiaoDepartmentId;
    const out = generateDemoEvaluations(
      { answers, departments, luqiaoDepartmentId },
      { now, seed: options.seed, calendar },
    );
    const t = (name: string): string => `"${schema}".${name}`;
    await bulkInsert(m, t('rating'), RATING_COLUMNS, out.ratings, CHUNK);
    await bulkInsert(m, t('rectification'), RECTIFICATION_COLUMNS, out.rectifications, CHUNK);
    await bulkInsert(m, t('rating_appeal'), APPEAL_COLUMNS, out.appeals, CHUNK);
    await bulkInsert(m, t('observer_review'), OBSERVER_COLUMNS, out.observerReviews, CHUNK);
    return summarizeDemoEvaluations(out);
  });
}

async function readAnswers(m: EntityManager, s: string): Promise<SeedAnswer[]> {
  const rows = (await m.query(
    `SELECT issue_id, round, enterprise_id, department_id, region_code, level, outcome, answered_at, workdays,
            on_time, upheld, reopened
       FROM "${s}".answer ORDER BY answered_at, issue_id, round`,
  )) as {
    issue_id: string;
    round: number | string;
    enterprise_id: string;
    department_id: string | null;
    region_code: string;
    level: string;
    outcome: AnswerOutcome;
    answered_at: Date | string;
    workdays: number | string;
    on_time: boolean;
    upheld: boolean;
    reopened: boolean;
  }[];
  return rows.map((r) => ({
    issueId: r.issue_id,
    round: Number(r.round),
    enterpriseId: r.enterprise_id,
    departmentId: r.department_id,
    regionCode: r.region_code,
    level: r.level,
    outcome: r.outcome,
    answeredAt: new Date(r.answered_at),
    workdays: Number(r.workdays),
    onTime: r.on_time,
    upheld: r.upheld,
    reopened: r.reopened,
  }));
}

async function readDepartments(m: EntityManager, s: string): Promise<SeedEvaluationDepartment[]> {
  return (await m.query(
    `SELECT id, code, name, short_name AS "shortName", level, region_code AS "regionCode", active
       FROM "${s}".department ORDER BY code, id`,
  )) as SeedEvaluationDepartment[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const RATING_COLUMNS: readonly BulkColumn<DemoRating>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'issue_id', type: 'uuid', value: (r) => r.issueId },
  { name: 'round', type: 'int', value: (r) => r.round },
  { name: 'enterprise_id', type: 'uuid', value: (r) => r.enterpriseId },
  { name: 'department_id', type: 'uuid', value: (r) => r.departmentId },
  { name: 'region_code', type: 'text', value: (r) => r.regionCode },
  { name: 'answered_at', type: 'timestamptz', value: (r) => iso(r.answeredAt) },
  { name: 'level', type: 'smallint', value: (r) => r.level },
  { name: 'timeliness', type: 'smallint', value: (r) => r.timeliness },
  { name: 'attitude', type: 'smallint', value: (r) => r.attitude },
  { name: 'result', type: 'smallint', value: (r) => r.result },
  { name: 'comment', type: 'text', value: (r) => r.comment },
  { name: 'rated_by', type: 'text', value: (r) => r.ratedBy },
  { name: 'rated_at', type: 'timestamptz', value: (r) => iso(r.ratedAt) },
  { name: 'status', type: 'text', value: (r) => r.status },
];

const RECTIFICATION_COLUMNS: readonly BulkColumn<DemoRectification>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'rating_id', type: 'uuid', value: (r) => r.ratingId },
  { name: 'issue_id', type: 'uuid', value: (r) => r.issueId },
  { name: 'round', type: 'int', value: (r) => r.round },
  { name: 'department_id', type: 'uuid', value: (r) => r.departmentId },
  { name: 'status', type: 'text', value: (r) => r.status },
  { name: 'opened_at', type: 'timestamptz', value: (r) => iso(r.openedAt) },
  { name: 'verify_due', type: 'timestamptz', value: (r) => iso(r.verifyDue) },
  { name: 'rectify_due', type: 'timestamptz', value: (r) => iso(r.rectifyDue) },
  { name: 'verified_at', type: 'timestamptz', value: (r) => iso(r.verifiedAt) },
  { name: 'verified_by', type: 'text', value: (r) => r.verifiedBy },
  { name: 'verification', type: 'text', value: (r) => r.verification },
  { name: 'reported_at', type: 'timestamptz', value: (r) => iso(r.reportedAt) },
  { name: 'reported_by', type: 'text', value: (r) => r.reportedBy },
  { name: 'report', type: 'text', value: (r) => r.report },
  { name: 'closed_at', type: 'timestamptz', value: (r) => iso(r.closedAt) },
  { name: 'outcome', type: 'text', value: (r) => r.outcome },
  { name: 'callback_id', type: 'uuid', value: (r) => r.callbackId },
];

const APPEAL_COLUMNS: readonly BulkColumn<DemoRatingAppeal>[] = [
  { name: 'id', type: 'uuid', value: (a) => a.id },
  { name: 'rating_id', type: 'uuid', value: (a) => a.ratingId },
  { name: 'department_id', type: 'uuid', value: (a) => a.departmentId },
  { name: 'grounds', type: 'text', value: (a) => a.grounds },
  { name: 'reason', type: 'text', value: (a) => a.reason },
  { name: 'filed_by', type: 'text', value: (a) => a.filedBy },
  { name: 'filed_at', type: 'timestamptz', value: (a) => iso(a.filedAt) },
  { name: 'decision', type: 'text', value: (a) => a.decision },
  { name: 'decided_by', type: 'text', value: (a) => a.decidedBy },
  { name: 'decided_at', type: 'timestamptz', value: (a) => iso(a.decidedAt) },
  { name: 'decision_note', type: 'text', value: (a) => a.decisionNote },
];

const OBSERVER_COLUMNS: readonly BulkColumn<DemoObserverReview>[] = [
  { name: 'id', type: 'uuid', value: (o) => o.id },
  { name: 'department_id', type: 'uuid', value: (o) => o.departmentId },
  { name: 'observer_name', type: 'text', value: (o) => o.observerName },
  { name: 'observer_kind', type: 'text', value: (o) => o.observerKind },
  { name: 'reviewed_on', type: 'date', value: (o) => o.reviewedOn },
  { name: 'findings', type: 'text', value: (o) => o.findings },
  { name: 'verdict', type: 'text', value: (o) => o.verdict },
  { name: 'recorded_by', type: 'text', value: (o) => o.recordedBy },
  { name: 'recorded_at', type: 'timestamptz', value: (o) => iso(o.recordedAt) },
];
