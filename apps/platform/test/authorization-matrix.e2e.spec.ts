import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNamedType, isLeafType, isNonNullType, type GraphQLObjectType } from 'graphql';
import { format, resolveConfig } from 'prettier';
import { accessRules as cadresRules } from '@sfw/cadres';
import { accessRules as enterprisesRules } from '@sfw/enterprises';
import { accessRules as evaluationsRules } from '@sfw/evaluations';
import { apiSchemaOf, composeSupergraph, issueToken, readSubgraphSources } from '@sfw/gateway';
import { accessRules as issuesRules } from '@sfw/issues';
import { accessRules as policiesRules } from '@sfw/policies';
import { regionPrefix, Role, type Viewer } from '@sfw/shared-types';
import {
  grantFor,
  renderAccessTable,
  type AccessTable,
  type Grant,
  type RunningSubgraph,
} from '@sfw/subgraph-kit';
import { DEMO_IDS } from '../src/demo-users';
import { column, startGraph, type TestGraph } from './support/graph';
import { rootOperation, sampleValue, shapeOf } from './support/operations';

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
 *   null for the rest; `all` shows everything. Each own cell is checked on one row the asker owns
 *   and one it does not (the ownership written out as SQL over the seeded data, from the table's
 *   `own` text), by `_entities` straight to the subgraph and by the root lookup (`cadre(id)`, …)
 *   through the gateway, which must answer for the row not owned exactly as for a missing id.
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
      // A district's leader (路桥区): its region is not the whole city, so its own cells have rows
      // on both sides. The head below is the city department's, and owns the whole seeded city.
      key: 'leader',
      viewer: {
        sub: 'm-leader',
        roles: [Role.LEADER],
        departmentId: DEMO_IDS.departmentId,
        regionCode: '331004',
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
 * What an `own` grant means, per entity and asker, as a SQL condition on the seeded rows — the
 * table's `own` text written out over the data, independently of the resolvers' own scope code.
 * `$s` is the owning subgraph's schema; the asker's ids are bound as parameters. An own cell is
 * checked on one row that passes the condition (must be visible) and one that does not (must
 * answer exactly like a missing object).
 */
interface Ownership {
  table: string;
  /** The condition on the row (alias `x`), with its parameters. */
  where: string;
  params: unknown[];
}

function ownership(entity: string, asker: Asker): Ownership | undefined {
  const v = asker.viewer;
  if (!v) return undefined;
  const prefix = v.regionCode ? `${regionPrefix(v.regionCode)}%` : null;
  const E = v.enterpriseId ?? null;
  const C = v.cadreId ?? null;
  const D = v.departmentId ?? null;
  const role = asker.viewer?.roles[0];
  switch (entity) {
    case 'Enterprise':
      return role === Role.ENTERPRISE ? { table: 'enterprise', where: 'x.id = $1', params: [E] } : undefined;
    case 'Cadre':
      // enterprise: the cadres paired with it; cadre: itself and its department's; department:
      // its department's; leader: its region's.
      if (role === Role.ENTERPRISE)
        return {
          table: 'cadre',
          where: 'x.id IN (SELECT cadre_id FROM $s.pairing WHERE enterprise_id = $1 AND to_date IS NULL)',
          params: [E],
        };
      if (role === Role.CADRE)
        return {
          table: 'cadre',
          where: 'x.id = $1 OR x.department_id = (SELECT department_id FROM $s.cadre WHERE id = $1)',
          params: [C],
        };
      if (role === Role.DEPARTMENT) return { table: 'cadre', where: 'x.department_id = $1', params: [D] };
      if (role === Role.LEADER) return { table: 'cadre', where: 'x.region_code LIKE $1', params: [prefix] };
      return undefined;
    case 'Visit':
      // enterprise: the visits it received; cadre: its own and every visit to an enterprise paired
      // with it; department: its cadres'; leader: the visits in its region.
      if (role === Role.ENTERPRISE) return { table: 'visit', where: 'x.enterprise_id = $1', params: [E] };
      if (role === Role.CADRE)
        return {
          table: 'visit',
          where:
            'x.cadre_id = $1 OR x.enterprise_id IN (SELECT enterprise_id FROM $s.pairing WHERE cadre_id = $1 AND to_date IS NULL)',
          params: [C],
        };
      if (role === Role.DEPARTMENT) return { table: 'visit', where: 'x.department_id = $1', params: [D] };
      if (role === Role.LEADER)
        return {
          table: 'visit',
          where: 'x.enterprise_id IN (SELECT id FROM $s.enterprise WHERE region_code LIKE $1)',
          params: [prefix],
        };
      return undefined;
    case 'Issue': {
      // enterprise: its own; cadre: those of enterprises paired with it and those it raised;
      // department: those it leads or co-handles, or whose common problem it leads; leader: its
      // region's (and its department's).
      const department =
        'x.lead_department_id = $1 OR $1::uuid = ANY (x.co_department_ids) OR x.common_problem_id IN (SELECT id FROM $s.common_problem WHERE lead_department_id = $1)';
      if (role === Role.ENTERPRISE) return { table: 'issue', where: 'x.enterprise_id = $1', params: [E] };
      if (role === Role.CADRE)
        return {
          table: 'issue',
          where:
            'x.enterprise_id IN (SELECT enterprise_id FROM $s.cadre_pairing WHERE cadre_id = $1 AND NOT ended) OR x.submitted_by = $2',
          params: [C, v.sub],
        };
      if (role === Role.DEPARTMENT) return { table: 'issue', where: department, params: [D] };
      if (role === Role.LEADER)
        return { table: 'issue', where: `x.region_code LIKE $2 OR ${department}`, params: [D, prefix] };
      return undefined;
    }
    case 'Rating':
      // enterprise: its own; cadre: ratings of appeals credited to it; department: its own
      // department's; leader: its region's (and its department's).
      if (role === Role.ENTERPRISE) return { table: 'rating', where: 'x.enterprise_id = $1', params: [E] };
      if (role === Role.CADRE)
        return {
          table: 'rating',
          where: 'x.issue_id IN (SELECT issue_id FROM $s.appeal WHERE cadre_id = $1)',
          params: [C],
        };
      if (role === Role.DEPARTMENT) return { table: 'rating', where: 'x.department_id = $1', params: [D] };
      if (role === Role.LEADER)
        return {
          table: 'rating',
          where: 'x.region_code LIKE $1 OR x.department_id = $2',
          params: [prefix, D],
        };
      return undefined;
    case 'ReviewCycle':
      // Published cycles (and the versions they superseded); work in progress is the evaluators'.
      return { table: 'review_cycle', where: "x.status IN ('PUBLISHED', 'SUPERSEDED')", params: [] };
    case 'Policy':
      // Published policies; department staff also their own department's drafts and withdrawn ones.
      if (role === Role.DEPARTMENT)
        return { table: 'policy', where: "x.status = 'PUBLISHED' OR x.department_id = $1", params: [D] };
      return { table: 'policy', where: "x.status = 'PUBLISHED'", params: [] };
    case 'Application':
      // enterprise: its own; cadre: those of enterprises paired with it; department: those to its
      // department's policies; leader: its region's (and its department's).
      if (role === Role.ENTERPRISE)
        return { table: 'application', where: 'x.enterprise_id = $1', params: [E] };
      if (role === Role.CADRE)
        return {
          table: 'application',
          where:
            'x.enterprise_id IN (SELECT enterprise_id FROM $s.cadre_pairing WHERE cadre_id = $1 AND NOT ended)',
          params: [C],
        };
      if (role === Role.DEPARTMENT)
        return { table: 'application', where: 'x.department_id = $1', params: [D] };
      if (role === Role.LEADER)
        return {
          table: 'application',
          where: 'x.region_code LIKE $1 OR x.department_id = $2',
          params: [prefix, D],
        };
      return undefined;
    default:
      return undefined;
  }
}

interface Sample {
  subgraph: string;
  key: string;
  /** Any object (for `all`, `public` and `none`). */
  any: string;
  /** The Query field that reads one by id, where there is one (`enterprise(id)`, `cadre(id)`, …). */
  root?: string;
}

const SAMPLES: Record<string, Omit<Sample, 'any'> & { table: string }> = {
  Enterprise: { subgraph: 'enterprises', key: 'id', table: 'enterprise', root: 'enterprise' },
  Region: { subgraph: 'enterprises', key: 'code', table: '' },
  Department: { subgraph: 'cadres', key: 'id', table: 'department', root: 'department' },
  Cadre: { subgraph: 'cadres', key: 'id', table: 'cadre', root: 'cadre' },
  Visit: { subgraph: 'cadres', key: 'id', table: 'visit', root: 'visit' },
  ServiceGroup: { subgraph: 'cadres', key: 'id', table: 'service_group', root: 'serviceGroup' },
  Issue: { subgraph: 'issues', key: 'id', table: 'issue', root: 'issue' },
  Rating: { subgraph: 'evaluations', key: 'id', table: 'rating' },
  ReviewCycle: { subgraph: 'evaluations', key: 'id', table: 'review_cycle', root: 'reviewCycle' },
  Policy: { subgraph: 'policies', key: 'id', table: 'policy', root: 'policy' },
  Application: { subgraph: 'policies', key: 'id', table: 'application' },
};

/** An answer with the id taken out: what a missing object and a hidden one must share. */
function shapeOfAnswer(a: Answer, field: string, id: string): string {
  const value = a.data?.[field] ?? null;
  const errors = (a.errors ?? []).map((e) => ({
    code: e.extensions?.['code'],
    message: (e.message ?? '').replaceAll(id, '<id>'),
    messageEn: String(e.extensions?.['messageEn'] ?? '').replaceAll(id, '<id>'),
  }));
  return JSON.stringify({ value: value === null ? null : 'object', errors });
}

/**
 * The small seeded city leaves a few own cells with nothing on one side (the other enterprise has no
 * appeal or rating, and may have no paired cadre or visit; the demo department leads none of the 40
 * appeals, the demo enterprise has no application). Re-attribute one seeded row in the owning subgraph for each, so that every own cell
 * is checked on a row the asker owns and one it does not.
 */
async function ownOnBothSides(): Promise<void> {
  const { cadres, issues, evaluations, policies } = graph;
  const own = graph.ownEnterpriseId;
  const other = graph.otherEnterpriseId;
  const D = DEMO_IDS.departmentId;
  const one = (table: string, where: string) =>
    `(SELECT id FROM $s.${table} WHERE ${where} ORDER BY id LIMIT 1)`;
  const run = (sg: RunningSubgraph<unknown>, sql: string, params: unknown[]) =>
    column(sg, `${sql} RETURNING id::text AS v`, params);
  const issue = `enterprise_id NOT IN ($1, $2) AND lead_department_id IS DISTINCT FROM $3`;
  await run(issues, `UPDATE $s.issue SET enterprise_id = $2 WHERE id = ${one('issue', issue)}`, [
    own,
    other,
    D,
  ]);
  await run(issues, `UPDATE $s.issue SET lead_department_id = $3 WHERE id = ${one('issue', issue)}`, [
    own,
    other,
    D,
  ]);
  const rating = `enterprise_id NOT IN ($1, $2) AND department_id IS DISTINCT FROM $3`;
  await run(evaluations, `UPDATE $s.rating SET enterprise_id = $2 WHERE id = ${one('rating', rating)}`, [
    own,
    other,
    D,
  ]);
  await run(evaluations, `UPDATE $s.rating SET department_id = $3 WHERE id = ${one('rating', rating)}`, [
    own,
    other,
    D,
  ]);
  await run(
    policies,
    `UPDATE $s.application SET enterprise_id = $1 WHERE id = ${one('application', 'enterprise_id NOT IN ($1, $2)')}`,
    [own, other],
  );
  // The demo seed pairs (and visits) enterprises by their random ids: the other enterprise may
  // have no cadre and no visit. Give it one of each when it has none.
  await run(
    cadres,
    `UPDATE $s.pairing SET enterprise_id = $2 WHERE id = ${one('pairing', 'enterprise_id NOT IN ($1, $2) AND to_date IS NULL')}
       AND NOT EXISTS (SELECT 1 FROM $s.pairing WHERE enterprise_id = $2 AND to_date IS NULL)`,
    [own, other],
  );
  await run(
    cadres,
    `UPDATE $s.visit SET enterprise_id = $2 WHERE id = ${one('visit', 'enterprise_id NOT IN ($1, $2)')}
       AND NOT EXISTS (SELECT 1 FROM $s.visit WHERE enterprise_id = $2)`,
    [own, other],
  );
}

const observedEntities = new Map<string, Map<string, string>>();

it('entity references and root lookups: a refused role gets null, an own grant exactly what it owns, anything else answers like a missing object', async () => {
  const problems: Cell[] = [];
  await ownOnBothSides();
  const owned = TABLES.flatMap((t) => Object.keys(t.entities).map((e) => [t, e] as const));
  for (const [table, entity] of owned) {
    const s = SAMPLES[entity];
    const sg = graph.subgraphs[table.subgraph];
    const rule = table.entities[entity];
    if (!s || !sg || !rule) throw new Error(`${entity}: no sample, subgraph or rule`);
    const any =
      entity === 'Region'
        ? '331004'
        : entity === 'Enterprise'
          ? graph.ownEnterpriseId
          : ((await column(sg, `SELECT id::text AS v FROM $s.${s.table} ORDER BY id LIMIT 1`))[0] ?? '');
    if (!any)
      problems.push({
        field: entity,
        asker: '-',
        path: 'subgraph',
        expected: 'visible',
        observed: 'no sample',
      });
    const row = new Map<string, string>();
    for (const a of askers) {
      const grant = grantFor(rule.read, a.viewer);
      // [object, expected visible]
      const checks: [string, boolean][] = [];
      let cell: string = grant;
      if (grant === 'own') {
        const o = ownership(entity, a);
        if (!o) throw new Error(`${entity}: no ownership rule for ${a.key} in the matrix test`);
        const pick = async (cond: string) =>
          (
            await column(
              sg,
              `SELECT x.id::text AS v FROM $s.${o.table} x WHERE ${cond} ORDER BY x.id LIMIT 1`,
              o.params,
            )
          )[0];
        const mine = await pick(`COALESCE((${o.where}), false)`);
        const notMine = await pick(`NOT COALESCE((${o.where}), false)`);
        if (mine) checks.push([mine, true]);
        if (notMine) checks.push([notMine, false]);
        cell = mine && notMine ? 'own' : `own (sampled: ${mine ? 'owned' : ''}${notMine ? 'not owned' : ''})`;
        // Every own cell needs an object the asker owns; one it does not own, where the seeded city
        // has one (a city-wide leader owns the whole city).
        if (
          !mine ||
          (!notMine && !(a.viewer?.roles.includes(Role.LEADER) && a.viewer.regionCode === '331000'))
        )
          problems.push({ field: entity, asker: a.key, path: 'subgraph', expected: 'own', observed: cell });
      } else if (grant === 'all' || grant === 'public') checks.push([any, true]);
      else checks.push([any, false]);
      row.set(a.key, cell);
      const missingRoot = new Map<string, string>();
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
        // The root lookup by id, through the gateway: the object, or exactly what a missing id gets.
        // A refused role is refused for the field, whatever the id (the root-field test checks it).
        if (!s.root || grantFor(tableOf(s.subgraph).query[s.root]?.who ?? {}, a.viewer) === 'none') continue;
        const doc = `query ($id: ID!) { ${s.root}(id: $id) { __typename } }`;
        const root = await viaGateway(a.key, doc, { id });
        const shape = shapeOfAnswer(root, s.root, id);
        if (visible) {
          if (shape !== JSON.stringify({ value: 'object', errors: [] }))
            problems.push({
              field: `Query.${s.root} ${id}`,
              asker: a.key,
              path: 'gateway',
              expected: 'visible',
              observed: shape,
            });
        } else {
          if (!missingRoot.has(s.root)) {
            const absent = randomUUID();
            missingRoot.set(
              s.root,
              shapeOfAnswer(await viaGateway(a.key, doc, { id: absent }), s.root, absent),
            );
          }
          if (shape !== missingRoot.get(s.root))
            problems.push({
              field: `Query.${s.root} ${id}`,
              asker: a.key,
              path: 'gateway',
              expected: 'null',
              observed: `${shape}, a missing id: ${missingRoot.get(s.root)}`,
            });
        }
      }
    }
    observedEntities.set(`${table.subgraph} ${entity}`, row);
  }
  expect(problems).toEqual([]);
}, 120_000);

