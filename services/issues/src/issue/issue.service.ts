import type { DataSource, EntityManager } from 'typeorm';
import {
  AdministrativeLevel,
  IssueOutcome,
  IssueScope,
  IssueSource,
  ProblemDomain,
  Role,
  SIGN_OFF_ORDER,
  SIGN_OFF_ROLE_LABELS,
  SignOffRole,
  type IssueFactsV1,
  type Viewer,
} from '@sfw/shared-types';
import {
  AppError,
  badInput,
  forbidden,
  hasRole,
  isIsoDate,
  notFound,
  orderByKeys,
  type Outbox,
  isUuid,
  returned,
} from '@sfw/subgraph-kit';
import type { PauseInterval, WorkCalendar } from '@sfw/workdays';
import { signature } from '../similarity/similarity';
import type { StatsService } from '../stats/stats.service';
import { assertRoles, issueScopeSql } from './access';
import {
  ACTION_LABELS,
  ALLOWED_FROM,
  ALLOWED_ROLES,
  IssueStatus,
  STATUS_LABELS,
  type IssueAction,
} from './lifecycle';
import { IssueColour, type Issue } from './issue.types';
import { ISSUE_COLUMNS, toIssue, type IssueRow } from './rows';

export interface SubmitValues {
  enterpriseId?: string | null;
  source?: IssueSource | null;
  visitId?: string | null;
  title: string;
  description: string;
  categories: ProblemDomain[];
  scope?: IssueScope | null;
  level?: AdministrativeLevel | null;
  difficult?: boolean | null;
}

export interface AssignValues {
  leadDepartmentId: string;
  coDepartmentIds?: string[] | null;
  handler?: string | null;
  taskForceId?: string | null;
  note?: string | null;
}

interface DeadlineRule {
  first_response_hours: number;
  plan_days: number;
  feedback_days: number;
  close_days: number;
}

interface DepartmentMember {
  name: string;
  role: SignOffRole;
  account: string | null;
}

const NEXT_LEVEL: Record<AdministrativeLevel, AdministrativeLevel | null> = {
  TOWNSHIP: AdministrativeLevel.COUNTY,
  COUNTY: AdministrativeLevel.CITY,
  CITY: null,
};

const text = (v: string | null | undefined) => (v ?? '').trim();
const len = (v: string) => [...v].length;
/** The longest note, reason or plan step written on an appeal's timeline (characters). */
const NOTE_MAX = 2000;

/**
 * 诉求: the closed loop — submitted → accepted → assigned → in progress ⇄ waiting for the
 * enterprise → answered → confirmed / reopened → closed; withdrawn, merged, escalated; "cannot
 * handle" only after three sign-offs; review of a refusal. Every change writes an immutable
 * timeline entry and, where others care, an event, in the same transaction.
 */
