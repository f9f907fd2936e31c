import type { DataSource, EntityManager } from 'typeorm';
import { bulkInsert, type BulkColumn, type Outbox } from '@sfw/subgraph-kit';
import { todayInChina, type WorkCalendar } from '@sfw/workdays';
import {
  generateIssueChunks,
  luqiaoPatternDepartment,
  summarizeDemoIssues,
  type DemoDomainEvent,
  type DemoIssue,
  type DemoIssuesInput,
  type DemoIssuesSummary,
  type DemoRefusal,
  type DemoReview,
  type IssueEventType,
  type SeedDeadlineRule,
  type SeedIssueDepartment,
} from './demo-issues';

export interface SeedDemoIssuesOptions {
  /** YYYY-MM-DD (default: today in China). */
  today?: string;
  /** Appeals to write (default: 0.96 per enterprise of the projection). */
  count?: number;
  seed?: number;
  /** Appeals per batch of INSERTs (default 1000). */
  chunkSize?: number;
  /** The enterprise the demo enterprise user acts for. */
  demoEnterpriseId?: string;
  /** Use these instead of reading the projections (enterprise, department, visit, cadre_pairing). */
  input?: DemoIssuesInput;
}

export type SeedIssuesReport = DemoIssuesSummary & {
  /** The department that plays the Luqiao pattern (most answers "cannot handle"), if any. */
  luqiaoDepartmentId: string | null;
};

/**
 * Write a year of demo appeals — rows, timelines, pauses, refusals and sign-offs, reviews, and the
 * domain events other services project — in one transaction, with bulk INSERTs of ~1000 appeals
 * at a time. Runs only when there are no appeals yet (returns null otherwise); needs the
 * enterprise and department projections (returns an empty report, writing nothing, without them).
 */
export async function seedDemoIssues(
  ds: DataSource,
  s: string,
  outbox: Outbox,
  calendar: WorkCalendar,
  options: SeedDemoIssuesOptions = {},
): Promise<SeedIssuesReport | null> {
  // Everything through `m`: embedded PGlite has a single connection.
  return ds.transaction(async (m) => {
    const [existing] = (await m.query(`SELECT EXISTS (SELECT 1 FROM "${s}".issue) AS seeded`)) as {
      seeded: boolean;
    }[];
    if (existing?.seeded) return null;
    const input = options.input ?? (await readProjections(m, s));
    const report: SeedIssuesReport = {
      issues: 0,
      open: 0,
      overdue: 0,
      refusals: 0,
      reviews: 0,
      escalated: 0,
      reopened: 0,
      luqiaoDepartmentId: luqiaoPatternDepartment(input.departments),
    };
    if (!input.enterprises.length || !input.departments.length) return report;
    const chunks = generateIssueChunks(input, {
      today: options.today ?? todayInChina(),
      count: options.count,
      seed: options.seed,
      calendar,
      rules: await readRules(m, s),
      demoEnterpriseId: options.demoEnterpriseId,
      chunkSize: options.chunkSize ?? 1000,
    });
    for (const chunk of chunks) {
      await writeIssues(m, s, outbox, chunk);
      summarizeDemoIssues(chunk, report);
    }
    // Numbers were handed out 1..n in submission order; the next submitted appeal gets n + 1.
    if (report.issues > 0) await m.query(`SELECT setval('"${s}".issue_no_seq', $1)`, [report.issues]);
    return report;
  });
}

/** The projections, read straight into the generator's shape (a million visits are not copied twice). */
async function readProjections(m: EntityManager, s: string): Promise<DemoIssuesInput> {
  const enterprises = (await m.query(
    `SELECT id, name, region_code AS "regionCode" FROM "${s}".enterprise ORDER BY id`,
  )) as DemoIssuesInput['enterprises'];
  const departments = (await m.query(
    `SELECT id, code, name, short_name AS "shortName", level, region_code AS "regionCode", domains, members
       FROM "${s}".department WHERE active ORDER BY id`,
  )) as (Omit<SeedIssueDepartment, 'members'> & { members: SeedIssueDepartment['members'] | string })[];
  const visits = (await m.query(
    `SELECT id, enterprise_id AS "enterpriseId", cadre_id AS "cadreId", visited_on::text AS "visitedOn"
       FROM "${s}".visit ORDER BY id`,
  )) as DemoIssuesInput['visits'];
  const pairings = (await m.query(
    `SELECT cadre_id AS "cadreId", enterprise_id AS "enterpriseId" FROM "${s}".cadre_pairing
      WHERE NOT ended ORDER BY pairing_id`,
  )) as DemoIssuesInput['pairings'];
  return {
    enterprises,
    departments: departments.map((d) => ({
      ...d,
      members:
        typeof d.members === 'string' ? (JSON.parse(d.members) as SeedIssueDepartment['members']) : d.members,
    })),
    visits,
    pairings,
  };
}

