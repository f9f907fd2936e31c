import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  pageSizeProblems,
  startTestSubgraph,
  unprobedPagedFields,
  type PageProbe,
  type TestSubgraph,
} from '@sfw/subgraph-kit/testing';
import { buildEnterprisesSchema, enterprisesSubgraph, type EnterprisesServices } from '../src';
import { admin } from './helpers';

/**
 * Every list with a page argument returns at most the page asked for: the sample CSV imported
 * three times (eight enterprises, three import jobs), asked for pages of 1 and 2.
 */

let sg: TestSubgraph<EnterprisesServices>;
let firstId: string;

beforeAll(async () => {
  sg = await startTestSubgraph(enterprisesSubgraph);
  const csv = readFileSync(join(__dirname, '../data/sample-import.csv'), 'utf8');
  for (let i = 0; i < 3; i++) {
    const res = await sg.query(
      `mutation($csv: String!) { importEnterprises(csv: $csv, fileName: "sample.csv", wait: true) { status } }`,
      { csv },
      admin,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
  // Three more changes of one enterprise, so its change record is longer than a page of two.
  const first = (await sg.services.enterprises.list({}, 1, null, 'NAME')).rows[0]!;
  firstId = first.id;
  for (let i = 1; i <= 3; i++)
    await sg.services.enterprises.update(first.id, { employees: 100 + i }, null, { viewer: admin });
});

afterAll(async () => {
  await sg?.stop();
});

const probes: PageProbe[] = [
  {
    field: 'Query.enterprises',
    document: `query($n: Int!) { enterprises(first: $n) { edges { node { id } } pageInfo { hasNextPage } } }`,
    viewer: admin,
    page: (d) => ({ items: d.enterprises.edges, hasNextPage: d.enterprises.pageInfo.hasNextPage }),
  },
  {
    // Registration, then three changes: four entries.
    field: 'Enterprise.changes',
    document: `query($n: Int!, $id: ID!) { enterprise(id: $id) { changes(first: $n) { version } } }`,
    get variables() {
      return { id: firstId };
    },
    viewer: admin,
    page: (d) => ({ items: d.enterprise.changes }),
  },
  {
    field: 'Query.enterpriseImports',
    document: `query($n: Int!) { enterpriseImports(first: $n) { id } }`,
    viewer: admin,
    page: (d) => ({ items: d.enterpriseImports }),
  },
];

describe('page sizes', () => {
  it('probes every field of the subgraph that takes a page argument', async () => {
    const { schema } = await buildEnterprisesSchema();
    expect(unprobedPagedFields(schema, probes)).toEqual([]);
  });

  it('never returns more than the page asked for', async () => {
    expect(await pageSizeProblems(sg, probes)).toEqual([]);
  });
});
