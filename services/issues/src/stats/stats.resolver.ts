import { Arg, Authorized, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { AdministrativeLevel, Role, regionContains } from '@sfw/shared-types';
import { forbidden, hasRole } from '@sfw/subgraph-kit';
import type { Context } from '../context';

@ObjectType({ description: 'Appeal statistics for a period and slice' })
export class IssueStats {
  @Field(() => Int, { description: '收到: appeals submitted' })
  received!: number;

  @Field(() => Int, { description: 'Assignments to departments (incl. second assignments)' })
  assigned!: number;

  @Field(() => Int, { description: 'Answers given (resolved, partly, cannot handle)' })
  answered!: number;

  @Field(() => Int, { description: '销号' })
  closed!: number;

  @Field(() => Int, { description: '提级' })
  escalated!: number;

  @Field(() => Int)
  resolved!: number;

  @Field(() => Int)
  partlyResolved!: number;

  @Field(() => Int, { description: '不能办 (signed off)' })
  cannotHandle!: number;

  @Field(() => Int, { description: 'Reviews that upheld a refusal' })
  reviewUpheld!: number;

  @Field(() => Int, { description: 'Reviews that overturned a refusal' })
  reviewOverturned!: number;

  @Field(() => Int)
  reopened!: number;

  @Field(() => Int)
  withdrawn!: number;

  @Field(() => Int, { description: 'Answers given by the close due date' })
  onTime!: number;

  @Field(() => Float, { description: 'resolved / answered' })
  resolutionRate!: number;

  @Field(() => Float, { description: 'cannotHandle / answered' })
  cannotHandleRate!: number;

  @Field(() => Float, { description: 'onTime / answered' })
  onTimeRate!: number;

  @Field(() => Float, { description: 'reopened / answered' })
  reopenRate!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean working days from acceptance to answer, pauses excluded',
  })
  meanWorkdays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Median working days from acceptance to answer' })
  medianWorkdays!: number | null;
}

@ObjectType()
export class IssueMonthStats extends IssueStats {
  @Field({ description: 'YYYY-MM' })
  month!: string;
}

@ObjectType()
export class IssueStatistics {
  @Field(() => IssueStats)
  totals!: IssueStats;

  @Field(() => [IssueMonthStats], { description: 'One entry per month with activity' })
  series!: IssueMonthStats[];
}

@Resolver()
export class StatsResolver {
  @Authorized(Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT)
  @Query(() => IssueStatistics, {
    description:
      'Dashboard statistics for months from–to (YYYY-MM) by region (county or above), level and lead department. Department staff get their department’s; leaders their region',
  })
  async issueStatistics(
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Arg('level', () => AdministrativeLevel, { nullable: true }) level: AdministrativeLevel | null,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Ctx() ctx: Context,
  ): Promise<IssueStatistics> {
    const v = ctx.viewer;
    let region = regionCode;
    let department = departmentId;
    if (v && !hasRole(v, Role.ADMIN, Role.EVALUATOR)) {
      if (hasRole(v, Role.LEADER) && v.regionCode) {
        if (region && /^(\d{6}|\d{9})$/.test(region) && !regionContains(v.regionCode, region))
          throw forbidden('只能查看本人管辖区域内的统计', 'a leader reads statistics of their own region');
        region ??= v.regionCode;
      } else {
        if (department && department !== v.departmentId)
          throw forbidden('只能查看本部门的统计', 'department staff read their own department');
        department = v.departmentId ?? '00000000-0000-0000-0000-000000000000';
      }
    }
    return ctx.services.stats.statistics({ from, to, regionCode: region, level, departmentId: department });
  }
}