async function readRules(m: EntityManager, s: string): Promise<SeedDeadlineRule[]> {
  const rows = (await m.query(
    `SELECT region_prefix, category, first_response_hours, plan_days, feedback_days, close_days
       FROM "${s}".deadline_rule`,
  )) as {
    region_prefix: string;
    category: string;
    first_response_hours: number;
    plan_days: number;
    feedback_days: number;
    close_days: number;
  }[];
  return rows.map((r) => ({
    regionPrefix: r.region_prefix,
    category: r.category,
    firstResponseHours: Number(r.first_response_hours),
    planDays: Number(r.plan_days),
    feedbackDays: Number(r.feedback_days),
    closeDays: Number(r.close_days),
  }));
}

// ---------------------------------------------------------------------------
// Columns of the bulk INSERTs: one statement per table and chunk
// ---------------------------------------------------------------------------

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
/** Separator for text[] values sent as one string (never in appeal text, ids or bigrams). */
const US = '\u001f';
const array = (name: string, cast = ''): string => `string_to_array(t."${name}", chr(31))${cast}`;

const ISSUE_COLUMNS: readonly BulkColumn<DemoIssue>[] = [
  { name: 'id', type: 'uuid', value: (i) => i.row.id },
  { name: 'no', type: 'text', value: (i) => i.row.no },
  { name: 'enterprise_id', type: 'uuid', value: (i) => i.row.enterpriseId },
  { name: 'region_code', type: 'text', value: (i) => i.row.regionCode },
  { name: 'source', type: 'text', value: (i) => i.row.source },
  { name: 'visit_id', type: 'uuid', value: (i) => i.row.visitId },
  { name: 'title', type: 'text', value: (i) => i.row.title },
  { name: 'description', type: 'text', value: (i) => i.row.description },
  { name: 'categories', type: 'text', value: (i) => i.row.categories.join(US), expr: array('categories') },
  { name: 'scope', type: 'text', value: (i) => i.row.scope },
  { name: 'level', type: 'text', value: (i) => i.row.level },
  { name: 'difficult', type: 'boolean', value: (i) => i.row.difficult },
  { name: 'status', type: 'text', value: (i) => i.row.status },
  { name: 'round', type: 'int', value: (i) => i.row.round },
  { name: 'submitted_by', type: 'text', value: (i) => i.row.submittedBy },
  { name: 'submitted_at', type: 'timestamptz', value: (i) => iso(i.row.submittedAt) },
  { name: 'first_response_due', type: 'timestamptz', value: (i) => iso(i.row.firstResponseDue) },
  { name: 'accepted_at', type: 'timestamptz', value: (i) => iso(i.row.acceptedAt) },
  { name: 'first_responder', type: 'text', value: (i) => i.row.firstResponder },
  { name: 'first_responder_name', type: 'text', value: (i) => i.row.firstResponderName },
  { name: 'lead_department_id', type: 'uuid', value: (i) => i.row.leadDepartmentId },
  {
    name: 'co_department_ids',
    type: 'text',
    value: (i) => i.row.coDepartmentIds.join(US),
    expr: array('co_department_ids', '::uuid[]'),
  },
  { name: 'handler', type: 'text', value: (i) => i.row.handler },
  { name: 'task_force_id', type: 'uuid', value: (i) => i.row.taskForceId },
  { name: 'assigned_at', type: 'timestamptz', value: (i) => iso(i.row.assignedAt) },
  { name: 'plan_due', type: 'timestamptz', value: (i) => iso(i.row.planDue) },
  { name: 'feedback_due', type: 'timestamptz', value: (i) => iso(i.row.feedbackDue) },
  { name: 'close_due', type: 'timestamptz', value: (i) => iso(i.row.closeDue) },
  { name: 'plan', type: 'text', value: (i) => i.row.plan },
  { name: 'plan_at', type: 'timestamptz', value: (i) => iso(i.row.planAt) },
  { name: 'feedback_at', type: 'timestamptz', value: (i) => iso(i.row.feedbackAt) },
  { name: 'paused_since', type: 'timestamptz', value: (i) => iso(i.row.pausedSince) },
  { name: 'outcome', type: 'text', value: (i) => i.row.outcome },
  { name: 'answer', type: 'text', value: (i) => i.row.answer },
  { name: 'answered_at', type: 'timestamptz', value: (i) => iso(i.row.answeredAt) },
  { name: 'confirmed_at', type: 'timestamptz', value: (i) => iso(i.row.confirmedAt) },
  { name: 'closed_at', type: 'timestamptz', value: (i) => iso(i.row.closedAt) },
  { name: 'reopen_count', type: 'int', value: (i) => i.row.reopenCount },
  { name: 'escalation_count', type: 'int', value: (i) => i.row.escalationCount },
  { name: 'merged_into_id', type: 'uuid', value: (i) => i.row.mergedIntoId },
  {
    name: 'text_signature',
    type: 'text',
    value: (i) => i.row.textSignature.join(US),
    expr: array('text_signature'),
  },
  { name: 'version', type: 'int', value: (i) => i.row.version },
  { name: 'updated_at', type: 'timestamptz', value: (i) => iso(i.row.updatedAt) },
];

