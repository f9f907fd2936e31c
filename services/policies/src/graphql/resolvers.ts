import { Role } from '@sfw/shared-types';
import { forbidden, groupByKeys, hasRole, isStaff, orderByKeys, unauthenticated } from '@sfw/subgraph-kit';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { payoutLate as payoutLateOf, type ApplicationRow } from '../policy/application.service';
import { ApplicationStatus, chinaToday, PolicyCategory, PolicyStatus } from '../policy/model';
import { effectiveStatus, type PolicyRow, type PolicyService } from '../policy/policy.service';
import { TotalsGrouping } from '../policy/totals.service';
import { describeAmount, maxAmount } from '../rules/amount';
import { describeRule, explain } from '../rules/rules';
import {
  Application,
  ApplicationPage,
  ApplicationStep,
  ApplyInput,
  DepartmentRef,
  Eligibility,
  EligiblePolicy,
  EnterprisePage,
  EnterpriseRef,
  LowTakeUp,
  MaterialType as MaterialInputType,
  PayoutInput,
  Policy,
  PolicyInput,
  PolicyPage,
  PolicyPatch,
  PolicyPush,
  PolicyTotals,
} from './types';

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** Cadres see what concerns their paired enterprises; the enterprise sees its own. */
async function assertSeesEnterprise(ctx: Context, enterpriseId: string): Promise<void> {
  const v = ctx.viewer;
  if (!v) throw unauthenticated();
  if (hasRole(v, Role.ADMIN, Role.EVALUATOR, Role.DEPARTMENT, Role.LEADER)) return;
  if (hasRole(v, Role.ENTERPRISE) && v.enterpriseId === enterpriseId) return;
  if (hasRole(v, Role.CADRE) && v.cadreId && (await ctx.services.pairings.isPaired(v.cadreId, enterpriseId)))
    return;
  throw forbidden('只能查看本企业（或结对企业）的政策信息', 'only your own (or your paired) enterprises');
}

