import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { badInput } from '@sfw/subgraph-kit';
import { readScope } from '../access';
import { isIsoDate } from '../common';
import type { Context } from '../context';
import { EnterpriseRef, Pairing, Visit } from '../types';

/**
 * The fields this subgraph adds to Enterprise. Each is loaded for a whole `_entities` batch in one
 * query, whatever the list length; what a viewer sees follows the same rules as the top-level lists.
 */
@Resolver(() => EnterpriseRef)
export class EnterpriseFieldsResolver {
  @FieldResolver(() => [Pairing], {
    description: '结对服务员: current pairings, primary first, city level first',
  })
  pairedCadres(@Root() e: EnterpriseRef, @Ctx() ctx: Context): Promise<Pairing[]> {
    const scope = readScope(ctx.viewer);
    return ctx.loaders
      .get<string, Pairing[]>('currentPairingsByEnterprise', (ids) =>
        ctx.services.pairings.byEnterprises(ids, true, scope),
      )
      .load(e.id);
  }

  @FieldResolver(() => [Pairing], {
    description: 'Every pairing, current and ended (re-pairing keeps history)',
  })
  pairingHistory(@Root() e: EnterpriseRef, @Ctx() ctx: Context): Promise<Pairing[]> {
    const scope = readScope(ctx.viewer);
    return ctx.loaders
      .get<string, Pairing[]>('allPairingsByEnterprise', (ids) =>
        ctx.services.pairings.byEnterprises(ids, false, scope),
      )
      .load(e.id);
  }

  @FieldResolver(() => [Visit], { description: '走访: the latest visits (made or planned), newest first' })
  visits(
    @Root() e: EnterpriseRef,
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most 100' }) first: number,
    @Arg('since', () => String, { nullable: true, description: 'From this day, YYYY-MM-DD' })
    since: string | null,
    @Ctx() ctx: Context,
  ): Promise<Visit[]> {
    if (!Number.isInteger(first) || first < 0 || first > 100)
      throw badInput([
        {
          field: 'first',
          code: 'INVALID_PAGE_SIZE',
          message: '条数应为0–100',
          messageEn: 'first must be 0 to 100',
        },
      ]);
    if (since && !isIsoDate(since))
      throw badInput([
        {
          field: 'since',
          code: 'INVALID_DATE',
          message: '日期格式应为 YYYY-MM-DD',
          messageEn: 'since must be YYYY-MM-DD',
        },
      ]);
    const scope = readScope(ctx.viewer);
    return ctx.loaders
      .get<string, Visit[]>(`visitsByEnterprise:${first}:${since ?? ''}`, (ids) =>
        ctx.services.visits.byEnterprises(ids, first, since, scope, false),
      )
      .load(e.id);
  }

  @FieldResolver(() => Visit, { nullable: true, description: 'The latest completed visit' })
  async lastVisit(@Root() e: EnterpriseRef, @Ctx() ctx: Context): Promise<Visit | null> {
    const scope = readScope(ctx.viewer);
    const list = await ctx.loaders
      .get<string, Visit[]>('lastVisitByEnterprise', (ids) =>
        ctx.services.visits.byEnterprises(ids, 1, null, scope, true),
      )
      .load(e.id);
    return list[0] ?? null;
  }
}

export const enterpriseReference = {
  __resolveReference(ref: { id: string }): EnterpriseRef {
    return { id: ref.id };
  },
};
