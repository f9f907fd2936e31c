import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cadresSubgraph, seedDemoCadres, type CadresServices } from '@sfw/cadres';
import { enterprisesSubgraph, type EnterprisesServices } from '@sfw/enterprises';
import {
  evaluationsSubgraph,
  seedDemoCycles,
  seedDemoEvaluations,
  type EvaluationsServices,
} from '@sfw/evaluations';
import { issuesSubgraph, seedDemoCommonProblems, seedDemoIssues, type IssuesServices } from '@sfw/issues';
import { policiesSubgraph, seedDemoPolicies, type PoliciesServices } from '@sfw/policies';
import { issueToken, loadGatewayConfig, startGateway, type RunningGateway } from '@sfw/gateway';
import {
  createLogger,
  InProcessEventBus,
  startSubgraph,
  type Logger,
  type RunningSubgraph,
} from '@sfw/subgraph-kit';
import { loadPlatformConfig, type PlatformConfig } from './config';
import { DEMO_IDS, DEMO_ROLE_KEYS, demoViewers, type DemoRoleKey } from './demo-users';
import { loadOrCreateSecrets } from './secrets';
import { demoEnterpriseId, seedEnterprises } from './seed';

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

export interface RunningStack {
  url: string;
  gateway: RunningGateway;
  enterprises: RunningSubgraph<EnterprisesServices>;
  cadres: RunningSubgraph<CadresServices>;
  issues: RunningSubgraph<IssuesServices>;
  evaluations: RunningSubgraph<EvaluationsServices>;
  policies: RunningSubgraph<PoliciesServices>;
  tokens: Record<DemoRoleKey, DemoToken>;
  tokensFile: string;
  seeded: number;
  stop(): Promise<void>;
}

/**
 * The whole platform in one process: every subgraph on its own embedded PGlite (or the
 * PostgreSQL its URL names) on a free port, one in-process event bus, and the gateway.
 */
