/**
 * Demo data for the evaluations subgraph: the feedback a year of answered appeals would have
 * collected — enterprise ratings (好差评) with sub-scores and comments, rectification tasks for bad
 * ratings (差评整改), departments' appeals against ratings (申诉复核) and observer reviews (观察员).
 *
 * Pure and deterministic: no database and no clock (`now` is a parameter, the calendar is given or
 * read once); the same input, `now` and seed give the same output, ids included. Nothing happens
 * after `now`.
 *
 * Rates follow the seeds (docs/domain.md): about two answers in three are rated; a normal department
 * reads roughly 85–92% satisfied or better, lower where it refuses or answers late. One department
 * plays the Luqiao failure (路桥 2022: 1,087 of 1,945 appeals answered "不能办", satisfaction 100%;
 * 2023: 99.91%): every one of its ratings is 5 (非常满意) whatever the outcome, and observers are
 * mostly fooled too. The score must see through it; the data must not give it away.
 */
import { chineseName, fmix32, SeededRandom, SeededUuids } from '@sfw/shared-types';
import { WorkCalendar } from '@sfw/workdays';
import { BAD_RATING_MAX, ObserverKind, ObserverVerdict } from '../model';

// ---------------------------------------------------------------------------
// Inputs and outputs
// ---------------------------------------------------------------------------

export type AnswerOutcome = 'RESOLVED' | 'PARTLY_RESOLVED' | 'CANNOT_HANDLE';

/** One answered round of the `answer` projection. */
export interface SeedAnswer {
  issueId: string;
  round: number;
  enterpriseId: string;
  departmentId: string | null;
  regionCode: string;
  level: string;
  outcome: AnswerOutcome;
  answeredAt: Date;
  workdays: number;
  onTime: boolean;
  /** A "cannot handle" the review panel upheld. */
  upheld: boolean;
  /** The enterprise had the appeal reopened after this answer. */
  reopened: boolean;
}

/** A department of the `department` projection. */
export interface SeedEvaluationDepartment {
  id: string;
  code: string;
  name: string;
  shortName?: string | null;
  level: string;
  regionCode: string;
  active?: boolean;
}

export interface DemoEvaluationsInput {
  answers: readonly SeedAnswer[];
  departments: readonly SeedEvaluationDepartment[];
  /**
   * The department that plays the Luqiao pattern (all ratings 5). Default: {@link luqiaoDepartmentOf}
   * over the departments; null: none.
   */
  luqiaoDepartmentId?: string | null;
}

export interface DemoEvaluationsOptions {
  /** Nothing is rated, filed, verified or recorded after this instant. */
  now: Date;
  /** PRNG seed; the same input, `now` and seed give the same output. */
  seed?: number;
  /** The working-day calendar for rectification deadlines (default: the bundled one). */
  calendar?: WorkCalendar;
}

export type RatingStatus = 'VALID' | 'UNDER_APPEAL' | 'VOIDED';

/** A `rating` row (columns in camelCase). */
export interface DemoRating {
  id: string;
  issueId: string;
  round: number;
  enterpriseId: string;
  departmentId: string | null;
  regionCode: string;
  answeredAt: Date;
  /** 5 (非常满意) … 1 (非常不满意) */
  level: number;
  timeliness: number | null;
  attitude: number | null;
  result: number | null;
  comment: string | null;
  ratedBy: string;
  ratedAt: Date;
  status: RatingStatus;
}

export type RectificationStatus = 'OPEN' | 'VERIFIED' | 'REPORTED' | 'CLOSED' | 'CANCELLED';
export type RectificationOutcome = 'SATISFIED' | 'NOT_SATISFIED' | 'VOIDED';

/** A `rectification` row: one per bad rating (level <= BAD_RATING_MAX). */
export interface DemoRectification {
  id: string;
  ratingId: string;
  issueId: string;
  round: number;
  departmentId: string | null;
  status: RectificationStatus;
  openedAt: Date;
  verifyDue: Date;
  rectifyDue: Date;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  verification: string | null;
  reportedAt: Date | null;
  reportedBy: string | null;
  report: string | null;
  closedAt: Date | null;
  outcome: RectificationOutcome | null;
  callbackId: string | null;
}

export type AppealGrounds = 'MALICIOUS' | 'MISTAKEN';

