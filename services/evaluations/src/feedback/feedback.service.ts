import { Role, regionPrefix, type Viewer } from '@sfw/shared-types';
import {
  AppError,
  badInput,
  forbidden,
  isIsoDate,
  isUuid,
  notFound,
  returned,
  type FieldProblem,
} from '@sfw/subgraph-kit';
import type { WorkCalendar } from '@sfw/workdays';
import type { DataSource, EntityManager } from 'typeorm';
import { supersedeCallbacks } from '../feedback/supersede';
import { must } from '../must';
import { actsForDepartment, assertRoles, feedbackScopeSql, readsAll } from '../access';
import type { EvaluationsConfig } from '../config';
import {
  BAD_RATING_MAX,
  ObserverKind,
  ObserverVerdict,
  RATING_OF_VALUE,
  RATING_VALUE,
  RatingLevel,
} from '../model';

export interface RatingRow {
  id: string;
  issueId: string;
  round: number;
  enterpriseId: string;
  departmentId: string | null;
  regionCode: string;
  answeredAt: Date;
  level: RatingLevel;
  timeliness: RatingLevel | null;
  attitude: RatingLevel | null;
  result: RatingLevel | null;
  comment: string | null;
  ratedBy: string | null;
  ratedAt: Date;
  status: 'VALID' | 'UNDER_APPEAL' | 'VOIDED';
}

export interface RectificationRow {
  id: string;
  ratingId: string;
  issueId: string;
  round: number;
  departmentId: string | null;
  status: 'OPEN' | 'VERIFIED' | 'REPORTED' | 'CLOSED' | 'CANCELLED';
  openedAt: Date;
  verifyDue: Date;
  rectifyDue: Date;
  verifiedAt: Date | null;
  verification: string | null;
  reportedAt: Date | null;
  report: string | null;
  closedAt: Date | null;
  outcome: 'SATISFIED' | 'NOT_SATISFIED' | 'VOIDED' | null;
  callbackId: string | null;
}

export interface RatingAppealRow {
  id: string;
  ratingId: string;
  departmentId: string | null;
  grounds: 'MALICIOUS' | 'MISTAKEN';
  reason: string;
  filedBy: string;
  filedAt: Date;
  decision: 'ACCEPTED' | 'REJECTED' | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

export interface ObserverReviewRow {
  id: string;
  departmentId: string;
  observerName: string;
  observerKind: ObserverKind;
  reviewedOn: string;
  findings: string;
  verdict: ObserverVerdict;
  recordedBy: string;
  recordedAt: Date;
}

export interface RatingWindowRow {
  issueId: string;
  round: number;
  answeredAt: Date;
  closesAt: Date;
  open: boolean;
  rated: boolean;
}

export interface RateInput {
  issueId: string;
  round?: number | null;
  level: RatingLevel;
  timeliness?: RatingLevel | null;
  attitude?: RatingLevel | null;
  result?: RatingLevel | null;
  comment?: string | null;
}

export interface CallFindings {
  reached: boolean;
  level?: RatingLevel | null;
  solved?: boolean | null;
  matchesRecord?: boolean | null;
  note?: string | null;
}

export interface ObserverReviewInput {
  departmentId: string;
  observerName: string;
  observerKind: ObserverKind;
  reviewedOn: string;
  findings: string;
  verdict: ObserverVerdict;
}

const RATING_COLUMNS = (
  a: string,
) => `${a}.id, ${a}.issue_id AS "issueId", ${a}.round, ${a}.enterprise_id AS "enterpriseId",
  ${a}.department_id AS "departmentId", ${a}.region_code AS "regionCode", ${a}.answered_at AS "answeredAt", ${a}.level,
  ${a}.timeliness, ${a}.attitude, ${a}.result, ${a}.comment, ${a}.rated_by AS "ratedBy", ${a}.rated_at AS "ratedAt",
  ${a}.status`;
const RECTIFICATION_COLUMNS = `id, rating_id AS "ratingId", issue_id AS "issueId", round, department_id AS "departmentId",
  status, opened_at AS "openedAt", verify_due AS "verifyDue", rectify_due AS "rectifyDue", verified_at AS "verifiedAt",
  verification, reported_at AS "reportedAt", report, closed_at AS "closedAt", outcome, callback_id AS "callbackId"`;
const APPEAL_COLUMNS = `id, rating_id AS "ratingId", department_id AS "departmentId", grounds, reason, filed_by AS "filedBy",
  filed_at AS "filedAt", decision, decided_by AS "decidedBy", decided_at AS "decidedAt", decision_note AS "decisionNote"`;
const OBSERVER_COLUMNS = `id, department_id AS "departmentId", observer_name AS "observerName", observer_kind AS "observerKind",
  to_char(reviewed_on, 'YYYY-MM-DD') AS "reviewedOn", findings, verdict, recorded_by AS "recordedBy", recorded_at AS "recordedAt"`;

type RawRating = Omit<RatingRow, 'level' | 'timeliness' | 'attitude' | 'result'> & {
  level: number;
  timeliness: number | null;
  attitude: number | null;
  result: number | null;
};

const levelOf = (v: number | null): RatingLevel | null => (v === null ? null : (RATING_OF_VALUE[v] ?? null));
const toRating = (r: RawRating, viewer: Viewer | null): RatingRow => ({
  ...r,
  level: must(levelOf(r.level), 'rating level'),
  timeliness: levelOf(r.timeliness),
  attitude: levelOf(r.attitude),
  result: levelOf(r.result),
  // Who rated stays with the enterprise, evaluators and administrators (no retaliation).
  ratedBy: readsAll(viewer) || viewer?.enterpriseId === r.enterpriseId ? r.ratedBy : null,
});

const text = (v: string | null | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

function requireText(
  field: string,
  label: string,
  value: string | null | undefined,
  min: number,
  max: number,
): string {
  const t = text(value) ?? '';
  if (t.length < min || t.length > max)
    throw badInput([
      {
        field,
        code: 'INVALID_TEXT',
        message: `${label}应为${min}至${max}个字`,
        messageEn: `${field} must be ${min}–${max} characters`,
      },
    ]);
  return t;
}

/**
 * The feedback evaluations collects outside review cycles: ratings (满意度评价) by the enterprise,
 * the rectification task (差评整改) a bad rating opens, the department's appeal against a rating
 * (申诉复核) and its decision, the callback that closes a rectification, and observer reviews.
 */
export class FeedbackService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly calendar: WorkCalendar,
    private readonly config: EvaluationsConfig,
  ) {}

