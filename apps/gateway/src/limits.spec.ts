import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOperationAST, parse } from 'graphql';
import { QueryMeasurer } from './limits';
import { apiSchemaOf, COMMITTED_SUPERGRAPH, listSizeProblems, readListSizes } from './supergraph';
import { sha256, TrustedDocumentStore } from './trusted-documents';

const SDL = readFileSync(COMMITTED_SUPERGRAPH, 'utf8');
const measurer = new QueryMeasurer(apiSchemaOf(SDL), readListSizes());
const measure = (query: string, variables: Record<string, unknown> = {}) => {
  const doc = parse(query);
  return measurer.measure(doc, getOperationAST(doc)!, variables);
};

describe('query measure', () => {
  it('counts fields, multiplying lists by their page size or declared size', () => {
    expect(measure('{ standardEnterpriseTags }')).toEqual({ depth: 1, cost: 1 });
    // enterprises(first: 10) × (edges[0 = sized by first] × node × name)
    expect(measure('{ enterprises(first: 10) { edges { node { name } } } }')).toEqual({ depth: 4, cost: 31 });
    expect(
      measure('query($n: Int!) { enterprises(first: $n) { edges { node { name } } } }', { n: 50 }).cost,
    ).toBe(151);
    // Without `first`, its schema default (20) counts.
    expect(measure('{ enterprises { edges { node { name } } } }').cost).toBe(61);
    // Region.children is declared at 30.
    expect(measure('{ region(code: "331000") { children { code } } }').cost).toBe(1 + (1 + 30));
  });

  it('measures each fragment once: a document whose fragments double each other costs microseconds', () => {
    const defs: string[] = [];
    for (let i = 0; i < 60; i++) defs.push(`fragment F${i} on Region { code ...F${i + 1} ...F${i + 1} }`);
    defs.push('fragment F60 on Region { code }');
    const query = `{ regions { ...F0 } } ${defs.join(' ')}`;
    measure(query); // warm up
    const t0 = performance.now();
    const m = measure(query);
    expect(performance.now() - t0).toBeLessThan(10);
    expect(m.cost).toBeGreaterThan(2 ** 60);
    expect(m.depth).toBe(2);
  });

  it('has a declared size for every list field without a page argument, and no stale entry', () => {
    expect(listSizeProblems(SDL, readListSizes())).toEqual([]);
    const { ['Region.children']: _dropped, ...missing } = readListSizes();
    expect(listSizeProblems(SDL, { ...missing, 'Region.nothing': 3 })).toEqual([
      'Region.children: list field without a declared size',
      'Region.nothing: no such list field without a page argument',
    ]);
  });
});

describe('trusted documents', () => {
  it('reads Codegen and Apollo manifests and picks up a folder’s new manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfw-trusted-'));
    const a = '{ regions { code } }';
    const b = '{ standardEnterpriseTags }';
    writeFileSync(join(dir, 'codegen.json'), JSON.stringify({ [sha256(a)]: a }));
    const problems: string[] = [];
    const store = new TrustedDocumentStore([], dir, (file) => problems.push(file));
    try {
      expect(store.get(sha256(a))).toBe(a);
      expect(store.get(`sha256:${sha256(a)}`)).toBe(a);
      expect(store.get(sha256(b))).toBeNull();
      writeFileSync(
        join(dir, 'apollo.json'),
        JSON.stringify({
          format: 'apollo-persisted-query-manifest',
          version: 1,
          operations: [{ id: sha256(b), body: b }],
        }),
      );
      writeFileSync(join(dir, 'broken.json'), '{ not json');
      for (let i = 0; i < 40 && !store.get(sha256(b)); i++) await new Promise((r) => setTimeout(r, 50));
      expect(store.get(sha256(b))).toBe(b);
      expect(store.size).toBe(2);
      expect(problems.some((f) => f.endsWith('broken.json'))).toBe(true);
    } finally {
      store.close();
    }
  });
});
