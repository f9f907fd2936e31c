import {
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isNullableType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { readDivisions } from '@sfw/shared-types';
import { AppError, badInput, ErrorCode, type FieldProblem } from './errors';
import { isUuid } from './paging';

/**
 * Input checked before work. Every subgraph's schema gets {@link guardArguments}: before any
 * resolver runs, each argument — inside input objects, lists and JSON values too, from literals or
 * variables — is checked for what no field may carry:
 *
 * - control characters (NUL, backspace, escape, DEL, …; tab, line feed and carriage return are
 *   text) and lone UTF-16 surrogates: `INVALID_CHARACTERS`;
 * - more characters than the field's maximum ({@link INPUT_LIMITS}: 10,000 by default, a search
 *   100, a CSV file 20 MiB): `INVALID_LENGTH`;
 * - an `ID` that is not a UUID names nothing: a nullable single object answers null (as for an id
 *   that does not exist), anything else `NOT_FOUND`; the value is never echoed.
 *
 * Every problem names the field's path (`input.members.2.name`) and has a zh-CN message. What a
 * value means (a division code, a date, a period, a page size) is the service's to check, with the
 * helpers below where they fit.
 */
export interface InputLimits {
  /** Longest string (characters) an argument or input field may carry unless named in `byName`. */
  maxLength: number;
  /** Maxima of arguments and input fields of these names, wherever they appear. */
  byName: Readonly<Record<string, number>>;
  /** Deepest nesting of a JSON value (a policy rule). */
  maxJsonDepth: number;
}

export const INPUT_LIMITS: InputLimits = {
  maxLength: 10_000,
  byName: { search: 100, csv: 20 * 1024 * 1024 },
  maxJsonDepth: 32,
};

/** C0 controls but tab, LF and CR; DEL; a high surrogate without its low half or the reverse. */
const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Characters as people count them (code points), counted only as far as needed. */
function longerThan(value: string, max: number): number | null {
  if (value.length <= max) return null;
  const n = [...value].length;
  return n > max ? n : null;
}

export function characterProblem(field: string, value: string): FieldProblem | null {
  if (!FORBIDDEN_CHARACTERS.test(value)) return null;
  return {
    field,
    code: 'INVALID_CHARACTERS',
    message: `${field}：含有不允许的控制字符（如 NUL、退格、转义符）或无效的 Unicode 字符`,
    messageEn: `${field}: control characters (NUL, backspace, escape, …) and lone surrogates are not allowed`,
  };
}

export function lengthProblem(field: string, value: string, max: number): FieldProblem | null {
  const n = longerThan(value, max);
  if (n === null) return null;
  return {
    field,
    code: 'INVALID_LENGTH',
    message: `${field}：过长，最多 ${max} 个字符（收到 ${n} 个）`,
    messageEn: `${field}: at most ${max} characters (got ${n})`,
  };
}

interface Findings {
  problems: FieldProblem[];
  /** The first ID that is not a UUID. */
  malformedId: string | null;
}

const SKIPPED_SCALARS = new Set(['Int', 'Float', 'Boolean', '_Any', '_FieldSet', 'DateTimeISO']);

function inspectString(field: string, value: string, max: number, out: Findings): void {
  const p = characterProblem(field, value) ?? lengthProblem(field, value, max);
  if (p) out.problems.push(p);
}

/** Strings anywhere in a JSON value; a value nested deeper than the limit is refused whole. */
function inspectJson(field: string, value: unknown, limits: InputLimits, out: Findings): void {
  const stack: { path: string; value: unknown; depth: number }[] = [{ path: field, value, depth: 0 }];
  while (stack.length) {
    const { path, value: v, depth } = stack.pop() as { path: string; value: unknown; depth: number };
    if (typeof v === 'string') inspectString(path, v, limits.maxLength, out);
    else if (v !== null && typeof v === 'object') {
      if (depth >= limits.maxJsonDepth) {
        out.problems.push({
          field: path,
          code: 'INVALID_VALUE',
          message: `${field}：嵌套超过 ${limits.maxJsonDepth} 层`,
          messageEn: `${field}: nested deeper than ${limits.maxJsonDepth} levels`,
        });
        return;
      }
      for (const [k, child] of Object.entries(v)) {
        const keyProblem = characterProblem(`${path}.${k}`, k);
        if (keyProblem) out.problems.push(keyProblem);
        stack.push({ path: `${path}.${k}`, value: child, depth: depth + 1 });
      }
    }
    if (out.problems.length >= 20) return;
  }
}

function inspect(
  field: string,
  name: string,
  type: GraphQLInputType,
  value: unknown,
  limits: InputLimits,
  out: Findings,
): void {
  if (value === null || value === undefined) return;
  const t = isNonNullType(type) ? (type.ofType as GraphQLInputType) : type;
  if (isListType(t)) {
    if (!Array.isArray(value)) return inspect(field, name, t.ofType as GraphQLInputType, value, limits, out);
    value.forEach((item, i) =>
      inspect(`${field}.${i}`, name, t.ofType as GraphQLInputType, item, limits, out),
    );
    return;
  }
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[key];
      if (f) inspect(`${field}.${key}`, key, f.type, child, limits, out);
    }
    return;
  }
  if (!isScalarType(t) || SKIPPED_SCALARS.has(t.name)) return;
  if (t.name === 'ID') {
    if ((typeof value !== 'string' || !isUuid(value)) && out.malformedId === null) out.malformedId = field;
    return;
  }
  if (typeof value === 'string')
    return inspectString(field, value, limits.byName[name] ?? limits.maxLength, out);
  inspectJson(field, value, limits, out);
}