  // --- ratings --------------------------------------------------------------------------------

  /** 满意度评价: only the appeal's enterprise, once per answered round, while the window is open. */
  async rate(input: RateInput, viewer: Viewer | null): Promise<RatingRow> {
    const v = assertRoles(viewer, [Role.ENTERPRISE], '评价诉求办理');
    if (!isUuid(input.issueId)) throw notFound('诉求', 'appeal', input.issueId);
    const problems: FieldProblem[] = [];
    if (input.comment && input.comment.trim().length > 1000)
      problems.push({
        field: 'comment',
        code: 'INVALID_TEXT',
        message: '评价意见不超过1000字',
        messageEn: 'comment too long',
      });
    if (input.round != null && (!Number.isInteger(input.round) || input.round < 1))
      problems.push({
        field: 'round',
        code: 'INVALID_ROUND',
        message: '办理轮次应为正整数',
        messageEn: 'round must be a positive integer',
      });
    if (problems.length) throw badInput(problems);
    return this.ds.transaction(async (m) => {
      const [answer] = (await m.query(
        `SELECT x.issue_id, x.round, x.enterprise_id, x.department_id, x.region_code, x.answered_at
         FROM "${this.s}".answer x WHERE x.issue_id = $1 AND ($2::int IS NULL OR x.round = $2)
         ORDER BY x.round DESC LIMIT 1`,
        [input.issueId, input.round ?? null],
      )) as {
        issue_id: string;
        round: number;
        enterprise_id: string;
        department_id: string | null;
        region_code: string;
        answered_at: Date;
      }[];
      if (!answer) {
        const [appeal] = (await m.query(`SELECT enterprise_id FROM "${this.s}".appeal WHERE issue_id = $1`, [
          input.issueId,
        ])) as [{ enterprise_id: string }];
        if (!appeal) throw notFound('诉求', 'appeal', input.issueId);
        if (appeal.enterprise_id !== v.enterpriseId) throw notFound('诉求', 'appeal', input.issueId);
        throw new AppError(
          'NOT_ANSWERED',
          input.round ? `诉求第${input.round}轮尚未答复，不能评价` : '诉求尚未答复，答复后才能评价',
          'the appeal has no answer to rate yet',
        );
      }
      if (answer.enterprise_id !== v.enterpriseId) throw notFound('诉求', 'appeal', input.issueId);
      const closesAt = this.windowClosesAt(answer.answered_at);
      if (Date.now() > closesAt.getTime())
        throw new AppError(
          'RATING_WINDOW_CLOSED',
          `评价期已于${closesAt.toISOString().slice(0, 10)}结束（答复后${this.config.ratingWindowDays}天内可评价）`,
          `the rating window closed at ${closesAt.toISOString()}`,
          { closesAt: closesAt.toISOString() },
        );
      const sub = (l: RatingLevel | null | undefined) => (l ? RATING_VALUE[l] : null);
      const inserted = (await m.query(
        `INSERT INTO "${this.s}".rating (issue_id, round, enterprise_id, department_id, region_code, answered_at, level,
           timeliness, attitude, result, comment, rated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (issue_id, round) DO NOTHING
         RETURNING ${RATING_COLUMNS('rating')}`,
        [
          answer.issue_id,
          answer.round,
          answer.enterprise_id,
          answer.department_id,
          answer.region_code,
          answer.answered_at,
          RATING_VALUE[input.level],
          sub(input.timeliness),
          sub(input.attitude),
          sub(input.result),
          text(input.comment),
          v.sub,
        ],
      )) as RawRating[];
      const row = inserted[0];
      if (!row)
        throw new AppError(
          'ALREADY_RATED',
          `本诉求第${answer.round}轮已评价过，每轮只能评价一次`,
          'this round is already rated',
          {
            round: answer.round,
          },
        );
      if (row.level <= BAD_RATING_MAX) await this.openRectification(m, row);
      return toRating(row, v);
    });
  }

