import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ProblemDomain, Role } from '@sfw/shared-types';
import { forbidden, hasRole, requireViewer } from '@sfw/subgraph-kit';
import { readScope } from '../access';
import { visibleCadre } from '../cadre/cadre.resolver';
import type { Context } from '../context';
import { loadDepartment } from '../department/department.resolver';
import {
  Cadre,
  Department,
  EnterpriseRef,
  ServiceGroup,
  ServiceGroupCall,
  ServiceGroupKind,
  ServiceGroupMember,
} from '../types';

export function loadServiceGroup(ctx: Context, id: string): Promise<ServiceGroup | null> {
  return ctx.loaders
    .get<string, ServiceGroup | null>('groupById', (ids) => ctx.services.groups.findByIds(ids))
    .load(id);
}

@InputType({ description: 'Filters combine with AND' })
export class ServiceGroupFilter {
  @Field(() => ServiceGroupKind, { nullable: true })
  kind?: ServiceGroupKind;

  @Field(() => ProblemDomain, { nullable: true })
  specialty?: ProblemDomain;

  @Field({
    nullable: true,
    description: 'Groups serving this region (a county group serves its townships, a city group all)',
  })
  regionCode?: string;

  @Field({ nullable: true })
  search?: string;

  @Field({ nullable: true, defaultValue: false })
  includeInactive?: boolean;
}

@InputType()
export class ServiceGroupMemberInput {
  @Field(() => ID)
  cadreId!: string;

  @Field({ nullable: true, defaultValue: false, description: '组长' })
  lead?: boolean;
}

@InputType()
export class ServiceGroupInput {
  @Field()
  name!: string;

  @Field(() => ServiceGroupKind)
  kind!: ServiceGroupKind;

  @Field({ nullable: true })
  description?: string;

  @Field(() => [ProblemDomain])
  specialties!: ProblemDomain[];

  @Field(() => [String], { description: 'Division codes served' })
  regionCodes!: string[];

  @Field(() => ID)
  leadDepartmentId!: string;

  @Field(() => [ServiceGroupMemberInput], { defaultValue: [] })
  members!: ServiceGroupMemberInput[];
}

@InputType({ description: 'Only the given fields change' })
export class UpdateServiceGroupInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => ServiceGroupKind, { nullable: true })
  kind?: ServiceGroupKind;

  @Field({ nullable: true })
  description?: string;

  @Field(() => [ProblemDomain], { nullable: true })
  specialties?: ProblemDomain[];

  @Field(() => [String], { nullable: true })
  regionCodes?: string[];

  @Field(() => ID, { nullable: true })
  leadDepartmentId?: string;

  @Field({ nullable: true })
  active?: boolean;
}

