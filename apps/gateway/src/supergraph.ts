import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, type GraphQLSchema } from 'graphql';
import { unsizedListFields, type ListSizes } from './limits';

/** The repository root (apps/gateway/dist → ../../..). */
export const REPO_ROOT = resolve(__dirname, '../../..');
/** Where the build writes the composed supergraph. */
export const BUILT_SUPERGRAPH = resolve(__dirname, '../dist/supergraph.graphql');
/** The committed supergraph that breaking changes are measured against. */
export const COMMITTED_SUPERGRAPH = resolve(__dirname, '../supergraph.graphql');
/** The declared sizes of list fields without a page argument (for the cost limit). */
export const LIST_SIZES_FILE = resolve(__dirname, '../list-sizes.json');

/** The list-size table, without its comment. */
export function readListSizes(file = LIST_SIZES_FILE): ListSizes {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const out: ListSizes = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('$')) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      throw new Error(`${file}: ${key} must be a whole number ≥ 0`);
    out[key] = value;
  }
  return out;
}

/** Problems of a list-size table against a supergraph: fields missing from it, entries naming nothing. */
export function listSizeProblems(supergraphSdl: string, sizes: ListSizes): string[] {
  const needed = unsizedListFields(apiSchemaOf(supergraphSdl));
  const problems = needed.filter((f) => !(f in sizes)).map((f) => `${f}: list field without a declared size`);
  for (const key of Object.keys(sizes))
    if (!needed.includes(key)) problems.push(`${key}: no such list field without a page argument`);
  return problems;
}

export interface SubgraphSource {
  name: string;
  /** Default URL written into the supergraph; the gateway overrides it with `<NAME>_URL`. */
  url: string;
  sdl: string;
}

/** The default port of each known subgraph (as in each service's configuration). */
const DEFAULT_PORTS: Record<string, number> = {
  enterprises: 4001,
  cadres: 4002,
  issues: 4003,
  policies: 4004,
  evaluations: 4005,
};

/** Every `services/<name>/schema.graphql`, in name order. */
export function readSubgraphSources(root = REPO_ROOT): SubgraphSource[] {
  const dir = join(root, 'services');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'schema.graphql')))
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      url: `http://localhost:${DEFAULT_PORTS[name] ?? 4000}/graphql`,
      sdl: readFileSync(join(dir, name, 'schema.graphql'), 'utf8'),
    }));
}

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`supergraph composition failed:\n  - ${messages.join('\n  - ')}`);
  }
}

/** Compose with @apollo/composition; a composition error carries the composer's messages. */
export function composeSupergraph(sources: SubgraphSource[]): string {
  if (!sources.length) throw new CompositionError(['no services/*/schema.graphql found']);
  const result = composeServices(sources.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return result.supergraphSdl.trimEnd() + '\n';
}

/** The client-facing schema of a supergraph (what breaking changes are about). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/**
 * Root fields anyone may query without a token: those a subgraph tagged
 * `@tag(name: "public")`. Composition keeps @tag in the supergraph.
 */
export function publicRootFields(supergraphSdl: string): Set<string> {
  const doc = parse(supergraphSdl);
  const out = new Set<string>();
  for (const def of doc.definitions) {
    if (
      (def.kind !== 'ObjectTypeDefinition' && def.kind !== 'ObjectTypeExtension') ||
      def.name.value !== 'Query'
    )
      continue;
    for (const field of def.fields ?? []) {
      const tagged = field.directives?.some(
        (d) =>
          d.name.value === 'tag' &&
          d.arguments?.some(
            (a) => a.name.value === 'name' && a.value.kind === 'StringValue' && a.value.value === 'public',
          ),
      );
      if (tagged) out.add(field.name.value);
    }
  }
  return out;
}

/** Subgraph names and default URLs, as composed into the supergraph. */
export function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  return [...Supergraph.build(supergraphSdl).subgraphsMetadata()];
}
