import { completeCreditCode, validateCreditCode, CREDIT_CODE_WEIGHTS } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('uses weights 3^(i-1) mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it.each(['914403001922038216', '91110000710926094P'])('accepts the real code %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, code });
  });

  it('normalises lower case, spaces and full-width characters', () => {
    expect(validateCreditCode(' 91110000710926094p ')).toEqual({ ok: true, code: '91110000710926094P' });
    expect(validateCreditCode('９１４４０３００１９２２０３８２１６')).toEqual({
      ok: true,
      code: '914403001922038216',
    });
  });

  it('names the expected check character', () => {
    const r = validateCreditCode('914403001922038217');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toEqual({ kind: 'CHECK', expected: '6', actual: '7' });
    expect(r.message).toContain('第18位应为“6”');
    expect(r.messageEn).toContain("should be '6'");
  });

  it.each([
    ['91110000710926094I', 18, 'I'],
    ['9111000O710926094P', 8, 'O'],
    ['Z11100007109260940', 1, 'Z'],
    ['91110000S10926094P', 9, 'S'],
    ['91110000710926V94P', 15, 'V'],
  ])('refuses %s with the forbidden character and its position', (code, position, character) => {
    const r = validateCreditCode(code);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toEqual({ kind: 'CHARACTER', position, character });
    expect(r.message).toContain(`第${position}位`);
  });

  it.each([
    ['91110000710926094', 17],
    ['914403001922038216X', 19],
  ])('refuses %s with the wrong length', (code, actual) => {
    const r = validateCreditCode(code);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toEqual({ kind: 'LENGTH', actual });
    expect(r.message).toBe(`统一社会信用代码应为18位，实际为${actual}位`);
  });

  it('refuses an empty code', () => {
    expect(validateCreditCode('  ')).toMatchObject({ ok: false, problem: { kind: 'EMPTY' } });
  });

  it('completes 17 characters into a valid code', () => {
    expect(completeCreditCode('91110000710926094')).toBe('91110000710926094P');
    expect(completeCreditCode('91440300192203821')).toBe('914403001922038216');
  });
});
