import { buildSchema } from 'graphql';
import { pagedFields, pageSizeProblems, unprobedPagedFields, type PageProbe } from './paging';

const schema = buildSchema(`
  type Query { items(first: Int!): [Int!]! more(last: Int!): [Int!]! plain: [Int!]! }
  type Thing { children(limit: Int!): [Int!]! }
`);

/** A fake subgraph whose list has `total` items and returns `extra` more than asked for. */
const fake = (total: number, extra = 0) => ({
  query: async (_doc: string, vars: Record<string, unknown> = {}) => {
    const n = vars['n'] as number;
    const items = Array.from({ length: Math.min(total, n + extra) }, (_, i) => i);
    return { data: { items, hasNextPage: total > n } };
  },
});

const probe: PageProbe = {
  field: 'Query.items',
  document: 'query($n: Int!) { items(first: $n) }',
  page: (d: { items: number[]; hasNextPage: boolean }) => ({ items: d.items, hasNextPage: d.hasNextPage }),
};

describe('page-size checks', () => {
  it('finds the fields with a page argument', () => {
    expect([...pagedFields(schema)]).toEqual([
      ['Query.items', 'first'],
      ['Query.more', 'last'],
      ['Thing.children', 'limit'],
    ]);
    expect(
      unprobedPagedFields(schema, [probe], { 'Thing.children': 'not reachable', 'Query.gone': 'x' }),
    ).toEqual(['Query.more', 'Query.gone (named by the test, but not a paged field)']);
  });

  it('passes a list that returns what it was asked for', async () => {
    expect(await pageSizeProblems(fake(5), [probe])).toEqual([]);
  });

  it('reports a page with one item too many, and a seed too small to tell', async () => {
    expect(await pageSizeProblems(fake(5, 1), [probe])).toEqual([
      'Query.items: asked for 1, got 2 (of 5)',
      'Query.items: asked for 2, got 3 (of 5)',
    ]);
    expect(await pageSizeProblems(fake(2), [probe])).toEqual([
      'Query.items: the seed gives 2 items, too few to tell a page of 2 from one more',
    ]);
  });
});