/**
 * The problems of a field's arguments, as {@link guardArguments} finds them. Ids of the arguments
 * named in `idsMatchNothing` are not looked at.
 */
export function argumentFindings(
  args: readonly GraphQLArgument[],
  values: Record<string, unknown>,
  limits: InputLimits = INPUT_LIMITS,
  idsMatchNothing: ReadonlySet<string> = new Set(),
): Findings {
  const out: Findings = { problems: [], malformedId: null };
  for (const arg of args) {
    const own = idsMatchNothing.has(arg.name) ? { problems: out.problems, malformedId: null } : out;
    inspect(arg.name, arg.name, arg.type, values[arg.name], limits, own);
  }
  return out;
}

const malformedIdError = (field: string): AppError =>
  new AppError(ErrorCode.NOT_FOUND, `${field}：所指的对象不存在`, `${field}: no such object`, { field });

export interface GuardOptions {
  /**
   * Arguments (`Mutation.markPolicyPushesRead.ids`) whose resolver treats an id that is not a UUID
   * as one that matches nothing — a batch that skips ids it does not know — so that such an id is
   * answered exactly like a missing one there too. The guard leaves their ids to the resolver.
   */
  idsMatchNothing?: readonly string[];
}

/**
 * Wraps the resolver of every field that takes arguments so that the checks above run first
 * (see {@link InputLimits}). Called by `buildFederatedSchema`; every subgraph gets it.
 */
export function guardArguments(
  schema: GraphQLSchema,
  limits: InputLimits = INPUT_LIMITS,
  options: GuardOptions = {},
): GraphQLSchema {
  const tolerant = new Set(options.idsMatchNothing ?? []);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (!field.args.length || field.name === '_entities') continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      // A single object may be missing (null); a list or a required answer cannot be.
      const nullable = isNullableType(field.type) && !isListType(getNullableType(field.type));
      const args = field.args;
      const skipIds = new Set(
        args.filter((a) => tolerant.has(`${type.name}.${field.name}.${a.name}`)).map((a) => a.name),
      );
      field.resolve = (source, values, context, info) => {
        const found = argumentFindings(args, values, limits, skipIds);
        if (found.problems.length) throw badInput(found.problems.slice(0, 20));
        if (found.malformedId) {
          if (nullable) return null;
          throw malformedIdError(found.malformedId);
        }
        return resolve(source, values, context, info);
      };
    }
  }
  return schema;
}

// --- what values mean: helpers the services share ---------------------------------------------

const ISO_DATE = /^([12]\d{3})-(\d{2})-(\d{2})$/;

/**
 * A calendar date written YYYY-MM-DD, years 1000–2999: what JavaScript and PostgreSQL read alike,
 * with room to compute on (the month after, a deadline) without reaching year 10000, which a
 * YYYY-MM-DD string cannot spell. `2026-02-30`, `2026-3-1`, `0000-01-01`, `9999-12-31` and
 * `2026-03-01T00:00Z` are not.
 */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function dateProblem(field: string, value: string, label = field): FieldProblem | null {
  if (isIsoDate(value)) return null;
  return {
    field,
    code: 'INVALID_DATE',
    message: `${label}应为 YYYY-MM-DD 格式的有效日期`,
    messageEn: `${field}: a valid date YYYY-MM-DD`,
  };
}

/** A month written YYYY-MM (years 1000–2999, as {@link isIsoDate}). */
export function isIsoMonth(value: string): boolean {
  return /^[12]\d{3}-(0[1-9]|1[0-2])$/.test(value);
}

let divisionCodes: Set<string> | undefined;

/** A division code of the platform's reference data (行政区划): 330000, 331000, 331004, 331004001, … */
export function isDivisionCode(code: string): boolean {
  divisionCodes ??= new Set(readDivisions().map((d) => d.code));
  return divisionCodes.has(code);
}

export function divisionProblem(field: string, code: string): FieldProblem | null {
  if (isDivisionCode(code)) return null;
  return {
    field,
    code: 'UNKNOWN_REGION',
    message: `${field}：不是已知的行政区划代码（如 331000、331004）`,
    messageEn: `${field}: not a known division code (e.g. 331000, 331004)`,
  };
}

/** Throws the problems found, all at once (nothing is written); null entries are ignored. */
export function checkInput(...problems: (FieldProblem | null | undefined)[]): void {
  const found = problems.filter((p): p is FieldProblem => !!p);
  if (found.length) throw badInput(found);
}
