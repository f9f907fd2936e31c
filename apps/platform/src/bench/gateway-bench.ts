import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { loadavg } from 'node:os';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import autocannon from 'autocannon';
import { cadresSubgraph, seedDemoCadres } from '@sfw/cadres';
import { enterprisesSubgraph } from '@sfw/enterprises';
import { evaluationsSubgraph, seedDemoEvaluations } from '@sfw/evaluations';
import {
  Authenticator,
  composeSupergraph,
  issueToken,
  loadGatewayConfig,
  readSubgraphSources,
  startGateway,
} from '@sfw/gateway';
import { issuesSubgraph, seedDemoIssues } from '@sfw/issues';
import { Role, type Viewer } from '@sfw/shared-types';
import {
  closeServer,
  createHttpServer,
  createLogger,
  graphqlUrl,
  InProcessEventBus,
  listen,
  signViewer,
  startSubgraph,
  type RunningSubgraph,
} from '@sfw/subgraph-kit';
import { demoEnterpriseId, seedEnterprises } from '../seed';
import { BENCH_SERVER, freshDatabase, postGraphql } from './common';

/**
 * `npm run bench:gateway`: this gateway (Hive Gateway, Rust query planner) against stock Apollo
 * Gateway 2 on Apollo Server 5, as the project ran before, over the same running subgraphs.
 *
 * A fresh database on the PostgreSQL server BENCH_DATABASE_URL names (default the local one) gets
 * the demo data the embedded stack seeds — BENCH_ENTERPRISES enterprises (default 600), the demo
 * departments, cadres, pairings and visits, a year of appeals (about one per enterprise) and their
 * ratings — through the enterprises, cadres, issues and evaluations subgraphs, which then run in a
 * child process of their own. Each gateway runs in its own child process too, so its CPU time
 * (process.cpuUsage, asked over IPC before and after each load) is its own; autocannon runs here.
 *
 * Loads, one after another (BENCH_CONNECTIONS connections, default 10; BENCH_SECONDS each, default
 * 15, split into BENCH_ROUNDS rounds, default 3, in which the targets take turns, after a
 * BENCH_WARMUP_SECONDS warm-up, default 2):
 *   - the dispatch board: appeals with their enterprise and its region (enterprises), lead
 *     department (cadres) and ratings (evaluations) — four subgraphs;
 *   - a one-subgraph list: enterprises with id, name and credit code; also straight at the
 *     subgraph, signed per request.
 * Every request asks for another page size (BENCH_MIN_PAGE..BENCH_MAX_PAGE, default 5..60, in
 * turn), so no two requests in flight are identical: Hive merges identical in-flight subgraph
 * requests, and a benchmark of one repeated request would measure that. Each gateway's answer is
 * checked first (and the two compared); BENCH_PROFILE_DIR writes a CPU profile of each gateway
 * process there. Any non-2xx answer or GraphQL error under load fails the
 * run after the table is printed. The targets are printed PASS/FAIL for information.
 */
const SERVER = BENCH_SERVER;
const ENTERPRISES = Number(process.env['BENCH_ENTERPRISES'] ?? 600);
const DURATION = Number(process.env['BENCH_SECONDS'] ?? 15);
const WARMUP = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 2);
/** Each load's time is split into this many rounds, the targets taking turns. */
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 3));
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const MIN_PAGE = Number(process.env['BENCH_MIN_PAGE'] ?? 5);
const MAX_PAGE = Number(process.env['BENCH_MAX_PAGE'] ?? 60);
/** A folder for V8 CPU profiles of each gateway process (written when it stops), or unset. */
const PROFILE_DIR = process.env['BENCH_PROFILE_DIR'];
const SUBGRAPHS = ['enterprises', 'cadres', 'issues', 'evaluations'] as const;
const ADMIN: Viewer = { sub: 'bench-admin', roles: [Role.ADMIN] };

const BOARD = `query DispatchBoard($n: Int!) {
  issues(first: $n) {
    edges { node { id no title status submittedAt
      enterprise { name region { name } }
      leadDepartment { name }
      ratings { level } } }
  }
}`;
const LIST = `query EnterpriseList($n: Int!) {
  enterprises(first: $n) { edges { node { id name creditCode } } }
}`;

// ---------------------------------------------------------------------------------------------
// Child processes: one for the subgraphs, one per gateway. Each answers commands over IPC.

type ChildRole = 'subgraphs' | 'hive' | 'hive-stock' | 'apollo';
interface Command {
  id: number;
  cmd: 'start' | 'cpu' | 'calls' | 'stop';
  args?: unknown;
}
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