export async function startStack(
  overrides: Partial<PlatformConfig> = {},
  env: Record<string, string | undefined> = process.env,
  log?: Logger,
): Promise<RunningStack> {
  const config = { ...loadPlatformConfig(env), ...overrides };
  const logger = log ?? createLogger('platform', config.LOG_LEVEL);
  const dataDir = resolve(env['INIT_CWD'] ?? process.cwd(), config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const secrets = loadOrCreateSecrets(dataDir);
  const bus = new InProcessEventBus();
  const common = {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    subgraphSecret: secrets.subgraphSecret,
    eventBus: 'inprocess' as const,
  };

  const started: { name: string; stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const part of started.reverse()) {
      const t0 = Date.now();
      await part.stop().catch((err: unknown) => logger.error({ err, part: part.name }, 'stop failed'));
      logger.info({ part: part.name, ms: Date.now() - t0 }, 'stopped');
    }
  };
  try {
    // Subgraph env: the process env minus ports meant for other processes.
    const { PORT: _port, ...subgraphEnv } = env;
    const enterprises = await startSubgraph(enterprisesSubgraph, {
      bus,
      env: { ...subgraphEnv, LOG_LEVEL: config.LOG_LEVEL },
      overrides: common,
    });
    started.push(enterprises);
    // Cadres replays the enterprises' published events into its projection when it subscribes.
    const cadres = await startSubgraph(cadresSubgraph, {
      bus,
      env: { ...subgraphEnv, LOG_LEVEL: config.LOG_LEVEL },
      overrides: common,
    });
    started.push(cadres);
    // Issues projects enterprises, departments, pairings and visits from their events.
    const issues = await startSubgraph(issuesSubgraph, {
      bus,
      env: { ...subgraphEnv, LOG_LEVEL: config.LOG_LEVEL },
      overrides: common,
    });
    started.push(issues);
    // Evaluations projects the appeals (and departments, pairings, visits) from their events.
    const evaluations = await startSubgraph(evaluationsSubgraph, {
      bus,
      env: { ...subgraphEnv, LOG_LEVEL: config.LOG_LEVEL },
      overrides: common,
    });
    started.push(evaluations);
    // Policies projects enterprises (the attributes rules read), departments and pairings.
    const policies = await startSubgraph(policiesSubgraph, {
      bus,
      env: { ...subgraphEnv, LOG_LEVEL: config.LOG_LEVEL },
      overrides: common,
    });
    started.push(policies);

    const seeded = await seedEnterprises(enterprises, config.DEMO_ENTERPRISES, (done, total) =>
      logger.info({ done, total }, `seeding demo enterprises ${done}/${total}`),
    );
    // Deliver every enterprise event now, so the cadres projection is complete before its seed.
    await enterprises.relay.drain();
    const demoEnterprise = await demoEnterpriseId(enterprises);
    const cadreSeed = await seedDemoCadres(
      cadres.database.dataSource,
      cadres.database.schema,
      cadres.outbox,
      {
        ids: { departmentId: DEMO_IDS.departmentId, cadreId: DEMO_IDS.cadreId, cadreAccount: 'demo-cadre' },
        demoEnterpriseId: demoEnterprise,
      },
    );
    if (cadreSeed) logger.info(cadreSeed, 'seeded demo departments, cadres, pairings and visits');
    // Deliver the departments, pairings and visits to the issues projection, then a year of appeals.
    await cadres.relay.drain();
    const issueSeed = await seedDemoIssues(
      issues.database.dataSource,
      issues.database.schema,
      issues.outbox,
      issues.services.calendar,
    );
    if (issueSeed) {
      await issues.services.stats.rebuild();
      const commonProblems = await seedDemoCommonProblems(issues.services.triage);
      logger.info({ ...issueSeed, commonProblems }, 'seeded a year of demo appeals');
    }
    await issues.relay.drain();
    // Every appeal event is now in the evaluations projection: ratings and feedback, then the cycles.
    const evaluationSeed = await seedDemoEvaluations(
      evaluations.database.dataSource,
      evaluations.database.schema,
      evaluations.services.calendar,
      issueSeed ? { luqiaoDepartmentId: issueSeed.luqiaoDepartmentId } : {},
    );
    if (evaluationSeed?.ratings) {
      const cycles = await seedDemoCycles(
        evaluations.services,
        evaluations.database.dataSource,
        evaluations.database.schema,
        {
          regionCode: DEMO_CITY,
          ...demoCyclePeriods(new Date()),
          luqiaoDepartmentId: evaluationSeed.luqiaoDepartmentId,
        },
      );
      logger.info({ ...evaluationSeed, cycles }, 'seeded demo ratings, feedback and review cycles');
    }
    // Enterprises and departments reached the policies projection: the catalogue, matched, with a year of applications.
    const policySeed = await seedDemoPolicies(
      policies.services,
      policies.database.dataSource,
      policies.database.schema,
    );
    if (policySeed) logger.info(policySeed, 'seeded demo policies, matches and applications');

    const gatewayConfig = loadGatewayConfig({
      ...env,
      GATEWAY_PORT: String(config.GATEWAY_PORT),
      GATEWAY_HOST: config.GATEWAY_HOST,
      LOG_LEVEL: config.LOG_LEVEL,
    });
    const jwtFromEnv = Boolean(env['JWT_SECRET'] || env['JWKS_URL']);
    const gateway = await startGateway({
      ...gatewayConfig,
      jwt: jwtFromEnv ? gatewayConfig.jwt : { ...gatewayConfig.jwt, secret: secrets.jwtSecret },
      subgraphSecret: secrets.subgraphSecret,
      subgraphUrls: {
        ...gatewayConfig.subgraphUrls,
        enterprises: enterprises.url,
        cadres: cadres.url,
        issues: issues.url,
        evaluations: evaluations.url,
        policies: policies.url,
      },
    });
    started.push({ name: 'gateway', stop: () => gateway.stop() });

    const demoCadre = await cadres.services.cadres.findByIds([DEMO_IDS.cadreId]);
    const viewers = demoViewers(demoEnterprise, { cadreRegionCode: demoCadre[0]?.regionCode });
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
    const tokensFile = join(dataDir, 'demo-tokens.json');
    writeFileSync(tokensFile, JSON.stringify(tokens, null, 2) + '\n', { mode: 0o600 });

    return {
      url: gateway.url,
      gateway,
      enterprises,
      cadres,
      issues,
      evaluations,
      policies,
      tokens,
      tokensFile,
      seeded,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
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
