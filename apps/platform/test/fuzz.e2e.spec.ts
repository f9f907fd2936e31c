import { writeFileSync } from 'node:fs';
import { apiSchemaOf, composeSupergraph, issueToken, readSubgraphSources } from '@sfw/gateway';
import { readDivisions, Role, type Viewer } from '@sfw/shared-types';
import type { RunningSubgraph } from '@sfw/subgraph-kit';
import { DEMO_IDS } from '../src/demo-users';
import { OperationGenerator, type FuzzOperation, type FuzzPools } from './fuzz/operations';
import { column, startGraph, type TestGraph } from './support/graph';

/**
 * The whole graph fuzzed through the gateway: random operations over every Query and Mutation
 * field (test/fuzz/operations.ts), each sent as every role, against every subgraph over a small
 * demo data set. Whatever the input, every answer must be an answer: no INTERNAL_SERVER_ERROR, no
 * HTTP 5xx, no error without `extensions.code`, and none slower than the budget.
 *
 * FUZZ_COUNT operations (default 150; `FUZZ_COUNT=5000` by hand), from FUZZ_SEED (default fixed, so
 * CI is reproducible; `FUZZ_SEED=random` for a new one, printed). A seed gives the same operations
 * naming the same records (their random ids differ from run to run). FUZZ_ONLY=<index> sends only
 * that operation (generating the ones before it; the data lacks what their mutations would have
 * changed); FUZZ_REPORT=<file> writes every failure as JSON; LOG_LEVEL=error logs what an internal
 * error was.
 */
const COUNT = Number(process.env['FUZZ_COUNT'] ?? 150);
const SEED =
  process.env['FUZZ_SEED'] === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env['FUZZ_SEED'] ?? 20_260_513);
const ONLY = process.env['FUZZ_ONLY'] === undefined ? null : Number(process.env['FUZZ_ONLY']);
const BUDGET_MS = 5_000;
const JWT_SECRET = 'fuzz-jwt-secret-0123456789-abcdefghijklmnop';

let graph: TestGraph;
let pools: FuzzPools;
const tokens = new Map<string, string | null>();

type Answer = {
  data?: unknown;
  errors?: { message?: string; path?: unknown; extensions?: Record<string, unknown> }[];
};

/**
 * Every `id uuid` of a subgraph's tables, a few per table, in the order they were written: the ids
 * themselves are random, but the n-th row of a table is the same record in every run of a seed.
 */