interface CpuSample {
  /** user + system CPU time of the process, µs */
  micros: number;
  rssMb: number;
}
interface GatewayArgs {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  jwtSecret: string;
  subgraphSecret: string;
}
interface SubgraphArgs {
  databaseUrl: string;
  subgraphSecret: string;
  enterprises: number;
}
interface SubgraphsReady {
  urls: Record<string, string>;
  seeded: string;
}
/** GraphQL requests each subgraph answered so far, and the errors it answered with (by code). */
interface Calls {
  requests: Record<string, number>;
  errors: Record<string, number>;
}

function cpuSample(): CpuSample {
  const u = process.cpuUsage();
  return { micros: u.user + u.system, rssMb: process.memoryUsage.rss() / 1024 / 1024 };
}

async function runChild(role: ChildRole): Promise<void> {
  let stop: () => Promise<void> = async () => {};
  let running: RunningSubgraph<unknown>[] = [];
  const handlers: Record<Command['cmd'], (args: unknown) => Promise<unknown>> = {
    start: async (args) => {
      const started =
        role === 'subgraphs'
          ? await startSubgraphs(args as SubgraphArgs)
          : role === 'hive'
            ? await startHive(args as GatewayArgs)
            : role === 'hive-stock'
              ? await startHiveStock(args as GatewayArgs)
              : await startApollo(args as GatewayArgs);
      stop = started.stop;
      return started.value;
    },
    cpu: async () => cpuSample(),
    calls: async () => {
      if (role !== 'subgraphs') throw new Error(`${role}: no call counts here`);
      return countCalls(running);
    },
    stop: async () => {
      await stop();
      setImmediate(() => process.exit(0));
      return null;
    },
  };

  async function startSubgraphs(args: SubgraphArgs) {
    const logger = createLogger('bench', 'warn');
    const bus = new InProcessEventBus();
    const common = {
      env: { DATABASE_URL: args.databaseUrl, LOG_LEVEL: 'warn' },
      overrides: { port: 0, host: '127.0.0.1', subgraphSecret: args.subgraphSecret },
      bus,
      logger,
    };
    // In the embedded stack's order: each projection hears the events of those started before it.
    const enterprises = await startSubgraph(enterprisesSubgraph, common);
    const cadres = await startSubgraph(cadresSubgraph, common);
    const issues = await startSubgraph(issuesSubgraph, common);
    const evaluations = await startSubgraph(evaluationsSubgraph, common);
    running = [enterprises, cadres, issues, evaluations] as RunningSubgraph<unknown>[];
    const t0 = Date.now();
    await seedEnterprises(enterprises, args.enterprises);
    await enterprises.relay.drain();
    const cadreSeed = await seedDemoCadres(
      cadres.database.dataSource,
      cadres.database.schema,
      cadres.outbox,
      { demoEnterpriseId: await demoEnterpriseId(enterprises) },
    );
    await cadres.relay.drain();
    const issueSeed = await seedDemoIssues(
      issues.database.dataSource,
      issues.database.schema,
      issues.outbox,
      issues.services.calendar,
    );
    await issues.relay.drain();
    const evaluationSeed = await seedDemoEvaluations(
      evaluations.database.dataSource,
      evaluations.database.schema,
      evaluations.services.calendar,
      issueSeed ? { luqiaoDepartmentId: issueSeed.luqiaoDepartmentId } : {},
    );
    await enterprises.database.dataSource.query('ANALYZE');
    const seeded =
      `${args.enterprises} enterprises, ${cadreSeed?.departments} departments, ${cadreSeed?.cadres} cadres, ` +
      `${cadreSeed?.visits} visits, ${issueSeed?.issues} appeals, ` +
      `${evaluationSeed?.ratings} ratings (${((Date.now() - t0) / 1000).toFixed(1)} s)`;
    const ready: SubgraphsReady = { urls: Object.fromEntries(running.map((s) => [s.name, s.url])), seeded };
    return {
      value: ready,
      stop: async () => {
        for (const s of [...running].reverse()) await s.stop();
      },
    };
  }

  process.on('message', (message: Command) => {
    const handler = handlers[message.cmd];
    handler(message.args).then(
      (value) => process.send?.({ id: message.id, ok: true, value } satisfies Reply),
      (err: unknown) =>
        process.send?.({
          id: message.id,
          ok: false,
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
        } satisfies Reply),
    );
  });
  // The parent went away: nothing will stop this process otherwise.
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
  process.send?.({ id: 0, ok: true, value: role } satisfies Reply);
}

