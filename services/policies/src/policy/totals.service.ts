import { readDivisions, Role, regionPrefix, type Viewer } from '@sfw/shared-types';
import {
  checkInput,
  dateProblem,
  divisionProblem,
  forbidden,
  hasRole,
  isUuid,
  unauthenticated,
} from '@sfw/subgraph-kit';
import type { DataSource } from 'typeorm';

export enum TotalsGrouping {
  POLICY = 'POLICY',
  DEPARTMENT = 'DEPARTMENT',
  /** County (区县) of the enterprise */
  REGION = 'REGION',
  /** Month of payout (YYYY-MM) */
  MONTH = 'MONTH',
}

export interface TotalsRow {
  key: string;
  label: string;
  /** 兑付金额 (元) */
  paidAmount: number;
  /** 兑付企业次 */
  enterpriseTimes: number;
  approvedAmount: number;
  applications: number;
  grants: number;
  /** Enterprises eligible now (by policy) */
  eligible: number | null;
  /** Distinct enterprises that applied (or were granted) */
  applied: number;
  /** applied / eligible */
  takeUp: number | null;
  latePayouts: number;
}

/**
 * 兑现统计: paid amount and enterprise-times by policy, department, region (county) or month, with
 * applications, grants, the share of eligible enterprises that applied, and late payouts. Payouts
 * count by the day paid, applications by the day submitted, both within [from, to].
 */
