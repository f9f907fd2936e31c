/**
 * Eligibility rules (申报条件) of business-support policies, in a small declarative language
 * stored as JSON (`policy.rule`):
 *
 * ```json
 * { "all": [
 *   { "attr": "region", "in": ["331004"] },
 *   { "attr": "industry", "in": ["C"] },
 *   { "any": [{ "attr": "scale", "in": ["ABOVE_DESIGNATED"] }, { "attr": "tags", "any": ["专精特新"] }] },
 *   { "not": { "attr": "ageYears", "max": 2 } }
 * ] }
 * ```
 *
 * One rule is read four ways, which must agree exactly:
 * - {@link eligible}: the fast path (one enterprise against many rules, e.g. after it changed);
 * - {@link explain}: the same answer with every leaf condition and whether it is met ("why / why not");
 * - {@link compileRule}: a SQL boolean over the `enterprise` projection (all enterprises against one rule);
 * - {@link describeRule}: one Chinese sentence for the policy page.
 *
 * `{ "all": [] }` is allowed and means "every enterprise" (a policy open to all). `{ "any": [] }` is
 * not (it would match nobody). A missing attribute (employees, registered capital or founding date
 * not known) makes a min/max leaf false, so `not` of such a leaf is true; texts say so.
 *
 * Every function but {@link validateRule} expects a rule that passed {@link validateRule}.
 */
import {
  ENTERPRISE_SCALE_LABELS,
  EnterpriseScale,
  RegionLevel,
  readDivisions,
  regionContains,
  regionPrefix,
  type DivisionRecord,
} from '@sfw/shared-types';
import type { FieldProblem } from '@sfw/subgraph-kit';

// --- the language ------------------------------------------------------------------------------

export type NumericAttribute = 'employees' | 'registeredCapital' | 'ageYears';

export type LeafRule =
  /** Division codes; holds when the enterprise's region is one of them or lies below one. */
  | { attr: 'region'; in: string[] }
  /** GB/T 4754 section letters ('C') or division/group/class code prefixes ('36', '361', '3612'). */
  | { attr: 'industry'; in: string[] }
  | { attr: 'scale'; in: EnterpriseScale[] }
  | { attr: 'tags'; any: string[] }
  | { attr: 'tags'; all: string[] }
  | { attr: 'parks'; any: string[] }
  /** Inclusive bounds, at least one; registeredCapital in 万元; ageYears = whole years since founded. */
  | { attr: NumericAttribute; min?: number; max?: number };

export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | LeafRule;

/** What a rule reads of an enterprise (the `enterprise` projection row). */
export interface RuleEnterprise {
  regionCode: string;
  industryCode: string;
  scale: string;
  tags: string[];
  parks: string[];
  employees: number | null;
  /** 万元 */
  registeredCapital: number | null;
  /** YYYY-MM-DD */
  foundedOn: string | null;
}

export const RULE_ATTRIBUTES = [
  'region',
  'industry',
  'scale',
  'tags',
  'parks',
  'employees',
  'registeredCapital',
  'ageYears',
] as const;
export type RuleAttribute = (typeof RULE_ATTRIBUTES)[number];

export const RULE_LIMITS = {
  /** Nesting depth; the rule itself is depth 1. */
  depth: 8,
  /** Leaf conditions in one rule. */
  leaves: 200,
  /** Values in one leaf's list. */
  listItems: 500,
  /** Characters of one tag or park name. */
  textLength: 50,
  employees: 10_000_000,
  /** 万元 (1万亿元) */
  registeredCapital: 100_000_000,
  ageYears: 200,
} as const;

const ATTRIBUTE_LABELS: Record<RuleAttribute, string> = {
  region: '所在地区',
  industry: '行业',
  scale: '规模',
  tags: '标签',
  parks: '园区',
  employees: '员工人数',
  registeredCapital: '注册资本',
  ageYears: '成立年限',
};