/** A `rating_appeal` row. */
export interface DemoRatingAppeal {
  id: string;
  ratingId: string;
  departmentId: string | null;
  grounds: AppealGrounds;
  reason: string;
  filedBy: string;
  filedAt: Date;
  decision: 'ACCEPTED' | 'REJECTED' | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

/** An `observer_review` row. */
export interface DemoObserverReview {
  id: string;
  departmentId: string;
  observerName: string;
  observerKind: ObserverKind;
  /** YYYY-MM-DD (China) */
  reviewedOn: string;
  findings: string;
  verdict: ObserverVerdict;
  recordedBy: string;
  recordedAt: Date;
}

export interface DemoEvaluations {
  ratings: DemoRating[];
  rectifications: DemoRectification[];
  appeals: DemoRatingAppeal[];
  observerReviews: DemoObserverReview[];
  /** The Luqiao-pattern department that was used. */
  luqiaoDepartmentId: string | null;
}

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

/** 路桥区, Taizhou. */
export const LUQIAO_REGION_CODE = '331004';
/** Share of answered rounds the enterprise rates. */
export const RATED_SHARE = 0.68;
/** An answer younger than this is never rated yet. */
const MIN_ANSWER_AGE_MS = 4 * 3_600_000;
/** Ratings come within this many days of the answer. */
const RATING_WINDOW_DAYS = 7;
/** Share of bad ratings that the department appeals (申诉). */
const APPEAL_SHARE = 0.08;
/** Working days to verify a bad rating, and to rectify (整改). */
export const VERIFY_WORKDAYS = 5;
export const RECTIFY_WORKDAYS = 15;
const DEFAULT_SEED = 20251123;
const EVALUATOR = 'demo-evaluator';

/**
 * The Luqiao-pattern department when the issues seed did not say: the active county-level
 * department of 路桥区 (331004) whose code sorts first. This is the rule of the issues demo
 * (`luqiaoPatternDepartment`) without its "can refuse" test, which needs the members this
 * projection does not keep; in the default demo every Luqiao bureau can refuse, so both pick
 * LQ-CZJ (路桥区财政局).
 */
export function luqiaoDepartmentOf(departments: readonly SeedEvaluationDepartment[]): string | null {
  let best: SeedEvaluationDepartment | null = null;
  for (const d of departments) {
    if (d.level !== 'COUNTY' || d.regionCode !== LUQIAO_REGION_CODE || d.active === false) continue;
    if (!best || d.code < best.code || (d.code === best.code && d.id < best.id)) best = d;
  }
  return best?.id ?? null;
}

// ---------------------------------------------------------------------------
// Time: China days, office hours, working days
// ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const CHINA_OFFSET = 8 * HOUR;

const chinaDayOf = (ms: number): number => Math.floor((ms + CHINA_OFFSET) / DAY_MS);
/** The instant a China day begins. */
const dayStart = (day: number): number => day * DAY_MS - CHINA_OFFSET;
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const whole = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** Working days by day number (memoised), and office-hour times on them. */
class Clock {
  private readonly memo = new Map<number, boolean>();
  constructor(readonly calendar: WorkCalendar) {}

  isWorkday(day: number): boolean {
    let w = this.memo.get(day);
    if (w === undefined) {
      w = this.calendar.isWorkday(isoDay(day));
      this.memo.set(day, w);
    }
    return w;
  }

  /** The n-th working day after `day` (`day` itself when n = 0). */
  nthWorkdayAfter(day: number, n: number): number {
    let d = day;
    for (let k = n; k > 0;) {
      d++;
      if (this.isWorkday(d)) k--;
    }
    return d;
  }

