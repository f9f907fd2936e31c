import type { EnterprisesServices } from '@sfw/enterprises';
import { generateDemoEnterprises } from '@sfw/enterprises';
import type { RunningSubgraph } from '@sfw/subgraph-kit';
import { EnterpriseScale } from '@sfw/shared-types';

const CHUNK = 250;

/**
 * Seed the demo city (Taizhou, 台州市) on first start: enterprises with valid credit codes,
 * plausible names, industries and tags. Runs only on an empty enterprises table, so a second
 * start re-seeds nothing. Returns how many were created.
 */
export async function seedEnterprises(
  enterprises: RunningSubgraph<EnterprisesServices>,
  count: number,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const ds = enterprises.database.dataSource;
  const [row] = (await ds.query(
    `SELECT count(*)::int AS n FROM "${enterprises.database.schema}".enterprise`,
  )) as { n: number }[];
  if ((row?.n ?? 0) > 0) return 0;
  const drafts = generateDemoEnterprises(count);
  for (let i = 0; i < drafts.length; i += CHUNK) {
    // One transaction per chunk: an interrupted first start leaves whole chunks, and the
    // next start (seeing rows) keeps them rather than duplicating.
    await ds.transaction((m) =>
      enterprises.services.enterprises.insertManyValidated(
        m,
        drafts.slice(i, i + CHUNK).map((d) => ({ ...d, scale: d.scale as EnterpriseScale })),
      ),
    );
    onProgress?.(Math.min(i + CHUNK, drafts.length), drafts.length);
  }
  return drafts.length;
}

/** The enterprise the demo enterprise user acts for: the first generated one, found by credit code. */
export async function demoEnterpriseId(enterprises: RunningSubgraph<EnterprisesServices>): Promise<string> {
  const first = generateDemoEnterprises(1)[0];
  const found = first ? await enterprises.services.enterprises.findByCreditCode(first.creditCode) : null;
  if (found) return found.id;
  // Data made by something other than the seed: act for the oldest enterprise.
  const [row] = (await enterprises.database.dataSource.query(
    `SELECT id FROM "${enterprises.database.schema}".enterprise ORDER BY created_at, id LIMIT 1`,
  )) as { id: string }[];
  if (!row) throw new Error('no enterprise to act for: the enterprises table is empty');
  return row.id;
}
