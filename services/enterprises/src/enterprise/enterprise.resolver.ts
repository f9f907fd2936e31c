import {
  Arg,
  Directive,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Role, STANDARD_TAGS } from '@sfw/shared-types';
import { notFound, selectsField } from '@sfw/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { Industry } from '../industry/industry.types';
import { toIndustry } from '../industry/industry.resolver';
import { Liaison } from '../liaison/liaison.entity';
import { Region } from '../region/region.entity';
import { canRead, ownEnterpriseOnly } from './enterprise.access';
import { Enterprise } from './enterprise.entity';
import { loadEnterprise } from './enterprise.reference';
import type { EnterpriseChangeRow } from '../governance/governance';
import {
  EnterpriseChange,
  EnterpriseConnection,
  EnterprisesArgs,
  RegisterEnterpriseInput,
  UpdateEnterpriseArgs,
} from './enterprise.types';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Directive('@tag(name: "public")')
  @Query(() => [String], {
    description:
      'The standard enterprise tags (龙头骨干, 高成长, 隐形冠军(培育), 专精特新, 重大招商项目), for tag pickers; free tags are allowed beside them',
  })
  standardEnterpriseTags(): string[] {
    return [...STANDARD_TAGS];
  }

  @Authorized()
  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by id' })
  async enterprise(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Enterprise | null> {
    // Looked up either way: another enterprise's id answers like a missing one, in time too.
    const found = await loadEnterprise(ctx, id);
    return found && canRead(ctx.viewer, found.id) ? found : null;
  }

  @Authorized()
  @Query(() => Enterprise, {
    nullable: true,
    description: 'One enterprise by its unified social credit code (统一社会信用代码)',
  })
  async enterpriseByCreditCode(@Arg('code') code: string, @Ctx() ctx: Context): Promise<Enterprise | null> {
    const found = await ctx.services.enterprises.findByCreditCode(code);
    return found && canRead(ctx.viewer, found.id) ? found : null;
  }

  @Authorized()
  @Query(() => EnterpriseConnection, {
    description: 'Enterprises page by page; enterprise users see only their own',
  })
  async enterprises(
    @Args() args: EnterprisesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EnterpriseConnection> {
    const svc = ctx.services.enterprises;
    const page = await svc.list(
      args.filter ?? {},
      args.first,
      args.after ?? null,
      args.orderBy,
      ownEnterpriseOnly(ctx.viewer),
      selectsField(info, 'totalCount'),
    );
    const edges = page.rows.map((node) => ({ node, cursor: svc.cursorOf(node, page.order) }));
    return {
      edges,
      totalCount: page.totalCount ?? 0,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Mutation(() => Enterprise, { description: 'Register an enterprise; a known credit code is a CONFLICT' })
  async registerEnterprise(
    @Arg('input', () => RegisterEnterpriseInput) input: RegisterEnterpriseInput,
    @Ctx() ctx: Context,
  ): Promise<Enterprise> {
    const actor = { viewer: ctx.viewer, reason: '登记' };
    return ctx.services.enterprises.register(
      {
        name: input.name,
        creditCode: input.creditCode,
        regionCode: input.regionCode,
        industryCode: input.industryCode,
        scale: input.scale,
        tags: input.tags ?? [],
        employees: input.employees ?? null,
        registeredCapital: input.registeredCapital ?? null,
        foundedOn: input.foundedOn ?? null,
        parks: input.parks ?? [],
        liaisons: input.liaisons ?? [],
      },
      actor,
    );
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Mutation(() => Enterprise, { description: 'Change an enterprise; only the given fields change' })
  async updateEnterprise(@Args() args: UpdateEnterpriseArgs, @Ctx() ctx: Context): Promise<Enterprise> {
    // GraphQL input objects arrive with absent fields undefined; keep only those given.
    const patch = Object.fromEntries(Object.entries({ ...args.input }).filter(([, v]) => v !== undefined));
    return ctx.services.enterprises.update(args.id, patch, args.expectedVersion, {
      viewer: ctx.viewer,
      reason: args.reason ?? null,
    });
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Mutation(() => Enterprise, { description: 'Add tags (existing ones are kept)' })
  async addEnterpriseTags(
    @Arg('id', () => ID) id: string,
    @Arg('tags', () => [String]) tags: string[],
    @Arg('reason', () => String, { nullable: true, description: '依据: required (4–500 characters)' })
    reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<Enterprise> {
    return ctx.services.enterprises.addTags(id, tags, { viewer: ctx.viewer, reason });
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Mutation(() => Enterprise, { description: 'Remove tags (absent ones are ignored)' })
  async removeEnterpriseTags(
    @Arg('id', () => ID) id: string,
    @Arg('tags', () => [String]) tags: string[],
    @Arg('reason', () => String, { nullable: true, description: '依据: required (4–500 characters)' })
    reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<Enterprise> {
    return ctx.services.enterprises.removeTags(id, tags, { viewer: ctx.viewer, reason });
  }

  @FieldResolver(() => Region)
  region(@Root() e: Enterprise, @Ctx() ctx: Context): Region {
    const region = ctx.services.regions.get(e.regionCode);
    if (!region) throw notFound('行政区划', 'region', e.regionCode);
    return region;
  }

  @FieldResolver(() => Industry)
  industry(@Root() e: Enterprise, @Ctx() ctx: Context): Industry {
    return toIndustry(e.industryCode, ctx.services.industries);
  }

  @FieldResolver(() => [EnterpriseChange], {
    description:
      '变更记录: who changed what, when, before and after, and why; newest first (staff, and the enterprise itself)',
  })
  async changes(
    @Root() e: Enterprise,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<EnterpriseChange[]> {
    if (!canRead(ctx.viewer, e.id)) return [];
    const rows = await ctx.loaders
      .get<string, EnterpriseChangeRow[]>(`changes:${first}`, (ids) =>
        ctx.services.governance.changesOf(ids, first),
      )
      .load(e.id);
    return rows.map((r) => ({
      version: r.version,
      at: r.at,
      actor: r.actor,
      actorName: r.actor_name,
      actorRoles: r.actor_roles,
      departmentId: r.department_id,
      reason: r.reason,
      source: r.source,
      changes: Object.keys({ ...r.before, ...r.after }).map((field) => ({
        field,
        before: field in r.before ? JSON.stringify(r.before[field]) : null,
        after: field in r.after ? JSON.stringify(r.after[field]) : null,
      })),
    }));
  }

  @FieldResolver(() => [Liaison], {
    description: 'Contact people; another enterprise’s users get an empty list',
  })
  async liaisons(@Root() e: Enterprise, @Ctx() ctx: Context): Promise<Liaison[]> {
    const only = ownEnterpriseOnly(ctx.viewer);
    if (only !== undefined && only !== e.id) return [];
    return ctx.loaders
      .get<string, Liaison[]>('liaisonsByEnterprise', (ids) => ctx.services.enterprises.liaisonsOf(ids))
      .load(e.id);
  }
}
