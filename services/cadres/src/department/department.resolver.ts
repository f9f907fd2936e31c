import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Role } from '@sfw/shared-types';
import { hasRole, isStaff } from '@sfw/subgraph-kit';
import { assertAdmin } from '../access';
import { Problems } from '../common';
import type { Context } from '../context';
import { Department, DepartmentMember, RegionRef } from '../types';
import {
  CreateDepartmentInput,
  DepartmentFilter,
  DepartmentMemberInput,
  UpdateDepartmentArgs,
} from './department.types';

export function loadDepartment(ctx: Context, id: string): Promise<Department | null> {
  return ctx.loaders
    .get<string, Department | null>('departmentById', (ids) => ctx.services.departments.findByIds(ids))
    .load(id);
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Authorized()
  @Query(() => [Department], {
    description: 'Departments (部门) of the city, its counties and townships; ordered city first',
  })
  async departments(
    @Arg('filter', () => DepartmentFilter, { nullable: true }) filter: DepartmentFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Department[]> {
    if (filter?.regionCode) {
      const problems = new Problems();
      ctx.services.divisions.check(problems, 'filter.regionCode', filter.regionCode);
      problems.throwIfAny();
    }
    return ctx.services.departments.list(filter ?? {});
  }

  @Authorized()
  @Query(() => Department, { nullable: true })
  department(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Department | null> {
    return loadDepartment(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Department, { description: 'Create a department with its sign-off people' })
  async createDepartment(
    @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput,
    @Ctx() ctx: Context,
  ): Promise<Department> {
    assertAdmin(ctx.viewer, '新建部门');
    return ctx.services.departments.create(
      {
        code: input.code,
        name: input.name,
        shortName: input.shortName,
        level: input.level,
        regionCode: input.regionCode,
        parentId: input.parentId ?? null,
        domains: input.domains ?? [],
        active: true,
      },
      input.members ?? [],
    );
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Department, { description: 'Change a department; only the given fields change' })
  updateDepartment(@Args() args: UpdateDepartmentArgs, @Ctx() ctx: Context): Promise<Department> {
    const patch = Object.fromEntries(Object.entries({ ...args.input }).filter(([, v]) => v !== undefined));
    return ctx.services.departments.update(args.id, patch, args.expectedVersion);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Department, {
    description: 'Replace the sign-off people (科室负责人, 分管领导, 部门负责人) of a department',
  })
  setDepartmentMembers(
    @Arg('id', () => ID) id: string,
    @Arg('members', () => [DepartmentMemberInput]) members: DepartmentMemberInput[],
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Department> {
    return ctx.services.departments.setMembers(id, members, expectedVersion);
  }

  @FieldResolver(() => RegionRef)
  region(@Root() d: Department): RegionRef {
    return { code: d.regionCode };
  }

  @FieldResolver(() => Department, { nullable: true, description: '上级部门' })
  parent(@Root() d: Department, @Ctx() ctx: Context): Promise<Department | null> | null {
    return d.parentId ? loadDepartment(ctx, d.parentId) : null;
  }

  @FieldResolver(() => [DepartmentMember], {
    description: 'Sign-off people; staff see them, enterprise users get an empty list',
  })
  async members(@Root() d: Department, @Ctx() ctx: Context): Promise<DepartmentMember[]> {
    if (!isStaff(ctx.viewer)) return [];
    const list = await ctx.loaders
      .get<string, (DepartmentMember & { departmentId: string })[]>('membersByDepartment', (ids) =>
        ctx.services.departments.membersOf(ids),
      )
      .load(d.id);
    const admin = hasRole(ctx.viewer, Role.ADMIN);
    return list.map((m) => ({ ...m, account: admin ? m.account : null }));
  }
}