  /** Staff time (08:30–17:30 of a working day) on `day` or later, at least a few minutes after `after`. */
  office(rng: SeededRandom, day: number, after: number): number {
    let d = Math.max(day, chinaDayOf(after));
    for (;;) {
      if (this.isWorkday(d)) {
        const start = dayStart(d);
        const earliest = Math.max(
          after + rng.int(5, 60) * MINUTE,
          start + 8.5 * HOUR + rng.int(0, 30) * MINUTE,
        );
        const close = start + 17.5 * HOUR;
        if (earliest < close - 10 * MINUTE)
          return whole(earliest + rng.float() * Math.min(close - 10 * MINUTE - earliest, 4 * HOUR));
      }
      d++;
    }
  }
}

/** Moves an instant into an enterprise's waking hours (08:00–21:30 China time). */
function enterpriseHours(rng: SeededRandom, t: number): number {
  const day = chinaDayOf(t);
  const m = t - dayStart(day);
  if (m < 8 * HOUR) return whole(dayStart(day) + 8 * HOUR + rng.int(0, 90) * MINUTE);
  if (m > 21.5 * HOUR) return whole(dayStart(day + 1) + 8 * HOUR + rng.int(0, 90) * MINUTE);
  return whole(t);
}

const clamp = (v: number): number => Math.min(5, Math.max(1, v));

// ---------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------

const COMMENTS: Record<number, readonly string[]> = {
  5: [
    '办理及时，态度很好',
    '问题解决得很快，非常感谢',
    '部门主动上门对接，效率很高',
    '服务热情周到，帮企业解决了实际困难',
    '响应迅速，办理过程全程有反馈',
    '感谢助企服务员跑前跑后协调',
    '一次就办好了，点赞',
    '多部门协同办理，效果很好',
    '答复专业，政策讲得很清楚',
  ],
  4: [
    '总体满意，办理比较及时',
    '问题已经解决，沟通可以再主动一些',
    '态度不错，就是时间稍长了一点',
    '答复清楚，后续还需要继续跟进',
    '结果满意，材料要求能再简化一些就更好了',
    '解决了主要问题，谢谢',
  ],
  3: [
    '基本解决了，还有后续问题需要跟进',
    '答复比较笼统，希望说得更具体些',
    '办理时间偏长，中间沟通不够',
    '问题只解决了一部分',
    '解释了原因，但企业的实际困难还在',
  ],
  2: [
    '问题没有真正解决',
    '答复过于笼统，没有给出具体办法',
    '拖了很久才答复，沟通不够',
    '让企业多次补材料，效率太低',
    '答复内容和反映的问题对不上',
  ],
  1: ['问题没有解决，答复敷衍', '多次反映仍然没有结果', '联系不上经办人，一直没人跟进', '答复与实际情况不符'],
};
/** Comments on a "cannot handle" answer, by how the enterprise took it. */
const REFUSAL_COMMENTS_KIND = ['虽然办不了，但把政策和原因讲清楚了', '解释很耐心，理解部门的难处'];
const REFUSAL_COMMENTS_HARSH = [
  '说不能办，但没讲清楚原因',
  '不能办的理由不充分，希望重新办理',
  '只说不符合条件，没有给出其他解决途径',
];
/** The perfunctory praise that comes with inflated ratings. */
const PERFUNCTORY = ['满意', '非常满意', '好评', '服务很好', '满意，谢谢'];
const TAILS_GOOD = ['', '', '。', '！', '，谢谢！', '，希望继续保持。'];
const TAILS_BAD = ['', '', '。', '！', '，希望尽快处理。', '，希望认真整改。'];

const VERIFICATIONS = [
  '经核实，企业反映的问题属实，已约谈经办人员并明确整改措施。',
  '已电话联系企业了解不满意原因，主要是答复不够具体，需补充说明办理依据。',
  '经核实，办理过程中与企业沟通不足，已安排专人对接。',
  '已上门走访企业核实情况，企业诉求尚未完全解决，列入重点跟踪。',
  '经核实，答复超出办理时限，已对经办科室提出整改要求。',
  '经核实，企业对答复口径有异议，已组织业务科室重新研究。',
];
const REPORTS = [
  '已重新与企业对接，补充说明政策依据和办理路径，企业表示理解。',
  '已协调相关部门召开专题会，明确解决方案和时间节点，并书面反馈企业。',
  '已完成问题整改，对经办人员开展业务培训，完善答复规范。',
  '已为企业办结相关手续，并建立跟踪回访机制。',
  '已约谈经办科室负责人，落实首问负责和限时办结要求，整改情况已反馈企业。',
  '已明确专人跟进，问题已基本解决，剩余事项列入下月督办清单。',
];

const APPEAL_REASONS: Record<AppealGrounds, readonly string[]> = {
  MALICIOUS: [
    '企业因与本事项无关的纠纷给出差评，评价内容与诉求办理情况不符。',
    '诉求已按企业要求办结，企业确认时表示满意，差评系因其他事项泄愤。',
    '企业以差评要求部门突破政策规定给予照顾，属于不当施压。',
    '评价内容涉及对经办人员的人身攻击，与办理质量无关。',
  ],
  MISTAKEN: [
    '企业联络员误操作选择了“不满意”，已电话确认其本意为满意，并留有通话记录。',
    '企业将其他部门办理的事项误评到本诉求，评价内容与本诉求无关。',
    '企业对办理结果理解有误，已当面解释并出具书面说明，企业同意申请更正。',
  ],
};
const DECISION_NOTES = {
  ACCEPTED: [
    '经调取通话记录和办理材料核实，申诉理由成立，该评价作废。',
    '经向企业回访确认，系误评，同意作废。',
    '评价内容与诉求办理无关，申诉成立，评价作废。',
  ],
  REJECTED: [
    '企业反映的问题确未解决，申诉理由不成立，维持原评价。',
    '未提供充分证据证明恶意评价，维持原评价。',
    '经回访，企业坚持原评价，申诉不予支持。',
  ],
} as const;

const FINDINGS: Record<ObserverVerdict, readonly string[]> = {
  EXCELLENT: [
    '随机旁听{n}件诉求办理，答复规范具体，企业反映的问题均有明确回应，办理效率高。',
    '走访{n}家企业，企业普遍反映{dept}主动服务意识强，问题解决彻底。',
    '抽查{n}件办结诉求，答复依据充分、时限规范，回访企业的评价与记录一致。',
  ],
  GOOD: [
    '抽查{n}件诉求，大部分答复及时规范，个别答复说明不够具体。',
    '走访{n}家企业，总体评价较好，建议{dept}进一步加强办理过程中的沟通反馈。',
    '查阅{dept}办理台账，流程完整，少数诉求办理时间偏长。',
  ],
  FAIR: [
    '抽查{n}件诉求，部分答复较为笼统，企业对实际解决效果评价一般。',
    '走访{n}家企业，有企业反映{dept}办理进度不透明，需要多次催问。',
    '部分诉求按期办结但问题未实质解决，建议{dept}加强跟踪回访。',
  ],
  POOR: [
    '抽查{n}件诉求，多件答复敷衍、未说明依据，企业意见较大。',
    '走访{n}家企业，普遍反映{dept}联系难、推诿多，“不能办”答复理由不充分。',
  ],
};
/** What observers write about the Luqiao-pattern department: mostly what the ratings say. */
const LUQIAO_FINDINGS: Partial<Record<ObserverVerdict, readonly string[]>> = {
  EXCELLENT: ['抽查{n}件诉求，企业评价均为“非常满意”，答复时限规范，未发现明显问题。'],
  GOOD: [
    '查阅{dept}办理台账，满意度保持高位，办理流程完整。',
    '走访{n}家企业，企业对{dept}服务态度评价较好，个别企业表示问题仍在等待解决。',
  ],
  FAIR: ['抽查{n}件诉求，“不能办”答复占比明显偏高，答复理由较为笼统，与企业满意度评价反差较大，建议核查。'],
};
const KIND_OPENERS: Record<ObserverKind, readonly string[]> = {
  MANAGER: ['作为企业代表，', '从企业经营者角度看，'],
  LAWYER: ['重点查看答复的法律政策依据，', '从依法行政角度看，'],
  JOURNALIST: ['明察暗访中，', '结合采访了解的情况，'],
  DEPUTY: ['结合代表联络站收集的意见，', '结合政协委员走访情况，'],
  OTHER: [''],
};

function fillText(text: string, rng: SeededRandom, words: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) =>
    k === 'n' ? String(rng.int(3, 12)) : (words[k] ?? ''),
  );
}

