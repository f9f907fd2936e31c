import { AppError } from './errors';

/** The code of an answer whose computation ran out of its CPU budget. */
export const BUDGET_EXCEEDED = 'BUDGET_EXCEEDED';

/** The CPU budget of one computation in ms: CPU_BUDGET_MS, else 3,000. */
export function defaultCpuBudgetMs(env: Record<string, string | undefined> = process.env): number {
  const ms = Number(env['CPU_BUDGET_MS'] ?? 3_000);
  return Number.isFinite(ms) && ms > 0 ? ms : 3_000;
}

export const budgetExceeded = (what: string, whatEn: string, ms: number): AppError =>
  new AppError(
    BUDGET_EXCEEDED,
    `${what}的计算量超出时限（${ms} 毫秒），请缩小范围后重试`,
    `${whatEn} exceeded its CPU budget of ${ms} ms; narrow the request and try again`,
    { budgetMs: ms },
  );

/**
 * A deadline for CPU-bound work (similarity, clustering, scoring, rendering, rule matching): call
 * `check()` in its loops; past the deadline it throws BUDGET_EXCEEDED, so one request cannot hold
 * its thread for long. Reads the clock once every 64 checks.
 */
export class CpuBudget {
  private readonly deadline: number;
  private calls = 0;

  constructor(
    readonly what: string,
    readonly whatEn: string,
    readonly ms: number = defaultCpuBudgetMs(),
  ) {
    this.deadline = performance.now() + ms;
  }

  check(): void {
    if ((++this.calls & 63) !== 0) return;
    if (performance.now() > this.deadline) throw budgetExceeded(this.what, this.whatEn, this.ms);
  }
}
