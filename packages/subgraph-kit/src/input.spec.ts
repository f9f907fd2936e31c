import 'reflect-metadata';
import {
  buildSchema,
  graphql,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
} from 'graphql';
import {
  dateProblem,
  divisionProblem,
  guardArguments,
  INPUT_LIMITS,
  isDivisionCode,
  isIsoDate,
  isIsoMonth,
} from './input';
import { isUuid } from './paging';

const ID = '3f1c2a4e-8b7d-4c61-9a2e-5d0f6b7c8e91';
const calls: unknown[] = [];
const source = buildSchema(/* GraphQL */ `
  scalar JSONObject
  input MemberInput {
    name: String!
    cadreId: ID
  }
  input Filter {
    search: String
    members: [MemberInput!]
    rule: JSONObject
  }
  type Thing {
    id: ID!
    note(text: String): String
  }
  type Query {
    thing(id: ID!): Thing
    things(filter: Filter, departmentId: ID): [Thing!]!
    count(ids: [ID!]!): Int!
  }
  type Mutation {
    importCsv(csv: String!): Int!
  }
`);
const resolve = (type: string, field: string, fn: GraphQLFieldResolver<unknown, unknown>) => {
  (source.getType(type) as GraphQLObjectType).getFields()[field]!.resolve = fn;
};
resolve('Query', 'thing', (_, args) => (calls.push(args), { id: ID }));
resolve('Query', 'things', (_, args) => (calls.push(args), [{ id: ID }]));
resolve('Query', 'count', (_, args: { ids: string[] }) => args.ids.length);
resolve('Thing', 'note', (_, args: { text?: string }) => args.text ?? null);
resolve('Mutation', 'importCsv', (_, args: { csv: string }) => args.csv.length);
const schema = guardArguments(source);

async function run(source: string, variableValues: Record<string, unknown> = {}) {
  const result = await graphql({ schema, source, variableValues });
  return {
    data: result.data as Record<string, unknown> | null | undefined,
    errors: result.errors?.map((e: GraphQLError) => ({ message: e.message, ...e.extensions })),
  };
}

beforeEach(() => (calls.length = 0));