// ---------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------

/** Level weights 5…1 by what the enterprise got. */
const LEVEL_WEIGHTS = {
  RESOLVED: [70, 28, 1.6, 0.3, 0.1],
  PARTLY_RESOLVED: [14, 50, 26, 8, 2],
  REFUSED_UPHELD: [14, 42, 30, 10, 4],
  REFUSED: [6, 26, 36, 22, 10],
  REOPENED: [3, 12, 35, 37, 13],
} as const;

interface Dept {
  id: string;
  code: string;
  label: string;
  level: string;
  regionCode: string;
  active: boolean;
  /** Base of the department's staff accounts (dept-<code>), as the cadres demo names them. */
  base: string;
}

class DemoEvaluationsGenerator {
  private readonly now: number;
  private readonly today: number;
  private readonly clock: Clock;
  private readonly seed: number;
  private readonly depts = new Map<string, Dept>();
  private readonly luqiao: string | null;

  constructor(
    private readonly input: DemoEvaluationsInput,
    options: DemoEvaluationsOptions,
  ) {
    this.now = options.now.getTime();
    if (!Number.isFinite(this.now)) throw new RangeError('now must be a valid date');
    this.today = chinaDayOf(this.now);
    this.clock = new Clock(options.calendar ?? WorkCalendar.load());
    this.seed = options.seed ?? DEFAULT_SEED;
    const sorted = [...input.departments].sort((a, b) => cmp(a.code, b.code) || cmp(a.id, b.id));
    for (const d of sorted)
      this.depts.set(d.id, {
        id: d.id,
        code: d.code,
        label: d.shortName || d.name,
        level: d.level,
        regionCode: d.regionCode,
        active: d.active !== false,
        base: `dept-${d.code.toLowerCase()}`,
      });
    this.luqiao =
      input.luqiaoDepartmentId === undefined ? luqiaoDepartmentOf(sorted) : input.luqiaoDepartmentId;
  }

