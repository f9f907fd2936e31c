import { Client } from 'pg';
import { issuesSubgraph } from '@sfw/issues';
import { issueToken, loadGatewayConfig, startGateway } from '@sfw/gateway';
import { Role, type Viewer } from '@sfw/shared-types';
import { BENCH_SERVER, freshDatabase, postGraphql, printTimings, timed } from './common';
import { createLogger, InProcessEventBus, signViewer, startSubgraph } from '@sfw/subgraph-kit';

/**
 * `npm run bench:issues`: appeal statistics at the scale of a province. A fresh database on the
 * PostgreSQL server BENCH_DATABASE_URL names (default the local one) gets BENCH_ISSUES appeals
 * (default 1,000,000) over the last 12 months in 11 cities × 9 counties, 500 departments, with
 * their timelines (submit, assign, answer — resolved, partly or cannot handle with a review —,
 * close, some escalations and reopenings), written in bulk by SQL. The statistics aggregates are
 * rebuilt from the timeline (timed), then each dashboard query is timed through the gateway and
 * straight at the subgraph (BENCH_RUNS sequential runs, default 30). The database is dropped after.
 */
const SERVER = BENCH_SERVER;
const ISSUES = Number(process.env['BENCH_ISSUES'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 30);
const JWT_SECRET = 'bench-jwt-secret-0123456789-abcdefghijklmnopq';
const SUBGRAPH_SECRET = 'bench-subgraph-secret-0123456789-abcdefgh';

/** Fill the tables in bulk, in SQL: projections, appeals and their timelines. */
async function fill(url: string, schema: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const s = `"${schema}"`;
  try {
    // 11 cities × 9 counties × 3 townships; enterprises sit in townships.
    await c.query(`CREATE TEMP TABLE town AS
      SELECT n, (3301 + (n / 27) % 11)::text || lpad((1 + (n / 3) % 9)::text, 2, '0') || lpad((1 + n % 3)::text, 3, '0') AS code
        FROM generate_series(0, 296) n`);
    await c.query(`INSERT INTO ${s}.enterprise (id, name, region_code, last_event_at)
      SELECT gen_random_uuid(), '企业' || n, (SELECT code FROM town WHERE town.n = e.n % 297), now()
        FROM generate_series(0, 99999) AS e(n)`);
    await c.query(`INSERT INTO ${s}.department (id, code, name, short_name, level, region_code, domains, active, members, last_event_at)
      SELECT gen_random_uuid(), 'D' || n, '部门' || n, '部门' || n,
             CASE WHEN n % 5 = 0 THEN 'CITY' ELSE 'COUNTY' END,
             left((SELECT code FROM town WHERE town.n = (n * 3) % 297), 6), '{LAND}', true, '[]', now()
        FROM generate_series(0, 499) n`);
    await c.query(
      `CREATE TEMP TABLE ent AS SELECT row_number() OVER () - 1 AS n, id, region_code FROM ${s}.enterprise`,
    );
    await c.query(`CREATE TEMP TABLE dep AS SELECT row_number() OVER () - 1 AS n, id FROM ${s}.department`);
    await c.query(`CREATE INDEX ON ent (n)`);
    await c.query(`CREATE INDEX ON dep (n)`);
    const chunk = 200_000;
    for (let from = 0; from < ISSUES; from += chunk) {
      const to = Math.min(ISSUES, from + chunk) - 1;
      await c.query(
        `INSERT INTO ${s}.issue (id, no, enterprise_id, region_code, source, title, description, categories, level, status,
           submitted_by, submitted_at, first_response_due, accepted_at, lead_department_id, assigned_at, close_due, outcome,
           answered_at, closed_at, escalation_count, reopen_count, round)
         SELECT gen_random_uuid(), 'B' || g, ent.id, ent.region_code, 'ONLINE', '用地指标不足影响项目开工' || g,
                '企业扩建项目用地指标迟迟未落实，项目无法开工，请协调解决。', ARRAY['LAND'],
                CASE WHEN g % 10 < 6 THEN 'TOWNSHIP' WHEN g % 10 < 9 THEN 'COUNTY' ELSE 'CITY' END,
                CASE WHEN g % 50 = 0 THEN 'IN_PROGRESS' ELSE 'CLOSED' END,
                'bench', t, t + interval '24 hours', t + interval '3 hours', dep.id, t + interval '5 hours',
                t + interval '14 days',
                CASE WHEN g % 50 = 0 THEN NULL WHEN g % 16 = 0 THEN 'CANNOT_HANDLE' WHEN g % 13 = 0 THEN 'PARTLY_RESOLVED' ELSE 'RESOLVED' END,
                CASE WHEN g % 50 = 0 THEN NULL ELSE t + make_interval(days => 1 + (g % 11)) END,
                CASE WHEN g % 50 = 0 THEN NULL ELSE t + make_interval(days => 2 + (g % 11)) END,
                (g % 33 = 0)::int, (g % 27 = 0)::int, 1
           FROM generate_series($1::int, $2::int) g
           JOIN ent ON ent.n = g % 100000
           JOIN dep ON dep.n = g % 500
           CROSS JOIN LATERAL (SELECT now() - make_interval(secs => ((g::bigint * 7919) % (365 * 86400))::int) AS t) tt`,
        [from, to],
      );
    }
    // Timelines: the entries the statistics count, with the working days each answer took.
    await c.query(`INSERT INTO ${s}.issue_event (issue_id, at, actor, action, from_status, to_status, data)
      SELECT i.id, x.at, 'bench', x.action, x.from_status, x.to_status,
             x.data || jsonb_build_object('dims', jsonb_build_object('regionCode', i.region_code, 'level', i.level,
               'departmentId', i.lead_department_id))
        FROM ${s}.issue i
        CROSS JOIN LATERAL (VALUES
          (i.submitted_at, 'SUBMIT', NULL, 'SUBMITTED', '{}'::jsonb),
          (i.assigned_at, 'ASSIGN', 'ACCEPTED', 'ASSIGNED', '{}'::jsonb),
          (i.answered_at, CASE WHEN i.outcome = 'CANNOT_HANDLE' THEN 'SIGN_OFF' ELSE 'ANSWER' END,
             CASE WHEN i.outcome = 'CANNOT_HANDLE' THEN 'REFUSAL_PENDING' ELSE 'IN_PROGRESS' END, 'ANSWERED',
             jsonb_build_object('outcome', i.outcome, 'workdays', extract(day FROM i.answered_at - i.submitted_at)::int,
               'onTime', i.answered_at <= i.close_due)),
          (i.closed_at, 'CLOSE', 'CONFIRMED', 'CLOSED', '{}'::jsonb),
          (CASE WHEN i.escalation_count > 0 THEN i.assigned_at END, 'ESCALATE', 'IN_PROGRESS', 'ACCEPTED', '{}'::jsonb),
          (CASE WHEN i.reopen_count > 0 THEN i.answered_at END, 'REOPEN', 'ANSWERED', 'IN_PROGRESS', '{}'::jsonb),
          (CASE WHEN i.outcome = 'CANNOT_HANDLE' AND i.reopen_count = 0 AND (i.escalation_count + ascii(right(i.no, 1))) % 3 = 0
             THEN i.closed_at END, 'DECIDE_REVIEW', 'REVIEW_REQUESTED', 'ANSWERED',
             jsonb_build_object('decision', CASE WHEN substr(i.no, 2)::int % 7 < 4 THEN 'UPHELD' ELSE 'OVERTURNED' END))
        ) AS x(at, action, from_status, to_status, data)
       WHERE x.at IS NOT NULL`);
    await c.query(`ANALYZE`);
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const db = await freshDatabase(SERVER, 'sfw_bench_issues');
  const logger = createLogger('bench', 'warn');
  const issues = await startSubgraph(issuesSubgraph, {
    env: { DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
    overrides: { port: 0, host: '127.0.0.1', subgraphSecret: SUBGRAPH_SECRET },
    bus: new InProcessEventBus(),
    logger,
  });
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  try {
    let t0 = Date.now();
    await fill(db.url, issues.database.schema);
    const [{ n: events }] = (await issues.database.dataSource.query(
      `SELECT count(*)::int AS n FROM "${issues.database.schema}".issue_event`,
    )) as [{ n: number }];
    process.stdout.write(
      `filled: ${ISSUES} appeals, ${events} timeline entries, 100,000 enterprises, 500 departments (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
    );
    t0 = Date.now();
    const rows = await issues.services.stats.rebuild();
    process.stdout.write(
      `statistics rebuilt from the timeline: ${rows} aggregate rows (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
    );

    const config = loadGatewayConfig({
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      JWT_SECRET,
      SUBGRAPH_SECRET,
      GATEWAY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
    });
    gateway = await startGateway({ ...config, subgraphUrls: { issues: issues.url } });
    const gwUrl = gateway.url;
    const admin: Viewer = { sub: 'bench-admin', roles: [Role.ADMIN] };
    const gw = { authorization: `Bearer ${await issueToken(admin, JWT_SECRET)}` };
    const direct = (body: string) => signViewer(admin, SUBGRAPH_SECRET, { subgraph: 'issues', body });
    const [dept] = (await issues.database.dataSource.query(
      `SELECT id FROM "${issues.database.schema}".department LIMIT 1`,
    )) as { id: string }[];
    const now = new Date();
    const month = (d: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d).slice(0, 7);
    const to = month(now);
    const from = month(new Date(now.getTime() - 330 * 86_400_000));
    const FIELDS =
      'totals { received answered closed escalated resolutionRate cannotHandleRate onTimeRate reopenRate meanWorkdays medianWorkdays reviewUpheld reviewOverturned } series { month received answered resolutionRate medianWorkdays }';
    const queries: [string, string][] = [
      ['province, 12 months', `{ issueStatistics(from: "${from}", to: "${to}") { ${FIELDS} } }`],
      [
        'one city, 12 months',
        `{ issueStatistics(from: "${from}", to: "${to}", regionCode: "330300") { ${FIELDS} } }`,
      ],
      [
        'one county, 12 months',
        `{ issueStatistics(from: "${from}", to: "${to}", regionCode: "330302") { ${FIELDS} } }`,
      ],
      [
        'county level, 12 months',
        `{ issueStatistics(from: "${from}", to: "${to}", level: COUNTY) { ${FIELDS} } }`,
      ],
      [
        'one department, 12 months',
        `{ issueStatistics(from: "${from}", to: "${to}", departmentId: "${dept?.id}") { ${FIELDS} } }`,
      ],
      ['province, one month', `{ issueStatistics(from: "${to}", to: "${to}") { ${FIELDS} } }`],
    ];
    const results = [];
    for (const [label, query] of queries) {
      results.push(
        await timed(`subgraph ${label}`, () => postGraphql(issues.url, query, {}, direct), RUNS, 3),
      );
      results.push(await timed(`gateway  ${label}`, () => postGraphql(gwUrl, query, {}, gw), RUNS, 3));
    }
    const sample = await postGraphql(gwUrl, queries[0]?.[1] ?? '', {}, gw);
    process.stdout.write(
      `\nprovince totals: ${JSON.stringify((sample.data?.['issueStatistics'] as { totals: unknown }).totals)}\n`,
    );
    printTimings(RUNS, results, 40);
  } finally {
    await gateway?.stop();
    await issues.stop();
    await db.drop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
