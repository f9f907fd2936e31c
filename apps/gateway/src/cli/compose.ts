import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  apiSchemaOf,
  BUILT_SUPERGRAPH,
  COMMITTED_SUPERGRAPH,
  composeSupergraph,
  CompositionError,
  listSizeProblems,
  readListSizes,
  readSubgraphSources,
} from '../supergraph';

/**
 * Build step and CI check of the supergraph.
 *   (no flag)  compose services/*\/schema.graphql into dist/supergraph.graphql; fail on composition errors
 *              or when list-sizes.json misses a list field (or names one that is gone)
 *   --check    also compare with the committed supergraph.graphql: list breaking changes, fail when the
 *              committed file is stale or a change breaks clients (ALLOW_BREAKING=1 to accept on purpose)
 *   --write    update the committed supergraph.graphql
 */
async function main(): Promise<void> {
  const mode = process.argv.includes('--check')
    ? 'check'
    : process.argv.includes('--write')
      ? 'write'
      : 'build';
  let sdl: string;
  try {
    sdl = composeSupergraph(readSubgraphSources());
  } catch (err) {
    if (err instanceof CompositionError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const sizeProblems = listSizeProblems(sdl, readListSizes());
  if (sizeProblems.length) {
    process.stderr.write(
      `apps/gateway/list-sizes.json does not match the supergraph:\n  - ${sizeProblems.join('\n  - ')}\n` +
        'Declare the most items each new list field returns (0 when a page argument above it sizes it).\n',
    );
    process.exit(1);
  }
  mkdirSync(dirname(BUILT_SUPERGRAPH), { recursive: true });
  writeFileSync(BUILT_SUPERGRAPH, sdl);
  if (mode === 'build') return void process.stdout.write(`supergraph composed: ${BUILT_SUPERGRAPH}\n`);
  if (mode === 'write') {
    writeFileSync(COMMITTED_SUPERGRAPH, sdl);
    return void process.stdout.write(`supergraph.graphql updated\n`);
  }

  if (!existsSync(COMMITTED_SUPERGRAPH)) {
    process.stderr.write(
      'apps/gateway/supergraph.graphql is missing: run `npm run schema:update` and commit it.\n',
    );
    process.exit(1);
  }
  const committed = readFileSync(COMMITTED_SUPERGRAPH, 'utf8');
  const changes = await diff(apiSchemaOf(committed), apiSchemaOf(sdl));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const dangerous = changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous);
  process.stdout.write(
    `supergraph changes against the committed file: ${changes.length} (${breaking.length} breaking, ${dangerous.length} dangerous)\n`,
  );
  for (const c of changes) process.stdout.write(`  [${c.criticality.level}] ${c.message}\n`);
  let failed = false;
  if (breaking.length && process.env['ALLOW_BREAKING'] !== '1') {
    process.stderr.write(
      'Breaking changes for clients. Make them additive, or set ALLOW_BREAKING=1 if this is intended.\n',
    );
    failed = true;
  }
  if (committed !== sdl) {
    process.stderr.write(
      'apps/gateway/supergraph.graphql is stale: run `npm run schema:update` and commit it.\n',
    );
    failed = true;
  }
  if (failed) process.exit(1);
  process.stdout.write('supergraph.graphql is current\n');
}

void main();
