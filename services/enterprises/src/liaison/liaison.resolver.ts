import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { notFound } from '@sfw/subgraph-kit';
import { assertCanEditLiaisons, canRead, canSeePhone } from '../enterprise/enterprise.access';
import { loadEnterprise } from '../enterprise/enterprise.reference';
import { maskPhone } from '../enterprise/enterprise.validation';
import { LiaisonInput, UpdateLiaisonInput } from '../enterprise/enterprise.types';
import { Liaison } from './liaison.entity';

@Resolver(() => Liaison)
export class LiaisonResolver {
  @FieldResolver(() => String, {
    description: 'Masked (138****5678) for viewers who do not work with the enterprise',
  })
  phone(@Root() l: Liaison, @Ctx() ctx: Context): string {
    return canSeePhone(ctx.viewer, l.enterpriseId) ? l.phone : maskPhone(l.phone);
  }

  @Authorized()
  @Mutation(() => Liaison, { description: 'Add a liaison to an enterprise' })
  async addLiaison(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('input', () => LiaisonInput) input: LiaisonInput,
    @Ctx() ctx: Context,
  ): Promise<Liaison> {
    const target = await loadEnterprise(ctx, enterpriseId);
    if (!target || !canRead(ctx.viewer, target.id)) throw notFound('企业', 'enterprise', enterpriseId);
    assertCanEditLiaisons(ctx.viewer, enterpriseId);
    return ctx.services.enterprises.addLiaison(enterpriseId, { ...input });
  }

  @Authorized()
  @Mutation(() => Liaison)
  async updateLiaison(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateLiaisonInput) input: UpdateLiaisonInput,
    @Ctx() ctx: Context,
  ): Promise<Liaison> {
    await assertCanEditLiaison(ctx, id);
    return ctx.services.enterprises.updateLiaison(id, { ...input });
  }

  @Authorized()
  @Mutation(() => Liaison, { description: 'Remove a liaison; returns the removed record' })
  async removeLiaison(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Liaison> {
    await assertCanEditLiaison(ctx, id);
    return ctx.services.enterprises.removeLiaison(id);
  }
}

/** A liaison of an enterprise the viewer may not read answers as a missing liaison. */
async function assertCanEditLiaison(ctx: Context, liaisonId: string): Promise<void> {
  const enterpriseId = await ctx.services.enterprises.liaisonEnterpriseId(liaisonId);
  if (!canRead(ctx.viewer, enterpriseId)) throw notFound('联络员', 'liaison', liaisonId);
  assertCanEditLiaisons(ctx.viewer, enterpriseId);
}
