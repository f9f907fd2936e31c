import { basisSql, type GrantBasis } from './basis';
import { Role, regionPrefix, type Viewer } from '@sfw/shared-types';
import {
  AppError,
  badInput,
  forbidden,
  hasRole,
  isIsoDate,
  isUuid,
  notFound,
  returned,
  unauthenticated,
  type FieldProblem,
} from '@sfw/subgraph-kit';
import type { WorkCalendar } from '@sfw/workdays';
import type { DataSource, EntityManager } from 'typeorm';
import { must } from '../must';
import { maxAmount } from '../rules/amount';
import { explain } from '../rules/rules';
import { APPLICATION_STATUS_LABELS, ApplicationStatus, chinaToday } from './model';
import { isOpen, POLICY_COLUMNS, type PolicyRow, type PolicyService } from './policy.service';

export interface Material {
  name: string;
  /** Where the file is (a storage key or URL); the platform does not hold files itself. */
  reference: string;
}

export interface ApplicationRow {
  id: string;
  no: string;
  policyId: string;
  enterpriseId: string;
  departmentId: string;
  regionCode: string;
  auto: boolean;
  declaredBase: number | null;
  materials: Material[];
  note: string | null;
  requestedAmount: number | null;
  status: ApplicationStatus;
  submittedBy: string;
  submittedAt: Date;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  approvedAmount: number | null;
  payoutDue: Date | null;
  paidAmount: number | null;
  paidOn: string | null;
  payoutReference: string | null;
  version: number;
  /** What the approval or grant relied on (null until approved). */
  basis: GrantBasis | null;
}

export interface ApplicationEventRow {
  at: Date;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
}

const COLUMNS = (
  a = 'a',
) => `${a}.id, ${a}.no, ${a}.policy_id AS "policyId", ${a}.enterprise_id AS "enterpriseId",
  ${a}.department_id AS "departmentId", ${a}.region_code AS "regionCode", ${a}.auto,
  ${a}.declared_base::float8 AS "declaredBase", ${a}.materials, ${a}.note, ${a}.requested_amount::float8 AS "requestedAmount",
  ${a}.status, ${a}.submitted_by AS "submittedBy", ${a}.submitted_at AS "submittedAt", ${a}.decision_note AS "decisionNote",
  ${a}.decided_by AS "decidedBy", ${a}.decided_at AS "decidedAt", ${a}.approved_amount::float8 AS "approvedAmount",
  ${a}.payout_due AS "payoutDue", ${a}.paid_amount::float8 AS "paidAmount", to_char(${a}.paid_on, 'YYYY-MM-DD') AS "paidOn",
  ${a}.payout_reference AS "payoutReference", ${a}.version, ${a}.basis`;

const text = (v: string | null | undefined) => v?.trim() || null;

/** Paid after the payout deadline, or approved and still unpaid past it (刚性兑现). */
export function payoutLate(
  a: Pick<ApplicationRow, 'status' | 'payoutDue' | 'paidOn'>,
  now = new Date(),
): boolean {
  if (!a.payoutDue) return false;
  const due = new Date(a.payoutDue);
  if (a.status === ApplicationStatus.APPROVED) return now.getTime() > due.getTime();
  if (a.status === ApplicationStatus.PAID && a.paidOn) return a.paidOn > chinaToday(due);
  return false;
}

/**
 * Applications (申报) from submission to payout (兑付): the enterprise applies with its declared base
 * and materials; the issuing department asks for more, rejects with a reason, or approves an
 * amount the policy's amount rule bounds; approval sets the payout deadline in working days; the
 * payout is recorded with its date and reference. Every step is an append-only timeline entry.
 */