/** The 20 sections (门类) of GB/T 4754-2017 with the two-digit divisions (大类) each covers. */
export const INDUSTRY_SECTIONS: Readonly<Record<string, { name: string; from: number; to: number }>> = {
  A: { name: '农、林、牧、渔业', from: 1, to: 5 },
  B: { name: '采矿业', from: 6, to: 12 },
  C: { name: '制造业', from: 13, to: 43 },
  D: { name: '电力、热力、燃气及水生产和供应业', from: 44, to: 46 },
  E: { name: '建筑业', from: 47, to: 50 },
  F: { name: '批发和零售业', from: 51, to: 52 },
  G: { name: '交通运输、仓储和邮政业', from: 53, to: 60 },
  H: { name: '住宿和餐饮业', from: 61, to: 62 },
  I: { name: '信息传输、软件和信息技术服务业', from: 63, to: 65 },
  J: { name: '金融业', from: 66, to: 69 },
  K: { name: '房地产业', from: 70, to: 70 },
  L: { name: '租赁和商务服务业', from: 71, to: 72 },
  M: { name: '科学研究和技术服务业', from: 73, to: 75 },
  N: { name: '水利、环境和公共设施管理业', from: 76, to: 79 },
  O: { name: '居民服务、修理和其他服务业', from: 80, to: 82 },
  P: { name: '教育', from: 83, to: 83 },
  Q: { name: '卫生和社会工作', from: 84, to: 85 },
  R: { name: '文化、体育和娱乐业', from: 86, to: 90 },
  S: { name: '公共管理、社会保障和社会组织', from: 91, to: 97 },
  T: { name: '国际组织', from: 98, to: 98 },
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The two-digit division codes of a section letter ('K' → ['70']). */
const sectionDivisions = new Map<string, string[]>(
  Object.entries(INDUSTRY_SECTIONS).map(([letter, s]) => {
    const out: string[] = [];
    for (let d = s.from; d <= s.to; d++) out.push(pad2(d));
    return [letter, out];
  }),
);
const sectionDivisionSets = new Map<string, Set<string>>(
  [...sectionDivisions].map(([letter, divisions]) => [letter, new Set(divisions)]),
);

/** The section letter a two-digit division belongs to. */
function sectionOf(division: string): string | undefined {
  for (const [letter, set] of sectionDivisionSets) if (set.has(division)) return letter;
  return undefined;
}

const isSectionLetter = (code: string): boolean => code.length === 1 && sectionDivisions.has(code);

/** A section letter, or 2 to 4 digits whose first two are a known division (01–98). */
function isIndustryCode(code: string): boolean {
  if (isSectionLetter(code)) return true;
  return /^\d{2,4}$/.test(code) && sectionOf(code.slice(0, 2)) !== undefined;
}

// --- divisions (loaded once, on first use) ------------------------------------------------------

let divisionIndex: Map<string, DivisionRecord> | undefined;

function divisions(): Map<string, DivisionRecord> {
  divisionIndex ??= new Map(readDivisions().map((d) => [d.code, d]));
  return divisionIndex;
}

/** 路桥区; a township with its county (路桥区路桥街道); the code itself when unknown. */
function regionName(code: string): string {
  const d = divisions().get(code);
  if (!d) return code;
  const parent = d.parentCode ? divisions().get(d.parentCode) : undefined;
  return d.level === RegionLevel.TOWNSHIP && parent ? `${parent.name}${d.name}` : d.name;
}

// --- validation ---------------------------------------------------------------------------------

const problem = (field: string, code: string, message: string, messageEn: string): FieldProblem => ({
  field,
  code,
  message,
  messageEn,
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const isAttribute = (v: string): v is RuleAttribute => (RULE_ATTRIBUTES as readonly string[]).includes(v);

const SCALES = Object.values(EnterpriseScale) as string[];
const isScale = (v: string): v is EnterpriseScale => SCALES.includes(v);

/** The keys each attribute's leaf may carry besides `attr`. */
const LEAF_KEYS: Record<RuleAttribute, readonly string[]> = {
  region: ['in'],
  industry: ['in'],
  scale: ['in'],
  tags: ['any', 'all'],
  parks: ['any'],
  employees: ['min', 'max'],
  registeredCapital: ['min', 'max'],
  ageYears: ['min', 'max'],
};

interface Walk {
  problems: FieldProblem[];
  leaves: number;
}

/**
 * Checks a rule as received (JSON) and returns it typed, or every problem found, each with the
 * JSON path of the bad part (`rule.all[1].attr`, `rule.any[0].in[2]`). Codes: REQUIRED,
 * INVALID_TYPE, INVALID_RULE (no operator, two operators, unknown keys), UNKNOWN_ATTRIBUTE,
 * EMPTY_LIST, UNKNOWN_REGION, INVALID_INDUSTRY, INVALID_SCALE, INVALID_VALUE (empty or too long
 * tag/park), INVALID_NUMBER (negative, not whole where it must be, too large), INVALID_RANGE
 * (min > max), RULE_TOO_COMPLEX (deeper than 8, more than 200 leaves, a list of more than 500).
 *
 * The rule returned is rebuilt from the parts checked: duplicate list values are dropped and a
 * `null` min/max counts as absent. It is null exactly when there are problems.
 */
export function validateRule(raw: unknown, path = 'rule'): { rule: Rule | null; problems: FieldProblem[] } {
  const walk: Walk = { problems: [], leaves: 0 };
  const rule = checkNode(raw, path, 1, walk);
  if (walk.leaves > RULE_LIMITS.leaves)
    walk.problems.push(
      problem(
        path,
        'RULE_TOO_COMPLEX',
        `条件过多：共${walk.leaves}项，最多${RULE_LIMITS.leaves}项`,
        `too many conditions: ${walk.leaves}, at most ${RULE_LIMITS.leaves}`,
      ),
    );
  return walk.problems.length ? { rule: null, problems: walk.problems } : { rule, problems: [] };
}

function checkNode(raw: unknown, path: string, depth: number, w: Walk): Rule | null {
  if (raw === null || raw === undefined) {
    w.problems.push(problem(path, 'REQUIRED', '条件不能为空', 'a rule is required'));
    return null;
  }
  if (!isObject(raw)) {
    w.problems.push(
      problem(
        path,
        'INVALID_TYPE',
        '条件应为对象（all、any、not 或带 attr 的单项条件）',
        `a rule must be an object (all, any, not or a leaf with attr), got ${typeName(raw)}`,
      ),
    );
    return null;
  }
  if (depth > RULE_LIMITS.depth) {
    w.problems.push(
      problem(
        path,
        'RULE_TOO_COMPLEX',
        `条件嵌套过深，最多${RULE_LIMITS.depth}层`,
        `rule nested too deep, at most ${RULE_LIMITS.depth} levels`,
      ),
    );
    return null;
  }
  if ('attr' in raw) return checkLeaf(raw, path, w);

  const keys = Object.keys(raw);
  const ops: string[] = keys.filter((k) => k === 'all' || k === 'any' || k === 'not');
  let ok = true;
  for (const k of keys.filter((k) => !ops.includes(k))) {
    ok = false;
    w.problems.push(
      problem(
        `${path}.${k}`,
        'INVALID_RULE',
        `条件中有未知的字段“${k}”，组合条件只能用 all、any 或 not`,
        `unknown key '${k}': a compound rule has exactly one of all, any, not`,
      ),
    );
  }
  if (ops.length === 0) {
    if (keys.length === 0)
      w.problems.push(
        problem(
          path,
          'INVALID_RULE',
          '条件为空对象，应为 all、any、not 之一或带 attr 的单项条件',
          'an empty object is no rule: use all, any, not or a leaf with attr',
        ),
      );
    return null;
  }
  if (ops.length > 1) {
    ok = false;
    w.problems.push(
      problem(
        path,
        'INVALID_RULE',
        `一个条件只能有一个运算符，这里同时有${ops.join('、')}`,
        `a rule has one operator, this one has ${ops.join(', ')}`,
      ),
    );
  }
  // Every operator present is checked, so that all problems are reported at once.
  let out: Rule | null = null;
  for (const op of ops) {
    const value = raw[op];
    const at = `${path}.${op}`;
    if (op === 'not') {
      const child = checkNode(value, at, depth + 1, w);
      out = child ? { not: child } : null;
      continue;
    }
    if (!Array.isArray(value)) {
      w.problems.push(
        problem(
          at,
          'INVALID_TYPE',
          `“${op}”应为条件列表`,
          `'${op}' must be a list of rules, got ${typeName(value)}`,
        ),
      );
      ok = false;
      continue;
    }
    if (op === 'any' && value.length === 0) {
      w.problems.push(
        problem(
          at,
          'EMPTY_LIST',
          '“满足其一”的条件列表不能为空',
          "'any' needs at least one rule (an empty 'any' matches nothing)",
        ),
      );
      ok = false;
      continue;
    }
    const children = value.map((c, i) => checkNode(c, `${at}[${i}]`, depth + 1, w));
    const valid = children.filter((c): c is Rule => c !== null);
    out = valid.length === children.length ? (op === 'all' ? { all: valid } : { any: valid }) : null;
  }
  return ok ? out : null;
}

function checkLeaf(raw: Record<string, unknown>, path: string, w: Walk): LeafRule | null {
  w.leaves++;
  const attr = raw['attr'];
  if (typeof attr !== 'string') {
    w.problems.push(
      problem(
        `${path}.attr`,
        'INVALID_TYPE',
        '条件属性 attr 应为文字',
        `attr must be a string, got ${typeName(attr)}`,
      ),
    );
    return null;
  }
  if (!isAttribute(attr)) {
    w.problems.push(
      problem(
        `${path}.attr`,
        'UNKNOWN_ATTRIBUTE',
        `未知的条件属性“${attr}”，可用：${RULE_ATTRIBUTES.join('、')}`,
        `unknown attribute '${attr}', expected one of ${RULE_ATTRIBUTES.join(', ')}`,
      ),
    );
    return null;
  }
  const label = ATTRIBUTE_LABELS[attr];
  const allowed = LEAF_KEYS[attr];
  let ok = true;
  for (const k of Object.keys(raw)) {
    if (k === 'attr' || allowed.includes(k)) continue;
    ok = false;
    w.problems.push(
      problem(
        `${path}.${k}`,
        'INVALID_RULE',
        `${label}条件不支持字段“${k}”，可用：${allowed.join('、')}`,
        `a ${attr} condition has no key '${k}', expected ${allowed.join(', ')}`,
      ),
    );
  }

  switch (attr) {
    case 'region': {
      const list = checkList(raw, 'in', path, label, w, (v, at) => {
        if (divisions().has(v)) return true;
        w.problems.push(
          problem(at, 'UNKNOWN_REGION', `未知的行政区划代码“${v}”`, `unknown division code '${v}'`),
        );
        return false;
      });
      return ok && list ? { attr, in: list } : null;
    }
    case 'industry': {
      const list = checkList(raw, 'in', path, label, w, (v, at) => {
        if (isIndustryCode(v)) return true;
        w.problems.push(
          problem(
            at,
            'INVALID_INDUSTRY',
            `行业代码“${v}”无效，应为门类字母A至T，或以有效大类（01至98）开头的2至4位数字（GB/T 4754）`,
            `industry '${v}' must be a section letter A-T or 2 to 4 digits starting with a division 01-98 (GB/T 4754)`,
          ),
        );
        return false;
      });
      return ok && list ? { attr, in: list } : null;
    }
    case 'scale': {
      const list = checkList(raw, 'in', path, label, w, (v, at) => {
        if (isScale(v)) return true;
        const known = SCALES.map((s) => `${s}（${ENTERPRISE_SCALE_LABELS[s as EnterpriseScale]}）`).join(
          '、',
        );
        w.problems.push(
          problem(
            at,
            'INVALID_SCALE',
            `未知的企业规模“${v}”，可用：${known}`,
            `unknown scale '${v}', expected one of ${SCALES.join(', ')}`,
          ),
        );
        return false;
      });
      return ok && list ? { attr, in: list.filter(isScale) } : null;
    }
    case 'tags': {
      const hasAny = raw['any'] !== undefined;
      const hasAll = raw['all'] !== undefined;
      if (hasAny && hasAll) {
        w.problems.push(
          problem(
            path,
            'INVALID_RULE',
            '标签条件只能用 any（具有其一）或 all（全部具有）之一',
            "a tags condition has either 'any' or 'all', not both",
          ),
        );
        checkList(raw, 'any', path, label, w, textItem(w));
        checkList(raw, 'all', path, label, w, textItem(w));
        return null;
      }
      if (!hasAny && !hasAll) {
        w.problems.push(
          problem(
            `${path}.any`,
            'REQUIRED',
            '标签条件缺少 any（具有其一）或 all（全部具有）列表',
            "a tags condition needs 'any' or 'all'",
          ),
        );
        return null;
      }
      const key = hasAny ? 'any' : 'all';
      const list = checkList(raw, key, path, label, w, textItem(w));
      if (!ok || !list) return null;
      return key === 'any' ? { attr, any: list } : { attr, all: list };
    }
    case 'parks': {
      const list = checkList(raw, 'any', path, label, w, textItem(w));
      return ok && list ? { attr, any: list } : null;
    }
    default: {
      const integer = attr !== 'registeredCapital';
      const limit = RULE_LIMITS[attr];
      const bound = (key: 'min' | 'max'): number | undefined | false => {
        const v = raw[key];
        if (v === undefined || v === null) return undefined;
        const at = `${path}.${key}`;
        const what = key === 'min' ? '最小值' : '最大值';
        if (typeof v !== 'number') {
          w.problems.push(
            problem(
              at,
              'INVALID_TYPE',
              `${label}的${what}应为数字`,
              `${attr} ${key} must be a number, got ${typeName(v)}`,
            ),
          );
          return false;
        }
        if (!Number.isFinite(v) || v < 0) {
          w.problems.push(
            problem(
              at,
              'INVALID_NUMBER',
              `${label}的${what}不能为负数`,
              `${attr} ${key} must not be negative`,
            ),
          );
          return false;
        }
        if (integer && !Number.isInteger(v)) {
          w.problems.push(
            problem(
              at,
              'INVALID_NUMBER',
              `${label}的${what}应为整数`,
              `${attr} ${key} must be a whole number`,
            ),
          );
          return false;
        }
        if (v > limit) {
          w.problems.push(
            problem(
              at,
              'INVALID_NUMBER',
              `${label}的${what}不能超过${limit}`,
              `${attr} ${key} must be at most ${limit}`,
            ),
          );
          return false;
        }
        return v;
      };
      const min = bound('min');
      const max = bound('max');
      if (min === undefined && max === undefined) {
        w.problems.push(
          problem(
            path,
            'INVALID_RULE',
            `${label}条件至少需要最小值 min 或最大值 max 之一`,
            `a ${attr} condition needs min or max`,
          ),
        );
        return null;
      }
      if (min === false || max === false || !ok) return null;
      if (min !== undefined && max !== undefined && min > max) {
        w.problems.push(
          problem(
            path,
            'INVALID_RANGE',
            `${label}的最小值${min}大于最大值${max}`,
            `${attr} min ${min} is greater than max ${max}`,
          ),
        );
        return null;
      }
      return {
        attr,
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
      };
    }
  }
}

/** A tag or park name: not blank, at most 50 characters. */
const textItem =
  (w: Walk) =>
  (v: string, at: string): boolean => {
    if (v.trim() !== '' && v.length <= RULE_LIMITS.textLength) return true;
    w.problems.push(
      problem(
        at,
        'INVALID_VALUE',
        v.trim() === '' ? '名称不能为空' : `名称不能超过${RULE_LIMITS.textLength}个字`,
        v.trim() === '' ? 'must not be blank' : `at most ${RULE_LIMITS.textLength} characters`,
      ),
    );
    return false;
  };

/** A non-empty list of strings each passing `item`; de-duplicated. */
function checkList(
  raw: Record<string, unknown>,
  key: string,
  path: string,
  label: string,
  w: Walk,
  item: (v: string, at: string) => boolean,
): string[] | null {
  const at = `${path}.${key}`;
  const value = raw[key];
  if (value === undefined || value === null) {
    w.problems.push(problem(at, 'REQUIRED', `${label}条件缺少“${key}”列表`, `'${key}' is required`));
    return null;
  }
  if (!Array.isArray(value)) {
    w.problems.push(
      problem(at, 'INVALID_TYPE', `“${key}”应为列表`, `'${key}' must be a list, got ${typeName(value)}`),
    );
    return null;
  }
  if (value.length === 0) {
    w.problems.push(problem(at, 'EMPTY_LIST', `${label}条件的列表不能为空`, `'${key}' must not be empty`));
    return null;
  }
  if (value.length > RULE_LIMITS.listItems) {
    w.problems.push(
      problem(
        at,
        'RULE_TOO_COMPLEX',
        `列表过长：共${value.length}项，最多${RULE_LIMITS.listItems}项`,
        `list too long: ${value.length} items, at most ${RULE_LIMITS.listItems}`,
      ),
    );
    return null;
  }
  let ok = true;
  value.forEach((v: unknown, i) => {
    if (typeof v !== 'string') {
      w.problems.push(
        problem(`${at}[${i}]`, 'INVALID_TYPE', '列表中的值应为文字', `expected a string, got ${typeName(v)}`),
      );
      ok = false;
    } else if (!item(v, `${at}[${i}]`)) ok = false;
  });
  return ok ? [...new Set(value as string[])] : null;
}

// --- dates --------------------------------------------------------------------------------------

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function parseDate(s: string, what: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const ymd = m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : undefined;
  const days = ymd ? (ymd.m === 2 && isLeap(ymd.y) ? 29 : DAYS[ymd.m - 1]) : undefined;
  if (!ymd || days === undefined || ymd.d < 1 || ymd.d > days)
    throw new RangeError(`${what} must be a date YYYY-MM-DD, got '${s}'`);
  return ymd;
}

/**
 * Whole years from `foundedOn` to `today` (an anniversary on 29 February counts from 1 March in
 * other years); negative for a date after today.
 */
export function ageInYears(foundedOn: string, today: string): number {
  const f = parseDate(foundedOn, 'foundedOn');
  const t = parseDate(today, 'today');
  return t.y - f.y - (t.m < f.m || (t.m === f.m && t.d < f.d) ? 1 : 0);
}

/**
 * The last founding date with at least `years` whole years as of today: age ≥ n ⇔ founded ≤ this
 * (today n years back; 29 February becomes 28 February in a common year).
 */
function foundedCutoff(today: Ymd, years: number): string {
  const y = today.y - years;
  const d = today.m === 2 && today.d === 29 && !isLeap(y) ? 28 : today.d;
  return `${String(y).padStart(4, '0')}-${pad2(today.m)}-${pad2(d)}`;
}

// --- evaluation ---------------------------------------------------------------------------------

function industryMatches(code: string, industryCode: string): boolean {
  const divisions = sectionDivisionSets.get(code);
  if (divisions) return industryCode.length >= 2 && divisions.has(industryCode.slice(0, 2));
  return industryCode.startsWith(code);
}

function inBounds(v: number | null, min: number | undefined, max: number | undefined): boolean {
  if (v === null || v === undefined) return false;
  return (min === undefined || v >= min) && (max === undefined || v <= max);
}

function leafHolds(leaf: LeafRule, e: RuleEnterprise, today: string): boolean {
  switch (leaf.attr) {
    case 'region':
      return leaf.in.some((c) => regionContains(c, e.regionCode));
    case 'industry':
      return leaf.in.some((c) => industryMatches(c, e.industryCode));
    case 'scale':
      return (leaf.in as string[]).includes(e.scale);
    case 'tags':
      return 'any' in leaf
        ? leaf.any.some((t) => e.tags.includes(t))
        : leaf.all.every((t) => e.tags.includes(t));
    case 'parks':
      return leaf.any.some((p) => e.parks.includes(p));
    case 'employees':
      return inBounds(e.employees, leaf.min, leaf.max);
    case 'registeredCapital':
      return inBounds(e.registeredCapital, leaf.min, leaf.max);
    case 'ageYears':
      return e.foundedOn !== null && inBounds(ageInYears(e.foundedOn, today), leaf.min, leaf.max);
  }
}

/** Whether the rule's answer can change with the date alone (it reads an enterprise's age). */
export function dependsOnDate(rule: Rule): boolean {
  if ('attr' in rule) return rule.attr === 'ageYears';
  if ('not' in rule) return dependsOnDate(rule.not);
  return ('all' in rule ? rule.all : rule.any).some(dependsOnDate);
}

/** Whether the enterprise meets the rule as of `today` (YYYY-MM-DD). */
export function eligible(rule: Rule, e: RuleEnterprise, today: string): boolean {
  if ('attr' in rule) return leafHolds(rule, e, today);
  if ('not' in rule) return !eligible(rule.not, e, today);
  if ('all' in rule) return rule.all.every((r) => eligible(r, e, today));
  return rule.any.some((r) => eligible(r, e, today));
}

export interface Condition {
  /** JSON path of the leaf, e.g. `rule.all[1]`. */
  path: string;
  /** The condition as the enterprise must meet it, in Chinese (negated under a `not`). */
  text: string;
  /** Whether the enterprise meets the condition as worded in `text`. */
  holds: boolean;
}

/**
 * {@link eligible} with every leaf condition, in rule order, for "why / why not". Under an odd
 * number of `not`s a leaf is worded negated ('所在地区不属于路桥区', '员工人数少于50人（或未填报）')
 * and `holds` says whether that negated condition is met; a leaf that is one of several
 * alternatives (under an `any`, or a `not` of an `all`) reads '满足其一：…'.
 */
export function explain(
  rule: Rule,
  e: RuleEnterprise,
  today: string,
  path = 'rule',
): { eligible: boolean; conditions: Condition[] } {
  const conditions: Condition[] = [];
  const walk = (node: Rule, at: string, negated: boolean, alternative: boolean): boolean => {
    if ('attr' in node) {
      const value = leafHolds(node, e, today);
      conditions.push({
        path: at,
        text: (alternative ? '满足其一：' : '') + leafText(node, negated),
        holds: negated ? !value : value,
      });
      return value;
    }
    if ('not' in node) return !walk(node.not, `${at}.not`, !negated, alternative);
    const list = 'all' in node ? node.all : node.any;
    const disjunction = 'any' in node !== negated && list.length > 1;
    // No short circuit: every leaf is listed.
    const values = list.map((c, i) =>
      walk(c, `${at}.${'all' in node ? 'all' : 'any'}[${i}]`, negated, alternative || disjunction),
    );
    return 'all' in node ? values.every(Boolean) : values.some(Boolean);
  };
  const result = walk(rule, path, false, false);
  return { eligible: result, conditions };
}

// --- texts --------------------------------------------------------------------------------------

const quoted = (items: readonly string[]): string => items.map((t) => `“${t}”`).join('');

function industryLabel(code: string): string {
  const section = INDUSTRY_SECTIONS[code];
  if (section) return `${section.name}(${code})`;
  const letter = sectionOf(code.slice(0, 2));
  const sectionName = letter ? INDUSTRY_SECTIONS[letter]?.name : undefined;
  const level = code.length === 2 ? '大类' : code.length === 3 ? '中类' : '小类';
  return `${level}${code}${sectionName ? `(${sectionName})` : ''}`;
}

function rangeText(
  what: string,
  unit: string,
  min: number | undefined,
  max: number | undefined,
  negated: boolean,
): string {
  if (min !== undefined && max !== undefined) {
    if (min === max) return `${what}${negated ? '不为' : '为'}${min}${unit}`;
    return `${what}${negated ? '不在' : '在'}${min}至${max}${unit}之间`;
  }
  if (min !== undefined) return `${what}${negated ? '少于' : '不少于'}${min}${unit}`;
  return `${what}${negated ? '超过' : '不超过'}${max ?? ''}${unit}`;
}

/** One leaf in Chinese, or its negation. */
function leafText(leaf: LeafRule, negated: boolean): string {
  switch (leaf.attr) {
    case 'region':
      return `所在地区${negated ? '不' : ''}属于${leaf.in.map(regionName).join('、')}`;
    case 'industry':
      return `行业${negated ? '不' : ''}属于${leaf.in.map(industryLabel).join('、')}`;
    case 'scale': {
      const labels = leaf.in.map((s) => ENTERPRISE_SCALE_LABELS[s] ?? s);
      if (negated)
        return labels.length === 1 ? `规模不是${labels.join('')}` : `规模不属于${labels.join('、')}`;
      return `规模为${labels.join('或')}`;
    }
    case 'tags': {
      if ('any' in leaf) {
        if (leaf.any.length === 1) return `${negated ? '不' : ''}具有${quoted(leaf.any)}标签`;
        return negated ? `不具有${quoted(leaf.any)}中的任何标签` : `具有${quoted(leaf.any)}中任一标签`;
      }
      if (leaf.all.length === 1) return `${negated ? '不' : ''}具有${quoted(leaf.all)}标签`;
      return `${negated ? '不' : ''}同时具有${quoted(leaf.all)}标签`;
    }
    case 'parks':
      if (leaf.any.length === 1) return `${negated ? '未' : ''}入驻园区${quoted(leaf.any)}`;
      return negated ? `未入驻园区${quoted(leaf.any)}中的任何一个` : `入驻园区${quoted(leaf.any)}之一`;
    case 'employees':
      return rangeText('员工人数', '人', leaf.min, leaf.max, negated) + (negated ? '（或未填报）' : '');
    case 'registeredCapital':
      return rangeText('注册资本', '万元', leaf.min, leaf.max, negated) + (negated ? '（或未填报）' : '');
    case 'ageYears': {
      const { min, max } = leaf;
      const unknown = negated ? '（或成立日期未知）' : '';
      if (min !== undefined && max !== undefined)
        return (
          (negated ? `成立不满${min}年或已满${max + 1}年` : `成立满${min}年但不满${max + 1}年`) + unknown
        );
      if (min !== undefined) return (negated ? `成立不满${min}年` : `成立满${min}年`) + unknown;
      const upper = (max ?? 0) + 1;
      return (negated ? `成立已满${upper}年` : `成立不满${upper}年`) + unknown;
    }
  }
}

/**
 * The rule as one Chinese sentence for the policy page, e.g.
 * '需同时满足：所在地区属于路桥区；行业属于制造业(C)；（规模为规上，或具有“专精特新”标签）'.
 * `{ all: [] }` reads '面向所有企业'.
 */
export function describeRule(rule: Rule): string {
  const walk = (node: Rule, negated: boolean, top: boolean): string => {
    if ('attr' in node) return leafText(node, negated);
    if ('not' in node) return walk(node.not, !negated, top);
    const list = 'all' in node ? node.all : node.any;
    const conjunction = 'all' in node !== negated;
    if (list.length === 0) return negated ? '不面向任何企业' : '面向所有企业';
    const parts = list.map((c) => walk(c, negated, false));
    if (parts.length === 1) return parts.join('');
    if (top) return (conjunction ? '需同时满足：' : '满足以下任一条件即可：') + parts.join('；');
    return `（${parts.join(conjunction ? '，且' : '，或')}）`;
  };
  return walk(rule, false, true);
}

// --- SQL ----------------------------------------------------------------------------------------

/**
 * A SQL boolean over the `enterprise` projection under `alias` (columns region_code, industry_code,
 * scale, tags text[], parks text[], employees, registered_capital, founded_on) that holds for
 * exactly the rows {@link eligible} accepts as of `today`. Values go to `params` as `$n`
 * placeholders (numbered after what `params` already holds). Every leaf is wrapped in
 * `coalesce(…, false)`, so NULL columns behave as in {@link eligible} and `NOT` is exact.
 */
export function compileRule(rule: Rule, alias: string, params: unknown[], today: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new RangeError(`not a SQL alias: ${alias}`);
  const day = parseDate(today, 'today');
  const param = (value: unknown, type: string): string => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
  const col = (name: string): string => `${alias}.${name}`;

  const leaf = (node: LeafRule): string => {
    switch (node.attr) {
      case 'region':
        // Only digits, so no LIKE wildcard can hide in a prefix.
        return `${col('region_code')} LIKE ANY (${param(
          node.in.map((c) => `${regionPrefix(c)}%`),
          'text[]',
        )})`;
      case 'industry': {
        const prefixes = node.in.flatMap((c) => sectionDivisions.get(c) ?? [c]);
        return `${col('industry_code')} LIKE ANY (${param(
          [...new Set(prefixes)].map((p) => `${p}%`),
          'text[]',
        )})`;
      }
      case 'scale':
        return `${col('scale')} = ANY (${param([...node.in], 'text[]')})`;
      case 'tags':
        return 'any' in node
          ? `${col('tags')} && ${param([...node.any], 'text[]')}`
          : `${col('tags')} @> ${param([...node.all], 'text[]')}`;
      case 'parks':
        return `${col('parks')} && ${param([...node.any], 'text[]')}`;
      case 'employees':
      case 'registeredCapital': {
        const c = col(node.attr === 'employees' ? 'employees' : 'registered_capital');
        const parts: string[] = [];
        if (node.min !== undefined) parts.push(`${c} >= ${param(node.min, 'numeric')}`);
        if (node.max !== undefined) parts.push(`${c} <= ${param(node.max, 'numeric')}`);
        return parts.join(' AND ');
      }
      case 'ageYears': {
        // age ≥ n ⇔ founded_on ≤ today n years back; age ≤ m ⇔ not age ≥ m + 1.
        const parts: string[] = [];
        if (node.min !== undefined)
          parts.push(`${col('founded_on')} <= ${param(foundedCutoff(day, node.min), 'date')}`);
        if (node.max !== undefined)
          parts.push(`${col('founded_on')} > ${param(foundedCutoff(day, node.max + 1), 'date')}`);
        return parts.join(' AND ');
      }
    }
  };

  const walk = (node: Rule): string => {
    if ('attr' in node) return `coalesce(${leaf(node)}, false)`;
    if ('not' in node) return `(NOT ${walk(node.not)})`;
    if ('all' in node) return node.all.length ? `(${node.all.map(walk).join(' AND ')})` : 'true';
    return node.any.length ? `(${node.any.map(walk).join(' OR ')})` : 'false';
  };
  return walk(rule);
}
