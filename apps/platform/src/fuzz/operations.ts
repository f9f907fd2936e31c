import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  isLeafType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { SeededRandom } from '@sfw/shared-types';

/**
 * Random operations over the composed API schema, for the schema-wide fuzz test: a random Query or
 * Mutation field, a bounded selection of its scalar fields (and of nested objects, two levels at
 * most), and arguments of the right GraphQL type whose content is adversarial: malformed ids,
 * division codes, dates and periods, page sizes out of range, control characters, 100,000-character
 * strings, SQL and LIKE metacharacters, beside plausible values and real ids so resolvers run deep.
 * Everything comes from one {@link SeededRandom}: the same seed gives the same operations.
 */

/** Values the data seeded for the run knows, so that some arguments name real rows. */
export interface FuzzPools {
  /** Real ids of every seeded table (enterprises, cadres, visits, appeals, policies, …). */
  ids: readonly string[];
  creditCodes: readonly string[];
  divisionCodes: readonly string[];
  departmentCodes: readonly string[];
  tags: readonly string[];
  industryCodes: readonly string[];
}

export interface FuzzOperation {
  index: number;
  /** `Query.enterprises`, `Mutation.rate`, … */
  field: string;
  document: string;
  variables: Record<string, unknown>;
}

const HUGE = 100_000;

/** Strings no argument should choke on: whatever the argument means, the answer has a code. */
const ADVERSARIAL_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t ',
  '%',
  '_',
  '%_%',
  '\\',
  '\\%',
  "'",
  "' OR '1'='1",
  '"; DROP TABLE enterprise; --',
  '$1',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0007\u001b[31m',
  '\u007f',
  'line\nbreak\r\n',
  '\u200b',
  '\u202eevil',
  '\ufeff',
  '\uffff',
  '\ud800',
  '😀🎉👨‍👩‍👧',
  '𠀀𠀁',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '../../etc/passwd',
  'null',
  'undefined',
  '-1',
  '0',
  '1e309',
  'NaN',
  '9'.repeat(40),
  '中'.repeat(300),
  'x'.repeat(1_001),
  'x'.repeat(HUGE),
  'é'.repeat(HUGE),
];

const DATES = [
  '2026-03-01',
  '2025-11-20',
  '2024-02-29',
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '0000-01-01',
  '0001-01-01',
  '1899-12-31',
  '9999-12-31',
  '275760-09-13',
  '2026-3-1',
  '2026/03/01',
  '20260301',
  '2026-03-01T08:00:00+08:00',
  '2026-03-01T00:00:00.000Z',
  ' 2026-03-01',
  '明天',
  'yesterday',
  'today',
  'now()',
];

const MONTHS = ['2026-03', '2025-12', '2026-13', '2026-00', '2026-3', '26-03', '0000-01', '9999-12', '三月'];
const PERIODS = [
  '2026',
  '2025',
  '2026-H1',
  '2026-H2',
  '2026-Q3',
  '2026-10',
  '2026-H3',
  '2026-Q5',
  '2026-13',
  '1999',
  '3000',
  '2026-q1',
  '2026-10-01',
  '上半年',
];
const DIVISIONS_BAD = [
  '%',
  '33%',
  '3310%',
  '_',
  '999999',
  '000000',
  '3310',
  '33100x',
  '331004999',
  '3310040010',
  '33100400100010001',
  '1'.repeat(40),
  '-1',
  '331004 ',
  '３３１００４',
];
const CREDIT_BAD = [
  '91110000710926094Q',
  '91110000710926094P'.toLowerCase(),
  '911100007109260',
  'IOZSV'.repeat(4),
];
const INDUSTRIES_BAD = ['Z', 'c', 'C9999', '3612x', '%', '99', '0'];
const PHONES = ['13800138000', '0576-88886666', '12345', '+86 138 0013 8000', '1380013800a'];
const TEXTS = ['用地指标迟迟未落实，影响二期开工', '企业反映融资难', '融资', '走访', '专精特新', '台州', 'a'];
const CSVS = [
  'name,creditCode,regionCode,industryCode,scale\n测试企业,91331004MA2ABCDE1X,331004,C3612,SMALL\n',
  'enterpriseId,cadreId,primary\n',
  'a,b\n"unterminated,\n',
  '\u0000,\u0000\n',
  '',
  'x,'.repeat(5_000),
  '"' + 'a'.repeat(HUGE) + '"\n',
];

