import { z } from 'zod';
import { definedEnv, DEV_SUBGRAPH_SECRET } from '@sfw/subgraph-kit';

/** Development-only JWT secret; production refuses it. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-00000000000';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    GATEWAY_HOST: z.string().min(1).default('0.0.0.0'),
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWKS_URL: z.url().optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    SUBGRAPH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
    MAX_QUERY_COST: z.coerce.number().int().min(10).max(1_000_000).default(20_000),
    CORS_ORIGINS: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SUPERGRAPH_PATH: z.string().min(1).optional(),
    INTROSPECTION: bool.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if ((!env.JWT_SECRET || env.JWT_SECRET === DEV_JWT_SECRET) && !env.JWKS_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message:
          'production needs JWKS_URL (external identity provider) or a random JWT_SECRET of 32+ characters',
      });
    if (!env.SUBGRAPH_SECRET || env.SUBGRAPH_SECRET === DEV_SUBGRAPH_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['SUBGRAPH_SECRET'],
        message: 'required in production (the value every subgraph has)',
      });
  });

export interface GatewayConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  jwt: { secret?: string; jwksUrl?: string; issuer?: string; audience?: string };
  subgraphSecret: string;
  maxDepth: number;
  maxCost: number;
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
  return {
    env: e.NODE_ENV,
    host: e.GATEWAY_HOST,
    port: e.GATEWAY_PORT,
    jwt: e.JWKS_URL
      ? { jwksUrl: e.JWKS_URL, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE }
      : { secret: e.JWT_SECRET ?? DEV_JWT_SECRET, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
    subgraphSecret: e.SUBGRAPH_SECRET ?? DEV_SUBGRAPH_SECRET,
    maxDepth: e.MAX_QUERY_DEPTH,
    maxCost: e.MAX_QUERY_COST,
    corsOrigins: e.CORS_ORIGINS?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    supergraphPath: e.SUPERGRAPH_PATH,
    introspection: e.INTROSPECTION ?? e.NODE_ENV !== 'production',
    subgraphUrls,
  };
}
