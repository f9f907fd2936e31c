import {
  Arg,
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
import type { GraphQLResolveInfo } from 'graphql';
import { Role } from '@sfw/shared-types';
import { badInput, hasRole, isIsoMonth, selectsField } from '@sfw/subgraph-kit';
import { canSeeCadrePhone, readScope } from '../access';
import { maskPhone, Problems, todayInChina } from '../common';
import type { Context } from '../context';
import { loadDepartment } from '../department/department.resolver';
import { Cadre, Department, Pairing, ServiceGroup, Visit } from '../types';
import {
  CadreConnection,
  CadreDeparture,
  CadresArgs,
  CreateCadreInput,
  UpdateCadreArgs,
} from './cadre.types';

export function loadCadre(ctx: Context, id: string): Promise<Cadre | null> {
  return ctx.loaders
    .get<string, Cadre | null>('cadreById', (ids) => ctx.services.cadres.findByIds(ids))
    .load(id);
}

/** A cadre the viewer may see, or null (the same rule as the cadres list). */
export async function visibleCadre(ctx: Context, id: string): Promise<Cadre | null> {
  const scope = readScope(ctx.viewer);
  const cadre = await loadCadre(ctx, id);
  if (!cadre || scope.all) return cadre;
  const visible = await ctx.loaders
    .get<string, boolean>('cadreVisible', async (ids) => {
      const rows = await ctx.services.cadres.visibleAmong(ids, scope);
      return ids.map((i) => rows.has(i));
    })
    .load(id);
  return visible ? cadre : null;
}

const MAX_PAGE = 100;

@Resolver(() => Cadre)
export class CadreResolver {
  @Authorized()
  @Query(() => CadreConnection, {
    description:
      'Cadres (助企服务员) page by page, ordered by name. Administrators and evaluators see all; leaders their region; department staff and cadres their department; an enterprise user the cadres paired with it',
  })
  async cadres(
    @Args() args: CadresArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CadreConnection> {
    if (!Number.isInteger(args.first) || args.first < 0 || args.first > MAX_PAGE)
      throw badInput([
        {
          field: 'first',
          code: 'INVALID_PAGE_SIZE',
          message: `每页条数应为0–${MAX_PAGE}`,
          messageEn: `first must be 0 to ${MAX_PAGE}`,
        },
      ]);
    if (args.filter?.regionCode) {
      const problems = new Problems();
      ctx.services.divisions.check(problems, 'filter.regionCode', args.filter.regionCode);
      problems.throwIfAny();
    }
    const svc = ctx.services.cadres;
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
  @Query(() => Cadre, { nullable: true, description: 'One cadre, if you may see them' })
  cadre(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Cadre | null> {
    return visibleCadre(ctx, id);
  }

  @Authorized(Role.CADRE)
  @Query(() => Cadre, { nullable: true, description: 'The cadre record of the signed-in cadre' })
  myCadre(@Ctx() ctx: Context): Promise<Cadre | null> {
    return ctx.viewer?.cadreId ? loadCadre(ctx, ctx.viewer.cadreId) : Promise.resolve(null);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Cadre, { description: 'Add a cadre to a department' })
  createCadre(
    @Arg('input', () => CreateCadreInput) input: CreateCadreInput,
    @Ctx() ctx: Context,
  ): Promise<Cadre> {
    return ctx.services.cadres.create({ ...input, specialties: input.specialties ?? [] });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Cadre, { description: 'Change a cadre; only the given fields change' })
  updateCadre(@Args() args: UpdateCadreArgs, @Ctx() ctx: Context): Promise<Cadre> {
    const patch = Object.fromEntries(Object.entries({ ...args.input }).filter(([, v]) => v !== undefined));
    return ctx.services.cadres.update(args.id, patch, args.expectedVersion);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CadreDeparture, {
    description:
      '离岗: the cadre leaves; their current pairings end and the enterprises wait for re-pairing (see repairingQueue)',
  })
  deactivateCadre(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('leftOn', () => String, { nullable: true, description: 'YYYY-MM-DD, default today' })
    leftOn: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<CadreDeparture> {
    return ctx.services.cadres.deactivate(id, leftOn, reason, expectedVersion);
  }

  @FieldResolver(() => Department)
  async department(@Root() c: Cadre, @Ctx() ctx: Context): Promise<Department | null> {
    return loadDepartment(ctx, c.departmentId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Mobile number; masked (138****5678) unless you are the cadre, their department or an administrator',
  })
  phone(@Root() c: Cadre, @Ctx() ctx: Context): string | null {
    return canSeeCadrePhone(ctx.viewer, c) ? c.phoneRaw : maskPhone(c.phoneRaw);
  }

  @FieldResolver(() => [Pairing], {
    description: 'The cadre’s pairings, current first; `current: false` adds ended ones',
  })
  async pairings(
    @Root() c: Cadre,
    @Arg('current', { defaultValue: true }) current: boolean,
    @Ctx() ctx: Context,
  ): Promise<Pairing[]> {
    const list = await ctx.loaders
      .get<string, Pairing[]>(`pairingsByCadre:${current}`, (ids) =>
        ctx.services.pairings.byCadres(ids, current),
      )
      .load(c.id);
    // An enterprise user sees only the pairing with its own enterprise.
    const v = ctx.viewer;
    if (v && !hasRole(v, Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT, Role.CADRE))
      return list.filter((p) => p.enterpriseId === v.enterpriseId);
    return list;
  }

  @FieldResolver(() => [Visit], {
    description: 'Visits the cadre made in a month (YYYY-MM, default this month), newest first',
  })
  visits(
    @Root() c: Cadre,
    @Arg('month', () => String, { nullable: true }) month: string | null,
    @Ctx() ctx: Context,
  ): Promise<Visit[]> {
    const m = month ?? todayInChina().slice(0, 7);
    if (!isIsoMonth(m))
      throw badInput([
        {
          field: 'month',
          code: 'INVALID_MONTH',
          message: '月份格式应为 YYYY-MM',
          messageEn: 'month must be YYYY-MM',
        },
      ]);
    const from = `${m}-01`;
    const end = new Date(`${from}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + 1);
    end.setUTCDate(0);
    const to = end.toISOString().slice(0, 10);
    const scope = readScope(ctx.viewer);
    return ctx.loaders
      .get<string, Visit[]>(`visitsByCadre:${m}`, (ids) => ctx.services.visits.byCadres(ids, from, to, scope))
      .load(c.id);
  }

  @FieldResolver(() => [ServiceGroup], { description: 'Service groups and task forces the cadre belongs to' })
  serviceGroups(@Root() c: Cadre, @Ctx() ctx: Context): Promise<ServiceGroup[]> {
    return ctx.loaders
      .get<string, ServiceGroup[]>('groupsByCadre', (ids) => ctx.services.groups.groupsOfCadres(ids))
      .load(c.id);
  }
}
