import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * The demo city as `npm start` seeds it — the default 2,400 enterprises, on the PostgreSQL server
 * of DATABASE_URL when there is one (a fresh database, dropped afterwards; that is where the
 * Luqiao bureau once had a handful of answers a quarter), else on embedded PGlite — and the
 * Luqiao pattern in every review cycle the seed published. The first start seeds for a minute on
 * PostgreSQL, two to three on PGlite.
 */
const MAIN = join(__dirname, '../dist/main.js');
const dataDir = mkdtempSync(join(tmpdir(), 'sfw-luqiao-'));
const serverUrl = process.env['DATABASE_URL'];
const database = `sfw_e2e_luqiao_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

let child: ChildProcess | undefined;

function start(): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    GATEWAY_PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_OPTIONS: '',
  };
  delete env['DEMO_ENTERPRISES'];
  if (serverUrl) {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    env['DATABASE_URL'] = url.toString();
  } else delete env['DATABASE_URL'];
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 330_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /GraphQL: (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    c.stdout.on('data', onData);
    c.stderr.on('data', onData);
    c.once('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${out}`)));
  });
}

beforeAll(async () => {
  if (serverUrl) await admin(`CREATE DATABASE "${database}"`);
});

afterAll(async () => {
  const c = child;
  if (c && c.exitCode === null)
    await new Promise((resolve) => {
      c.once('exit', resolve);
      c.kill('SIGINT');
    });
  rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl) await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

interface Result {
  department: { name: string };
  score: number | null;
  rank: number | null;
  rankedOf: number;
  figures: { answers: number; ratings: number; refusalRate: number | null };
  flags: { code: string; detail: string }[];
}

describe('the Luqiao pattern in the seeded demo city', () => {
  it('路桥区财政局 has tens of answers in every published cycle, is flagged for inflated satisfaction and ranks last', async () => {
    const url = await start();
    const tokens = JSON.parse(readFileSync(join(dataDir, 'demo-tokens.json'), 'utf8'));
    const graphql = async (query: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.evaluator.token}` },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const cycles = (await graphql('{ reviewCycles { id periodLabel status } }')).reviewCycles as {
      id: string;
      periodLabel: string;
      status: string;
    }[];
    const published = cycles.filter((c) => c.status === 'PUBLISHED');
    expect(published).toHaveLength(3);
    for (const cycle of published) {
      const results = (
        await graphql(
          `{ reviewCycle(id: "${cycle.id}") { departmentResults { department { name } score rank rankedOf
             figures { answers ratings refusalRate } flags { code detail } } } }`,
        )
      ).reviewCycle.departmentResults as Result[];
      const luqiao = results.find((r) => r.department.name === '路桥区财政局');
      const at = `${cycle.periodLabel}: ${JSON.stringify(luqiao)}`;
      expect(luqiao).toBeDefined();
      // A real sample — tens of answers, most of them "cannot handle" — not a small one.
      expect([at, luqiao!.figures.answers >= 20]).toEqual([at, true]);
      expect([at, luqiao!.figures.refusalRate! >= 0.3]).toEqual([at, true]);
      const codes = luqiao!.flags.map((f) => f.code);
      expect([at, codes]).toEqual([at, expect.arrayContaining(['INFLATED_SATISFACTION'])]);
      expect(codes).not.toContain('SMALL_SAMPLE');
      expect(luqiao!.flags.find((f) => f.code === 'INFLATED_SATISFACTION')!.detail).toContain('不能办率');
      // Ranked, among a real field, and last: below every other ranked department.
      expect(luqiao!.rankedOf).toBeGreaterThanOrEqual(5);
      expect([at, luqiao!.rank]).toEqual([at, luqiao!.rankedOf]);
      const others = results.filter((r) => r.rank !== null && r !== luqiao);
      for (const r of others) expect(r.score!).toBeGreaterThan(luqiao!.score!);
    }
  }, 420_000);
});
