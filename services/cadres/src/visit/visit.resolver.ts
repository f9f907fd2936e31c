import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Role, VisitQuestion } from '@sfw/shared-types';
import { badInput, requireViewer, selectsField } from '@sfw/subgraph-kit';
import { readScope } from '../access';
import { loadCadre } from '../cadre/cadre.resolver';
import { isIsoDate, todayInChina } from '../common';
import type { Context } from '../context';
import { loadDepartment } from '../department/department.resolver';
import { loadServiceGroup } from '../group/service-group.resolver';
import { Cadre, Department, EnterpriseRef, ServiceGroup, Visit, VisitProblem } from '../types';
import { PlanVisitInput, RecordVisitInput, VisitConnection, VisitCrowding, VisitsArgs } from './visit.types';

const STAFF = [Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT, Role.CADRE];

function cadreIdOf(ctx: Context, given: string | undefined): string {
  const id = given ?? ctx.viewer?.cadreId;
  if (!id)
    throw badInput([
      { field: 'cadreId', code: 'REQUIRED', message: '请指定走访的服务员', messageEn: 'cadreId is required' },
    ]);
  return id;
}

@Resolver(() => Visit)
export class VisitResolver {
  @Authorized()
  @Query(() => VisitConnection, {
    description:
      'Visits (走访), newest first. Administrators and evaluators see all; leaders their region; department staff their department’s; a cadre their own and those to enterprises paired with them; an enterprise user those it received',
  })
  async visits(
    @Args() args: VisitsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<VisitConnection> {
    if (!Number.isInteger(args.first) || args.first < 0 || args.first > 100)
      throw badInput([
        {
          field: 'first',
          code: 'INVALID_PAGE_SIZE',
          message: '每页条数应为0–100',
          messageEn: 'first must be 0 to 100',
        },
      ]);
    const svc = ctx.services.visits;
    const page = await svc.list(
      args.filter ?? {},
      args.first,
      args.after ?? null,
      readScope(ctx.viewer),
      selectsField(info, 'totalCount'),
    );
    const edges = page.rows.map((node) => ({ node, cursor: svc.cursorOf(node) }));
    return {
      edges,
      totalCount: page.totalCount ?? 0,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Authorized()
  @Query(() => Visit, { nullable: true })
  async visit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Visit | null> {
    const [v] = await ctx.services.visits.findByIds([id], readScope(ctx.viewer));
    return v ?? null;
  }

  @Authorized(...STAFF)
  @Query(() => VisitCrowding, {
    description:
      '扎堆走访 guard: before planning or recording, who from any department visited (or plans to visit) the enterprise within the window, and on which questions',
  })
  async visitCrowding(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('questions', () => [VisitQuestion], { defaultValue: [] }) questions: VisitQuestion[],
    @Arg('date', () => String, { nullable: true, description: 'YYYY-MM-DD, default today' })
    date: string | null,
    @Ctx() ctx: Context,
  ): Promise<VisitCrowding> {
    const day = date ?? todayInChina();
    if (!isIsoDate(day))
      throw badInput([
        {
          field: 'date',
          code: 'INVALID_DATE',
          message: '日期格式应为 YYYY-MM-DD',
          messageEn: 'date must be YYYY-MM-DD',
        },
      ]);
    const check = await ctx.services.visits.crowding(enterpriseId, questions, day);
    return { ...check, clear: check.conflicts.length === 0 };
  }

  @Authorized(Role.CADRE, Role.ADMIN)
  @Mutation(() => Visit, {
    description:
      '计划走访. Refused with VISIT_CROWDED (listing who came and on what) when a visit on the same question falls within the window, unless overrideReason is given',
  })
  planVisit(@Arg('input', () => PlanVisitInput) input: PlanVisitInput, @Ctx() ctx: Context): Promise<Visit> {
    const viewer = requireViewer(ctx.viewer);
    return ctx.services.visits.plan(
      { ...input, cadreId: cadreIdOf(ctx, input.cadreId), date: input.plannedOn, problems: [] },
      viewer,
    );
  }

  @Authorized(Role.CADRE, Role.ADMIN)
  @Mutation(() => Visit, {
    description:
      '记录走访 (or complete a planned one with planId). Only for enterprises paired with the cadre, or whose service group was called in. Problems recorded here become appeals',
  })
  recordVisit(
    @Arg('input', () => RecordVisitInput) input: RecordVisitInput,
    @Ctx() ctx: Context,
  ): Promise<Visit> {
    const viewer = requireViewer(ctx.viewer);
    return ctx.services.visits.record(
      { ...input, cadreId: cadreIdOf(ctx, input.cadreId), date: input.visitedOn },
      viewer,
    );
  }

  @Authorized(Role.CADRE, Role.ADMIN)
  @Mutation(() => Visit, { description: 'Cancel a planned visit' })
  cancelVisit(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
  ): Promise<Visit> {
    return ctx.services.visits.cancel(id, reason, requireViewer(ctx.viewer), readScope(ctx.viewer));
  }

  @FieldResolver(() => Cadre)
  cadre(@Root() v: Visit, @Ctx() ctx: Context): Promise<Cadre | null> {
    return loadCadre(ctx, v.cadreId);
  }

  @FieldResolver(() => Department, { description: 'The cadre’s department at the time of the visit' })
  department(@Root() v: Visit, @Ctx() ctx: Context): Promise<Department | null> {
    return loadDepartment(ctx, v.departmentId);
  }

  @FieldResolver(() => EnterpriseRef)
  enterprise(@Root() v: Visit): EnterpriseRef {
    return { id: v.enterpriseId };
  }

  @FieldResolver(() => ServiceGroup, { nullable: true })
  serviceGroup(@Root() v: Visit, @Ctx() ctx: Context): Promise<ServiceGroup | null> | null {
    return v.serviceGroupId ? loadServiceGroup(ctx, v.serviceGroupId) : null;
  }

  @FieldResolver(() => [VisitProblem], { description: 'Problems found (问题), in the order recorded' })
  problems(@Root() v: Visit, @Ctx() ctx: Context): Promise<VisitProblem[]> {
    return ctx.loaders
      .get<string, VisitProblem[]>('problemsByVisit', (ids) => ctx.services.visits.problemsOf(ids))
      .load(v.id);
  }
}
