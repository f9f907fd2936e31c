import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  parse,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** An id no record has, well formed: a call with it reaches the resolver (and finds nothing). */
export const ABSENT_ID = '00000000-0000-4000-8000-0000000000ff';

/** A well-typed value for an input type: only required fields, the smallest sensible value. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields()))
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = sampleValue(f.type);
    return out;
  }
  if (isScalarType(type))
    switch (type.name) {
      case 'ID':
        return ABSENT_ID;
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTimeISO':
        return '2026-01-05T00:00:00.000Z';
      case 'JSONObject':
        return {};
      default:
        return 'x';
    }
  return null;
}

/** One root field called with well-typed required arguments and the smallest selection. */
export function rootOperation(
  schema: GraphQLSchema,
  kind: 'query' | 'mutation',
  fieldName: string,
): { document: string; variables: Record<string, unknown> } {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  const field = root?.getFields()[fieldName] as GraphQLField<unknown, unknown> | undefined;
  if (!field) throw new Error(`${kind} ${fieldName} is not in the schema`);
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    defs.push(`$${arg.name}: ${String(arg.type)}`);
    args.push(`${arg.name}: $${arg.name}`);
    variables[arg.name] = sampleValue(arg.type);
  }
  const leaf = isLeafType(getNamedType(getNullableType(field.type)));
  const document = `${kind} Matrix${defs.length ? `(${defs.join(', ')})` : ''} { ${fieldName}${
    args.length ? `(${args.join(', ')})` : ''
  }${leaf ? '' : ' { __typename }'} }`;
  return { document, variables };
}

/** Root fields, `@key` types and their fields, as one subgraph's SDL declares them. */
export interface SubgraphShape {
  query: string[];
  mutation: string[];
  /** `@key` type → its fields (without the key fields). */
  keyed: Map<string, string[]>;
  /** Root fields tagged `@tag(name: "public")`. */
  publicFields: Set<string>;
}

export function shapeOf(sdl: string): SubgraphShape {
  const shape: SubgraphShape = { query: [], mutation: [], keyed: new Map(), publicFields: new Set() };
  for (const def of parse(sdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const name = def.name.value;
    const fields = def.fields ?? [];
    if (name === 'Query' || name === 'Mutation') {
      for (const f of fields) {
        if (f.name.value === '_entities' || f.name.value === '_service') continue;
        (name === 'Query' ? shape.query : shape.mutation).push(f.name.value);
        const isPublic = f.directives?.some(
          (d) =>
            d.name.value === 'tag' &&
            d.arguments?.some((a) => a.value.kind === Kind.STRING && a.value.value === 'public'),
        );
        if (isPublic) shape.publicFields.add(f.name.value);
      }
      continue;
    }
    const key = def.directives?.find((d) => d.name.value === 'key');
    if (!key) continue;
    const keyArg = key.arguments?.find((a) => a.name.value === 'fields');
    const keyFields = new Set(
      keyArg?.value.kind === Kind.STRING ? keyArg.value.value.split(/\s+/).filter(Boolean) : [],
    );
    shape.keyed.set(
      name,
      fields.map((f) => f.name.value).filter((f) => !keyFields.has(f)),
    );
  }
  return shape;
}