type EventRow = DemoIssue['timeline'][number] & { issueId: string };
const EVENT_COLUMNS: readonly BulkColumn<EventRow>[] = [
  { name: 'issue_id', type: 'uuid', value: (e) => e.issueId },
  { name: 'at', type: 'timestamptz', value: (e) => iso(e.at) },
  { name: 'actor', type: 'text', value: (e) => e.actor },
  { name: 'actor_name', type: 'text', value: (e) => e.actorName },
  { name: 'actor_roles', type: 'text', value: (e) => e.actorRoles.join(US), expr: array('actor_roles') },
  { name: 'action', type: 'text', value: (e) => e.action },
  { name: 'from_status', type: 'text', value: (e) => e.fromStatus },
  { name: 'to_status', type: 'text', value: (e) => e.toStatus },
  { name: 'note', type: 'text', value: (e) => e.note },
  { name: 'data', type: 'jsonb', value: (e) => JSON.stringify(e.data) },
];

type PauseRow = DemoIssue['pauses'][number] & { issueId: string };
const PAUSE_COLUMNS: readonly BulkColumn<PauseRow>[] = [
  { name: 'issue_id', type: 'uuid', value: (p) => p.issueId },
  { name: 'paused_at', type: 'timestamptz', value: (p) => iso(p.pausedAt) },
  { name: 'resumed_at', type: 'timestamptz', value: (p) => iso(p.resumedAt) },
];

type RefusalRow = DemoRefusal & { issueId: string };
const REFUSAL_COLUMNS: readonly BulkColumn<RefusalRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'issue_id', type: 'uuid', value: (r) => r.issueId },
  { name: 'round', type: 'int', value: (r) => r.round },
  { name: 'department_id', type: 'uuid', value: (r) => r.departmentId },
  { name: 'reason', type: 'text', value: (r) => r.reason },
  { name: 'basis', type: 'text', value: (r) => r.basis },
  { name: 'status', type: 'text', value: (r) => r.status },
  { name: 'next_role', type: 'text', value: (r) => r.nextRole },
  { name: 'proposed_by', type: 'text', value: (r) => r.proposedBy },
  { name: 'proposed_at', type: 'timestamptz', value: (r) => iso(r.proposedAt) },
  { name: 'decided_at', type: 'timestamptz', value: (r) => iso(r.decidedAt) },
];

