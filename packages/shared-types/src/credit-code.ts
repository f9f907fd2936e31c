/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters drawn from `0-9 A-H J-N P-R T U W-Y` (the letters I, O, Z, S and V are never used).
 * The 18th is a check character: with each character's value v(c) = its index in the alphabet,
 * C18 = 31 - (Σ v(c_i) · 3^(i-1) mod 31) mod 31, written back as a character (31 maps to '0').
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;

/** Weights 3^(i-1) mod 31 for positions 1..17. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** A validated, normalised credit code (branded so a raw string is never taken for one). */
export type CreditCode = string & { readonly __brand: 'CreditCode' };

export type CreditCodeProblem =
  | { kind: 'EMPTY' }
  | { kind: 'LENGTH'; actual: number }
  | { kind: 'CHARACTER'; position: number; character: string }
  | { kind: 'CHECK'; expected: string; actual: string };

export type CreditCodeResult =
  | { ok: true; code: CreditCode }
  | { ok: false; problem: CreditCodeProblem; message: string; messageEn: string };

/** Trim, drop inner spaces, turn full-width characters into ASCII and upper-case. */
export function normalizeCreditCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

/** The check character for the first 17 characters (which must already be valid). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) throw new RangeError(`character ${first17.charAt(i)} is not allowed in a credit code`);
    sum += v * (CREDIT_CODE_WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(check);
}

function describe(problem: CreditCodeProblem): { message: string; messageEn: string } {
  switch (problem.kind) {
    case 'EMPTY':
      return { message: '统一社会信用代码不能为空', messageEn: 'the credit code is empty' };
    case 'LENGTH':
      return {
        message: `统一社会信用代码应为18位，实际为${problem.actual}位`,
        messageEn: `a credit code has 18 characters, this one has ${problem.actual}`,
      };
    case 'CHARACTER':
      return {
        message: `统一社会信用代码第${problem.position}位的字符“${problem.character}”不允许使用（只能是数字和除 I、O、Z、S、V 以外的大写字母）`,
        messageEn: `character '${problem.character}' at position ${problem.position} is not allowed (digits and capital letters except I, O, Z, S, V)`,
      };
    case 'CHECK':
      return {
        message: `统一社会信用代码校验位错误：第18位应为“${problem.expected}”，实际为“${problem.actual}”`,
        messageEn: `wrong check character: position 18 should be '${problem.expected}', found '${problem.actual}'`,
      };
  }
}

export function validateCreditCode(input: string): CreditCodeResult {
  const code = normalizeCreditCode(input ?? '');
  const fail = (problem: CreditCodeProblem): CreditCodeResult => ({
    ok: false,
    problem,
    ...describe(problem),
  });
  if (code.length === 0) return fail({ kind: 'EMPTY' });
  // Report a forbidden character before the length: it is the more specific mistake.
  for (let i = 0; i < code.length; i++) {
    const c = code.charAt(i);
    if (!CREDIT_CODE_ALPHABET.includes(c)) return fail({ kind: 'CHARACTER', position: i + 1, character: c });
  }
  if (code.length !== CREDIT_CODE_LENGTH) return fail({ kind: 'LENGTH', actual: code.length });
  const expected = creditCodeCheckChar(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual) return fail({ kind: 'CHECK', expected, actual });
  return { ok: true, code: code as CreditCode };
}

export function isCreditCode(input: string): input is CreditCode {
  return validateCreditCode(input).ok;
}

/** Complete 17 valid characters into a full credit code (for generators and fixtures). */
export function completeCreditCode(first17: string): CreditCode {
  return (first17 + creditCodeCheckChar(first17)) as CreditCode;
}
