import type { EntityManager } from 'typeorm';
import { bulkInsert, type BulkColumn } from './bulk';
import type { Database } from './database';
import { openTestDatabase } from './testing';

interface Row {
  id: string;
  label: string | null;
  count: number;
  small: number;
  flag: boolean;
  at: Date | null;
  day: string;
  tags: string[];
  data: object;
}

const COLUMNS: readonly BulkColumn<Row>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'label', type: 'text', value: (r) => r.label },
  { name: 'count', type: 'int', value: (r) => r.count },
  { name: 'small', type: 'smallint', value: (r) => r.small },
  { name: 'flag', type: 'boolean', value: (r) => r.flag },
  { name: 'at', type: 'timestamptz', value: (r) => r.at?.toISOString() ?? null },
  { name: 'day', type: 'date', value: (r) => r.day },
  { name: 'tags', type: 'text', value: (r) => r.tags.join(','), expr: `string_to_array(t."tags", ',')` },
  { name: 'data', type: 'jsonb', value: (r) => JSON.stringify(r.data) },
];

const row = (n: number): Row => ({
  id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  label: n % 3 === 0 ? null : `row ${n}`,
  count: n * 1000,
  small: n % 5,
  flag: n % 2 === 0,
  at: n % 4 === 0 ? null : new Date(Date.UTC(2026, 0, 1, 8, n)),
  day: `2026-02-${String(1 + (n % 28)).padStart(2, '0')}`,
  tags: n % 2 ? ['a', `t${n}`] : ['b'],
  data: { n, nested: [n] },
});

describe('bulkInsert', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase({ name: 'kit_bulk', entities: [], migrations: [] });
    await db.migrate();
    await db.dataSource.query(`CREATE TABLE kit_bulk.thing (
      seq bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, label text, count int NOT NULL, small smallint NOT NULL,
      flag boolean NOT NULL, at timestamptz, day date NOT NULL, tags text[] NOT NULL, data jsonb NOT NULL)`);
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await db.dataSource.query('TRUNCATE kit_bulk.thing RESTART IDENTITY');
  });

  /** The rows as stored, in serial order, and how many statements wrote them. */
  async function insert(
    rows: readonly Row[],
    chunk?: number,
  ): Promise<{ stored: Row[]; statements: number }> {
    let statements = 0;
    await db.dataSource.transaction(async (m) => {
      const counting = new Proxy(m, {
        get: (target, key, receiver) =>
          key === 'query'
            ? (...args: Parameters<EntityManager['query']>) => {
                statements++;
                return target.query(...args);
              }
            : Reflect.get(target, key, receiver),
      });
      await bulkInsert(counting, 'kit_bulk.thing', COLUMNS, rows, chunk);
    });
    const stored = (await db.dataSource.query(
      `SELECT id, label, count, small, flag, at, to_char(day, 'YYYY-MM-DD') AS day, tags, data
         FROM kit_bulk.thing ORDER BY seq`,
    )) as Row[];
    return { stored, statements };
  }

  it('writes every column, NULLs and expressions included, in the given order', async () => {
    const rows = [7, 3, 12, 1, 8].map(row);
    const { stored, statements } = await insert(rows);
    expect(statements).toBe(1);
    expect(stored).toEqual(rows);
  });

  it('writes one statement per chunk and keeps the order across chunks', async () => {
    const rows = Array.from({ length: 11 }, (_, i) => row(11 - i));
    const { stored, statements } = await insert(rows, 4);
    expect(statements).toBe(3);
    expect(stored.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(stored).toEqual(rows);
  });

  it('writes nothing for no rows and refuses a chunk that is not a whole number of rows', async () => {
    expect(await insert([])).toEqual({ stored: [], statements: 0 });
    await expect(insert([row(1)], 0)).rejects.toThrow(RangeError);
    await expect(insert([row(1)], 2.5)).rejects.toThrow(RangeError);
  });
});
