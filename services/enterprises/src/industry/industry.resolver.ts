import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import type { IndustryCatalog } from './industry.catalog';
import { Industry } from './industry.types';

export function toIndustry(code: string, catalog: IndustryCatalog): Industry {
  const division = catalog.divisionOf(code);
  const section = catalog.sectionOf(code);
  return {
    code,
    divisionCode: division?.code ?? code.slice(0, 2),
    divisionName: division?.name ?? '',
    sectionCode: section?.code ?? '',
    sectionName: section?.name ?? '',
  };
}

@Resolver(() => Industry)
export class IndustryResolver {
  @Directive('@tag(name: "public")')
  @Query(() => [Industry], {
    description: 'GB/T 4754-2017 divisions (大类), optionally of one section letter',
  })
  industries(
    @Arg('section', () => String, { nullable: true }) section: string | null,
    @Ctx() ctx: Context,
  ): Industry[] {
    const catalog = ctx.services.industries;
    return [...catalog.divisions.values()]
      .filter((d) => !section || d.section === section.trim().toUpperCase())
      .map((d) => toIndustry(d.code, catalog));
  }
}
