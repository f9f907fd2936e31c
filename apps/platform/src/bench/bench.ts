import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { signViewer } from '@sfw/subgraph-kit';
import { Role } from '@sfw/shared-types';

/**
 * `npm run bench`: start the embedded stack as a user would (fresh data folder, default demo
 * city), time the first and a later start to ready, load the enterprises list (50 rows with
 * region names) straight at the subgraph and through the gateway, and read the stack's memory.
 */
const MAIN = join(__dirname, '../main.js');
const DURATION = Number(process.env['BENCH_SECONDS'] ?? 15);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const QUERY =
  '{ enterprises(first: 50) { totalCount edges { node { id name creditCode scale region { code name } } } } }';

interface Stack {
  child: ChildProcess;
  gatewayUrl: string;
  subgraphUrl: string;
  readyMs: number;
}

function start(dataDir: string, databaseUrl?: string): Promise<Stack> {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      GATEWAY_PORT: '0',
      LOG_LEVEL: 'warn',
    };
    delete env['DATABASE_URL'];
    if (databaseUrl) env['DATABASE_URL'] = databaseUrl;
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const gw = /GraphQL: (\S+)/.exec(out);
      const sg = /enterprises (http:\/\/\S+?)(,|\s)/.exec(out);
      if (gw?.[1] && sg?.[1]) {
        child.stdout?.off('data', onData);
        resolve({
          child,
          gatewayUrl: gw[1].replace('//localhost:', '//127.0.0.1:'),
          subgraphUrl: sg[1],
          readyMs: Number(process.hrtime.bigint() - t0) / 1e6,
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`stack exited (${code}):\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function load(name: string, url: string, sign: (body: string) => Record<string, string>) {
  const body = JSON.stringify({ query: QUERY });
  const headers = sign(body);
  // Each request is signed as it is sent (a subgraph signature is valid for seconds).
  const requests: autocannon.Request[] = [
    {
      setupRequest: (req: autocannon.Request) => ({
        ...req,
        headers: { 'content-type': 'application/json', ...sign(body) },
      }),
    },
  ];
  // Check the answer once: a benchmark of errors measures nothing.
  const check = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const json = (await check.json()) as { data?: { enterprises?: { edges: unknown[] } }; errors?: unknown };
  if (!json.data?.enterprises || json.data.enterprises.edges.length !== 50)
    throw new Error(`${name}: unexpected answer ${JSON.stringify(json).slice(0, 300)}`);
  await autocannon({
    url,
    method: 'POST',
    body,
    requests,
    connections: CONNECTIONS,
    duration: 2,
  });
  const r = await autocannon({
    url,
    method: 'POST',
    body,
    requests,
    connections: CONNECTIONS,
    duration: DURATION,
  });
  if (r.non2xx || r.errors) throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
  };
}

/** A fresh database on the server BENCH_DATABASE_URL names, dropped afterwards. */
async function freshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sfw_bench_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function main(): Promise<void> {
  await run('embedded PGlite (npm start)');
  const server = process.env['BENCH_DATABASE_URL'];
  if (server) {
    const db = await freshDatabase(server);
    try {
      await run('PostgreSQL server', db.url);
    } finally {
      await db.drop();
    }
  }
}

async function run(label: string, databaseUrl?: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sfw-bench-'));
  try {
    const first = await start(dataDir, databaseUrl);
    const rssAfterFirstStart = rssMb(first.child.pid as number);
    await stop(first.child);
    const stack = await start(dataDir, databaseUrl);
    const pid = stack.child.pid as number;
    const rssIdle = rssMb(pid);
    const tokens = JSON.parse(readFileSync(join(dataDir, 'demo-tokens.json'), 'utf8')) as Record<
      string,
      { token: string }
    >;
    const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as {
      subgraphSecret: string;
    };
    try {
      // Signed once: the signature stays valid for 5 minutes, longer than the run.
      const direct = await load('subgraph (direct)', stack.subgraphUrl, (body) =>
        signViewer({ sub: 'bench', roles: [Role.ADMIN] }, secrets.subgraphSecret, {
          subgraph: 'enterprises',
          body,
        }),
      );
      const viaGateway = await load('gateway', stack.gatewayUrl, () => ({
        authorization: `Bearer ${tokens['admin']?.token ?? ''}`,
      }));
      const rssLoaded = rssMb(pid);
      const lines = [
        '',
        `## ${label}`,
        `enterprises list, 50 rows with region names; ${CONNECTIONS} connections, ${DURATION} s each, after a 2 s warm-up`,
        '',
        '| target | requests/s | p50 ms | p99 ms | requests |',
        '|---|---:|---:|---:|---:|',
        ...[direct, viaGateway].map(
          (r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.requests} |`,
        ),
        '',
        `gateway overhead: throughput ${(direct.rps / viaGateway.rps).toFixed(2)}x lower, p50 ${(viaGateway.p50 / Math.max(direct.p50, 0.001)).toFixed(2)}x`,
        '',
        `npm start to ready: first start (empty data, seeding 2,400 enterprises) ${(first.readyMs / 1000).toFixed(1)} s; later start ${(stack.readyMs / 1000).toFixed(1)} s`,
        `resident memory of the stack process: ${rssAfterFirstStart.toFixed(0)} MB after the first start, ${rssIdle.toFixed(0)} MB idle after a restart, ${rssLoaded.toFixed(0)} MB after the load`,
        '',
      ];
      process.stdout.write(lines.join('\n'));
    } finally {
      await stop(stack.child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