type Hint =
  | 'division'
  | 'date'
  | 'month'
  | 'period'
  | 'credit'
  | 'industry'
  | 'phone'
  | 'csv'
  | 'tag'
  | 'departmentCode'
  | 'text';

function hintOf(name: string, parent: string): Hint {
  if (/^region(Code|Codes)?$|^parentCode$/.test(name) || (name === 'code' && parent === 'Query.region'))
    return 'division';
  if (/^(code|creditCode)$/.test(name) && /CreditCode|Register/.test(parent)) return 'credit';
  if (name === 'code' && /Department/.test(parent)) return 'departmentCode';
  if (/^(industryCode|section)$/.test(name)) return 'industry';
  if (name === 'month') return 'month';
  if (name === 'period') return 'period';
  if (/^(from|to|since|date|validFrom|validTo|fromDate|toDate)$|On$/.test(name)) return 'date';
  if (name === 'phone') return 'phone';
  if (name === 'csv') return 'csv';
  if (/^tags(All|Any)?$/.test(name)) return 'tag';
  return 'text';
}

export class OperationGenerator {
  private readonly rng: SeededRandom;
  private readonly roots: { kind: 'query' | 'mutation'; type: GraphQLObjectType; name: string }[] = [];
  private count = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    seed: number,
    private readonly pools: FuzzPools,
  ) {
    this.rng = new SeededRandom(seed);
    const query = schema.getQueryType();
    const mutation = schema.getMutationType();
    for (const name of Object.keys(query?.getFields() ?? {}))
      this.roots.push({ kind: 'query', type: query as GraphQLObjectType, name });
    for (const name of Object.keys(mutation?.getFields() ?? {}))
      this.roots.push({ kind: 'mutation', type: mutation as GraphQLObjectType, name });
  }

  /** The root fields operations are drawn from, uniformly. */
  get rootFields(): string[] {
    return this.roots.map((r) => `${r.type.name}.${r.name}`);
  }

  next(): FuzzOperation {
    const index = this.count++;
    const root = this.rng.pick(this.roots);
    const field = root.type.getFields()[root.name] as GraphQLField<unknown, unknown>;
    const vars = new Variables(this.rng.chance(0.7));
    const selection = this.fieldSelection(field, `${root.type.name}.${root.name}`, 0, vars);
    const header = vars.definitions.length ? `(${vars.definitions.join(', ')})` : '';
    return {
      index,
      field: `${root.type.name}.${root.name}`,
      document: `${root.kind} Fuzz${index}${header} { ${selection} }`,
      variables: vars.values,
    };
  }

  /** `name(args) { selection }` for one field. */
  private fieldSelection(
    field: GraphQLField<unknown, unknown>,
    path: string,
    depth: number,
    vars: Variables,
  ): string {
    const args = this.argumentsOf(field.args, path, vars);
    const named = getNamedType(field.type);
    const sub = named instanceof GraphQLObjectType ? ` { ${this.selectionOf(named, depth + 1, vars)} }` : '';
    return `${field.name}${args}${sub}`;
  }

  private selectionOf(type: GraphQLObjectType, depth: number, vars: Variables): string {
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const objects = fields.filter((f) => getNamedType(f.type) instanceof GraphQLObjectType);
    const parts: string[] = [];
    const wanted = this.rng.int(1, Math.min(6, Math.max(1, leaves.length)));
    for (const f of this.sample(leaves, wanted))
      parts.push(this.fieldSelection(f, `${type.name}.${f.name}`, depth, vars));
    // Nested objects: up to two below the root field, one below those, none deeper.
    const nested = depth === 1 ? this.rng.int(0, 2) : depth === 2 ? this.rng.int(0, 1) : 0;
    // A connection's objects (edges → node) are what it is for: take them more often.
    const mustNest = leaves.length === 0 || (depth <= 2 && /Connection|Page|Edge$/.test(type.name));
    for (const f of this.sample(objects, Math.max(nested, mustNest ? 1 : 0)))
      parts.push(this.fieldSelection(f, `${type.name}.${f.name}`, depth, vars));
    if (!parts.length || this.rng.chance(0.1)) parts.push('__typename');
    return parts.join(' ');
  }

  private sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(this.rng.int(0, pool.length - 1), 1)[0] as T);
    return out;
  }

  private argumentsOf(args: readonly GraphQLArgument[], path: string, vars: Variables): string {
    const given: string[] = [];
    for (const arg of args) {
      const required = arg.type instanceof GraphQLNonNull && arg.defaultValue === undefined;
      if (!required && !this.rng.chance(0.6)) continue;
      const value = this.value(arg.type, arg.name, path, 0);
      given.push(`${arg.name}: ${vars.add(arg.type, value)}`);
    }
    return given.length ? `(${given.join(', ')})` : '';
  }

  /** A value of `type`: right in shape, adversarial in content. `undefined` is never returned. */
  private value(type: GraphQLInputType, name: string, path: string, depth: number): unknown {
    if (type instanceof GraphQLNonNull) return this.present(type.ofType, name, path, depth);
    if (this.rng.chance(0.08)) return null;
    return this.present(type, name, path, depth);
  }

  private present(type: GraphQLInputType, name: string, path: string, depth: number): unknown {
    if (type instanceof GraphQLList) {
      const n = this.rng.weightedEntry<number>([
        [0, 2],
        [1, 5],
        [2, 3],
        [3, 2],
        [40, 1],
      ]);
      const items: unknown[] = [];
      for (let i = 0; i < n; i++) items.push(this.value(type.ofType as GraphQLInputType, name, path, depth));
      return items;
    }
    if (type instanceof GraphQLInputObjectType) return this.inputObject(type, path, depth);
    if (type instanceof GraphQLEnumType) return this.enumValue(type);
    return this.scalar(type as GraphQLScalarType, name, path);
  }

  private inputObject(type: GraphQLInputObjectType, path: string, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const required = f.type instanceof GraphQLNonNull && f.defaultValue === undefined;
      if (!required && (depth > 2 || !this.rng.chance(0.55))) continue;
      out[f.name] = this.value(f.type, f.name, `${path}.${type.name}`, depth + 1);
    }
    // Now and then a field the type does not have, or one it needs left out.
    if (this.rng.chance(0.03)) out[`unknown${this.rng.int(0, 9)}`] = 'x';
    return out;
  }

  private enumValue(type: GraphQLEnumType): string {
    if (this.rng.chance(0.03)) return 'NOT_A_VALUE';
    return this.rng.pick(type.getValues()).name;
  }

  private scalar(type: GraphQLScalarType, name: string, path: string): unknown {
    switch (type.name) {
      case 'ID':
        return this.id();
      case 'Int':
        return this.int(name);
      case 'Float':
        return this.rng.pick([
          0, 1, -1, 0.5, 0.3333333333, 1e-9, 100, 5000.005, 1e10, 1e15, 1.7e308, -1e20, 99.999,
        ]);
      case 'Boolean':
        return this.rng.chance(0.5);
      case 'String':
        return this.string(hintOf(name, path));
      case 'JSONObject':
        return this.json(0);
      default:
        return this.string('text');
    }
  }

  private id(): string {
    const p = this.pools;
    return this.rng.weightedEntry<() => string>([
      [() => this.rng.pick(p.ids), 55],
      [() => this.uuid(), 12],
      [() => this.rng.pick(p.ids).toUpperCase(), 3],
      [() => this.rng.pick(p.ids) + ' ', 2],
      [() => `{${this.rng.pick(p.ids)}}`, 2],
      [() => this.rng.pick(p.ids).replace(/-/g, ''), 2],
      [() => this.rng.pick(['1', '0', '-1', 'x', 'abc', 'null', '00000000-0000-0000-0000-00000000000g']), 8],
      [() => this.rng.pick(ADVERSARIAL_STRINGS), 16],
    ])();
  }

  private uuid(): string {
    const hex = () => this.rng.int(0, 0xffff).toString(16).padStart(4, '0');
    return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
  }

  private int(name: string): number {
    const page = /^(first|last|limit|offset|minEligible|days|sinceDays|round)$/.test(name);
    if (page && this.rng.chance(0.6)) return this.rng.pick([0, 1, 2, 5, 10, 20]);
    return this.rng.pick([
      0, 1, -1, 3, 7, 50, 100, 101, 200, 500, 1000, 10_000, 2_147_483_647, -2_147_483_648,
    ]);
  }

  private string(hint: Hint): string {
    if (this.rng.chance(0.35)) return this.rng.pick(ADVERSARIAL_STRINGS);
    const p = this.pools;
    switch (hint) {
      case 'division':
        return this.rng.chance(0.6) ? this.rng.pick(p.divisionCodes) : this.rng.pick(DIVISIONS_BAD);
      case 'date':
        return this.rng.pick(DATES);
      case 'month':
        return this.rng.pick(MONTHS);
      case 'period':
        return this.rng.pick(PERIODS);
      case 'credit':
        return this.rng.chance(0.6) && p.creditCodes.length
          ? this.rng.pick(p.creditCodes)
          : this.rng.pick(CREDIT_BAD);
      case 'industry':
        return this.rng.chance(0.6) && p.industryCodes.length
          ? this.rng.pick(p.industryCodes)
          : this.rng.pick(INDUSTRIES_BAD);
      case 'phone':
        return this.rng.pick(PHONES);
      case 'csv':
        return this.rng.pick(CSVS);
      case 'tag':
        return this.rng.chance(0.7) && p.tags.length ? this.rng.pick(p.tags) : this.rng.pick(TEXTS);
      case 'departmentCode':
        return this.rng.chance(0.5) && p.departmentCodes.length
          ? this.rng.pick(p.departmentCodes)
          : this.rng.pick(['331000-JXJ', '331004-SJJ', 'X', '331000-jxj', '999999-ABC']);
      default:
        return this.rng.pick(TEXTS);
    }
  }

  /** A JSON object: an eligibility or amount rule, right or wrong, or noise. */
  private json(depth: number): Record<string, unknown> {
    const leaf = (): unknown =>
      this.rng.pick<unknown>([
        { attr: 'region', in: [this.rng.pick(this.pools.divisionCodes)] },
        { attr: 'region', in: ['%'] },
        { attr: 'industry', in: ['C'] },
        { attr: 'scale', in: ['SMALL', 'HUGE'] },
        { attr: 'tags', any: ['专精特新'] },
        { attr: 'employees', min: -1, max: 1e300 },
        { attr: 'ageYears', max: 2 },
        { attr: 'nope' },
        { kind: 'FIXED', amount: 100000 },
        { kind: 'SHARE', baseLabel: '研发投入', share: 0.1, cap: 500000 },
        { kind: 'SHARE', baseLabel: 'x'.repeat(HUGE), share: 2, cap: -1 },
        { kind: 'NONE' },
        'text',
        null,
        42,
      ]);
    if (depth > 3 || this.rng.chance(0.4)) {
      const v = leaf();
      return v !== null && typeof v === 'object' && !Array.isArray(v)
        ? (v as Record<string, unknown>)
        : { v };
    }
    const op = this.rng.pick(['all', 'any', 'not']);
    if (op === 'not') return { not: this.json(depth + 1) };
    // One wide level at most: a rule of 60 conditions, not 60³.
    const n = this.rng.weightedEntry<number>([
      [0, 1],
      [2, 4],
      [depth === 0 ? 60 : 3, 1],
    ]);
    return { [op]: Array.from({ length: n }, () => this.json(depth + 1)) };
  }
}

