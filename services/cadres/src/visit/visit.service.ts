import type { DataSource, EntityManager } from 'typeorm';
import {
  ProblemDomain,
  Role,
  VISIT_QUESTION_LABELS,
  VisitKind,
  VisitQuestion,
  type Viewer,
} from '@sfw/shared-types';
import { AppError, forbidden, groupByKeys, hasRole, notFound, type Outbox } from '@sfw/subgraph-kit';
import type { ReadScope } from '../access';
import { addDays, decodeCursor, encodeCursor, isUuid, must, Problems, todayInChina, uniq } from '../common';
import type { CadreService } from '../cadre/cadre.service';
import type { EnterpriseProjection } from '../enterprise/enterprise.projection';
import { toProblem, toVisit, VISIT_COLUMNS, type ProblemRow, type VisitRow } from '../rows';
import { param, visitScopeSql } from '../scope-sql';
import { VisitStatus, type Visit, type VisitProblem } from '../types';

export interface VisitValues {
  cadreId: string;
  enterpriseId: string;
  /** The day of the visit (planned or made), YYYY-MM-DD. */
  date: string;
  kind: VisitKind;
  questions: VisitQuestion[];
  notes?: string | null;
  serviceGroupId?: string | null;
  /** Go ahead despite a recent visit on the same question (扎堆走访), with a reason. */
  overrideReason?: string | null;
  problems?: { title: string; description?: string | null; domain: ProblemDomain }[] | null;
}

export interface CrowdingCheck {
  windowDays: number;
  from: string;
  to: string;
  /** Every visit (made or planned) to the enterprise in the window, any department. */
  recent: Visit[];
  /** Those that covered one of the questions asked about. */
  conflicts: Visit[];
}

export interface VisitFilterValues {
  cadreId?: string | null;
  departmentId?: string | null;
  enterpriseId?: string | null;
  serviceGroupId?: string | null;
  from?: string | null;
  to?: string | null;
  status?: VisitStatus | null;
  question?: VisitQuestion | null;
}

