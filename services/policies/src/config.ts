import { z } from 'zod';

/** The policies service's own settings (see the README's configuration table). */
export interface PoliciesConfig {
  /**
   * Minutes between sweeps that re-match policies whose validity began or ended by date
   * (POLICIES_VALIDITY_SWEEP_MINUTES); 0 turns the timer off (a sweep still runs on start).
   */
  validitySweepMinutes: number;
}

const schema = z.object({
  POLICIES_VALIDITY_SWEEP_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
});

export function loadPoliciesConfig(env: Record<string, string | undefined>): PoliciesConfig {
  const parsed = schema.safeParse({
    POLICIES_VALIDITY_SWEEP_MINUTES: env['POLICIES_VALIDITY_SWEEP_MINUTES'] || undefined,
  });
  if (!parsed.success)
    throw new Error(
      `invalid policies settings: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}`,
    );
  return { validitySweepMinutes: parsed.data.POLICIES_VALIDITY_SWEEP_MINUTES };
}
