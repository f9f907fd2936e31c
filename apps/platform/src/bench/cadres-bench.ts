import { cadresSubgraph, seedDemoCadres } from '@sfw/cadres';
import { enterprisesSubgraph, generateDemoEnterprises } from '@sfw/enterprises';
import { issueToken, loadGatewayConfig, startGateway } from '@sfw/gateway';
import { EnterpriseScale, Role, type Viewer } from '@sfw/shared-types';
import { BENCH_SERVER, freshDatabase, postGraphql, printTimings, timed } from './common';
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
const SERVER = BENCH_SERVER;
const ENTERPRISES = Number(process.env['BENCH_ENTERPRISES'] ?? 20_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 50);
const JWT_SECRET = 'bench-jwt-secret-0123456789-abcdefghijklmnopq';
const SUBGRAPH_SECRET = 'bench-subgraph-secret-0123456789-abcdefgh';

async function main(): Promise<void> {
  const db = await freshDatabase(SERVER, 'sfw_bench_cadres');
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
    const direct = (body: string) => signViewer(admin, SUBGRAPH_SECRET, { subgraph: 'cadres', body });

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
      await timed(
        'gateway  enterprises(first: 100) + pairedCadres + visits',
        () =>
          postGraphql(gwUrl, `{ enterprises(first: 100) { edges { node { id name ${FIELDS} } } } }`, {}, gw),
        RUNS,
      ),
      await timed(
        'subgraph _entities(100 Enterprise) pairedCadres + visits',
        () =>
          postGraphql(
            cadres.url,
            `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id ${FIELDS} } } }`,
            { r: ids.map((id) => ({ __typename: 'Enterprise', id })) },
            direct,
          ),
        RUNS,
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
      results.push(await timed(`subgraph ${label}`, () => postGraphql(cadres.url, query, {}, direct), RUNS));
      results.push(await timed(`gateway  ${label}`, () => postGraphql(gwUrl, query, {}, gw), RUNS));
    }
    printTimings(RUNS, results);
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