export class ApplicationService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly calendar: WorkCalendar,
    private readonly policies: PolicyService,
  ) {}

  // --- reading -----------------------------------------------------------------------------------

  /** Who reads an application: its enterprise, the issuing department, paired cadres, leaders, evaluators, admins. */
  private scope(viewer: Viewer | null, params: unknown[]): string {
    if (!viewer) throw unauthenticated();
    if (hasRole(viewer, Role.ADMIN, Role.EVALUATOR)) return 'TRUE';
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const parts: string[] = [];
    if (hasRole(viewer, Role.LEADER) && viewer.regionCode)
      parts.push(`a.region_code LIKE ${p(`${regionPrefix(viewer.regionCode)}%`)}`);
    if (hasRole(viewer, Role.DEPARTMENT, Role.LEADER) && viewer.departmentId)
      parts.push(`a.department_id = ${p(viewer.departmentId)}`);
    if (hasRole(viewer, Role.CADRE) && viewer.cadreId)
      parts.push(
        `a.enterprise_id IN (SELECT enterprise_id FROM "${this.s}".cadre_pairing WHERE cadre_id = ${p(viewer.cadreId)} AND NOT ended)`,
      );
    if (hasRole(viewer, Role.ENTERPRISE) && viewer.enterpriseId)
      parts.push(`a.enterprise_id = ${p(viewer.enterpriseId)}`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  async list(
    filter: {
      policyId?: string | null;
      enterpriseId?: string | null;
      departmentId?: string | null;
      status?: ApplicationStatus | null;
      late?: boolean | null;
    },
    first: number,
    offset: number,
    viewer: Viewer | null,
  ): Promise<{ rows: ApplicationRow[]; total: number }> {
    const params: unknown[] = [];
    const where = [this.scope(viewer, params)];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.policyId) where.push(`a.policy_id = ${p(filter.policyId)}`);
    if (filter.enterpriseId) where.push(`a.enterprise_id = ${p(filter.enterpriseId)}`);
    if (filter.departmentId) where.push(`a.department_id = ${p(filter.departmentId)}`);
    if (filter.status) where.push(`a.status = ${p(filter.status)}`);
    if (filter.late)
      where.push(`((a.status = 'APPROVED' AND a.payout_due < now())
        OR (a.status = 'PAID' AND a.paid_on > (a.payout_due AT TIME ZONE 'Asia/Shanghai')::date))`);
    const w = where.join(' AND ');
    const [{ total }] = (await this.ds.query(
      `SELECT count(*)::int AS total FROM "${this.s}".application a WHERE ${w}`,
      params,
    )) as [{ total: number }];
    const rows = (await this.ds.query(
      `SELECT ${COLUMNS()} FROM "${this.s}".application a WHERE ${w}
       ORDER BY a.submitted_at DESC, a.id LIMIT ${p(first)} OFFSET ${p(offset)}`,
      params,
    )) as ApplicationRow[];
    return { rows, total };
  }

  async byIds(ids: readonly string[], viewer: Viewer | null): Promise<ApplicationRow[]> {
    const params: unknown[] = [ids.filter(isUuid)];
    const scope = this.scope(viewer, params);
    return (await this.ds.query(
      `SELECT ${COLUMNS()} FROM "${this.s}".application a WHERE a.id = ANY ($1::uuid[]) AND ${scope}`,
      params,
    )) as ApplicationRow[];
  }

  async ofEnterprises(ids: readonly string[], viewer: Viewer | null): Promise<ApplicationRow[]> {
    const params: unknown[] = [ids.filter(isUuid)];
    const scope = this.scope(viewer, params);
    return (await this.ds.query(
      `SELECT ${COLUMNS()} FROM "${this.s}".application a WHERE a.enterprise_id = ANY ($1::uuid[]) AND ${scope}
       ORDER BY a.submitted_at DESC`,
      params,
    )) as ApplicationRow[];
  }

  async timelines(ids: readonly string[]): Promise<(ApplicationEventRow & { applicationId: string })[]> {
    return (await this.ds.query(
      `SELECT application_id AS "applicationId", at, actor, action, from_status AS "fromStatus", to_status AS "toStatus", note
       FROM "${this.s}".application_event WHERE application_id = ANY ($1::uuid[]) ORDER BY id`,
      [ids.filter(isUuid)],
    )) as (ApplicationEventRow & { applicationId: string })[];
  }

  // --- the enterprise --------------------------------------------------------------------------

  async apply(
    input: {
      policyId: string;
      enterpriseId?: string | null;
      declaredBase?: number | null;
      materials?: Material[] | null;
      note?: string | null;
    },
    viewer: Viewer | null,
  ): Promise<ApplicationRow> {
    if (!viewer) throw unauthenticated();
    const enterpriseId = hasRole(viewer, Role.ENTERPRISE)
      ? viewer.enterpriseId
      : hasRole(viewer, Role.ADMIN)
        ? input.enterpriseId
        : null;
    if (!enterpriseId)
      throw forbidden(
        '只有企业本身（或管理员代为）可以申报政策',
        'only the enterprise (or an administrator for it) applies',
      );
    if (hasRole(viewer, Role.ENTERPRISE) && input.enterpriseId && input.enterpriseId !== viewer.enterpriseId)
      throw forbidden('只能为本企业申报', 'you may apply only for your own enterprise');
    return this.ds.transaction(async (m) => {
      const policy = await this.policy(m, input.policyId);
      if (!isOpen(policy))
        throw new AppError(
          'POLICY_NOT_OPEN',
          '该政策未在申报期内（未发布、未生效、已过期或已撤回）',
          'the policy is not open for applications',
        );
      if (policy.autoGrant)
        throw new AppError(
          'AUTO_GRANTED',
          '该政策免申即享，符合条件的企业无需申报，系统自动兑现',
          'this policy is granted without application',
        );
      const [e] = await this.policies.enterprisesByIds([enterpriseId], m);
      if (!e) throw notFound('企业', 'enterprise', enterpriseId);
      const why = explain(policy.rule, e, chinaToday());
      if (!why.eligible)
        throw new AppError(
          'NOT_ELIGIBLE',
          `不符合该政策的申报条件：${why.conditions
            .filter((c) => !c.holds)
            .map((c) => c.text)
            .join('；')}`,
          'the enterprise does not meet the policy’s conditions',
          { conditions: why.conditions },
        );
      const problems: FieldProblem[] = [];
      const materials = (input.materials ?? []).map((x) => ({
        name: x.name?.trim() ?? '',
        reference: x.reference?.trim() ?? '',
      }));
      materials.forEach((x, i) => {
        if (!x.name || x.name.length > 60 || !x.reference || x.reference.length > 500)
          problems.push({
            field: `materials.${i}`,
            code: 'INVALID_MATERIAL',
            message: `第${i + 1}项材料的名称或文件无效`,
            messageEn: 'invalid material',
          });
      });
      const missing = policy.materials.filter((need) => !materials.some((x) => x.name === need));
      if (missing.length)
        problems.push({
          field: 'materials',
          code: 'MATERIALS_MISSING',
          message: `缺少申报材料：${missing.join('、')}`,
          messageEn: `missing materials: ${missing.join(', ')}`,
        });
      const base = input.declaredBase ?? null;
      if (policy.amountRule.kind === 'SHARE' && base === null)
        problems.push({
          field: 'declaredBase',
          code: 'BASE_REQUIRED',
          message: `请填写${policy.amountRule.baseLabel}（元）`,
          messageEn: 'declaredBase is required for this policy',
        });
      if (base !== null && (!Number.isFinite(base) || base < 0 || base > 1e12))
        problems.push({
          field: 'declaredBase',
          code: 'OUT_OF_RANGE',
          message: '申报基数应为0至1万亿元',
          messageEn: 'declaredBase out of range',
        });
      if ((input.note?.length ?? 0) > 2000)
        problems.push({
          field: 'note',
          code: 'INVALID_TEXT',
          message: '说明不超过2000字',
          messageEn: 'note too long',
        });
      if (problems.length) throw badInput(problems);
      const [open] = (await m.query(
        `SELECT no FROM "${this.s}".application WHERE policy_id = $1 AND enterprise_id = $2 AND status IN ('SUBMITTED', 'MORE_MATERIAL')`,
        [policy.id, enterpriseId],
      )) as { no: string }[];
      if (open)
        throw new AppError(
          'APPLICATION_OPEN',
          `本企业对该政策已有在办申报（${open.no}），请勿重复申报`,
          'an application is already open',
          {
            no: open.no,
          },
        );
      const [row] = (await m.query(
        `INSERT INTO "${this.s}".application (no, policy_id, enterprise_id, department_id, region_code, declared_base,
           materials, note, requested_amount, submitted_by)
         SELECT 'ZC' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' ||
                  lpad(nextval('"${this.s}".application_no_seq')::text, 7, '0'),
                $1, $2, $3, $4, $5, $6, $7, $8, $9
         RETURNING ${COLUMNS('application')}`,
        [
          policy.id,
          enterpriseId,
          policy.departmentId,
          e.regionCode,
          base,
          JSON.stringify(materials),
          text(input.note),
          maxAmount(policy.amountRule, base),
          viewer.sub,
        ],
      )) as ApplicationRow[];
      const app = must(row);
      await this.log(m, app.id, viewer.sub, 'APPLY', null, ApplicationStatus.SUBMITTED, text(input.note));
      return app;
    });
  }

  /** 补充材料: the enterprise answers a request for more material; the application is back for review. */
  supplement(
    id: string,
    input: { materials?: Material[] | null; declaredBase?: number | null; note?: string | null },
    viewer: Viewer | null,
  ): Promise<ApplicationRow> {
    return this.act(
      id,
      viewer,
      'SUPPLEMENT',
      [ApplicationStatus.MORE_MATERIAL],
      'enterprise',
      async (m, a, policy) => {
        const materials = [...a.materials];
        for (const x of input.materials ?? []) {
          const name = x.name?.trim() ?? '';
          const reference = x.reference?.trim() ?? '';
          if (!name || !reference || name.length > 60 || reference.length > 500)
            throw badInput([
              {
                field: 'materials',
                code: 'INVALID_MATERIAL',
                message: '材料名称（不超过60字）和文件（不超过500字）都不能为空',
                messageEn: 'invalid material (a name of at most 60 characters, a reference of at most 500)',
              },
            ]);
          const at = materials.findIndex((y) => y.name === name);
          if (at >= 0) materials[at] = { name, reference };
          else materials.push({ name, reference });
        }
        if (materials.length > 50 || (input.note?.trim().length ?? 0) > 2000)
          throw badInput([
            materials.length > 50
              ? {
                  field: 'materials',
                  code: 'INVALID_MATERIAL',
                  message: '申报材料最多50份',
                  messageEn: 'at most 50 materials',
                }
              : {
                  field: 'note',
                  code: 'INVALID_LENGTH',
                  message: '说明不超过2000字',
                  messageEn: 'note: at most 2000 characters',
                },
          ]);
        const base =
          input.declaredBase === undefined || input.declaredBase === null
            ? a.declaredBase
            : input.declaredBase;
        if (base !== null && (!Number.isFinite(base) || base < 0 || base > 1e12))
          throw badInput([
            {
              field: 'declaredBase',
              code: 'OUT_OF_RANGE',
              message: '申报基数应为0至1万亿元',
              messageEn: 'declaredBase out of range',
            },
          ]);
        await m.query(
          `UPDATE "${this.s}".application SET materials = $2, declared_base = $3, requested_amount = $4 WHERE id = $1`,
          [a.id, JSON.stringify(materials), base, maxAmount(policy.amountRule, base)],
        );
        return { to: ApplicationStatus.SUBMITTED, note: text(input.note) };
      },
    );
  }

  withdraw(id: string, viewer: Viewer | null): Promise<ApplicationRow> {
    return this.act(
      id,
      viewer,
      'WITHDRAW',
      [ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_MATERIAL],
      'enterprise',
      async () => ({ to: ApplicationStatus.WITHDRAWN, note: null }),
    );
  }

  // --- the issuing department --------------------------------------------------------------------

  requestMaterial(id: string, note: string, viewer: Viewer | null): Promise<ApplicationRow> {
    const why = requireText('note', '需补充的材料说明', note, 4, 2000);
    return this.act(
      id,
      viewer,
      'REQUEST_MATERIAL',
      [ApplicationStatus.SUBMITTED],
      'department',
      async (m, a) => {
        await m.query(`UPDATE "${this.s}".application SET decision_note = $2 WHERE id = $1`, [a.id, why]);
        return { to: ApplicationStatus.MORE_MATERIAL, note: why };
      },
    );
  }

  reject(id: string, reason: string, viewer: Viewer | null): Promise<ApplicationRow> {
    const why = requireText('reason', '不予通过的理由', reason, 4, 2000);
    return this.act(
      id,
      viewer,
      'REJECT',
      [ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_MATERIAL],
      'department',
      async (m, a, _p, v) => {
        await m.query(
          `UPDATE "${this.s}".application SET decision_note = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
          [a.id, why, v.sub],
        );
        return { to: ApplicationStatus.REJECTED, note: why };
      },
    );
  }

  /** 审核通过: an amount within the policy's rule; the payout deadline runs from now in working days. */
  approve(id: string, amount: number, note: string | null, viewer: Viewer | null): Promise<ApplicationRow> {
    return this.act(
      id,
      viewer,
      'APPROVE',
      [ApplicationStatus.SUBMITTED],
      'department',
      async (m, a, policy, v) => {
        if ((note?.trim().length ?? 0) > 2000)
          throw badInput([
            {
              field: 'note',
              code: 'INVALID_LENGTH',
              message: '审核意见不超过2000字',
              messageEn: 'note: at most 2000 characters',
            },
          ]);
        const max = maxAmount(policy.amountRule, a.declaredBase);
        if (!Number.isFinite(amount) || amount < 0)
          throw badInput([
            {
              field: 'amount',
              code: 'OUT_OF_RANGE',
              message: '核定金额不能为负数',
              messageEn: 'amount must be >= 0',
            },
          ]);
        if (max !== null && amount > max + 1e-6)
          throw new AppError(
            'AMOUNT_EXCEEDS_RULE',
            `核定金额${amount}元超过政策规定的上限${max}元`,
            `the amount exceeds what the policy’s rule allows (${max})`,
            { max },
          );
        // Nothing to pay (a service, or an amount of 0): the approval settles it, no payout deadline.
        const due = amount > 0 ? this.calendar.deadline(new Date(), policy.payoutWorkdays) : null;
        await m.query(
          `UPDATE "${this.s}".application SET approved_amount = $2, decision_note = $3, decided_by = $4, decided_at = now(),
           payout_due = $5, basis = (SELECT ${basisSql('e')} FROM "${this.s}".enterprise e WHERE e.id = application.enterprise_id)
           WHERE id = $1`,
          [a.id, Math.round(amount * 100) / 100, text(note), v.sub, due],
        );
        return { to: ApplicationStatus.APPROVED, note: text(note) };
      },
    );
  }

  /** 兑付: the amount paid (at most the approved one), the date and the payment reference. */
  recordPayout(
    id: string,
    input: { amount: number; paidOn: string; reference: string },
    viewer: Viewer | null,
  ): Promise<ApplicationRow> {
    return this.act(id, viewer, 'PAY', [ApplicationStatus.APPROVED], 'department', async (m, a, _p, v) => {
      const problems: FieldProblem[] = [];
      if (!Number.isFinite(input.amount) || input.amount <= 0)
        problems.push({
          field: 'amount',
          code: 'OUT_OF_RANGE',
          message: '兑付金额应大于0',
          messageEn: 'amount must be > 0',
        });
      else if (a.approvedAmount !== null && input.amount > a.approvedAmount + 1e-6)
        problems.push({
          field: 'amount',
          code: 'PAYOUT_EXCEEDS_APPROVED',
          message: `兑付金额超过核定金额${a.approvedAmount}元`,
          messageEn: 'the payout exceeds the approved amount',
        });
      const today = chinaToday();
      if (!isIsoDate(input.paidOn ?? ''))
        problems.push({
          field: 'paidOn',
          code: 'INVALID_DATE',
          message: '兑付日期格式应为YYYY-MM-DD',
          messageEn: 'paidOn must be YYYY-MM-DD',
        });
      else if (input.paidOn > today)
        problems.push({
          field: 'paidOn',
          code: 'INVALID_DATE',
          message: '兑付日期不能晚于今天',
          messageEn: 'paidOn is in the future',
        });
      else if (a.decidedAt && input.paidOn < chinaToday(new Date(a.decidedAt)))
        problems.push({
          field: 'paidOn',
          code: 'INVALID_DATE',
          message: '兑付日期不能早于审核通过日期',
          messageEn: 'paidOn is before the approval',
        });
      const reference = input.reference?.trim() ?? '';
      if (reference.length < 2 || reference.length > 60)
        problems.push({
          field: 'reference',
          code: 'INVALID_TEXT',
          message: '支付凭证号应为2至60个字符',
          messageEn: 'reference must be 2–60 characters',
        });
      if (problems.length) throw badInput(problems);
      await m.query(
        `UPDATE "${this.s}".application SET paid_amount = $2, paid_on = $3, payout_reference = $4, paid_by = $5,
           paid_recorded_at = now() WHERE id = $1`,
        [a.id, Math.round(input.amount * 100) / 100, input.paidOn, reference, v.sub],
      );
      return { to: ApplicationStatus.PAID, note: `兑付${input.amount}元，凭证${reference}` };
    });
  }

  // --- the engine ---------------------------------------------------------------------------------

  private async policy(m: EntityManager, id: string): Promise<PolicyRow> {
    const [p] = isUuid(id)
      ? ((await m.query(`SELECT ${POLICY_COLUMNS()} FROM "${this.s}".policy p WHERE p.id = $1`, [
          id,
        ])) as PolicyRow[])
      : [];
    if (!p || p.status === 'DRAFT') throw notFound('政策', 'policy', id);
    return p;
  }

  private async act(
    id: string,
    viewer: Viewer | null,
    action: string,
    from: ApplicationStatus[],
    who: 'enterprise' | 'department',
    change: (
      m: EntityManager,
      a: ApplicationRow,
      p: PolicyRow,
      v: Viewer,
    ) => Promise<{ to: ApplicationStatus; note: string | null }>,
  ): Promise<ApplicationRow> {
    if (!viewer) throw unauthenticated();
    return this.ds.transaction(async (m) => {
      const params: unknown[] = [id];
      const scope = this.scope(viewer, params);
      const [a] = isUuid(id)
        ? ((await m.query(
            `SELECT ${COLUMNS()} FROM "${this.s}".application a WHERE a.id = $1 AND ${scope} FOR UPDATE`,
            params,
          )) as ApplicationRow[])
        : [];
      if (!a) throw notFound('申报', 'application', id);
      const allowed =
        hasRole(viewer, Role.ADMIN) ||
        (who === 'enterprise'
          ? hasRole(viewer, Role.ENTERPRISE) && viewer.enterpriseId === a.enterpriseId
          : hasRole(viewer, Role.DEPARTMENT, Role.LEADER) && viewer.departmentId === a.departmentId);
      if (!allowed)
        throw forbidden(
          who === 'enterprise' ? '只有申报企业可以办理此项' : '只有政策发布部门可以审核和兑付',
          who === 'enterprise'
            ? 'only the applying enterprise may do this'
            : 'only the issuing department may do this',
        );
      if (!from.includes(a.status))
        throw new AppError(
          'INVALID_TRANSITION',
          `申报当前为“${APPLICATION_STATUS_LABELS[a.status]}”，不能执行此操作`,
          `the application is ${a.status}; ${action} needs ${from.join(' or ')}`,
          { status: a.status, action, allowedFrom: from },
        );
      const [policy] = (await m.query(
        `SELECT ${POLICY_COLUMNS()} FROM "${this.s}".policy p WHERE p.id = $1`,
        [a.policyId],
      )) as PolicyRow[];
      const { to, note } = await change(m, a, must(policy), viewer);
      const [fresh] = returned<ApplicationRow>(
        await m.query(
          `UPDATE "${this.s}".application SET status = $2, version = version + 1 WHERE id = $1 RETURNING ${COLUMNS('application')}`,
          [a.id, to],
        ),
      );
      await this.log(m, a.id, viewer.sub, action, a.status, to, note);
      return must(fresh);
    });
  }

  private async log(
    m: EntityManager,
    id: string,
    actor: string,
    action: string,
    from: string | null,
    to: string,
    note: string | null,
  ): Promise<void> {
    await m.query(
      `INSERT INTO "${this.s}".application_event (application_id, actor, action, from_status, to_status, note)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, actor, action, from, to, note],
    );
  }
}

function requireText(
  field: string,
  label: string,
  value: string | null | undefined,
  min: number,
  max: number,
): string {
  const t = value?.trim() ?? '';
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
