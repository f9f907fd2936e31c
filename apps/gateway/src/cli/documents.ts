import { readFileSync } from 'node:fs';
import { getOperationAST, parse, validate, type DocumentNode } from 'graphql';
import { loadGatewayConfig } from '../config';
import { QueryMeasurer } from '../limits';
import { apiSchemaOf, BUILT_SUPERGRAPH, readListSizes } from '../supergraph';
import { readManifest, sha256 } from '../trusted-documents';

/**
 * `npm run documents:check -w @sfw/gateway -- <manifest.json> [more.json …] [--supergraph file]`:
 * checks a client's trusted documents against the current supergraph before they are deployed —
 * each document parses, is valid against the client-facing schema, has one operation, stays
 * within the gateway's depth and cost limits (page sizes from variables count at their
 * declared defaults), and its key is the SHA-256 of its text. Exit 1 on any problem.
 */
function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--supergraph');
  const supergraphFile = at >= 0 ? args.splice(at, 2)[1] : BUILT_SUPERGRAPH;
  if (!args.length || !supergraphFile) {
    process.stderr.write('用法 / usage: documents:check <manifest.json> [more.json …] [--supergraph file]\n');
    process.exit(2);
  }
  const schema = apiSchemaOf(readFileSync(supergraphFile, 'utf8'));
  const { limits } = loadGatewayConfig();
  const measurer = new QueryMeasurer(schema, readListSizes());
  let problems = 0;
  let checked = 0;
  for (const file of args) {
    for (const doc of readManifest(file)) {
      checked++;
      const report = (message: string) => {
        problems++;
        process.stdout.write(`✗ ${file} ${doc.hash.slice(0, 12)}…: ${message}\n`);
      };
      let document: DocumentNode;
      try {
        document = parse(doc.body);
      } catch (err) {
        report(`does not parse: ${(err as Error).message}`);
        continue;
      }
      const errors = validate(schema, document);
      if (errors.length) {
        report(errors.map((e) => e.message).join('; '));
        continue;
      }
      const operation = getOperationAST(document);
      if (!operation) {
        report('must contain exactly one operation');
        continue;
      }
      if (/^[0-9a-f]{64}$/i.test(doc.hash) && sha256(doc.body) !== doc.hash.toLowerCase())
        report('the key is not the SHA-256 of the document');
      const m = measurer.measure(document, operation);
      if (m.depth > limits.maxDepth) report(`depth ${m.depth} over the limit of ${limits.maxDepth}`);
      if (m.cost > limits.maxCost) report(`cost ${m.cost} over the limit of ${limits.maxCost}`);
    }
  }
  process.stdout.write(`${checked} documents checked, ${problems} problems\n`);
  if (problems) process.exit(1);
}

main();
