import type { DataSource, EntityManager } from 'typeorm';
import {
  IssueOutcome,
  IssueScope,
  ProblemDomain,
  Role,
  regionPrefix,
  type AdministrativeLevel,
  type Viewer,
} from '@sfw/shared-types';
import {
  AppError,
  badInput,
  checkInput,
  divisionProblem,
  forbidden,
  hasRole,
  isDivisionCode,
  isIsoDate,
  notFound,
  type Outbox,
  isUuid,
  CpuBudget,
} from '@sfw/subgraph-kit';
import type { WorkCalendar } from '@sfw/workdays';
import { clusterTexts, rankCandidates, signature } from '../similarity/similarity';
import { assertRoles, issueScopeSql } from './access';
import { ALLOWED_FROM, IssueStatus, OPEN_STATUSES, STATUS_LABELS } from './lifecycle';
import type { IssueService } from './issue.service';
import type { Issue } from './issue.types';
import { ISSUE_COLUMNS, toIssue, type IssueRow } from './rows';

export interface SimilarIssue {
  issue: Issue;
  score: number;
  sameEnterprise: boolean;
  sharedCategories: ProblemDomain[];
}

export interface CommonProblemRow {
  id: string;
  title: string;
  categories: ProblemDomain[];
  leadDepartmentId: string | null;
  status: string;
  outcome: string | null;
  answer: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

export interface DeadlineRuleValues {
  regionPrefix: string;
  category: string;
  firstResponseHours: number;
  planDays: number;
  feedbackDays: number;
  closeDays: number;
}

export interface SupervisionItem {
  issue: Issue;
  reasons: string[];
}

/**
 * Triage across appeals: likely duplicates and common problems (character n-gram similarity),
 * common problems handled once, the bulk second assignment of refusals (二次交办), the deadline
 * rules, and the weekly reminder and monthly supervision lists (周提醒、月督办).
 */
export class TriageService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly outbox: Outbox,
    private readonly calendar: WorkCalendar,
    private readonly issues: IssueService,
  ) {}

  /**
   * Appeals like this text: candidates share n-grams (GIN on the signature), then are ranked by
   * similarity with a bonus for shared categories. Same-enterprise ones are likely duplicates
   * (并单); other enterprises' suggest a common problem.
   */
  async similar(
    query: {
      text: string;
      categories: ProblemDomain[];
      excludeId?: string | null;
      enterpriseId?: string | null;
    },
    viewer: Viewer | null,
    options: { limit?: number; openOnly?: boolean; minScore?: number } = {},
  ): Promise<SimilarIssue[]> {
    const sig = signature(query.text);
    if (!sig.length) return [];
    const params: unknown[] = [sig];
    const where = [`i.text_signature && $1::text[]`, issueScopeSql(this.s, viewer, params)];
    if (query.excludeId && isUuid(query.excludeId)) {
      params.push(query.excludeId);
      where.push(`i.id <> $${params.length}`);
    }
    if (options.openOnly) {
      params.push(OPEN_STATUSES);
      where.push(`i.status = ANY($${params.length}::text[])`);
    } else where.push(`i.status <> 'MERGED'`);
    // Rank the candidates sharing most grams first; 500 is plenty for the top few.
    const rows: IssueRow[] = await this.ds.query(
      `SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE ${where.join(' AND ')}
        ORDER BY cardinality(ARRAY(SELECT unnest(i.text_signature) INTERSECT SELECT unnest($1::text[]))) DESC,
                 i.submitted_at DESC
        LIMIT 500`,
      params,
    );
    const byId = new Map(rows.map((r) => [r.id, toIssue(r)]));
    const ranked = rankCandidates(
      { text: query.text, categories: query.categories },
      rows.map((r) => ({ id: r.id, text: `${r.title} ${r.description}`, categories: r.categories })),
      {
        limit: options.limit ?? 10,
        minScore: options.minScore ?? 0.3,
        budget: new CpuBudget('相似诉求检索', 'similar-appeal search'),
      },
    );
    return ranked.flatMap((r) => {
      const issue = byId.get(r.id);
      return issue
        ? [
            {
              issue,
              score: Math.round(r.score * 1000) / 1000,
              sameEnterprise: issue.enterpriseId === query.enterpriseId,
              sharedCategories: r.sharedCategories as ProblemDomain[],
            },
          ]
        : [];
    });
  }

  /** Groups of open appeals of several enterprises that read alike: candidates for a common problem. */
  async suggestCommonProblems(
    filter: {
      regionCode?: string | null;
      category?: ProblemDomain | null;
      sinceDays?: number | null;
      threshold?: number | null;
    },
    viewer: Viewer | null,
    /** CPU budget of the clustering (the demo seed, outside any request, has none). */
    budgetMs?: number,
  ): Promise<{ issues: Issue[]; enterprises: number; categories: ProblemDomain[] }[]> {
    if (filter.regionCode) checkInput(divisionProblem('regionCode', filter.regionCode));
    const since = filter.sinceDays ?? 90;
    const threshold = filter.threshold ?? 0.45;
    if (!Number.isInteger(since) || since < 1 || since > 730 || threshold < 0.2 || threshold > 0.95)
      throw badInput([
        {
          field: 'filter',
          code: 'INVALID_RANGE',
          message: '时间范围应为1–730天，相似度阈值应为0.2–0.95',
          messageEn: 'sinceDays 1–730, threshold 0.2–0.95',
        },
      ]);
    // Only appeals that can still join a common problem.
    const params: unknown[] = [ALLOWED_FROM.GROUP_COMMON, new Date(Date.now() - since * 86_400_000)];
    const where = [
      `i.status = ANY($1::text[])`,
      `i.submitted_at >= $2`,
      `i.common_problem_id IS NULL`,
      issueScopeSql(this.s, viewer, params),
    ];
    if (filter.regionCode) {
      params.push(`${regionPrefix(filter.regionCode)}%`);
      where.push(`i.region_code LIKE $${params.length}`);
    }
    if (filter.category) {
      params.push(filter.category);
      where.push(`$${params.length} = ANY (i.categories)`);
    }
    const rows: IssueRow[] = await this.ds.query(
      `SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE ${where.join(' AND ')} ORDER BY i.submitted_at DESC LIMIT 5000`,
      params,
    );
    const byId = new Map(rows.map((r) => [r.id, toIssue(r)]));
    const groups = clusterTexts(
      rows.map((r) => ({ id: r.id, text: `${r.title} ${r.description}`, categories: r.categories })),
      threshold,
      { budget: new CpuBudget('共性问题归并', 'common-problem clustering', budgetMs) },
    );
    return groups
      .map((ids) => ids.flatMap((id) => byId.get(id) ?? []))
      .filter((list) => new Set(list.map((i) => i.enterpriseId)).size >= 2)
      .map((list) => {
        const counts = new Map<ProblemDomain, number>();
        for (const i of list) for (const c of i.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
        return {
          issues: list,
          enterprises: new Set(list.map((i) => i.enterpriseId)).size,
          categories: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c),
        };
      })
      .sort((a, b) => b.enterprises - a.enterprises);
  }

  /** 共性问题: group appeals of many enterprises, to be handled once by one lead department. */
  async createCommonProblem(
    input: {
      title: string;
      categories: ProblemDomain[];
      issueIds: string[];
      leadDepartmentId?: string | null;
    },
    viewer: Viewer | null,
  ): Promise<CommonProblemRow> {
    const v = assertRoles(viewer, [Role.ADMIN], '归并共性问题');
    const title = input.title?.trim() ?? '';
    const ids = [...new Set(input.issueIds)];
    const problems = [];
    if ([...title].length < 4 || [...title].length > 100)
      problems.push({
        field: 'title',
        code: 'INVALID_LENGTH',
        message: '标题应为4–100个字',
        messageEn: 'title: 4–100 characters',
      });
    if (ids.length < 2)
      problems.push({
        field: 'issueIds',
        code: 'TOO_FEW',
        message: '共性问题至少包含两件诉求',
        messageEn: 'at least two appeals',
      });
    if (!input.categories?.length)
      problems.push({
        field: 'categories',
        code: 'REQUIRED',
        message: '请选择问题类别',
        messageEn: 'categories required',
      });
    if (problems.length) throw badInput(problems);
    return this.ds.transaction(async (m) => {
      const rows: IssueRow[] = ids.every(isUuid)
        ? await m.query(
            `SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE i.id = ANY($1::uuid[]) FOR UPDATE`,
            [ids],
          )
        : [];
      const found = new Map(rows.map((r) => [r.id, toIssue(r)]));
      const missing = ids.filter((i) => !found.has(i));
      if (missing.length) throw notFound('诉求', 'issue', missing.join(', '));
      const bad = [...found.values()].filter(
        (i) => !ALLOWED_FROM.GROUP_COMMON.includes(i.status) || i.commonProblemId !== null,
      );
      if (bad.length)
        throw new AppError(
          'INVALID_TRANSITION',
          `以下诉求不能归入共性问题（已办结或已归入其他共性问题）：${bad.map((i) => `${i.no}（${STATUS_LABELS[i.status]}）`).join('、')}`,
          'some appeals are finished or already in a common problem',
          { issueIds: bad.map((i) => i.id) },
        );
      if (input.leadDepartmentId) await this.department(m, input.leadDepartmentId);
      const [cp] = (await m.query(
        `INSERT INTO "${this.s}".common_problem (title, categories, lead_department_id, status, created_by)
         VALUES ($1, $2, $3, 'OPEN', $4) RETURNING id`,
        [title, [...new Set(input.categories)], input.leadDepartmentId ?? null, v.sub],
      )) as { id: string }[];
      const cpId = (cp as { id: string }).id;
      await m.query(
        `UPDATE "${this.s}".issue SET common_problem_id = $2, scope = $3, version = version + 1, updated_at = now()
          WHERE id = ANY($1::uuid[])`,
        [ids, cpId, IssueScope.COMMON],
      );
      for (const issue of found.values())
        await this.issues.log(m, issue.id, v, 'GROUP_COMMON', issue.status, issue.status, title, {
          commonProblemId: cpId,
        });
      return this.commonProblem(m, cpId);
    });
  }

  /** 共性问题统一答复: one answer, passed to every member appeal still being handled. */
  async answerCommonProblem(
    id: string,
    outcome: IssueOutcome,
    answer: string,
    viewer: Viewer | null,
  ): Promise<CommonProblemRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.DEPARTMENT], '统一答复共性问题');
    if (outcome === IssueOutcome.CANNOT_HANDLE)
      throw new AppError(
        'REFUSAL_NEEDS_SIGN_OFF',
        '共性问题不能以“不能办”统一答复：每件诉求的“不能办”须分别写明理由并经三级签批',
        'a common problem cannot be answered CANNOT_HANDLE in bulk',
      );
    const text = answer?.trim() ?? '';
    if ([...text].length < 10 || [...text].length > 5000)
      throw badInput([
        {
          field: 'answer',
          code: 'INVALID_LENGTH',
          message: '答复内容应为10–5000个字',
          messageEn: 'answer: 10–5000 characters',
        },
      ]);
    return this.ds.transaction(async (m) => {
      const cp = await this.commonProblem(m, id, true);
      if (cp.status !== 'OPEN')
        throw new AppError('ALREADY_ANSWERED', '该共性问题已答复', 'already answered');
      if (!hasRole(v, Role.ADMIN) && (!v.departmentId || v.departmentId !== cp.leadDepartmentId))
        throw forbidden(
          '只有共性问题的牵头部门可以统一答复',
          'only the lead department answers a common problem',
        );
      const rows: IssueRow[] = await m.query(
        `SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE i.common_problem_id = $1 FOR UPDATE`,
        [id],
      );
      for (const row of rows) {
        const issue = toIssue(row);
        if (!ALLOWED_FROM.ANSWER_COMMON.includes(issue.status)) continue;
        if (issue.pausedSince)
          await m.query(
            `UPDATE "${this.s}".issue_pause SET resumed_at = now() WHERE issue_id = $1 AND resumed_at IS NULL`,
            [issue.id],
          );
        await m.query(
          `UPDATE "${this.s}".issue SET status = 'ANSWERED', outcome = $2, answer = $3, answered_at = now(), paused_since = NULL,
             version = version + 1, updated_at = now() WHERE id = $1`,
          [issue.id, outcome, text],
        );
        const fresh = await this.issues.load(m, issue.id);
        await this.issues.log(m, issue.id, v, 'ANSWER_COMMON', issue.status, IssueStatus.ANSWERED, text, {
          commonProblemId: id,
          ...(await this.issues.answerFacts(m, fresh)),
        });
        await this.issues.answered(m, fresh);
      }
      await m.query(
        `UPDATE "${this.s}".common_problem SET status = 'ANSWERED', outcome = $2, answer = $3, answered_at = now() WHERE id = $1`,
        [id, outcome, text],
      );
      return this.commonProblem(m, id);
    });
  }

  async commonProblems(ids: readonly string[] | null, status: string | null): Promise<CommonProblemRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (ids) {
      params.push(ids.filter(isUuid));
      where.push(`id = ANY($${params.length}::uuid[])`);
    }
    if (status) {
      params.push(status);
      where.push(`status = $${params.length}`);
    }
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT * FROM "${this.s}".common_problem ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC LIMIT 500`,
      params,
    );
    return rows.map(toCommonProblem);
  }

  /**
   * 二次交办 in bulk (Luqiao re-assigned all 1,087 "cannot handle" answers): every appeal answered
   * "cannot handle" in the period, by a department or in a region, goes back to its department
   * as a new round with new deadlines. Returns the re-assigned appeals.
   */
  async reassignRefusals(
    filter: {
      departmentId?: string | null;
      regionCode?: string | null;
      from: string;
      to: string;
      note: string;
    },
    viewer: Viewer | null,
  ): Promise<Issue[]> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.LEADER], '二次交办');
    const problems = [];
    if (!isIsoDate(filter.from))
      problems.push({
        field: 'from',
        code: 'INVALID_DATE',
        message: '起始日期格式应为 YYYY-MM-DD',
        messageEn: 'from: YYYY-MM-DD',
      });
    if (!isIsoDate(filter.to))
      problems.push({
        field: 'to',
        code: 'INVALID_DATE',
        message: '截止日期格式应为 YYYY-MM-DD',
        messageEn: 'to: YYYY-MM-DD',
      });
    if (filter.regionCode && !isDivisionCode(filter.regionCode))
      problems.push({
        field: 'regionCode',
        code: 'UNKNOWN_REGION',
        message: '行政区划代码不存在（如 331000、331004）',
        messageEn: 'unknown division code',
      });
    if (!filter.departmentId && !filter.regionCode)
      problems.push({
        field: 'departmentId',
        code: 'REQUIRED',
        message: '请指定部门或区域',
        messageEn: 'a department or a region is required',
      });
    if ([...(filter.note ?? '').trim()].length < 4)
      problems.push({
        field: 'note',
        code: 'INVALID_LENGTH',
        message: '请写明交办要求（至少4个字）',
        messageEn: 'note: at least 4 characters',
      });
    if (problems.length) throw badInput(problems);
    return this.ds.transaction(async (m) => {
      const params: unknown[] = [
        ALLOWED_FROM.REASSIGN_REFUSAL,
        new Date(`${filter.from}T00:00:00+08:00`),
        new Date(`${filter.to}T23:59:59.999+08:00`),
      ];
      const where = [
        `i.status = ANY($1::text[])`,
        `i.outcome = 'CANNOT_HANDLE'`,
        `i.answered_at BETWEEN $2 AND $3`,
        issueScopeSql(this.s, v, params),
      ];
      if (filter.departmentId) {
        params.push(filter.departmentId);
        where.push(`i.lead_department_id = $${params.length}::uuid`);
      }
      if (filter.regionCode) {
        params.push(`${regionPrefix(filter.regionCode)}%`);
        where.push(`i.region_code LIKE $${params.length}`);
      }
      const rows: IssueRow[] = await m.query(
        `SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE ${where.join(' AND ')} ORDER BY i.answered_at FOR UPDATE`,
        params,
      );
      const now = new Date();
      const out: Issue[] = [];
      for (const row of rows) {
        const issue = toIssue(row);
        const rule = await this.issues.rule(m, issue.regionCode, issue.categories[0]);
        await m.query(
          `UPDATE "${this.s}".issue SET status = 'ASSIGNED', outcome = NULL, answer = NULL, answered_at = NULL,
             confirmed_at = NULL, closed_at = NULL, round = round + 1, assigned_at = now(), plan_due = $2,
             feedback_due = $3, close_due = $4, version = version + 1, updated_at = now() WHERE id = $1`,
          [
            issue.id,
            this.calendar.deadline(now, rule.plan_days),
            this.calendar.deadline(now, rule.feedback_days),
            this.calendar.deadline(now, rule.close_days),
          ],
        );
        await this.issues.log(
          m,
          issue.id,
          v,
          'REASSIGN_REFUSAL',
          issue.status,
          IssueStatus.ASSIGNED,
          filter.note.trim(),
          {},
        );
        const fresh = await this.issues.load(m, issue.id);
        await this.outbox.add(
          m,
          'IssueAssigned',
          { type: 'Issue', id: issue.id },
          {
            issue: this.issues.facts(fresh),
            planDue: (fresh.planDue ?? now).toISOString(),
            feedbackDue: (fresh.feedbackDue ?? now).toISOString(),
            closeDue: (fresh.closeDue ?? now).toISOString(),
            reassignment: true,
          },
        );
        out.push(fresh);
      }
      return out;
    });
  }

  async deadlineRules(): Promise<DeadlineRuleValues[]> {
    const rows: {
      region_prefix: string;
      category: string;
      first_response_hours: number;
      plan_days: number;
      feedback_days: number;
      close_days: number;
    }[] = await this.ds.query(`SELECT * FROM "${this.s}".deadline_rule ORDER BY region_prefix, category`);
    return rows.map((r) => ({
      regionPrefix: r.region_prefix,
      category: r.category,
      firstResponseHours: r.first_response_hours,
      planDays: r.plan_days,
      feedbackDays: r.feedback_days,
      closeDays: r.close_days,
    }));
  }

  /** Set the limits for a region (and everything below it) and optionally one category. */
  async setDeadlineRule(
    input: {
      regionCode?: string | null;
      category?: ProblemDomain | null;
      firstResponseHours: number;
      planDays: number;
      feedbackDays: number;
      closeDays: number;
    },
    viewer: Viewer | null,
  ): Promise<DeadlineRuleValues[]> {
    assertRoles(viewer, [Role.ADMIN], '设置办理时限');
    const problems = [];
    const int = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
    if (!int(input.firstResponseHours, 1, 720))
      problems.push({
        field: 'firstResponseHours',
        code: 'INVALID_LIMIT',
        message: '首次响应时限应为1–720小时',
        messageEn: '1–720 hours',
      });
    for (const [field, label] of [
      ['planDays', '方案时限'],
      ['feedbackDays', '反馈时限'],
      ['closeDays', '办结时限'],
    ] as const)
      if (!int(input[field], 1, 365))
        problems.push({
          field,
          code: 'INVALID_LIMIT',
          message: `${label}应为1–365个工作日`,
          messageEn: `${field}: 1–365 working days`,
        });
    if (
      problems.length === 0 &&
      !(input.planDays <= input.feedbackDays && input.feedbackDays <= input.closeDays)
    )
      problems.push({
        field: 'closeDays',
        code: 'INVALID_LIMIT',
        message: '时限须满足：方案 ≤ 反馈 ≤ 办结',
        messageEn: 'planDays ≤ feedbackDays ≤ closeDays',
      });
    if (input.regionCode && !isDivisionCode(input.regionCode))
      problems.push({
        field: 'regionCode',
        code: 'UNKNOWN_REGION',
        message: `行政区划代码无效：${input.regionCode}`,
        messageEn: 'bad division code',
      });
    if (problems.length) throw badInput(problems);
    const prefix = input.regionCode ? regionPrefix(input.regionCode) : '';
    await this.ds.query(
      `INSERT INTO "${this.s}".deadline_rule (region_prefix, category, first_response_hours, plan_days, feedback_days, close_days)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (region_prefix, category) DO UPDATE SET first_response_hours = EXCLUDED.first_response_hours,
         plan_days = EXCLUDED.plan_days, feedback_days = EXCLUDED.feedback_days, close_days = EXCLUDED.close_days`,
      [
        prefix,
        input.category ?? '',
        input.firstResponseHours,
        input.planDays,
        input.feedbackDays,
        input.closeDays,
      ],
    );
    return this.deadlineRules();
  }

  /**
   * 周提醒: open appeals overdue or due within the next 5 working days (a paused clock is neither),
   * and first responses missed. 月督办: everything on the weekly list, and also open appeals that were
   * escalated or reopened, and refusals awaiting sign-off.
   */
  async supervision(
    kind: 'WEEKLY' | 'MONTHLY',
    filter: { departmentId?: string | null; level?: AdministrativeLevel | null; regionCode?: string | null },
    viewer: Viewer | null,
    limit = 500,
  ): Promise<SupervisionItem[]> {
    if (filter.regionCode) checkInput(divisionProblem('regionCode', filter.regionCode));
    const now = new Date();
    const params: unknown[] = [OPEN_STATUSES, now];
    const where = [`i.status = ANY($1::text[])`, issueScopeSql(this.s, viewer, params)];
    if (filter.departmentId) {
      params.push(filter.departmentId);
      where.push(
        `(i.lead_department_id = $${params.length}::uuid OR $${params.length}::uuid = ANY (i.co_department_ids))`,
      );
    }
    if (filter.level) {
      params.push(filter.level);
      where.push(`i.level = $${params.length}`);
    }
    if (filter.regionCode) {
      params.push(`${regionPrefix(filter.regionCode)}%`);
      where.push(`i.region_code LIKE $${params.length}`);
    }
    const weekEnd = this.calendar.deadline(now, 5);
    params.push(weekEnd);
    const soon = `$${params.length}`;
    // Both lists bind the same parameters: $2 (now) and the 5-working-day horizon are used by each.
    const weekly = `(i.paused_since IS NULL AND i.close_due <= ${soon}) OR (i.status = 'SUBMITTED' AND i.first_response_due < $2)`;
    const monthly = `i.escalation_count > 0 OR i.reopen_count > 0 OR i.status = 'REFUSAL_PENDING'`;
    where.push(kind === 'WEEKLY' ? `(${weekly})` : `(${weekly} OR ${monthly})`);
    const rows: IssueRow[] = await this.ds.query(
      `SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE ${where.join(' AND ')}
        ORDER BY i.close_due NULLS FIRST, i.submitted_at LIMIT ${Math.max(1, Math.min(limit, 2000))}`,
      params,
    );
    return rows.map((r) => {
      const issue = toIssue(r);
      const reasons: string[] = [];
      if (issue.status === IssueStatus.SUBMITTED && issue.firstResponseDue < now)
        reasons.push('首次响应超时');
      if (issue.closeDue && !issue.pausedSince && issue.closeDue < now) reasons.push('已超期');
      else if (issue.closeDue && !issue.pausedSince && issue.closeDue <= weekEnd)
        reasons.push('5个工作日内到期');
      if (kind === 'MONTHLY') {
        if (issue.escalationCount > 0) reasons.push('已提级');
        if (issue.reopenCount > 0) reasons.push('企业不满意重办');
        if (issue.status === IssueStatus.REFUSAL_PENDING) reasons.push('“不能办”待签批');
      }
      return { issue, reasons };
    });
  }

  private async department(m: EntityManager, id: string): Promise<void> {
    const rows: { active: boolean; name: string }[] = isUuid(id)
      ? await m.query(`SELECT active, name FROM "${this.s}".department WHERE id = $1`, [id])
      : [];
    if (!rows[0]) throw notFound('部门', 'department', id);
    if (!rows[0].active)
      throw new AppError('DEPARTMENT_INACTIVE', `${rows[0].name}已撤销`, 'department inactive');
  }

  private async commonProblem(m: EntityManager, id: string, lock = false): Promise<CommonProblemRow> {
    const rows: Record<string, unknown>[] = isUuid(id)
      ? await m.query(`SELECT * FROM "${this.s}".common_problem WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
          id,
        ])
      : [];
    if (!rows[0]) throw notFound('共性问题', 'common problem', id);
    return toCommonProblem(rows[0]);
  }
}

function toCommonProblem(r: Record<string, unknown>): CommonProblemRow {
  return {
    id: r['id'] as string,
    title: r['title'] as string,
    categories: r['categories'] as ProblemDomain[],
    leadDepartmentId: (r['lead_department_id'] as string | null) ?? null,
    status: r['status'] as string,
    outcome: (r['outcome'] as string | null) ?? null,
    answer: (r['answer'] as string | null) ?? null,
    createdAt: r['created_at'] as Date,
    answeredAt: (r['answered_at'] as Date | null) ?? null,
  };
}
