import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeLevel, Role } from '@sfw/shared-types';
import { badInput, hasRole, notFound, requireViewer } from '@sfw/subgraph-kit';
import { assertCanPair, mayPair, readScope } from '../access';
import { loadCadre } from '../cadre/cadre.resolver';
import { Problems } from '../common';
import type { Context } from '../context';
import { Cadre, EnterpriseRef, Pairing } from '../types';
import {
  PairCadreInput,
  PairingImportReport,
  PairOutcomeKind,
  PairResultType,
  RepairingItemType,
} from './pairing.types';

const EXCEPTION_WARNING =
  '市级服务员原则上结对龙头骨干、高成长、隐形冠军（培育）、重大招商项目企业；本结对已登记为例外并将在例外清单中报告';

const limitOf = (first: number) => {
  if (!Number.isInteger(first) || first < 1 || first > 500)
    throw badInput([
      {
        field: 'first',
        code: 'INVALID_PAGE_SIZE',
        message: '条数应为1–500',
        messageEn: 'first must be 1 to 500',
      },
    ]);
  return first;
};

@Resolver(() => Pairing)
export class PairingResolver {
  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Mutation(() => PairResultType, {
    description:
      '结对: pair a cadre with an enterprise. One primary cadre per enterprise and level; a city cadre with a non-key enterprise is allowed and reported as an exception. Pairing the same pair again changes nothing',
  })
  async pairCadre(
    @Arg('input', () => PairCadreInput) input: PairCadreInput,
    @Ctx() ctx: Context,
  ): Promise<PairResultType> {
    const viewer = requireViewer(ctx.viewer);
    const cadre = await ctx.services.cadres.get(input.cadreId);
    // Another department's cadre answers exactly like a missing one (no existence oracle).
    if (
      !mayPair(viewer, cadre.departmentId) &&
      !(await ctx.services.cadres.visibleAmong([cadre.id], readScope(viewer))).has(cadre.id)
    )
      throw notFound('助企服务员', 'cadre', input.cadreId);
    assertCanPair(viewer, cadre.departmentId);
    const r = await ctx.services.pairings.pair(input, viewer.sub);
    return {
      pairing: r.pairing,
      outcome: r.outcome as PairOutcomeKind,
      ended: r.ended,
      warning: r.pairing.keyEnterpriseException ? EXCEPTION_WARNING : null,
    };
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Mutation(() => Pairing, { description: '解除结对 (the record stays in the history)' })
  async endPairing(
    @Arg('id', () => ID) id: string,
    @Arg('toDate', () => String, { nullable: true, description: 'Last day, YYYY-MM-DD, default today' })
    toDate: string | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<Pairing> {
    const cadre = await ctx.services.pairings.cadreOf(id);
    // A pairing the viewer may not read answers exactly like a missing one (no existence oracle).
    if (
      !mayPair(ctx.viewer, cadre.departmentId) &&
      !(await ctx.services.pairings.isVisible(id, readScope(ctx.viewer)))
    )
      throw notFound('结对关系', 'pairing', id);
    assertCanPair(ctx.viewer, cadre.departmentId);
    return ctx.services.pairings.end(id, toDate, note);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [PairResultType], {
    description:
      'Hand every enterprise of one cadre (current, or left without successor) to another cadre of the same level',
  })
  async handOverPairings(
    @Arg('fromCadreId', () => ID) fromCadreId: string,
    @Arg('toCadreId', () => ID) toCadreId: string,
    @Ctx() ctx: Context,
  ): Promise<PairResultType[]> {
    const viewer = requireViewer(ctx.viewer);
    const results = await ctx.services.pairings.handOver(fromCadreId, toCadreId, viewer.sub);
    return results.map((r) => ({
      pairing: r.pairing,
      outcome: r.outcome as PairOutcomeKind,
      ended: r.ended,
      warning: r.pairing.keyEnterpriseException ? EXCEPTION_WARNING : null,
    }));
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Mutation(() => PairingImportReport, {
    description:
      '批量结对 from CSV text. Columns: 统一社会信用代码 (or 企业ID), 工号, 是否主服务员 (是/否, default 是), 开始日期, 替换现任 (是/否), 备注. Each row applies on its own; bad rows are reported by line; a second run changes nothing. dryRun checks without writing',
  })
  async importPairings(
    @Arg('csv') csv: string,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<PairingImportReport> {
    const viewer = requireViewer(ctx.viewer);
    const admin = hasRole(viewer, Role.ADMIN);
    return ctx.services.pairingImport.run(csv, viewer.sub, {
      dryRun,
      mayPair: admin ? undefined : (departmentId) => viewer.departmentId === departmentId,
    });
  }

  @Authorized(Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT, Role.CADRE)
  @Query(() => [RepairingItemType], {
    description:
      '待重新结对: enterprises whose cadre left and that have no new cadre at that level yet, oldest first',
  })
  async repairingQueue(
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Arg('level', () => AdministrativeLevel, { nullable: true }) level: AdministrativeLevel | null,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<RepairingItemType[]> {
    if (regionCode) {
      const problems = new Problems();
      ctx.services.divisions.check(problems, 'regionCode', regionCode);
      problems.throwIfAny();
    }
    const items = await ctx.services.pairings.repairingQueue(
      { regionCode, level, departmentId },
      readScope(ctx.viewer),
      limitOf(first),
    );
    return items.map((i) => ({
      enterprise: { id: i.enterpriseId },
      level: i.level,
      endedPairing: i.endedPairing,
    }));
  }

  @Authorized(Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT)
  @Query(() => [Pairing], {
    description: 'Current city-level pairings with enterprises that carry no key-enterprise tag (结对例外)',
  })
  pairingExceptions(
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Pairing[]> {
    return ctx.services.pairings.exceptions(readScope(ctx.viewer), limitOf(first));
  }

  @FieldResolver(() => Cadre)
  cadre(@Root() p: Pairing, @Ctx() ctx: Context): Promise<Cadre | null> {
    return loadCadre(ctx, p.cadreId);
  }

  @FieldResolver(() => EnterpriseRef)
  enterprise(@Root() p: Pairing): EnterpriseRef {
    return { id: p.enterpriseId };
  }
}
