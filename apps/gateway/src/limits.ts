import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Arguments that bound how many items a list field returns. */
export const PAGE_ARGS = ['first', 'last', 'limit'];

/**
 * Declared sizes of list fields without a page argument, `Type.field` → the most items a client
 * should expect (see `list-sizes.json` beside the supergraph). `0` marks a list sized by the page
 * argument of the field above it (a connection's `edges`, a page's `nodes`).
 */
export type ListSizes = Record<string, number>;

export interface Measure {
  depth: number;
  cost: number;
}

const isListOutput = (type: GraphQLOutputType): boolean =>
  isListType(isNonNullType(type) ? type.ofType : type);

/** Every list field of the schema without a page argument: each needs a declared size. */
export function unsizedListFields(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if ((!isObjectType(type) && !isInterfaceType(type)) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()))
      if (isListOutput(field.type) && !field.args.some((a) => PAGE_ARGS.includes(a.name)))
        out.push(`${type.name}.${field.name}`);
  }
  return out.sort();
}

/**
 * Measures operations in time linear in the size of the document: each fragment is measured
 * once (per operation) and its figures reused wherever it is spread, so a document whose
 * fragments spread each other twice over costs microseconds to refuse, not an exponential walk.
 *
 * Cost: every field costs 1; what is selected below a list is multiplied by its size — the page
 * argument's value (a variable counts), else that argument's default, else the declared size.
 * Depth: the longest chain of fields.
 */
export class QueryMeasurer {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly listSizes: ListSizes,
    /** Size assumed for a list with neither a page argument value nor a declared size. */
    private readonly unknownListSize = 100,
  ) {}

  measure(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> = {},
  ): Measure {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of document.definitions)
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const memo = new Map<string, Measure>();
    const inProgress = new Set<string>();
    const zero: Measure = { depth: 0, cost: 0 };

    const selectionSet = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined): Measure => {
      let depth = 0;
      let cost = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          const name = sel.name.value;
          if (name.startsWith('__')) continue;
          const def =
            parent && (isObjectType(parent) || isInterfaceType(parent))
              ? parent.getFields()[name]
              : undefined;
          const named = def ? getNamedType(def.type) : undefined;
          const inner = sel.selectionSet
            ? selectionSet(sel.selectionSet, named && isCompositeType(named) ? named : undefined)
            : zero;
          const size = def && parent ? this.sizeOf(parent.name, def, sel.arguments ?? [], variables) : 1;
          depth = Math.max(depth, 1 + inner.depth);
          cost += 1 + size * inner.cost;
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const type = sel.typeCondition ? this.schema.getType(sel.typeCondition.name.value) : parent;
          const inner = selectionSet(sel.selectionSet, type && isCompositeType(type) ? type : parent);
          depth = Math.max(depth, inner.depth);
          cost += inner.cost;
        } else {
          const inner = fragment(sel.name.value);
          depth = Math.max(depth, inner.depth);
          cost += inner.cost;
        }
        if (!Number.isFinite(cost)) cost = Number.MAX_VALUE;
      }
      return { depth, cost };
    };

    const fragment = (name: string): Measure => {
      const known = memo.get(name);
      if (known) return known;
      const def = fragments.get(name);
      // An unknown or cyclic spread is reported by validation; it adds nothing here.
      if (!def || inProgress.has(name)) return zero;
      inProgress.add(name);
      const type = this.schema.getType(def.typeCondition.name.value);
      const m = selectionSet(def.selectionSet, type && isCompositeType(type) ? type : undefined);
      inProgress.delete(name);
      memo.set(name, m);
      return m;
    };

    const root =
      operation.operation === 'mutation'
        ? this.schema.getMutationType()
        : operation.operation === 'subscription'
          ? this.schema.getSubscriptionType()
          : this.schema.getQueryType();
    return selectionSet(operation.selectionSet, root ?? undefined);
  }

  private sizeOf(
    typeName: string,
    field: GraphQLField<unknown, unknown>,
    args: readonly { name: { value: string }; value: import('graphql').ValueNode }[],
    variables: Record<string, unknown>,
  ): number {
    const pageArgs = field.args.filter((a) => PAGE_ARGS.includes(a.name));
    if (pageArgs.length) {
      let size = 0;
      for (const arg of pageArgs) {
        const given = args.find((a) => a.name.value === arg.name);
        const value = given ? valueFromAST(given.value, arg.type, variables) : arg.defaultValue;
        if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size, value);
      }
      return Math.max(1, size || this.listSizes[`${typeName}.${field.name}`] || this.unknownListSize);
    }
    if (!isListOutput(field.type)) return 1;
    const declared = this.listSizes[`${typeName}.${field.name}`];
    if (declared === 0) return 1; // sized by the page argument above it
    return declared ?? this.unknownListSize;
  }
}

/** The limits' refusals: stable codes, a zh-CN message, the figures, HTTP 400. */
export function tooDeep(depth: number, maxDepth: number): GraphQLError {
  return new GraphQLError(`查询嵌套过深：${depth} 层，上限 ${maxDepth} 层`, {
    extensions: {
      code: 'QUERY_TOO_DEEP',
      messageEn: `query depth ${depth} exceeds the limit of ${maxDepth}`,
      depth,
      maxDepth,
      http: { status: 400 },
    },
  });
}

export function tooCostly(cost: number, maxCost: number): GraphQLError {
  const shown = cost >= Number.MAX_SAFE_INTEGER ? '超过 2^53' : String(cost);
  return new GraphQLError(`查询过于复杂：估算代价 ${shown}，上限 ${maxCost}（请减少列表层级或每页条数）`, {
    extensions: {
      code: 'QUERY_TOO_COMPLEX',
      messageEn: `query cost ${cost} exceeds the limit of ${maxCost}`,
      cost: Math.min(cost, Number.MAX_SAFE_INTEGER),
      maxCost,
      http: { status: 400 },
    },
  });
}