export class IssueService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly outbox: Outbox,
    private readonly calendar: WorkCalendar,
    private readonly stats: StatsService,
  ) {}

  // --- reading ---------------------------------------------------------------------------------

  async findByIds(ids: readonly string[], viewer: Viewer | null): Promise<(Issue | null)[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return ids.map(() => null);
    const params: unknown[] = [valid];
    const rows: IssueRow[] = await this.ds.query(
      `SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE i.id = ANY($1::uuid[]) AND ${issueScopeSql(this.s, viewer, params)}`,
      params,
    );
    return orderByKeys(ids, rows.map(toIssue), (i) => i.id);
  }

  /** The colour of an appeal now: red when late, yellow when difficult or nearly due, else green. */
  colourOf(issue: Issue, now = new Date()): IssueColour {
    const open = ![
      IssueStatus.ANSWERED,
      IssueStatus.CONFIRMED,
      IssueStatus.CLOSED,
      IssueStatus.WITHDRAWN,
      IssueStatus.MERGED,
    ].includes(issue.status);
    if (!open)
      return issue.closeDue && issue.answeredAt && issue.answeredAt > issue.closeDue
        ? IssueColour.RED
        : IssueColour.GREEN;
    if (issue.status === IssueStatus.SUBMITTED && now > issue.firstResponseDue) return IssueColour.RED;
    const due = this.effectiveDue(issue, 'close', now);
    if (due && now > due) return IssueColour.RED;
    if (issue.difficult) return IssueColour.YELLOW;
    if (due && issue.pausedSince === null && this.calendar.elapsedWorkdays(now, due) <= 2)
      return IssueColour.YELLOW;
    return IssueColour.GREEN;
  }

  /** A due instant with the running pause counted (the clock stops while waiting for the enterprise). */
  effectiveDue(issue: Issue, which: 'plan' | 'feedback' | 'close', now = new Date()): Date | null {
    const stored =
      which === 'plan' ? issue.planDue : which === 'feedback' ? issue.feedbackDue : issue.closeDue;
    if (!stored || !issue.pausedSince) return stored;
    // Each working day the pause has lasted so far pushes the due date one working day.
    const extra = this.calendar.elapsedWorkdays(issue.pausedSince, now);
    return extra > 0 ? this.calendar.deadline(stored, extra) : stored;
  }

  // --- the loop --------------------------------------------------------------------------------

  /** 提交诉求: by the enterprise (online), a cadre from a visit, or staff from the hotline/leader visits/meetings. */
  async submit(input: SubmitValues, viewer: Viewer | null): Promise<Issue> {
    const v = assertRoles(viewer, [Role.ENTERPRISE, Role.CADRE, Role.ADMIN, Role.DEPARTMENT], '提交诉求');
    return this.ds.transaction(async (m) => {
      const problems: { field: string; code: string; message: string; messageEn: string }[] = [];
      const add = (field: string, code: string, message: string, messageEn: string) =>
        problems.push({ field, code, message, messageEn });
      const isEnterprise =
        hasRole(v, Role.ENTERPRISE) && !hasRole(v, Role.ADMIN, Role.CADRE, Role.DEPARTMENT);
      const enterpriseId = isEnterprise ? v.enterpriseId : input.enterpriseId;
      const source = isEnterprise
        ? IssueSource.ONLINE
        : (input.source ?? (input.visitId ? IssueSource.VISIT : IssueSource.HOTLINE_12345));
      const title = text(input.title);
      const description = text(input.description);
      if (len(title) < 4 || len(title) > 100)
        add('title', 'INVALID_LENGTH', `标题应为4–100个字（当前${len(title)}个）`, 'title: 4–100 characters');
      if (len(description) < 10 || len(description) > 5000)
        add(
          'description',
          'INVALID_LENGTH',
          `问题描述应为10–5000个字（当前${len(description)}个）`,
          'description: 10–5000 characters',
        );
      const categories = [...new Set(input.categories ?? [])];
      if (!categories.length)
        add('categories', 'REQUIRED', '请至少选择一个问题类别', 'at least one category');
      for (const c of categories)
        if (!Object.values(ProblemDomain).includes(c))
          add('categories', 'INVALID_DOMAIN', `未知的问题类别：${c}`, `unknown category ${c}`);
      if (!enterpriseId) add('enterpriseId', 'REQUIRED', '请指定企业', 'enterpriseId is required');
      if (source === IssueSource.VISIT && !input.visitId)
        add('visitId', 'REQUIRED', '走访中发现的诉求须注明走访记录', 'a VISIT appeal names its visit');
      if (isEnterprise && input.enterpriseId && input.enterpriseId !== v.enterpriseId)
        throw forbidden('只能为本企业提交诉求', 'an enterprise user submits only for itself');
      if (problems.length) throw badInput(problems);
      const enterprise = await this.enterprise(m, enterpriseId as string);
      if (hasRole(v, Role.CADRE) && !hasRole(v, Role.ADMIN, Role.DEPARTMENT)) {
        const paired = await this.isPaired(m, v.cadreId ?? '', enterprise.id);
        if (!paired)
          throw new AppError(
            'NOT_PAIRED',
            `你未与${enterprise.name}结对，不能代其登记诉求`,
            'the cadre is not paired with the enterprise',
          );
      }
      if (input.visitId) {
        const [visit] = (
          isUuid(input.visitId)
            ? await m.query(`SELECT enterprise_id FROM "${this.s}".visit WHERE id = $1`, [input.visitId])
            : []
        ) as { enterprise_id: string }[];
        if (!visit) throw notFound('走访记录', 'visit', input.visitId);
        if (visit.enterprise_id !== enterprise.id)
          throw new AppError(
            'VISIT_MISMATCH',
            '该走访记录不是对这家企业的走访',
            'the visit was to another enterprise',
          );
      }
      const level =
        input.level ??
        (enterprise.region_code.length === 9 ? AdministrativeLevel.TOWNSHIP : AdministrativeLevel.COUNTY);
      const rule = await this.rule(m, enterprise.region_code, categories[0]);
      const [{ no }] = (await m.query(
        `SELECT 'SQ' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || CASE WHEN length(n) < 6 THEN lpad(n, 6, '0') ELSE n END AS no
           FROM (SELECT nextval('"${this.s}".issue_no_seq')::text AS n) x`,
      )) as [{ no: string }];
      const [row] = (await m.query(
        `INSERT INTO "${this.s}".issue (no, enterprise_id, region_code, source, visit_id, title, description, categories,
           scope, level, difficult, status, submitted_by, first_response_due, text_signature)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'SUBMITTED', $12, now() + make_interval(hours => $13), $14)
         RETURNING id`,
        [
          no,
          enterprise.id,
          enterprise.region_code,
          source,
          input.visitId ?? null,
          title,
          description,
          categories,
          input.scope ?? IssueScope.INDIVIDUAL,
          level,
          Boolean(input.difficult),
          v.sub,
          rule.first_response_hours,
          signature(`${title} ${description}`),
        ],
      )) as { id: string }[];
      const id = (row as { id: string }).id;
      await this.log(m, id, v, 'SUBMIT', null, IssueStatus.SUBMITTED, null, { source });
      const issue = await this.load(m, id);
      await this.outbox.add(
        m,
        'IssueSubmitted',
        { type: 'Issue', id },
        {
          issue: this.facts(issue),
          visitId: issue.visitId,
          title: issue.title,
        },
      );
      return issue;
    });
  }

  /** 受理: the first response; the first responder (首问负责人) is named; the "1+3+6+10" clock starts. */
  accept(id: string, viewer: Viewer | null, note?: string | null): Promise<Issue> {
    return this.act(id, viewer, 'ACCEPT', async (m, issue, v) => {
      this.optionalText('note', '备注', note, NOTE_MAX);
      if (
        hasRole(v, Role.CADRE) &&
        !hasRole(v, Role.ADMIN, Role.DEPARTMENT) &&
        !(await this.isPaired(m, v.cadreId ?? '', issue.enterpriseId))
      )
        throw forbidden('只能受理结对企业的诉求', 'a cadre accepts only appeals of paired enterprises');
      const now = new Date();
      const rule = await this.rule(m, issue.regionCode, issue.categories[0]);
      await m.query(
        `UPDATE "${this.s}".issue SET status = 'ACCEPTED', accepted_at = $2, first_responder = $3, first_responder_name = $4,
           plan_due = $5, feedback_due = $6, close_due = $7 WHERE id = $1`,
        [
          id,
          now,
          v.sub,
          v.name ?? v.sub,
          this.calendar.deadline(now, rule.plan_days),
          this.calendar.deadline(now, rule.feedback_days),
          this.calendar.deadline(now, rule.close_days),
        ],
      );
      return { to: IssueStatus.ACCEPTED, note, data: { firstResponseLate: now > issue.firstResponseDue } };
    });
  }

  /** 交办: one lead department, any co-handling departments, a handler; re-assigning is allowed while open. */
  assign(id: string, values: AssignValues, viewer: Viewer | null): Promise<Issue> {
    return this.act(id, viewer, 'ASSIGN', async (m, issue) => {
      this.optionalText('note', '交办要求', values.note, NOTE_MAX);
      this.optionalText('handler', '承办人', values.handler, 64);
      const co = [...new Set(values.coDepartmentIds ?? [])].filter((d) => d !== values.leadDepartmentId);
      const ids = [values.leadDepartmentId, ...co];
      const rows: { id: string; active: boolean; name: string }[] = ids.every(isUuid)
        ? await m.query(`SELECT id, active, name FROM "${this.s}".department WHERE id = ANY($1::uuid[])`, [
            ids,
          ])
        : [];
      const found = new Map(rows.map((r) => [r.id, r]));
      const problems = ids.flatMap((d, i) => {
        const r = found.get(d);
        const field = i === 0 ? 'leadDepartmentId' : `coDepartmentIds.${i - 1}`;
        if (!r)
          return [
            {
              field,
              code: 'NOT_FOUND',
              message: `部门不存在：${d}`,
              messageEn: `department not found: ${d}`,
            },
          ];
        if (!r.active)
          return [
            {
              field,
              code: 'DEPARTMENT_INACTIVE',
              message: `${r.name}已撤销`,
              messageEn: 'department inactive',
            },
          ];
        return [];
      });
      if (problems.length) throw badInput(problems);
      const reassign = issue.leadDepartmentId !== null;
      await m.query(
        `UPDATE "${this.s}".issue SET status = 'ASSIGNED', lead_department_id = $2, co_department_ids = $3, handler = $4,
           task_force_id = COALESCE($5, task_force_id), assigned_at = now() WHERE id = $1`,
        [id, values.leadDepartmentId, co, text(values.handler) || null, values.taskForceId ?? null],
      );
      return {
        to: IssueStatus.ASSIGNED,
        note: values.note,
        data: { leadDepartmentId: values.leadDepartmentId, coDepartmentIds: co, reassign },
        after: async (fresh: Issue) =>
          this.outbox.add(
            m,
            'IssueAssigned',
            { type: 'Issue', id },
            {
              issue: this.facts(fresh),
              planDue: (fresh.planDue ?? new Date()).toISOString(),
              feedbackDue: (fresh.feedbackDue ?? new Date()).toISOString(),
              closeDue: (fresh.closeDue ?? new Date()).toISOString(),
              reassignment: reassign,
            },
          ),
      };
    });
  }

  /** 提交办理方案 (by working day 3). */
  start(id: string, plan: string, viewer: Viewer | null): Promise<Issue> {
    return this.act(id, viewer, 'START', async (m, issue, v) => {
      this.assertLead(issue, v);
      this.requireText('plan', '办理方案', plan, 10, 5000);
      await m.query(
        `UPDATE "${this.s}".issue SET status = 'IN_PROGRESS', plan = $2, plan_at = now() WHERE id = $1`,
        [id, text(plan)],
      );
      return { to: IssueStatus.IN_PROGRESS, note: text(plan) };
    });
  }

  /** 反馈进展 (by working day 6); co-handling departments may report too. */
  feedback(id: string, note: string, viewer: Viewer | null): Promise<Issue> {
    return this.act(id, viewer, 'FEEDBACK', async (m, issue, v) => {
      if (
        !hasRole(v, Role.ADMIN) &&
        v.departmentId !== issue.leadDepartmentId &&
        !issue.coDepartmentIds.includes(v.departmentId ?? '')
      )
        throw forbidden(
          '只有承办或协办部门可以反馈进展',
          'only the lead or a co-handling department reports progress',
        );
      this.requireText('note', '进展情况', note, 4, 2000);
      await m.query(`UPDATE "${this.s}".issue SET feedback_at = COALESCE(feedback_at, now()) WHERE id = $1`, [
        id,
      ]);
      return { to: issue.status, note: text(note) };
    });
  }

  /** 请企业补充: the clock pauses until the department resumes. */
  awaitEnterprise(id: string, question: string, viewer: Viewer | null): Promise<Issue> {
    return this.act(id, viewer, 'AWAIT_ENTERPRISE', async (m, issue, v) => {
      this.assertLead(issue, v);
      this.requireText('question', '需补充的内容', question, 4, 2000);
      await m.query(
        `UPDATE "${this.s}".issue SET status = 'WAITING_ENTERPRISE', paused_since = now() WHERE id = $1`,
        [id],
      );
      await m.query(`INSERT INTO "${this.s}".issue_pause (issue_id, paused_at) VALUES ($1, now())`, [id]);
      return { to: IssueStatus.WAITING_ENTERPRISE, note: text(question) };
    });
  }

  /** 恢复办理: the pause ends; every due date moves by the working days it lasted. */
  resume(id: string, note: string | null | undefined, viewer: Viewer | null): Promise<Issue> {
    return this.act(id, viewer, 'RESUME', async (m, issue, v) => {
      this.optionalText('note', '备注', note, NOTE_MAX);
      if (hasRole(v, Role.ENTERPRISE) && !hasRole(v, Role.DEPARTMENT)) this.assertOwnEnterprise(issue, v);
      else this.assertLead(issue, v);
      await m.query(
        `UPDATE "${this.s}".issue_pause SET resumed_at = now() WHERE issue_id = $1 AND resumed_at IS NULL`,
        [id],
      );
      await this.recomputeDues(m, issue);
      await m.query(
        `UPDATE "${this.s}".issue SET status = 'IN_PROGRESS', paused_since = NULL WHERE id = $1`,
        [id],
      );
      return { to: IssueStatus.IN_PROGRESS, note };
    });
  }

  /** 答复: resolved or partly resolved. "Cannot handle" goes through proposeRefusal and sign-off. */
  answer(id: string, outcome: IssueOutcome, answerText: string, viewer: Viewer | null): Promise<Issue> {
    return this.act(id, viewer, 'ANSWER', async (m, issue, v) => {
      this.assertLead(issue, v);
      if (outcome === IssueOutcome.CANNOT_HANDLE)
        throw new AppError(
          'REFUSAL_NEEDS_SIGN_OFF',
          '“不能办”须写明理由，并经科室负责人、分管领导、部门负责人依次签批后才能答复企业（请使用“提出不能办”）',
          'a CANNOT_HANDLE answer goes through proposeRefusal and three sign-offs',
        );
      this.requireText('answer', '答复内容', answerText, 10, 5000);
      await m.query(
        `UPDATE "${this.s}".issue SET status = 'ANSWERED', outcome = $2, answer = $3, answered_at = now() WHERE id = $1`,
        [id, outcome, text(answerText)],
      );
      return {
        to: IssueStatus.ANSWERED,
        note: text(answerText),
        data: { outcome },
        after: (fresh) => this.answered(m, fresh),
      };
    });
  }

  /** 提出“不能办”: a written reason (and basis), then sign-off in order by three distinct people. */
  proposeRefusal(
    id: string,
    reason: string,
    basis: string | null | undefined,
    viewer: Viewer | null,
  ): Promise<Issue> {
    return this.act(id, viewer, 'PROPOSE_REFUSAL', async (m, issue, v) => {
      this.assertLead(issue, v);
      const problems: { field: string; code: string; message: string; messageEn: string }[] = [];
      if (len(text(reason)) < 20)
        problems.push({
          field: 'reason',
          code: 'REASON_TOO_SHORT',
          message: '“不能办”须写明具体理由（至少20个字），不能含糊答复',
          messageEn: 'a refusal needs a specific written reason (at least 20 characters)',
        });
      if (len(text(reason)) > NOTE_MAX)
        problems.push({
          field: 'reason',
          code: 'INVALID_LENGTH',
          message: `“不能办”的理由不超过${NOTE_MAX}个字`,
          messageEn: `reason: at most ${NOTE_MAX} characters`,
        });
      if (basis && len(text(basis)) > 2000)
        problems.push({
          field: 'basis',
          code: 'INVALID_LENGTH',
          message: '依据不超过2000个字',
          messageEn: 'basis: at most 2000 characters',
        });
      if (problems.length) throw badInput(problems);
      // The three sign-offs must be possible: each role held by a person with an account, all distinct.
      const [dept] = (await m.query(`SELECT name, members FROM "${this.s}".department WHERE id = $1`, [
        issue.leadDepartmentId,
      ])) as { name: string; members: DepartmentMember[] | string }[];
      const members: DepartmentMember[] =
        typeof dept?.members === 'string'
          ? (JSON.parse(dept.members) as DepartmentMember[])
          : (dept?.members ?? []);
      const missing = SIGN_OFF_ORDER.filter((role) => !members.some((x) => x.role === role && x.account));
      if (missing.length)
        throw new AppError(
          'SIGN_OFF_CHAIN_INCOMPLETE',
          `${dept?.name ?? '承办部门'}未设置${missing.map((r) => SIGN_OFF_ROLE_LABELS[r]).join('、')}，“不能办”无法完成签批；请先在部门信息中补充签批人`,
          `the department lacks sign-off people for: ${missing.join(', ')}`,
          { missingRoles: missing },
        );
      await m.query(
        `INSERT INTO "${this.s}".refusal (issue_id, round, department_id, reason, basis, status, next_role, proposed_by)
         VALUES ($1, $2, $3, $4, $5, 'PENDING', 'SECTION_CHIEF', $6)`,
        [id, issue.round, issue.leadDepartmentId, text(reason), text(basis) || null, v.sub],
      );
      await m.query(`UPDATE "${this.s}".issue SET status = 'REFUSAL_PENDING' WHERE id = $1`, [id]);
      return { to: IssueStatus.REFUSAL_PENDING, note: text(reason) };
    });
  }

  /**
   * 签批: the signer must hold the next role (科室负责人 → 分管领导 → 部门负责人) in the handling
   * department and must not have signed this refusal already. Any of them may send it back.
   */
  signOff(
    id: string,
    decision: 'APPROVED' | 'RETURNED',
    note: string | null | undefined,
    viewer: Viewer | null,
  ): Promise<Issue> {
    return this.act(id, viewer, 'SIGN_OFF', async (m, issue, v) => {
      const [refusal] = (await m.query(
        `SELECT id, next_role, department_id FROM "${this.s}".refusal WHERE issue_id = $1 AND status = 'PENDING' FOR UPDATE`,
        [id],
      )) as { id: string; next_role: SignOffRole; department_id: string }[];
      if (!refusal) throw new AppError('NO_PENDING_REFUSAL', '没有待签批的“不能办”', 'no pending refusal');
      const [dept] = (await m.query(`SELECT name, members FROM "${this.s}".department WHERE id = $1`, [
        refusal.department_id,
      ])) as { name: string; members: DepartmentMember[] | string }[];
      const members: DepartmentMember[] =
        typeof dept?.members === 'string'
          ? (JSON.parse(dept.members) as DepartmentMember[])
          : (dept?.members ?? []);
      const role = refusal.next_role;
      const holder = members.find((x) => x.account === v.sub && x.role === role);
      if (!holder)
        throw new AppError(
          'NOT_SIGNATORY',
          `须由${dept?.name ?? '承办部门'}的${SIGN_OFF_ROLE_LABELS[role]}签批（当前账号不是）`,
          `the next sign-off belongs to the department's ${role}`,
          { nextRole: role },
        );
      const [already] = (await m.query(
        `SELECT role FROM "${this.s}".refusal_signoff WHERE refusal_id = $1 AND signer = $2 AND decision = 'APPROVED'`,
        [refusal.id, v.sub],
      )) as { role: string }[];
      if (already)
        throw new AppError(
          'SIGNER_ALREADY_SIGNED',
          '同一人不能重复签批：三级签批须由三位不同的人完成',
          'the three sign-offs are by three distinct people',
        );
      if (decision === 'RETURNED') this.requireText('note', '退回理由', note ?? '', 4, 2000);
      else this.optionalText('note', '签批意见', note, NOTE_MAX);
      await m.query(
        `INSERT INTO "${this.s}".refusal_signoff (refusal_id, role, signer, signer_name, decision, note)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [refusal.id, role, v.sub, holder.name, decision, text(note) || null],
      );
      const index = SIGN_OFF_ORDER.indexOf(role);
      const next = SIGN_OFF_ORDER[index + 1] ?? null;
      const final = decision === 'APPROVED' && next === null;
      let to: IssueStatus = IssueStatus.REFUSAL_PENDING;
      if (decision === 'RETURNED') {
        await m.query(
          `UPDATE "${this.s}".refusal SET status = 'RETURNED', next_role = NULL, decided_at = now() WHERE id = $1`,
          [refusal.id],
        );
        await m.query(`UPDATE "${this.s}".issue SET status = 'IN_PROGRESS' WHERE id = $1`, [id]);
        to = IssueStatus.IN_PROGRESS;
      } else if (final) {
        await m.query(
          `UPDATE "${this.s}".refusal SET status = 'APPROVED', next_role = NULL, decided_at = now() WHERE id = $1`,
          [refusal.id],
        );
        await m.query(
          `UPDATE "${this.s}".issue i SET status = 'ANSWERED', outcome = 'CANNOT_HANDLE', answered_at = now(),
             answer = r.reason || COALESCE(E'\\n依据：' || r.basis, '')
             FROM "${this.s}".refusal r WHERE r.id = $2 AND i.id = $1`,
          [id, refusal.id],
        );
        to = IssueStatus.ANSWERED;
      } else {
        await m.query(`UPDATE "${this.s}".refusal SET next_role = $2 WHERE id = $1`, [refusal.id, next]);
      }
      return {
        to,
        note: `${SIGN_OFF_ROLE_LABELS[role]}${decision === 'APPROVED' ? '同意' : '退回'}${note ? `：${text(note)}` : ''}`,
        data: { refusalId: refusal.id, role, decision },
        after: async (fresh) => {
          await this.outbox.add(
            m,
            'RefusalSignedOff',
            { type: 'Issue', id },
            {
              issue: this.facts(fresh),
              refusalId: refusal.id,
              role,
              decision,
              final,
            },
          );
          if (final) await this.answered(m, fresh);
        },
      };
    });
  }

  /** 确认办结 (the enterprise). */
  confirm(id: string, viewer: Viewer | null, note?: string | null): Promise<Issue> {
    return this.act(id, viewer, 'CONFIRM', async (m, issue, v) => {
      this.optionalText('note', '备注', note, NOTE_MAX);
      this.assertOwnEnterprise(issue, v);
      await m.query(`UPDATE "${this.s}".issue SET status = 'CONFIRMED', confirmed_at = now() WHERE id = $1`, [
        id,
      ]);
      return { to: IssueStatus.CONFIRMED, note };
    });
  }

  /** 重新办理 (the enterprise is not satisfied): a new round, new deadlines. */
  reopen(id: string, reason: string, viewer: Viewer | null): Promise<Issue> {
    return this.act(id, viewer, 'REOPEN', async (m, issue, v) => {
      this.assertOwnEnterprise(issue, v);
      this.requireText('reason', '重新办理的理由', reason, 4, 2000);
      const now = new Date();
      const rule = await this.rule(m, issue.regionCode, issue.categories[0]);
      await m.query(
        `UPDATE "${this.s}".issue SET status = 'IN_PROGRESS', round = round + 1, reopen_count = reopen_count + 1,
           outcome = NULL, answer = NULL, answered_at = NULL, plan_due = $2, feedback_due = $3, close_due = $4
         WHERE id = $1`,
        [
          id,
          this.calendar.deadline(now, rule.plan_days),
          this.calendar.deadline(now, rule.feedback_days),
          this.calendar.deadline(now, rule.close_days),
        ],
      );
      return {
        to: IssueStatus.IN_PROGRESS,
        note: text(reason),
        after: (fresh) =>
          this.outbox.add(
            m,
            'IssueReopened',
            { type: 'Issue', id },
            { issue: this.facts(fresh), reason: text(reason) },
          ),
      };
    });
  }

  /** 销号 */
  close(id: string, viewer: Viewer | null, note?: string | null): Promise<Issue> {
    return this.act(id, viewer, 'CLOSE', async (m, issue, v) => {
      this.optionalText('note', '备注', note, NOTE_MAX);
      if (!hasRole(v, Role.ADMIN)) this.assertLead(issue, v);
      await m.query(`UPDATE "${this.s}".issue SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [id]);
      return {
        to: IssueStatus.CLOSED,
        note,
        after: (fresh) =>
          this.closed(m, fresh, issue.status === IssueStatus.CONFIRMED ? 'CONFIRMED' : 'CLOSED'),
      };
    });
  }

  /** 撤回 (the enterprise). */
  withdraw(id: string, reason: string, viewer: Viewer | null): Promise<Issue> {
    return this.act(id, viewer, 'WITHDRAW', async (m, issue, v) => {
      this.assertOwnEnterprise(issue, v);
      this.requireText('reason', '撤回原因', reason, 2, 500);
      await this.endPause(m, issue);
      await m.query(`UPDATE "${this.s}".issue SET status = 'WITHDRAWN', closed_at = now() WHERE id = $1`, [
        id,
      ]);
      return {
        to: IssueStatus.WITHDRAWN,
        note: text(reason),
        after: (fresh) => this.closed(m, fresh, 'WITHDRAWN'),
      };
    });
  }

  /** 并单: a duplicate of the same enterprise's other appeal. */
  merge(id: string, intoId: string, note: string | null | undefined, viewer: Viewer | null): Promise<Issue> {
    return this.act(id, viewer, 'MERGE', async (m, issue) => {
      this.optionalText('note', '备注', note, NOTE_MAX);
      if (intoId === id)
        throw new AppError('MERGE_INTO_SELF', '不能并入自己', 'cannot merge an appeal into itself');
      const [target] = (
        isUuid(intoId)
          ? await m.query(`SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE i.id = $1 FOR UPDATE`, [
              intoId,
            ])
          : []
      ) as IssueRow[];
      if (!target) throw notFound('诉求', 'issue', intoId);
      if (target.enterprise_id !== issue.enterpriseId)
        throw new AppError(
          'MERGE_OTHER_ENTERPRISE',
          '只能合并同一企业的重复诉求（不同企业的同类问题请归入共性问题）',
          'merge only within one enterprise',
        );
      if (['CLOSED', 'WITHDRAWN', 'MERGED'].includes(target.status))
        throw new AppError(
          'MERGE_TARGET_CLOSED',
          `目标诉求${target.no}已${STATUS_LABELS[target.status as IssueStatus]}`,
          'the target is closed',
        );
      await this.endPause(m, issue);
      await m.query(
        `UPDATE "${this.s}".issue SET status = 'MERGED', merged_into_id = $2, closed_at = now() WHERE id = $1`,
        [id, intoId],
      );
      await this.log(m, intoId, this.system(), 'MERGED_IN', null, null, `并入诉求 ${issue.no}`, { from: id });
      return {
        to: IssueStatus.MERGED,
        note,
        data: { intoId },
        after: (fresh) => this.closed(m, fresh, 'MERGED'),
      };
    });
  }

  /** 提级: township → county → city, with a reason; a task force may be put in charge. */
  escalate(
    id: string,
    reason: string,
    taskForceId: string | null | undefined,
    viewer: Viewer | null,
  ): Promise<Issue> {
    return this.act(id, viewer, 'ESCALATE', async (m, issue, v) => {
      if (hasRole(v, Role.DEPARTMENT) && !hasRole(v, Role.ADMIN, Role.LEADER)) this.assertLead(issue, v);
      this.requireText('reason', '提级理由', reason, 4, 2000);
      const to = NEXT_LEVEL[issue.level];
      if (!to)
        throw new AppError(
          'ALREADY_TOP_LEVEL',
          '市级诉求无法再提级',
          'a city-level appeal cannot be escalated',
        );
      await this.endPause(m, issue);
      await m.query(
        `UPDATE "${this.s}".issue SET status = 'ACCEPTED', level = $2, escalation_count = escalation_count + 1,
           lead_department_id = NULL, co_department_ids = '{}', handler = NULL, task_force_id = $3, difficult = true
         WHERE id = $1`,
        [id, to, taskForceId ?? null],
      );
      return {
        to: IssueStatus.ACCEPTED,
        note: text(reason),
        data: { fromLevel: issue.level, toLevel: to, taskForceId: taskForceId ?? null },
        after: (fresh) =>
          this.outbox.add(
            m,
            'IssueEscalated',
            { type: 'Issue', id },
            {
              issue: this.facts(fresh),
              fromLevel: issue.level,
              toLevel: to,
              reason: text(reason),
            },
          ),
      };
    });
  }

  /** 申请说“不”评议 (the enterprise, on a signed-off refusal). */
  requestReview(id: string, reason: string, viewer: Viewer | null): Promise<Issue> {
    return this.act(id, viewer, 'REQUEST_REVIEW', async (m, issue, v) => {
      this.assertOwnEnterprise(issue, v);
      if (issue.outcome !== IssueOutcome.CANNOT_HANDLE)
        throw new AppError(
          'NOT_A_REFUSAL',
          '只有“不能办”的答复可以申请评议',
          'only a CANNOT_HANDLE answer can be reviewed',
        );
      this.requireText('reason', '申请评议的理由', reason, 4, 2000);
      const [refusal] = (await m.query(
        `SELECT id FROM "${this.s}".refusal WHERE issue_id = $1 AND status = 'APPROVED' ORDER BY decided_at DESC LIMIT 1`,
        [id],
      )) as { id: string }[];
      if (!refusal) throw new AppError('NOT_A_REFUSAL', '未找到已签批的“不能办”', 'no approved refusal');
      await m.query(
        `INSERT INTO "${this.s}".review_case (issue_id, refusal_id, requested_by, request_reason) VALUES ($1, $2, $3, $4)`,
        [id, refusal.id, v.sub, text(reason)],
      );
      await m.query(`UPDATE "${this.s}".issue SET status = 'REVIEW_REQUESTED' WHERE id = $1`, [id]);
      return { to: IssueStatus.REVIEW_REQUESTED, note: text(reason) };
    });
  }

  /** 评议决定: upheld (the answer stands) or overturned (二次交办 with new deadlines). */
  decideReview(
    id: string,
    input: {
      decision: 'UPHELD' | 'OVERTURNED';
      hearingOn?: string | null;
      panel?: string[] | null;
      record: string;
    },
    viewer: Viewer | null,
  ): Promise<Issue> {
    return this.act(id, viewer, 'DECIDE_REVIEW', async (m, issue, v) => {
      this.requireText('record', '评议记录', input.record, 10, 10000);
      const panel = input.panel ?? [];
      if (panel.length > 20 || panel.some((name) => len(text(name)) > 30))
        throw badInput([
          {
            field: 'panel',
            code: 'INVALID_LENGTH',
            message: '评议团最多20人，每人姓名不超过30个字',
            messageEn: 'panel: at most 20 names of at most 30 characters',
          },
        ]);
      if (input.hearingOn && !isIsoDate(input.hearingOn))
        throw badInput([
          {
            field: 'hearingOn',
            code: 'INVALID_DATE',
            message: '评议日期格式应为 YYYY-MM-DD',
            messageEn: 'hearingOn: YYYY-MM-DD',
          },
        ]);
      const [review] = returned<{ id: string; refusal_id: string }>(
        await m.query(
          `UPDATE "${this.s}".review_case SET decision = $2, hearing_on = $3, panel = $4, record = $5, decided_by = $6,
           decided_at = now() WHERE issue_id = $1 AND decision IS NULL RETURNING id, refusal_id`,
          [id, input.decision, input.hearingOn ?? null, input.panel ?? [], text(input.record), v.sub],
        ),
      );
      if (!review) throw new AppError('NO_OPEN_REVIEW', '没有待决定的评议', 'no open review');
      let to = IssueStatus.ANSWERED;
      if (input.decision === 'OVERTURNED') {
        const now = new Date();
        const rule = await this.rule(m, issue.regionCode, issue.categories[0]);
        await m.query(
          `UPDATE "${this.s}".issue SET status = 'ASSIGNED', outcome = NULL, answer = NULL, answered_at = NULL,
             round = round + 1, assigned_at = now(), plan_due = $2, feedback_due = $3, close_due = $4 WHERE id = $1`,
          [
            id,
            this.calendar.deadline(now, rule.plan_days),
            this.calendar.deadline(now, rule.feedback_days),
            this.calendar.deadline(now, rule.close_days),
          ],
        );
        to = IssueStatus.ASSIGNED;
      } else {
        await m.query(`UPDATE "${this.s}".issue SET status = 'ANSWERED' WHERE id = $1`, [id]);
      }
      return {
        to,
        note: text(input.record),
        data: { decision: input.decision, reviewId: review.id },
        after: async (fresh) => {
          await this.outbox.add(
            m,
            'ReviewDecided',
            { type: 'Issue', id },
            {
              issue: this.facts(fresh),
              refusalId: review.refusal_id,
              reviewId: review.id,
              decision: input.decision,
            },
          );
          if (input.decision === 'OVERTURNED')
            await this.outbox.add(
              m,
              'IssueAssigned',
              { type: 'Issue', id },
              {
                issue: this.facts(fresh),
                planDue: (fresh.planDue ?? new Date()).toISOString(),
                feedbackDue: (fresh.feedbackDue ?? new Date()).toISOString(),
                closeDue: (fresh.closeDue ?? new Date()).toISOString(),
                reassignment: true,
              },
            );
        },
      };
    });
  }

  // --- internals -------------------------------------------------------------------------------

  /**
   * One action: lock the appeal, check the role and the state, apply, write the timeline entry and
   * (through `after`) the events — all in one transaction. Anything refused writes nothing.
   */
  private act(
    id: string,
    viewer: Viewer | null,
    action: IssueAction,
    apply: (
      m: EntityManager,
      issue: Issue,
      viewer: Viewer,
    ) => Promise<{
      to: IssueStatus;
      note?: string | null;
      data?: Record<string, unknown>;
      after?: (fresh: Issue) => Promise<unknown>;
    }>,
  ): Promise<Issue> {
    const v = assertRoles(viewer, ALLOWED_ROLES[action], ACTION_LABELS[action]);
    return this.ds.transaction(async (m) => {
      const params: unknown[] = [id];
      const rows: IssueRow[] = isUuid(id)
        ? await m.query(
            `SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE i.id = $1 AND ${issueScopeSql(this.s, v, params)} FOR UPDATE`,
            params,
          )
        : [];
      const issue = rows[0] ? toIssue(rows[0]) : null;
      if (!issue) throw notFound('诉求', 'issue', id);
      if (!ALLOWED_FROM[action].includes(issue.status))
        throw new AppError(
          'INVALID_TRANSITION',
          `诉求当前为“${STATUS_LABELS[issue.status]}”，不能${ACTION_LABELS[action]}`,
          `cannot ${action} an appeal that is ${issue.status}`,
          { status: issue.status, action, allowedFrom: ALLOWED_FROM[action] },
        );
      const result = await apply(m, issue, v);
      await m.query(`UPDATE "${this.s}".issue SET version = version + 1, updated_at = now() WHERE id = $1`, [
        id,
      ]);
      const fresh = await this.load(m, id);
      const answeredNow = result.to === IssueStatus.ANSWERED && action !== 'DECIDE_REVIEW';
      await this.log(m, id, v, action, issue.status, result.to, result.note ?? null, {
        ...(result.data ?? {}),
        ...(answeredNow ? await this.answerFacts(m, fresh) : {}),
      });
      await result.after?.(fresh);
      return fresh;
    });
  }

  /**
   * Append a timeline entry (with the appeal's region, level and lead department as they now are)
   * and count it into the statistics, in the caller's transaction.
   */
  async log(
    m: EntityManager,
    id: string,
    v: Viewer,
    action: string,
    from: IssueStatus | null,
    to: IssueStatus | null,
    note: string | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    const [row] = (await m.query(
      `INSERT INTO "${this.s}".issue_event (issue_id, actor, actor_name, actor_roles, action, from_status, to_status, note, data)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8,
              $9::jsonb || jsonb_build_object('dims', jsonb_build_object('regionCode', i.region_code, 'level', i.level,
                'departmentId', i.lead_department_id))
         FROM "${this.s}".issue i WHERE i.id = $1
       RETURNING id::text`,
      [id, v.sub, v.name ?? null, v.roles, action, from, to, note ? text(note) : null, JSON.stringify(data)],
    )) as { id: string }[];
    if (row) await this.stats.applyEntries(m, [row.id]);
  }

  /** Outcome, working days taken (pauses excluded) and punctuality of an answer just given. */
  async answerFacts(
    m: EntityManager,
    fresh: Issue,
  ): Promise<{ outcome: string | null; workdays: number; onTime: boolean }> {
    const t = await this.timing(m, fresh, fresh.answeredAt ?? new Date());
    return { outcome: fresh.outcome, workdays: t.workdaysTaken, onTime: t.onTime };
  }

  private system(): Viewer {
    return { sub: 'system', name: '系统', roles: [] };
  }

  async load(m: EntityManager, id: string): Promise<Issue> {
    const rows: IssueRow[] = await m.query(
      `SELECT ${ISSUE_COLUMNS} FROM "${this.s}".issue i WHERE i.id = $1`,
      [id],
    );
    if (!rows[0]) throw notFound('诉求', 'issue', id);
    return toIssue(rows[0]);
  }

  private async enterprise(
    m: EntityManager,
    id: string,
  ): Promise<{ id: string; name: string; region_code: string }> {
    const rows: { id: string; name: string; region_code: string }[] = isUuid(id)
      ? await m.query(`SELECT id, name, region_code FROM "${this.s}".enterprise WHERE id = $1`, [id])
      : [];
    if (!rows[0]) throw notFound('企业', 'enterprise', id);
    return rows[0];
  }

  private async isPaired(m: EntityManager, cadreId: string, enterpriseId: string): Promise<boolean> {
    if (!isUuid(cadreId)) return false;
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM "${this.s}".cadre_pairing WHERE cadre_id = $1 AND enterprise_id = $2 AND NOT ended`,
      [cadreId, enterpriseId],
    );
    return rows.length > 0;
  }

  /** The most specific deadline rule for a region and category. */
  async rule(m: EntityManager, regionCode: string, category: string | undefined): Promise<DeadlineRule> {
    const [row] = (await m.query(
      `SELECT first_response_hours, plan_days, feedback_days, close_days FROM "${this.s}".deadline_rule
        WHERE $1 LIKE region_prefix || '%' AND category IN ('', $2)
        ORDER BY length(region_prefix) DESC, (category <> '') DESC LIMIT 1`,
      [regionCode, category ?? ''],
    )) as DeadlineRule[];
    return row ?? { first_response_hours: 24, plan_days: 3, feedback_days: 6, close_days: 10 };
  }

  private async pauses(m: EntityManager, id: string): Promise<PauseInterval[]> {
    const rows: { paused_at: Date; resumed_at: Date | null }[] = await m.query(
      `SELECT paused_at, resumed_at FROM "${this.s}".issue_pause WHERE issue_id = $1 ORDER BY paused_at`,
      [id],
    );
    return rows.map((r) => ({ from: r.paused_at, to: r.resumed_at }));
  }

  /** Due dates from the start of the current round, with every pause of the appeal counted. */
  private async recomputeDues(m: EntityManager, issue: Issue): Promise<void> {
    const start = issue.acceptedAt;
    if (!start) return;
    const rule = await this.rule(m, issue.regionCode, issue.categories[0]);
    const paused = await this.pauses(m, issue.id);
    const roundStart = issue.round > 1 && issue.assignedAt ? issue.assignedAt : start;
    await m.query(
      `UPDATE "${this.s}".issue SET plan_due = $2, feedback_due = $3, close_due = $4 WHERE id = $1`,
      [
        issue.id,
        this.calendar.deadline(roundStart, rule.plan_days, paused),
        this.calendar.deadline(roundStart, rule.feedback_days, paused),
        this.calendar.deadline(roundStart, rule.close_days, paused),
      ],
    );
  }

  private async endPause(m: EntityManager, issue: Issue): Promise<void> {
    if (!issue.pausedSince) return;
    await m.query(
      `UPDATE "${this.s}".issue_pause SET resumed_at = now() WHERE issue_id = $1 AND resumed_at IS NULL`,
      [issue.id],
    );
    await m.query(`UPDATE "${this.s}".issue SET paused_since = NULL WHERE id = $1`, [issue.id]);
  }

  private assertLead(issue: Issue, v: Viewer): void {
    if (hasRole(v, Role.ADMIN)) return;
    if (!v.departmentId || v.departmentId !== issue.leadDepartmentId)
      throw forbidden('只有承办（牵头）部门可以办理此诉求', 'only the lead department handles this appeal');
  }

  private assertOwnEnterprise(issue: Issue, v: Viewer): void {
    if (v.enterpriseId !== issue.enterpriseId)
      throw forbidden('只能处理本企业的诉求', 'only the enterprise itself may do this');
  }

  /** An optional text: absent or blank is fine, longer than `max` characters is not. */
  private optionalText(field: string, label: string, value: string | null | undefined, max: number): void {
    const n = len(text(value));
    if (n > max)
      throw badInput([
        {
          field,
          code: 'INVALID_LENGTH',
          message: `${label}不超过${max}个字（当前${n}个）`,
          messageEn: `${field}: at most ${max} characters`,
        },
      ]);
  }

  private requireText(field: string, label: string, value: string, min: number, max: number): void {
    const n = len(text(value));
    if (n < min || n > max)
      throw badInput([
        {
          field,
          code: 'INVALID_LENGTH',
          message: `${label}应为${min}–${max}个字（当前${n}个）`,
          messageEn: `${field}: ${min}–${max} characters`,
        },
      ]);
  }

  facts(issue: Issue): IssueFactsV1 {
    return {
      issueId: issue.id,
      enterpriseId: issue.enterpriseId,
      regionCode: issue.regionCode,
      level: issue.level,
      categories: issue.categories,
      scope: issue.scope,
      source: issue.source,
      leadDepartmentId: issue.leadDepartmentId,
      coDepartmentIds: issue.coDepartmentIds,
      submittedAt: issue.submittedAt.toISOString(),
      round: issue.round,
    };
  }

  private async timing(
    m: EntityManager,
    issue: Issue,
    at: Date,
  ): Promise<{ workdaysTaken: number; onTime: boolean }> {
    const start = issue.acceptedAt ?? issue.submittedAt;
    const paused = await this.pauses(m, issue.id);
    return {
      workdaysTaken: this.calendar.elapsedWorkdays(start, at, paused),
      onTime: issue.closeDue ? at <= issue.closeDue : true,
    };
  }

  async answered(m: EntityManager, fresh: Issue): Promise<void> {
    const at = fresh.answeredAt ?? new Date();
    await this.outbox.add(
      m,
      'IssueAnswered',
      { type: 'Issue', id: fresh.id },
      {
        issue: this.facts(fresh),
        outcome: fresh.outcome ?? IssueOutcome.RESOLVED,
        answeredAt: at.toISOString(),
        ...(await this.timing(m, fresh, at)),
      },
    );
  }

  private async closed(
    m: EntityManager,
    fresh: Issue,
    how: 'CONFIRMED' | 'CLOSED' | 'WITHDRAWN' | 'MERGED',
  ): Promise<void> {
    const at = fresh.closedAt ?? new Date();
    await this.outbox.add(
      m,
      'IssueClosed',
      { type: 'Issue', id: fresh.id },
      {
        issue: this.facts(fresh),
        outcome: fresh.outcome,
        closedAt: at.toISOString(),
        how,
        ...(await this.timing(m, fresh, at)),
      },
    );
  }
}