  run(): DemoEvaluations {
    const ratings = this.ratings();
    const { rectifications, appeals } = this.followUps(ratings);
    const observerReviews = this.observerReviews(ratings);
    return { ratings, rectifications, appeals, observerReviews, luqiaoDepartmentId: this.luqiao };
  }

  // --- ratings ---

  private ratings(): DemoRating[] {
    const rng = new SeededRandom(this.seed);
    const ids = new SeededUuids(this.seed, 1);
    const answers = [...this.input.answers].sort(
      (a, b) =>
        a.answeredAt.getTime() - b.answeredAt.getTime() || cmp(a.issueId, b.issueId) || a.round - b.round,
    );
    const out: DemoRating[] = [];
    for (const a of answers) {
      const answered = a.answeredAt.getTime();
      // one draw each, whatever happens, so an answer's fate does not depend on `now`
      const rated = rng.chance(RATED_SHARE);
      const delay = this.ratingDelay(rng);
      const ratedAt = enterpriseHours(rng, answered + delay);
      const luqiao = a.departmentId !== null && a.departmentId === this.luqiao;
      const level = luqiao ? 5 : this.level(rng, a);
      const subScores = rng.chance(0.6);
      const withComment = rng.chance(0.25);
      if (!rated || answered > this.now - MIN_ANSWER_AGE_MS || ratedAt > this.now) continue;
      const sub = subScores ? this.subScores(rng, a, level, luqiao) : null;
      out.push({
        id: ids.next(),
        issueId: a.issueId,
        round: a.round,
        enterpriseId: a.enterpriseId,
        departmentId: a.departmentId,
        regionCode: a.regionCode,
        answeredAt: a.answeredAt,
        level,
        timeliness: sub?.timeliness ?? null,
        attitude: sub?.attitude ?? null,
        result: sub?.result ?? null,
        comment: withComment ? this.comment(rng, a, level, luqiao) : null,
        ratedBy: `demo-enterprise-${a.enterpriseId.slice(0, 8)}`,
        ratedAt: new Date(ratedAt),
        status: 'VALID',
      });
    }
    return out;
  }

  /** Most ratings come the same day or the next; a quarter within the week. */
  private ratingDelay(rng: SeededRandom): number {
    const band = rng.weightedEntry<number>([
      [0, 45],
      [1, 30],
      [2, 25],
    ]);
    const r = rng.float();
    if (band === 0) return 10 * MINUTE + r * 6 * HOUR;
    if (band === 1) return 6 * HOUR + r * 42 * HOUR;
    // capped so that moving into waking hours stays within the window
    return 2 * DAY_MS + r * (RATING_WINDOW_DAYS - 2.6) * DAY_MS;
  }

  private level(rng: SeededRandom, a: SeedAnswer): number {
    const weights = a.reopened
      ? LEVEL_WEIGHTS.REOPENED
      : a.outcome === 'CANNOT_HANDLE'
        ? a.upheld
          ? LEVEL_WEIGHTS.REFUSED_UPHELD
          : LEVEL_WEIGHTS.REFUSED
        : LEVEL_WEIGHTS[a.outcome];
    let level = rng.weightedEntry(weights.map((w, k) => [5 - k, w] as const));
    // a late answer costs a level now and then
    if (!a.onTime && rng.chance(0.15)) level = clamp(level - 1);
    return level;
  }

