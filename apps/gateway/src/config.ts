import { z } from 'zod';
import { ALL_ROLES, Role } from '@sfw/shared-types';
import { definedEnv, DEV_SUBGRAPH_SECRET, isPublishedSecret } from '@sfw/subgraph-kit';

/** Development-only JWT secret; production refuses it. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-00000000000';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** `30d`, `12h`, `15m`, `90s` → seconds. */
const duration = z
  .string()
  .regex(/^\d+[smhd]$/, 'a duration like 30d, 12h, 15m or 90s')
  .transform((v) => Number(v.slice(0, -1)) * { s: 1, m: 60, h: 3600, d: 86400 }[v.slice(-1) as 's']);

/** Who may run documents that no client registered (see the README's trusted documents). */
const arbitrary = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .pipe(
    z.union([
      z.enum(['all', 'none']),
      z
        .string()
        .regex(/^[a-z]+(,[a-z]+)*$/, 'all, none or a comma-separated list of roles')
        .refine((v) => v.split(',').every((r) => (ALL_ROLES as string[]).includes(r)), {
          message: `roles must be among ${ALL_ROLES.join(', ')}`,
        }),
    ]),
  );

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    GATEWAY_HOST: z.string().min(1).default('0.0.0.0'),
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWKS_URL: z.url().optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    JWT_MAX_LIFETIME: duration.default(30 * 86400),
    JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
    SUBGRAPH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
    MAX_QUERY_COST: z.coerce.number().int().min(10).max(10_000_000).default(20_000),
    MAX_QUERY_TOKENS: z.coerce.number().int().min(50).max(100_000).default(3_000),
    MAX_QUERY_ALIASES: z.coerce.number().int().min(0).max(1_000).default(30),
    MAX_QUERY_DIRECTIVES: z.coerce.number().int().min(0).max(1_000).default(30),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1_024)
      .max(100 * 1024 * 1024)
      .default(20 * 1024 * 1024),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(25_000),
    TRUSTED_DOCUMENTS: z.string().optional(),
    TRUSTED_DOCUMENTS_DIR: z.string().min(1).optional(),
    ARBITRARY_DOCUMENTS: arbitrary.optional(),
    EXPLORER: bool.optional(),
    METRICS: bool.default(true),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default('gateway'),
    CORS_ORIGINS: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SUPERGRAPH_PATH: z.string().min(1).optional(),
    INTROSPECTION: bool.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if ((!env.JWT_SECRET || isPublished(env.JWT_SECRET)) && !env.JWKS_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message:
          'production needs JWKS_URL (external identity provider) or a random JWT_SECRET of 32+ characters that appears nowhere in the repository',
      });
    if (!env.SUBGRAPH_SECRET || isPublished(env.SUBGRAPH_SECRET))
      ctx.addIssue({
        code: 'custom',
        path: ['SUBGRAPH_SECRET'],
        message:
          'required in production (the random value every subgraph has, appearing nowhere in the repository)',
      });
    for (const key of ['JWT_ISSUER', 'JWT_AUDIENCE'] as const)
      if (!env[key])
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'required in production (tokens of another issuer or audience are refused)',
        });
  });

/** Values published in this repository (or shaped like placeholders) can never be production secrets. */
const isPublished = (value: string): boolean => value === DEV_JWT_SECRET || isPublishedSecret(value);

export interface GatewayConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  jwt: {
    secret?: string;
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
    /** Longest accepted exp − iat. */
    maxLifetimeSeconds: number;
    clockSkewSeconds: number;
  };
  subgraphSecret: string;
  limits: {
    maxDepth: number;
    maxCost: number;
    maxTokens: number;
    maxAliases: number;
    maxDirectives: number;
    maxBodyBytes: number;
    /** The whole request's deadline; subgraph calls still running then are cancelled. */
    requestTimeoutMs: number;
    subgraphTimeoutMs: number;
  };
  trustedDocuments: {
    /** Manifest files (GraphQL Codegen's persisted-documents.json or Apollo's manifest). */
    files: string[];
    /** A folder whose manifests are loaded and watched. */
    dir?: string;
    /** Who may still send documents nobody registered. */
    arbitrary: 'all' | 'none' | Role[];
  };
  explorer: boolean;
  metrics: boolean;
  otel?: { endpoint: string; serviceName: string };
  /** Allowed browser origins; undefined = any localhost origin in development, none in production. */
  corsOrigins?: string[];
  logLevel: string;
  supergraphPath?: string;
  introspection: boolean;
  /** `<NAME>_URL` overrides of the subgraph URLs written in the supergraph. */
  subgraphUrls: Record<string, string>;
}

export class GatewayConfigError extends Error {}

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const cleaned = definedEnv(env);
  const parsed = schema.safeParse(cleaned);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(cleaned)) {
    const m = /^([A-Z][A-Z0-9_]*)_URL$/.exec(key);
    if (
      !m ||
      key === 'JWKS_URL' ||
      key.endsWith('_DATABASE_URL') ||
      key === 'DATABASE_URL' ||
      key === 'NATS_URL' ||
      !value
    )
      continue;
    if (!/^https?:\/\/.+/.test(value)) problems.push(`${key}: must be an http(s) URL`);
    else subgraphUrls[(m[1] as string).toLowerCase().replace(/_/g, '-')] = value;
  }
  if (!parsed.success || problems.length) {
    throw new GatewayConfigError(`配置无效 / invalid gateway configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const arbitraryDocs = e.ARBITRARY_DOCUMENTS ?? (production ? 'admin,evaluator' : 'all');
  const jwtCommon = {
    issuer: e.JWT_ISSUER,
    audience: e.JWT_AUDIENCE,
    maxLifetimeSeconds: e.JWT_MAX_LIFETIME,
    clockSkewSeconds: e.JWT_CLOCK_SKEW_SECONDS,
  };
  return {
    env: e.NODE_ENV,
    host: e.GATEWAY_HOST,
    port: e.GATEWAY_PORT,
    jwt: e.JWKS_URL
      ? { jwksUrl: e.JWKS_URL, ...jwtCommon }
      : { secret: e.JWT_SECRET ?? DEV_JWT_SECRET, ...jwtCommon },
    subgraphSecret: e.SUBGRAPH_SECRET ?? DEV_SUBGRAPH_SECRET,
    limits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxCost: e.MAX_QUERY_COST,
      maxTokens: e.MAX_QUERY_TOKENS,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxDirectives: e.MAX_QUERY_DIRECTIVES,
      maxBodyBytes: e.MAX_BODY_BYTES,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      subgraphTimeoutMs: Math.min(e.SUBGRAPH_TIMEOUT_MS, e.REQUEST_TIMEOUT_MS),
    },
    trustedDocuments: {
      files: (e.TRUSTED_DOCUMENTS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      dir: e.TRUSTED_DOCUMENTS_DIR,
      arbitrary:
        arbitraryDocs === 'all' || arbitraryDocs === 'none'
          ? arbitraryDocs
          : (arbitraryDocs.split(',') as Role[]),
    },
    explorer: e.EXPLORER ?? !production,
    metrics: e.METRICS,
    otel: e.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME }
      : undefined,
    corsOrigins: e.CORS_ORIGINS?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    supergraphPath: e.SUPERGRAPH_PATH,
    introspection: e.INTROSPECTION ?? !production,
    subgraphUrls,
  };
}
