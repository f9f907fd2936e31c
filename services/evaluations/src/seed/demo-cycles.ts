import { Role, SeededRandom, type Viewer } from '@sfw/shared-types';
import type { DataSource } from 'typeorm';
import type { EvaluationsServices } from '../context';
import { supersedeCallbacks } from '../feedback/supersede';
import { FlagCode, SubjectKind } from '../model';

export interface DemoCyclesOptions {
  /** The region the demo cycles cover (the demo city). */
  regionCode: string;
  /** Periods run and published, oldest first (e.g. 2026-Q1 … 2026-Q3). */
  published: string[];
  /** A period run but left for the evaluator to work (flags open, some calls pending). */
  inProgress: string | null;
  /** The department that answers "cannot handle" to most appeals (its callbacks say so). */
  luqiaoDepartmentId: string | null;
  seed?: number;
}

export interface DemoCyclesReport {
  cycles: number;
  callbacks: number;
  published: string[];
}

const EVALUATOR: Viewer = { sub: 'demo-evaluator', name: '第三方评价员（演示）', roles: [Role.EVALUATOR] };

const NOTES = {
  unreached: ['电话无人接听', '号码停机，已登记待再次回访', '联系人出差，约定下周回访'],
  solved: ['企业表示问题已解决，对办理过程满意', '企业确认已按答复落实', '企业反映办理及时，结果满意'],
  refusedFair: ['企业理解不能办的理由，表示接受', '企业认可答复依据，已另寻解决途径'],
  luqiao: [
    '企业表示问题并未解决，当时被要求给好评',
    '企业称“不能办”答复未作解释，满意评价并非本意',
    '企业反映诉求被直接退回，没有人联系过',
  ],
  bad: ['企业仍不满意，希望部门再次上门', '企业表示整改后情况有所好转', '企业认为答复与实际不符'],
};

/**
 * The demo city's review cycles, made through the same service an evaluator uses: each published
 * period is opened with the default weights, its callback sample drawn, every call recorded (the
 * Luqiao department's enterprises say on the phone what the ratings hid), run, its flags worked and
 * published; one later period is left run but unworked for the evaluator desk. Does nothing when
 * cycles exist.
 */
