import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { Role, type Viewer } from '@sfw/shared-types';
import { forbidden, unauthenticated } from './errors';

/**
 * Access tables (访问规则表): each subgraph declares, in one file (`src/access-rules.ts`), who may
 * call each of its Query and Mutation fields and who may read each entity it owns. The schema
 * builder enforces the table on every root field and every `_entities` reference, the README
 * states it, and the platform's authorization-matrix test is generated from it.
 */

/** Who asks: a signed-in role, or nobody (a request without a token). */
export type Principal = 'anonymous' | `${Role}`;

export const PRINCIPALS: readonly Principal[] = [
  'anonymous',
  Role.ADMIN,
  Role.ENTERPRISE,
  Role.CADRE,
  Role.DEPARTMENT,
  Role.LEADER,
  Role.EVALUATOR,
];

/**
 * What a principal gets:
 * - `all`: may call / read, unrestricted;
 * - `own`: may call / read, but only what it owns (the rule's `own` text says what that is);
 *   everything else answers exactly like a missing object (null, an empty list or NOT_FOUND);
 * - `public`: only the public fields (reference data);
 * - `none`: refused — UNAUTHENTICATED without a token, FORBIDDEN (`reason: ROLE`) with one; an
 *   entity reference resolves to null.
 */
export type Grant = 'all' | 'own' | 'public' | 'none';

const WIDTH: Record<Grant, number> = { none: 0, public: 1, own: 2, all: 3 };

/** Grants by principal; a principal left out gets `none`. */
export type Grants = Partial<Record<Principal, Grant>>;

export interface OperationRule {
  who: Grants;
  /** What `own` means here, by principal (for the README and the matrix). */
  own?: Partial<Record<Principal, string>>;
}

export interface EntityRule<T = never> {
  /** Who may read the entity (root reads by id and `_entities` references alike). */
  read: Grants;
  /** What `own` means for this entity, by principal. */
  own?: Partial<Record<Principal, string>>;
  /**
   * The ownership check for `own` grants, applied to every object a reference resolves to:
   * false answers null, exactly like a missing object.
   */
  readable?: (viewer: Viewer, object: T) => boolean;
  /** Fields with their own rule (masked, internal, …), field → sentence, for the README. */
  fields?: Record<string, string>;
}

/** A field this subgraph adds to another subgraph's entity (`Enterprise.issues`). */
export interface ExtensionRule {
  who: Grants;
  own?: Partial<Record<Principal, string>>;
}

export interface AccessTable {
  /** The subgraph's name as composed (`enterprises`, `issues`, …). */
  subgraph: string;
  query: Record<string, OperationRule>;
  mutation: Record<string, OperationRule>;
  /** Every entity the subgraph owns (resolves by `@key`), by type name. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: Record<string, EntityRule<any>>;
  /** Every entity owned elsewhere that this subgraph declares (a key-only stub), with the fields it adds. */
  extends: Record<string, Record<string, ExtensionRule>>;
}

/** The principals a viewer acts as (a token may carry several roles). */
export function principalsOf(viewer: Viewer | null): Principal[] {
  if (!viewer) return ['anonymous'];
  return viewer.roles.length ? (viewer.roles as Principal[]) : ['anonymous'];
}

/** The widest grant of the viewer's roles. */
export function grantFor(grants: Grants, viewer: Viewer | null): Grant {
  let best: Grant = 'none';
  for (const p of principalsOf(viewer)) {
    const g = grants[p] ?? 'none';
    if (WIDTH[g] > WIDTH[best]) best = g;
  }
  return best;
}

/** The error a refused principal gets: the same for every argument, so it tells nothing. */
export function roleRefusal(viewer: Viewer | null, field: string): Error {
  if (!viewer) return unauthenticated();
  const e = forbidden('当前身份无权执行此操作', `your roles may not use ${field}`);
  e.extensions['reason'] = 'ROLE';
  return e;
}

interface ViewerContext {
  viewer?: Viewer | null;
}

/**
 * Enforces a table's root-field rules: every Query and Mutation field must have a rule (a field
 * without one fails the build), and a principal without a grant is refused before its arguments
 * are read. Wrap after {@link guardArguments} so the refusal comes first, whatever the input.
 */
