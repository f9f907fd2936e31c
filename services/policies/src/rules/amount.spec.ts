import {
  describeAmount,
  formatYuan,
  maxAmount,
  roundCents,
  validateAmountRule,
  type AmountRule,
} from './amount';

const codesOf = (r: { problems: { field: string; code: string }[] }) =>
  r.problems.map((p) => `${p.field} ${p.code}`);

describe('validateAmountRule', () => {
  it('accepts the three kinds', () => {
    expect(validateAmountRule({ kind: 'FIXED', amount: 500000 })).toEqual({
      rule: { kind: 'FIXED', amount: 500000 },
      problems: [],
    });
    expect(validateAmountRule({ kind: 'NONE' })).toEqual({ rule: { kind: 'NONE' }, problems: [] });
    expect(
      validateAmountRule({ kind: 'SHARE', baseLabel: ' 研发投入 ', share: 0.1, cap: 2000000, min: null })
        .rule,
    ).toEqual({ kind: 'SHARE', baseLabel: '研发投入', share: 0.1, cap: 2000000 });
    expect(validateAmountRule({ kind: 'SHARE', baseLabel: '设备投资额', share: 1 }).rule).toEqual({
      kind: 'SHARE',
      baseLabel: '设备投资额',
      share: 1,
      cap: null,
    });
    expect(validateAmountRule({ kind: 'FIXED', amount: 0 }).problems).toEqual([]);
    expect(validateAmountRule({ kind: 'FIXED', amount: 1e10 }).problems).toEqual([]);
  });

  it('reports every problem with its path', () => {
    expect(codesOf(validateAmountRule(null))).toEqual(['amountRule REQUIRED']);
    expect(codesOf(validateAmountRule('FIXED', 'input.amountRule'))).toEqual([
      'input.amountRule INVALID_TYPE',
    ]);
    expect(codesOf(validateAmountRule({ kind: 'LOAN' }))).toEqual(['amountRule.kind UNKNOWN_KIND']);
    expect(codesOf(validateAmountRule({ amount: 5 }))).toEqual(['amountRule.kind REQUIRED']);
    expect(codesOf(validateAmountRule({ kind: 'FIXED' }))).toEqual(['amountRule.amount REQUIRED']);
    expect(codesOf(validateAmountRule({ kind: 'FIXED', amount: -1 }))).toEqual([
      'amountRule.amount INVALID_NUMBER',
    ]);
    expect(codesOf(validateAmountRule({ kind: 'FIXED', amount: 1e10 + 1 }))).toEqual([
      'amountRule.amount INVALID_NUMBER',
    ]);
    expect(codesOf(validateAmountRule({ kind: 'FIXED', amount: 1.005 }))).toEqual([
      'amountRule.amount INVALID_NUMBER',
    ]);
    expect(codesOf(validateAmountRule({ kind: 'FIXED', amount: '5' }))).toEqual([
      'amountRule.amount INVALID_TYPE',
    ]);
    expect(codesOf(validateAmountRule({ kind: 'NONE', amount: 5 }))).toEqual([
      'amountRule.amount INVALID_RULE',
    ]);
    expect(
      codesOf(validateAmountRule({ kind: 'SHARE', baseLabel: '研', share: 0, cap: -5, min: 'x', rate: 1 })),
    ).toEqual([
      'amountRule.rate INVALID_RULE',
      'amountRule.baseLabel INVALID_LENGTH',
      'amountRule.share INVALID_SHARE',
      'amountRule.cap INVALID_NUMBER',
      'amountRule.min INVALID_TYPE',
    ]);
    expect(codesOf(validateAmountRule({ kind: 'SHARE', share: 1.5, cap: 100, min: 200 }))).toEqual([
      'amountRule.baseLabel REQUIRED',
      'amountRule.share INVALID_SHARE',
      'amountRule.min INVALID_RANGE',
    ]);
    expect(
      codesOf(validateAmountRule({ kind: 'SHARE', baseLabel: 'x'.repeat(31), share: 0.2, cap: null })),
    ).toEqual(['amountRule.baseLabel INVALID_LENGTH']);
    for (const p of validateAmountRule({ kind: 'SHARE', baseLabel: 5, share: '1', cap: 1.234 }).problems) {
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      expect(p.messageEn).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe('maxAmount', () => {
  const share: AmountRule = { kind: 'SHARE', baseLabel: '研发投入', share: 0.1, cap: 2000000 };

  it('computes each kind', () => {
    expect(maxAmount({ kind: 'FIXED', amount: 500000 }, null)).toBe(500000);
    expect(maxAmount({ kind: 'NONE' }, 123)).toBe(0);
    expect(maxAmount(share, 1234567.89)).toBe(123456.79);
    expect(maxAmount(share, 30000000)).toBe(2000000);
    expect(maxAmount(share, null)).toBeNull();
    expect(maxAmount(share, -1)).toBeNull();
    expect(maxAmount(share, 0)).toBe(0);
    expect(maxAmount({ ...share, cap: null }, 1e12)).toBe(1e11);
  });

  it('rounds to the cent without binary noise', () => {
    expect(maxAmount({ ...share, share: 0.07 }, 100.5)).toBe(7.04); // 7.035
    expect(maxAmount({ ...share, share: 0.3 }, 0.1)).toBe(0.03);
    expect(maxAmount({ ...share, share: 0.5 }, 2.01)).toBe(1.01); // 1.005
    expect(roundCents(1.005)).toBe(1.01);
    expect(roundCents(0.1 + 0.2)).toBe(0.3);
    expect(roundCents(0.004)).toBe(0);
    expect(roundCents(-1.005)).toBe(-1.01);
  });

  it('applies the floor to a positive base only, and the cap over the floor', () => {
    const floored: AmountRule = { ...share, min: 50000 };
    expect(maxAmount(floored, 100000)).toBe(50000);
    expect(maxAmount(floored, 0)).toBe(0);
    expect(maxAmount(floored, 1000000)).toBe(100000);
    expect(maxAmount({ ...floored, cap: 50000 }, 1e9)).toBe(50000);
  });
});

describe('describeAmount', () => {
  it('reads in 元, 万元 and 亿元', () => {
    expect(describeAmount({ kind: 'FIXED', amount: 500000 })).toBe('定额补助50万元');
    expect(describeAmount({ kind: 'SHARE', baseLabel: '研发投入', share: 0.1, cap: 2000000 })).toBe(
      '按研发投入的10%补助，最高200万元',
    );
    expect(
      describeAmount({ kind: 'SHARE', baseLabel: '设备投资额', share: 0.07, cap: null, min: 10000 }),
    ).toBe('按设备投资额的7%补助，最低1万元');
    expect(describeAmount({ kind: 'SHARE', baseLabel: '设备投资额', share: 0.125, cap: 150000000 })).toBe(
      '按设备投资额的12.5%补助，最高1.5亿元',
    );
    expect(describeAmount({ kind: 'NONE' })).toBe('不涉及资金');
    expect(formatYuan(3500)).toBe('3500元');
    expect(formatYuan(12345)).toBe('12345元');
    expect(formatYuan(12300)).toBe('1.23万元');
    expect(formatYuan(1234.5)).toBe('1234.5元');
    expect(formatYuan(0)).toBe('0元');
  });
});
