import { EnterpriseScale, readDivisions, SeededRandom, STANDARD_TAGS } from '@sfw/shared-types';
import {
  ageInYears,
  compileRule,
  dependsOnDate,
  describeRule,
  eligible,
  explain,
  validateRule,
  type LeafRule,
  type Rule,
  type RuleEnterprise,
} from './rules';

const codesOf = (r: { problems: { field: string; code: string }[] }) =>
  r.problems.map((p) => `${p.field} ${p.code}`);

const base: RuleEnterprise = {
  regionCode: '331004001', // 路桥区路桥街道
  industryCode: '3612',
  scale: 'ABOVE_DESIGNATED',
  tags: ['专精特新'],
  parks: ['路桥经济开发区'],
  employees: 120,
  registeredCapital: 800,
  foundedOn: '2022-06-30',
};
const ent = (patch: Partial<RuleEnterprise> = {}): RuleEnterprise => ({ ...base, ...patch });

describe('validateRule', () => {
  it('accepts a well-formed rule and returns it typed', () => {
    const raw = {
      all: [
        { attr: 'region', in: ['331004', '331004001'] },
        { attr: 'industry', in: ['C', '36', '361', '3612'] },
        {
          any: [
            { attr: 'scale', in: ['ABOVE_DESIGNATED'] },
            { attr: 'tags', any: ['专精特新'] },
          ],
        },
        { not: { attr: 'ageYears', max: 2 } },
        { attr: 'tags', all: ['高成长', '专精特新'] },
        { attr: 'parks', any: ['路桥经济开发区'] },
        { attr: 'employees', min: 10, max: 500 },
        { attr: 'registeredCapital', min: 100.5 },
      ],
    };
    const r = validateRule(raw);
    expect(r.problems).toEqual([]);
    expect(r.rule).toEqual(raw);
  });

  it('allows { all: [] }, which means every enterprise', () => {
    const r = validateRule({ all: [] });
    expect(r.problems).toEqual([]);
    expect(r.rule).toEqual({ all: [] });
    expect(eligible({ all: [] }, ent(), '2025-01-01')).toBe(true);
    expect(describeRule({ all: [] })).toBe('面向所有企业');
  });

  it('reports every problem at once, each with its JSON path', () => {
    const r = validateRule({
      all: [
        { attr: 'region', in: ['331004', '999999', 7] },
        { attr: 'revenue', min: 5 },
        { any: [{ attr: 'industry', in: ['c', '3612', '99', '1', 'C'] }] },
        { attr: 'scale', in: ['BIG'] },
        { attr: 'employees', min: '50', max: -1 },
        { attr: 'registeredCapital', min: 500, max: 100 },
        { attr: 'ageYears', min: 1.5 },
        { attr: 'tags', any: [] },
        { attr: 'parks', any: ['  '] },
        { all: [], any: [] },
        { not: null },
        { attr: 'region', in: ['331004'], extra: true },
        'text',
        {},
        { attr: 'employees' },
        { attr: 'tags', any: ['a'], all: ['b'] },
        { any: [] },
        { all: 'x' },
      ],
    });
    expect(r.rule).toBeNull();
    expect(codesOf(r)).toEqual([
      'rule.all[0].in[1] UNKNOWN_REGION',
      'rule.all[0].in[2] INVALID_TYPE',
      'rule.all[1].attr UNKNOWN_ATTRIBUTE',
      'rule.all[2].any[0].in[0] INVALID_INDUSTRY',
      'rule.all[2].any[0].in[2] INVALID_INDUSTRY',
      'rule.all[2].any[0].in[3] INVALID_INDUSTRY',
      'rule.all[3].in[0] INVALID_SCALE',
      'rule.all[4].min INVALID_TYPE',
      'rule.all[4].max INVALID_NUMBER',
      'rule.all[5] INVALID_RANGE',
      'rule.all[6].min INVALID_NUMBER',
      'rule.all[7].any EMPTY_LIST',
      'rule.all[8].any[0] INVALID_VALUE',
      'rule.all[9] INVALID_RULE',
      'rule.all[9].any EMPTY_LIST',
      'rule.all[10].not REQUIRED',
      'rule.all[11].extra INVALID_RULE',
      'rule.all[12] INVALID_TYPE',
      'rule.all[13] INVALID_RULE',
      'rule.all[14] INVALID_RULE',
      'rule.all[15] INVALID_RULE',
      'rule.all[16].any EMPTY_LIST',
      'rule.all[17].all INVALID_TYPE',
    ]);
    const unknown = r.problems.find((p) => p.code === 'UNKNOWN_ATTRIBUTE');
    expect(unknown?.message).toBe(
      '未知的条件属性“revenue”，可用：region、industry、scale、tags、parks、employees、registeredCapital、ageYears',
    );
    expect(unknown?.messageEn).toMatch(/unknown attribute 'revenue'/);
    for (const p of r.problems) {
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      expect(p.messageEn).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('treats a missing rule as a problem and honours the path prefix', () => {
    expect(codesOf(validateRule(null))).toEqual(['rule REQUIRED']);
    expect(codesOf(validateRule(undefined, 'input.rule'))).toEqual(['input.rule REQUIRED']);
    expect(codesOf(validateRule([], 'input.rule'))).toEqual(['input.rule INVALID_TYPE']);
    expect(codesOf(validateRule({ not: { attr: 'x' } }, 'p'))).toEqual(['p.not.attr UNKNOWN_ATTRIBUTE']);
  });

  it('limits depth and size', () => {
    let deep: unknown = { attr: 'scale', in: ['SMALL_MICRO'] };
    for (let i = 0; i < 7; i++) deep = { not: deep };
    expect(validateRule(deep).problems).toEqual([]); // 8 levels
    expect(codesOf(validateRule({ not: deep }))).toEqual([
      'rule.not.not.not.not.not.not.not.not RULE_TOO_COMPLEX',
    ]);

    const leaves = (n: number) => ({ any: Array.from({ length: n }, () => ({ attr: 'employees', min: 1 })) });
    expect(validateRule(leaves(200)).problems).toEqual([]);
    expect(codesOf(validateRule(leaves(201)))).toEqual(['rule RULE_TOO_COMPLEX']);
  });

  it('drops duplicates and treats a null bound as absent', () => {
    expect(validateRule({ attr: 'tags', any: ['a', 'a', 'b'] }).rule).toEqual({
      attr: 'tags',
      any: ['a', 'b'],
    });
    expect(validateRule({ attr: 'employees', min: 5, max: null }).rule).toEqual({
      attr: 'employees',
      min: 5,
    });
    expect(codesOf(validateRule({ attr: 'employees', min: null, max: null }))).toEqual(['rule INVALID_RULE']);
  });
});

describe('ageInYears', () => {
  it('counts whole years, 29 February counting from 1 March in common years', () => {
    expect(ageInYears('2022-06-30', '2025-06-30')).toBe(3);
    expect(ageInYears('2022-07-01', '2025-06-30')).toBe(2);
    expect(ageInYears('2020-02-29', '2023-02-28')).toBe(2);
    expect(ageInYears('2020-02-29', '2023-03-01')).toBe(3);
    expect(ageInYears('2021-02-28', '2024-02-29')).toBe(3);
    expect(ageInYears('2026-01-01', '2025-06-30')).toBe(-1);
    expect(() => ageInYears('2025-02-30', '2025-06-30')).toThrow(RangeError);
  });
});

describe('explain', () => {
  const today = '2025-06-30';

  it('lists every leaf with a Chinese text and whether it holds', () => {
    const rule: Rule = {
      all: [
        { attr: 'region', in: ['331004'] },
        { attr: 'industry', in: ['C'] },
        { attr: 'scale', in: [EnterpriseScale.ABOVE_DESIGNATED] },
        { attr: 'employees', min: 50 },
        { attr: 'ageYears', min: 3 },
        { attr: 'registeredCapital', min: 100, max: 1000 },
        { attr: 'tags', any: ['专精特新', '高成长'] },
        { attr: 'parks', any: ['台州湾经济技术开发区'] },
      ],
    };
    const r = explain(rule, ent(), today);
    expect(r.eligible).toBe(false);
    expect(r.conditions).toEqual([
      { path: 'rule.all[0]', text: '所在地区属于路桥区', holds: true },
      { path: 'rule.all[1]', text: '行业属于制造业(C)', holds: true },
      { path: 'rule.all[2]', text: '规模为规上', holds: true },
      { path: 'rule.all[3]', text: '员工人数不少于50人', holds: true },
      { path: 'rule.all[4]', text: '成立满3年', holds: true },
      { path: 'rule.all[5]', text: '注册资本在100至1000万元之间', holds: true },
      { path: 'rule.all[6]', text: '具有“专精特新”“高成长”中任一标签', holds: true },
      { path: 'rule.all[7]', text: '入驻园区“台州湾经济技术开发区”', holds: false },
    ]);
    expect(eligible(rule, ent(), today)).toBe(false);
    expect(eligible(rule, ent({ parks: ['台州湾经济技术开发区'] }), today)).toBe(true);
  });

  it('words leaves under not and any naturally', () => {
    const rule: Rule = {
      all: [
        { not: { attr: 'region', in: ['331002', '331003001'] } },
        {
          any: [
            { attr: 'scale', in: [EnterpriseScale.SMALL_MICRO] },
            { attr: 'industry', in: ['3612', '65'] },
          ],
        },
        { not: { attr: 'employees', max: 9 } },
        { not: { attr: 'ageYears', min: 1, max: 2 } },
        {
          not: {
            all: [
              { attr: 'tags', all: ['高成长', '专精特新'] },
              { attr: 'scale', in: [EnterpriseScale.BELOW_DESIGNATED] },
            ],
          },
        },
      ],
    };
    const r = explain(rule, ent({ employees: null }), today);
    expect(r.conditions).toEqual([
      { path: 'rule.all[0].not', text: '所在地区不属于椒江区、黄岩区东城街道', holds: true },
      { path: 'rule.all[1].any[0]', text: '满足其一：规模为小微', holds: false },
      {
        path: 'rule.all[1].any[1]',
        text: '满足其一：行业属于小类3612(制造业)、大类65(信息传输、软件和信息技术服务业)',
        holds: true,
      },
      { path: 'rule.all[2].not', text: '员工人数超过9人（或未填报）', holds: true },
      { path: 'rule.all[3].not', text: '成立不满1年或已满3年（或成立日期未知）', holds: true },
      { path: 'rule.all[4].not.all[0]', text: '满足其一：不同时具有“高成长”“专精特新”标签', holds: true },
      { path: 'rule.all[4].not.all[1]', text: '满足其一：规模不是规下', holds: true },
    ]);
    expect(r.eligible).toBe(true);
  });

  it('makes a min/max leaf false when the attribute is unknown', () => {
    const e = ent({ employees: null, registeredCapital: null, foundedOn: null });
    for (const attr of ['employees', 'registeredCapital', 'ageYears'] as const) {
      const leaf: Rule = { attr, min: 0 };
      expect(eligible(leaf, e, today)).toBe(false);
      expect(eligible({ not: leaf }, e, today)).toBe(true);
      expect(explain(leaf, e, today).conditions[0]?.holds).toBe(false);
    }
  });

  it('reads industry sections, prefixes and regions by containment', () => {
    const e = ent({ industryCode: '65', regionCode: '331004' });
    expect(eligible({ attr: 'industry', in: ['I'] }, e, today)).toBe(true);
    expect(eligible({ attr: 'industry', in: ['C'] }, e, today)).toBe(false);
    expect(eligible({ attr: 'industry', in: ['651'] }, e, today)).toBe(false); // a division is not inside a group
    expect(eligible({ attr: 'region', in: ['331000'] }, e, today)).toBe(true);
    expect(eligible({ attr: 'region', in: ['330000'] }, e, today)).toBe(true);
    expect(eligible({ attr: 'region', in: ['331004001'] }, e, today)).toBe(false); // a county is not inside a township
    expect(explain({ attr: 'region', in: ['331000', '330000'] }, e, today).conditions[0]?.text).toBe(
      '所在地区属于台州市、浙江省',
    );
  });
});

describe('describeRule', () => {
  it('gives one sentence', () => {
    expect(
      describeRule({
        all: [
          { attr: 'region', in: ['331004'] },
          { attr: 'industry', in: ['C'] },
          {
            any: [
              { attr: 'scale', in: [EnterpriseScale.ABOVE_DESIGNATED] },
              { attr: 'tags', any: ['专精特新'] },
            ],
          },
          { not: { attr: 'ageYears', max: 2 } },
        ],
      }),
    ).toBe(
      '需同时满足：所在地区属于路桥区；行业属于制造业(C)；（规模为规上，或具有“专精特新”标签）；成立已满3年（或成立日期未知）',
    );
    expect(describeRule({ attr: 'employees', max: 300 })).toBe('员工人数不超过300人');
    expect(
      describeRule({
        any: [
          { attr: 'employees', min: 50, max: 50 },
          { attr: 'parks', any: ['A区', 'B区'] },
        ],
      }),
    ).toBe('满足以下任一条件即可：员工人数为50人；入驻园区“A区”“B区”之一');
    expect(
      describeRule({
        not: {
          any: [
            { attr: 'scale', in: [EnterpriseScale.SMALL_MICRO, EnterpriseScale.BELOW_DESIGNATED] },
            { all: [] },
          ],
        },
      }),
    ).toBe('需同时满足：规模不属于小微、规下；不面向任何企业');
  });
});

// --- generated enterprises and rules: eligible() = explain().eligible = compiled SQL ------------

const divisions = readDivisions().filter((d) => d.code.startsWith('3310'));
const enterpriseRegions = divisions
  .filter((d) => d.level === 'COUNTY' || d.level === 'TOWNSHIP')
  .map((d) => d.code);
const ruleRegions = [...divisions.map((d) => d.code), '330000'];
const TAGS = [...STANDARD_TAGS, '高新技术企业', '科技型中小企业'];
const PARKS = ['台州湾经济技术开发区', '路桥经济开发区', '黄岩经济开发区', '温岭东部新区'];
const SCALES = Object.values(EnterpriseScale);
const SECTIONS = 'ABCDEFGHIJKLMNOPQRST'.split('');
const TODAYS = ['2025-06-30', '2024-02-29', '2025-02-28', '2025-03-01'];

class Gen extends SeededRandom {
  subset<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.chance(p));
  }
  some<T>(items: readonly T[], max: number): T[] {
    return [...new Set(Array.from({ length: this.int(1, max) }, () => this.pick(items)))];
  }
  industry(): string {
    const division = String(this.pick([this.int(1, 98), this.int(13, 43), 36, 65])).padStart(2, '0');
    return division + Array.from({ length: this.int(0, 2) }, () => this.int(0, 9)).join('');
  }
  date(from: number, to: number): string {
    const y = this.int(from, to);
    const m = this.int(1, 12);
    const d = this.int(1, m === 2 ? 28 : 30);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  /** Founding dates near an anniversary as of one of the test days, leap days, the future. */
  foundedOn(): string | null {
    if (this.chance(0.1)) return null;
    if (this.chance(0.15))
      return this.pick(['2020-02-29', '2016-02-29', '2021-02-28', '2021-03-01', '2022-03-01']);
    if (this.chance(0.4)) {
      const t = this.pick(TODAYS);
      const n = this.int(0, 10);
      const dt = new Date(`${Number(t.slice(0, 4)) - n}${t.slice(4, 10)}T00:00:00Z`);
      if (Number.isNaN(dt.getTime())) return `${Number(t.slice(0, 4)) - n}-02-28`;
      dt.setUTCDate(dt.getUTCDate() + this.int(-1, 1));
      return dt.toISOString().slice(0, 10);
    }
    return this.date(1985, 2026);
  }
  enterprise(): RuleEnterprise {
    return {
      regionCode: this.pick(enterpriseRegions),
      industryCode: this.industry(),
      scale: this.pick(SCALES),
      tags: this.subset(TAGS, 0.2),
      parks: this.subset(PARKS, 0.15),
      employees: this.chance(0.15) ? null : this.pick([0, 9, 10, 50, 100, 300, this.int(0, 2000)]),
      registeredCapital: this.chance(0.15)
        ? null
        : this.pick([0, 100, 500, 100.5, 1000, this.int(0, 200000) / 100]),
      foundedOn: this.foundedOn(),
    };
  }
  bounds(attr: 'employees' | 'registeredCapital' | 'ageYears'): { min?: number; max?: number } {
    const value = () =>
      attr === 'employees'
        ? this.pick([0, 9, 10, 50, 100, 300, this.int(0, 1000)])
        : attr === 'registeredCapital'
          ? this.pick([0, 100, 100.5, 500, 1000, this.int(0, 2000)])
          : this.int(0, 10);
    const a = value();
    const b = value();
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const which = this.int(0, 2);
    return which === 0 ? { min: lo } : which === 1 ? { max: hi } : { min: lo, max: hi };
  }
  leaf(): LeafRule {
    switch (this.int(0, 8)) {
      case 0:
        return { attr: 'region', in: this.some(ruleRegions, 3) };
      case 1:
        return {
          attr: 'industry',
          in: this.some([...SECTIONS, ...Array.from({ length: 6 }, () => this.industry())], 3),
        };
      case 2:
        return { attr: 'scale', in: this.some(SCALES, 2) };
      case 3:
        return { attr: 'tags', any: this.some(TAGS, 3) };
      case 4:
        return { attr: 'tags', all: this.some(TAGS, 2) };
      case 5:
        return { attr: 'parks', any: this.some(PARKS, 2) };
      case 6:
        return { attr: 'employees', ...this.bounds('employees') };
      case 7:
        return { attr: 'registeredCapital', ...this.bounds('registeredCapital') };
      default:
        return { attr: 'ageYears', ...this.bounds('ageYears') };
    }
  }
  rule(depth = 1): Rule {
    if (depth >= 5 || (depth > 1 && this.chance(0.45))) return this.leaf();
    const r = this.float();
    if (r < 0.15) return { not: this.rule(depth + 1) };
    const children = Array.from({ length: this.int(r < 0.2 ? 0 : 1, 4) }, () => this.rule(depth + 1));
    return r < 0.6 || children.length === 0 ? { all: children } : { any: children };
  }
}

describe('generated rules', () => {
  const gen = new Gen(20251130);
  const enterprises = Array.from({ length: 2000 }, (_, i) => ({ id: i + 1, ...gen.enterprise() }));
  const rules = Array.from({ length: 60 }, () => gen.rule());

  it('are valid, and eligible() agrees with explain()', () => {
    for (const rule of rules) {
      expect(validateRule(rule).problems).toEqual([]);
      expect(typeof describeRule(rule)).toBe('string');
      for (const e of enterprises.slice(0, 150))
        for (const today of TODAYS) expect(explain(rule, e, today).eligible).toBe(eligible(rule, e, today));
    }
  });

  it('compile to SQL that selects exactly the enterprises eligible() accepts', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = new PGlite();
    try {
      await pg.exec(`CREATE TABLE enterprise (
        id integer PRIMARY KEY,
        region_code varchar(9) NOT NULL,
        industry_code varchar(4) NOT NULL,
        scale text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        employees integer,
        registered_capital numeric(18, 2),
        founded_on date,
        parks text[] NOT NULL DEFAULT '{}'
      )`);
      await pg.query(
        `INSERT INTO enterprise SELECT * FROM json_populate_recordset(null::enterprise, $1::json)`,
        [
          JSON.stringify(
            enterprises.map((e) => ({
              id: e.id,
              region_code: e.regionCode,
              industry_code: e.industryCode,
              scale: e.scale,
              tags: e.tags,
              employees: e.employees,
              registered_capital: e.registeredCapital,
              founded_on: e.foundedOn,
              parks: e.parks,
            })),
          ),
        ],
      );
      const count = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM enterprise');
      expect(count.rows[0]?.n).toBe(enterprises.length);

      let selective = 0;
      for (const today of TODAYS) {
        for (const rule of rules) {
          const params: unknown[] = ['unused'];
          const where = compileRule(rule, 'e', params, today);
          expect(where).not.toMatch(/'/); // values only as parameters
          const sql = await pg.query<{ id: number }>(
            `SELECT id FROM enterprise e WHERE ($1::text IS NOT NULL) AND ${where} ORDER BY id`,
            params,
          );
          const got = sql.rows.map((r) => r.id);
          const want = enterprises.filter((e) => eligible(rule, e, today)).map((e) => e.id);
          if (got.length !== want.length || got.some((id, i) => id !== want[i]))
            throw new Error(`SQL and eligible() differ on ${today} for ${JSON.stringify(rule)}:\n${where}`);
          if (want.length > 0 && want.length < enterprises.length) selective++;
        }
      }
      // The generated rules are neither all-or-nothing: most split the enterprises.
      expect(selective).toBeGreaterThan(rules.length * TODAYS.length * 0.5);
    } finally {
      await pg.close();
    }
  });

  it('compiles each leaf NULL-safe and only with placeholders', () => {
    const params: unknown[] = [];
    const sql = compileRule(
      {
        all: [
          { not: { attr: 'employees', min: 10 } },
          { attr: 'region', in: ['331004'] },
          { attr: 'industry', in: ['K', '361'] },
          { attr: 'ageYears', min: 3, max: 5 },
          { attr: 'tags', all: ["x' OR 1=1 --"] },
        ],
      },
      'e',
      params,
      '2024-02-29',
    );
    expect(sql).toBe(
      '((NOT coalesce(e.employees >= $1::numeric, false)) AND coalesce(e.region_code LIKE ANY ($2::text[]), false)' +
        ' AND coalesce(e.industry_code LIKE ANY ($3::text[]), false)' +
        ' AND coalesce(e.founded_on <= $4::date AND e.founded_on > $5::date, false)' +
        ' AND coalesce(e.tags @> $6::text[], false))',
    );
    expect(params).toEqual([10, ['331004%'], ['70%', '361%'], '2021-02-28', '2018-02-28', ["x' OR 1=1 --"]]);
    expect(() => compileRule({ all: [] }, 'e; drop', [], '2024-01-01')).toThrow(RangeError);
    expect(compileRule({ all: [] }, 'e', [], '2024-01-01')).toBe('true');
  });
});

describe('dependsOnDate', () => {
  it('is true exactly when some leaf reads the age, however deep', () => {
    const r = (raw: unknown) => validateRule(raw).rule as Rule;
    expect(dependsOnDate(r({ all: [] }))).toBe(false);
    expect(dependsOnDate(r({ attr: 'ageYears', min: 3 }))).toBe(true);
    expect(
      dependsOnDate(
        r({ all: [{ attr: 'region', in: ['331004'] }, { any: [{ not: { attr: 'ageYears', max: 2 } }] }] }),
      ),
    ).toBe(true);
    expect(
      dependsOnDate(
        r({
          any: [
            { attr: 'tags', any: ['ageYears'] },
            { attr: 'employees', min: 10 },
          ],
        }),
      ),
    ).toBe(false);
  });
});
