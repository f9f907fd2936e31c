import type { DataSource } from 'typeorm';
import {
  regionPrefix,
  type AdministrativeLevel,
  type ProblemDomain,
  type SignOffRole,
  type Viewer,
} from '@sfw/shared-types';
import {
  badInput,
  checkInput,
  decodeCursor,
  divisionProblem,
  encodeCursor,
  groupByKeys,
  isStaff,
  isUuid,
} from '@sfw/subgraph-kit';
import type { WorkCalendar } from '@sfw/workdays';
import { issueScopeSql } from './access';
import {
  ACTION_LABELS,
  entryForEnterprise,
  IssueStatus,
  publicStatus,
  OPEN_STATUSES,
  type IssueAction,
} from './lifecycle';
import { ISSUE_COLUMNS, toIssue, type IssueRow } from './rows';
import { EntryAudience, type Issue, type Refusal, type ReviewCase, type TimelineEntry } from './issue.types';

export interface IssueFilterValues {
  statuses?: IssueStatus[] | null;
  open?: boolean | null;
  enterpriseId?: string | null;
  departmentId?: string | null;
  regionCode?: string | null;
  level?: AdministrativeLevel | null;
  category?: ProblemDomain | null;
  /** Past their close due date (the clock of a paused appeal is stopped: not overdue while paused). */
  overdue?: boolean | null;
  /** Open and due within this many working days from now. */
  dueWithinWorkdays?: number | null;
  /** Escalated at least once (the receiving level's queue). */
  escalated?: boolean | null;
  search?: string | null;
}

export interface Workload {
  open: number;
  overdue: number;
  dueSoon: number;
  refusalsPending: number;
  answeredThisMonth: number;
}

