import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Role } from '@sfw/shared-types';
import { selectsField } from '@sfw/subgraph-kit';
import { readScope } from '../access';
import { CadreConnection } from '../cadre/cadre.types';
import type { Context } from '../context';
import type { Page } from './coverage.service';
import {
  CadresWithoutVisitArgs,
  CadreVisitStats,
  CadreVisitStatsArgs,
  EnterprisesWithoutVisitArgs,
  EnterpriseVisitGapConnection,
  PairingCoverage,
  PairingCoverageArgs,
} from './coverage.types';

/** Staff dashboards; what each role sees is narrowed further in CoverageService. */
const STAFF = [Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT, Role.CADRE];

function connection<T>(page: Page<T>) {
  return {
    edges: page.rows,
    totalCount: page.totalCount ?? 0,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
  };
}

/** 覆盖与走访: pairing coverage and visit statistics for staff dashboards. */
@Resolver()
export class CoverageResolver {
  @Authorized(...STAFF)
  @Query(() => PairingCoverage, {
    description:
      '结对覆盖率: the share of enterprises with a current pairing, by child division or by standard tag. ' +
      'Administrators, evaluators and leaders (within their region) only',
  })
  pairingCoverage(@Args() args: PairingCoverageArgs, @Ctx() ctx: Context): Promise<PairingCoverage> {
    return ctx.services.coverage.pairingCoverage(args, readScope(ctx.viewer));
  }

  @Authorized(...STAFF)
  @Query(() => CadreVisitStats, {
    description:
      '走访统计: completed visits per cadre in a month, over the cadres you may see ' +
      '(leaders: their region; department staff and cadres: their department)',
  })
  cadreVisitStats(@Args() args: CadreVisitStatsArgs, @Ctx() ctx: Context): Promise<CadreVisitStats> {
    return ctx.services.coverage.cadreVisitStats(args, readScope(ctx.viewer));
  }

  @Authorized(...STAFF)
  @Query(() => EnterpriseVisitGapConnection, {
    description:
      '走访空白: enterprises never visited, or not within `days` days; never-visited first, then the oldest visit. ' +
      'Administrators, evaluators and leaders (within their region) only',
  })
  async enterprisesWithoutVisit(
    @Args() args: EnterprisesWithoutVisitArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EnterpriseVisitGapConnection> {
    const page = await ctx.services.coverage.enterprisesWithoutVisit(
      args,
      readScope(ctx.viewer),
      selectsField(info, 'totalCount'),
    );
    return connection(page);
  }

  @Authorized(...STAFF)
  @Query(() => CadreConnection, {
    description:
      'Cadres in post without a completed visit in the month (for the current month: no visit yet), by name; ' +
      'over the cadres you may see',
  })
  async cadresWithoutVisit(
    @Args() args: CadresWithoutVisitArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CadreConnection> {
    const page = await ctx.services.coverage.cadresWithoutVisit(
      args,
      readScope(ctx.viewer),
      selectsField(info, 'totalCount'),
    );
    return connection(page);
  }
}
