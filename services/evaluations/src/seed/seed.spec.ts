import { startTestSubgraph, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import { WorkCalendar } from '@sfw/workdays';
import type { EvaluationsServices } from '../context';
import { evaluationsSubgraph } from '../subgraph';
import { seedDemoEvaluations } from './seed';

const calendar = WorkCalendar.load();
const NOW = new Date('2026-06-30T10:00:00+08:00');
const dept = (n: number): string => `00000001-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const DEPARTMENTS = [
  ['TZ-JXJ', '台州市经济和信息化局', 'CITY', '331000'],
  ['LQ-CZJ', '路桥区财政局', 'COUNTY', '331004'],
  ['LQ-JXJ', '路桥区经济和信息化局', 'COUNTY', '331004'],
  ['JJ-JXJ', '椒江区经济和信息化局', 'COUNTY', '331002'],
  ['LQ-TS101', '路桥街道企业服务中心', 'TOWNSHIP', '331004101'],
] as const;

let sg: TestSubgraph<EvaluationsServices>;

beforeAll(async () => {
  sg = await startTestSubgraph(evaluationsSubgraph);
  const { dataSource: ds, schema: s } = sg.database;
  for (const [k, [code, name, level, region]] of DEPARTMENTS.entries())
    await ds.query(
      `INSERT INTO "${s}".department (id, code, name, short_name, level, region_code, active, last_event_at)
       VALUES ($1, $2, $3, $3, $4, $5, true, now())`,
      [dept(k + 1), code, name, level, region],
    );
  // 3,000 answered rounds over the half year before now; one in eight "cannot handle"
  await ds.query(
    `INSERT INTO "${s}".answer (issue_id, round, enterprise_id, department_id, region_code, level, outcome,
       answered_at, workdays, on_time, upheld, reopened)
     SELECT gen_random_uuid(), 1, gen_random_uuid(), ($2::uuid[])[1 + (i % 5)], '331004101', 'COUNTY',
            (ARRAY['RESOLVED','RESOLVED','RESOLVED','RESOLVED','RESOLVED','RESOLVED','PARTLY_RESOLVED','CANNOT_HANDLE'])[1 + (i % 8)],
            $1::timestamptz - i * interval '1 hour 27 minutes', 3.5, i % 10 <> 0, i % 24 = 7, i % 29 = 0
       FROM generate_series(1, 3000) i`,
    [NOW.toISOString(), DEPARTMENTS.map((_, k) => dept(k + 1))],
  );
});

afterAll(async () => {
  await sg?.stop();
});

describe('seedDemoEvaluations', () => {
  it('writes ratings, rectifications, appeals and observer reviews once, within the constraints', async () => {
    const { dataSource: ds, schema: s } = sg.database;
    const report = await seedDemoEvaluations(ds, s, calendar, { now: NOW });
    expect(report).not.toBeNull();
    const count = async (table: string, where = 'true'): Promise<number> =>
      Number(
        ((await ds.query(`SELECT count(*) AS n FROM "${s}".${table} WHERE ${where}`)) as { n: string }[])[0]!
          .n,
      );
    expect(report!.ratings).toBe(await count('rating'));
    expect(report!.ratings).toBeGreaterThan(1800);
    expect(report!.rectifications).toBe(await count('rectification'));
    expect(report!.rectifications).toBe(await count('rating', 'level <= 2'));
    expect(report!.appeals).toBe(await count('rating_appeal'));
    expect(report!.observerReviews).toBe(await count('observer_review'));
    // four city or county departments, about one review a quarter each
    expect(report!.observerReviews).toBeGreaterThanOrEqual(8);
    expect(await count('observer_review', `department_id = '${dept(5)}'`)).toBe(0);
    // the Luqiao-pattern department (LQ-CZJ, found from the projection): only 5s
    expect(await count('rating', `department_id = '${dept(2)}'`)).toBeGreaterThan(300);
    expect(await count('rating', `department_id = '${dept(2)}' AND level < 5`)).toBe(0);
    expect(await count('rating', `rated_at > '${NOW.toISOString()}'`)).toBe(0);
    expect(
      await count(
        'rectification t',
        `EXISTS (SELECT 1 FROM "${s}".rating r WHERE r.id = t.rating_id AND r.status = 'VOIDED')
         AND NOT (t.status = 'CANCELLED' AND t.outcome = 'VOIDED')`,
      ),
    ).toBe(0);
    // restarting does not seed again
    expect(await seedDemoEvaluations(ds, s, calendar, { now: NOW })).toBeNull();
    expect(await count('rating')).toBe(report!.ratings);
  });
});
