import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StackSecrets {
  jwtSecret: string;
  subgraphSecret: string;
}

/**
 * Random secrets made on the first start and kept in the data folder (mode 0600), so demo
 * tokens stay valid across restarts and no secret is shared between checkouts.
 */
export function loadOrCreateSecrets(dataDir: string): StackSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StackSecrets;
  const secrets = {
    jwtSecret: randomBytes(32).toString('base64url'),
    subgraphSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
