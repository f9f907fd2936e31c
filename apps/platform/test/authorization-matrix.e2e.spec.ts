import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { accessRules as cadresRules } from '@sfw/cadres';
import { accessRules as enterprisesRules } from '@sfw/enterprises';
import { accessRules as evaluationsRules } from '@sfw/evaluations';
import { apiSchemaOf, composeSupergraph, issueToken, readSubgraphSources } from '@sfw/gateway';
import { accessRules as issuesRules } from '@sfw/issues';
import { accessRules as policiesRules } from '@sfw/policies';
import { Role, type Viewer } from '@sfw/shared-types';
import {
  grantFor,
  renderAccessTable,
  type AccessTable,
  type Grant,
  type RunningSubgraph,
} from '@sfw/subgraph-kit';
import { DEMO_IDS } from '../src/demo-users';
import { column, startGraph, type TestGraph } from './support/graph';
import { rootOperation, shapeOf } from './support/operations';

/**
 * The authorization matrix, generated from the composed schema and each subgraph's access table
 * (services/<name>/src/access-rules.ts): every Query and Mutation field and every owned entity's
 * `_entities` reference, asked as every role — anonymous, administrator, an enterprise user of the
 * object's own enterprise and one of another enterprise, cadre, department staff, leader,
 * department head, evaluator — through the gateway and straight to the subgraph with a correctly
 * signed viewer. Expectations come from the tables; the answers must match them exactly:
 * - a role the table refuses gets UNAUTHENTICATED (no token) or FORBIDDEN with `reason: ROLE`,
 *   whatever its arguments; a role it grants never does;
 * - a reference the table refuses is null; an `own` grant shows what the role owns and answers
 *   null for the rest; `all` shows everything.
 * A Query or Mutation field or an entity without a rule, or a rule without a field, fails too.
 * The matrix is written to docs/authorization-matrix.md (AUTH_MATRIX_WRITE=1 rewrites it; the
 * committed file must match the tables).
 */
const TABLES: AccessTable[] = [enterprisesRules, cadresRules, issuesRules, evaluationsRules, policiesRules];
const MATRIX_FILE = join(__dirname, '..', '..', '..', 'docs', 'authorization-matrix.md');

interface Asker {
  key: string;
  viewer: Viewer | null;
}

let graph: TestGraph;
let askers: Asker[];
const tokens = new Map<string, string | null>();
const sources = readSubgraphSources();
const api = apiSchemaOf(composeSupergraph(sources));

beforeAll(async () => {
  graph = await startGraph({ enterprises: 20, issues: 40 });
  askers = [
    { key: 'anonymous', viewer: null },
    { key: 'admin', viewer: { sub: 'm-admin', roles: [Role.ADMIN] } },
    {
      key: 'enterprise',
      viewer: { sub: 'm-enterprise', roles: [Role.ENTERPRISE], enterpriseId: graph.ownEnterpriseId },
    },
    {
      key: 'otherEnterprise',
      viewer: { sub: 'm-enterprise-2', roles: [Role.ENTERPRISE], enterpriseId: graph.otherEnterpriseId },
    },
    {
      key: 'cadre',
      viewer: { sub: 'm-cadre', roles: [Role.CADRE], cadreId: DEMO_IDS.cadreId, regionCode: '331004' },
    },
    {
      key: 'department',
      viewer: {
        sub: 'm-department',
        roles: [Role.DEPARTMENT],
        departmentId: DEMO_IDS.departmentId,
        regionCode: '331000',
      },
    },
    {
      key: 'leader',
      viewer: {
        sub: 'm-leader',
        roles: [Role.LEADER],
        departmentId: DEMO_IDS.departmentId,
        regionCode: '331000',
      },
    },
    {
      key: 'head',
      viewer: {
        sub: 'm-head',
        roles: [Role.LEADER],
        departmentId: DEMO_IDS.departmentId,
        regionCode: '331000',
      },
    },
    { key: 'evaluator', viewer: { sub: 'm-evaluator', roles: [Role.EVALUATOR], regionCode: '331000' } },
  ];
  for (const a of askers) tokens.set(a.key, a.viewer ? await issueToken(a.viewer, graph.jwtSecret) : null);
}, 300_000);

afterAll(async () => {
  await graph?.stop();
});

type Answer = {
  data?: Record<string, unknown> | null;
  errors?: { message?: string; extensions?: Record<string, unknown> }[];
};

async function viaGateway(
  key: string,
  document: string,
  variables: Record<string, unknown>,
): Promise<Answer> {
  const token = tokens.get(key);
  const res = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document, variables }),
  });
  return (await res.json()) as Answer;
}

/** Refused for the role: the answer the tables' `none` stands for. */
const refused = (a: Answer): boolean =>
  (a.errors ?? []).some(
    (e) => e.extensions?.['code'] === 'UNAUTHENTICATED' || e.extensions?.['reason'] === 'ROLE',
  );