it('added fields: a role the table refuses is refused on every field a subgraph adds to another’s entity, one it grants is not', async () => {
  const problems: Cell[] = [];
  const anyOf = async (type: string): Promise<string | undefined> => {
    if (type === 'Enterprise') return graph.ownEnterpriseId;
    if (type === 'Department') return DEMO_IDS.departmentId;
    if (type === 'Cadre') return DEMO_IDS.cadreId;
    const s = SAMPLES[type];
    const owner = s && graph.subgraphs[s.subgraph];
    return owner
      ? (await column(owner, `SELECT id::text AS v FROM $s.${s.table} ORDER BY id LIMIT 1`))[0]
      : undefined;
  };
  for (const table of TABLES) {
    const sg = graph.subgraphs[table.subgraph];
    if (!sg) throw new Error(`subgraph ${table.subgraph} is not running`);
    for (const [type, fields] of Object.entries(table.extends)) {
      const entries = Object.entries(fields);
      if (!entries.length) continue;
      const id = await anyOf(type);
      const apiType = api.getType(type);
      if (!id || !apiType || !('getFields' in apiType)) throw new Error(`${type}: no sample or no type`);
      for (const [field, rule] of entries) {
        const def = (apiType as GraphQLObjectType).getFields()[field];
        if (!def) throw new Error(`${type}.${field} is not in the composed schema`);
        const variables: Record<string, unknown> = { r: [{ __typename: type, id }] };
        const defs = ['$r: [_Any!]!'];
        const args: string[] = [];
        for (const arg of def.args) {
          if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
          defs.push(`$${arg.name}: ${String(arg.type)}`);
          args.push(`${arg.name}: $${arg.name}`);
          variables[arg.name] = sampleValue(arg.type);
        }
        const leaf = isLeafType(getNamedType(def.type));
        const document = `query (${defs.join(', ')}) { _entities(representations: $r) { ... on ${type} { ${field}${
          args.length ? `(${args.join(', ')})` : ''
        }${leaf ? '' : ' { __typename }'} } } }`;
        for (const a of askers) {
          const expected = grantFor(rule.who, a.viewer);
          const answer = await sg.query(document, variables, a.viewer);
          if (refused(answer) !== (expected === 'none'))
            problems.push({
              field: `${type}.${field}`,
              asker: a.key,
              path: 'subgraph',
              expected,
              observed: refused(answer)
                ? 'refused'
                : `answered ${JSON.stringify(answer.errors?.map((e) => e.extensions?.['code']) ?? 'data')}`,
            });
        }
      }
    }
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