  windowClosesAt(answeredAt: Date): Date {
    return new Date(answeredAt.getTime() + this.config.ratingWindowDays * 86_400_000);
  }

  /** A bad rating opens 差评整改: verify within N working days, rectify and report within M. */
  private async openRectification(m: EntityManager, rating: RawRating): Promise<void> {
    const at = new Date(rating.ratedAt);
    await m.query(
      `INSERT INTO "${this.s}".rectification (rating_id, issue_id, round, department_id, opened_at, verify_due, rectify_due)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        rating.id,
        rating.issueId,
        rating.round,
        rating.departmentId,
        at,
        this.calendar.deadline(at, this.config.verifyWorkdays),
        this.calendar.deadline(at, this.config.rectifyWorkdays),
      ],
    );
  }

  /** The ratings of these appeals the viewer may read, per appeal, oldest round first. */
  async ratingsOfIssues(issueIds: readonly string[], viewer: Viewer | null): Promise<RatingRow[]> {
    const params: unknown[] = [issueIds.filter(isUuid)];
    const scope = feedbackScopeSql('r', viewer, params, 'ap.cadre_id');
    const rows = (await this.ds.query(
      `SELECT ${RATING_COLUMNS('r')} FROM "${this.s}".rating r
       LEFT JOIN "${this.s}".appeal ap ON ap.issue_id = r.issue_id
       WHERE r.issue_id = ANY ($1::uuid[]) AND ${scope} ORDER BY r.issue_id, r.round`,
      params,
    )) as RawRating[];
    return rows.map((r) => toRating(r, viewer));
  }

  async ratingsByIds(ids: readonly string[], viewer: Viewer | null): Promise<RatingRow[]> {
    const params: unknown[] = [ids.filter(isUuid)];
    const scope = feedbackScopeSql('r', viewer, params, 'ap.cadre_id');
    const rows = (await this.ds.query(
      `SELECT ${RATING_COLUMNS('r')} FROM "${this.s}".rating r
       LEFT JOIN "${this.s}".appeal ap ON ap.issue_id = r.issue_id WHERE r.id = ANY ($1::uuid[]) AND ${scope}`,
      params,
    )) as RawRating[];
    return rows.map((r) => toRating(r, viewer));
  }

  /** Rating windows of these appeals' latest answered rounds (for the enterprise's "rate now" button). */
  async windowsOf(issueIds: readonly string[]): Promise<RatingWindowRow[]> {
    const rows = (await this.ds.query(
      `SELECT DISTINCT ON (x.issue_id) x.issue_id AS "issueId", x.round, x.answered_at AS "answeredAt",
         EXISTS (SELECT 1 FROM "${this.s}".rating r WHERE r.issue_id = x.issue_id AND r.round = x.round) AS rated
       FROM "${this.s}".answer x WHERE x.issue_id = ANY ($1::uuid[]) ORDER BY x.issue_id, x.round DESC`,
      [issueIds.filter(isUuid)],
    )) as Omit<RatingWindowRow, 'closesAt' | 'open'>[];
    return rows.map((r) => {
      const closesAt = this.windowClosesAt(new Date(r.answeredAt));
      return { ...r, closesAt, open: !r.rated && Date.now() <= closesAt.getTime() };
    });
  }

  /** Ratings for evaluators and departments: filtered, newest first, keyset by (rated_at, id). */
  async listRatings(
    filter: {
      departmentId?: string | null;
      from?: Date | null;
      to?: Date | null;
      badOnly?: boolean | null;
      status?: string | null;
    },
    first: number,
    after: { k: string; id: string } | null,
    viewer: Viewer | null,
  ): Promise<{ rows: RatingRow[]; total: number; hasNextPage: boolean }> {
    const params: unknown[] = [];
    const where = [feedbackScopeSql('r', viewer, params, 'ap.cadre_id')];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.departmentId) where.push(`r.department_id = ${p(filter.departmentId)}`);
    if (filter.from) where.push(`r.answered_at >= ${p(filter.from)}`);
    if (filter.to) where.push(`r.answered_at < ${p(filter.to)}`);
    if (filter.badOnly) where.push(`r.level <= ${BAD_RATING_MAX}`);
    if (filter.status) where.push(`r.status = ${p(filter.status)}`);
    const base = `FROM "${this.s}".rating r LEFT JOIN "${this.s}".appeal ap ON ap.issue_id = r.issue_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = (await this.ds.query(`SELECT count(*)::int AS total ${base}`, params)) as [
      { total: number },
    ];
    const page = [...params];
    let keyset = '';
    if (after) {
      page.push(after.k, after.id);
      keyset = ` AND (r.rated_at, r.id) < ($${page.length - 1}::timestamptz, $${page.length}::uuid)`;
    }
    // One row more than the page tells whether another page follows; it is not part of this one.
    page.push(first + 1);
    const rows = (await this.ds.query(
      `SELECT ${RATING_COLUMNS('r')} ${base}${keyset} ORDER BY r.rated_at DESC, r.id DESC LIMIT $${page.length}`,
      page,
    )) as RawRating[];
    return {
      rows: rows.slice(0, first).map((r) => toRating(r, viewer)),
      total,
      hasNextPage: rows.length > first,
    };
  }

  // --- rectifications (差评整改) ----------------------------------------------------------------

  async rectification(id: string, viewer: Viewer | null): Promise<RectificationRow> {
    const row = isUuid(id)
      ? (
          (await this.ds.query(
            `SELECT ${RECTIFICATION_COLUMNS} FROM "${this.s}".rectification WHERE id = $1`,
            [id],
          )) as RectificationRow[]
        )[0]
      : undefined;
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT], '查看整改任务');
    // Another department's task answers exactly like a missing one: no existence oracle.
    if (!row || !readsTask(v, row)) throw notFound('整改任务', 'rectification task', id);
    return row;
  }

  async listRectifications(
    filter: { departmentId?: string | null; status?: string | null; overdue?: boolean | null },
    viewer: Viewer | null,
  ): Promise<RectificationRow[]> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT], '查看整改任务');
    const params: unknown[] = [];
    const p = (x: unknown) => {
      params.push(x);
      return `$${params.length}`;
    };
    const where: string[] = [];
    // The same rule as one task (readsTask): every task, or the viewer's department's.
    if (!readsAll(v) && !(v.roles.includes(Role.LEADER) && !v.departmentId)) {
      if (!v.departmentId) return [];
      where.push(`department_id = ${p(v.departmentId)}`);
    }
    if (filter.departmentId) where.push(`department_id = ${p(filter.departmentId)}`);
    if (filter.status) where.push(`status = ${p(filter.status)}`);
    if (filter.overdue)
      where.push(
        `status IN ('OPEN', 'VERIFIED') AND ((status = 'OPEN' AND verify_due < now()) OR rectify_due < now())`,
      );
    return (await this.ds.query(
      `SELECT ${RECTIFICATION_COLUMNS} FROM "${this.s}".rectification
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at DESC LIMIT 500`,
      params,
    )) as RectificationRow[];
  }

  /** 核实: the department confirms what happened. */
  verifyRectification(id: string, note: string, viewer: Viewer | null): Promise<RectificationRow> {
    const verification = requireText('verification', '核实情况', note, 10, 2000);
    return this.moveTask(
      id,
      viewer,
      ['OPEN'],
      'VERIFIED',
      `verified_at = now(), verified_by = $2, verification = $3`,
      [verification],
    );
  }

  /** 整改报告: the department reports what it fixed; a callback closes the task. */
  reportRectification(id: string, report: string, viewer: Viewer | null): Promise<RectificationRow> {
    const text = requireText('report', '整改报告', report, 10, 5000);
    return this.moveTask(
      id,
      viewer,
      ['VERIFIED'],
      'REPORTED',
      `reported_at = now(), reported_by = $2, report = $3`,
      [text],
    );
  }

  private async moveTask(
    id: string,
    viewer: Viewer | null,
    from: string[],
    to: string,
    set: string,
    extra: unknown[],
  ): Promise<RectificationRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.DEPARTMENT, Role.LEADER], '办理整改任务');
    return this.ds.transaction(async (m) => {
      const [task] = isUuid(id)
        ? ((await m.query(
            `SELECT ${RECTIFICATION_COLUMNS} FROM "${this.s}".rectification WHERE id = $1 FOR UPDATE`,
            [id],
          )) as RectificationRow[])
        : [];
      // A task the viewer may not read answers exactly like a missing one (no existence oracle);
      // one it reads but may not act on (a leader reading every task) is refused.
      if (!task || !readsTask(v, task)) throw notFound('整改任务', 'rectification task', id);
      if (!actsForDepartment(v, task.departmentId))
        throw forbidden('只能办理本部门的整改任务', 'not your department’s task');
      if (!from.includes(task.status))
        throw new AppError(
          'INVALID_RECTIFICATION_STATE',
          `整改任务当前为“${TASK_LABELS[task.status]}”，不能${to === 'VERIFIED' ? '核实' : '报告整改'}`,
          `the task is ${task.status}; cannot move to ${to}`,
          { status: task.status },
        );
      const [row] = returned<RectificationRow>(
        await m.query(
          `UPDATE "${this.s}".rectification SET status = '${to}', ${set} WHERE id = $1 RETURNING ${RECTIFICATION_COLUMNS}`,
          [id, v.sub, ...extra],
        ),
      );
      return must(row);
    });
  }

  /** The callback (回访) after a reported rectification: closes the task with what the enterprise said. */
  async recordRectificationCallback(
    id: string,
    findings: CallFindings,
    viewer: Viewer | null,
  ): Promise<RectificationRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR], '记录整改回访');
    checkFindings(findings);
    return this.ds.transaction(async (m) => {
      const [task] = isUuid(id)
        ? ((await m.query(
            `SELECT ${RECTIFICATION_COLUMNS} FROM "${this.s}".rectification WHERE id = $1 FOR UPDATE`,
            [id],
          )) as RectificationRow[])
        : [];
      if (!task) throw notFound('整改任务', 'rectification task', id);
      if (task.status !== 'REPORTED')
        throw new AppError(
          'INVALID_RECTIFICATION_STATE',
          `整改任务当前为“${TASK_LABELS[task.status]}”，部门报告整改后才能回访`,
          `the task is ${task.status}; a callback follows the rectification report`,
          { status: task.status },
        );
      const [{ enterprise_id }] = (await m.query(
        `SELECT enterprise_id FROM "${this.s}".rating WHERE id = $1`,
        [task.ratingId],
      )) as [{ enterprise_id: string }];
      const [cb] = (await m.query(
        `INSERT INTO "${this.s}".callback (rectification_id, issue_id, round, enterprise_id, department_id, reasons, status,
           reached, level, solved, matches_record, note, called_by, called_at)
         VALUES ($1, $2, $3, $4, $5, '{RECTIFICATION}', 'DONE', $6, $7, $8, $9, $10, $11, now()) RETURNING id`,
        [
          id,
          task.issueId,
          task.round,
          enterprise_id,
          task.departmentId,
          findings.reached,
          findings.level ? RATING_VALUE[findings.level] : null,
          findings.solved ?? null,
          findings.matchesRecord ?? null,
          text(findings.note),
          v.sub,
        ],
      )) as { id: string }[];
      // Not reached: the task waits for another call.
      if (!findings.reached) {
        await m.query(`DELETE FROM "${this.s}".callback WHERE id = $1`, [must(cb).id]);
        throw new AppError(
          'CALLBACK_NOT_REACHED',
          '未接通的回访不能办结整改任务，请再次回访',
          'an unreached call cannot close the task',
        );
      }
      await supersedeCallbacks(m, this.s, task.issueId, task.round);
      const satisfied =
        findings.solved === true || (findings.level ? RATING_VALUE[findings.level] > BAD_RATING_MAX : false);
      const [row] = returned<RectificationRow>(
        await m.query(
          `UPDATE "${this.s}".rectification SET status = 'CLOSED', closed_at = now(), outcome = $2, callback_id = $3
           WHERE id = $1 RETURNING ${RECTIFICATION_COLUMNS}`,
          [id, satisfied ? 'SATISFIED' : 'NOT_SATISFIED', must(cb).id],
        ),
      );
      return must(row);
    });
  }

  // --- rating appeals (申诉复核) ------------------------------------------------------------------

  async fileRatingAppeal(
    ratingId: string,
    grounds: 'MALICIOUS' | 'MISTAKEN',
    reason: string,
    viewer: Viewer | null,
  ): Promise<RatingAppealRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.DEPARTMENT, Role.LEADER], '对评价提出申诉');
    const why = requireText('reason', '申诉理由', reason, 10, 2000);
    return this.ds.transaction(async (m) => {
      // Only a rating the viewer may read (the ratings rule); any other answers exactly like a
      // missing one (no existence oracle). A readable rating of another department is refused.
      const params: unknown[] = [ratingId];
      const [rating] = isUuid(ratingId)
        ? ((await m.query(
            `SELECT r.id, r.department_id AS "departmentId", r.status FROM "${this.s}".rating r
              WHERE r.id = $1 AND ${feedbackScopeSql('r', v, params)} FOR UPDATE`,
            params,
          )) as { id: string; departmentId: string | null; status: string }[])
        : [];
      if (!rating) throw notFound('评价', 'rating', ratingId);
      if (!actsForDepartment(v, rating.departmentId))
        throw forbidden('只能对本部门收到的评价申诉', 'not your department’s rating');
      if (rating.status === 'UNDER_APPEAL')
        throw new AppError('APPEAL_PENDING', '该评价已有待复核的申诉', 'an appeal of this rating is pending');
      if (rating.status === 'VOIDED')
        throw new AppError('RATING_VOIDED', '该评价已被撤销', 'the rating is already voided');
      const [{ n }] = (await m.query(
        `SELECT count(*)::int AS n FROM "${this.s}".rating_appeal WHERE rating_id = $1 AND decision IS NOT NULL`,
        [ratingId],
      )) as [{ n: number }];
      if (n > 0)
        throw new AppError(
          'APPEAL_DECIDED',
          '该评价的申诉已复核，不能再次申诉',
          'this rating’s appeal was already decided',
        );
      const [row] = (await m.query(
        `INSERT INTO "${this.s}".rating_appeal (rating_id, department_id, grounds, reason, filed_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${APPEAL_COLUMNS}`,
        [ratingId, rating.departmentId, grounds, why, v.sub],
      )) as RatingAppealRow[];
      await m.query(`UPDATE "${this.s}".rating SET status = 'UNDER_APPEAL' WHERE id = $1`, [ratingId]);
      return must(row);
    });
  }

  /** An evaluator decides: ACCEPTED voids the rating (and cancels its task); REJECTED keeps it. */
  async decideRatingAppeal(
    appealId: string,
    decision: 'ACCEPTED' | 'REJECTED',
    note: string,
    viewer: Viewer | null,
  ): Promise<RatingAppealRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR], '复核评价申诉');
    const why = requireText('note', '复核意见', note, 4, 2000);
    return this.ds.transaction(async (m) => {
      const [row] = isUuid(appealId)
        ? returned<RatingAppealRow>(
            await m.query(
              `UPDATE "${this.s}".rating_appeal SET decision = $2, decided_by = $3, decided_at = now(), decision_note = $4
               WHERE id = $1 AND decision IS NULL RETURNING ${APPEAL_COLUMNS}`,
              [appealId, decision, v.sub, why],
            ),
          )
        : [];
      if (!row) {
        const [exists] = isUuid(appealId)
          ? ((await m.query(`SELECT 1 FROM "${this.s}".rating_appeal WHERE id = $1`, [
              appealId,
            ])) as unknown[])
          : [];
        if (!exists) throw notFound('申诉', 'rating appeal', appealId);
        throw new AppError(
          'APPEAL_DECIDED',
          '该申诉已复核，结论已记录在案，不能更改',
          'the appeal is already decided',
        );
      }
      await m.query(`UPDATE "${this.s}".rating SET status = $2 WHERE id = $1`, [
        row.ratingId,
        decision === 'ACCEPTED' ? 'VOIDED' : 'VALID',
      ]);
      if (decision === 'ACCEPTED')
        await m.query(
          `UPDATE "${this.s}".rectification SET status = 'CANCELLED', outcome = 'VOIDED', closed_at = now()
           WHERE rating_id = $1 AND status <> 'CLOSED'`,
          [row.ratingId],
        );
      return row;
    });
  }

  async ratingAppeals(
    filter: { departmentId?: string | null; pending?: boolean | null },
    viewer: Viewer | null,
  ): Promise<RatingAppealRow[]> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT], '查看评价申诉');
    const params: unknown[] = [];
    const where: string[] = [];
    if (!readsAll(v)) {
      if (!v.departmentId) return [];
      params.push(v.departmentId);
      where.push(`department_id = $${params.length}`);
    }
    if (filter.departmentId) {
      params.push(filter.departmentId);
      where.push(`department_id = $${params.length}`);
    }
    if (filter.pending) where.push('decision IS NULL');
    return (await this.ds.query(
      `SELECT ${APPEAL_COLUMNS} FROM "${this.s}".rating_appeal ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY filed_at DESC LIMIT 500`,
      params,
    )) as RatingAppealRow[];
  }

  async appealsOfRatings(ratingIds: readonly string[]): Promise<RatingAppealRow[]> {
    return (await this.ds.query(
      `SELECT ${APPEAL_COLUMNS} FROM "${this.s}".rating_appeal WHERE rating_id = ANY ($1::uuid[]) ORDER BY filed_at`,
      [ratingIds],
    )) as RatingAppealRow[];
  }

  async rectificationsOfRatings(ratingIds: readonly string[]): Promise<RectificationRow[]> {
    return (await this.ds.query(
      `SELECT ${RECTIFICATION_COLUMNS} FROM "${this.s}".rectification WHERE rating_id = ANY ($1::uuid[])`,
      [ratingIds],
    )) as RectificationRow[];
  }

  // --- observer reviews (观察员) ----------------------------------------------------------------

  async recordObserverReview(input: ObserverReviewInput, viewer: Viewer | null): Promise<ObserverReviewRow> {
    const v = assertRoles(viewer, [Role.ADMIN, Role.EVALUATOR], '记录观察员评价');
    const problems: FieldProblem[] = [];
    if (!isUuid(input.departmentId))
      problems.push({
        field: 'departmentId',
        code: 'UNKNOWN_DEPARTMENT',
        message: '部门不存在',
        messageEn: 'unknown department',
      });
    if (!isIsoDate(input.reviewedOn))
      problems.push({
        field: 'reviewedOn',
        code: 'INVALID_DATE',
        message: '评价日期格式应为YYYY-MM-DD',
        messageEn: 'reviewedOn must be YYYY-MM-DD',
      });
    else if (input.reviewedOn > new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10))
      problems.push({
        field: 'reviewedOn',
        code: 'INVALID_DATE',
        message: '评价日期不能晚于今天',
        messageEn: 'reviewedOn is in the future',
      });
    const name = text(input.observerName) ?? '';
    if (name.length < 2 || name.length > 50)
      problems.push({
        field: 'observerName',
        code: 'INVALID_TEXT',
        message: '观察员姓名应为2至50个字',
        messageEn: 'observerName must be 2–50 characters',
      });
    const findings = text(input.findings) ?? '';
    if (findings.length < 10 || findings.length > 5000)
      problems.push({
        field: 'findings',
        code: 'INVALID_TEXT',
        message: '评价意见应为10至5000个字',
        messageEn: 'findings must be 10–5000 characters',
      });
    if (problems.length) throw badInput(problems);
    const [dept] = (await this.ds.query(`SELECT 1 FROM "${this.s}".department WHERE id = $1`, [
      input.departmentId,
    ])) as unknown[];
    if (!dept)
      throw badInput([
        {
          field: 'departmentId',
          code: 'UNKNOWN_DEPARTMENT',
          message: `部门不存在：${input.departmentId}`,
          messageEn: 'unknown department',
        },
      ]);
    const [row] = (await this.ds.query(
      `INSERT INTO "${this.s}".observer_review (department_id, observer_name, observer_kind, reviewed_on, findings, verdict, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${OBSERVER_COLUMNS}`,
      [input.departmentId, name, input.observerKind, input.reviewedOn, findings, input.verdict, v.sub],
    )) as ObserverReviewRow[];
    return must(row);
  }

  async observerReviews(
    filter: { departmentId?: string | null; from?: string | null; to?: string | null },
    viewer: Viewer | null,
  ): Promise<ObserverReviewRow[]> {
    const v = assertRoles(
      viewer,
      [Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT],
      '查看观察员评价',
    );
    const params: unknown[] = [];
    const p = (x: unknown) => {
      params.push(x);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (!readsAll(v) && !(v.roles.includes(Role.LEADER) && v.regionCode)) {
      if (!v.departmentId) return [];
      where.push(`o.department_id = ${p(v.departmentId)}`);
    } else if (!readsAll(v) && v.regionCode) {
      where.push(
        `o.department_id IN (SELECT id FROM "${this.s}".department WHERE region_code LIKE ${p(`${regionPrefix(v.regionCode)}%`)})`,
      );
    }
    if (filter.departmentId) where.push(`o.department_id = ${p(filter.departmentId)}`);
    if (filter.from) where.push(`o.reviewed_on >= ${p(filter.from)}`);
    if (filter.to) where.push(`o.reviewed_on < ${p(filter.to)}`);
    return (await this.ds.query(
      `SELECT ${OBSERVER_COLUMNS} FROM "${this.s}".observer_review o ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY o.reviewed_on DESC, o.recorded_at DESC LIMIT 500`,
      params,
    )) as ObserverReviewRow[];
  }
}

