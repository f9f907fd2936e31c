import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, '../dist/main.js');
const dataDir = mkdtempSync(join(tmpdir(), 'sfw-stack-'));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Start `npm start`'s program the way a user does, on a free port, and wait for its URL. */
function start(): Promise<Started> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      GATEWAY_PORT: '0',
      DEMO_ENTERPRISES: '300',
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: '',
    };
    delete env['DATABASE_URL'];
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /GraphQL: (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${out}`)));
  });
}

function interrupt(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

async function graphql(url: string, query: string, token: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded platform (npm start)', () => {
  it('seeds on first start, writes demo tokens for every role, stops cleanly on Ctrl-C, and reuses its data', async () => {
    const first = await start();
    expect(first.output()).toContain('seeded 300 demo enterprises');
    const tokens = JSON.parse(readFileSync(join(dataDir, 'demo-tokens.json'), 'utf8'));
    expect(Object.keys(tokens).sort()).toEqual([
      'admin',
      'cadre',
      'department',
      'enterprise',
      'evaluator',
      'leader',
    ]);
    expect(tokens.enterprise.enterpriseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens.cadre.cadreId).toBeTruthy();
    expect(tokens.department.departmentId).toBeTruthy();

    const all = await graphql(first.url, '{ enterprises(first: 1) { totalCount } }', tokens.admin.token);
    expect(all.data.enterprises.totalCount).toBe(300);
    const own = await graphql(
      first.url,
      '{ enterprises(first: 5) { totalCount edges { node { id } } } }',
      tokens.enterprise.token,
    );
    expect(own.data.enterprises.edges).toEqual([{ node: { id: tokens.enterprise.enterpriseId } }]);
    for (const key of ['cadre', 'department', 'leader', 'evaluator']) {
      expect(
        (await graphql(first.url, '{ enterprises(first: 1) { totalCount } }', tokens[key].token)).data
          .enterprises.totalCount,
      ).toBe(300);
    }

    expect(await interrupt(first.child)).toBe(0);
    expect(existsSync(join(dataDir, 'enterprises.lock'))).toBe(false);

    const second = await start();
    try {
      expect(second.output()).not.toContain('seeded');
      const again = JSON.parse(readFileSync(join(dataDir, 'demo-tokens.json'), 'utf8'));
      expect(again.enterprise.enterpriseId).toBe(tokens.enterprise.enterpriseId);
      // Tokens of the first run stay valid: the signing secret lives in the data folder.
      const count = await graphql(second.url, '{ enterprises(first: 1) { totalCount } }', tokens.admin.token);
      expect(count.data.enterprises.totalCount).toBe(300);
    } finally {
      expect(await interrupt(second.child)).toBe(0);
    }
  }, 180_000);
});
