/**
 * How a policy's benefit amount is computed (`policy.amount_rule`), amounts in 元:
 * - FIXED: a fixed sum (定额);
 * - SHARE: a share of a base the enterprise declares when applying (e.g. 研发投入, 设备投资额),
 *   optionally capped (`cap`) and with a floor (`min`, 保底) for any positive base;
 * - NONE: no money involved (服务类、税费减免 handled elsewhere).
 */
import type { FieldProblem } from '@sfw/subgraph-kit';

export type AmountRule =
  | { kind: 'FIXED'; amount: number }
  | { kind: 'SHARE'; baseLabel: string; share: number; cap: number | null; min?: number | null }
  | { kind: 'NONE' };

export const AMOUNT_KINDS = ['FIXED', 'SHARE', 'NONE'] as const;

/** The largest amount (元) a rule may name. */
export const MAX_AMOUNT = 1e10;

const KEYS: Record<AmountRule['kind'], readonly string[]> = {
  FIXED: ['amount'],
  SHARE: ['baseLabel', 'share', 'cap', 'min'],
  NONE: [],
};

const problem = (field: string, code: string, message: string, messageEn: string): FieldProblem => ({
  field,
  code,
  message,
  messageEn,
});

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Round half up to the cent, immune to binary noise (1.005 → 1.01, 0.1 × 3 → 0.3). */
export function roundCents(x: number): number {
  const clean = Number(x.toPrecision(15));
  if (Math.abs(clean) < 0.005) return 0;
  if (Math.abs(clean) >= 1e15) return Math.round(clean);
  const sign = clean < 0 ? -1 : 1;
  return sign * Number(`${Math.round(Number(`${Math.abs(clean)}e2`))}e-2`);
}

/** True when `x` has at most two decimals. */
const wholeCents = (x: number): boolean =>
  Math.abs(x) >= 1e15 || Number.isInteger(Number((x * 100).toPrecision(15)));

/**
 * Checks an amount rule as received (JSON). Amounts are in 元, 0 to 1e10, to the cent; share is in
 * (0, 1]; baseLabel is 2 to 30 characters (trimmed); min ≤ cap. A missing `cap` means no cap.
 * Codes: REQUIRED, INVALID_TYPE, UNKNOWN_KIND, INVALID_RULE (unknown key), INVALID_NUMBER,
 * INVALID_SHARE, INVALID_LENGTH, INVALID_RANGE. The rule is null exactly when there are problems.
 */
