import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** Arguments that multiply the cost of what is selected below a field. */
const PAGE_ARGS = ['first', 'last', 'limit'];

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const v = variables[node.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

interface Measure {
  depth: number;
  cost: number;
}

/**
 * Depth and cost of an operation, fragments expanded. Every field costs 1; a field with a page
 * argument (first/last/limit) multiplies what is below it by that size (default 20 when a
 * page size is not given as a number).
 */
export function measure(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
  seen: Set<string> = new Set(),
): Measure {
  let depth = 0;
  let cost = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      const page = sel.arguments?.find((a) => PAGE_ARGS.includes(a.name.value));
      const size = page ? (intValue(page.value, variables) ?? 20) : 1;
      const inner = sel.selectionSet
        ? measure(sel.selectionSet, fragments, variables, seen)
        : { depth: 0, cost: 0 };
      depth = Math.max(depth, 1 + inner.depth);
      cost += 1 + Math.max(1, size) * inner.cost;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(sel.selectionSet, fragments, variables, seen);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    } else {
      const name = sel.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue; // cycles are reported by graphql's own rules
      const inner = measure(fragment.selectionSet, fragments, variables, new Set([...seen, name]));
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
  }
  return { depth, cost };
}

/**
 * Refuses operations deeper or costlier than the limits, before any subgraph is called. A plugin
 * rather than a validation rule: it sees the variables (a page size passed as $first counts), and
 * its error keeps its own code.
 */
export function queryLimitsPlugin(maxDepth: number, maxCost: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const def of document.definitions)
            if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
          const m = measure(operation.selectionSet, fragments, request.variables ?? {});
          if (m.depth > maxDepth) {
            throw new GraphQLError(`查询嵌套过深：${m.depth} 层，上限 ${maxDepth} 层`, {
              extensions: {
                code: 'QUERY_TOO_DEEP',
                messageEn: `query depth ${m.depth} exceeds the limit of ${maxDepth}`,
                depth: m.depth,
                maxDepth,
                http: { status: 400 },
              },
            });
          }
          if (m.cost > maxCost) {
            throw new GraphQLError(`查询过于复杂：估算代价 ${m.cost}，上限 ${maxCost}`, {
              extensions: {
                code: 'QUERY_TOO_COMPLEX',
                messageEn: `query cost ${m.cost} exceeds the limit of ${maxCost}`,
                cost: m.cost,
                maxCost,
                http: { status: 400 },
              },
            });
          }
        },
      };
    },
  };
}