export function guardRootFields(schema: GraphQLSchema, table: AccessTable): GraphQLSchema {
  const missing: string[] = [];
  for (const [typeName, rules] of [
    ['Query', table.query],
    ['Mutation', table.mutation],
  ] as const) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (field.name === '_entities' || field.name === '_service') continue;
      const rule = rules[field.name];
      if (!rule) {
        missing.push(`${typeName}.${field.name}`);
        continue;
      }
      const resolve = field.resolve ?? defaultFieldResolver;
      const name = `${typeName}.${field.name}`;
      field.resolve = (source, args, context, info) => {
        const viewer = (context as ViewerContext).viewer ?? null;
        if (grantFor(rule.who, viewer) === 'none') throw roleRefusal(viewer, name);
        return resolve(source, args, context, info);
      };
    }
  }
  if (missing.length)
    throw new Error(
      `${table.subgraph}: no rule in src/access-rules.ts for ${missing.join(', ')} — every Query and Mutation field needs one`,
    );
  return schema;
}

/**
 * Enforces a table's rules for the fields this subgraph adds to other subgraphs' entities
 * (`extends`): a principal without a grant is refused (as on a root field) before the field's
 * arguments are read, whichever path led to the entity. `own` grants are the resolvers' to narrow.
 */
export function guardAddedFields(schema: GraphQLSchema, table: AccessTable): GraphQLSchema {
  for (const [typeName, fields] of Object.entries(table.extends)) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) continue;
    const all = type.getFields() as Record<string, GraphQLField<unknown, unknown>>;
    for (const [fieldName, rule] of Object.entries(fields)) {
      const field = all[fieldName];
      if (!field) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const name = `${typeName}.${fieldName}`;
      field.resolve = (source, args, context, info) => {
        const viewer = (context as ViewerContext).viewer ?? null;
        if (grantFor(rule.who, viewer) === 'none') throw roleRefusal(viewer, name);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

type ReferenceResolver = (reference: unknown, context: unknown, info: unknown) => unknown;

/**
 * Wraps the reference resolver of each owned entity so that a principal without a grant gets
 * null, and an `own` grant only what the rule's `readable` check passes — exactly like a
 * missing object.
 */
export function guardReference(
  table: AccessTable,
  typeName: string,
  resolve: ReferenceResolver | undefined,
): ReferenceResolver {
  const rule = table.entities[typeName];
  if (!rule) throw new Error(`${table.subgraph}: no entity rule for ${typeName} in src/access-rules.ts`);
  return async (reference, context, info) => {
    const viewer = (context as ViewerContext).viewer ?? null;
    const grant = grantFor(rule.read, viewer);
    if (grant === 'none') return null;
    const found = resolve ? await resolve(reference, context, info) : reference;
    if (found == null) return null;
    if (grant === 'own' && rule.readable && viewer && !rule.readable(viewer, found as never)) return null;
    return found;
  };
}

const GRANT_LABEL: Record<Grant, string> = { all: '✅', own: '🔒 own', public: '🌐 public', none: '—' };

/** The table as Markdown (role × field → grant), for the README and the matrix report. */
export function renderAccessTable(table: AccessTable): string {
  const head = `| ${table.subgraph} | ${PRINCIPALS.join(' | ')} |\n|---|${PRINCIPALS.map(() => '---').join('|')}|`;
  const row = (name: string, who: Grants) =>
    `| \`${name}\` | ${PRINCIPALS.map((p) => GRANT_LABEL[who[p] ?? 'none']).join(' | ')} |`;
  const lines = [head];
  for (const [name, rule] of Object.entries(table.query)) lines.push(row(`Query.${name}`, rule.who));
  for (const [name, rule] of Object.entries(table.mutation)) lines.push(row(`Mutation.${name}`, rule.who));
  for (const [name, rule] of Object.entries(table.entities))
    lines.push(row(`${name} (reference)`, rule.read));
  for (const [type, fields] of Object.entries(table.extends))
    for (const [field, rule] of Object.entries(fields)) lines.push(row(`${type}.${field}`, rule.who));
  const notes: string[] = [];
  const own = (name: string, o?: Partial<Record<Principal, string>>) => {
    for (const [p, text] of Object.entries(o ?? {})) notes.push(`- \`${name}\`, ${p}: ${text}`);
  };
  for (const [name, rule] of Object.entries(table.query)) own(`Query.${name}`, rule.own);
  for (const [name, rule] of Object.entries(table.mutation)) own(`Mutation.${name}`, rule.own);
  for (const [name, rule] of Object.entries(table.entities)) {
    own(name, rule.own);
    for (const [field, text] of Object.entries(rule.fields ?? {}))
      notes.push(`- \`${name}.${field}\`: ${text}`);
  }
  for (const [type, fields] of Object.entries(table.extends))
    for (const [field, rule] of Object.entries(fields)) own(`${type}.${field}`, rule.own);
  return `${lines.join('\n')}\n${notes.length ? `\nWhat "own" means:\n\n${notes.join('\n')}\n` : ''}`;
}
