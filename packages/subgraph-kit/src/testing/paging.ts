import { isObjectType, type GraphQLSchema } from 'graphql';
import type { Viewer } from '@sfw/shared-types';

/** The arguments that size a page (the gateway prices lists by them too). */
export const PAGE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/**
 * Every field of a schema that takes a page argument, as `Type.field` → the argument's name.
 * Root fields are `Query.…` / `Mutation.…`; fields added to other subgraphs' entities are named
 * by the entity (`Enterprise.issues`).
 */
export function pagedFields(schema: GraphQLSchema): Map<string, string> {
  const out = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const arg = field.args.find((a) => (PAGE_ARGUMENTS as readonly string[]).includes(a.name));
      if (arg) out.set(`${type.name}.${field.name}`, arg.name);
    }
  }
  return out;
}

/** How to ask a subgraph for one page of a list. */
export interface PageProbe {
  /** The field under test, `Type.field` as {@link pagedFields} names it. */
  field: string;
  /** A document passing the `Int!` variable `$n` as the page argument. */
  document: string;
  variables?: Record<string, unknown>;
  viewer?: Viewer | null;
  /** The page's items in the response data, and (for a connection) whether it says more follow. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  page: (data: any) => { items: readonly unknown[] | null | undefined; hasNextPage?: boolean };
}

export interface PageCheckOptions {
  /** Page sizes to ask for (default 1 and 2). */
  sizes?: number[];
  /** A page size large enough to see every seeded item (default 50). */
  all?: number;
}

type Querying = {
  query(
    document: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer | null,
  ): Promise<{ data?: unknown; errors?: { message: string }[] }>;
};

/**
 * Ask every probe for pages of 1 and 2 items, and once for `all` to learn how many there are. A
 * page must hold exactly min(size, available) items — never one more (the off-by-one of fetching
 * `first + 1` rows to learn `hasNextPage` and not slicing) — and a connection must say it has a
 * next page when more remain. A probe whose seed has fewer items than the largest size plus one
 * could not catch that, so it is reported too. Returns every problem, for one readable failure.
 */
export async function pageSizeProblems(
  sg: Querying,
  probes: PageProbe[],
  options: PageCheckOptions = {},
): Promise<string[]> {
  const sizes = options.sizes ?? [1, 2];
  const all = options.all ?? 50;
  const problems: string[] = [];
  const ask = async (probe: PageProbe, n: number) => {
    const res = await sg.query(probe.document, { ...probe.variables, n }, probe.viewer ?? null);
    if (res.errors?.length) {
      problems.push(`${probe.field} (${n}): ${res.errors.map((e) => e.message).join('; ')}`);
      return null;
    }
    const page = probe.page(res.data);
    if (!Array.isArray(page.items)) {
      problems.push(`${probe.field} (${n}): no list in the response`);
      return null;
    }
    return { count: page.items.length, hasNextPage: page.hasNextPage };
  };
  for (const probe of probes) {
    const everything = await ask(probe, all);
    if (!everything) continue;
    const available = everything.count;
    if (available > all) problems.push(`${probe.field}: asked for ${all}, got ${available}`);
    if (available <= Math.max(...sizes)) {
      problems.push(
        `${probe.field}: the seed gives ${available} items, too few to tell a page of ${Math.max(...sizes)} from one more`,
      );
      continue;
    }
    for (const n of sizes) {
      const got = await ask(probe, n);
      if (!got) continue;
      if (got.count !== Math.min(n, available))
        problems.push(`${probe.field}: asked for ${n}, got ${got.count} (of ${available})`);
      if (got.hasNextPage !== undefined && got.hasNextPage !== available > n)
        problems.push(`${probe.field}: asked for ${n} of ${available}, hasNextPage is ${got.hasNextPage}`);
    }
  }
  return problems;
}

/**
 * The paged fields of a schema that no probe covers and that are not skipped on purpose (with the
 * reason as the value); a skip naming no paged field is reported too, so the list stays true.
 */
export function unprobedPagedFields(
  schema: GraphQLSchema,
  probes: Pick<PageProbe, 'field'>[],
  skipped: Record<string, string> = {},
): string[] {
  const paged = pagedFields(schema);
  const probed = new Set(probes.map((p) => p.field));
  const out = [...paged.keys()].filter((f) => !probed.has(f) && !(f in skipped));
  for (const f of [...probed, ...Object.keys(skipped)])
    if (!paged.has(f)) out.push(`${f} (named by the test, but not a paged field)`);
  return out;
}
