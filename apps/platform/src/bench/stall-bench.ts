import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { apiSchemaOf, composeSupergraph, readSubgraphSources } from '@sfw/gateway';
import { OperationGenerator, type FuzzPools } from '../fuzz/operations';
import { percentile } from './common';

/**
 * `npm run bench:stall`: does one heavy request stall the others? The embedded stack (`npm start`'s
 * program, in a child process) serves the demo city; four clients loop on the heaviest operations
 * the gateway's limits allow (similarity search with the longest texts, common-problem clustering
 * over two years, the printable review report, re-scoring a review cycle, 100-row pages with the
 * policies each enterprise matches), while one client sends a simple query (`regions`) one after
 * another. Printed: the simple query's p50/p90/p99, the heavy operations done, the process's CPU
 * (all its threads) and resident memory. Then BENCH_FUZZ operations of the schema-wide fuzz
 * (apps/platform/test/fuzz.e2e.spec.ts's generator), each sent as every role, and the resident
 * memory after them.
 *
 * Both modes side by side: subgraph workers (EMBEDDED_WORKERS=true, the default) and the old
 * single-thread stack (false). Settings: BENCH_MODES (default `workers,single`), BENCH_SECONDS
 * (load per mode, default 30), BENCH_FUZZ (default 5000; 0 skips), BENCH_FUZZ_SEED,
 * BENCH_TEMPLATE_DIR (a seeded data folder, made on first use: default .data/bench-stall, with
 * DEMO_ENTERPRISES demo enterprises, default 2400). Each mode runs on a copy of the template.
 */
const MODES = (process.env['BENCH_MODES'] ?? 'workers,single').split(',').map((m) => m.trim());
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30);
const FUZZ = Number(process.env['BENCH_FUZZ'] ?? 5000);
const FUZZ_SEED = Number(process.env['BENCH_FUZZ_SEED'] ?? 20_260_513);
const ROOT = resolve(__dirname, '../../../..');
const TEMPLATE = resolve(ROOT, process.env['BENCH_TEMPLATE_DIR'] ?? '.data/bench-stall');
const MAIN = resolve(__dirname, '../main.js');
const TARGET_P99_MS = 100;
const TARGET_RSS_MB = 1536;

interface Stack {
  child: ChildProcess;
  url: string;
  tokens: Record<string, { token: string; enterpriseId?: string; departmentId?: string }>;
  stop(): Promise<void>;
}

/** Start the embedded stack on `dataDir` in a child process; resolves once its URL is printed. */
function startStack(dataDir: string, workers: boolean): Promise<Stack> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      GATEWAY_PORT: '0',
      LOG_LEVEL: 'warn',
      EMBEDDED_WORKERS: String(workers),
      NODE_OPTIONS: '',
    };
    delete env['DATABASE_URL'];
    delete env['INIT_CWD'];
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /GraphQL: (http:\/\/\S+)/.exec(out);
      if (!m?.[1]) return;
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      const tokens = JSON.parse(readFileSync(join(dataDir, 'demo-tokens.json'), 'utf8')) as Stack['tokens'];
      resolvePromise({
        child,
        url: m[1],
        tokens,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGINT');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`stack exited with ${code} before ready:\n${out.slice(-3000)}`)),
    );
  });
}

/** CPU seconds (user + system, all threads) and resident memory of a process, from /proc. */
function procStats(pid: number): { cpuSeconds: number; rssMb: number; peakMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

type Answer = {
  data?: Record<string, unknown>;
  errors?: { message?: string; extensions?: { code?: string } }[];
};

async function post(
  url: string,
  token: string | null,
  query: string,
  variables: object = {},
): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer;
}

interface Heavy {
  label: string;
  token: string;
  query: string;
  variables: (i: number) => object;
}

const TEXT =
  '企业二期扩建项目用地指标迟迟未落实，厂房无法开工建设，设备已到港却无处安装，融资贷款到期压力大，' +
  '希望协调自然资源、发改、经信等部门加快用地指标调剂和规划审批，并协助办理施工许可和环评手续。';