/** Arguments as variables (most operations) or as literals written into the document. */
class Variables {
  readonly definitions: string[] = [];
  readonly values: Record<string, unknown> = {};

  constructor(private readonly asVariables: boolean) {}

  add(type: GraphQLInputType, value: unknown): string {
    if (!this.asVariables && literalFits(type, value)) return literal(type, value);
    const name = `v${this.definitions.length}`;
    this.definitions.push(`$${name}: ${String(type)}`);
    this.values[name] = value;
    return `$${name}`;
  }
}

/** JSON scalars have no literal here; everything else does. */
function literalFits(type: GraphQLInputType, _value: unknown, seen = new Set<string>()): boolean {
  const named = getNamedType(type) as GraphQLNamedType;
  if (named.name === 'JSONObject') return false;
  if (!(named instanceof GraphQLInputObjectType) || seen.has(named.name)) return true;
  seen.add(named.name);
  return Object.values(named.getFields()).every((f) => literalFits(f.type, null, seen));
}

function literal(type: GraphQLInputType, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const inner = type instanceof GraphQLNonNull ? (type.ofType as GraphQLInputType) : type;
  if (inner instanceof GraphQLList)
    return `[${(value as unknown[]).map((v) => literal(inner.ofType as GraphQLInputType, v)).join(', ')}]`;
  if (inner instanceof GraphQLInputObjectType) {
    const fields = inner.getFields();
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${fields[k] ? literal(fields[k].type, v) : JSON.stringify(v)}`)
      .join(', ')}}`;
  }
  if (inner instanceof GraphQLEnumType) return String(value);
  // A JSON string is a GraphQL string literal (same escapes); numbers and booleans print alike.
  return JSON.stringify(value);
}
