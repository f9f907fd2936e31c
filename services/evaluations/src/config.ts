import { z } from 'zod';

/** The evaluations service's own settings (see the README's configuration table). */
export interface EvaluationsConfig {
  /** Days after an answer during which the enterprise may rate it (EVALUATIONS_RATING_WINDOW_DAYS). */
  ratingWindowDays: number;
  /** Working days to verify a bad rating (EVALUATIONS_VERIFY_WORKDAYS). */
  verifyWorkdays: number;
  /** Working days to rectify and report (EVALUATIONS_RECTIFY_WORKDAYS). */
  rectifyWorkdays: number;
}

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

const schema = z.object({
  EVALUATIONS_RATING_WINDOW_DAYS: int(30, 1, 365),
  EVALUATIONS_VERIFY_WORKDAYS: int(5, 1, 60),
  EVALUATIONS_RECTIFY_WORKDAYS: int(15, 1, 120),
});

export function loadEvaluationsConfig(env: Record<string, string | undefined>): EvaluationsConfig {
  const parsed = schema.safeParse({
    EVALUATIONS_RATING_WINDOW_DAYS: env['EVALUATIONS_RATING_WINDOW_DAYS'] || undefined,
    EVALUATIONS_VERIFY_WORKDAYS: env['EVALUATIONS_VERIFY_WORKDAYS'] || undefined,
    EVALUATIONS_RECTIFY_WORKDAYS: env['EVALUATIONS_RECTIFY_WORKDAYS'] || undefined,
  });
  if (!parsed.success)
    throw new Error(
      `invalid evaluations settings: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}`,
    );
  const c = parsed.data;
  if (c.EVALUATIONS_RECTIFY_WORKDAYS < c.EVALUATIONS_VERIFY_WORKDAYS)
    throw new Error(
      'invalid evaluations settings: EVALUATIONS_RECTIFY_WORKDAYS must not be shorter than EVALUATIONS_VERIFY_WORKDAYS',
    );
  return {
    ratingWindowDays: c.EVALUATIONS_RATING_WINDOW_DAYS,
    verifyWorkdays: c.EVALUATIONS_VERIFY_WORKDAYS,
    rectifyWorkdays: c.EVALUATIONS_RECTIFY_WORKDAYS,
  };
}