const tableOf = (subgraph: string): AccessTable => {
  const t = TABLES.find((x) => x.subgraph === subgraph);
  if (!t) throw new Error(`no access table for the subgraph ${subgraph}`);
  return t;
};

describe('every field and entity has a rule', () => {
  it.each(sources.map((s) => [s.name, s.sdl] as const))('%s', (name, sdl) => {
    const table = tableOf(name);
    const shape = shapeOf(sdl);
    const problems: string[] = [];
    const same = (what: string, inSchema: string[], inTable: string[]) => {
      for (const f of inSchema) if (!inTable.includes(f)) problems.push(`${what} ${f}: no rule`);
      for (const f of inTable) if (!inSchema.includes(f)) problems.push(`${what} ${f}: a rule for nothing`);
    };
    same('Query', shape.query, Object.keys(table.query));
    same('Mutation', shape.mutation, Object.keys(table.mutation));
    const owned = Object.keys(table.entities);
    const stubs = Object.keys(table.extends);
    same('entity', [...shape.keyed.keys()], [...owned, ...stubs]);
    for (const type of stubs)
      same(`${type} (added)`, shape.keyed.get(type) ?? [], Object.keys(table.extends[type] ?? {}));
    // The gateway lets anonymous requests reach only the fields tagged public.
    for (const f of shape.query)
      if ((table.query[f]?.who.anonymous ?? 'none') !== 'none' && !shape.publicFields.has(f))
        problems.push(`Query ${f}: anonymous may call it, but it is not tagged public`);
    expect(problems).toEqual([]);
  });
});

interface Cell {
  field: string;
  asker: string;
  path: 'gateway' | 'subgraph';
  expected: Grant | 'null' | 'visible';
  observed: string;
}

const mismatches: Cell[] = [];
const observedRoot = new Map<string, Map<string, string>>();

it('root fields: each role gets exactly what its table grants, through the gateway and straight to the subgraph', async () => {
  for (const source of sources) {
    const table = tableOf(source.name);
    const sg = graph.subgraphs[source.name];
    if (!sg) throw new Error(`subgraph ${source.name} is not running`);
    for (const [kind, rules] of [
      ['query', table.query],
      ['mutation', table.mutation],
    ] as const) {
      for (const [field, rule] of Object.entries(rules)) {
        const name = `${kind === 'query' ? 'Query' : 'Mutation'}.${field}`;
        const op = rootOperation(api, kind, field);
        const row = new Map<string, string>();
        for (const a of askers) {
          const expected = grantFor(rule.who, a.viewer);
          for (const path of ['gateway', 'subgraph'] as const) {
            const answer =
              path === 'gateway'
                ? await viaGateway(a.key, op.document, op.variables)
                : await sg.query(op.document, op.variables, a.viewer);
            const denied = refused(answer);
            if (denied !== (expected === 'none'))
              mismatches.push({
                field: name,
                asker: a.key,
                path,
                expected,
                observed: denied
                  ? 'refused'
                  : `answered ${JSON.stringify(answer.errors?.map((e) => e.extensions?.['code']) ?? 'data')}`,
              });
          }
          row.set(a.key, expected);
        }
        observedRoot.set(`${source.name} ${name}`, row);
      }
    }
  }
  expect(mismatches).toEqual([]);
}, 180_000);

/**
 * For each owned entity: an object each asker owns and one it does not, where the seed has one
 * (`own` grants are checked on both; `all` and `none` on any object).
 */
async function samples(): Promise<
  Record<string, { subgraph: string; key: string; any: string; own?: Record<string, [string, string]> }>
