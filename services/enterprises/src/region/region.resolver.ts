import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RegionLevel } from '@sfw/shared-types';
import type { Context } from '../context';
import { Region } from './region.entity';

@Resolver(() => Region)
export class RegionResolver {
  @Directive('@tag(name: "public")')
  @Query(() => [Region], {
    description:
      'Divisions: the top level without arguments, the children of parentCode, or with level every division of that level (below parentCode when given)',
  })
  regions(
    @Arg('parentCode', () => String, { nullable: true }) parentCode: string | null,
    @Arg('level', () => RegionLevel, { nullable: true }) level: RegionLevel | null,
    @Ctx() ctx: Context,
  ): Region[] {
    const dir = ctx.services.regions;
    if (level) {
      const prefix = parentCode && dir.has(parentCode) ? dir.prefixOf(parentCode) : parentCode ? null : '';
      if (prefix === null) return [];
      return dir
        .all()
        .filter((r) => r.level === level && r.code.startsWith(prefix) && r.code !== parentCode)
        .sort((a, b) => a.code.localeCompare(b.code));
    }
    return parentCode ? dir.childrenOf(parentCode) : dir.roots();
  }

  @Directive('@tag(name: "public")')
  @Query(() => Region, { nullable: true })
  region(@Arg('code') code: string, @Ctx() ctx: Context): Region | null {
    return ctx.services.regions.get(code.trim()) ?? null;
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() r: Region, @Ctx() ctx: Context): Region | null {
    return r.parentCode ? (ctx.services.regions.get(r.parentCode) ?? null) : null;
  }

  @FieldResolver(() => [Region])
  children(@Root() r: Region, @Ctx() ctx: Context): Region[] {
    return ctx.services.regions.childrenOf(r.code);
  }

  @FieldResolver(() => [Region], { description: 'From the top level down to this region' })
  path(@Root() r: Region, @Ctx() ctx: Context): Region[] {
    return ctx.services.regions.path(r.code);
  }

  @FieldResolver(() => String, { description: 'e.g. 浙江省台州市路桥区路桥街道' })
  fullName(@Root() r: Region, @Ctx() ctx: Context): string {
    return ctx.services.regions.fullName(r.code);
  }
}

export const regionReference = {
  __resolveReference(ref: { code: string }, ctx: Context): Region | null {
    return ctx.services.regions.get(ref.code) ?? null;
  },
};
