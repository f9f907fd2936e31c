import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, created lazily by name: every reference resolver and every
 * list-to-entity hop goes through one, so an `_entities` batch costs one query.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Order rows by the requested keys (missing → null), as DataLoader requires. */
export function orderByKeys<K, T>(
  keys: readonly K[],
  rows: readonly T[],
  keyOf: (row: T) => K,
): (T | null)[] {
  const byKey = new Map<K, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((k) => byKey.get(k) ?? null);
}

/** Group rows under the requested keys (missing → []), for one-to-many hops. */
export function groupByKeys<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const byKey = new Map<K, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = byKey.get(k);
    if (list) list.push(row);
    else byKey.set(k, [row]);
  }
  return keys.map((k) => byKey.get(k) ?? []);
}

/** Minimal shape of GraphQLResolveInfo needed to look at the selection. */
interface SelectionInfo {
  fieldNodes: readonly { selectionSet?: SelectionSetLike }[];
  fragments: Record<string, { selectionSet: SelectionSetLike }>;
}
interface SelectionSetLike {
  selections: readonly (
    | { kind: 'Field'; name: { value: string } }
    | { kind: 'InlineFragment'; selectionSet: SelectionSetLike }
    | { kind: 'FragmentSpread'; name: { value: string } }
  )[];
}

/**
 * True when the client selected `field` directly below the current field (fragments included):
 * lets a resolver skip work nobody asked for, such as counting every row of a list.
 */
export function selectsField(info: SelectionInfo, field: string): boolean {
  const visit = (set: SelectionSetLike | undefined): boolean =>
    !!set &&
    set.selections.some((s) =>
      s.kind === 'Field'
        ? s.name.value === field
        : s.kind === 'InlineFragment'
          ? visit(s.selectionSet)
          : visit(info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((n) => visit(n.selectionSet));
}