/** 走访: planned and recorded visits, with the crowding guard (扎堆走访). */
export class VisitService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly outbox: Outbox,
    private readonly cadres: CadreService,
    private readonly enterprises: EnterpriseProjection,
    /** Default window of the crowding guard, in days (CADRES_VISIT_WINDOW_DAYS). */
    readonly windowDays: number,
  ) {}

  async get(id: string, manager: EntityManager = this.ds.manager, lock = false): Promise<Visit> {
    const rows: VisitRow[] = isUuid(id)
      ? await manager.query(
          `SELECT ${VISIT_COLUMNS} FROM "${this.s}".visit v WHERE v.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
          [id],
        )
      : [];
    if (!rows[0]) throw notFound('走访记录', 'visit', id);
    return toVisit(rows[0]);
  }

  async findByIds(ids: readonly string[], scope: ReadScope): Promise<(Visit | null)[]> {
    const valid = ids.filter(isUuid);
    const params: unknown[] = [valid];
    const rows: VisitRow[] = valid.length
      ? await this.ds.query(
          `SELECT ${VISIT_COLUMNS} FROM "${this.s}".visit v
            WHERE v.id = ANY($1::uuid[]) AND ${visitScopeSql(this.s, scope, params)}`,
          params,
        )
      : [];
    const byId = new Map(rows.map((r) => [r.id, toVisit(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * Who visited (or plans to visit) the enterprise within `windowDays` of `date`, from any
   * department, and which of those visits covered one of `questions`.
   */
  async crowding(
    enterpriseId: string,
    questions: VisitQuestion[],
    date: string,
    windowDays = this.windowDays,
    excludeVisitId: string | null = null,
    manager: EntityManager = this.ds.manager,
  ): Promise<CrowdingCheck> {
    const from = addDays(date, -windowDays);
    const to = addDays(date, windowDays);
    const rows: VisitRow[] = isUuid(enterpriseId)
      ? await manager.query(
          `SELECT ${VISIT_COLUMNS} FROM "${this.s}".visit v
            WHERE v.enterprise_id = $1 AND v.status <> 'CANCELLED' AND v.visited_on BETWEEN $2 AND $3
              AND v.id IS DISTINCT FROM $4
            ORDER BY v.visited_on DESC, v.id`,
          [enterpriseId, from, to, excludeVisitId],
        )
      : [];
    const recent = rows.map(toVisit);
    const asked = new Set(questions);
    return {
      windowDays,
      from,
      to,
      recent,
      conflicts: recent.filter((v) => v.questions.some((q) => asked.has(q))),
    };
  }

  /** 计划走访: refused when a visit on the same question falls within the window, unless overridden. */
  async plan(input: VisitValues, viewer: Viewer): Promise<Visit> {
    return this.ds.transaction(async (m) => {
      const v = await this.validate(m, input, viewer, 'plan');
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`visit:${v.enterpriseId}`]);
      const check = await this.crowding(v.enterpriseId, v.questions, v.date, this.windowDays, null, m);
      if (check.conflicts.length && !v.overrideReason) throw await this.crowdedError(m, check, v.questions);
      const id = await this.insert(
        m,
        v,
        VisitStatus.PLANNED,
        viewer,
        check.conflicts.length ? v.overrideReason : null,
      );
      return this.get(id, m);
    });
  }

  /** 记录走访: a visit made (or a planned one completed); its problems go to the issues subgraph. */
  async record(input: VisitValues & { planId?: string | null }, viewer: Viewer): Promise<Visit> {
    return this.ds.transaction(async (m) => {
      let planned: Visit | null = null;
      if (input.planId) {
        planned = await this.get(input.planId, m, true);
        if (planned.status !== VisitStatus.PLANNED)
          throw new AppError(
            'VISIT_NOT_PLANNED',
            planned.status === VisitStatus.COMPLETED ? '该走访已记录过' : '该走访计划已取消',
            `the visit is ${planned.status}, not PLANNED`,
          );
        if (planned.cadreId !== input.cadreId || planned.enterpriseId !== input.enterpriseId)
          throw new AppError(
            'VISIT_PLAN_MISMATCH',
            '走访计划的服务员或企业与本次记录不一致',
            "the plan's cadre or enterprise differs from the record",
          );
      }
      const v = await this.validate(m, input, viewer, 'record');
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`visit:${v.enterpriseId}`]);
      const check = await this.crowding(
        v.enterpriseId,
        v.questions,
        v.date,
        this.windowDays,
        planned?.id ?? null,
        m,
      );
      const override = check.conflicts.length ? (v.overrideReason ?? planned?.overrideReason ?? null) : null;
      let id: string;
      if (planned) {
        id = planned.id;
        await m.query(
          `UPDATE "${this.s}".visit SET status = 'COMPLETED', visited_on = $2, kind = $3, questions = $4, notes = $5,
             service_group_id = $6, override_reason = $7, completed_at = now() WHERE id = $1`,
          [id, v.date, v.kind, v.questions, v.notes, v.serviceGroupId, override],
        );
        await this.insertProblems(m, id, v.problems);
      } else {
        id = await this.insert(m, v, VisitStatus.COMPLETED, viewer, override);
      }
      await m.query(
        `UPDATE "${this.s}".enterprise SET last_visit_on = GREATEST(last_visit_on, $2::date) WHERE id = $1`,
        [v.enterpriseId, v.date],
      );
      await m.query(
        `UPDATE "${this.s}".cadre SET last_visit_on = GREATEST(last_visit_on, $2::date) WHERE id = $1`,
        [v.cadreId, v.date],
      );
      const visit = await this.get(id, m);
      const problems = await this.problemsOf([id], m);
      await this.outbox.add(
        m,
        'VisitRecorded',
        { type: 'Visit', id },
        {
          visitId: id,
          cadreId: visit.cadreId,
          departmentId: visit.departmentId,
          enterpriseId: visit.enterpriseId,
          serviceGroupId: visit.serviceGroupId,
          visitedOn: visit.visitedOn,
          kind: visit.kind,
          questions: visit.questions,
          problems: (problems[0] ?? []).map((p) => ({
            id: p.id,
            title: p.title,
            description: p.description,
            domain: p.domain,
          })),
        },
      );
      return visit;
    });
  }

  async cancel(id: string, reason: string, viewer: Viewer, scope: ReadScope): Promise<Visit> {
    return this.ds.transaction(async (m) => {
      const visit = await this.get(id, m, true);
      if (!hasRole(viewer, Role.ADMIN) && viewer.cadreId !== visit.cadreId) {
        // A visit the viewer may not read answers exactly like a missing one (no existence
        // oracle); one it reads (a visit to an enterprise paired with it) is refused.
        const params: unknown[] = [id];
        const [seen] = (await m.query(
          `SELECT 1 FROM "${this.s}".visit v WHERE v.id = $1 AND ${visitScopeSql(this.s, scope, params)}`,
          params,
        )) as unknown[];
        if (!seen) throw notFound('走访记录', 'visit', id);
        throw forbidden('只能取消自己的走访计划', 'only the planning cadre or an administrator may cancel');
      }
      if (visit.status !== VisitStatus.PLANNED)
        throw new AppError(
          'VISIT_NOT_PLANNED',
          visit.status === VisitStatus.COMPLETED ? '已完成的走访不能取消' : '该走访计划已取消',
          `the visit is ${visit.status}, not PLANNED`,
        );
      const problems = new Problems();
      problems.text('reason', '取消原因', reason, 2, 200);
      problems.throwIfAny();
      await m.query(
        `UPDATE "${this.s}".visit SET status = 'CANCELLED', cancel_reason = $2, cancelled_at = now() WHERE id = $1`,
        [id, reason.trim()],
      );
      return this.get(id, m);
    });
  }

  cursorOf(v: Visit): string {
    return encodeCursor('visit', v.visitedOn, v.id);
  }

  async list(
    filter: VisitFilterValues,
    first: number,
    after: string | null,
    scope: ReadScope,
    withCount: boolean,
  ): Promise<{ rows: Visit[]; hasNextPage: boolean; totalCount: number | null }> {
    const params: unknown[] = [];
    const where = [visitScopeSql(this.s, scope, params)];
    const id = (field: keyof VisitFilterValues, column: string) => {
      const value = filter[field];
      if (value) where.push(isUuid(String(value)) ? `v.${column} = ${param(params, value)}` : 'FALSE');
    };
    id('cadreId', 'cadre_id');
    id('departmentId', 'department_id');
    id('enterpriseId', 'enterprise_id');
    id('serviceGroupId', 'service_group_id');
    const problems = new Problems();
    if (filter.from && problems.date('filter.from', '起始日期', filter.from))
      where.push(`v.visited_on >= ${param(params, filter.from)}`);
    if (filter.to && problems.date('filter.to', '截止日期', filter.to))
      where.push(`v.visited_on <= ${param(params, filter.to)}`);
    problems.throwIfAny();
    if (filter.status) where.push(`v.status = ${param(params, filter.status)}`);
    if (filter.question) where.push(`${param(params, filter.question)} = ANY (v.questions)`);
    const countParams = [...params];
    const countWhere = [...where];
    if (after) {
      const cur = decodeCursor(after, 'visit');
      where.push(`(v.visited_on, v.id) < (${param(params, cur.k)}::date, ${param(params, cur.id)}::uuid)`);
    }
    const [rows, count] = await Promise.all([
      this.ds.query(
        `SELECT ${VISIT_COLUMNS} FROM "${this.s}".visit v WHERE ${where.join(' AND ')}
          ORDER BY v.visited_on DESC, v.id DESC LIMIT ${first + 1}`,
        params,
      ) as Promise<VisitRow[]>,
      withCount
        ? (this.ds.query(
            `SELECT count(*)::int AS n FROM "${this.s}".visit v WHERE ${countWhere.join(' AND ')}`,
            countParams,
          ) as Promise<{ n: number }[]>)
        : Promise.resolve(null),
    ]);
    return {
      rows: rows.slice(0, first).map(toVisit),
      hasNextPage: rows.length > first,
      totalCount: count ? (count[0]?.n ?? 0) : null,
    };
  }

  /** The latest `limit` visits of each enterprise (one query for the whole batch). */
  async byEnterprises(
    ids: readonly string[],
    limit: number,
    since: string | null,
    scope: ReadScope,
    completedOnly: boolean,
  ): Promise<Visit[][]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return ids.map(() => []);
    const params: unknown[] = [valid];
    const conds = [`v.enterprise_id = e.id`, visitScopeSql(this.s, scope, params)];
    if (since) conds.push(`v.visited_on >= ${param(params, since)}`);
    if (completedOnly) conds.push(`v.status = 'COMPLETED'`);
    // LATERAL per enterprise walks visit_enterprise_idx backwards and stops after `limit` rows.
    const rows: VisitRow[] = await this.ds.query(
      `SELECT x.* FROM unnest($1::uuid[]) AS e(id)
        CROSS JOIN LATERAL (
          SELECT ${VISIT_COLUMNS} FROM "${this.s}".visit v WHERE ${conds.join(' AND ')}
           ORDER BY v.visited_on DESC, v.id DESC LIMIT ${limit}
        ) x`,
      params,
    );
    return groupByKeys(ids, rows.map(toVisit), (v) => v.enterpriseId);
  }

  /** Each cadre's visits in a period that the scope may read (one query for the batch). */
  async byCadres(ids: readonly string[], from: string, to: string, scope: ReadScope): Promise<Visit[][]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return ids.map(() => []);
    const params: unknown[] = [valid, from, to];
    const rows: VisitRow[] = await this.ds.query(
      `SELECT ${VISIT_COLUMNS} FROM "${this.s}".visit v
        WHERE v.cadre_id = ANY($1::uuid[]) AND v.visited_on BETWEEN $2 AND $3 AND ${visitScopeSql(this.s, scope, params)}
        ORDER BY v.cadre_id, v.visited_on DESC, v.id DESC`,
      params,
    );
    return groupByKeys(ids, rows.map(toVisit), (v) => v.cadreId);
  }

  async problemsOf(
    visitIds: readonly string[],
    manager: EntityManager = this.ds.manager,
  ): Promise<(VisitProblem & { visitId: string })[][]> {
    const valid = visitIds.filter(isUuid);
    const rows: ProblemRow[] = valid.length
      ? await manager.query(
          `SELECT id, visit_id, title, description, domain FROM "${this.s}".visit_problem
            WHERE visit_id = ANY($1::uuid[]) ORDER BY visit_id, position`,
          [valid],
        )
      : [];
    return groupByKeys(visitIds, rows.map(toProblem), (p) => p.visitId);
  }

  private async validate(
    m: EntityManager,
    input: VisitValues,
    viewer: Viewer,
    mode: 'plan' | 'record',
  ): Promise<Required<Omit<VisitValues, 'problems'>> & { problems: NonNullable<VisitValues['problems']> }> {
    const problems = new Problems();
    const today = todayInChina();
    const label = mode === 'plan' ? '计划走访日期' : '走访日期';
    if (problems.required('date', label, input.date) && problems.date('date', label, input.date)) {
      if (mode === 'plan' && input.date < today)
        problems.add(
          'date',
          'DATE_IN_PAST',
          '计划走访日期不能早于今天',
          'a planned visit cannot be in the past',
        );
      if (mode === 'record' && input.date > today)
        problems.add(
          'date',
          'DATE_IN_FUTURE',
          '走访日期不能晚于今天（尚未发生的走访请用“计划走访”）',
          'a recorded visit cannot be in the future',
        );
      if (mode === 'record' && input.date < addDays(today, -366))
        problems.add(
          'date',
          'DATE_TOO_OLD',
          '只能补录一年以内的走访',
          'visits older than a year cannot be recorded',
        );
    }
    if (!Object.values(VisitKind).includes(input.kind))
      problems.add('kind', 'INVALID_KIND', `未知的走访方式：${input.kind}`, `unknown kind ${input.kind}`);
    const questions = uniq(input.questions ?? []);
    if (questions.length === 0)
      problems.add(
        'questions',
        'REQUIRED',
        '请至少选择一项走访内容（五问）',
        'at least one question is required',
      );
    questions.forEach((q, i) => {
      if (!Object.values(VisitQuestion).includes(q))
        problems.add(`questions.${i}`, 'INVALID_QUESTION', `未知的走访内容：${q}`, `unknown question ${q}`);
    });
    const notes = input.notes?.trim() ?? '';
    if ([...notes].length > 2000)
      problems.add('notes', 'INVALID_LENGTH', '走访记录不超过2000个字符', 'notes: at most 2000 characters');
    const override = input.overrideReason?.trim() || null;
    if (override && [...override].length > 500)
      problems.add(
        'overrideReason',
        'INVALID_LENGTH',
        '再次走访的理由不超过500个字符',
        'overrideReason: at most 500 characters',
      );
    else if (override && [...override].length < 4)
      problems.add(
        'overrideReason',
        'INVALID_LENGTH',
        '请写明仍需走访的理由（至少4个字）',
        'overrideReason: at least 4 characters',
      );
    const found = input.problems ?? [];
    if (mode === 'plan' && found.length)
      problems.add(
        'problems',
        'NOT_ALLOWED',
        '计划走访时不能登记问题，请在记录走访时登记',
        'problems are recorded with the visit',
      );
    found.forEach((p, i) => {
      problems.text(`problems.${i}.title`, '问题标题', p.title, 2, 100);
      if (p.description && [...p.description].length > 2000)
        problems.add(
          `problems.${i}.description`,
          'INVALID_LENGTH',
          '问题描述不超过2000个字符',
          'description: at most 2000 characters',
        );
      if (!Object.values(ProblemDomain).includes(p.domain))
        problems.add(
          `problems.${i}.domain`,
          'INVALID_DOMAIN',
          `未知的问题领域：${p.domain}`,
          `unknown domain ${p.domain}`,
        );
    });
    if (found.length > 20)
      problems.add('problems', 'TOO_MANY', '一次走访最多登记20个问题', 'at most 20 problems per visit');
    if (input.kind === VisitKind.GROUP_SERVICE && !input.serviceGroupId)
      problems.add(
        'serviceGroupId',
        'REQUIRED',
        '组团服务须注明服务组',
        'a GROUP_SERVICE visit names its service group',
      );
    problems.throwIfAny();

    if (!hasRole(viewer, Role.ADMIN) && viewer.cadreId !== input.cadreId)
      throw forbidden('只能记录本人的走访', 'a cadre records only their own visits');
    const cadre = await this.cadres.get(input.cadreId, m);
    if (!cadre.active)
      throw new AppError('CADRE_INACTIVE', `${cadre.name}已离岗，不能再记录走访`, 'the cadre has left');
    const enterprise = await this.enterprises.find(input.enterpriseId, m);
    if (!enterprise) throw notFound('企业', 'enterprise', input.enterpriseId);
    const serviceGroupId = await this.authority(
      m,
      cadre.id,
      cadre.name,
      enterprise,
      input.serviceGroupId ?? null,
    );
    return {
      cadreId: cadre.id,
      enterpriseId: enterprise.id,
      date: input.date,
      kind: input.kind,
      questions,
      notes,
      serviceGroupId,
      overrideReason: override,
      problems: found.map((p) => ({
        title: p.title.trim(),
        description: p.description?.trim() ?? '',
        domain: p.domain,
      })),
    };
  }

  /**
   * A cadre visits an enterprise they are paired with, or one their service group was called in
   * for. Returns the service group the visit is made under (if any).
   */
  private async authority(
    m: EntityManager,
    cadreId: string,
    cadreName: string,
    enterprise: { id: string; name: string },
    serviceGroupId: string | null,
  ): Promise<string | null> {
    if (serviceGroupId) {
      const rows: { member: boolean; called: boolean; name: string }[] = isUuid(serviceGroupId)
        ? await m.query(
            `SELECT g.name,
                EXISTS (SELECT 1 FROM "${this.s}".service_group_member gm WHERE gm.group_id = g.id AND gm.cadre_id = $2) AS member,
                EXISTS (SELECT 1 FROM "${this.s}".service_group_call gc WHERE gc.group_id = g.id AND gc.enterprise_id = $3 AND gc.closed_at IS NULL) AS called
               FROM "${this.s}".service_group g WHERE g.id = $1`,
            [serviceGroupId, cadreId, enterprise.id],
          )
        : [];
      const g = rows[0];
      if (!g) throw notFound('服务组', 'service group', serviceGroupId);
      if (!g.member)
        throw new AppError(
          'NOT_GROUP_MEMBER',
          `${cadreName}不是“${g.name}”的成员`,
          'the cadre is not a member of the group',
        );
      if (!g.called)
        throw new AppError(
          'GROUP_NOT_CALLED_IN',
          `“${g.name}”未被请进${enterprise.name}，不能以服务组名义走访`,
          'the service group has not been called in for this enterprise',
        );
      return serviceGroupId;
    }
    const [row] = (await m.query(
      `SELECT
         EXISTS (SELECT 1 FROM "${this.s}".pairing WHERE cadre_id = $1 AND enterprise_id = $2 AND to_date IS NULL) AS paired,
         (SELECT gc.group_id FROM "${this.s}".service_group_call gc
            JOIN "${this.s}".service_group_member gm ON gm.group_id = gc.group_id AND gm.cadre_id = $1
           WHERE gc.enterprise_id = $2 AND gc.closed_at IS NULL ORDER BY gc.called_at DESC LIMIT 1) AS group_id`,
      [cadreId, enterprise.id],
    )) as { paired: boolean; group_id: string | null }[];
    if (row?.paired) return null;
    if (row?.group_id) return row.group_id;
    throw new AppError(
      'NOT_PAIRED',
      `${cadreName}未与${enterprise.name}结对，也不在被请进该企业的服务组中，不能记录走访`,
      'a cadre records visits only for enterprises paired with them or whose service group was called in',
    );
  }

  private async insert(
    m: EntityManager,
    v: Awaited<ReturnType<VisitService['validate']>>,
    status: VisitStatus,
    viewer: Viewer,
    overrideReason: string | null,
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO "${this.s}".visit (cadre_id, department_id, enterprise_id, service_group_id, status, visited_on,
         kind, questions, notes, override_reason, recorded_by, completed_at)
       SELECT $1, c.department_id, $2, $3, $4, $5, $6, $7, $8, $9, $10,
              CASE WHEN $4 = 'COMPLETED' THEN now() END
         FROM "${this.s}".cadre c WHERE c.id = $1
       RETURNING id`,
      [
        v.cadreId,
        v.enterpriseId,
        v.serviceGroupId,
        status,
        v.date,
        v.kind,
        v.questions,
        v.notes,
        overrideReason,
        viewer.sub,
      ],
    )) as { id: string }[];
    await this.insertProblems(m, must(row).id, v.problems);
    return must(row).id;
  }

  private async insertProblems(
    m: EntityManager,
    visitId: string,
    problems: { title: string; description?: string | null; domain: ProblemDomain }[],
  ): Promise<void> {
    if (!problems.length) return;
    await m.query(
      `INSERT INTO "${this.s}".visit_problem (visit_id, position, title, description, domain)
       SELECT $1, n - 1, title, description, domain
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(title, description, domain, n)`,
      [
        visitId,
        problems.map((p) => p.title),
        problems.map((p) => p.description ?? ''),
        problems.map((p) => p.domain),
      ],
    );
  }

  private async crowdedError(
    m: EntityManager,
    check: CrowdingCheck,
    asked: VisitQuestion[],
  ): Promise<AppError> {
    const cadreIds = uniq(check.conflicts.map((v) => v.cadreId));
    const rows: { id: string; name: string; department: string }[] = await m.query(
      `SELECT c.id, c.name, d.short_name AS department FROM "${this.s}".cadre c
         JOIN "${this.s}".department d ON d.id = c.department_id WHERE c.id = ANY($1::uuid[])`,
      [cadreIds],
    );
    const who = new Map(rows.map((r) => [r.id, r]));
    const askedSet = new Set(asked);
    const conflicts = check.conflicts.map((v) => ({
      visitId: v.id,
      date: v.visitedOn,
      status: v.status,
      cadreId: v.cadreId,
      cadreName: who.get(v.cadreId)?.name ?? '',
      department: who.get(v.cadreId)?.department ?? '',
      questions: v.questions.filter((q) => askedSet.has(q)),
    }));
    const lines = conflicts
      .slice(0, 5)
      .map(
        (c) =>
          `${c.date} ${c.department}${c.cadreName}（${c.questions.map((q) => VISIT_QUESTION_LABELS[q]).join('、')}${c.status === VisitStatus.PLANNED ? '，已计划' : ''}）`,
      );
    return new AppError(
      'VISIT_CROWDED',
      `${check.windowDays}天内已有${conflicts.length}次同一内容的走访：${lines.join('；')}${conflicts.length > 5 ? ' 等' : ''}。如确需再次走访，请填写理由`,
      `${conflicts.length} visit(s) on the same question within ${check.windowDays} days; pass overrideReason to go ahead`,
      { windowDays: check.windowDays, conflicts },
    );
  }
}
