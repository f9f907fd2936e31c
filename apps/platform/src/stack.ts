import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { issueToken, loadGatewayConfig, startGateway, type RunningGateway } from '@sfw/gateway';
import {
  compilePgliteModule,
  createLogger,
  InProcessEventBus,
  startSubgraph,
  type Logger,
  type RunningSubgraph,
  type SubgraphConfig,
} from '@sfw/subgraph-kit';
import { loadPlatformConfig, type PlatformConfig } from './config';
import { DEMO_IDS, DEMO_ROLE_KEYS, demoViewers, type DemoRoleKey } from './demo-users';
import { loadOrCreateSecrets } from './secrets';
import { SubgraphWorkers } from './workers/pool';
import { loadService, SERVICE_NAMES, type Commands, type ServiceName } from './workers/services';
import type { WorkerMemory } from './workers/subgraph-worker';
import { devUsersOf, webRoutes, withWebTrustedDocuments, type DevUser } from './web';

export interface DemoToken {
  token: string;
  sub: string;
  name?: string;
  roles: string[];
  enterpriseId?: string;
  cadreId?: string;
  departmentId?: string;
  regionCode?: string;
}

/** Memory of the whole process and, in worker mode, of each subgraph worker's isolate. */
export interface StackMemory {
  /** Resident set of the process: the main thread and every worker. */
  rss: number;
  /** The main thread's V8 heap (gateway) and its memory outside the heap. */
  mainHeapUsed: number;
  mainExternal: number;
  workers: Record<string, WorkerMemory>;
}

export interface RunningStack {
  url: string;
  gateway: RunningGateway;
  /** `workers`: each subgraph in its own worker thread; `single`: everything on the main thread. */
  mode: 'workers' | 'single';
  subgraphUrls: Record<ServiceName, string>;
  /** The subgraph workers (worker mode). */
  workers?: SubgraphWorkers;
  /** The running subgraphs themselves (single-thread mode only). */
  inProcess?: Record<ServiceName, RunningSubgraph<unknown>>;
  tokens: Record<DemoRoleKey, DemoToken>;
  tokensFile: string;
  seeded: number;
  memory(): Promise<StackMemory>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /**
   * A subgraph worker kept dying (or could not start again): the stack cannot serve. `npm start`
   * stops and exits non-zero; the default logs and does the same.
   */
  onFatal?: (err: Error) => void;
}

/** What the seed needs of the running subgraphs, whichever thread they run on. */
interface Parts {
  url(name: ServiceName): string;
  drain(name: ServiceName): Promise<number>;
  command<R>(name: ServiceName, command: string, args?: unknown): Promise<R>;
}

/**
 * The whole platform in one process: every subgraph on its own embedded PGlite (or the
 * PostgreSQL its URL names) on a free port, and the gateway. By default (EMBEDDED_WORKERS=true)
 * each subgraph runs in its own worker thread, its events brokered by the main thread, so a heavy
 * request in one never stalls the gateway or the others; EMBEDDED_WORKERS=false runs everything
 * on the main thread with one in-process event bus.
 */
