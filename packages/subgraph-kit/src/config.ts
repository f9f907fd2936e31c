import { resolve } from 'node:path';
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`配置无效 / invalid configuration for ${service}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Secret used in development only; production refuses it. */
export const DEV_SUBGRAPH_SECRET = 'dev-only-subgraph-secret-change-me-0000';

/**
 * Secrets and passwords that are, or were, written in this repository: development defaults,
 * the examples in docker-compose.yml, infra/** and the READMEs (also those since removed: git
 * history keeps them public), and a few passwords every scanner tries first. Production refuses
 * all of them (see isPublishedSecret). Compared case-insensitively.
 *
 * config.spec.ts scans docker-compose.yml, infra/** and README.md for secret assignments and
 * fails when a value found there is not refused, so a new example value must either have a
 * placeholder shape (see PLACEHOLDER_SHAPES) or be added here.
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  DEV_SUBGRAPH_SECRET,
  // The gateway's DEV_JWT_SECRET (apps/gateway/src/config.ts).
  'dev-only-jwt-secret-change-me-00000000000',
  // Former docker-compose.yml defaults.
  'dev-only-subgraph-secret-change-me-0123456789',
  'dev-only-jwt-secret-change-me-0123456789abcdef',
  // Former infra/k8s/base/secret.yaml placeholders.
  'change-me-subgraph-secret-at-least-32-chars',
  'change-me-jwt-hs256-secret-at-least-32-chars',
  // The compose / dev-cluster / Dockerfile example database password, and the usual guesses.
  'sfw',
  'postgres',
  'password',
  'secret',
  'admin',
  'root',
];

/**
 * Shapes no generated secret has: the words examples use, `<...>` / `${...}` / `$(...)` templates
 * and a short unit repeated (`xxxx…`, `abab…`, `...`). isPublishedSecret also refuses runs of 8
 * consecutive characters (`01234567`, `abcdefgh`) as typed into examples and tests.
 */
export const PLACEHOLDER_SHAPES: readonly RegExp[] = [
  /change[-_ ]?me/i,
  /dev[-_ ]?only/i,
  /replace[-_ ]?me/i,
  /your[-_ ]/i,
  /example/i,
  /placeholder/i,
  /^<.*>$/,
  /\$\{.*\}|\$\(.*\)/,
  /^(.{1,8})\1+$/s,
];

/** A run of `length` characters counting up by one (`0123…`, `abcd…`), ignoring case. */
function hasAscendingRun(value: string, length: number): boolean {
  const lower = value.toLowerCase();
  let run = 1;
  for (let i = 1; i < lower.length; i++) {
    run = lower.charCodeAt(i) === lower.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

/**
 * True when `value` must never be a production secret: it is published in this repository
 * (PUBLISHED_SECRETS) or has a placeholder shape (PLACEHOLDER_SHAPES, runs like `01234567`).
 * The gateway uses it too.
 */
export function isPublishedSecret(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  const lower = v.toLowerCase();
  if (PUBLISHED_SECRETS.some((s) => s.toLowerCase() === lower)) return true;
  return PLACEHOLDER_SHAPES.some((re) => re.test(v)) || hasAscendingRun(v, 8);
}

/** The password of a postgres:// URL (decoded), or undefined when it has none or is no URL. */
export function databaseUrlPassword(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.password === '') return undefined;
  try {
    return decodeURIComponent(parsed.password);
  } catch {
    return parsed.password;
  }
}

/** The set variables of an environment; empty strings count as unset, as in most deployment tools. */
export function definedEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
}

/** `enterprises` → `ENTERPRISES`: the prefix of a service's own variables. */
export const envPrefix = (serviceName: string): string => serviceName.toUpperCase().replace(/-/g, '_');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const MAKE_SECRET = '`openssl rand -base64 48`';
const MAKE_PASSWORD = '`openssl rand -hex 24`';

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL');

/** Settings every subgraph service reads (see the configuration table in the README). */
export function subgraphEnvSchema(serviceName: string, defaultPort: number) {
  const prefix = envPrefix(serviceName);
  return z
    .object({
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      HOST: z.string().min(1).default('0.0.0.0'),
      PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
      DATABASE_URL: postgresUrl.optional(),
      SERVICE_DATABASE_URL: postgresUrl.optional(),
      DATA_DIR: z.string().min(1).default('.data'),
      DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
      SUBGRAPH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      MIGRATIONS_RUN: bool.default(true),
      EVENT_BUS: z.enum(['inprocess', 'nats']).default('inprocess'),
      NATS_URL: z
        .string()
        .regex(/^nats:\/\/.+/, 'must be a nats:// URL')
        .default('nats://127.0.0.1:4222'),
      OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60000).default(1000),
    })
    .superRefine((env, ctx) => {
      if (env.NODE_ENV !== 'production') return;
      if (!env.SUBGRAPH_SECRET)
        ctx.addIssue({
          code: 'custom',
          path: ['SUBGRAPH_SECRET'],
          message: `required in production (a random value of 32+ characters shared with the gateway, e.g. ${MAKE_SECRET})`,
        });
      else if (isPublishedSecret(env.SUBGRAPH_SECRET))
        ctx.addIssue({
          code: 'custom',
          path: ['SUBGRAPH_SECRET'],
          message: `is a development, example or placeholder value published in the repository; production needs a random one shared with the gateway (e.g. ${MAKE_SECRET})`,
        });
      // The URL the service connects with (its own wins, as in loadSubgraphConfig).
      const urlKey = env.SERVICE_DATABASE_URL !== undefined ? 'SERVICE_DATABASE_URL' : 'DATABASE_URL';
      const url = env[urlKey];
      const password = url === undefined ? undefined : databaseUrlPassword(url);
      if (password !== undefined && isPublishedSecret(password))
        ctx.addIssue({
          code: 'custom',
          path: [urlKey],
          message: `its password is a development, example or placeholder value published in the repository; production needs a random one (e.g. ${MAKE_PASSWORD}, URL-safe)`,
        });
      if (!env.DATABASE_URL && !env.SERVICE_DATABASE_URL)
        ctx.addIssue({
          code: 'custom',
          path: ['DATABASE_URL'],
          message: `production needs DATABASE_URL or ${prefix}_DATABASE_URL (embedded PGlite is for development)`,
        });
      if (env.EVENT_BUS === 'inprocess')
        ctx.addIssue({
          code: 'custom',
          path: ['EVENT_BUS'],
          message: 'production runs services as separate processes: set EVENT_BUS=nats',
        });
    });
}

export interface SubgraphConfig {
  serviceName: string;
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Real PostgreSQL when set; otherwise embedded PGlite under `dataDir/<service>`. */
  databaseUrl?: string;
  dataDir: string;
  poolMax: number;
  subgraphSecret: string;
  logLevel: string;
  runMigrations: boolean;
  eventBus: 'inprocess' | 'nats';
  natsUrl: string;
  outboxPollMs: number;
}

/**
 * Parse a validated environment in one pass, reporting every problem at once.
 * Throws ConfigError; `main` turns it into a non-zero exit with the list.
 */
export function loadSubgraphConfig(
  serviceName: string,
  defaultPort: number,
  env: Record<string, string | undefined> = process.env,
): SubgraphConfig {
  const prefix = envPrefix(serviceName);
  const cleaned = definedEnv(env);
  // The service's own URL (e.g. ENTERPRISES_DATABASE_URL) wins over the shared DATABASE_URL.
  const own = cleaned[`${prefix}_DATABASE_URL`];
  if (own !== undefined) cleaned['SERVICE_DATABASE_URL'] = own;
  const parsed = subgraphEnvSchema(serviceName, defaultPort).safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      serviceName,
      parsed.error.issues.map((i) => {
        const path = i.path.join('.').replace('SERVICE_DATABASE_URL', `${prefix}_DATABASE_URL`);
        return `${path || '(env)'}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    serviceName,
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.SERVICE_DATABASE_URL ?? e.DATABASE_URL,
    // Relative to where the user ran npm (INIT_CWD), not the workspace folder npm switched to.
    dataDir: resolve(env['INIT_CWD'] ?? process.cwd(), e.DATA_DIR),
    poolMax: e.DB_POOL_MAX,
    subgraphSecret: e.SUBGRAPH_SECRET ?? DEV_SUBGRAPH_SECRET,
    logLevel: e.LOG_LEVEL,
    runMigrations: e.MIGRATIONS_RUN,
    eventBus: e.EVENT_BUS,
    natsUrl: e.NATS_URL,
    outboxPollMs: e.OUTBOX_POLL_MS,
  };
}