export const TASK_LABELS: Record<RectificationRow['status'], string> = {
  OPEN: '待核实',
  VERIFIED: '已核实待整改',
  REPORTED: '已整改待回访',
  CLOSED: '已办结',
  CANCELLED: '已撤销',
};

/** A reached call must say how the enterprise rates it, whether it was solved and whether it matches. */
export function checkFindings(f: CallFindings): void {
  const problems: FieldProblem[] = [];
  if (f.note && f.note.trim().length > 2000)
    problems.push({
      field: 'findings.note',
      code: 'INVALID_TEXT',
      message: '回访记录不超过2000个字',
      messageEn: 'findings.note: at most 2000 characters',
    });
  if (!f.reached) {
    if (problems.length) throw badInput(problems);
    return;
  }
  if (!f.level)
    problems.push({
      field: 'level',
      code: 'REQUIRED',
      message: '接通的回访须记录企业的满意度',
      messageEn: 'level is required when reached',
    });
  if (f.solved == null)
    problems.push({
      field: 'solved',
      code: 'REQUIRED',
      message: '接通的回访须记录问题是否真正解决',
      messageEn: 'solved is required when reached',
    });
  if (f.matchesRecord == null)
    problems.push({
      field: 'matchesRecord',
      code: 'REQUIRED',
      message: '接通的回访须记录是否与部门报告一致',
      messageEn: 'matchesRecord is required when reached',
    });
  if (problems.length) throw badInput(problems);
}

/**
 * Which rectification tasks a viewer reads: administrators and evaluators every task, department
 * staff and leaders their own department's, a leader without a department every task.
 */
function readsTask(v: Viewer, task: { departmentId: string | null }): boolean {
  return (
    readsAll(v) ||
    actsForDepartment(v, task.departmentId) ||
    (v.roles.includes(Role.LEADER) && !v.departmentId)
  );
}