export async function startStack(
  overrides: Partial<PlatformConfig> = {},
  env: Record<string, string | undefined> = process.env,
  log?: Logger,
  options: StackOptions = {},
): Promise<RunningStack> {
  const config = { ...loadPlatformConfig(env), ...overrides };
  const logger = log ?? createLogger('platform', config.LOG_LEVEL);
  const dataDir = resolve(env['INIT_CWD'] ?? process.cwd(), config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const secrets = loadOrCreateSecrets(dataDir);
  const common: Partial<SubgraphConfig> = {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    subgraphSecret: secrets.subgraphSecret,
    eventBus: 'inprocess',
  };
  // Subgraph env: the process env minus ports meant for other processes.
  const { PORT: _port, ...rest } = env;
  const subgraphEnv = { ...rest, LOG_LEVEL: config.LOG_LEVEL };

  const started: { name: string; stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const part of started.reverse()) {
      const t0 = Date.now();
      await part.stop().catch((err: unknown) => logger.error({ err, part: part.name }, 'stop failed'));
      logger.info({ part: part.name, ms: Date.now() - t0 }, 'stopped');
    }
    started.length = 0;
  };
  try {
    let parts: Parts;
    let workers: SubgraphWorkers | undefined;
    let inProcess: Record<ServiceName, RunningSubgraph<unknown>> | undefined;
    if (config.EMBEDDED_WORKERS) {
      const pool = new SubgraphWorkers({
        logger,
        heapLimitMb: config.EMBEDDED_WORKER_HEAP_MB,
        onFatal:
          options.onFatal ??
          ((err) => {
            logger.fatal({ err }, err.message);
            void stopAll().finally(() => process.exit(1));
          }),
      });
      workers = pool;
      started.push({ name: 'subgraph workers', stop: () => pool.stop() });
      await pool.startAll(SERVICE_NAMES, {
        env: subgraphEnv,
        overrides: common,
        logLevel: config.LOG_LEVEL,
        // Compiled once here and shared by every worker's PGlite.
        ...(env['DATABASE_URL'] ? {} : { pgliteModule: await compilePgliteModule() }),
      });
      parts = {
        url: (name) => pool.urlOf(name),
        drain: (name) => pool.drain(name),
        command: (name, command, args) => pool.command(name, command, args),
      };
    } else {
      const bus = new InProcessEventBus();
      const running = {} as Record<ServiceName, RunningSubgraph<unknown>>;
      const commands = {} as Record<ServiceName, Commands>;
      for (const name of SERVICE_NAMES) {
        const service = await loadService(name);
        const sg = await startSubgraph(service.definition, { bus, env: subgraphEnv, overrides: common });
        started.push(sg);
        running[name] = sg;
        commands[name] = service.commands(sg, logger);
      }
      inProcess = running;
      parts = {
        url: (name) => running[name].url,
        drain: (name) => running[name].relay.drain(),
        command: async <R>(name: ServiceName, command: string, args: unknown = null) => {
          const run = commands[name][command];
          if (!run) throw new Error(`${name}: no command ${command}`);
          return (await run(args as never)) as R;
        },
      };
    }
    const { seeded, demoEnterprise } = await seedDemo(parts, config, logger);

    const gatewayConfig = loadGatewayConfig({
      ...env,
      // The built web app sends its trusted documents by hash: the gateway must know them.
      TRUSTED_DOCUMENTS: withWebTrustedDocuments(env['TRUSTED_DOCUMENTS']),
      GATEWAY_PORT: String(config.GATEWAY_PORT),
      GATEWAY_HOST: config.GATEWAY_HOST,
      LOG_LEVEL: config.LOG_LEVEL,
    });
    const jwtFromEnv = Boolean(env['JWT_SECRET'] || env['JWKS_URL']);
    const subgraphUrls = Object.fromEntries(SERVICE_NAMES.map((n) => [n, parts.url(n)])) as Record<
      ServiceName,
      string
    >;
    let devUsers: DevUser[] | undefined = undefined; // set once the demo tokens are issued
    const gateway = await startGateway(
      {
        ...gatewayConfig,
        jwt: jwtFromEnv ? gatewayConfig.jwt : { ...gatewayConfig.jwt, secret: secrets.jwtSecret },
        subgraphSecret: secrets.subgraphSecret,
        subgraphUrls: { ...gatewayConfig.subgraphUrls, ...subgraphUrls },
      },
      {
        // The web app at / and, outside production, the development sign-in's demo users.
        routes: webRoutes({
          devUsers: gatewayConfig.env === 'production' ? undefined : () => devUsers,
        }),
      },
    );
    started.push({ name: 'gateway', stop: () => gateway.stop() });

    const cadreRegionCode = await parts.command<string | undefined>('cadres', 'cadre.regionCode', {
      id: DEMO_IDS.cadreId,
    });
    const viewers = demoViewers(demoEnterprise, { cadreRegionCode });
    const tokens = {} as Record<DemoRoleKey, DemoToken>;
    const signingSecret =
      gatewayConfig.jwt.secret && jwtFromEnv ? gatewayConfig.jwt.secret : secrets.jwtSecret;
    // The gateway refuses a token that lives longer than JWT_MAX_LIFETIME: never issue one.
    const ttl = demoTokenSeconds(config.DEMO_TOKEN_TTL, gatewayConfig.jwt.maxLifetimeSeconds);
    if (ttl < durationSeconds(config.DEMO_TOKEN_TTL))
      logger.warn(
        { DEMO_TOKEN_TTL: config.DEMO_TOKEN_TTL, seconds: ttl },
        'DEMO_TOKEN_TTL exceeds the gateway’s JWT_MAX_LIFETIME: demo tokens live that long instead',
      );
    for (const key of DEMO_ROLE_KEYS) {
      const viewer = viewers[key];
      tokens[key] = {
        token: await issueToken(viewer, signingSecret, {
          expiresIn: `${ttl}s`,
          issuer: gatewayConfig.jwt.issuer,
          audience: gatewayConfig.jwt.audience,
        }),
        ...viewer,
      };
    }
    devUsers = devUsersOf(tokens);
    const tokensFile = join(dataDir, 'demo-tokens.json');
    writeFileSync(tokensFile, JSON.stringify(tokens, null, 2) + '\n', { mode: 0o600 });

    return {
      url: gateway.url,
      gateway,
      mode: workers ? 'workers' : 'single',
      subgraphUrls,
      workers,
      inProcess,
      tokens,
      tokensFile,
      seeded,
      memory: async () => {
        const m = process.memoryUsage();
        return {
          rss: m.rss,
          mainHeapUsed: m.heapUsed,
          mainExternal: m.external,
          workers: workers ? await workers.memory() : {},
        };
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/**
 * The demo city on first start, service by service in the order of their events: enterprises,
 * cadres (departments, pairings, visits), a year of appeals, ratings and review cycles, policies.
 * Each service's outbox is drained before the next seeds, so its projections are complete.
 */
async function seedDemo(
  parts: Parts,
  config: PlatformConfig,
  logger: Logger,
): Promise<{ seeded: number; demoEnterprise: string }> {
  const seeded = await parts.command<number>('enterprises', 'seed.enterprises', {
    count: config.DEMO_ENTERPRISES,
  });
  // Deliver every enterprise event now, so the cadres projection is complete before its seed.
  await parts.drain('enterprises');
  const demoEnterprise = await parts.command<string>('enterprises', 'seed.demoEnterpriseId');
  const cadreSeed = await parts.command<Record<string, unknown> | null>('cadres', 'seed.cadres', {
    ids: { departmentId: DEMO_IDS.departmentId, cadreId: DEMO_IDS.cadreId, cadreAccount: 'demo-cadre' },
    demoEnterpriseId: demoEnterprise,
  });
  if (cadreSeed) logger.info(cadreSeed, 'seeded demo departments, cadres, pairings and visits');
  // Deliver the departments, pairings and visits to the issues projection, then a year of appeals.
  await parts.drain('cadres');
  const issues = await parts.command<{
    issueSeed: Record<string, unknown> & { luqiaoDepartmentId: string | null };
    commonProblems: number;
  } | null>('issues', 'seed.issues');
  if (issues)
    logger.info(
      { ...issues.issueSeed, commonProblems: issues.commonProblems },
      'seeded a year of demo appeals',
    );
  await parts.drain('issues');
  // Every appeal event is now in the evaluations projection: ratings and feedback, then the cycles.
  const evaluations = await parts.command<{
    evaluationSeed: Record<string, unknown>;
    cycles: unknown;
  } | null>('evaluations', 'seed.evaluations', {
    options: issues ? { luqiaoDepartmentId: issues.issueSeed.luqiaoDepartmentId } : {},
    cycles: { regionCode: DEMO_CITY, ...demoCyclePeriods(new Date()) },
  });
  if (evaluations)
    logger.info(
      { ...evaluations.evaluationSeed, cycles: evaluations.cycles },
      'seeded demo ratings, feedback and review cycles',
    );
  // Enterprises and departments reached the policies projection: the catalogue, matched, with a year of applications.
  const policySeed = await parts.command<Record<string, unknown> | null>('policies', 'seed.policies');
  if (policySeed) logger.info(policySeed, 'seeded demo policies, matches and applications');
  return { seeded, demoEnterprise };
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** A duration like 30d, 12h, 15m or 90s in seconds. */
export function durationSeconds(text: string): number {
  const m = /^(\d+)([smhd])$/.exec(text);
  if (!m) throw new Error(`not a duration: ${text}`);
  return Number(m[1]) * (UNIT_SECONDS[m[2] as string] ?? 1);
}

/** How long the demo tokens live: DEMO_TOKEN_TTL, but never past the gateway's maximum lifetime. */
export function demoTokenSeconds(ttl: string, maxLifetimeSeconds: number): number {
  return Math.min(durationSeconds(ttl), maxLifetimeSeconds);
}

/** The demo city (台州市): its demo review cycles cover it. */
const DEMO_CITY = '331000';

/**
 * The demo review cycles: the last three whole quarters before today published (a trend), and
 * the last whole month run but left open for the evaluator desk.
 */
export function demoCyclePeriods(today: Date): { published: string[]; inProgress: string } {
  const china = new Date(today.getTime() + 8 * 3_600_000);
  const y = china.getUTCFullYear();
  const m = china.getUTCMonth(); // 0-based
  const q = Math.floor(m / 3); // current quarter, 0-based
  const published: string[] = [];
  for (let k = 3; k >= 1; k--) {
    const qq = q - k;
    const yy = qq < 0 ? y - 1 : y;
    published.push(`${yy}-Q${(((qq % 4) + 4) % 4) + 1}`);
  }
  const lm = m === 0 ? 12 : m;
  const ly = m === 0 ? y - 1 : y;
  return { published, inProgress: `${ly}-${String(lm).padStart(2, '0')}` };
}