export class TotalsService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
  ) {}

  async totals(
    by: TotalsGrouping,
    filter: {
      from?: string | null;
      to?: string | null;
      regionCode?: string | null;
      departmentId?: string | null;
    },
    viewer: Viewer | null,
  ): Promise<TotalsRow[]> {
    if (!viewer) throw unauthenticated();
    if (!hasRole(viewer, Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT))
      throw forbidden('只有工作人员可以查看兑现统计', 'totals are for staff');
    checkInput(
      filter.from != null ? dateProblem('from', filter.from, '起始日期') : null,
      filter.to != null ? dateProblem('to', filter.to, '截止日期') : null,
      filter.regionCode ? divisionProblem('regionCode', filter.regionCode) : null,
    );
    const params: unknown[] = [filter.from ?? '1900-01-01', filter.to ?? '2999-12-31'];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filter.regionCode) where.push(`a.region_code LIKE ${p(`${regionPrefix(filter.regionCode)}%`)}`);
    if (filter.departmentId) where.push(`a.department_id = ${p(filter.departmentId)}`);
    // Department staff see their own department's figures; leaders their region's.
    if (!hasRole(viewer, Role.ADMIN, Role.EVALUATOR)) {
      if (hasRole(viewer, Role.LEADER) && viewer.regionCode)
        where.push(`a.region_code LIKE ${p(`${regionPrefix(viewer.regionCode)}%`)}`);
      else if (viewer.departmentId) where.push(`a.department_id = ${p(viewer.departmentId)}`);
      else return [];
    }
    const key = {
      POLICY: 'a.policy_id::text',
      DEPARTMENT: 'a.department_id::text',
      REGION: 'left(a.region_code, 6)',
      MONTH: `to_char(coalesce(a.paid_on, (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM')`,
    }[by];
    const rows = (await this.ds.query(
      `SELECT ${key} AS key,
         coalesce(sum(a.paid_amount) FILTER (WHERE a.status = 'PAID' AND a.paid_on BETWEEN $1::date AND $2::date), 0)::float8 AS "paidAmount",
         count(*) FILTER (WHERE a.status = 'PAID' AND a.paid_on BETWEEN $1::date AND $2::date)::int AS "enterpriseTimes",
         coalesce(sum(a.approved_amount) FILTER (WHERE a.status IN ('APPROVED', 'PAID')), 0)::float8 AS "approvedAmount",
         count(*) FILTER (WHERE NOT a.auto)::int AS applications,
         count(*) FILTER (WHERE a.auto)::int AS grants,
         count(DISTINCT a.enterprise_id)::int AS applied,
         count(*) FILTER (WHERE (a.status = 'APPROVED' AND a.payout_due < now())
           OR (a.status = 'PAID' AND a.paid_on > (a.payout_due AT TIME ZONE 'Asia/Shanghai')::date))::int AS "latePayouts"
       FROM "${this.s}".application a
       WHERE ((a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date AND $2::date
              OR a.paid_on BETWEEN $1::date AND $2::date)
         ${where.length ? `AND ${where.join(' AND ')}` : ''}
       GROUP BY 1 ORDER BY 2 DESC, 1`,
      params,
    )) as Omit<TotalsRow, 'label' | 'eligible' | 'takeUp'>[];
    const labels = await this.labels(
      by,
      rows.map((r) => r.key),
    );
    const eligible =
      by === TotalsGrouping.POLICY ? await this.eligible(rows.map((r) => r.key)) : new Map<string, number>();
    return rows.map((r) => {
      const n = by === TotalsGrouping.POLICY ? (eligible.get(r.key) ?? 0) : null;
      return {
        ...r,
        label: labels.get(r.key) ?? r.key,
        eligible: n,
        takeUp: n ? Math.round((Math.min(r.applied, n) / n) * 10000) / 10000 : null,
      };
    });
  }

  /** 应享未享: open policies whose eligible enterprises mostly did not apply (at least `minEligible` of them). */
  async lowTakeUp(
    threshold: number,
    minEligible: number,
    viewer: Viewer | null,
  ): Promise<{ policyId: string; eligible: number; applied: number; takeUp: number }[]> {
    if (!viewer) throw unauthenticated();
    if (!hasRole(viewer, Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT))
      throw forbidden('只有工作人员可以查看兑现统计', 'totals are for staff');
    const params: unknown[] = [minEligible, threshold];
    let mine = '';
    if (!hasRole(viewer, Role.ADMIN, Role.EVALUATOR, Role.LEADER) && viewer.departmentId) {
      params.push(viewer.departmentId);
      mine = `AND p.department_id = $${params.length}`;
    }
    return (await this.ds.query(
      `SELECT x.*, t."takeUp" FROM (
         SELECT p.id AS "policyId", m.enterprises AS eligible,
           (SELECT count(DISTINCT a.enterprise_id) FROM "${this.s}".application a
             WHERE a.policy_id = p.id AND a.status <> 'WITHDRAWN')::int AS applied
         FROM "${this.s}".policy p
         JOIN "${this.s}".policy_match_state m ON m.policy_id = p.id
         WHERE p.status = 'PUBLISHED' AND NOT p.auto_grant AND m.enterprises > 0 ${mine}) x
       CROSS JOIN LATERAL (SELECT round(x.applied::numeric / x.eligible, 4)::float8 AS "takeUp") t
       WHERE x.eligible >= $1 AND t."takeUp" < $2
       ORDER BY t."takeUp", x.eligible DESC`,
      params,
    )) as { policyId: string; eligible: number; applied: number; takeUp: number }[];
  }

  private async labels(by: TotalsGrouping, keys: string[]): Promise<Map<string, string>> {
    if (!keys.length || by === TotalsGrouping.MONTH) return new Map();
    const sql = {
      POLICY: `SELECT id::text AS key, title AS label FROM "${this.s}".policy WHERE id::text = ANY ($1)`,
      DEPARTMENT: `SELECT id::text AS key, name AS label FROM "${this.s}".department WHERE id::text = ANY ($1)`,
      REGION: null,
    }[by];
    if (!sql) {
      const names = new Map(readDivisions().map((d) => [d.code, d.name]));
      return new Map(keys.map((k) => [k, names.get(k) ?? k]));
    }
    const rows = (await this.ds.query(sql, [keys])) as { key: string; label: string }[];
    return new Map(rows.map((r) => [r.key, r.label]));
  }

  private async eligible(policyIds: string[]): Promise<Map<string, number>> {
    const rows = (await this.ds.query(
      `SELECT policy_id::text AS key, enterprises AS n FROM "${this.s}".policy_match_state WHERE policy_id = ANY ($1::uuid[])`,
      [policyIds.filter(isUuid)],
    )) as { key: string; n: number }[];
    return new Map(rows.map((r) => [r.key, r.n]));
  }
}
