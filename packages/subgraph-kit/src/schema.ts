import 'reflect-metadata';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray, type AuthChecker } from 'type-graphql';
import { guardAddedFields, guardReference, guardRootFields, type AccessTable } from './access-table';
import { roleAuthChecker } from './auth';
import { guardArguments, INPUT_LIMITS, type InputLimits } from './input';

/** The Federation 2 spec this platform's subgraphs link. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

export type ReferenceResolvers = Record<
  string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  { __resolveReference: (reference: any, context: any, info: any) => unknown }
>;

export interface FederatedSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name; batch them with a per-request DataLoader. */
  referenceResolvers?: ReferenceResolvers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  authChecker?: AuthChecker<any, any>;
  /** What every argument is checked for before resolvers run (default {@link INPUT_LIMITS}). */
  inputLimits?: InputLimits;
  /** Arguments whose resolver skips ids it does not know, malformed ones too (see `GuardOptions`). */
  idsMatchNothing?: readonly string[];
  /**
   * The subgraph's access table (`src/access-rules.ts`): enforced on every root field, every
   * owned entity's reference and every field added to another subgraph's entity; a root field
   * without a rule fails the build.
   */
  access?: AccessTable;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL with federation directives: what composition reads. */
  sdl: string;
}

/**
 * type-graphql classes → an Apollo Federation 2 subgraph schema. Keys are declared on the
 * classes with `@Directive('@key(fields: "id")')`; an entity owned elsewhere is a key-only stub
 * class of the same name.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<FederatedSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker: options.authChecker ?? roleAuthChecker,
    authMode: 'error',
    validate: false,
    skipCheck: true,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  const access = options.access;
  if (access)
    for (const typeName of Object.keys(access.entities)) {
      const own = resolvers[typeName]?.['__resolveReference'] as Parameters<typeof guardReference>[2];
      resolvers[typeName] = {
        ...(resolvers[typeName] ?? {}),
        __resolveReference: guardReference(access, typeName, own),
      };
    }
  const guarded = guardArguments(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    buildSubgraphSchema({ typeDefs, resolvers: resolvers as any }),
    options.inputLimits ?? INPUT_LIMITS,
    { idsMatchNothing: options.idsMatchNothing },
  );
  // The role checks wrap the argument guard: a refused role is refused whatever its input.
  const schema = access ? guardAddedFields(guardRootFields(guarded, access), access) : guarded;
  return { schema, sdl: printSubgraphSchema(schema).trimEnd() + '\n' };
}

/**
 * Write the SDL to the service's committed `schema.graphql`, or (check mode) report whether the
 * committed file is stale. Returns true when the file is current.
 */
export function emitOrCheckSchema(sdl: string, file: string, mode: 'write' | 'check'): boolean {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (mode === 'write') {
    if (current !== sdl) writeFileSync(file, sdl);
    return true;
  }
  return current === sdl;
}