/** Reading appeals: lists, queues, batches for the fields added to other entities. */
export class IssueQueryService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly calendar: WorkCalendar,
  ) {}

  cursorOf(issue: Issue): string {
    return encodeCursor('issue', issue.submittedAt.toISOString(), issue.id);
  }

  private where(filter: IssueFilterValues, viewer: Viewer | null, params: unknown[], now: Date): string[] {
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.regionCode) checkInput(divisionProblem('filter.regionCode', filter.regionCode));
    const where = [issueScopeSql(this.s, viewer, params)];
    if (filter.statuses?.length) {
      // The enterprise filters by the status it sees: a refusal awaiting sign-off is 办理中 to it.
      // (REFUSAL_PENDING is no status it can see, so it matches nothing).
      const statuses = isStaff(viewer)
        ? filter.statuses
        : filter.statuses
            .filter((st) => publicStatus(st) === st)
            .flatMap((st) => (st === IssueStatus.IN_PROGRESS ? [st, IssueStatus.REFUSAL_PENDING] : [st]));
      where.push(`i.status = ANY(${p(statuses)}::text[])`);
    }
    if (filter.open === true) where.push(`i.status = ANY(${p(OPEN_STATUSES)}::text[])`);
    if (filter.open === false) where.push(`NOT (i.status = ANY(${p(OPEN_STATUSES)}::text[]))`);
    if (filter.enterpriseId)
      where.push(isUuid(filter.enterpriseId) ? `i.enterprise_id = ${p(filter.enterpriseId)}` : 'FALSE');
    if (filter.departmentId) {
      if (!isUuid(filter.departmentId)) where.push('FALSE');
      else {
        const d = p(filter.departmentId);
        where.push(`(i.lead_department_id = ${d} OR ${d}::uuid = ANY (i.co_department_ids))`);
      }
    }
    if (filter.regionCode) where.push(`i.region_code LIKE ${p(`${regionPrefix(filter.regionCode)}%`)}`);
    if (filter.level) where.push(`i.level = ${p(filter.level)}`);
    if (filter.category) where.push(`${p(filter.category)} = ANY (i.categories)`);
    if (filter.escalated) where.push('i.escalation_count > 0');
    if (filter.overdue)
      where.push(
        `i.status = ANY(${p(OPEN_STATUSES)}::text[]) AND i.paused_since IS NULL AND (i.close_due < ${p(now)} OR (i.status = 'SUBMITTED' AND i.first_response_due < ${p(now)}))`,
      );
    if (filter.dueWithinWorkdays != null) {
      if (
        !Number.isInteger(filter.dueWithinWorkdays) ||
        filter.dueWithinWorkdays < 0 ||
        filter.dueWithinWorkdays > 60
      )
        throw badInput([
          {
            field: 'filter.dueWithinWorkdays',
            code: 'INVALID_DAYS',
            message: '工作日数应为0–60',
            messageEn: '0 to 60 working days',
          },
        ]);
      where.push(
        `i.status = ANY(${p(OPEN_STATUSES)}::text[]) AND i.close_due >= ${p(now)} AND i.close_due <= ${p(this.calendar.deadline(now, filter.dueWithinWorkdays))}`,
      );
    }
    if (filter.search?.trim()) {
      const q = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(i.title LIKE ${p(q)} OR i.no = ${p(filter.search.trim().toUpperCase())})`);
    }
    return where;
  }

  async list(
    filter: IssueFilterValues,
    first: number,
    after: string | null,
    viewer: Viewer | null,
    withCount: boolean,
    now = new Date(),
  ): Promise<{ rows: Issue[]; hasNextPage: boolean; totalCount: number | null }> {
    if (!Number.isInteger(first) || first < 0 || first > 100)
      throw badInput([
        {
          field: 'first',
          code: 'INVALID_PAGE_SIZE',
          message: '每页条数应为0–100',
          messageEn: 'first must be 0 to 100',
        },
      ]);
    const params: unknown[] = [];
    const where = this.where(filter, viewer, params, now);
    const countParams = [...params];
    const countWhere = [...where];
    if (after) {
      const c = decodeCursor(after, 'issue');
      params.push(c.k, c.id);
      where.push(`(i.submitted_at, i.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const [rows, count] = await Promise.all([
      this.ds.query(
        `SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE ${where.join(' AND ')}
          ORDER BY i.submitted_at DESC, i.id DESC LIMIT ${first + 1}`,
        params,
      ) as Promise<IssueRow[]>,
      withCount
        ? (this.ds.query(
            `SELECT count(*)::int AS n FROM "${this.s}".issue i WHERE ${countWhere.join(' AND ')}`,
            countParams,
          ) as Promise<{ n: number }[]>)
        : Promise.resolve(null),
    ]);
    return {
      rows: rows.slice(0, first).map(toIssue),
      hasNextPage: rows.length > first,
      totalCount: count ? (count[0]?.n ?? 0) : null,
    };
  }

  /** The latest appeals of many keys at once (enterprise, department, visit or cadre). */
  async byKeys(
    kind: 'enterprise' | 'department' | 'visit' | 'cadre',
    keys: readonly string[],
    limit: number,
    openOnly: boolean,
    viewer: Viewer | null,
  ): Promise<Issue[][]> {
    const valid = keys.filter(isUuid);
    if (!valid.length) return keys.map(() => []);
    const params: unknown[] = [valid];
    const scope = issueScopeSql(this.s, viewer, params);
    const open = openOnly ? `AND i.status = ANY($${params.push(OPEN_STATUSES)}::text[])` : '';
    const match = {
      enterprise: 'i.enterprise_id = k.id',
      department: '(i.lead_department_id = k.id OR k.id = ANY (i.co_department_ids))',
      visit: 'i.visit_id = k.id',
      cadre: `i.enterprise_id IN (SELECT enterprise_id FROM "${this.s}".cadre_pairing WHERE cadre_id = k.id AND NOT ended)`,
    }[kind];
    const rows: (IssueRow & { key: string })[] = await this.ds.query(
      `SELECT k.id AS key, x.* FROM unnest($1::uuid[]) AS k(id)
        CROSS JOIN LATERAL (
          SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE ${match} AND ${scope} ${open}
           ORDER BY i.submitted_at DESC, i.id DESC LIMIT ${limit}
        ) x`,
      params,
    );
    return groupByKeys(keys, rows, (r) => r.key).map((list) => list.map(toIssue));
  }

  /** Open work per department: open, overdue, due within 2 working days, refusals awaiting sign-off. */
  async workload(departmentIds: readonly string[], now = new Date()): Promise<Workload[]> {
    const valid = departmentIds.filter(isUuid);
    const soon = this.calendar.deadline(now, 2);
    const monthStart = new Date(`${now.toISOString().slice(0, 7)}-01T00:00:00+08:00`);
    const rows: (Workload & { id: string })[] = valid.length
      ? await this.ds.query(
          `SELECT k.id,
             count(i.id) FILTER (WHERE i.status = ANY($2::text[]))::int AS open,
             count(i.id) FILTER (WHERE i.status = ANY($2::text[]) AND i.paused_since IS NULL AND i.close_due < $3)::int AS overdue,
             count(i.id) FILTER (WHERE i.status = ANY($2::text[]) AND i.close_due BETWEEN $3 AND $4)::int AS "dueSoon",
             count(i.id) FILTER (WHERE i.status = 'REFUSAL_PENDING')::int AS "refusalsPending",
             count(i.id) FILTER (WHERE i.answered_at >= $5)::int AS "answeredThisMonth"
             FROM unnest($1::uuid[]) AS k(id)
             LEFT JOIN "${this.s}".issue i ON i.lead_department_id = k.id
            GROUP BY k.id`,
          [valid, OPEN_STATUSES, now, soon, monthStart],
        )
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return departmentIds.map(
      (id) => byId.get(id) ?? { open: 0, overdue: 0, dueSoon: 0, refusalsPending: 0, answeredThisMonth: 0 },
    );
  }

  async listByCommonProblem(id: string, viewer: Viewer | null): Promise<Issue[]> {
    if (!isUuid(id)) return [];
    const params: unknown[] = [id];
    const rows: IssueRow[] = await this.ds.query(
      `SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE i.common_problem_id = $1 AND ${issueScopeSql(this.s, viewer, params)}
        ORDER BY i.submitted_at`,
      params,
    );
    return rows.map(toIssue);
  }

  async timelines(ids: readonly string[]): Promise<TimelineEntry[][]> {
    const valid = ids.filter(isUuid);
    const rows: {
      id: string;
      issue_id: string;
      at: Date;
      actor: string;
      actor_name: string | null;
      actor_roles: string[];
      action: string;
      from_status: string | null;
      to_status: string | null;
      note: string | null;
    }[] = valid.length
      ? await this.ds.query(
          `SELECT e.id::text AS id, e.issue_id, e.at, e.actor, e.actor_name, e.actor_roles, e.action, e.from_status,
                  e.to_status, e.note
             FROM "${this.s}".issue_event e WHERE e.issue_id = ANY($1::uuid[]) ORDER BY e.issue_id, e.id`,
          [valid],
        )
      : [];
    return groupByKeys(ids, rows, (r) => r.issue_id).map((list) =>
      list.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        actorName: r.actor_name,
        actorRoles: r.actor_roles,
        action: r.action,
        actionLabel: ACTION_LABELS[r.action as IssueAction] ?? EXTRA_LABELS[r.action] ?? r.action,
        fromStatus: r.from_status as IssueStatus | null,
        toStatus: r.to_status as IssueStatus | null,
        note: r.note,
        audience: entryForEnterprise(r.action, r.to_status as IssueStatus | null)
          ? EntryAudience.PUBLIC
          : EntryAudience.INTERNAL,
      })),
    );
  }

  async refusals(ids: readonly string[]): Promise<Refusal[][]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return ids.map(() => []);
    const rows: {
      id: string;
      issue_id: string;
      round: number;
      department_id: string;
      reason: string;
      basis: string | null;
      status: string;
      next_role: string | null;
      proposed_at: Date;
      sign_offs: {
        role: string;
        signer: string;
        signer_name: string | null;
        decision: string;
        note: string | null;
        at: string;
      }[];
    }[] = await this.ds.query(
      `SELECT r.id, r.issue_id, r.round, r.department_id, r.reason, r.basis, r.status, r.next_role, r.proposed_at,
              COALESCE((SELECT json_agg(json_build_object('role', so.role, 'signer', so.signer, 'signer_name', so.signer_name,
                 'decision', so.decision, 'note', so.note, 'at', so.at) ORDER BY so.at)
                 FROM "${this.s}".refusal_signoff so WHERE so.refusal_id = r.id), '[]') AS sign_offs
         FROM "${this.s}".refusal r WHERE r.issue_id = ANY($1::uuid[]) ORDER BY r.issue_id, r.proposed_at`,
      [valid],
    );
    return groupByKeys(ids, rows, (r) => r.issue_id).map((list) =>
      list.map((r) => ({
        id: r.id,
        round: r.round,
        departmentId: r.department_id,
        reason: r.reason,
        basis: r.basis,
        status: r.status,
        nextRole: r.next_role as SignOffRole | null,
        proposedAt: r.proposed_at,
        signOffs: (typeof r.sign_offs === 'string' ? JSON.parse(r.sign_offs) : r.sign_offs).map(
          (x: {
            role: string;
            signer: string;
            signer_name: string | null;
            decision: string;
            note: string | null;
            at: string;
          }) => ({
            role: x.role as SignOffRole,
            signer: x.signer,
            signerName: x.signer_name,
            decision: x.decision,
            note: x.note,
            at: new Date(x.at),
          }),
        ),
      })),
    );
  }

  async reviews(ids: readonly string[]): Promise<ReviewCase[][]> {
    const valid = ids.filter(isUuid);
    const rows: {
      id: string;
      issue_id: string;
      refusal_id: string;
      requested_at: Date;
      request_reason: string;
      hearing_on: string | null;
      panel: string[];
      record: string | null;
      decision: string | null;
      decided_at: Date | null;
    }[] = valid.length
      ? await this.ds.query(
          `SELECT id, issue_id, refusal_id, requested_at, request_reason, hearing_on::text AS hearing_on, panel, record,
                  decision, decided_at
             FROM "${this.s}".review_case WHERE issue_id = ANY($1::uuid[]) ORDER BY issue_id, requested_at`,
          [valid],
        )
      : [];
    return groupByKeys(ids, rows, (r) => r.issue_id).map((list) =>
      list.map((r) => ({
        id: r.id,
        refusalId: r.refusal_id,
        requestedAt: r.requested_at,
        requestReason: r.request_reason,
        hearingOn: r.hearing_on,
        panel: r.panel,
        record: r.record,
        decision: r.decision,
        decidedAt: r.decided_at,
      })),
    );
  }
}

const EXTRA_LABELS: Record<string, string> = { SUBMIT: '提交', MERGED_IN: '并入重复诉求' };