@Resolver(() => ServiceGroup)
export class ServiceGroupResolver {
  @Authorized(Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT, Role.CADRE)
  @Query(() => [ServiceGroup], {
    description:
      '专业服务组 / 帮帮团 / 专班, findable by specialty and region so an appeal can be handed to the right group; the most local first',
  })
  serviceGroups(
    @Arg('filter', () => ServiceGroupFilter, { nullable: true }) filter: ServiceGroupFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ServiceGroup[]> {
    return ctx.services.groups.list(filter ?? {});
  }

  @Authorized(Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT, Role.CADRE)
  @Query(() => ServiceGroup, { nullable: true })
  serviceGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ServiceGroup | null> {
    return loadServiceGroup(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceGroup)
  createServiceGroup(
    @Arg('input', () => ServiceGroupInput) input: ServiceGroupInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceGroup> {
    const { members, ...values } = input;
    return ctx.services.groups.create(values, members ?? []);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceGroup, { description: 'Only the given fields change' })
  updateServiceGroup(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateServiceGroupInput) input: UpdateServiceGroupInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<ServiceGroup> {
    const patch = Object.fromEntries(Object.entries({ ...input }).filter(([, v]) => v !== undefined));
    return ctx.services.groups.update(id, patch, expectedVersion);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceGroup, { description: 'Replace the members of a group' })
  setServiceGroupMembers(
    @Arg('id', () => ID) id: string,
    @Arg('members', () => [ServiceGroupMemberInput]) members: ServiceGroupMemberInput[],
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<ServiceGroup> {
    return ctx.services.groups.setMembers(id, members, expectedVersion);
  }

  @Authorized(Role.ADMIN, Role.CADRE, Role.DEPARTMENT)
  @Mutation(() => ServiceGroupCall, {
    description:
      '请进服务组: call a group in for an enterprise; its members may then record visits there. Administrators, department staff, or a cadre paired with the enterprise',
  })
  async callInServiceGroup(
    @Arg('groupId', () => ID) groupId: string,
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceGroupCall> {
    const viewer = requireViewer(ctx.viewer);
    if (!hasRole(viewer, Role.ADMIN, Role.DEPARTMENT)) {
      const paired = viewer.cadreId
        ? await ctx.services.pairings.isPaired(viewer.cadreId, enterpriseId)
        : false;
      if (!paired)
        throw forbidden(
          '只有该企业的结对服务员可以请进服务组',
          'only a cadre paired with the enterprise may call a group in',
        );
    }
    return ctx.services.groups.callIn(groupId, enterpriseId, reason, viewer.sub);
  }

  @Authorized(Role.ADMIN, Role.CADRE, Role.DEPARTMENT)
  @Mutation(() => ServiceGroupCall, { description: 'End a group’s service at an enterprise' })
  async closeServiceGroupCall(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceGroupCall> {
    const viewer = requireViewer(ctx.viewer);
    if (!hasRole(viewer, Role.ADMIN, Role.DEPARTMENT)) {
      const groupId = await ctx.services.groups.groupIdOfCall(id);
      const member =
        groupId && viewer.cadreId ? await ctx.services.groups.isMember(groupId, viewer.cadreId) : false;
      if (!member)
        throw forbidden('只有服务组成员可以结束服务', 'only a member of the group may close its call');
    }
    return ctx.services.groups.closeCall(id, viewer.sub);
  }

  @FieldResolver(() => Department, { description: '牵头部门' })
  leadDepartment(@Root() g: ServiceGroup, @Ctx() ctx: Context): Promise<Department | null> {
    return loadDepartment(ctx, g.leadDepartmentId);
  }

  @FieldResolver(() => [ServiceGroupMember], {
    description: 'The members whose cadre the viewer may see (the same rule as `cadre(id)`)',
  })
  async members(@Root() g: ServiceGroup, @Ctx() ctx: Context): Promise<ServiceGroupMember[]> {
    const members = await ctx.loaders
      .get<string, ServiceGroupMember[]>('membersByGroup', (ids) => ctx.services.groups.membersOf(ids))
      .load(g.id);
    const visible = await Promise.all(members.map((m) => visibleCadre(ctx, m.cadreId)));
    return members.filter((_, i) => visible[i]);
  }

  @FieldResolver(() => [ServiceGroupCall], {
    description: 'Enterprises the group is (or was) called in for (an enterprise user: only its own)',
  })
  async calls(
    @Root() g: ServiceGroup,
    @Arg('open', { defaultValue: true }) open: boolean,
    @Ctx() ctx: Context,
  ): Promise<ServiceGroupCall[]> {
    const calls = await ctx.loaders
      .get<string, ServiceGroupCall[]>(`callsByGroup:${open}`, (ids) =>
        ctx.services.groups.callsOf(ids, open),
      )
      .load(g.id);
    // Staff see every call; an enterprise user only the calls for its own enterprise (why another
    // firm called a group in is that firm's business).
    const scope = readScope(ctx.viewer);
    return scope.enterpriseId ? calls.filter((c) => c.enterpriseId === scope.enterpriseId) : calls;
  }
}

@Resolver(() => ServiceGroupMember)
export class ServiceGroupMemberResolver {
  @FieldResolver(() => Cadre)
  cadre(@Root() m: ServiceGroupMember, @Ctx() ctx: Context): Promise<Cadre | null> {
    return visibleCadre(ctx, m.cadreId);
  }
}

@Resolver(() => ServiceGroupCall)
export class ServiceGroupCallResolver {
  @FieldResolver(() => ServiceGroup)
  group(@Root() c: ServiceGroupCall, @Ctx() ctx: Context): Promise<ServiceGroup | null> {
    return loadServiceGroup(ctx, c.groupId);
  }

  @FieldResolver(() => EnterpriseRef)
  enterprise(@Root() c: ServiceGroupCall): EnterpriseRef {
    return { id: c.enterpriseId };
  }
}
