import { z } from 'zod';
import { ConfigError, definedEnv } from '@sfw/subgraph-kit';

const schema = z.object({
  CADRES_VISIT_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(14),
});

/** The cadres subgraph's own settings (beside the kit's; see the README's configuration table). */
export interface CadresSettings {
  /** 扎堆走访 guard: a visit on the same question within this many days is refused unless overridden. */
  visitWindowDays: number;
}

export function loadCadresSettings(env: Record<string, string | undefined>): CadresSettings {
  const parsed = schema.safeParse(definedEnv(env));
  if (!parsed.success)
    throw new ConfigError(
      'cadres',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  return { visitWindowDays: parsed.data.CADRES_VISIT_WINDOW_DAYS };
}
