import { basisSql } from './basis';
import { Role, regionContains, readDivisions, type Viewer } from '@sfw/shared-types';
import {
  AppError,
  badInput,
  checkInput,
  conflict,
  divisionProblem,
  forbidden,
  hasRole,
  isIsoDate,
  isUuid,
  notFound,
  returned,
  unauthenticated,
  type FieldProblem,
  type Logger,
} from '@sfw/subgraph-kit';
import type { WorkCalendar } from '@sfw/workdays';
import type { DataSource, EntityManager } from 'typeorm';
import { must } from '../must';
import { maxAmount, validateAmountRule, type AmountRule } from '../rules/amount';
import {
  compileRule,
  dependsOnDate,
  eligible,
  explain,
  validateRule,
  type Condition,
  type Rule,
  type RuleEnterprise,
} from '../rules/rules';
import { BenefitKind, chinaToday, PolicyCategory, PolicyStatus } from './model';

export interface PolicyRow {
  id: string;
  title: string;
  summary: string;
  departmentId: string;
  regionCode: string;
  category: PolicyCategory;
  benefitKind: BenefitKind;
  amountRule: AmountRule;
  materials: string[];
  rule: Rule;
  autoGrant: boolean;
  payoutWorkdays: number;
  validFrom: string;
  validTo: string | null;
  replaces: string[];
  status: PolicyStatus;
  statusReason: string | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

export interface PolicyInput {
  title: string;
  summary?: string | null;
  departmentId?: string | null;
  regionCode: string;
  category: PolicyCategory;
  benefitKind: BenefitKind;
  amountRule: unknown;
  materials?: string[] | null;
  rule: unknown;
  autoGrant?: boolean | null;
  payoutWorkdays?: number | null;
  validFrom: string;
  validTo?: string | null;
  replaces?: string[] | null;
}

export const POLICY_COLUMNS = (
  a = 'p',
) => `${a}.id, ${a}.title, ${a}.summary, ${a}.department_id AS "departmentId",
  ${a}.region_code AS "regionCode", ${a}.category, ${a}.benefit_kind AS "benefitKind", ${a}.amount_rule AS "amountRule",
  ${a}.materials, ${a}.rule, ${a}.auto_grant AS "autoGrant", ${a}.payout_workdays AS "payoutWorkdays",
  to_char(${a}.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(${a}.valid_to, 'YYYY-MM-DD') AS "validTo",
  ${a}.replaces, ${a}.status, ${a}.status_reason AS "statusReason", ${a}.version, ${a}.created_by AS "createdBy",
  ${a}.created_at AS "createdAt", ${a}.updated_at AS "updatedAt", ${a}.published_at AS "publishedAt"`;

const ENTERPRISE_COLUMNS = `id, region_code AS "regionCode", industry_code AS "industryCode", scale, tags, parks, employees,
  registered_capital::float8 AS "registeredCapital", to_char(founded_on, 'YYYY-MM-DD') AS "foundedOn"`;

/** Moves each policy's count of eligible enterprises by what `merge` writes (CTEs after `changed`). */
const COUNT_DELTA = (s: string) => `,
       delta AS (
         SELECT x AS policy_id, sum(d)::int AS d
         FROM (SELECT unnest(c.ids) AS x, 1 AS d FROM changed c UNION ALL SELECT unnest(c.old), -1 FROM changed c) u
         GROUP BY x HAVING sum(d) <> 0),
       counted AS (
         UPDATE "${s}".policy_match_state n SET enterprises = n.enterprises + d.d FROM delta d
         WHERE n.policy_id = d.policy_id),
       first_counted AS (
         INSERT INTO "${s}".policy_match_state (policy_id, enterprises) SELECT d.policy_id, d.d FROM delta d
         WHERE NOT EXISTS (SELECT 1 FROM "${s}".policy_match_state n WHERE n.policy_id = d.policy_id))`;

/** Sets each policy's count to its number in `fresh` (a CTE of every enterprise's eligible set). */
const COUNT_FRESH = (s: string) => `
  INSERT INTO "${s}".policy_match_state AS n (policy_id, enterprises)
  SELECT x, count(*) FROM fresh f CROSS JOIN LATERAL unnest(f.ids) x GROUP BY x
  ON CONFLICT (policy_id) DO UPDATE SET enterprises = EXCLUDED.enterprises`;

/** SET clause cutting policy `$1` out of a row's eligible set (with its time), for `UPDATE … AS alias`. */
const CUT_POLICY = (a: string) => `
  eligible = ${a}.eligible[:array_position(${a}.eligible, $1::uuid) - 1] || ${a}.eligible[array_position(${a}.eligible, $1::uuid) + 1:],
  eligible_since = ${a}.eligible_since[:array_position(${a}.eligible, $1::uuid) - 1]
    || ${a}.eligible_since[array_position(${a}.eligible, $1::uuid) + 1:]`;

/** A policy is open for matching and applications while published and within its validity. */
export const isOpen = (
  p: Pick<PolicyRow, 'status' | 'validFrom' | 'validTo'>,
  today = chinaToday(),
): boolean =>
  p.status === PolicyStatus.PUBLISHED && p.validFrom <= today && (p.validTo === null || p.validTo >= today);

/** The status a reader sees: a published policy past its validity is EXPIRED. */
export const effectiveStatus = (
  p: Pick<PolicyRow, 'status' | 'validTo'>,
  today = chinaToday(),
): PolicyStatus =>
  p.status === PolicyStatus.PUBLISHED && p.validTo !== null && p.validTo < today
    ? PolicyStatus.EXPIRED
    : p.status;

/**
 * The policy catalogue (惠企政策): departments write policies with machine-checkable eligibility
 * and an amount rule, publish them, change or withdraw them; publishing consolidates the policies
 * a new one replaces. Matching keeps `enterprise_policy.eligible` equal to "the open policies whose
 * rule accepts the enterprise": set-based SQL for a whole policy, the same rule evaluated in memory for one
 * enterprise that changed. A new match is pushed once; a policy granted without application
 * (免申即享) creates an approved grant for every newly eligible enterprise.
 */
export class PolicyService {
  private readonly regions: Set<string>;
  private cache: { key: string; policies: PolicyRow[] } | null = null;
  /** How many rules one pass of `rematchAll` over the enterprises evaluates, and with how many bind parameters. */
  matchChunk = { policies: 250, params: 20_000 };

  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly calendar: WorkCalendar,
    private readonly logger: Logger,
  ) {
    this.regions = new Set(readDivisions().map((d) => d.code));
  }

