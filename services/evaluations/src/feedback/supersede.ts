import type { EntityManager } from 'typeorm';

/**
 * Marks which reached calls on an answer a later reached call replaces (the latest speaks for the
 * answer). Run after any write of callbacks; `issueId` null: every answer of the series `seriesId`.
 */
export async function supersedeCallbacks(
  m: EntityManager,
  s: string,
  issueId: string | null,
  round: number | null,
  seriesId: string | null = null,
): Promise<void> {
  await m.query(
    `UPDATE "${s}".callback c SET superseded = EXISTS (
       SELECT 1 FROM "${s}".callback d WHERE d.issue_id = c.issue_id AND d.round = c.round AND d.status = 'DONE'
         AND d.reached AND (d.called_at, d.id) > (c.called_at, c.id))
     WHERE ${
       issueId
         ? `c.issue_id = $1 AND c.round = $2`
         : `(c.issue_id, c.round) IN (SELECT issue_id, round FROM "${s}".callback WHERE series_id = $1)`
     }`,
    issueId ? [issueId, round] : [seriesId],
  );
}