  private subScores(
    rng: SeededRandom,
    a: SeedAnswer,
    level: number,
    luqiao: boolean,
  ): { timeliness: number; attitude: number; result: number } {
    if (luqiao) return { timeliness: 5, attitude: 5, result: 5 };
    const near = (w: readonly (readonly [number, number])[]): number => clamp(level + rng.weightedEntry(w));
    return {
      timeliness: near(
        a.onTime
          ? [
              [0, 70],
              [1, 12],
              [-1, 18],
            ]
          : [
              [0, 50],
              [-1, 45],
              [-2, 5],
            ],
      ),
      attitude: near([
        [0, 65],
        [1, 25],
        [-1, 10],
      ]),
      result: near(
        a.outcome === 'CANNOT_HANDLE'
          ? [
              [0, 55],
              [-1, 40],
              [-2, 5],
            ]
          : [
              [0, 75],
              [1, 10],
              [-1, 15],
            ],
      ),
    };
  }

  private comment(rng: SeededRandom, a: SeedAnswer, level: number, luqiao: boolean): string {
    if (luqiao && rng.chance(0.6)) return rng.pick(PERFUNCTORY);
    let text = rng.pick(COMMENTS[level] ?? PERFUNCTORY);
    if (a.outcome === 'CANNOT_HANDLE' && !luqiao && rng.chance(0.6))
      text = rng.pick(level >= 4 ? REFUSAL_COMMENTS_KIND : REFUSAL_COMMENTS_HARSH);
    return text + rng.pick(level >= 4 ? TAILS_GOOD : TAILS_BAD);
  }

  // --- rectifications and appeals ---