  // --- reading --------------------------------------------------------------------------------

  async byIds(ids: readonly string[], viewer: Viewer | null): Promise<PolicyRow[]> {
    if (!viewer) throw unauthenticated();
    const rows = (await this.ds.query(
      `SELECT ${POLICY_COLUMNS()} FROM "${this.s}".policy p WHERE p.id = ANY ($1::uuid[])`,
      [ids.filter(isUuid)],
    )) as PolicyRow[];
    return rows.filter((p) => this.reads(p, viewer));
  }

  /** Drafts and withdrawn policies are for their department, evaluators and administrators. */
  reads(p: PolicyRow, viewer: Viewer): boolean {
    if (p.status === PolicyStatus.PUBLISHED) return true;
    if (hasRole(viewer, Role.ADMIN, Role.EVALUATOR, Role.LEADER)) return true;
    return hasRole(viewer, Role.DEPARTMENT) && viewer.departmentId === p.departmentId;
  }

  async list(
    filter: {
      status?: PolicyStatus | null;
      departmentId?: string | null;
      category?: PolicyCategory | null;
      regionCode?: string | null;
      search?: string | null;
      openOnly?: boolean | null;
    },
    first: number,
    offset: number,
    viewer: Viewer | null,
  ): Promise<{ rows: PolicyRow[]; total: number }> {
    if (!viewer) throw unauthenticated();
    if (filter.regionCode) checkInput(divisionProblem('regionCode', filter.regionCode));
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (!hasRole(viewer, Role.ADMIN, Role.EVALUATOR, Role.LEADER))
      where.push(
        hasRole(viewer, Role.DEPARTMENT) && viewer.departmentId
          ? `(p.status = 'PUBLISHED' OR p.department_id = ${p(viewer.departmentId)})`
          : `p.status = 'PUBLISHED'`,
      );
    const today = chinaToday();
    if (filter.status === PolicyStatus.EXPIRED)
      where.push(`p.status = 'PUBLISHED' AND p.valid_to < ${p(today)}::date`);
    else if (filter.status === PolicyStatus.PUBLISHED)
      where.push(`p.status = 'PUBLISHED' AND (p.valid_to IS NULL OR p.valid_to >= ${p(today)}::date)`);
    else if (filter.status) where.push(`p.status = ${p(filter.status)}`);
    if (filter.openOnly)
      where.push(
        `p.status = 'PUBLISHED' AND p.valid_from <= ${p(today)}::date AND (p.valid_to IS NULL OR p.valid_to >= ${p(today)}::date)`,
      );
    if (filter.departmentId) where.push(`p.department_id = ${p(filter.departmentId)}`);
    if (filter.category) where.push(`p.category = ${p(filter.category)}`);
    if (filter.regionCode) where.push(`p.region_code LIKE ${p(`${filter.regionCode.replace(/0+$/, '')}%`)}`);
    if (filter.search?.trim())
      where.push(`p.title ILIKE ${p(`%${filter.search.trim().replace(/[%_\\]/g, '\\$&')}%`)}`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = (await this.ds.query(
      `SELECT count(*)::int AS total FROM "${this.s}".policy p ${w}`,
      params,
    )) as [{ total: number }];
    const rows = (await this.ds.query(
      `SELECT ${POLICY_COLUMNS()} FROM "${this.s}".policy p ${w}
       ORDER BY p.published_at DESC NULLS LAST, p.created_at DESC LIMIT ${p(first)} OFFSET ${p(offset)}`,
      params,
    )) as PolicyRow[];
    return { rows, total };
  }

  async byDepartments(ids: readonly string[], viewer: Viewer | null): Promise<PolicyRow[]> {
    if (!viewer) throw unauthenticated();
    const rows = (await this.ds.query(
      `SELECT ${POLICY_COLUMNS()} FROM "${this.s}".policy p WHERE p.department_id = ANY ($1::uuid[])
       ORDER BY p.published_at DESC NULLS LAST, p.created_at DESC`,
      [ids.filter(isUuid)],
    )) as PolicyRow[];
    return rows.filter((p) => this.reads(p, viewer));
  }

  // --- writing --------------------------------------------------------------------------------

  private assertWriter(viewer: Viewer | null): Viewer {
    if (!viewer) throw unauthenticated();
    if (!hasRole(viewer, Role.ADMIN, Role.DEPARTMENT))
      throw forbidden(
        '只有部门工作人员和管理员可以管理政策',
        'only department staff and administrators manage policies',
      );
    return viewer;
  }

  private assertOwns(p: { departmentId: string }, viewer: Viewer): void {
    if (hasRole(viewer, Role.ADMIN)) return;
    if (viewer.departmentId !== p.departmentId)
      throw forbidden('只能管理本部门发布的政策', 'only your own department’s policies');
  }

  private async check(m: EntityManager, input: PolicyInput, viewer: Viewer, base?: PolicyRow) {
    const problems: FieldProblem[] = [];
    const title = input.title?.trim() ?? '';
    if (title.length < 4 || title.length > 120)
      problems.push({
        field: 'title',
        code: 'INVALID_TEXT',
        message: '政策名称应为4至120个字',
        messageEn: 'title must be 4–120 characters',
      });
    const summary = input.summary?.trim() ?? '';
    if (summary.length > 5000)
      problems.push({
        field: 'summary',
        code: 'INVALID_TEXT',
        message: '政策摘要不超过5000字',
        messageEn: 'summary too long',
      });
    const departmentId =
      input.departmentId ??
      base?.departmentId ??
      (hasRole(viewer, Role.DEPARTMENT) ? viewer.departmentId : null) ??
      null;
    let department: { region_code: string } | undefined;
    if (!departmentId || !isUuid(departmentId))
      problems.push({
        field: 'departmentId',
        code: 'REQUIRED',
        message: '请指定发布部门',
        messageEn: 'departmentId is required',
      });
    else {
      [department] = (await m.query(`SELECT region_code FROM "${this.s}".department WHERE id = $1`, [
        departmentId,
      ])) as {
        region_code: string;
      }[];
      if (!department)
        problems.push({
          field: 'departmentId',
          code: 'UNKNOWN_DEPARTMENT',
          message: `部门不存在：${departmentId}`,
          messageEn: 'unknown department',
        });
      else if (!hasRole(viewer, Role.ADMIN) && viewer.departmentId !== departmentId)
        throw forbidden('只能以本部门名义发布政策', 'you may issue policies only for your own department');
    }
    if (!this.regions.has(input.regionCode))
      problems.push({
        field: 'regionCode',
        code: 'UNKNOWN_REGION',
        message: `行政区划代码不存在：${input.regionCode}`,
        messageEn: 'unknown region',
      });
    else if (department && !regionContains(department.region_code, input.regionCode))
      problems.push({
        field: 'regionCode',
        code: 'REGION_OUTSIDE_DEPARTMENT',
        message: '政策适用地区超出了发布部门的辖区',
        messageEn: 'the policy’s region lies outside the issuing department’s',
      });
    if (!Object.values(PolicyCategory).includes(input.category))
      problems.push({
        field: 'category',
        code: 'INVALID_CATEGORY',
        message: '政策类别无效',
        messageEn: 'invalid category',
      });
    if (!Object.values(BenefitKind).includes(input.benefitKind))
      problems.push({
        field: 'benefitKind',
        code: 'INVALID_BENEFIT_KIND',
        message: '兑现方式无效',
        messageEn: 'invalid benefit kind',
      });
    const amount = validateAmountRule(input.amountRule, 'amountRule');
    problems.push(...amount.problems);
    const rule = validateRule(input.rule, 'rule');
    problems.push(...rule.problems);
    const materials = (input.materials ?? base?.materials ?? []).map((x) => x.trim()).filter(Boolean);
    if (materials.length > 20 || materials.some((x) => x.length > 60))
      problems.push({
        field: 'materials',
        code: 'INVALID_MATERIALS',
        message: '申报材料最多20项，每项不超过60字',
        messageEn: 'at most 20 materials of ≤ 60 characters',
      });
    if (new Set(materials).size !== materials.length)
      problems.push({
        field: 'materials',
        code: 'INVALID_MATERIALS',
        message: '申报材料有重复项',
        messageEn: 'duplicate materials',
      });
    const autoGrant = input.autoGrant ?? base?.autoGrant ?? false;
    if (autoGrant && amount.rule && amount.rule.kind === 'SHARE')
      problems.push({
        field: 'autoGrant',
        code: 'AUTO_GRANT_NEEDS_FIXED_AMOUNT',
        message: '免申即享的政策须为定额或不涉及资金（按比例计算需要企业申报基数）',
        messageEn:
          'a policy granted without application needs a fixed amount (a share needs a declared base)',
      });
    const payoutWorkdays = input.payoutWorkdays ?? base?.payoutWorkdays ?? 15;
    if (!Number.isInteger(payoutWorkdays) || payoutWorkdays < 1 || payoutWorkdays > 120)
      problems.push({
        field: 'payoutWorkdays',
        code: 'OUT_OF_RANGE',
        message: '兑付期限应为1至120个工作日',
        messageEn: 'payoutWorkdays must be 1–120',
      });
    const validFrom = input.validFrom;
    const validTo = input.validTo ?? null;
    if (!isIsoDate(validFrom ?? ''))
      problems.push({
        field: 'validFrom',
        code: 'INVALID_DATE',
        message: '生效日期格式应为YYYY-MM-DD',
        messageEn: 'validFrom must be YYYY-MM-DD',
      });
    if (validTo !== null && !isIsoDate(validTo))
      problems.push({
        field: 'validTo',
        code: 'INVALID_DATE',
        message: '截止日期格式应为YYYY-MM-DD',
        messageEn: 'validTo must be YYYY-MM-DD',
      });
    else if (validTo !== null && validTo < validFrom)
      problems.push({
        field: 'validTo',
        code: 'INVALID_RANGE',
        message: '截止日期不能早于生效日期',
        messageEn: 'validTo is before validFrom',
      });
    const replaces = [...new Set(input.replaces ?? base?.replaces ?? [])];
    if (replaces.some((x) => !isUuid(x) || x === base?.id))
      problems.push({
        field: 'replaces',
        code: 'UNKNOWN_POLICY',
        message: '被整合的政策无效',
        messageEn: 'invalid replaced policy',
      });
    else if (replaces.length) {
      const found = (await m.query(`SELECT id FROM "${this.s}".policy WHERE id = ANY ($1::uuid[])`, [
        replaces,
      ])) as unknown[];
      if (found.length !== replaces.length)
        problems.push({
          field: 'replaces',
          code: 'UNKNOWN_POLICY',
          message: '被整合的政策不存在',
          messageEn: 'a replaced policy does not exist',
        });
    }
    if (problems.length) throw badInput(problems);
    return {
      title,
      summary,
      departmentId: must(departmentId),
      amountRule: must(amount.rule),
      rule: must(rule.rule),
      materials,
      autoGrant,
      payoutWorkdays,
      validFrom,
      validTo,
      replaces,
    };
  }

  async create(input: PolicyInput, viewer: Viewer | null): Promise<PolicyRow> {
    const v = this.assertWriter(viewer);
    return this.ds.transaction(async (m) => {
      const c = await this.check(m, input, v);
      const [row] = (await m.query(
        `INSERT INTO "${this.s}".policy (title, summary, department_id, region_code, category, benefit_kind, amount_rule,
           materials, rule, auto_grant, payout_workdays, valid_from, valid_to, replaces, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${POLICY_COLUMNS('policy')}`,
        [
          c.title,
          c.summary,
          c.departmentId,
          input.regionCode,
          input.category,
          input.benefitKind,
          JSON.stringify(c.amountRule),
          c.materials,
          JSON.stringify(c.rule),
          c.autoGrant,
          c.payoutWorkdays,
          c.validFrom,
          c.validTo,
          c.replaces,
          v.sub,
        ],
      )) as PolicyRow[];
      return must(row);
    });
  }

  private async locked(m: EntityManager, id: string, viewer: Viewer): Promise<PolicyRow> {
    const [row] = isUuid(id)
      ? ((await m.query(`SELECT ${POLICY_COLUMNS()} FROM "${this.s}".policy p WHERE p.id = $1 FOR UPDATE`, [
          id,
        ])) as PolicyRow[])
      : [];
    if (!row || !this.reads(row, viewer)) throw notFound('政策', 'policy', id);
    this.assertOwns(row, viewer);
    return row;
  }

  /** Changes a draft or a published policy (a published one is re-matched at once). */
  async update(
    id: string,
    input: Partial<PolicyInput>,
    expectedVersion: number,
    viewer: Viewer | null,
  ): Promise<PolicyRow> {
    const v = this.assertWriter(viewer);
    const row = await this.ds.transaction(async (m) => {
      const p = await this.locked(m, id, v);
      if (p.version !== expectedVersion)
        throw conflict('政策已被他人修改，请刷新后重试', 'the policy changed since you read it', {
          reason: 'VERSION_MISMATCH',
          version: p.version,
        });
      if (p.status === PolicyStatus.WITHDRAWN)
        throw new AppError('POLICY_WITHDRAWN', '已撤回的政策不能修改', 'a withdrawn policy cannot change');
      const merged: PolicyInput = {
        title: input.title ?? p.title,
        summary: input.summary ?? p.summary,
        departmentId: p.departmentId,
        regionCode: input.regionCode ?? p.regionCode,
        category: input.category ?? p.category,
        benefitKind: input.benefitKind ?? p.benefitKind,
        amountRule: input.amountRule ?? p.amountRule,
        materials: input.materials ?? p.materials,
        rule: input.rule ?? p.rule,
        autoGrant: input.autoGrant ?? p.autoGrant,
        payoutWorkdays: input.payoutWorkdays ?? p.payoutWorkdays,
        validFrom: input.validFrom ?? p.validFrom,
        validTo: input.validTo === undefined ? p.validTo : input.validTo,
        replaces: input.replaces ?? p.replaces,
      };
      const c = await this.check(m, merged, v, p);
      const [fresh] = returned<PolicyRow>(
        await m.query(
          `UPDATE "${this.s}".policy SET title = $2, summary = $3, region_code = $4, category = $5, benefit_kind = $6,
             amount_rule = $7, materials = $8, rule = $9, auto_grant = $10, payout_workdays = $11, valid_from = $12,
             valid_to = $13, replaces = $14, version = version + 1, updated_at = now()
           WHERE id = $1 RETURNING ${POLICY_COLUMNS('policy')}`,
          [
            id,
            c.title,
            c.summary,
            merged.regionCode,
            merged.category,
            merged.benefitKind,
            JSON.stringify(c.amountRule),
            c.materials,
            JSON.stringify(c.rule),
            c.autoGrant,
            c.payoutWorkdays,
            c.validFrom,
            c.validTo,
            c.replaces,
          ],
        ),
      );
      const updated = must(fresh);
      if (updated.status === PolicyStatus.PUBLISHED) await this.rematchPolicy(m, updated);
      return updated;
    });
    this.cache = null;
    return row;
  }

  /** 发布: matched at once; the policies it replaces are withdrawn (整合). */
  async publish(id: string, viewer: Viewer | null): Promise<PolicyRow> {
    const v = this.assertWriter(viewer);
    const row = await this.ds.transaction(async (m) => {
      const p = await this.locked(m, id, v);
      if (p.status !== PolicyStatus.DRAFT)
        throw new AppError(
          'INVALID_POLICY_STATE',
          `政策当前为“${p.status === 'PUBLISHED' ? '已发布' : '已撤回'}”，只有草稿可以发布`,
          `only a draft can be published (the policy is ${p.status})`,
          { status: p.status },
        );
      const [fresh] = returned<PolicyRow>(
        await m.query(
          `UPDATE "${this.s}".policy SET status = 'PUBLISHED', published_at = now(), version = version + 1, updated_at = now()
           WHERE id = $1 RETURNING ${POLICY_COLUMNS('policy')}`,
          [id],
        ),
      );
      const published = must(fresh);
      if (published.replaces.length) {
        await m.query(
          `UPDATE "${this.s}".policy SET status = 'WITHDRAWN', status_reason = $2, version = version + 1, updated_at = now()
           WHERE id = ANY ($1::uuid[]) AND status IN ('DRAFT', 'PUBLISHED')`,
          [published.replaces, `并入《${published.title}》`],
        );
        await this.unmatch(m, published.replaces);
      }
      await this.rematchPolicy(m, published);
      return published;
    });
    this.cache = null;
    return row;
  }

  /** 撤回: no longer matched or open for applications; open applications stay for review. */
  async withdraw(id: string, reason: string, viewer: Viewer | null): Promise<PolicyRow> {
    const v = this.assertWriter(viewer);
    const why = reason?.trim() ?? '';
    if (why.length < 4 || why.length > 500)
      throw badInput([
        {
          field: 'reason',
          code: 'INVALID_TEXT',
          message: '撤回理由应为4至500个字',
          messageEn: 'reason must be 4–500 characters',
        },
      ]);
    const row = await this.ds.transaction(async (m) => {
      const p = await this.locked(m, id, v);
      if (p.status === PolicyStatus.WITHDRAWN)
        throw new AppError('INVALID_POLICY_STATE', '政策已撤回', 'the policy is already withdrawn', {
          status: p.status,
        });
      const [fresh] = returned<PolicyRow>(
        await m.query(
          `UPDATE "${this.s}".policy SET status = 'WITHDRAWN', status_reason = $2, version = version + 1, updated_at = now()
           WHERE id = $1 RETURNING ${POLICY_COLUMNS('policy')}`,
          [id, why],
        ),
      );
      await this.unmatch(m, [id]);
      return must(fresh);
    });
    this.cache = null;
    return row;
  }

  // --- matching -----------------------------------------------------------------------------
  //
  // `enterprise_policy` holds one row per enterprise: `eligible` (open policies whose rule holds
  // now) with `eligible_since`, and `pushed` (every policy ever pushed, never shrinking) with
  // `pushed_at` and `read_at`, as aligned arrays. Whole new sets (an enterprise's change, a full
  // re-match) go through `merge`: a policy that stays eligible keeps its time, a new one is stamped
  // now and pushed unless it was pushed before, so a match that lapses and comes back is not pushed
  // again. One policy's change appends or cuts that policy alone (`rematchPolicy`, `unmatch`); an
  // empty store is filled by `load`. All matching writes of a schema take one transaction-level
  // advisory lock, so a publication and an enterprise's change never interleave; matching writes
  // no policy row (its state is in `policy_match_state`), so it cannot deadlock with a policy edit.

  private async lockMatching(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${this.s}.policy-matching`]);
  }

  /**
   * Writes new eligible sets. `fresh` is a query of `(enterprise_id uuid, ids uuid[])` rows (its
   * parameters in `params`); rows whose set did not change are not written (an array in the same
   * order, as policies are always listed by publication, is recognised at once). Returns the
   * enterprises written.
   *
   * Each policy's count of eligible enterprises moves with what is written: by set differences
   * (`counts: 'delta'`); `'all'` counts `fresh` itself (it holds every enterprise, and the
   * caller emptied the counts); `'none'` leaves the counts to the caller.
   */
  private async merge(
    m: EntityManager,
    fresh: string,
    params: unknown[],
    { counts = 'delta' }: { counts?: 'delta' | 'all' | 'none' } = {},
  ): Promise<{ enterpriseId: string }[]> {
    const t = `"${this.s}".enterprise_policy`;
    // Under the matching lock nothing else changes `eligible` or `pushed`, so `changed` computes the
    // rows as written; only `read_at` is taken from the live row (an enterprise may mark a push read).
    const written = (await m.query(
      `WITH fresh AS MATERIALIZED (${fresh}),
       changed AS MATERIALIZED (
         SELECT f.enterprise_id, f.ids, coalesce(o.eligible, '{}') AS old,
           CASE WHEN o.enterprise_id IS NULL THEN array_fill(now(), ARRAY[cardinality(f.ids)])
             ELSE ARRAY(SELECT coalesce(o.eligible_since[array_position(o.eligible, u.x)], now())
                        FROM unnest(f.ids) WITH ORDINALITY u(x, n) ORDER BY u.n) END AS since,
           coalesce(o.pushed, '{}') || np.ids AS pushed,
           coalesce(o.pushed_at, '{}') || array_fill(now(), ARRAY[cardinality(np.ids)]) AS pushed_at,
           coalesce(o.read_at, '{}') || array_fill(NULL::timestamptz, ARRAY[cardinality(np.ids)]) AS read_at
         FROM fresh f LEFT JOIN ${t} o ON o.enterprise_id = f.enterprise_id
         CROSS JOIN LATERAL (SELECT CASE WHEN o.enterprise_id IS NULL THEN f.ids ELSE (
           SELECT coalesce(array_agg(u.x ORDER BY u.n), '{}') FROM unnest(f.ids) WITH ORDINALITY u(x, n)
           WHERE u.x <> ALL (o.pushed)) END AS ids OFFSET 0) np
         WHERE o.enterprise_id IS NULL OR (o.eligible <> f.ids AND NOT (o.eligible @> f.ids AND f.ids @> o.eligible))),
       written AS (
         INSERT INTO ${t} AS ep (enterprise_id, eligible, eligible_since, pushed, pushed_at, read_at)
         SELECT c.enterprise_id, c.ids, c.since, c.pushed, c.pushed_at, c.read_at FROM changed c
         ON CONFLICT (enterprise_id) DO UPDATE SET
           eligible = EXCLUDED.eligible,
           eligible_since = EXCLUDED.eligible_since,
           pushed = EXCLUDED.pushed,
           pushed_at = EXCLUDED.pushed_at,
           read_at = ep.read_at || array_fill(NULL::timestamptz, ARRAY[cardinality(EXCLUDED.pushed) - cardinality(ep.pushed)])
         RETURNING enterprise_id AS "enterpriseId")
       ${counts === 'delta' ? COUNT_DELTA(this.s) : ''}
       ${counts === 'all' ? `, counted AS (${COUNT_FRESH(this.s)})` : ''}
       SELECT * FROM written`,
      params,
    )) as { enterpriseId: string }[];
    return written;
  }

  /**
   * Writes the eligible sets of `fresh` (every enterprise's) into an empty `enterprise_policy`:
   * each match begins now and is pushed now; the counts are those of `fresh`. Returns the rows.
   */
  private async load(m: EntityManager, fresh: string, params: unknown[]): Promise<number> {
    const [{ n }] = (await m.query(
      `WITH fresh AS MATERIALIZED (${fresh}),
       written AS (
         INSERT INTO "${this.s}".enterprise_policy (enterprise_id, eligible, eligible_since, pushed, pushed_at, read_at)
         SELECT f.enterprise_id, f.ids, array_fill(now(), ARRAY[cardinality(f.ids)]), f.ids,
           array_fill(now(), ARRAY[cardinality(f.ids)]), array_fill(NULL::timestamptz, ARRAY[cardinality(f.ids)])
         FROM fresh f RETURNING 1),
       counted AS (${COUNT_FRESH(this.s)})
       SELECT count(*)::int AS n FROM written`,
      params,
    )) as [{ n: number }];
    return n;
  }

  /**
   * Recomputes one policy's matches (after it was published, changed, withdrawn or its validity
   * began or ended): the enterprises its rule accepts when it is open, none otherwise. New matches
   * are pushed once and, for a policy granted without application, granted.
   */
  async rematchPolicy(
    m: EntityManager,
    p: PolicyRow,
    today = chinaToday(),
  ): Promise<{ added: number; removed: number }> {
    await this.lockMatching(m);
    const open = isOpen(p, today);
    const params: unknown[] = [p.id];
    const rule = open ? compileRule(p.rule, 'e', params, today) : 'false';
    const t = `"${this.s}".enterprise_policy`;
    // Only this policy's place in each row changes, so gains append and losses cut (no set
    // arithmetic per row). The two sets of rows are disjoint: gains lack the policy, losses hold it.
    const [stats] = (await m.query(
      `WITH cand AS MATERIALIZED (
         SELECT e.id AS enterprise_id, (${rule}) AS ok, coalesce(t.eligible @> ARRAY[$1::uuid], false) AS had
         FROM "${this.s}".enterprise e LEFT JOIN ${t} t ON t.enterprise_id = e.id
         WHERE (${rule}) OR t.eligible @> ARRAY[$1::uuid]),
       gain AS (
         INSERT INTO ${t} AS ep (enterprise_id, eligible, eligible_since, pushed, pushed_at, read_at)
         SELECT c.enterprise_id, ARRAY[$1::uuid], ARRAY[now()], ARRAY[$1::uuid], ARRAY[now()], ARRAY[NULL::timestamptz]
         FROM cand c WHERE c.ok AND NOT c.had
         ON CONFLICT (enterprise_id) DO UPDATE SET
           eligible = ep.eligible || $1::uuid,
           eligible_since = ep.eligible_since || now(),
           pushed = CASE WHEN ep.pushed @> ARRAY[$1::uuid] THEN ep.pushed ELSE ep.pushed || $1::uuid END,
           pushed_at = CASE WHEN ep.pushed @> ARRAY[$1::uuid] THEN ep.pushed_at ELSE ep.pushed_at || now() END,
           read_at = CASE WHEN ep.pushed @> ARRAY[$1::uuid] THEN ep.read_at ELSE array_append(ep.read_at, NULL::timestamptz) END
         RETURNING 1),
       loss AS (
         UPDATE ${t} ep SET
           ${CUT_POLICY('ep')}
         FROM cand c WHERE c.enterprise_id = ep.enterprise_id AND c.had AND NOT c.ok
         RETURNING 1)
       SELECT (SELECT count(*) FROM gain)::int AS added, (SELECT count(*) FROM loss)::int AS removed`,
      params,
    )) as { added: number; removed: number }[];
    const added = stats?.added ?? 0;
    const removed = stats?.removed ?? 0;
    await m.query(
      `INSERT INTO "${this.s}".policy_match_state AS n (policy_id, enterprises, open, matched_on) VALUES ($1, $2, $4, $5)
       ON CONFLICT (policy_id) DO UPDATE SET enterprises = n.enterprises + $3, open = $4, matched_on = $5`,
      [p.id, Math.max(0, added - removed), added - removed, open, today],
    );
    if (p.autoGrant && open) await this.grantAll(m, p);
    return { added, removed };
  }

  /** Policies no longer matched by anyone (withdrawn, or merged into another). */
  private async unmatch(m: EntityManager, policyIds: string[]): Promise<void> {
    if (!policyIds.length) return;
    await this.lockMatching(m);
    for (const id of policyIds)
      await m.query(
        `UPDATE "${this.s}".enterprise_policy ep SET ${CUT_POLICY('ep')} WHERE ep.eligible @> ARRAY[$1::uuid]`,
        [id],
      );
    await m.query(
      `INSERT INTO "${this.s}".policy_match_state AS n (policy_id, enterprises, open, matched_on)
       SELECT id, 0, false, $2 FROM unnest($1::uuid[]) AS id
       ON CONFLICT (policy_id) DO UPDATE SET enterprises = 0, open = false, matched_on = $2`,
      [policyIds, chinaToday()],
    );
  }

  /** 免申即享: an approved grant for every eligible enterprise (of `enterpriseIds`, when given) that has none yet. */
  private async grantAll(
    m: EntityManager,
    p: PolicyRow,
    enterpriseIds: string[] | null = null,
  ): Promise<void> {
    const amount = maxAmount(p.amountRule, null) ?? 0;
    const due = amount > 0 ? this.calendar.deadline(new Date(), p.payoutWorkdays) : null;
    await m.query(
      `WITH g AS (
         INSERT INTO "${this.s}".application (no, policy_id, enterprise_id, department_id, region_code, auto, requested_amount,
           status, submitted_by, decision_note, decided_by, decided_at, approved_amount, payout_due, basis)
         SELECT 'MS' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' ||
                  lpad(nextval('"${this.s}".application_no_seq')::text, 7, '0'),
                $1, t.enterprise_id, $2, e.region_code, true, $3, 'APPROVED', 'system', '免申即享：符合条件，自动兑现',
                'system', now(), $3, $4, ${basisSql('e')}
         FROM "${this.s}".enterprise_policy t JOIN "${this.s}".enterprise e ON e.id = t.enterprise_id
         WHERE t.eligible @> ARRAY[$1::uuid] ${enterpriseIds ? 'AND t.enterprise_id = ANY ($5::uuid[])' : ''}
           AND NOT EXISTS (SELECT 1 FROM "${this.s}".application a WHERE a.policy_id = $1 AND a.enterprise_id = t.enterprise_id AND a.auto)
         ON CONFLICT (policy_id, enterprise_id) WHERE auto DO NOTHING
         RETURNING id)
       INSERT INTO "${this.s}".application_event (application_id, actor, action, to_status, note)
       SELECT id, 'system', 'GRANT', 'APPROVED', '免申即享' FROM g`,
      enterpriseIds
        ? [p.id, p.departmentId, amount, due, enterpriseIds]
        : [p.id, p.departmentId, amount, due],
    );
  }

  /**
   * Every enterprise re-matched against every open policy in one transaction (from scratch, after a
   * bulk load, or to repair): the rules are evaluated set-wise in SQL, many per pass over the
   * enterprises (`matchChunk`), and only the enterprises whose set changed are written.
   */
  async rematchAll(today = chinaToday()): Promise<{ policies: number; matches: number; changed: number }> {
    return this.ds.transaction(async (m) => {
      await this.lockMatching(m);
      // The fresh sets of every enterprise are hashed against the stored ones: keep them in memory.
      await m.query(`SET LOCAL work_mem = '64MB'`);
      const published = (await m.query(
        `SELECT ${POLICY_COLUMNS()} FROM "${this.s}".policy p WHERE p.status = 'PUBLISHED' ORDER BY p.published_at, p.id`,
      )) as PolicyRow[];
      const open = published.filter((p) => isOpen(p, today));
      // One pass over the enterprises evaluates many rules; a pass stays within the bind limit.
      const chunks: { sql: string; params: unknown[] }[] = [];
      let params: unknown[] = [];
      let cases: string[] = [];
      const flush = () => {
        const ids = cases.length ? `array_remove(ARRAY[${cases.join(', ')}], NULL)` : `'{}'::uuid[]`;
        chunks.push({
          sql: `SELECT e.id AS enterprise_id, ${ids} AS ids FROM "${this.s}".enterprise e`,
          params,
        });
        params = [];
        cases = [];
      };
      for (const p of open) {
        const rule = compileRule(p.rule, 'e', params, today);
        params.push(p.id);
        cases.push(`CASE WHEN ${rule} THEN $${params.length}::uuid END`);
        if (cases.length >= this.matchChunk.policies || params.length >= this.matchChunk.params) flush();
      }
      if (cases.length || !chunks.length) flush();
      // Rows of enterprises no longer in the projection match nothing.
      await this.merge(
        m,
        `SELECT t.enterprise_id, '{}'::uuid[] AS ids FROM "${this.s}".enterprise_policy t
         WHERE cardinality(t.eligible) > 0 AND NOT EXISTS (SELECT 1 FROM "${this.s}".enterprise e WHERE e.id = t.enterprise_id)`,
        [],
        { counts: 'none' },
      );
      // Every enterprise of the projection is in the fresh sets, so they are counted anew (which also
      // repairs the counts). A first load writes the rows before building their index (much faster).
      await m.query(`UPDATE "${this.s}".policy_match_state SET enterprises = 0 WHERE enterprises <> 0`);
      const [{ empty }] = (await m.query(
        `SELECT NOT EXISTS (SELECT 1 FROM "${this.s}".enterprise_policy) AS empty`,
      )) as [{ empty: boolean }];
      if (empty) await m.query(`DROP INDEX "${this.s}".enterprise_policy_eligible_idx`);
      // A first load has nothing to merge with: every row is new.
      const write = (sql: string, params: unknown[]) =>
        empty
          ? this.load(m, sql, params)
          : this.merge(m, sql, params, { counts: 'all' }).then((w) => w.length);
      let changed: number;
      if (chunks.length === 1) {
        const [only] = chunks as [{ sql: string; params: unknown[] }];
        changed = await write(only.sql, only.params);
      } else {
        await m.query(
          `CREATE TEMPORARY TABLE policy_rematch (enterprise_id uuid NOT NULL, ids uuid[] NOT NULL) ON COMMIT DROP`,
        );
        for (const c of chunks) await m.query(`INSERT INTO policy_rematch ${c.sql}`, c.params);
        changed = await write(
          `SELECT r.enterprise_id, coalesce(array_agg(u.x) FILTER (WHERE u.x IS NOT NULL), '{}') AS ids
           FROM policy_rematch r LEFT JOIN LATERAL unnest(r.ids) AS u(x) ON true GROUP BY r.enterprise_id`,
          [],
        );
      }
      if (empty)
        await m.query(
          `CREATE INDEX enterprise_policy_eligible_idx ON "${this.s}".enterprise_policy USING gin (eligible)`,
        );
      await m.query(
        `INSERT INTO "${this.s}".policy_match_state AS n (policy_id, open, matched_on)
         SELECT id, id = ANY ($1::uuid[]), $2 FROM unnest($3::uuid[]) AS id
         ON CONFLICT (policy_id) DO UPDATE SET open = EXCLUDED.open, matched_on = EXCLUDED.matched_on`,
        [open.map((p) => p.id), today, published.map((p) => p.id)],
      );
      for (const p of open.filter((x) => x.autoGrant)) await this.grantAll(m, p);
      const [{ n }] = (await m.query(
        `SELECT coalesce(sum(enterprises), 0)::int AS n FROM "${this.s}".policy_match_state`,
      )) as [{ n: number }];
      return { policies: published.length, matches: n, changed };
    });
  }

  /**
   * 到期/生效: a published policy whose validity began or ended since it was last matched is
   * matched again (no enterprise is matched to an expired policy, and a policy published ahead of
   * its start date reaches its enterprises on that day); so is an open policy whose rule reads an
   * enterprise's age, once a day (an enterprise turns three without any event). Returns how many
   * policies were re-matched.
   */
  async sweepValidity(today = chinaToday()): Promise<number> {
    type Swept = PolicyRow & { matchedOpen: boolean; matchedOn: string | null };
    const columns = `${POLICY_COLUMNS()}, coalesce(st.open, false) AS "matchedOpen", to_char(st.matched_on, 'YYYY-MM-DD') AS "matchedOn"`;
    const from = `"${this.s}".policy p LEFT JOIN "${this.s}".policy_match_state st ON st.policy_id = p.id`;
    const isDue = (p: Swept) =>
      p.matchedOpen !== isOpen(p, today) ||
      (p.matchedOpen && dependsOnDate(p.rule) && (p.matchedOn === null || p.matchedOn < today));
    const due = (
      (await this.ds.query(`SELECT ${columns} FROM ${from} WHERE p.status = 'PUBLISHED'`)) as Swept[]
    ).filter(isDue);
    let swept = 0;
    for (const { id } of due)
      await this.ds.transaction(async (m) => {
        // Another replica's sweep (or a change) may have matched it meanwhile.
        const [p] = (await m.query(
          `SELECT ${columns} FROM ${from} WHERE p.id = $1 AND p.status = 'PUBLISHED' FOR UPDATE OF p`,
          [id],
        )) as Swept[];
        if (!p || !isDue(p)) return;
        await this.rematchPolicy(m, p, today);
        swept++;
      });
    if (swept) this.logger.info({ policies: swept }, 'policies re-matched for the date (validity or age)');
    return swept;
  }

  private async openPolicies(m: EntityManager): Promise<PolicyRow[]> {
    const [{ key }] = (await m.query(
      `SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') AS key FROM "${this.s}".policy WHERE status = 'PUBLISHED'`,
    )) as [{ key: string }];
    if (this.cache?.key !== key) {
      const policies = (await m.query(
        `SELECT ${POLICY_COLUMNS()} FROM "${this.s}".policy p WHERE p.status = 'PUBLISHED' ORDER BY p.published_at, p.id`,
      )) as PolicyRow[];
      this.cache = { key, policies };
    }
    const today = chinaToday();
    return this.cache.policies.filter((p) => isOpen(p, today));
  }

  /** Re-matches enterprises whose attributes changed, in memory against every open policy. */
  async rematchEnterprises(m: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.lockMatching(m);
    const policies = await this.openPolicies(m);
    const enterprises = (await m.query(
      `SELECT ${ENTERPRISE_COLUMNS} FROM "${this.s}".enterprise WHERE id = ANY ($1::uuid[])`,
      [ids],
    )) as (RuleEnterprise & { id: string })[];
    const today = chinaToday();
    const sets = enterprises.map((e) => ({
      id: e.id,
      eligible: policies.filter((p) => eligible(p.rule, e, today)).map((p) => p.id),
    }));
    if (!sets.length) return;
    await this.merge(
      m,
      `SELECT t.e AS enterprise_id, t.ids::uuid[] AS ids FROM unnest($1::uuid[], $2::text[]) AS t(e, ids)`,
      [sets.map((x) => x.id), sets.map((x) => `{${x.eligible.join(',')}}`)],
    );
    for (const p of policies.filter((x) => x.autoGrant)) {
      const now = sets.filter((x) => x.eligible.includes(p.id)).map((x) => x.id);
      if (now.length) await this.grantAll(m, p, now);
    }
  }

  // --- explaining ------------------------------------------------------------------------------

  /** Pass the transaction's manager when inside one (the embedded database has a single connection). */
  async enterprisesByIds(
    ids: readonly string[],
    m: EntityManager = this.ds.manager,
  ): Promise<(RuleEnterprise & { id: string })[]> {
    return (await m.query(
      `SELECT ${ENTERPRISE_COLUMNS} FROM "${this.s}".enterprise WHERE id = ANY ($1::uuid[])`,
      [ids.filter(isUuid)],
    )) as (RuleEnterprise & { id: string })[];
  }

  /** Why (or why not) an enterprise is eligible for a policy: every condition and whether it holds. */
  async explainFor(
    p: PolicyRow,
    enterpriseId: string,
  ): Promise<{ eligible: boolean; conditions: Condition[] }> {
    const [e] = await this.enterprisesByIds([enterpriseId]);
    if (!e) throw notFound('企业', 'enterprise', enterpriseId);
    return explain(p.rule, e, chinaToday());
  }

  /** Open policies an enterprise is eligible for, with the reasons (Enterprise.eligiblePolicies). */
  async eligibleFor(
    enterpriseIds: readonly string[],
  ): Promise<{ enterpriseId: string; policy: PolicyRow; matchedAt: Date }[]> {
    return (
      (await this.ds.query(
        `SELECT pm.enterprise_id AS "enterpriseId", pm.matched_at AS "matchedAt", row_to_json(x) AS policy
         FROM "${this.s}".policy_match pm
         JOIN LATERAL (SELECT ${POLICY_COLUMNS()} FROM "${this.s}".policy p WHERE p.id = pm.policy_id
           AND p.status = 'PUBLISHED' AND p.valid_from <= $2::date AND (p.valid_to IS NULL OR p.valid_to >= $2::date)) x ON true
         WHERE pm.enterprise_id = ANY ($1::uuid[]) ORDER BY pm.matched_at DESC, pm.policy_id`,
        [enterpriseIds.filter(isUuid), chinaToday()],
      )) as { enterpriseId: string; policy: PolicyRow; matchedAt: Date }[]
    ).map((r) => ({
      ...r,
      policy: {
        ...r.policy,
        createdAt: new Date(r.policy.createdAt),
        updatedAt: new Date(r.policy.updatedAt),
        publishedAt: r.policy.publishedAt ? new Date(r.policy.publishedAt) : null,
      },
    }));
  }

  async eligibleCount(policyIds: readonly string[]): Promise<Map<string, number>> {
    const rows = (await this.ds.query(
      `SELECT policy_id AS id, enterprises AS n FROM "${this.s}".policy_match_state WHERE policy_id = ANY ($1::uuid[])`,
      [policyIds.filter(isUuid)],
    )) as { id: string; n: number }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  async eligibleEnterprises(
    policyId: string,
    first: number,
    offset: number,
  ): Promise<{ ids: string[]; total: number }> {
    const total = (await this.eligibleCount([policyId])).get(policyId) ?? 0;
    const rows = (await this.ds.query(
      `SELECT enterprise_id FROM "${this.s}".enterprise_policy WHERE eligible @> ARRAY[$1::uuid]
       ORDER BY eligible_since[array_position(eligible, $1::uuid)], enterprise_id LIMIT $2 OFFSET $3`,
      [policyId, first, offset],
    )) as { enterprise_id: string }[];
    return { ids: rows.map((r) => r.enterprise_id), total };
  }

  // --- pushes ------------------------------------------------------------------------------------

  /** The newest 500 pushes of each enterprise. */
  async pushesOf(enterpriseIds: readonly string[], unreadOnly: boolean) {
    return (await this.ds.query(
      `SELECT id, "policyId", "enterpriseId", "pushedAt", "readAt" FROM (
         SELECT id, policy_id AS "policyId", enterprise_id AS "enterpriseId", pushed_at AS "pushedAt", read_at AS "readAt",
           row_number() OVER (PARTITION BY enterprise_id ORDER BY pushed_at DESC, policy_id) AS n
         FROM "${this.s}".policy_push WHERE enterprise_id = ANY ($1::uuid[]) ${unreadOnly ? 'AND read_at IS NULL' : ''}) x
       WHERE n <= 500 ORDER BY "pushedAt" DESC, "policyId"`,
      [enterpriseIds.filter(isUuid)],
    )) as { id: string; policyId: string; enterpriseId: string; pushedAt: Date; readAt: Date | null }[];
  }

  /** 已读: only the enterprise itself marks its pushes read; a push read before keeps its time. */
  async markPushesRead(ids: string[], viewer: Viewer | null) {
    if (!viewer) throw unauthenticated();
    if (!hasRole(viewer, Role.ENTERPRISE) || !viewer.enterpriseId)
      throw forbidden('只有企业本身可以标记推送已读', 'only the enterprise marks its pushes read');
    const wanted = ids.filter(isUuid);
    await this.ds.query(
      `UPDATE "${this.s}".enterprise_policy t SET read_at = ARRAY(
         SELECT CASE WHEN md5(u.p::text || '/' || t.enterprise_id::text)::uuid = ANY ($1::uuid[]) THEN coalesce(u.r, now()) ELSE u.r END
         FROM unnest(t.pushed, t.read_at) WITH ORDINALITY u(p, r, o) ORDER BY u.o)
       WHERE t.enterprise_id = $2`,
      [wanted, viewer.enterpriseId],
    );
    return (await this.ds.query(
      `SELECT id, policy_id AS "policyId", enterprise_id AS "enterpriseId", pushed_at AS "pushedAt", read_at AS "readAt"
       FROM "${this.s}".policy_push WHERE enterprise_id = $2 AND id = ANY ($1::uuid[]) ORDER BY pushed_at DESC, policy_id`,
      [wanted, viewer.enterpriseId],
    )) as { id: string; policyId: string; enterpriseId: string; pushedAt: Date; readAt: Date | null }[];
  }
}