describe('guardArguments', () => {
  it('lets ordinary input through, text with tabs and line breaks included', async () => {
    const r = await run('query ($f: Filter) { things(filter: $f) { id note(text: "第一行\\n第二行\\t") } }', {
      f: { search: '融资 100%_', members: [{ name: '张三', cadreId: ID }], rule: { all: [] } },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ things: [{ id: ID, note: '第一行\n第二行\t' }] });
  });

  it('refuses control characters anywhere, naming the path, before the resolver runs', async () => {
    const r = await run('query ($f: Filter) { things(filter: $f) { id } }', {
      f: { members: [{ name: 'ok' }, { name: 'a\u0000b' }], rule: { all: [{ attr: 'x\u001b' }] } },
    });
    expect(calls).toEqual([]);
    expect(r.errors?.[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((r.errors?.[0] as unknown as { problems: unknown[] }).problems).toEqual([
      expect.objectContaining({ field: 'filter.members.1.name', code: 'INVALID_CHARACTERS' }),
      expect.objectContaining({ field: 'filter.rule.all.0.attr', code: 'INVALID_CHARACTERS' }),
    ]);
    // A lone surrogate cannot be written in a document, but a JSON variable carries one.
    const lone = await run('query ($s: String) { things(filter: { search: $s }) { id } }', { s: 'x\ud800' });
    expect(lone.errors?.[0]).toMatchObject({ code: 'INVALID_CHARACTERS' });
    expect(lone.errors?.[0]?.message).toContain('filter.search');
  });

  it('caps lengths: a search at 100 characters, anything at 10,000, a CSV file far beyond', async () => {
    const search = await run('query ($s: String) { things(filter: { search: $s }) { id } }', {
      s: '企'.repeat(101),
    });
    expect(search.errors?.[0]).toMatchObject({ code: 'INVALID_LENGTH' });
    expect(search.errors?.[0]?.message).toBe('filter.search：过长，最多 100 个字符（收到 101 个）');
    // Characters as people count them: 100 emoji are 200 UTF-16 units and pass.
    expect(
      (await run(`{ things(filter: { search: "${'😀'.repeat(100)}" }) { id } }`)).errors,
    ).toBeUndefined();
    const note = await run('query ($t: String) { thing(id: "' + ID + '") { note(text: $t) } }', {
      t: 'x'.repeat(INPUT_LIMITS.maxLength + 1),
    });
    expect(note.errors?.[0]).toMatchObject({ code: 'INVALID_LENGTH' });
    expect(note.data).toEqual({ thing: { note: null } });
    const csv = await run('mutation ($c: String!) { importCsv(csv: $c) }', { c: 'a,b\n'.repeat(100_000) });
    expect(csv.data).toEqual({ importCsv: 400_000 });
  });

  it('refuses a JSON value nested too deep', async () => {
    let rule: unknown = { all: [] };
    for (let i = 0; i < INPUT_LIMITS.maxJsonDepth; i++) rule = { not: rule };
    const r = await run('query ($f: Filter) { things(filter: $f) { id } }', { f: { rule } });
    expect(r.errors?.[0]).toMatchObject({ code: 'INVALID_VALUE' });
  });

  it('answers an id that is not a UUID like a missing object: null for a lookup, else NOT_FOUND', async () => {
    for (const id of ['x', '', ' ' + ID, ID.replace(/-/g, ''), '1; DROP TABLE t', 'a\u0000'])
      expect(await run('query ($id: ID!) { thing(id: $id) { id } }', { id })).toEqual({
        data: { thing: null },
      });
    expect(calls).toEqual([]);
    expect((await run(`{ thing(id: "${ID.toUpperCase()}") { id } }`)).data).toEqual({ thing: { id: ID } });
    const filtered = await run('{ things(departmentId: "dept-1") { id } }');
    expect(filtered.data).toBeNull();
    expect(filtered.errors).toEqual([
      expect.objectContaining({
        code: 'NOT_FOUND',
        field: 'departmentId',
        message: 'departmentId：所指的对象不存在',
      }),
    ]);
    const nested = await run(`{ count(ids: ["${ID}", "2"]) }`);
    expect(nested.errors?.[0]).toMatchObject({ code: 'NOT_FOUND', field: 'ids.1' });
    const member = await run('query ($f: Filter) { things(filter: $f) { id } }', {
      f: { members: [{ name: 'a', cadreId: '%' }] },
    });
    expect(member.errors?.[0]).toMatchObject({ code: 'NOT_FOUND', field: 'filter.members.0.cadreId' });
  });
});

describe('guardArguments with idsMatchNothing', () => {
  it('leaves the ids of an argument that skips unknown ones to its resolver', async () => {
    const s = buildSchema('type Query { x: Int } type Mutation { markRead(ids: [ID!]!): [ID!]! }');
    (s.getType('Mutation') as GraphQLObjectType).getFields()['markRead']!.resolve = (
      _,
      a: { ids: string[] },
    ) => a.ids.filter(isUuid);
    guardArguments(s, INPUT_LIMITS, { idsMatchNothing: ['Mutation.markRead.ids'] });
    expect(await graphql({ schema: s, source: `mutation { markRead(ids: ["${ID}", "x"]) }` })).toEqual({
      data: { markRead: [ID] },
    });
    // An id is never text: one with a NUL is just another id that names nothing.
    expect(await graphql({ schema: s, source: `mutation { markRead(ids: ["\\u0000"]) }` })).toEqual({
      data: { markRead: [] },
    });
  });
});

describe('value checks the services share', () => {
  it('reads dates and months strictly', () => {
    for (const ok of ['2026-03-01', '2024-02-29', '1000-01-01', '2999-12-31'])
      expect(isIsoDate(ok)).toBe(true);
    for (const bad of [
      '2026-02-30',
      '2026-02-29',
      '2026-13-01',
      '0000-01-01',
      '0999-12-31',
      '3000-01-01',
      '9999-12-31',
      '2026-3-1',
      '2026/03/01',
      '2026-03-01T00:00:00Z',
      ' 2026-03-01',
      '明天',
      '',
    ])
      expect(isIsoDate(bad)).toBe(false);
    expect(dateProblem('input.paidOn', '2026-02-30', '兑付日期')).toMatchObject({
      field: 'input.paidOn',
      code: 'INVALID_DATE',
      message: '兑付日期应为 YYYY-MM-DD 格式的有效日期',
    });
    expect(isIsoMonth('2026-03')).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-3', '0000-01', '9999-12', '26-03'])
      expect(isIsoMonth(bad)).toBe(false);
  });

  it('knows the division codes of the reference data', () => {
    for (const ok of ['330000', '331000', '331004']) expect(isDivisionCode(ok)).toBe(true);
    for (const bad of ['%', '33%', '999999', '3310', '33100x', '331004 ', '-1', ''])
      expect(isDivisionCode(bad)).toBe(false);
    expect(divisionProblem('filter.regionCode', '%')).toMatchObject({
      field: 'filter.regionCode',
      code: 'UNKNOWN_REGION',
    });
    expect(divisionProblem('regionCode', '331004')).toBeNull();
  });
});