/** The heaviest operations the gateway's limits allow, with what they need from the demo data. */
async function heavyOperations(stack: Stack): Promise<Heavy[]> {
  const admin = tokenOf(stack, 'admin');
  const evaluator = tokenOf(stack, 'evaluator');
  const cycles = await post(stack.url, evaluator, '{ reviewCycles { id status } }');
  const published = (cycles.data?.['reviewCycles'] as { id: string; status: string }[] | undefined)?.find(
    (c) => c.status === 'PUBLISHED',
  );
  const run = (cycles.data?.['reviewCycles'] as { id: string; status: string }[] | undefined)?.find(
    (c) => c.status === 'RUN',
  );
  if (!published || !run) throw new Error(`the demo review cycles are missing: ${JSON.stringify(cycles)}`);
  const long = TEXT.repeat(Math.ceil(10_000 / TEXT.length)).slice(0, 10_000);
  return [
    {
      label: 'similarIssues (10,000-character text)',
      token: admin,
      query: `query($t: String!, $d: String!) { similarIssues(title: $t, description: $d, first: 50, categories: [LAND, FINANCING]) { score issue { id title } } }`,
      variables: (i) => ({ t: `用地指标不足影响项目开工${i}`, d: `${i} ${long}`.slice(0, 10_000) }),
    },
    {
      label: 'commonProblemSuggestions (730 days, threshold 0.2)',
      token: admin,
      query: `query($s: Int!) { commonProblemSuggestions(sinceDays: $s, threshold: 0.2) { enterprises issues { id } } }`,
      variables: (i) => ({ s: 700 + (i % 30) }),
    },
    {
      label: 'reviewCycle.reportHtml',
      token: evaluator,
      query: `query($id: ID!, $k: SubjectKind!) { reviewCycle(id: $id) { reportHtml(kind: $k) departmentResults { score rank } } }`,
      variables: (i) => ({ id: published.id, k: i % 2 ? 'DEPARTMENT' : 'CADRE' }),
    },
    {
      label: 'runReviewCycle (scoring)',
      token: evaluator,
      query: `mutation($id: ID!) { runReviewCycle(id: $id) { id status } }`,
      variables: () => ({ id: run.id }),
    },
    {
      label: 'enterprises(first: 100) with eligiblePolicies',
      token: admin,
      query: `query($after: String) { enterprises(first: 100, after: $after) { edges { cursor node { id name creditCode eligiblePolicies { policy { id title } } } } } }`,
      variables: () => ({ after: null }),
    },
  ];
}

const SIMPLE = '{ regions { code name } }';

function tokenOf(stack: Stack, key: string): string {
  const t = stack.tokens[key];
  if (!t) throw new Error(`no demo token for ${key}`);
  return t.token;
}

async function loadPhase(stack: Stack, heavy: Heavy[]) {
  const pid = stack.child.pid as number;
  // Each heavy operation once: an operation that errors measures nothing.
  for (const h of heavy) {
    const r = await post(stack.url, h.token, h.query, h.variables(0));
    if (r.errors) throw new Error(`${h.label}: ${JSON.stringify(r.errors).slice(0, 400)}`);
  }
  for (let i = 0; i < 20; i++) await post(stack.url, null, SIMPLE);
  const before = procStats(pid);
  const t0 = performance.now();
  const deadline = t0 + SECONDS * 1000;
  const done = new Map<string, { n: number; ms: number; errors: number }>();
  const heavyClient = async (k: number) => {
    for (let i = k; performance.now() < deadline; i += 4) {
      const h = heavy[i % heavy.length] as Heavy;
      const s0 = performance.now();
      const r = await post(stack.url, h.token, h.query, h.variables(i)).catch(
        () => ({ errors: [{}] }) as Answer,
      );
      const entry = done.get(h.label) ?? { n: 0, ms: 0, errors: 0 };
      entry.n++;
      entry.ms += performance.now() - s0;
      if (r.errors) entry.errors++;
      done.set(h.label, entry);
    }
  };
  const simple: number[] = [];
  let simpleErrors = 0;
  const simpleClient = async () => {
    while (performance.now() < deadline) {
      const s0 = performance.now();
      const r = await post(stack.url, null, SIMPLE).catch(() => ({ errors: [{}] }) as Answer);
      simple.push(performance.now() - s0);
      if (r.errors) simpleErrors++;
    }
  };
  await Promise.all([heavyClient(0), heavyClient(1), heavyClient(2), heavyClient(3), simpleClient()]);
  const wall = (performance.now() - t0) / 1000;
  const after = procStats(pid);
  simple.sort((a, b) => a - b);
  return {
    simple: {
      n: simple.length,
      errors: simpleErrors,
      p50: percentile(simple, 50),
      p90: percentile(simple, 90),
      p99: percentile(simple, 99),
      max: simple.at(-1) ?? NaN,
    },
    heavy: done,
    cpuCores: (after.cpuSeconds - before.cpuSeconds) / wall,
    rssMb: after.rssMb,
    peakMb: after.peakMb,
  };
}

