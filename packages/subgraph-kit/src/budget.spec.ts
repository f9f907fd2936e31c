import { BUDGET_EXCEEDED, CpuBudget, defaultCpuBudgetMs } from './budget';

describe('CpuBudget', () => {
  it('lets work within its time pass and stops work past it with BUDGET_EXCEEDED in zh-CN', () => {
    const roomy = new CpuBudget('测试计算', 'test computation', 10_000);
    for (let i = 0; i < 10_000; i++) roomy.check();
    const tight = new CpuBudget('测试计算', 'test computation', 5);
    const t0 = performance.now();
    let error: unknown;
    try {
      for (;;) tight.check();
    } catch (err) {
      error = err;
    }
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(error).toMatchObject({
      message: expect.stringContaining('测试计算'),
      extensions: { code: BUDGET_EXCEEDED, messageEn: expect.stringContaining('5 ms'), budgetMs: 5 },
    });
  });

  it('takes CPU_BUDGET_MS, else 3,000 ms', () => {
    expect(defaultCpuBudgetMs({ CPU_BUDGET_MS: '250' })).toBe(250);
    expect(defaultCpuBudgetMs({})).toBe(3_000);
    expect(defaultCpuBudgetMs({ CPU_BUDGET_MS: 'x' })).toBe(3_000);
  });
});
