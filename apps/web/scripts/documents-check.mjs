// After `vite build`: the trusted-documents manifest goes next to the app (dist/trusted-documents.json,
// which the platform's gateway loads), and is checked against the supergraph by the gateway's own
// `documents:check` (parses, valid, one operation each, within depth and cost limits, keys = SHA-256).
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'dist', 'trusted-documents.json');
copyFileSync(join(root, 'src', 'gql', 'persisted-documents.json'), manifest);
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@sfw/gateway/package.json')), 'dist', 'cli', 'documents.js');
execFileSync(process.execPath, [cli, manifest], { stdio: 'inherit' });