/** Pools of real values for the fuzz generator, read through the graph as the administrator. */
async function fuzzPools(stack: Stack): Promise<FuzzPools> {
  const admin = tokenOf(stack, 'admin');
  const r = await post(
    stack.url,
    admin,
    `{ enterprises(first: 50) { edges { node { id creditCode } } } cadres(first: 50) { edges { node { id } } }
       issues(first: 50) { edges { node { id } } } policies(first: 50) { nodes { id } } reviewCycles { id }
       departments { id code } }`,
  );
  if (!r.data) throw new Error(`fuzz pools: ${JSON.stringify(r.errors).slice(0, 400)}`);
  type Node = { id: string; creditCode?: string; code?: string };
  const d = r.data as {
    enterprises: { edges: { node: Node }[] };
    cadres: { edges: { node: Node }[] };
    issues: { edges: { node: Node }[] };
    policies: { nodes: Node[] };
    reviewCycles: Node[];
    departments: Node[];
  };
  const ids = [
    ...d.enterprises.edges.map((e) => e.node.id),
    ...d.cadres.edges.map((e) => e.node.id),
    ...d.issues.edges.map((e) => e.node.id),
    ...d.policies.nodes.map((p) => p.id),
    ...d.reviewCycles.map((c) => c.id),
    ...d.departments.slice(0, 50).map((x) => x.id),
  ];
  return {
    ids,
    creditCodes: d.enterprises.edges.slice(0, 10).map((e) => e.node.creditCode ?? ''),
    divisionCodes: ['330000', '331000', '331004', '331002', '331082', '331004001'],
    departmentCodes: d.departments.slice(0, 10).map((x) => x.code ?? ''),
    tags: ['专精特新', '高成长', '龙头骨干', '自定义标签'],
    industryCodes: ['C', 'C36', 'C3612', 'F', '3612'],
  };
}

/** BENCH_FUZZ generated operations, each as every demo role and anonymously, four at a time. */
async function fuzzPhase(stack: Stack) {
  const generator = new OperationGenerator(
    apiSchemaOf(composeSupergraph(readSubgraphSources())),
    FUZZ_SEED,
    await fuzzPools(stack),
  );
  const tokens: (string | null)[] = [null, ...Object.values(stack.tokens).map((t) => t.token)];
  let next = 0;
  let requests = 0;
  let internal = 0;
  const t0 = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= FUZZ) return;
      const op = generator.next();
      for (const token of tokens) {
        const r = await post(stack.url, token, op.document, op.variables).catch(
          () => ({ errors: [{}] }) as Answer,
        );
        requests++;
        if (r.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) internal++;
      }
      if ((i + 1) % 1000 === 0)
        process.stdout.write(
          `  fuzz ${i + 1}/${FUZZ} (${Math.round(procStats(stack.child.pid as number).rssMb)} MB resident)\n`,
        );
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  // Let collections settle before reading the resident memory.
  await new Promise((r) => setTimeout(r, 3_000));
  const stats = procStats(stack.child.pid as number);
  return {
    requests,
    internal,
    seconds: (performance.now() - t0) / 1000,
    rssMb: stats.rssMb,
    peakMb: stats.peakMb,
  };
}