  private followUps(ratings: DemoRating[]): {
    rectifications: DemoRectification[];
    appeals: DemoRatingAppeal[];
  } {
    const rng = new SeededRandom(this.seed ^ 0x2ec71f1);
    const rectIds = new SeededUuids(this.seed, 2);
    const appealIds = new SeededUuids(this.seed, 3);
    const { clock, now } = this;
    const rectifications: DemoRectification[] = [];
    const appeals: DemoRatingAppeal[] = [];
    for (const rating of ratings) {
      if (rating.level > BAD_RATING_MAX) continue;
      const dept = rating.departmentId ? this.depts.get(rating.departmentId) : undefined;
      const base = dept?.base ?? `svc-${rating.regionCode.slice(0, 6)}`;
      const opened = rating.ratedAt.getTime();
      const openDay = chinaDayOf(opened);
      const verifyDue = this.clock.calendar.deadline(rating.ratedAt, VERIFY_WORKDAYS, [], rating.ratedAt);
      const rectifyDue = this.clock.calendar.deadline(rating.ratedAt, RECTIFY_WORKDAYS, [], rating.ratedAt);

      // The plan as it would run to its end; what lies after `now` has not happened yet.
      const late = rng.chance(0.1) ? (rng.chance(0.5) ? 'VERIFY' : 'REPORT') : null;
      const verifyDay =
        late === 'VERIFY'
          ? clock.nthWorkdayAfter(chinaDayOf(verifyDue.getTime()), rng.int(1, 4))
          : clock.nthWorkdayAfter(
              openDay,
              rng.weightedEntry<number>([
                [0, 10],
                [1, 35],
                [2, 30],
                [3, 15],
                [4, 10],
              ]),
            );
      const verifiedAt = clock.office(rng, verifyDay, opened);
      const reportDay =
        late === 'REPORT'
          ? clock.nthWorkdayAfter(chinaDayOf(rectifyDue.getTime()), rng.int(1, 6))
          : Math.min(
              clock.nthWorkdayAfter(chinaDayOf(verifiedAt), rng.int(2, 8)),
              clock.nthWorkdayAfter(openDay, RECTIFY_WORKDAYS - 1),
            );
      const reportedAt = clock.office(rng, reportDay, verifiedAt);
      const closedAt = clock.office(
        rng,
        clock.nthWorkdayAfter(chinaDayOf(reportedAt), rng.int(1, 5)),
        reportedAt,
      );
      const satisfied = rng.chance(0.8);
      const verification = rng.pick(VERIFICATIONS);
      const report = rng.pick(REPORTS);

      // 申诉复核: now and then the department says the rating is malicious or a mistake.
      let appeal: DemoRatingAppeal | null = null;
      const appealDraw = rng.chance(APPEAL_SHARE);
      const grounds: AppealGrounds = rng.chance(0.45) ? 'MALICIOUS' : 'MISTAKEN';
      const filedAt = clock.office(rng, clock.nthWorkdayAfter(openDay, rng.int(1, 4)), opened);
      const decidedAt = clock.office(
        rng,
        clock.nthWorkdayAfter(chinaDayOf(filedAt), rng.int(3, 10)),
        filedAt,
      );
      const accepted = rng.chance(grounds === 'MISTAKEN' ? 0.4 : 0.18);
      const reason = rng.pick(APPEAL_REASONS[grounds]);
      const note = rng.pick(DECISION_NOTES[accepted ? 'ACCEPTED' : 'REJECTED']);
      if (appealDraw && dept && filedAt <= now) {
        const decided = decidedAt <= now;
        appeal = {
          id: appealIds.next(),
          ratingId: rating.id,
          departmentId: dept.id,
          grounds,
          reason,
          filedBy: `${base}-leader`,
          filedAt: new Date(filedAt),
          decision: decided ? (accepted ? 'ACCEPTED' : 'REJECTED') : null,
          decidedBy: decided ? EVALUATOR : null,
          decidedAt: decided ? new Date(decidedAt) : null,
          decisionNote: decided ? note : null,
        };
        appeals.push(appeal);
        rating.status = !decided ? 'UNDER_APPEAL' : accepted ? 'VOIDED' : 'VALID';
      }

      // Work stops while the appeal is pending, and for good once it is accepted.
      const voided = rating.status === 'VOIDED';
      const cutoff = !appeal ? now : appeal.decision === null ? filedAt : voided ? decidedAt : now;
      const happened = (t: number): boolean => t <= cutoff;
      const row: DemoRectification = {
        id: rectIds.next(),
        ratingId: rating.id,
        issueId: rating.issueId,
        round: rating.round,
        departmentId: rating.departmentId,
        status: 'OPEN',
        openedAt: rating.ratedAt,
        verifyDue,
        rectifyDue,
        verifiedAt: null,
        verifiedBy: null,
        verification: null,
        reportedAt: null,
        reportedBy: null,
        report: null,
        closedAt: null,
        outcome: null,
        callbackId: null,
      };
      if (happened(verifiedAt)) {
        Object.assign(row, {
          status: 'VERIFIED',
          verifiedAt: new Date(verifiedAt),
          verifiedBy: `${base}-staff`,
          verification,
        });
        if (happened(reportedAt)) {
          Object.assign(row, {
            status: 'REPORTED',
            reportedAt: new Date(reportedAt),
            reportedBy: `${base}-chief`,
            report,
          });
          if (happened(closedAt) && !voided)
            Object.assign(row, {
              status: 'CLOSED',
              closedAt: new Date(closedAt),
              outcome: satisfied ? 'SATISFIED' : 'NOT_SATISFIED',
            });
        }
      }
      if (voided)
        Object.assign(row, { status: 'CANCELLED', closedAt: new Date(decidedAt), outcome: 'VOIDED' });
      rectifications.push(row);
    }
    return { rectifications, appeals };
  }

  // --- observers ---

