import { join } from 'node:path';
import { emitOrCheckSchema } from '@sfw/subgraph-kit';
import { buildPoliciesSchema } from '../subgraph';

/** `--check`: fail when the committed schema.graphql differs from what the code emits. */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const file = join(__dirname, '../../schema.graphql');
  const { sdl } = await buildPoliciesSchema();
  const ok = emitOrCheckSchema(sdl, file, check ? 'check' : 'write');
  if (!ok) {
    process.stderr.write(
      'services/policies/schema.graphql is out of date with the code.\n' +
        'Run `npm run schema:emit -w @sfw/policies` (or `npm run schema:update`) and commit the result.\n',
    );
    process.exit(1);
  }
  process.stdout.write(
    check ? 'policies: schema.graphql is current\n' : 'policies: schema.graphql written\n',
  );
}

void main();
