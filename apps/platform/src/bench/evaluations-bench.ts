import { Client } from 'pg';
import { cadresSubgraph } from '@sfw/cadres';
import { evaluationsSubgraph } from '@sfw/evaluations';
import { issueToken, loadGatewayConfig, startGateway } from '@sfw/gateway';
import { Role, type Viewer } from '@sfw/shared-types';
import { createLogger, InProcessEventBus, signViewer, startSubgraph } from '@sfw/subgraph-kit';
import { BENCH_SERVER, freshDatabase, postGraphql, printTimings, timed } from './common';

/**
 * `npm run bench:evaluations`: a review cycle at the scale of a province. A fresh database on the
 * PostgreSQL server BENCH_DATABASE_URL names (default the local one) gets 500 departments and BENCH_RATINGS answered appeals (default 1,000,000) in this year, each rated
 * once, with refusals (some reviewed), reopenings, closings, 20,000 cadres credited, bad ratings'
 * rectifications (some late) and observer reviews, written in bulk by SQL. The departments sit in
 * the demo city (台州市, 50 in the city and in each county) because region codes are checked. Department 7 answers
 * "cannot handle" to 56% of its appeals and is always rated 非常满意 (the Luqiao pattern).
 *
 * Timed: drawing the callback sample, then the cycle run (every department and cadre scored: the
 * target is under 5 s), then `Department.score` for the 100 departments of one city through the
 * gateway (with the cadres subgraph resolving the departments; target under 100 ms) and straight
 * at the subgraph (BENCH_RUNS sequential runs, default 30). The database is dropped after.
 */