export function validateAmountRule(
  raw: unknown,
  path = 'amountRule',
): { rule: AmountRule | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fail = () => ({ rule: null, problems });
  if (raw === null || raw === undefined) {
    problems.push(problem(path, 'REQUIRED', '请填写资金计算方式', 'an amount rule is required'));
    return fail();
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(
      problem(
        path,
        'INVALID_TYPE',
        '资金计算方式应为对象',
        `an amount rule must be an object, got ${typeName(raw)}`,
      ),
    );
    return fail();
  }
  const o = raw as Record<string, unknown>;
  const kind = o['kind'];
  if (typeof kind !== 'string' || !(AMOUNT_KINDS as readonly string[]).includes(kind)) {
    problems.push(
      problem(
        `${path}.kind`,
        kind === undefined || kind === null ? 'REQUIRED' : 'UNKNOWN_KIND',
        `资金计算方式 kind 应为 FIXED（定额）、SHARE（按比例）或 NONE（不涉及资金）${
          typeof kind === 'string' ? `，不能是“${kind}”` : ''
        }`,
        `kind must be FIXED, SHARE or NONE${typeof kind === 'string' ? `, got '${kind}'` : ''}`,
      ),
    );
    return fail();
  }
  const k = kind as AmountRule['kind'];
  for (const key of Object.keys(o)) {
    if (key === 'kind' || KEYS[k].includes(key)) continue;
    problems.push(
      problem(
        `${path}.${key}`,
        'INVALID_RULE',
        `${k}方式不支持字段“${key}”${KEYS[k].length ? `，可用：${KEYS[k].join('、')}` : ''}`,
        `a ${k} amount rule has no key '${key}'`,
      ),
    );
  }

  /** A money amount: undefined when absent (null or missing) and allowed to be; false when bad. */
  const money = (key: string, label: string, optional: boolean): number | null | false => {
    const v = o[key];
    const at = `${path}.${key}`;
    if (v === undefined || v === null) {
      if (optional) return null;
      problems.push(problem(at, 'REQUIRED', `请填写${label}`, `${key} is required`));
      return false;
    }
    if (typeof v !== 'number') {
      problems.push(
        problem(at, 'INVALID_TYPE', `${label}应为数字`, `${key} must be a number, got ${typeName(v)}`),
      );
      return false;
    }
    if (!Number.isFinite(v) || v < 0 || v > MAX_AMOUNT || !wholeCents(v)) {
      problems.push(
        problem(
          at,
          'INVALID_NUMBER',
          `${label}应在0至100亿元之间，最多两位小数`,
          `${key} must be 0 to ${MAX_AMOUNT} yuan, at most two decimals`,
        ),
      );
      return false;
    }
    return v;
  };

  switch (k) {
    case 'NONE':
      return problems.length ? fail() : { rule: { kind: 'NONE' }, problems };
    case 'FIXED': {
      const amount = money('amount', '补助金额', false);
      return problems.length || amount === false || amount === null
        ? fail()
        : { rule: { kind: 'FIXED', amount }, problems };
    }
    case 'SHARE': {
      const label = o['baseLabel'];
      let baseLabel: string | null = null;
      if (label === undefined || label === null)
        problems.push(
          problem(
            `${path}.baseLabel`,
            'REQUIRED',
            '请填写计算基数名称，如“研发投入”',
            'baseLabel is required',
          ),
        );
      else if (typeof label !== 'string')
        problems.push(
          problem(
            `${path}.baseLabel`,
            'INVALID_TYPE',
            '计算基数名称应为文字',
            `baseLabel must be a string, got ${typeName(label)}`,
          ),
        );
      else if (label.trim().length < 2 || label.trim().length > 30)
        problems.push(
          problem(
            `${path}.baseLabel`,
            'INVALID_LENGTH',
            '计算基数名称应为2至30个字',
            'baseLabel must be 2 to 30 characters',
          ),
        );
      else baseLabel = label.trim();

      const s = o['share'];
      let share: number | null = null;
      if (s === undefined || s === null)
        problems.push(problem(`${path}.share`, 'REQUIRED', '请填写补助比例', 'share is required'));
      else if (typeof s !== 'number')
        problems.push(
          problem(
            `${path}.share`,
            'INVALID_TYPE',
            '补助比例应为数字',
            `share must be a number, got ${typeName(s)}`,
          ),
        );
      else if (!Number.isFinite(s) || s <= 0 || s > 1)
        problems.push(
          problem(
            `${path}.share`,
            'INVALID_SHARE',
            '补助比例应大于0且不超过1（如0.1表示10%）',
            'share must be greater than 0 and at most 1 (0.1 is 10%)',
          ),
        );
      else share = s;

      const cap = money('cap', '最高补助金额', true);
      const min = money('min', '最低补助金额', true);
      if (typeof cap === 'number' && typeof min === 'number' && min > cap)
        problems.push(
          problem(
            `${path}.min`,
            'INVALID_RANGE',
            '最低补助金额不能高于最高补助金额',
            `min ${min} is greater than cap ${cap}`,
          ),
        );
      if (problems.length || baseLabel === null || share === null || cap === false || min === false)
        return fail();
      return {
        rule: { kind: 'SHARE', baseLabel, share, cap, ...(min === null ? {} : { min }) },
        problems,
      };
    }
  }
}

/**
 * The most an enterprise may be granted: FIXED → the amount; SHARE → base × share to the cent,
 * at least `min` when the base is positive, at most `cap` (null when the base is missing or
 * negative); NONE → 0.
 */
export function maxAmount(rule: AmountRule, declaredBase: number | null): number | null {
  switch (rule.kind) {
    case 'FIXED':
      return rule.amount;
    case 'NONE':
      return 0;
    case 'SHARE': {
      if (
        declaredBase === null ||
        declaredBase === undefined ||
        !Number.isFinite(declaredBase) ||
        declaredBase < 0
      )
        return null;
      let amount = roundCents(declaredBase * rule.share);
      if (declaredBase > 0 && rule.min !== undefined && rule.min !== null)
        amount = Math.max(amount, rule.min);
      if (rule.cap !== null && rule.cap !== undefined) amount = Math.min(amount, rule.cap);
      return amount;
    }
  }
}

/** 元 for people: 500000 → '50万元', 150000000 → '1.5亿元', 3500 → '3500元', 1234.5 → '1234.5元'. */
export function formatYuan(amount: number): string {
  if (amount >= 1e8 && Number.isInteger(amount / 1e6)) return `${amount / 1e8}亿元`;
  if (amount >= 1e4 && Number.isInteger(amount / 100)) return `${amount / 1e4}万元`;
  return `${roundCents(amount)}元`;
}

const percent = (share: number): string => `${Number((share * 100).toPrecision(12))}%`;

/** '定额补助50万元', '按研发投入的10%补助，最高200万元', '不涉及资金'. */
export function describeAmount(rule: AmountRule): string {
  switch (rule.kind) {
    case 'FIXED':
      return `定额补助${formatYuan(rule.amount)}`;
    case 'NONE':
      return '不涉及资金';
    case 'SHARE': {
      let text = `按${rule.baseLabel}的${percent(rule.share)}补助`;
      if (rule.cap !== null && rule.cap !== undefined) text += `，最高${formatYuan(rule.cap)}`;
      if (rule.min !== null && rule.min !== undefined && rule.min > 0)
        text += `，最低${formatYuan(rule.min)}`;
      return text;
    }
  }
}