type SignOffRow = DemoRefusal['signoffs'][number] & { refusalId: string };
const SIGNOFF_COLUMNS: readonly BulkColumn<SignOffRow>[] = [
  { name: 'refusal_id', type: 'uuid', value: (x) => x.refusalId },
  { name: 'role', type: 'text', value: (x) => x.role },
  { name: 'signer', type: 'text', value: (x) => x.signer },
  { name: 'signer_name', type: 'text', value: (x) => x.signerName },
  { name: 'decision', type: 'text', value: (x) => x.decision },
  { name: 'note', type: 'text', value: (x) => x.note },
  { name: 'at', type: 'timestamptz', value: (x) => iso(x.at) },
];

type ReviewRow = DemoReview & { issueId: string };
const REVIEW_COLUMNS: readonly BulkColumn<ReviewRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'issue_id', type: 'uuid', value: (r) => r.issueId },
  { name: 'refusal_id', type: 'uuid', value: (r) => r.refusalId },
  { name: 'requested_by', type: 'text', value: (r) => r.requestedBy },
  { name: 'requested_at', type: 'timestamptz', value: (r) => iso(r.requestedAt) },
  { name: 'request_reason', type: 'text', value: (r) => r.requestReason },
  { name: 'hearing_on', type: 'date', value: (r) => r.hearingOn },
  { name: 'panel', type: 'text', value: (r) => r.panel.join(US), expr: array('panel') },
  { name: 'record', type: 'text', value: (r) => r.record },
  { name: 'decision', type: 'text', value: (r) => r.decision },
  { name: 'decided_by', type: 'text', value: (r) => r.decidedBy },
  { name: 'decided_at', type: 'timestamptz', value: (r) => iso(r.decidedAt) },
];

/** One chunk of appeals: every table, then the outbox. */
export async function writeIssues(
  m: EntityManager,
  s: string,
  outbox: Outbox,
  chunk: readonly DemoIssue[],
): Promise<void> {
  const t = (name: string) => `"${s}".${name}`;
  await bulkInsert(m, t('issue'), ISSUE_COLUMNS, chunk);
  await bulkInsert(
    m,
    t('issue_event'),
    EVENT_COLUMNS,
    chunk.flatMap((i) => i.timeline.map((e) => ({ ...e, issueId: i.row.id }))),
  );
  await bulkInsert(
    m,
    t('issue_pause'),
    PAUSE_COLUMNS,
    chunk.flatMap((i) => i.pauses.map((p) => ({ ...p, issueId: i.row.id }))),
  );
  const refusals = chunk.flatMap((i) => i.refusals.map((r) => ({ ...r, issueId: i.row.id })));
  await bulkInsert(m, t('refusal'), REFUSAL_COLUMNS, refusals);
  await bulkInsert(
    m,
    t('refusal_signoff'),
    SIGNOFF_COLUMNS,
    refusals.flatMap((r) => r.signoffs.map((x) => ({ ...x, refusalId: r.id }))),
  );
  await bulkInsert(
    m,
    t('review_case'),
    REVIEW_COLUMNS,
    chunk.flatMap((i) => i.reviews.map((r) => ({ ...r, issueId: i.row.id }))),
  );
  await writeEvents(m, outbox, chunk);
}

/**
 * The domain events in waves: the k-th event of every appeal, one statement per type, so each
 * appeal's events keep their order in the outbox (a consumer never sees IssueClosed before IssueSubmitted).
 */
async function writeEvents(m: EntityManager, outbox: Outbox, chunk: readonly DemoIssue[]): Promise<void> {
  const waves = chunk.reduce((n, i) => Math.max(n, i.events.length), 0);
  for (let k = 0; k < waves; k++) {
    const byType = new Map<IssueEventType, { aggregate: { type: string; id: string }; payload: unknown }[]>();
    for (const i of chunk) {
      const e: DemoDomainEvent | undefined = i.events[k];
      if (!e) continue;
      let list = byType.get(e.type);
      if (!list) byType.set(e.type, (list = []));
      list.push({ aggregate: { type: 'Issue', id: i.row.id }, payload: e.payload });
    }
    // Each list holds only payloads of its own type (grouped by e.type above).
    for (const [type, items] of byType) await outbox.addMany(m, type, items as never);
  }
}