> {
  const { cadres, issues, evaluations, policies } = graph as unknown as Record<
    string,
    RunningSubgraph<unknown>
  >;
  const own = graph.ownEnterpriseId;
  const other = graph.otherEnterpriseId;
  const first = async (sg: RunningSubgraph<unknown> | undefined, sql: string, params: unknown[] = []) =>
    sg ? (await column(sg, sql, params))[0] : undefined;
  const ownIssue = await first(
    issues,
    'SELECT id::text AS v FROM $s.issue WHERE enterprise_id = $1 LIMIT 1',
    [own],
  );
  const otherIssue = await first(
    issues,
    'SELECT id::text AS v FROM $s.issue WHERE enterprise_id = $1 LIMIT 1',
    [other],
  );
  const anyOf = async (sg: RunningSubgraph<unknown> | undefined, table: string) =>
    (await first(sg, `SELECT id::text AS v FROM $s.${table} LIMIT 1`)) ?? '';
  const pair = (a: string | undefined, b: string | undefined): [string, string] | undefined =>
    a && b ? [a, b] : undefined;
  const ownIssues: Record<string, [string, string]> = {};
  const p1 = pair(ownIssue, otherIssue);
  const p2 = pair(otherIssue, ownIssue);
  if (p1) ownIssues['enterprise'] = p1;
  if (p2) ownIssues['otherEnterprise'] = p2;
  return {
    Enterprise: {
      subgraph: 'enterprises',
      key: 'id',
      any: own,
      own: { enterprise: [own, other], otherEnterprise: [other, own] },
    },
    Region: { subgraph: 'enterprises', key: 'code', any: '331004' },
    Department: { subgraph: 'cadres', key: 'id', any: DEMO_IDS.departmentId },
    Cadre: { subgraph: 'cadres', key: 'id', any: DEMO_IDS.cadreId },
    Visit: { subgraph: 'cadres', key: 'id', any: await anyOf(cadres, 'visit') },
    ServiceGroup: { subgraph: 'cadres', key: 'id', any: await anyOf(cadres, 'service_group') },
    Issue: { subgraph: 'issues', key: 'id', any: ownIssue ?? '', own: ownIssues },
    Rating: { subgraph: 'evaluations', key: 'id', any: await anyOf(evaluations, 'rating') },
    ReviewCycle: { subgraph: 'evaluations', key: 'id', any: await anyOf(evaluations, 'review_cycle') },
    Policy: { subgraph: 'policies', key: 'id', any: await anyOf(policies, 'policy') },
    Application: { subgraph: 'policies', key: 'id', any: await anyOf(policies, 'application') },
  };
}

const observedEntities = new Map<string, Map<string, string>>();

it('entity references: a refused role gets null, an own grant only what it owns, straight to the owning subgraph', async () => {
  const found = await samples();
  const problems: Cell[] = [];
  const owned = TABLES.flatMap((t) => Object.keys(t.entities).map((e) => [t, e] as const));
  for (const [table, entity] of owned) {
    const s = found[entity];
    if (!s) {
      problems.push({
        field: entity,
        asker: '-',
        path: 'subgraph',
        expected: 'visible',
        observed: 'no sample',
      });
      continue;
    }
    const sg = graph.subgraphs[table.subgraph];
    const rule = table.entities[entity];
    if (!sg || !rule) throw new Error(`${entity}: no subgraph or rule`);
    const row = new Map<string, string>();
    for (const a of askers) {
      const grant = grantFor(rule.read, a.viewer);
      // [object, expected visible]
      const checks: [string, boolean][] = [];
      const ownPair = s.own?.[a.key];
      if (grant === 'own' && ownPair) checks.push([ownPair[0], true], [ownPair[1], false]);
      else if (grant === 'all' || grant === 'public') checks.push([s.any, true]);
      else if (grant === 'none') checks.push([s.any, false]);
      row.set(a.key, grant === 'own' && !ownPair ? 'own (not sampled)' : grant);
      for (const [id, visible] of checks) {
        const answer = await sg.query<{ _entities: unknown[] }>(
          `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
          { r: [{ __typename: entity, [s.key]: id }] },
          a.viewer,
        );
        const got = answer.data?._entities?.[0] ?? null;
        if ((got !== null) !== visible)
          problems.push({
            field: `${entity} ${id}`,
            asker: a.key,
            path: 'subgraph',
            expected: visible ? 'visible' : 'null',
            observed: got === null ? `null ${JSON.stringify(answer.errors ?? [])}` : 'visible',
          });
      }
    }
    observedEntities.set(`${table.subgraph} ${entity}`, row);
  }
  expect(problems).toEqual([]);
}, 120_000);

it('the matrix (docs/authorization-matrix.md) is the tables’ own', async () => {
  const text = [
    '# Authorization matrix',
    '',
    'Generated from `services/*/src/access-rules.ts` by `apps/platform/test/authorization-matrix.e2e.spec.ts`',
    '(`AUTH_MATRIX_WRITE=1` rewrites this file). Every cell is checked against the running graph, through',
    'the gateway and straight to each subgraph with a signed viewer: ✅ may call / read everything, 🔒 own',
    'only what the role owns (anything else answers like a missing object), 🌐 public reference data, — refused',
    '(UNAUTHENTICATED without a token, FORBIDDEN with `reason: ROLE` otherwise; a reference is null). The',
    'enterprise column holds for an enterprise user of the object’s own enterprise and of another one alike;',
    'the leader column for a department head too.',
    '',
    ...TABLES.map((t) => `## ${t.subgraph}\n\n${renderAccessTable(t)}`),
  ].join('\n');
  // Formatted as the repository's prettier check wants it.
  const formatted = await format(text, { ...(await resolveConfig(MATRIX_FILE)), parser: 'markdown' });
  if (process.env['AUTH_MATRIX_WRITE']) writeFileSync(MATRIX_FILE, formatted);
  process.stdout.write(
    `authorization matrix: ${observedRoot.size} root fields and ${observedEntities.size} entities × ${askers.length} roles checked; ${mismatches.length} mismatches\n`,
  );
  expect(readFileSync(MATRIX_FILE, 'utf8')).toBe(formatted);
});