@Resolver(() => Policy)
export class PolicyResolver {
  @Query(() => PolicyPage, {
    description: '政策库: published policies for everyone; drafts for their department',
  })
  async policies(
    @Ctx() ctx: Context,
    @Arg('status', () => PolicyStatus, { nullable: true }) status: PolicyStatus | null,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('category', () => PolicyCategory, { nullable: true }) category: PolicyCategory | null,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('openOnly', { defaultValue: false, description: 'Only those open for applications today' })
    openOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<PolicyPage> {
    const { rows, total } = await ctx.services.policies.list(
      { status, departmentId, category, regionCode, search, openOnly },
      clamp(first, 1, 200),
      Math.max(0, offset),
      ctx.viewer,
    );
    return { nodes: rows as unknown as Policy[], totalCount: total };
  }

  @Query(() => Policy, { nullable: true })
  async policy(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PolicyRow | null> {
    return (await ctx.services.policies.byIds([id], ctx.viewer))[0] ?? null;
  }

  @Mutation(() => Policy, {
    description: '新建政策 (draft): department staff for their department, administrators',
  })
  createPolicy(@Arg('input', () => PolicyInput) input: PolicyInput, @Ctx() ctx: Context): Promise<PolicyRow> {
    return ctx.services.policies.create(input, ctx.viewer);
  }

  @Mutation(() => Policy, { description: 'Change a policy; a published one is re-matched at once' })
  updatePolicy(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PolicyPatch) input: PolicyPatch,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<PolicyRow> {
    return ctx.services.policies.update(id, input, expectedVersion, ctx.viewer);
  }

  @Mutation(() => Policy, {
    description: '发布: matched and pushed at once; the policies it replaces are withdrawn',
  })
  publishPolicy(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PolicyRow> {
    return ctx.services.policies.publish(id, ctx.viewer);
  }

  @Mutation(() => Policy, { description: '撤回' })
  withdrawPolicy(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
  ): Promise<PolicyRow> {
    return ctx.services.policies.withdraw(id, reason, ctx.viewer);
  }

  @FieldResolver(() => PolicyStatus, { description: 'A published policy past its validity reads EXPIRED' })
  status(@Root() p: PolicyRow): PolicyStatus {
    return effectiveStatus(p);
  }

  @FieldResolver(() => DepartmentRef, { description: '发布部门' })
  department(@Root() p: PolicyRow): DepartmentRef {
    return { id: p.departmentId };
  }

  @FieldResolver(() => String, { description: 'The rule in one sentence' })
  ruleText(@Root() p: PolicyRow): string {
    return describeRule(p.rule);
  }

  @FieldResolver(() => String, { description: 'The amount rule in words' })
  amountText(@Root() p: PolicyRow): string {
    return describeAmount(p.amountRule);
  }

  @FieldResolver(() => [Policy], { description: 'The policies this one consolidated (整合)' })
  async replaces(@Root() p: PolicyRow, @Ctx() ctx: Context): Promise<PolicyRow[]> {
    return p.replaces.length ? ctx.services.policies.byIds(p.replaces, ctx.viewer) : [];
  }

  @FieldResolver(() => Int, { description: 'Enterprises eligible now' })
  eligibleCount(@Root() p: PolicyRow, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders
      .get<string, number>('eligibleCount', async (ids) => {
        const map = await ctx.services.policies.eligibleCount(ids);
        return ids.map((id) => map.get(id) ?? 0);
      })
      .load(p.id);
  }

  @FieldResolver(() => EnterprisePage, { description: 'The eligible enterprises (staff only)' })
  async eligibleEnterprises(
    @Root() p: PolicyRow,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<EnterprisePage> {
    if (!isStaff(ctx.viewer) || hasRole(ctx.viewer, Role.CADRE))
      throw forbidden(
        '只有部门、领导、评价员和管理员可以查看符合条件的企业名单',
        'the list of eligible enterprises is for staff',
      );
    const { ids, total } = await ctx.services.policies.eligibleEnterprises(
      p.id,
      clamp(first, 1, 500),
      Math.max(0, offset),
    );
    return { nodes: ids.map((id) => ({ id })), totalCount: total };
  }

  @FieldResolver(() => Eligibility, { description: 'Why (or why not) this enterprise is eligible' })
  async eligibility(
    @Root() p: PolicyRow,
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Ctx() ctx: Context,
  ): Promise<Eligibility> {
    await assertSeesEnterprise(ctx, enterpriseId);
    return ctx.services.policies.explainFor(p, enterpriseId);
  }
}

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => ApplicationPage, {
    description: 'Applications you may see (the department: those made to it)',
  })
  async policyApplications(
    @Ctx() ctx: Context,
    @Arg('policyId', () => ID, { nullable: true }) policyId: string | null,
    @Arg('enterpriseId', () => ID, { nullable: true }) enterpriseId: string | null,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('status', () => ApplicationStatus, { nullable: true }) status: ApplicationStatus | null,
    @Arg('late', { defaultValue: false, description: 'Only payouts late or overdue (刚性兑现)' })
    late: boolean,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<ApplicationPage> {
    const { rows, total } = await ctx.services.applications.list(
      { policyId, enterpriseId, departmentId, status, late },
      clamp(first, 1, 500),
      Math.max(0, offset),
      ctx.viewer,
    );
    return { nodes: rows as unknown as Application[], totalCount: total };
  }

  @Query(() => Application, { nullable: true })
  async policyApplication(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<ApplicationRow | null> {
    return (await ctx.services.applications.byIds([id], ctx.viewer))[0] ?? null;
  }

  @Mutation(() => Application, {
    description: '申报 (the enterprise, eligible, with the required materials)',
  })
  applyForPolicy(
    @Arg('input', () => ApplyInput) input: ApplyInput,
    @Ctx() ctx: Context,
  ): Promise<ApplicationRow> {
    return ctx.services.applications.apply(input, ctx.viewer);
  }

  @Mutation(() => Application, { description: '要求补充材料 (the issuing department)' })
  requestApplicationMaterial(
    @Arg('id', () => ID) id: string,
    @Arg('note') note: string,
    @Ctx() ctx: Context,
  ): Promise<ApplicationRow> {
    return ctx.services.applications.requestMaterial(id, note, ctx.viewer);
  }

  @Mutation(() => Application, { description: '补充材料 (the enterprise)' })
  supplementApplication(
    @Arg('id', () => ID) id: string,
    @Arg('materials', () => [MaterialInputType], { nullable: true }) materials: MaterialInputType[] | null,
    @Arg('declaredBase', () => Float, { nullable: true }) declaredBase: number | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<ApplicationRow> {
    return ctx.services.applications.supplement(id, { materials, declaredBase, note }, ctx.viewer);
  }

  @Mutation(() => Application, { description: '审核通过 with an amount the policy allows' })
  approveApplication(
    @Arg('id', () => ID) id: string,
    @Arg('amount', () => Float) amount: number,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<ApplicationRow> {
    return ctx.services.applications.approve(id, amount, note, ctx.viewer);
  }

  @Mutation(() => Application, { description: '不予通过, with the reason' })
  rejectApplication(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
  ): Promise<ApplicationRow> {
    return ctx.services.applications.reject(id, reason, ctx.viewer);
  }

  @Mutation(() => Application, { description: '撤回申报 (the enterprise)' })
  withdrawApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApplicationRow> {
    return ctx.services.applications.withdraw(id, ctx.viewer);
  }

  @Mutation(() => Application, { description: '兑付: record the payout (the issuing department)' })
  recordPolicyPayout(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PayoutInput) input: PayoutInput,
    @Ctx() ctx: Context,
  ): Promise<ApplicationRow> {
    return ctx.services.applications.recordPayout(id, input, ctx.viewer);
  }

  @FieldResolver(() => Policy, { nullable: true })
  async policy(@Root() a: ApplicationRow, @Ctx() ctx: Context): Promise<PolicyRow | null> {
    return ctx.loaders
      .get<string, PolicyRow | null>('policyById', async (ids) =>
        orderByKeys(ids, await ctx.services.policies.byIds(ids, ctx.viewer), (p) => p.id),
      )
      .load(a.policyId);
  }

  @FieldResolver(() => EnterpriseRef)
  enterprise(@Root() a: ApplicationRow): EnterpriseRef {
    return { id: a.enterpriseId };
  }

  @FieldResolver(() => DepartmentRef, { description: 'The issuing department that reviews it' })
  department(@Root() a: ApplicationRow): DepartmentRef {
    return { id: a.departmentId };
  }

  @FieldResolver(() => Boolean, {
    description: '兑付超期: paid after the deadline, or approved and unpaid past it',
  })
  payoutLate(@Root() a: ApplicationRow): boolean {
    return payoutLateOf(a);
  }

  @FieldResolver(() => [ApplicationStep], { description: 'Every step, oldest first' })
  timeline(@Root() a: ApplicationRow, @Ctx() ctx: Context): Promise<ApplicationStep[]> {
    return ctx.loaders
      .get<string, ApplicationStep[]>('applicationTimeline', async (ids) =>
        groupByKeys(
          ids,
          (await ctx.services.applications.timelines(ids)) as (ApplicationStep & { applicationId: string })[],
          (e) => e.applicationId,
        ),
      )
      .load(a.id);
  }
}

@Resolver(() => PolicyPush)
export class PushResolver {
  @Mutation(() => [PolicyPush], { description: '标记推送已读 (the enterprise)' })
  markPolicyPushesRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context) {
    return ctx.services.policies.markPushesRead(ids, ctx.viewer);
  }

  @FieldResolver(() => Policy, { nullable: true })
  policy(@Root() p: PolicyPush, @Ctx() ctx: Context): Promise<PolicyRow | null> {
    return ctx.loaders
      .get<string, PolicyRow | null>('policyById', async (ids) =>
        orderByKeys(ids, await ctx.services.policies.byIds(ids, ctx.viewer), (x) => x.id),
      )
      .load(p.policyId);
  }

  @FieldResolver(() => Boolean)
  read(@Root() p: PolicyPush): boolean {
    return p.readAt !== null;
  }
}

@Resolver(() => PolicyTotals)
export class TotalsResolver {
  @Query(() => [PolicyTotals], { description: '兑现统计 by policy, department, county or month (staff)' })
  policyTotals(
    @Ctx() ctx: Context,
    @Arg('by', () => TotalsGrouping) by: TotalsGrouping,
    @Arg('from', () => String, { nullable: true, description: 'YYYY-MM-DD' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'YYYY-MM-DD' }) to: string | null,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
  ) {
    return ctx.services.totals.totals(by, { from, to, regionCode, departmentId }, ctx.viewer);
  }

  @Query(() => [LowTakeUp], {
    description: '应享未享: open policies most eligible enterprises did not apply for',
  })
  lowTakeUpPolicies(
    @Ctx() ctx: Context,
    @Arg('threshold', () => Float, { defaultValue: 0.1 }) threshold: number,
    @Arg('minEligible', () => Int, { defaultValue: 10 }) minEligible: number,
  ) {
    return ctx.services.totals.lowTakeUp(threshold, minEligible, ctx.viewer);
  }
}

@Resolver(() => LowTakeUp)
export class LowTakeUpResolver {
  @FieldResolver(() => Policy, { nullable: true })
  async policy(@Root() r: LowTakeUp, @Ctx() ctx: Context): Promise<PolicyRow | null> {
    return (await ctx.services.policies.byIds([r.policyId], ctx.viewer))[0] ?? null;
  }
}

// --- fields on other subgraphs' entities ------------------------------------------------------

@Resolver(() => EnterpriseRef)
export class EnterprisePoliciesResolver {
  @FieldResolver(() => [EligiblePolicy], {
    description:
      '可享政策: open policies the enterprise is eligible for, with the reasons (the enterprise, its paired cadres, staff)',
  })
  async eligiblePolicies(@Root() e: EnterpriseRef, @Ctx() ctx: Context): Promise<EligiblePolicy[]> {
    await assertSeesEnterprise(ctx, e.id);
    const rows = await ctx.loaders
      .get<string, { enterpriseId: string; policy: PolicyRow; matchedAt: Date }[]>(
        'eligibleFor',
        async (ids) => groupByKeys(ids, await ctx.services.policies.eligibleFor(ids), (r) => r.enterpriseId),
      )
      .load(e.id);
    if (!rows.length) return [];
    const ent = await ctx.loaders
      .get<string, Awaited<ReturnType<PolicyService['enterprisesByIds']>>[number] | null>(
        'ruleEnterprise',
        async (ids) => orderByKeys(ids, await ctx.services.policies.enterprisesByIds(ids), (x) => x.id),
      )
      .load(e.id);
    const today = chinaToday();
    return rows.map((r) => ({
      enterpriseId: e.id,
      policy: r.policy as unknown as Policy,
      matchedAt: r.matchedAt,
      conditions: ent ? explain(r.policy.rule, ent, today).conditions : [],
      maxAmount: maxAmount(r.policy.amountRule, null),
    }));
  }

  @FieldResolver(() => [Application], { description: '政策申报 and grants of the enterprise' })
  async applications(@Root() e: EnterpriseRef, @Ctx() ctx: Context): Promise<ApplicationRow[]> {
    await assertSeesEnterprise(ctx, e.id);
    return ctx.loaders
      .get<string, ApplicationRow[]>('applicationsOf', async (ids) =>
        groupByKeys(
          ids,
          await ctx.services.applications.ofEnterprises(ids, ctx.viewer),
          (a) => a.enterpriseId,
        ),
      )
      .load(e.id);
  }

  @FieldResolver(() => [PolicyPush], { description: '政策推送, newest first' })
  async policyPushes(
    @Root() e: EnterpriseRef,
    @Ctx() ctx: Context,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
  ) {
    await assertSeesEnterprise(ctx, e.id);
    return ctx.loaders
      .get<string, PolicyPush[]>(`pushes:${unreadOnly}`, async (ids) =>
        groupByKeys(ids, await ctx.services.policies.pushesOf(ids, unreadOnly), (p) => p.enterpriseId),
      )
      .load(e.id);
  }
}

@Resolver(() => DepartmentRef)
export class DepartmentPoliciesResolver {
  @FieldResolver(() => [Policy], { description: 'Policies the department issued (drafts only for itself)' })
  policies(@Root() d: DepartmentRef, @Ctx() ctx: Context): Promise<PolicyRow[]> {
    return ctx.loaders
      .get<string, PolicyRow[]>('policiesOf', async (ids) =>
        groupByKeys(ids, await ctx.services.policies.byDepartments(ids, ctx.viewer), (p) => p.departmentId),
      )
      .load(d.id);
  }
}