  /** About one review per city or county department a quarter, over the year before `now`. */
  private observerReviews(ratings: readonly DemoRating[]): DemoObserverReview[] {
    const rng = new SeededRandom(this.seed ^ 0x0b5e7e5);
    const ids = new SeededUuids(this.seed, 4);
    const bad = new Map<string, { n: number; bad: number }>();
    for (const r of ratings) {
      if (!r.departmentId) continue;
      const x = bad.get(r.departmentId) ?? { n: 0, bad: 0 };
      x.n++;
      if (r.level <= 3) x.bad++;
      bad.set(r.departmentId, x);
    }
    const rosters = new Map<string, { name: string; kind: ObserverKind }[]>();
    const roster = (region: string): { name: string; kind: ObserverKind }[] => {
      let list = rosters.get(region);
      if (!list) {
        const r = new SeededRandom(fmix32(this.seed ^ Number(region)));
        const used = new Set<string>();
        list = [];
        while (list.length < 10) {
          const name = chineseName(r);
          if (used.has(name)) continue;
          used.add(name);
          list.push({
            name,
            kind: r.weightedEntry<ObserverKind>([
              [ObserverKind.MANAGER, 40],
              [ObserverKind.DEPUTY, 25],
              [ObserverKind.LAWYER, 20],
              [ObserverKind.JOURNALIST, 15],
            ]),
          });
        }
        rosters.set(region, list);
      }
      return list;
    };

    const out: DemoObserverReview[] = [];
    const lastDay = this.today - 3;
    for (const d of this.depts.values()) {
      if (!d.active || (d.level !== 'CITY' && d.level !== 'COUNTY')) continue;
      const luqiao = d.id === this.luqiao;
      const stats = bad.get(d.id);
      const weak = !luqiao && stats !== undefined && stats.n >= 10 && stats.bad / stats.n > 0.2;
      const weights: readonly (readonly [ObserverVerdict, number])[] = luqiao
        ? [
            [ObserverVerdict.EXCELLENT, 25],
            [ObserverVerdict.GOOD, 55],
            [ObserverVerdict.FAIR, 20],
          ]
        : weak
          ? [
              [ObserverVerdict.EXCELLENT, 15],
              [ObserverVerdict.GOOD, 45],
              [ObserverVerdict.FAIR, 32],
              [ObserverVerdict.POOR, 8],
            ]
          : [
              [ObserverVerdict.EXCELLENT, 30],
              [ObserverVerdict.GOOD, 50],
              [ObserverVerdict.FAIR, 17],
              [ObserverVerdict.POOR, 3],
            ];
      const observers = roster(d.regionCode);
      for (let q = 3; q >= 0; q--) {
        const count = rng.weightedEntry<number>([
          [0, 10],
          [1, 80],
          [2, 10],
        ]);
        const from = lastDay - (q + 1) * 91 + 1;
        const days = new Set<number>();
        for (let k = 0; k < count; k++) {
          let day = from + rng.int(0, 90);
          while (!this.clock.isWorkday(day) && day < lastDay) day++;
          if (!this.clock.isWorkday(day) || day > lastDay || days.has(day)) continue;
          days.add(day);
          const observer = rng.pick(observers);
          const verdict = rng.weightedEntry(weights);
          const pool = (luqiao ? LUQIAO_FINDINGS[verdict] : undefined) ?? FINDINGS[verdict];
          const opener = rng.chance(0.4) ? rng.pick(KIND_OPENERS[observer.kind]) : '';
          const findings = opener + fillText(rng.pick(pool), rng, { dept: d.label });
          // recorded on the day or within two working days (never after now)
          let recorded = this.clock.office(
            rng,
            this.clock.nthWorkdayAfter(day, rng.int(0, 2)),
            dayStart(day),
          );
          if (recorded > this.now) recorded = this.clock.office(rng, day, dayStart(day));
          out.push({
            id: ids.next(),
            departmentId: d.id,
            observerName: observer.name,
            observerKind: observer.kind,
            reviewedOn: isoDay(day),
            findings,
            verdict,
            recordedBy: EVALUATOR,
            recordedAt: new Date(recorded),
          });
        }
      }
    }
    return out.sort((a, b) => cmp(a.reviewedOn, b.reviewedOn) || cmp(a.departmentId, b.departmentId));
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------

/**
 * Ratings, rectifications, rating appeals and observer reviews for the answered rounds (see the
 * module comment). Ratings come out in order of the answers, the rest in order of their ratings,
 * observer reviews by date.
 */
export function generateDemoEvaluations(
  input: DemoEvaluationsInput,
  options: DemoEvaluationsOptions,
): DemoEvaluations {
  return new DemoEvaluationsGenerator(input, options).run();
}

export interface DemoEvaluationsSummary {
  ratings: number;
  rectifications: number;
  appeals: number;
  observerReviews: number;
  /** The department given the Luqiao pattern (null: none). */
  luqiaoDepartmentId: string | null;
}

export function summarizeDemoEvaluations(e: DemoEvaluations): DemoEvaluationsSummary {
  return {
    ratings: e.ratings.length,
    rectifications: e.rectifications.length,
    appeals: e.appeals.length,
    observerReviews: e.observerReviews.length,
    luqiaoDepartmentId: e.luqiaoDepartmentId,
  };
}

/** Share of the valid ratings at 4 (满意) or 5 (非常满意); null without any. */
export function satisfiedShare(ratings: readonly Pick<DemoRating, 'level' | 'status'>[]): number | null {
  let n = 0;
  let ok = 0;
  for (const r of ratings) {
    if (r.status === 'VOIDED') continue;
    n++;
    if (r.level >= 4) ok++;
  }
  return n ? ok / n : null;
}