const SERVER = BENCH_SERVER;
const RATINGS = Number(process.env['BENCH_RATINGS'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 30);
const JWT_SECRET = 'bench-jwt-secret-0123456789-abcdefghijklmnopq';
const SUBGRAPH_SECRET = 'bench-subgraph-secret-0123456789-abcdefgh';
const LUQIAO = 7;

async function fill(url: string, ev: string, cadres: string, year: number): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const s = `"${ev}"`;
  try {
    // 500 departments: 50 in the city and 50 in each of its 9 counties; every fifth a city department.
    await c.query(`CREATE TEMP TABLE dep AS
      SELECT n, gen_random_uuid() AS id, 'BENCH-' || n AS code, '测评部门' || n AS name,
             CASE WHEN n % 10 = 0 THEN 'CITY' ELSE 'COUNTY' END AS level,
             (ARRAY['331000', '331002', '331003', '331004', '331022', '331023', '331024', '331081', '331082', '331083'])[1 + n % 10] AS region_code
        FROM generate_series(0, 499) n`);
    await c.query(`CREATE INDEX ON dep (n)`);
    await c.query(`INSERT INTO ${s}.department (id, code, name, short_name, level, region_code, active, last_event_at)
      SELECT id, code, name, name, level, region_code, true, now() FROM dep`);
    await c.query(`INSERT INTO "${cadres}".department (id, code, name, short_name, level, region_code)
      SELECT id, code, name, name, level, region_code FROM dep`);
    await c.query(
      `CREATE TEMP TABLE cad AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, 19999) n`,
    );
    await c.query(`CREATE INDEX ON cad (n)`);
    await c.query(`INSERT INTO ${s}.pairing (pairing_id, cadre_id, department_id, enterprise_id, level, is_primary, from_date)
      SELECT gen_random_uuid(), cad.id, dep.id, gen_random_uuid(), dep.level, true, '${year}-01-01'
        FROM cad JOIN dep ON dep.n = cad.n % 500`);
    const from = `${year}-01-01T00:00:00+08:00`;
    const span = Math.floor((Date.now() - Date.parse(from)) / 1000) - 86_400;
    const chunk = 250_000;
    for (let lo = 0; lo < RATINGS; lo += chunk) {
      const hi = Math.min(RATINGS, lo + chunk) - 1;
      await c.query(
        `CREATE TEMP TABLE g AS
         SELECT g, gen_random_uuid() AS issue_id, gen_random_uuid() AS enterprise_id, dep.id AS department_id, dep.n AS dn,
                dep.region_code, dep.level, cad.id AS cadre_id,
                '${from}'::timestamptz + make_interval(secs => ((g::bigint * 7919) % ${span})::int) AS at,
                CASE WHEN dep.n = ${LUQIAO} AND g % 100 < 56 THEN 'CANNOT_HANDLE'
                     WHEN g % 16 = 0 THEN 'CANNOT_HANDLE' WHEN g % 13 = 0 THEN 'PARTLY_RESOLVED' ELSE 'RESOLVED' END AS outcome
           FROM generate_series($1::int, $2::int) g
           JOIN dep ON dep.n = g % 500
           JOIN cad ON cad.n = g % 20000`,
        [lo, hi],
      );
      await c.query(`INSERT INTO ${s}.appeal (issue_id, enterprise_id, region_code, level, lead_department_id, cadre_id,
          submitted_at, round, reopen_count, closed_at, close_how, close_department_id, close_workdays, close_on_time, last_event_at)
        SELECT issue_id, enterprise_id, region_code || '001', level, department_id, cadre_id, at - interval '6 days', 1,
               (g % 27 = 0)::int, at + interval '1 day', 'CONFIRMED', department_id, 1 + g % 11, g % 9 <> 0, at
          FROM g`);
      await c.query(`INSERT INTO ${s}.answer (issue_id, round, enterprise_id, department_id, cadre_id, region_code, level,
          outcome, answered_at, workdays, on_time, upheld, reopened)
        SELECT issue_id, 1, enterprise_id, department_id, cadre_id, region_code || '001', level, outcome, at, g % 11,
               g % 9 <> 0, outcome = 'CANNOT_HANDLE' AND dn <> ${LUQIAO} AND g % 3 = 0, g % 27 = 0
          FROM g`);
      await c.query(`INSERT INTO ${s}.refusal (refusal_id, issue_id, round, department_id, region_code, signed_at, review, reviewed_at)
        SELECT gen_random_uuid(), issue_id, 1, department_id, region_code || '001', at,
               CASE WHEN dn = ${LUQIAO} THEN NULL WHEN g % 3 = 0 THEN 'UPHELD' WHEN g % 3 = 1 THEN 'OVERTURNED' END,
               CASE WHEN dn <> ${LUQIAO} AND g % 3 < 2 THEN at + interval '5 days' END
          FROM g WHERE outcome = 'CANNOT_HANDLE'`);
      await c.query(`INSERT INTO ${s}.rating (issue_id, round, enterprise_id, department_id, region_code, answered_at, level,
          timeliness, rated_by, rated_at)
        SELECT issue_id, 1, enterprise_id, department_id, region_code || '001', at,
               CASE WHEN dn = ${LUQIAO} THEN 5
                    WHEN outcome = 'CANNOT_HANDLE' THEN 1 + (g % 4)
                    ELSE (ARRAY[5, 5, 5, 4, 4, 5, 3, 5, 4, 2, 5, 4, 5, 5, 1, 4])[1 + (g + dn) % 16] END,
               CASE WHEN g % 3 = 0 THEN 4 END, 'bench', at + interval '1 day'
          FROM g`);
      await c.query(`DROP TABLE g`);
    }
    await c.query(`INSERT INTO ${s}.rectification (rating_id, issue_id, round, department_id, status, opened_at, verify_due,
        rectify_due, verified_at, reported_at, closed_at, outcome)
      SELECT r.id, r.issue_id, 1, r.department_id, 'CLOSED', r.rated_at, r.rated_at + interval '7 days', r.rated_at + interval '21 days',
             r.rated_at + make_interval(days => 1 + abs(hashtext(r.id::text)) % 9), r.rated_at + interval '12 days',
             r.rated_at + interval '14 days', 'SATISFIED'
        FROM ${s}.rating r WHERE r.level <= 2`);
    await c.query(`INSERT INTO ${s}.observer_review (department_id, observer_name, observer_kind, reviewed_on, findings, verdict, recorded_by)
      SELECT dep.id, '观察员' || q, 'MANAGER', make_date(${year}, 1 + 3 * (q - 1), 15), '窗口服务规范，答复依据充分，个别事项办理偏慢。',
             (ARRAY['EXCELLENT', 'GOOD', 'GOOD', 'FAIR'])[1 + (dep.n + q) % 4], 'bench'
        FROM dep CROSS JOIN generate_series(1, 3) q`);
    await c.query(`ANALYZE`);
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const db = await freshDatabase(SERVER, 'sfw_bench_evaluations');
  const logger = createLogger('bench', 'warn');
  const bus = new InProcessEventBus();
  const common = { port: 0, host: '127.0.0.1', subgraphSecret: SUBGRAPH_SECRET };
  const env = { DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
  const cadres = await startSubgraph(cadresSubgraph, { env, overrides: common, bus, logger });
  const evaluations = await startSubgraph(evaluationsSubgraph, { env, overrides: common, bus, logger });
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  const sec = (t0: number) => ((Date.now() - t0) / 1000).toFixed(2);
  try {
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    let t0 = Date.now();
    await fill(db.url, evaluations.database.schema, cadres.database.schema, year);
    process.stdout.write(
      `filled: ${RATINGS.toLocaleString('en')} answered appeals and ratings in ${year}, 500 departments, 20,000 cadres (${sec(t0)} s)\n`,
    );
    const admin: Viewer = { sub: 'bench-admin', name: '评测', roles: [Role.ADMIN] };
    const cycles = evaluations.services.cycles;
    const cycle = await cycles.open(
      { name: `台州市${year}年度助企服务满意度评议（基准测试）`, period: String(year), regionCode: '331000' },
      admin,
    );
    t0 = Date.now();
    const draw = await cycles.drawCallbacks(cycle.id, admin);
    process.stdout.write(`callback sample drawn: ${draw.total.toLocaleString('en')} calls (${sec(t0)} s)\n`);
    const s = evaluations.database.schema;
    await evaluations.database.dataSource.query(
      `UPDATE "${s}".callback cb SET status = 'DONE', reached = abs(hashtext(cb.id::text)) % 10 <> 0,
         level = 3 + abs(hashtext(cb.issue_id::text)) % 3, solved = abs(hashtext(cb.issue_id::text)) % 7 <> 0,
         matches_record = abs(hashtext(cb.issue_id::text)) % 11 <> 0, called_by = 'bench', called_at = now()
       WHERE cb.series_id = $1`,
      [cycle.seriesId],
    );
    const [{ luqiao }] = (await evaluations.database.dataSource.query(
      `SELECT id AS luqiao FROM "${s}".department WHERE code = 'BENCH-${LUQIAO}'`,
    )) as [{ luqiao: string }];
    await evaluations.database.dataSource.query(
      `UPDATE "${s}".callback SET solved = false, matches_record = false, level = 2
       WHERE series_id = $1 AND department_id = $2 AND 'CANNOT_HANDLE' = ANY (reasons)`,
      [cycle.seriesId, luqiao],
    );

    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      t0 = Date.now();
      await cycles.run(cycle.id, admin);
      runs.push(Date.now() - t0);
      process.stdout.write(`  run ${i + 1}: ${JSON.stringify(cycles.lastRunStages)} ms\n`);
    }
    const counts = (await evaluations.database.dataSource.query(
      `SELECT subject_kind AS kind, count(*)::int AS n, count(*) FILTER (WHERE cardinality(flags) > 0)::int AS flagged
       FROM "${s}".cycle_result WHERE cycle_id = $1 GROUP BY 1 ORDER BY 1`,
      [cycle.id],
    )) as { kind: string; n: number; flagged: number }[];
    process.stdout.write(
      `cycle run over ${RATINGS.toLocaleString('en')} ratings: ${runs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')} ` +
        `(3 runs; target < 5 s) — ${counts.map((c) => `${c.n} ${c.kind.toLowerCase()}s (${c.flagged} flagged)`).join(', ')}\n`,
    );
    const [l] = (await evaluations.database.dataSource.query(
      `SELECT rank, ranked_of, score::float8, flags FROM "${s}".cycle_result WHERE cycle_id = $1 AND subject_id = $2`,
      [cycle.id, luqiao],
    )) as { rank: number; ranked_of: number; score: number; flags: string[] }[];
    process.stdout.write(
      `the Luqiao-pattern department (56% cannot handle, every rating 非常满意): rank ${l?.rank} of ${l?.ranked_of}, score ${l?.score}, flags ${l?.flags.join(',')}\n`,
    );

    await evaluations.database.dataSource.query(
      `UPDATE "${s}".cycle_flag SET disposition = 'NOTED', note = 'bench', worked_by = 'bench', worked_at = now() WHERE cycle_id = $1`,
      [cycle.id],
    );
    await cycles.publish(cycle.id, admin);

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
      subgraphUrls: { cadres: cadres.url, evaluations: evaluations.url },
    });
    const evaluator: Viewer = { sub: 'bench-evaluator', roles: [Role.EVALUATOR] };
    const gw = { authorization: `Bearer ${await issueToken(evaluator, JWT_SECRET)}` };
    const direct = (body: string) =>
      signViewer(evaluator, SUBGRAPH_SECRET, { subgraph: 'evaluations', body });
    const SCORE = `score(period: "${year}") { score rank rankedOf components { component value appliedWeight sampleSize } flags { code } }`;
    // Two counties' departments: 100 in all.
    const viaGateway = `{ a: departments(filter: { regionCode: "331002" }) { id name ${SCORE} }
      b: departments(filter: { regionCode: "331003" }) { id name ${SCORE} } }`;
    const ids = (await evaluations.database.dataSource.query(
      `SELECT id FROM "${s}".department WHERE region_code IN ('331002', '331003')`,
    )) as { id: string }[];
    const viaSubgraph = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { id ${SCORE} } } }`;
    const reps = { r: ids.map((d) => ({ __typename: 'Department', id: d.id })) };
    const gwUrl = gateway.url;
    const check = await postGraphql(gwUrl, viaGateway, {}, gw);
    const list = [
      ...((check.data?.['a'] ?? []) as { score: unknown }[]),
      ...((check.data?.['b'] ?? []) as { score: unknown }[]),
    ];
    process.stdout.write(
      `\nDepartment.score for ${list.length} departments (two counties) — every one scored: ${list.every((d) => d.score !== null)}\n`,
    );
    const results = [
      await timed(
        'gateway  departments × 100 { score(period) }',
        () => postGraphql(gwUrl, viaGateway, {}, gw),
        RUNS,
      ),
      await timed(
        'subgraph _entities × 100 { score(period) }',
        () => postGraphql(evaluations.url, viaSubgraph, reps, direct),
        RUNS,
      ),
    ];
    printTimings(RUNS, results, 48);
  } finally {
    await gateway?.stop();
    await evaluations.stop();
    await cadres.stop();
    if (process.env['BENCH_KEEP']) process.stdout.write(`kept the database: ${db.url}\n`);
    else await db.drop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