async function idsOf(sg: RunningSubgraph<unknown>, perTable = 25): Promise<string[]> {
  const ds = sg.database.dataSource;
  const s = sg.database.schema;
  const tables = (await ds.query(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = $1 AND c.column_name = 'id' AND c.data_type = 'uuid' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name`,
    [s],
  )) as { table_name: string }[];
  const ids: string[] = [];
  for (const { table_name } of tables) {
    const rows = (await ds.query(`SELECT id::text AS id FROM "${s}"."${table_name}" ORDER BY ctid LIMIT $1`, [
      perTable,
    ])) as { id: string }[];
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

beforeAll(async () => {
  graph = await startGraph({ jwtSecret: JWT_SECRET });
  const { enterprises, cadres, issues, evaluations, policies } = graph;
  const own = graph.ownEnterpriseId;
  const other = graph.otherEnterpriseId;
  const all = [enterprises, cadres, issues, evaluations, policies] as RunningSubgraph<unknown>[];
  const ids = new Set<string>();
  for (const sg of all) for (const id of await idsOf(sg)) ids.add(id);
  pools = {
    ids: [...ids],
    creditCodes: await column(enterprises, 'SELECT credit_code AS v FROM $s.enterprise ORDER BY 1 LIMIT 10'),
    divisionCodes: [
      '330000',
      '331000',
      '331004',
      '331002',
      '331082',
      ...readDivisions()
        .filter((d) => d.code.length === 9)
        .slice(0, 5)
        .map((d) => d.code),
    ],
    departmentCodes: await column(cadres, 'SELECT code AS v FROM $s.department ORDER BY 1 LIMIT 10'),
    tags: ['专精特新', '高成长', '龙头骨干', '自定义标签'],
    industryCodes: ['C', 'C36', 'C3612', 'F', '3612'],
  };

  const viewers: Record<string, Viewer | null> = {
    anonymous: null,
    admin: { sub: 'fuzz-admin', roles: [Role.ADMIN] },
    enterprise: { sub: 'fuzz-enterprise', roles: [Role.ENTERPRISE], enterpriseId: own },
    otherEnterprise: { sub: 'fuzz-enterprise-2', roles: [Role.ENTERPRISE], enterpriseId: other },
    cadre: { sub: 'fuzz-cadre', roles: [Role.CADRE], cadreId: DEMO_IDS.cadreId, regionCode: '331004' },
    department: {
      sub: 'fuzz-department',
      roles: [Role.DEPARTMENT],
      departmentId: DEMO_IDS.departmentId,
      regionCode: '331000',
    },
    leader: {
      sub: 'fuzz-leader',
      roles: [Role.LEADER],
      departmentId: DEMO_IDS.departmentId,
      regionCode: '331000',
    },
    evaluator: { sub: 'fuzz-evaluator', roles: [Role.EVALUATOR], regionCode: '331000' },
  };
  for (const [role, viewer] of Object.entries(viewers))
    tokens.set(role, viewer ? await issueToken(viewer, JWT_SECRET) : null);
}, 300_000);

afterAll(async () => {
  await graph?.stop();
});

interface Failure {
  seed: number;
  index: number;
  field: string;
  role: string;
  kind: string;
  ms: number;
  status: number;
  document: string;
  variables: Record<string, unknown>;
  errors?: Answer['errors'];
}

/** What went wrong with one answer, or null when it is an answer. */
function problemOf(status: number, ms: number, body: Answer | null): string | null {
  if (ms > BUDGET_MS) return `slower than ${BUDGET_MS} ms`;
  if (status >= 500) return `HTTP ${status}`;
  if (!body) return 'not JSON';
  for (const e of body.errors ?? []) {
    const code = e.extensions?.['code'];
    if (typeof code !== 'string') return 'error without extensions.code';
    if (code === 'INTERNAL_SERVER_ERROR') return 'INTERNAL_SERVER_ERROR';
  }
  return null;
}

/** Long strings cut for printing. */
const short = (v: unknown): unknown =>
  JSON.parse(
    JSON.stringify(v, (_k, x: unknown) =>
      typeof x === 'string' && x.length > 60 ? `${x.slice(0, 20)}…(${x.length} chars)` : x,
    ),
  );

it(
  `answers ${COUNT} random operations as every role with a code, never an internal error`,
  async () => {
    const generator = new OperationGenerator(
      apiSchemaOf(composeSupergraph(readSubgraphSources())),
      SEED,
      pools,
    );
    process.stdout.write(`fuzz: seed ${SEED}, ${COUNT} operations × ${tokens.size} roles\n`);
    const failures: Failure[] = [];
    const codes = new Map<string, number>();
    let requests = 0;
    let slowest = { ms: 0, field: '' };
    const started = performance.now();
    for (let i = 0; i < COUNT; i++) {
      const op: FuzzOperation = generator.next();
      if (ONLY !== null && op.index !== ONLY) continue;
      const body = JSON.stringify({ query: op.document, variables: op.variables });
      for (const [role, token] of tokens) {
        const t0 = performance.now();
        const res = await fetch(graph.gateway.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body,
        });
        const text = await res.text();
        const ms = performance.now() - t0;
        requests++;
        if (ms > slowest.ms) slowest = { ms, field: op.field };
        let answer: Answer | null = null;
        try {
          answer = JSON.parse(text) as Answer;
        } catch {
          answer = null;
        }
        for (const e of answer?.errors ?? []) {
          const code = String(e.extensions?.['code'] ?? '(none)');
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
        const kind = problemOf(res.status, ms, answer);
        if (kind)
          failures.push({
            seed: SEED,
            index: op.index,
            field: op.field,
            role,
            kind,
            ms: Math.round(ms),
            status: res.status,
            document: op.document,
            variables: op.variables,
            errors: answer?.errors,
          });
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const byKind = new Map<string, number>();
    for (const f of failures)
      byKind.set(`${f.kind} ${f.field}`, (byKind.get(`${f.kind} ${f.field}`) ?? 0) + 1);
    process.stdout.write(
      [
        `fuzz: seed ${SEED}: ${requests} requests in ${seconds.toFixed(1)} s, slowest ${Math.round(slowest.ms)} ms (${slowest.field})`,
        `fuzz: error codes ${JSON.stringify(Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])))}`,
        `fuzz: ${failures.length} failures${failures.length ? ':' : ''}`,
        ...[...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${n} × ${k}`),
        '',
      ].join('\n'),
    );
    if (process.env['FUZZ_REPORT'])
      writeFileSync(process.env['FUZZ_REPORT'], JSON.stringify({ seed: SEED, failures }, null, 2));
    // The first few in full, to reproduce with FUZZ_SEED and FUZZ_ONLY.
    const shown = failures
      .slice(0, 5)
      .map((f) => ({ ...f, variables: short(f.variables), errors: short(f.errors) }));
    expect(shown).toEqual([]);
  },
  Math.max(120_000, COUNT * 8 * 500),
);
