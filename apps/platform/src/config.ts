import { z } from 'zod';
import { definedEnv } from '@sfw/subgraph-kit';

const schema = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_ENTERPRISES: z.coerce.number().int().min(0).max(200_000).default(2400),
  DEMO_TOKEN_TTL: z
    .string()
    .regex(/^\d+[smhd]$/, 'a duration like 30d or 12h')
    .default('30d'),
  /** Each subgraph in its own worker thread (true), or every part on the main thread (false). */
  EMBEDDED_WORKERS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** V8 old-space limit of each subgraph worker in MB; 0 keeps Node's default. */
  EMBEDDED_WORKER_HEAP_MB: z.coerce.number().int().min(0).max(65_536).default(0),
});

/** Settings of the embedded stack (`npm start`); each service's own settings still apply. */
export type PlatformConfig = z.infer<typeof schema>;

export function loadPlatformConfig(env: Record<string, string | undefined> = process.env): PlatformConfig {
  const cleaned = definedEnv(env);
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(
      `配置无效 / invalid configuration:\n  - ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  - ')}`,
    );
  }
  return parsed.data;
}
