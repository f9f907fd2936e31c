import { Client } from 'pg';
import { cadresSubgraph, seedDemoCadres } from '@sfw/cadres';
import { enterprisesSubgraph, generateDemoEnterprises } from '@sfw/enterprises';
import { issueToken, loadGatewayConfig, startGateway } from '@sfw/gateway';
import { EnterpriseScale, Role, type Viewer } from '@sfw/shared-types';
import { createLogger, InProcessEventBus, signViewer, startSubgraph } from '@sfw/subgraph-kit';

/**
 * `npm run bench:cadres`: the cadres subgraph at the size of a large city. A fresh database on
 * the PostgreSQL server BENCH_DATABASE_URL names (default the local one) gets BENCH_ENTERPRISES
 * enterprises (default 20,000) through the enterprises subgraph — the cadres projection hears them
 * as events — and about five visits a year each (~100,000), with cadres, pairings and groups from
 * the demo generator. Then, through the gateway and straight at the subgraph:
 *   - `Enterprise.pairedCadres` and `Enterprise.visits` for 100 enterprises in one query;
 *   - each coverage query.
 * Prints p50/p95/max over BENCH_RUNS sequential runs (default 50). The database is dropped after.
 */
const SERVER = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ENTERPRISES = Number(process.env['BENCH_ENTERPRISES'] ?? 20_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 50);
const JWT_SECRET = 'bench-jwt-secret-0123456789-abcdefghijklmnopq';
const SUBGRAPH_SECRET = 'bench-subgraph-secret-0123456789-abcdefgh';

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sfw_bench_cadres_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: SERVER });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function timed(
  label: string,
  send: () => Promise<{ errors?: unknown[]; data?: unknown }>,
): Promise<{ label: string; p50: number; p95: number; max: number }> {
  const first = await send();
  if (first.errors) throw new Error(`${label}: ${JSON.stringify(first.errors).slice(0, 500)}`);
  for (let i = 0; i < 5; i++) await send(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await send();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? NaN };
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { errors?: unknown[]; data?: Record<string, unknown> };
}

async function main(): Promise<void> {
  const db = await freshDatabase();
  const logger = createLogger('bench', 'warn');
  const bus = new InProcessEventBus();
  const common = {
    env: { DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
    overrides: { port: 0, host: '127.0.0.1', subgraphSecret: SUBGRAPH_SECRET, outboxPollMs: 200 },
    bus,
    logger,
  };
  const enterprises = await startSubgraph(enterprisesSubgraph, common);
  const cadres = await startSubgraph(cadresSubgraph, common);
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  try {
    let t0 = Date.now();
    const drafts = generateDemoEnterprises(ENTERPRISES, 11);
    for (let i = 0; i < drafts.length; i += 1000) {
      await enterprises.database.dataSource.transaction((m) =>
        enterprises.services.enterprises.insertManyValidated(
          m,
          drafts.slice(i, i + 1000).map((d) => ({ ...d, scale: d.scale as EnterpriseScale })),
        ),
      );
      await enterprises.relay.drain();
    }
    const projected = await cadres.services.enterprises.count();
    process.stdout.write(
      `enterprises: ${ENTERPRISES} registered, ${projected} in the cadres projection via events (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
    );
    t0 = Date.now();
    const seeded = await seedDemoCadres(cadres.database.dataSource, cadres.database.schema, cadres.outbox, {
      visitsPerEnterprise: 5,
    });
    await cadres.relay.drain();
    await cadres.database.dataSource.query('ANALYZE');
    process.stdout.write(
      `seeded: ${seeded?.departments} departments, ${seeded?.cadres} cadres, ${seeded?.pairings} pairings, ${seeded?.visits} visits, ${seeded?.serviceGroups} groups (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
    );

    const config = loadGatewayConfig({
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      JWT_SECRET,
      SUBGRAPH_SECRET,
      GATEWAY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
    });
    gateway = await startGateway({
      ...config,
      subgraphUrls: { enterprises: enterprises.url, cadres: cadres.url },
    });
    const gwUrl = gateway.url;
    const admin: Viewer = { sub: 'bench-admin', roles: [Role.ADMIN] };
    const token = await issueToken(admin, JWT_SECRET);
    const gw = { authorization: `Bearer ${token}` };
    const direct = signViewer(admin, SUBGRAPH_SECRET);

    const ids = (
      (await enterprises.database.dataSource.query(
        `SELECT id FROM "${enterprises.database.schema}".enterprise ORDER BY name, id LIMIT 100`,
      )) as { id: string }[]
    ).map((r) => r.id);
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
      .format(new Date())
      .slice(0, 7);

    const FIELDS =
      'pairedCadres { primary level cadre { name phone department { shortName } } } visits(first: 5) { visitedOn kind questions cadre { name } } lastVisit { visitedOn }';
    const results = [
      await timed('gateway  enterprises(first: 100) + pairedCadres + visits', () =>
        post(gwUrl, `{ enterprises(first: 100) { edges { node { id name ${FIELDS} } } } }`, {}, gw),
      ),
      await timed('subgraph _entities(100 Enterprise) pairedCadres + visits', () =>
        post(
          cadres.url,
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id ${FIELDS} } } }`,
          { r: ids.map((id) => ({ __typename: 'Enterprise', id })) },
          direct,
        ),
      ),
    ];
    const coverage: [string, string][] = [
      [
        'pairingCoverage(REGION)',
        '{ pairingCoverage { totals { enterprises paired share } rows { label share } } }',
      ],
      ['pairingCoverage(TAG)', '{ pairingCoverage(groupBy: TAG) { rows { label paired share } } }'],
      [
        `cadreVisitStats(${month})`,
        `{ cadreVisitStats(month: "${month}", first: 20) { activeCadres visits meanPerCadre cadresWithoutVisit top { visits cadre { name } } } }`,
      ],
      [
        'enterprisesWithoutVisit(30 days)',
        '{ enterprisesWithoutVisit(days: 30, first: 20) { totalCount edges { node { lastVisitOn daysSinceVisit enterprise { id } } } } }',
      ],
      [
        `cadresWithoutVisit(${month})`,
        `{ cadresWithoutVisit(month: "${month}", first: 20) { totalCount edges { node { name } } } }`,
      ],
    ];
    for (const [label, query] of coverage) {
      results.push(await timed(`subgraph ${label}`, () => post(cadres.url, query, {}, direct)));
      results.push(await timed(`gateway  ${label}`, () => post(gwUrl, query, {}, gw)));
    }
    process.stdout.write(`\n${RUNS} sequential runs each (ms):\n`);
    process.stdout.write(
      `${'query'.padEnd(62)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}\n`,
    );
    for (const r of results)
      process.stdout.write(
        `${r.label.padEnd(62)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(7)} ${r.max.toFixed(1).padStart(7)}\n`,
      );
  } finally {
    await gateway?.stop();
    await cadres.stop();
    await enterprises.stop();
    await db.drop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