export async function seedDemoCycles(
  services: EvaluationsServices,
  ds: DataSource,
  schema: string,
  options: DemoCyclesOptions,
): Promise<DemoCyclesReport | null> {
  const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM "${schema}".review_cycle`)) as [
    { n: number },
  ];
  if (n > 0) return null;
  const rng = new SeededRandom(options.seed ?? 20261122);
  const report: DemoCyclesReport = { cycles: 0, callbacks: 0, published: [] };
  const periods = [
    ...options.published.map((p) => ({ p, publish: true })),
    ...(options.inProgress ? [{ p: options.inProgress, publish: false }] : []),
  ];
  for (const { p, publish } of periods) {
    const cycle = await services.cycles.open(
      {
        name: `台州市${p}助企服务满意度评议`,
        period: p,
        regionCode: options.regionCode,
        // A demo city has a few appeals per department a month: rank from five ratings up.
        settings: { minSample: 5 },
      },
      EVALUATOR,
    );
    report.cycles++;
    await services.cycles.drawCallbacks(cycle.id, EVALUATOR);
    report.callbacks += await recordCalls(
      ds,
      schema,
      cycle.seriesId,
      options.luqiaoDepartmentId,
      rng,
      publish ? 1 : 0.5,
    );
    await services.cycles.run(cycle.id, EVALUATOR);
    if (!publish) continue;
    for (const f of await services.cycles.flags(cycle.id, { open: true })) {
      if (f.kind !== SubjectKind.DEPARTMENT || f.code === FlagCode.SMALL_SAMPLE) continue;
      await services.cycles.workFlag(
        {
          cycleId: cycle.id,
          kind: f.kind,
          subjectId: f.subjectId,
          code: f.code,
          disposition: 'CONFIRMED',
          note:
            f.code === FlagCode.INFLATED_SATISFACTION
              ? '经电话回访核实，满意度与实际办理情况不符，已约谈部门负责人并抄送督查室'
              : '整改超期属实，已通报并纳入下期考核',
        },
        EVALUATOR,
      );
    }
    await services.cycles.publish(cycle.id, EVALUATOR);
    report.published.push(p);
  }
  return report;
}

/** Records a share of a series' pending calls with what the enterprises would say. */
async function recordCalls(
  ds: DataSource,
  s: string,
  seriesId: string,
  luqiao: string | null,
  rng: SeededRandom,
  share: number,
): Promise<number> {
  const pending = (await ds.query(
    `SELECT cb.id, cb.department_id, cb.reasons, x.outcome, x.upheld, r.level AS rating, x.answered_at
     FROM "${s}".callback cb
     JOIN "${s}".answer x ON x.issue_id = cb.issue_id AND x.round = cb.round
     LEFT JOIN "${s}".rating r ON r.issue_id = cb.issue_id AND r.round = cb.round
     WHERE cb.series_id = $1 AND cb.status = 'PENDING' ORDER BY cb.id`,
    [seriesId],
  )) as {
    id: string;
    department_id: string;
    reasons: string[];
    outcome: string;
    upheld: boolean;
    rating: number | null;
    answered_at: Date;
  }[];
  const rows: {
    id: string;
    reached: boolean;
    level: number | null;
    solved: boolean | null;
    matches: boolean | null;
    note: string;
    at: Date;
  }[] = [];
  for (const c of pending) {
    if (!rng.chance(share)) continue;
    const at = new Date(new Date(c.answered_at).getTime() + rng.int(2, 20) * 86_400_000);
    if (rng.chance(0.1)) {
      rows.push({
        id: c.id,
        reached: false,
        level: null,
        solved: null,
        matches: null,
        note: rng.pick(NOTES.unreached),
        at,
      });
      continue;
    }
    if (c.department_id === luqiao && c.outcome === 'CANNOT_HANDLE') {
      rows.push({
        id: c.id,
        reached: true,
        level: rng.pick([1, 2, 2, 3]),
        solved: false,
        matches: false,
        note: rng.pick(NOTES.luqiao),
        at,
      });
    } else if (c.outcome === 'CANNOT_HANDLE') {
      rows.push({
        id: c.id,
        reached: true,
        level: rng.pick([2, 3, 3, 4]),
        solved: false,
        matches: rng.chance(0.9),
        note: rng.pick(NOTES.refusedFair),
        at,
      });
    } else if (c.rating !== null && c.rating <= 2) {
      rows.push({
        id: c.id,
        reached: true,
        level: rng.pick([1, 2, 3]),
        solved: rng.chance(0.3),
        matches: rng.chance(0.6),
        note: rng.pick(NOTES.bad),
        at,
      });
    } else {
      const solved = c.outcome === 'RESOLVED' ? rng.chance(0.95) : rng.chance(0.5);
      rows.push({
        id: c.id,
        reached: true,
        level: c.rating ?? rng.pick([4, 5, 5]),
        solved,
        matches: solved ? rng.chance(0.96) : rng.chance(0.5),
        note: rng.pick(NOTES.solved),
        at,
      });
    }
  }
  if (!rows.length) return 0;
  const now = Date.now();
  await ds.transaction(async (m) => {
    await m.query(
      `UPDATE "${s}".callback cb SET status = 'DONE', reached = t.reached, level = t.level, solved = t.solved,
       matches_record = t.matches, note = t.note, called_by = 'demo-evaluator', called_at = t.at
     FROM unnest($1::uuid[], $2::bool[], $3::int[], $4::bool[], $5::bool[], $6::text[], $7::timestamptz[])
       AS t(id, reached, level, solved, matches, note, at)
     WHERE cb.id = t.id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.reached),
        rows.map((r) => r.level),
        rows.map((r) => r.solved),
        rows.map((r) => r.matches),
        rows.map((r) => r.note),
        rows.map((r) => new Date(Math.min(r.at.getTime(), now))),
      ],
    );
    await supersedeCallbacks(m, s, null, null, seriesId);
  });
  return rows.length;
}