async function countCalls(running: RunningSubgraph<unknown>[]): Promise<Calls> {
  const out: Calls = { requests: {}, errors: {} };
  for (const s of running) {
    const requests = await s.metrics.registry.getSingleMetric('sfw_graphql_requests_total')?.get();
    out.requests[s.name] = (requests?.values ?? []).reduce((sum, v) => sum + v.value, 0);
    const errors = await s.metrics.registry.getSingleMetric('sfw_graphql_errors_total')?.get();
    for (const v of errors?.values ?? []) {
      const key = `${s.name}:${String(v.labels['code'])}`;
      out.errors[key] = (out.errors[key] ?? 0) + v.value;
    }
  }
  return out;
}

function gatewayConfig(args: GatewayArgs) {
  return loadGatewayConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    JWT_SECRET: args.jwtSecret,
    SUBGRAPH_SECRET: args.subgraphSecret,
    GATEWAY_PORT: '0',
    GATEWAY_HOST: '127.0.0.1',
  });
}

/** This gateway, as it runs in production (metrics on), on the same supergraph. */
async function startHive(args: GatewayArgs) {
  const gateway = await startGateway(
    { ...gatewayConfig(args), subgraphUrls: args.subgraphUrls },
    { supergraphSdl: args.supergraphSdl },
  );
  return { value: gateway.url, stop: () => gateway.stop() };
}

/**
 * Hive Gateway with the Rust query planner as it comes, for reference: the runtime's defaults
 * (except merging identical in-flight subgraph calls, which is off as in ours), bearer tokens checked by the same Authenticator and each subgraph request signed, nothing else
 * (no limits, metrics, deadlines, retries, trusted documents or error shaping).
 */
async function startHiveStock(args: GatewayArgs) {
  const config = gatewayConfig(args);
  const authenticator = new Authenticator(config.jwt);
  const nameByUrl = new Map(Object.entries(args.subgraphUrls).map(([name, url]) => [url, name]));
  const runtime = createGatewayRuntime<{ viewer: Viewer | null }>({
    supergraph: args.supergraphSdl,
    unifiedGraphHandler,
    transportEntries: Object.fromEntries(
      // Not merging identical in-flight calls, as ours: with the viewer signed in per call, a
      // merge would answer one viewer with another's call.
      Object.entries(args.subgraphUrls).map(([name, location]) => [
        name,
        { location, options: { deduplicateInflightRequests: false } },
      ]),
    ),
    logging: false,
    landingPage: false,
    graphiql: false,
    plugins: () => [
      {
        async onContextBuilding({ context, extendContext }) {
          extendContext({
            viewer: await authenticator.viewerFrom(context.request.headers.get('authorization')),
          });
        },
        onFetch({ url, options, setOptions, context }) {
          const subgraph = nameByUrl.get(url);
          if (!subgraph) return;
          const viewer = (context as { viewer?: Viewer | null }).viewer ?? null;
          const body = typeof options.body === 'string' ? options.body : '';
          setOptions({
            ...options,
            headers: {
              ...(options.headers as Record<string, string>),
              ...signViewer(viewer, args.subgraphSecret, { subgraph, body }),
            },
          });
        },
      } satisfies GatewayPlugin<{ viewer: Viewer | null }>,
    ],
  });
  const server: Server = createServer(runtime);
  const port = await listen(server, 0, '127.0.0.1');
  return {
    value: graphqlUrl('127.0.0.1', port),
    stop: async () => {
      await closeServer(server);
      await runtime.dispose();
    },
  };
}

/** The header that carries the verified viewer from willSendRequest to the signing fetcher. */
const VIEWER_PASS = 'x-bench-viewer';

/**
 * Stock Apollo Gateway 2 on Apollo Server 5 behind the subgraph kit's node:http integration, as
 * the project ran it before, minus its own plugins (limits, access log, error shaping): bearer
 * tokens checked by the same Authenticator, and every subgraph request signed over the exact
 * body sent. RemoteGraphQLDataSource serializes the body itself, so the signature is added in a
 * wrapper around its stock fetcher (make-fetch-happen), which sees that body.
 */
