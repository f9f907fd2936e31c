import { Client } from 'pg';

/** Helpers the benchmarks share: a throw-away database, percentiles, sequential timing. */

export const BENCH_SERVER =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database on the PostgreSQL server `serverUrl` names, dropped by `drop()`. */
export async function freshDatabase(
  serverUrl: string,
  prefix = 'sfw_bench',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export interface Timing {
  label: string;
  p50: number;
  p95: number;
  max: number;
}

/** Check one answer (a benchmark of errors measures nothing), warm up, then time `runs` calls in a row. */
export async function timed(
  label: string,
  send: () => Promise<{ errors?: unknown[] }>,
  runs: number,
  warmUp = 5,
): Promise<Timing> {
  const first = await send();
  if (first.errors) throw new Error(`${label}: ${JSON.stringify(first.errors).slice(0, 500)}`);
  for (let i = 0; i < warmUp; i++) await send();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await send();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? NaN };
}

export async function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  /** Fixed headers, or headers made for each body (a subgraph's signature covers the body). */
  headers: Record<string, string> | ((body: string) => Record<string, string>),
): Promise<{ errors?: unknown[]; data?: Record<string, unknown> }> {
  const body = JSON.stringify({ query, variables });
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(typeof headers === 'function' ? headers(body) : headers),
    },
    body,
  });
  return (await res.json()) as { errors?: unknown[]; data?: Record<string, unknown> };
}

export function printTimings(runs: number, results: Timing[], width = 62): void {
  process.stdout.write(`\n${runs} sequential runs each (ms):\n`);
  process.stdout.write(
    `${'query'.padEnd(width)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}\n`,
  );
  for (const r of results)
    process.stdout.write(
      `${r.label.padEnd(width)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(7)} ${r.max.toFixed(1).padStart(7)}\n`,
    );
}