/** The seeded template data folder, made once by starting the stack on it. */
async function ensureTemplate(): Promise<void> {
  if (existsSync(join(TEMPLATE, 'demo-tokens.json'))) return;
  process.stdout.write(`seeding the benchmark's demo city in ${TEMPLATE} (once)…\n`);
  const stack = await startStack(TEMPLATE, true);
  await stack.stop();
}

async function main(): Promise<void> {
  await ensureTemplate();
  const rows: {
    mode: string;
    load: Awaited<ReturnType<typeof loadPhase>>;
    startRss: number;
    fuzz?: Awaited<ReturnType<typeof fuzzPhase>>;
  }[] = [];
  for (const mode of MODES) {
    const dir = mkdtempSync(join(tmpdir(), `sfw-stall-${mode}-`));
    cpSync(TEMPLATE, dir, { recursive: true });
    const stack = await startStack(dir, mode !== 'single');
    try {
      const startRss = procStats(stack.child.pid as number).rssMb;
      process.stdout.write(
        `\n[${mode}] ready (${Math.round(startRss)} MB resident); ${SECONDS} s of load…\n`,
      );
      const load = await loadPhase(stack, await heavyOperations(stack));
      const row: (typeof rows)[number] = { mode, load, startRss };
      if (FUZZ > 0) {
        process.stdout.write(`[${mode}] ${FUZZ} fuzz operations…\n`);
        row.fuzz = await fuzzPhase(stack);
      }
      rows.push(row);
    } finally {
      await stack.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  process.stdout.write(
    `\nSimple query (${SIMPLE}) while 4 clients run the heavy operations, ${SECONDS} s:\n`,
  );
  process.stdout.write(
    `${'mode'.padEnd(9)} ${'n'.padStart(6)} ${'p50'.padStart(8)} ${'p90'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)} ${'heavy/s'.padStart(8)} ${'CPU'.padStart(6)} ${'RSS MB'.padStart(8)} ${'peak MB'.padStart(8)}\n`,
  );
  for (const { mode, load } of rows) {
    const heavyDone = [...load.heavy.values()].reduce((s, h) => s + h.n, 0);
    process.stdout.write(
      `${mode.padEnd(9)} ${String(load.simple.n).padStart(6)} ${f(load.simple.p50).padStart(8)} ${f(load.simple.p90).padStart(8)} ${f(load.simple.p99).padStart(8)} ${f(load.simple.max).padStart(8)} ${f(heavyDone / SECONDS).padStart(8)} ${f(load.cpuCores, 2).padStart(6)} ${f(load.rssMb, 0).padStart(8)} ${f(load.peakMb, 0).padStart(8)}\n`,
    );
  }
  process.stdout.write('\nHeavy operations (count, mean ms, errors):\n');
  for (const { mode, load } of rows)
    for (const [label, h] of load.heavy)
      process.stdout.write(
        `  ${mode.padEnd(8)} ${label.padEnd(52)} ${String(h.n).padStart(5)} ${f(h.ms / h.n, 0).padStart(7)} ${String(h.errors).padStart(4)}\n`,
      );
  if (FUZZ > 0) {
    process.stdout.write(`\nMemory after ${FUZZ} fuzz operations (each as ${'every role'}):\n`);
    for (const { mode, startRss, fuzz } of rows)
      if (fuzz)
        process.stdout.write(
          `  ${mode.padEnd(8)} at start ${f(startRss, 0)} MB, after ${f(fuzz.rssMb, 0)} MB resident (peak ${f(fuzz.peakMb, 0)} MB); ${fuzz.requests} requests in ${f(fuzz.seconds, 0)} s, ${fuzz.internal} internal errors\n`,
        );
  }
  const workers = rows.find((r) => r.mode === 'workers');
  if (workers) {
    const p99ok = workers.load.simple.p99 < TARGET_P99_MS;
    const memOk = !workers.fuzz || workers.fuzz.rssMb < TARGET_RSS_MB;
    process.stdout.write(
      `\nTargets (workers): simple p99 < ${TARGET_P99_MS} ms ${p99ok ? 'met' : 'NOT met'}; resident after fuzz < ${TARGET_RSS_MB} MB ${workers.fuzz ? (memOk ? 'met' : 'NOT met') : 'not measured'}\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