async function startApollo(args: GatewayArgs) {
  const config = gatewayConfig(args);
  const authenticator = new Authenticator(config.jwt);
  const logger = createLogger('apollo-gateway', 'silent');
  interface Context {
    viewer: Viewer | null;
  }
  const gateway = new ApolloGateway({
    supergraphSdl: args.supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const source = new RemoteGraphQLDataSource<Context>({
        url: (name && args.subgraphUrls[name]) ?? url,
        willSendRequest({ request, context }) {
          request.http?.headers.set(VIEWER_PASS, JSON.stringify(context.viewer ?? null));
        },
      });
      const stock = source.fetcher;
      source.fetcher = (input, init = {}) => {
        const { [VIEWER_PASS]: viewer, ...headers } = (init.headers ?? {}) as Record<string, string>;
        const body = typeof init.body === 'string' ? init.body : '';
        return stock(input, {
          ...init,
          headers: {
            ...headers,
            ...signViewer(JSON.parse(viewer ?? 'null') as Viewer | null, args.subgraphSecret, {
              subgraph: name ?? '',
              body,
            }),
          },
        });
      };
      return source;
    },
  });
  const apollo = new ApolloServer<Context>({
    gateway,
    logger,
    introspection: false,
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const server: Server = createHttpServer<Context>({
    apollo,
    health: { ready: async () => ({}) },
    context: async (req) => ({ viewer: await authenticator.viewerFrom(req.headers.authorization) }),
  });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    value: graphqlUrl('127.0.0.1', port),
    stop: async () => {
      await closeServer(server);
      await apollo.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The parent: database, children, loads, table.

interface Child {
  role: ChildRole;
  pid: number;
  ask<T>(cmd: Command['cmd'], args?: unknown): Promise<T>;
  /** Ask it to stop (SIGKILL after 10 s); true when it answered and exited with code 0. */
  stop(): Promise<boolean>;
  /** Set once the process has exited. */
  exited(): { code: number | null; signal: string | null; at: number } | null;
  /** Its standard error: MaxListenersExceededWarning lines counted, the first kept; the last other lines. */
  stderr: { warnings: number; firstWarning: string | null; tail: string[] };
}

const WARNING = /MaxListenersExceededWarning|Use `node --trace-warnings/;

/**
 * Fork this script in `role`. Its standard error is passed through except warnings that repeat
 * per request (counted instead), and its last lines are kept for the report should it die.
 */
async function spawnChild(role: ChildRole): Promise<Child> {
  const profile = PROFILE_DIR && role !== 'subgraphs' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const proc: ChildProcess = fork(__filename, [role], {
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    execArgv: [...process.execArgv, ...profile],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const stderr: Child['stderr'] = { warnings: 0, firstWarning: null, tail: [] };
  let partial = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (WARNING.test(line)) {
        if (line.includes('MaxListenersExceededWarning')) {
          stderr.warnings++;
          stderr.firstWarning ??= line;
        }
        continue;
      }
      process.stderr.write(`[${role}] ${line}\n`);
      stderr.tail.push(line);
      if (stderr.tail.length > 30) stderr.tail.shift();
    }
  });
  let next = 1;
  let exited: ReturnType<Child['exited']> = null;
  const ready = new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
  });
  proc.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(`${role}: ${reply.error}`));
  });
  // A send to a process that just died fails here; its exit rejects what waits.
  proc.on('error', () => undefined);
  const exit = new Promise<void>((resolve) =>
    proc.once('exit', (code, signal) => {
      exited = { code, signal, at: Date.now() };
      for (const p of pending.values())
        p.reject(new Error(`${role} process exited (${code ?? signal}) before answering`));
      pending.clear();
      resolve();
    }),
  );
  await ready;
  const ask = <T>(cmd: Command['cmd'], args?: unknown): Promise<T> => {
    if (exited)
      return Promise.reject(new Error(`${role} process has exited (${exited.code ?? exited.signal})`));
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      proc.send({ id, cmd, args } satisfies Command, (err) => {
        if (!err) return;
        pending.delete(id);
        reject(err);
      });
    });
  };
  return {
    role,
    pid: proc.pid as number,
    ask,
    exited: () => exited,
    stderr,
    async stop() {
      if (exited) return false;
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      const answered = await ask('stop').then(
        () => true,
        () => false,
      );
      await exit;
      clearTimeout(timer);
      return answered && (exited as ReturnType<Child['exited']>)?.code === 0;
    },
  };
}

/** A gateway in its child process; started again (and the death recorded) if the process died. */
interface Gateway {
  role: 'hive' | 'hive-stock' | 'apollo';
  name: string;
  args: GatewayArgs;
  child: Child;
  url: string;
  /** Processes of this gateway that died before the run ended, described for the report. */
  deaths: string[];
  /** When its last load ended. */
  lastLoadEnd: number | null;
  /** MaxListenersExceededWarning lines of its earlier processes. */
  pastWarnings: number;
}

async function startGatewayProcess(role: Gateway['role'], name: string, args: GatewayArgs): Promise<Gateway> {
  const child = await spawnChild(role);
  const url = await child.ask<string>('start', args);
  return { role, name, args, child, url, deaths: [], lastLoadEnd: null, pastWarnings: 0 };
}

/** Records that the gateway's process died, if it did, and starts another for the next load. */
async function ensureRunning(g: Gateway): Promise<boolean> {
  if (!g.child.exited()) return false;
  recordDeath(g);
  const { child, url } = await startGatewayProcess(g.role, g.name, g.args);
  const old = g.child;
  g.pastWarnings += old.stderr.warnings;
  g.child = child;
  g.url = url;
  process.stdout.write(`  ${g.name}: process ${old.pid} had died; started process ${child.pid}\n`);
  return true;
}

function recordDeath(g: Gateway, when?: string): void {
  const gone = g.child.exited();
  if (!gone || g.deaths.some((d) => d.includes(`process ${g.child.pid} `))) return;
  const since =
    when ??
    (g.lastLoadEnd === null
      ? 'before its first load'
      : `${((gone.at - g.lastLoadEnd) / 1000).toFixed(1)} s after its last load ended`);
  const words = g.child.stderr.tail.filter((l) => l.trim()).slice(-8);
  g.deaths.push(
    `${g.name}: process ${g.child.pid} exited (code ${gone.code ?? '-'}, signal ${gone.signal ?? '-'}) ${since}; ` +
      `its last standard error lines: ${words.length ? words.map((l) => l.trim()).join(' ⏎ ') : '(none)'}`,
  );
}

interface Target {
  name: string;
  /** The subgraph's URL, when the target is not a gateway. */
  url?: string;
  headers: (body: string) => Record<string, string>;
  /** The gateway, when the target is one. */
  gateway?: Gateway;
}

const urlOf = (t: Target): string => (t.gateway ? t.gateway.url : (t.url as string));

interface Result {
  load: string;
  target: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  gatewayCpuMs: number | null;
  gatewayRssMb: number | null;
  subgraphCpuMs: number;
  callsPerRequest: number;
  callsBySubgraph: string;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  graphqlErrors: number;
  firstError: string | null;
  subgraphErrors: Record<string, number>;
  /** The gateway process died during this load, or had died before it and was started again. */
  processNote: string | null;
}

/** Page sizes in turn, so the requests in flight (at most CONNECTIONS) never repeat one. */
function pageSizes(): () => number {
  let i = 0;
  const span = MAX_PAGE - MIN_PAGE + 1;
  return () => MIN_PAGE + (i++ % span);
}

async function load(
  label: string,
  query: string,
  target: Target,
  subgraphs: Child,
  { warmup = WARMUP, duration = DURATION }: { warmup?: number; duration?: number } = {},
): Promise<Result> {
  const g = target.gateway;
  const restarted = g ? await ensureRunning(g) : false;
  let graphqlErrors = 0;
  let firstError: string | null = null;
  const next = pageSizes();
  const requests: autocannon.Request[] = [
    {
      method: 'POST',
      setupRequest: (req: autocannon.Request) => {
        const body = JSON.stringify({ query, variables: { n: next() } });
        return { ...req, body, headers: { 'content-type': 'application/json', ...target.headers(body) } };
      },
      onResponse: (status: number, body: string) => {
        if (status < 300 && body.includes('"errors"')) {
          graphqlErrors++;
          firstError ??= body.slice(0, 600);
        }
      },
    },
  ];
  const url = new URL(urlOf(target));
  const options = {
    url: url.origin + url.pathname,
    method: 'POST' as const,
    requests,
    connections: CONNECTIONS,
  };
  if (warmup > 0) await autocannon({ ...options, duration: warmup });
  // The gateway may still be working on requests the warm-up left in flight: wait till it is idle.
  await quiet(subgraphs);
  graphqlErrors = 0;
  firstError = null;
  const cpu = () => (g ? g.child.ask<CpuSample>('cpu').catch(() => null) : Promise.resolve(null));
  const gw0 = await cpu();
  const sg0 = await subgraphs.ask<CpuSample>('cpu');
  const calls0 = await subgraphs.ask<Calls>('calls');
  const r = await autocannon({ ...options, duration });
  const gw1 = await cpu();
  if (g) g.lastLoadEnd = Date.now();
  const sg1 = await subgraphs.ask<CpuSample>('cpu');
  const calls1 = await subgraphs.ask<Calls>('calls');
  const n = Math.max(1, r.requests.total);
  const callsBy = SUBGRAPHS.map((s) => [s, (calls1.requests[s] ?? 0) - (calls0.requests[s] ?? 0)] as const);
  const subgraphErrors: Record<string, number> = {};
  for (const [key, value] of Object.entries(calls1.errors)) {
    const d = value - (calls0.errors[key] ?? 0);
    if (d > 0) subgraphErrors[key] = d;
  }
  return {
    load: label,
    target: target.name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    gatewayCpuMs: gw0 && gw1 ? (gw1.micros - gw0.micros) / 1000 / n : null,
    gatewayRssMb: gw1 ? gw1.rssMb : null,
    subgraphCpuMs: (sg1.micros - sg0.micros) / 1000 / n,
    callsPerRequest: callsBy.reduce((sum, [, c]) => sum + c, 0) / n,
    callsBySubgraph: callsBy
      .filter(([, c]) => c > 0)
      .map(([s, c]) => `${s} ${(c / n).toFixed(2)}`)
      .join(', '),
    non2xx: r.non2xx,
    socketErrors: r.errors,
    timeouts: r.timeouts,
    graphqlErrors,
    firstError,
    subgraphErrors,
    processNote: !g
      ? null
      : g.child.exited()
        ? `process ${g.child.pid} died during this load`
        : restarted
          ? `process ${g.child.pid}, started after the previous one died`
          : null,
  };
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
};

/**
 * One load's rounds on one target as one result: requests, errors and CPU summed (CPU per request
 * over all rounds), req/s over the whole time, p50 and p99 the median of the rounds'.
 */
function combine(rounds: Result[], seconds: number): Result {
  const first = rounds[0] as Result;
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  const n = Math.max(1, requests);
  const perRequest = (pick: (r: Result) => number | null) =>
    rounds.some((r) => pick(r) === null)
      ? null
      : rounds.reduce((sum, r) => sum + (pick(r) ?? 0) * r.requests, 0) / n;
  const subgraphErrors: Record<string, number> = {};
  for (const r of rounds)
    for (const [key, value] of Object.entries(r.subgraphErrors))
      subgraphErrors[key] = (subgraphErrors[key] ?? 0) + value;
  return {
    ...first,
    rps: requests / seconds,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    requests,
    gatewayCpuMs: perRequest((r) => r.gatewayCpuMs),
    gatewayRssMb: (rounds[rounds.length - 1] as Result).gatewayRssMb,
    subgraphCpuMs: perRequest((r) => r.subgraphCpuMs) ?? 0,
    callsPerRequest: perRequest((r) => r.callsPerRequest) ?? 0,
    callsBySubgraph: first.callsBySubgraph,
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    socketErrors: rounds.reduce((sum, r) => sum + r.socketErrors, 0),
    timeouts: rounds.reduce((sum, r) => sum + r.timeouts, 0),
    graphqlErrors: rounds.reduce((sum, r) => sum + r.graphqlErrors, 0),
    firstError: rounds.find((r) => r.firstError)?.firstError ?? null,
    subgraphErrors,
    processNote: rounds.find((r) => r.processNote)?.processNote ?? null,
  };
}

/** Resolves once the subgraphs have answered no request for half a second. */
async function quiet(subgraphs: Child): Promise<void> {
  const total = async () =>
    Object.values((await subgraphs.ask<Calls>('calls')).requests).reduce((a, b) => a + b, 0);
  let last = await total();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await total();
    if (now === last) return;
    last = now;
  }
}

interface BoardNode {
  enterprise: { name: string; region: { name: string } | null } | null;
  leadDepartment: { name: string } | null;
  ratings: unknown[];
}

/** One answer of each target, before any load: no errors, the page asked for, every part present. */
async function check(targets: Target[]): Promise<string> {
  const lines: string[] = [];
  const answers: Record<string, string> = {};
  for (const [label, query, root] of [
    ['dispatch board', BOARD, 'issues'],
    ['enterprise list', LIST, 'enterprises'],
  ] as const) {
    for (const t of targets) {
      if (root === 'issues' && !t.gateway) continue;
      const res = await postGraphql(urlOf(t), query, { n: MAX_PAGE }, t.headers);
      const edges = (res.data?.[root] as { edges?: { node: unknown }[] } | undefined)?.edges;
      if (res.errors || !edges || edges.length !== MAX_PAGE)
        throw new Error(
          `${t.name}, ${label}: expected ${MAX_PAGE} rows without errors, got ${JSON.stringify(res).slice(0, 600)}`,
        );
      answers[`${label}/${t.name}`] = JSON.stringify(res.data);
      if (root === 'issues') {
        const nodes = edges.map((e) => e.node as BoardNode);
        const withRegion = nodes.filter((n) => n.enterprise?.region?.name).length;
        const withLead = nodes.filter((n) => n.leadDepartment?.name).length;
        const rated = nodes.filter((n) => n.ratings.length > 0).length;
        if (withRegion !== nodes.length || withLead === 0 || rated === 0)
          throw new Error(
            `${t.name}, dispatch board: ${withRegion}/${nodes.length} with a region, ${withLead} with a lead department, ${rated} rated: not every subgraph answers`,
          );
        lines.push(
          `${t.name}: dispatch board of ${nodes.length} — ${withRegion} with enterprise and region, ${withLead} with a lead department, ${rated} with ratings`,
        );
      }
    }
    const distinct = new Set(
      Object.entries(answers)
        .filter(([k]) => k.startsWith(label))
        .map(([, v]) => v),
    );
    if (distinct.size !== 1) throw new Error(`${label}: the targets answered differently`);
  }
  lines.push(`every target gave the same answers to both queries (first: ${MAX_PAGE})`);
  return lines.join('\n');
}

const fmt = (v: number | null, digits = 2) => (v === null ? '—' : v.toFixed(digits));

function table(results: Result[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.load} | ${r.target}${r.processNote ? ' †' : ''} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${fmt(r.gatewayCpuMs)} | ${fmt(r.subgraphCpuMs)} | ${r.callsPerRequest.toFixed(2)} | ${r.requests} | ${r.non2xx + r.socketErrors + r.timeouts + r.graphqlErrors} |`,
  );
  return [
    '| load | target | req/s | p50 ms | p99 ms | gateway CPU ms/req | subgraphs CPU ms/req | subgraph calls/req | requests | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const db = await freshDatabase(SERVER, 'sfw_bench_gateway');
  const jwtSecret = randomBytes(24).toString('hex');
  const subgraphSecret = randomBytes(24).toString('hex');
  let subgraphs: Child | undefined;
  const gateways: Gateway[] = [];
  let failed = false;
  try {
    subgraphs = await spawnChild('subgraphs');
    const sg = await subgraphs.ask<SubgraphsReady>('start', {
      databaseUrl: db.url,
      subgraphSecret,
      enterprises: ENTERPRISES,
    } satisfies SubgraphArgs);
    process.stdout.write(`seeded: ${sg.seeded}\n`);
    const gatewayArgs: GatewayArgs = {
      supergraphSdl: composeSupergraph(readSubgraphSources()),
      subgraphUrls: sg.urls,
      jwtSecret,
      subgraphSecret,
    };
    const hive = await startGatewayProcess('hive', 'Hive Gateway (ours)', gatewayArgs);
    gateways.push(hive);
    const apollo = await startGatewayProcess('apollo', 'Apollo Gateway 2.14 (stock)', gatewayArgs);
    gateways.push(apollo);
    const hiveStock = await startGatewayProcess(
      'hive-stock',
      'Hive Gateway + Rust planner (stock)',
      gatewayArgs,
    );
    gateways.push(hiveStock);
    process.stdout.write(
      `processes: subgraphs ${subgraphs.pid}, our gateway ${hive.child.pid}, stock Apollo ${apollo.child.pid}, stock Hive ${hiveStock.child.pid}, load generator ${process.pid}\n`,
    );

    const bearer = { authorization: `Bearer ${await issueToken(ADMIN, jwtSecret, { expiresIn: '1h' })}` };
    const ours: Target = { name: hive.name, headers: () => bearer, gateway: hive };
    const stock: Target = { name: apollo.name, headers: () => bearer, gateway: apollo };
    const bare: Target = { name: hiveStock.name, headers: () => bearer, gateway: hiveStock };
    const enterprisesUrl = sg.urls['enterprises'] as string;
    const direct: Target = {
      name: 'enterprises subgraph (direct)',
      url: enterprisesUrl,
      headers: (body) => signViewer(ADMIN, subgraphSecret, { subgraph: 'enterprises', body }),
    };
    process.stdout.write(`${await check([ours, stock, bare, direct])}\n`);

    process.stdout.write(
      `loads: ${CONNECTIONS} connections, ${DURATION} s each in ${ROUNDS} rounds taken in turn, after a ${WARMUP} s warm-up, page sizes ${MIN_PAGE}–${MAX_PAGE} in turn\n`,
    );
    const load0 = loadavg()[0] ?? NaN;
    const results: Result[] = [];
    const sgs = subgraphs;
    // The targets of a load take turns, ROUNDS times, so that a change in the machine's load
    // (it is shared) falls on all of them alike.
    const run = async (label: string, query: string, targets: Target[]) => {
      const rounds = new Map<Target, Result[]>(targets.map((t) => [t, []]));
      const seconds = DURATION / ROUNDS;
      for (let round = 0; round < ROUNDS; round++)
        for (const t of targets)
          rounds
            .get(t)
            ?.push(await load(label, query, t, sgs, { warmup: round === 0 ? WARMUP : 0, duration: seconds }));
      return targets.map((t) => {
        const r = combine(rounds.get(t) ?? [], seconds * ROUNDS);
        process.stdout.write(
          `  ${label}, ${t.name}: ${r.rps.toFixed(0)} req/s, ${fmt(r.gatewayCpuMs)} ms gateway CPU per request (subgraph calls per request: ${r.callsBySubgraph})\n`,
        );
        results.push(r);
        return r;
      });
    };
    const [boardOurs, boardStock] = (await run('dispatch board', BOARD, [ours, stock, bare])) as [
      Result,
      Result,
    ];
    const [listOurs, listStock, , listDirect] = (await run('enterprise list', LIST, [
      ours,
      stock,
      bare,
      direct,
    ])) as [Result, Result, Result, Result];

    const lines = [
      '',
      `## Gateway benchmark — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `${sg.seeded.replace(/ \(.*\)$/, '')}; ${CONNECTIONS} connections, ${DURATION} s per load in ${ROUNDS} rounds taken in turn (p50/p99: median of the rounds) after ${WARMUP} s warm-up, page size ${MIN_PAGE}–${MAX_PAGE}`,
      '',
      table(results),
      '',
    ];
    const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    const rpsRatio = boardOurs.rps / boardStock.rps;
    const cpuRatio = (boardOurs.gatewayCpuMs ?? NaN) / (boardStock.gatewayCpuMs ?? NaN);
    const overhead = listDirect.rps / listOurs.rps;
    lines.push(
      `- dispatch board throughput, ours ÷ stock Apollo: ${rpsRatio.toFixed(2)}× (target ≥ 1.30×) ${mark(rpsRatio >= 1.3)}`,
      `- dispatch board gateway CPU per request, ours ÷ stock Apollo: ${(cpuRatio * 100).toFixed(0)}% (target ≤ 70%) ${mark(cpuRatio <= 0.7)}`,
      `- list overhead, direct req/s ÷ our gateway's: ${overhead.toFixed(2)}× (target ≤ 1.30×) ${mark(overhead <= 1.3)}`,
      `- for reference: list throughput ours ÷ stock ${(listOurs.rps / listStock.rps).toFixed(2)}×, gateway CPU per list request ${(((listOurs.gatewayCpuMs ?? NaN) / (listStock.gatewayCpuMs ?? NaN)) * 100).toFixed(0)}%; stock Apollo's list overhead ${(listDirect.rps / listStock.rps).toFixed(2)}×`,
      `- gateway resident memory after the loads: ours ${fmt(listOurs.gatewayRssMb, 0)} MB, stock Apollo ${fmt(listStock.gatewayRssMb, 0)} MB`,
      '',
    );
    for (const r of results.filter((x) => x.processNote))
      lines.push(`† ${r.load}, ${r.target}: ${r.processNote}`);
    for (const r of results) {
      const problems = [
        r.non2xx ? `${r.non2xx} non-2xx answers` : '',
        r.socketErrors ? `${r.socketErrors} connection errors` : '',
        r.timeouts ? `${r.timeouts} timeouts` : '',
        r.graphqlErrors ? `${r.graphqlErrors} answers with GraphQL errors, the first: ${r.firstError}` : '',
        Object.keys(r.subgraphErrors).length ? `subgraph errors ${JSON.stringify(r.subgraphErrors)}` : '',
      ].filter(Boolean);
      if (problems.length) {
        failed = true;
        lines.push(`ERRORS — ${r.load}, ${r.target}: ${problems.join('; ')}`);
      }
    }
    lines.push(
      `load average (1 min) ${load0.toFixed(2)} before the loads, ${loadavg()[0]?.toFixed(2)} after; total time ${((Date.now() - started) / 1000).toFixed(0)} s`,
      '',
    );
    process.stdout.write(lines.join('\n'));

    // A gateway process that died before, or while being stopped, is part of the result.
    const after: string[] = [];
    for (const g of gateways) {
      recordDeath(g);
      if (!g.child.exited() && !(await g.child.stop()))
        recordDeath(
          g,
          `when asked to stop at the end of the run, ${((Date.now() - (g.lastLoadEnd ?? 0)) / 1000).toFixed(1)} s after its last load ended`,
        );
      for (const death of g.deaths) {
        failed = true;
        after.push(`PROCESS DIED — ${death}`);
      }
      const warnings = g.pastWarnings + g.child.stderr.warnings;
      if (warnings)
        after.push(
          `${g.name} wrote ${warnings} MaxListenersExceededWarning lines, the last process's first: ${g.child.stderr.firstWarning?.trim()}`,
        );
    }
    if (after.length) process.stdout.write(`${after.join('\n')}\n`);
  } finally {
    for (const g of gateways.reverse()) await g.child.stop();
    await subgraphs?.stop();
    await db.drop();
  }
  if (failed) process.exitCode = 1;
}

const role = process.argv[2] as ChildRole | undefined;
(role ? runChild(role) : main()).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
