/**
 * Demo data for the issues subgraph: a year of enterprise appeals (诉求) run through the closed
 * loop exactly as `IssueService` would have written them — the row's final values, the
 * timeline (issue_event), pauses, refusals with their sign-offs, reviews, and the domain events
 * other services project.
 *
 * Pure and deterministic: no database and no clock (the calendar is read once); the same inputs and
 * seed give the same output, ids included. Appeals are produced day by day in submission order, so
 * a caller can stream them in chunks ({@link generateIssueChunks}) and a million stay cheap on memory.
 *
 * Rates follow the seeds (docs/domain.md): Hangzhou 7,869 appeals for 8,226 enterprises a year,
 * 91.8% solved; Luqiao's governed "cannot handle" (three sign-offs, 说"不"评议 that can overturn)
 * and its mean time to close of a few working days; the "1+3+6+10" working-day limits.
 *
 * One department plays the Luqiao failure ({@link luqiaoPatternDepartment}): most of its answers
 * are "cannot handle", so the evaluations demo can show a satisfaction rate that hides it; it leads a
 * steady share of the appeals ({@link LUQIAO_APPEALS_PER_YEAR}), enough for every quarter's review
 * cycle to judge it.
 */
import {
  AdministrativeLevel,
  IssueOutcome,
  IssueScope,
  IssueSource,
  ProblemDomain,
  readDivisions,
  regionContains,
  SIGN_OFF_ORDER,
  SIGN_OFF_ROLE_LABELS,
  SignOffRole,
  type IssueFactsV1,
  type LatestPayload,
  fmix32,
  SeededRandom,
  SeededUuids,
  chineseName,
} from '@sfw/shared-types';
import { WorkCalendar, type PauseInterval } from '@sfw/workdays';
import { ALLOWED_FROM, IssueStatus, OPEN_STATUSES, type IssueAction } from '../issue/lifecycle';
import { signature } from '../similarity/similarity';

// ---------------------------------------------------------------------------
// Inputs and outputs
// ---------------------------------------------------------------------------

/** An enterprise of the issues projection. */
export interface SeedIssueEnterprise {
  id: string;
  name: string;
  /** County (6 digits) or township (9 digits) division code. */
  regionCode: string;
}

/** A department of the issues projection, with the people who sign off a refusal. */
export interface SeedIssueDepartment {
  id: string;
  /** The department's stable code (e.g. LQ-CZJ); picks the Luqiao-pattern department. */
  code?: string;
  level: string;
  regionCode: string;
  domains: string[];
  members: { name: string; role: string; account: string | null }[];
  name?: string;
  shortName?: string;
}

/** A visit of the issues projection: appeals found on a visit keep its id. */
export interface SeedIssueVisit {
  id: string;
  enterpriseId: string;
  cadreId: string;
  /** YYYY-MM-DD */
  visitedOn: string;
}

export interface SeedIssuePairing {
  cadreId: string;
  enterpriseId: string;
}

export interface DemoIssuesInput {
  enterprises: readonly SeedIssueEnterprise[];
  departments: readonly SeedIssueDepartment[];
  visits: readonly SeedIssueVisit[];
  pairings: readonly SeedIssuePairing[];
}

/** A deadline_rule row ('' = any region / any category; the most specific wins). */
export interface SeedDeadlineRule {
  regionPrefix: string;
  category: string;
  firstResponseHours: number;
  planDays: number;
  feedbackDays: number;
  closeDays: number;
}

export interface DemoIssuesOptions {
  /** YYYY-MM-DD (China): appeals are submitted over the 365 days before it; nothing happens on or after it. */
  today: string;
  /** Appeals to generate (default: 0.96 per enterprise — Hangzhou, 7,869 for 8,226 enterprises). */
  count?: number;
  /** PRNG seed; the same inputs and seed give the same output. */
  seed?: number;
  /** The working-day calendar (default: the bundled one). */
  calendar?: WorkCalendar;
  /** The deadline rules (default: 24 hours / 3 / 6 / 10 working days). */
  rules?: readonly SeedDeadlineRule[];
  /** The enterprise the demo enterprise user acts for: a few appeals, its actor is `demo-enterprise`. */
  demoEnterpriseId?: string;
  /** Appeals per chunk of {@link generateIssueChunks} (default 1000). */
  chunkSize?: number;
  /**
   * The department that answers most appeals "cannot handle" (the Luqiao pattern, see
   * {@link luqiaoPatternDepartment}); default: the one that function picks; null: none.
   */
  luqiaoDepartmentId?: string | null;
}

/** The final values of an issue row (column names in camelCase). */
export interface DemoIssueRow {
  id: string;
  no: string;
  enterpriseId: string;
  regionCode: string;
  source: IssueSource;
  visitId: string | null;
  title: string;
  description: string;
  categories: ProblemDomain[];
  scope: IssueScope;
  level: AdministrativeLevel;
  difficult: boolean;
  status: IssueStatus;
  round: number;
  submittedBy: string;
  submittedAt: Date;
  firstResponseDue: Date;
  acceptedAt: Date | null;
  firstResponder: string | null;
  firstResponderName: string | null;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  handler: string | null;
  taskForceId: string | null;
  assignedAt: Date | null;
  planDue: Date | null;
  feedbackDue: Date | null;
  closeDue: Date | null;
  plan: string | null;
  planAt: Date | null;
  feedbackAt: Date | null;
  pausedSince: Date | null;
  outcome: IssueOutcome | null;
  answer: string | null;
  answeredAt: Date | null;
  confirmedAt: Date | null;
  closedAt: Date | null;
  reopenCount: number;
  escalationCount: number;
  mergedIntoId: string | null;
  textSignature: string[];
  version: number;
  updatedAt: Date;
}

/** One issue_event row. `MERGED_IN` is the note the service leaves on the appeal another was merged into. */
export interface DemoTimelineEntry {
  at: Date;
  actor: string;
  actorName: string | null;
  actorRoles: string[];
  action: IssueAction | 'SUBMIT' | 'MERGED_IN';
  fromStatus: IssueStatus | null;
  toStatus: IssueStatus | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface DemoPause {
  pausedAt: Date;
  resumedAt: Date | null;
}

export interface DemoSignOff {
  role: SignOffRole;
  signer: string;
  signerName: string;
  decision: 'APPROVED' | 'RETURNED';
  note: string | null;
  at: Date;
}

export interface DemoRefusal {
  id: string;
  round: number;
  departmentId: string;
  reason: string;
  basis: string | null;
  status: 'PENDING' | 'APPROVED' | 'RETURNED';
  nextRole: SignOffRole | null;
  proposedBy: string;
  proposedAt: Date;
  decidedAt: Date | null;
  signoffs: DemoSignOff[];
}

export interface DemoReview {
  id: string;
  refusalId: string;
  requestedBy: string;
  requestedAt: Date;
  requestReason: string;
  /** YYYY-MM-DD */
  hearingOn: string | null;
  panel: string[];
  record: string | null;
  decision: 'UPHELD' | 'OVERTURNED' | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

/** The domain events the issues subgraph publishes. */
export const ISSUE_EVENT_TYPES = [
  'IssueSubmitted',
  'IssueAssigned',
  'IssueAnswered',
  'IssueClosed',
  'IssueReopened',
  'IssueEscalated',
  'RefusalSignedOff',
  'ReviewDecided',
] as const;
export type IssueEventType = (typeof ISSUE_EVENT_TYPES)[number];
export type DemoDomainEvent = {
  [T in IssueEventType]: { type: T; payload: LatestPayload<T> };
}[IssueEventType];

export interface DemoIssue {
  row: DemoIssueRow;
  /** In order of time. */
  timeline: DemoTimelineEntry[];
  pauses: DemoPause[];
  refusals: DemoRefusal[];
  reviews: DemoReview[];
  /** In the order the service would have written them to the outbox. */
  events: DemoDomainEvent[];
  /** Still in an open state at the start of `today`. */
  open: boolean;
  /** Open and red at the start of `today`: first response or close due passed (pauses counted). */
  overdue: boolean;
}

export interface DemoIssuesSummary {
  issues: number;
  open: number;
  overdue: number;
  refusals: number;
  reviews: number;
  escalated: number;
  reopened: number;
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function at<T>(items: ArrayLike<T>, i: number): T {
  const v = items[i];
  if (v === undefined) throw new RangeError(`index ${i} out of range (${items.length})`);
  return v;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** Splits `total` over `weights` proportionally (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = at(out, i) + 1;
    left--;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Time: China days, office hours, working days
// ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const CHINA_OFFSET = 8 * HOUR;
const OFFICE_OPEN = 8.5 * HOUR;
const OFFICE_CLOSE = 17.5 * HOUR;

const chinaDayOf = (ms: number): number => Math.floor((ms + CHINA_OFFSET) / DAY_MS);
/** The instant a China day begins. */
const dayStart = (day: number): number => day * DAY_MS - CHINA_OFFSET;
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const whole = (ms: number): number => Math.floor(ms / 1000) * 1000;

function parseDay(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== day) throw new RangeError(`no such date: ${day}`);
  return ms / DAY_MS;
}

/** Working days as day numbers, with a table over the span the demo touches (O(1) lookups). */
class Clock {
  private readonly work: Uint8Array;
  constructor(
    readonly calendar: WorkCalendar,
    private readonly base: number,
    days: number,
  ) {
    this.work = new Uint8Array(days);
    for (let i = 0; i < days; i++) this.work[i] = calendar.isWorkday(isoDay(base + i)) ? 1 : 0;
  }

  isWorkday(day: number): boolean {
    const i = day - this.base;
    if (i >= 0 && i < this.work.length) return this.work[i] === 1;
    return this.calendar.isWorkday(isoDay(day));
  }

  workdayOnOrAfter(day: number): number {
    let d = day;
    while (!this.isWorkday(d)) d++;
    return d;
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

  /** Working days in (from, to]. */
  workdaysFrom(from: number, to: number): number {
    let n = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorkday(d)) n++;
    return n;
  }

  /** Staff time (08:30–17:30 of a working day) on `day` or later, strictly after `after`. */
  staffOn(rng: SeededRandom, day: number, after: number): number {
    let d = this.workdayOnOrAfter(Math.max(day, chinaDayOf(after)));
    for (;;) {
      const start = dayStart(d);
      const earliest = Math.max(
        after + rng.int(5, 40) * MINUTE,
        start + OFFICE_OPEN + rng.int(0, 40) * MINUTE,
      );
      const close = start + OFFICE_CLOSE;
      if (earliest < close - 10 * MINUTE) {
        return whole(earliest + rng.float() * Math.min(close - earliest, 3 * HOUR));
      }
      d = this.nthWorkdayAfter(d, 1);
    }
  }

  /** Staff time `workdays` working days after the day of `after` (0: the same day if there is time left). */
  staff(rng: SeededRandom, after: number, workdays: number): number {
    return this.staffOn(rng, this.nthWorkdayAfter(chinaDayOf(after), workdays), after);
  }

  /** The enterprise's time, any day, 08:00–20:00, `days` calendar days after `after`'s day. */
  enterprise(rng: SeededRandom, after: number, days: number): number {
    let d = chinaDayOf(after) + days;
    for (;;) {
      const start = dayStart(d);
      const earliest = Math.max(after + rng.int(10, 90) * MINUTE, start + 8 * HOUR + rng.int(0, 60) * MINUTE);
      const close = start + 20 * HOUR;
      if (earliest < close - 10 * MINUTE)
        return whole(earliest + rng.float() * Math.min(close - earliest, 4 * HOUR));
      d++;
    }
  }

  /** `after` plus `hours`, moved into 08:30–17:30 of any day (first responders keep a duty roster). */
  duty(rng: SeededRandom, after: number, hours: number): number {
    const t = after + hours * HOUR;
    const d = chinaDayOf(t);
    const m = t - dayStart(d);
    if (m < OFFICE_OPEN) return whole(dayStart(d) + OFFICE_OPEN + rng.int(0, 60) * MINUTE);
    if (m > OFFICE_CLOSE) return whole(dayStart(d + 1) + OFFICE_OPEN + rng.int(0, 90) * MINUTE);
    return whole(t);
  }
}

// ---------------------------------------------------------------------------
// Texts: a tiny template language
// ---------------------------------------------------------------------------

/**
 * `{name}` etc. a named string (enterprise short name, town, department…), `{a:10-80}` an integer
 * (reused by a later `{a}`), `{甲|乙|丙}` one of the options.
 */
type Part = string | { ref: string } | { v: string; lo: number; hi: number } | { one: string[] };
type Template = readonly Part[];

function compile(text: string): Template {
  const parts: Part[] = [];
  const re = /\{([^}]+)\}/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const body = m[1] ?? '';
    const range = /^(\w+):(\d+)-(\d+)$/.exec(body);
    if (range) parts.push({ v: range[1] ?? '', lo: Number(range[2]), hi: Number(range[3]) });
    else if (/^\w+$/.test(body)) parts.push({ ref: body });
    else parts.push({ one: body.split('|') });
    last = re.lastIndex;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

type Words = Readonly<Record<string, string>>;

function fill(t: Template, rng: SeededRandom, words: Words, vars: Map<string, number> = new Map()): string {
  let s = '';
  for (const p of t) {
    if (typeof p === 'string') s += p;
    else if ('one' in p) s += rng.pick(p.one);
    else if ('ref' in p) {
      const w = words[p.ref];
      s += w !== undefined ? w : String(vars.get(p.ref) ?? '');
    } else {
      let v = vars.get(p.v);
      if (v === undefined) {
        v = rng.int(p.lo, Math.max(p.lo, p.hi));
        vars.set(p.v, v);
      }
      s += String(v);
    }
  }
  return s;
}

const pool = (texts: readonly string[]): Template[] => texts.map(compile);

interface DomainTexts {
  /** `title :: description` */
  problems: readonly string[];
  plans: readonly string[];
  resolved: readonly string[];
  partly: readonly string[];
  /** `reason :: basis` */
  refusals: readonly string[];
}

const D = ProblemDomain;

const DOMAIN_TEXTS: Record<ProblemDomain, DomainTexts> = {
  [D.LAND]: {
    problems: [
      '厂房扩建用地指标不足 :: {name}计划新建约{a:2-6}万平方米生产厂房，所在片区年度新增建设用地指标已基本用完，希望协调安排约{b:15-60}亩工业用地指标。',
      '“零土地”技改加层手续不明确 :: {name}拟在现有厂区实施“零土地”技改，加层约{a:3000-12000}平方米，不清楚需办理哪些规划许可和不动产变更登记手续。',
      '历史遗留厂房无法办理不动产权证 :: {name}于{y:2003-2012}年建成的{a:1-3}幢厂房因历史遗留问题至今未办理不动产权证，无法向银行抵押融资。',
      '意向“标准地”出让进度慢 :: {name}意向竞买{town}约{a:20-80}亩“标准地”，已等待{b:3-8}个月仍未挂牌出让，新项目投资计划受影响。',
      '租用厂房列入整治需搬迁 :: {name}租用的厂房列入{town}低效工业用地整治范围，需在{a:3-10}个月内搬迁，希望协调入驻小微企业园。',
      '土地出让金一次性缴纳压力大 :: {name}竞得约{a:30-90}亩工业用地，土地出让金约{b:1500-6000}万元，一次性缴纳资金压力大，希望按规定分期缴纳。',
      '厂区边角空地补办用地手续 :: {name}厂区内有约{a:3-12}亩边角空地一直闲置，希望补办用地手续后用于建设成品仓库。',
    ],
    plans: [
      '[指标|标准地|空地]经现场踏勘和政策梳理，拟由{dept}牵头对接片区用地指标和供地计划，{n:3-5}个工作日内与企业面对面沟通方案。',
      '[权证|历史遗留]已调取厂房建设时的审批档案，拟按历史遗留问题分类处置办法提出处理意见，同步对接不动产登记机构。',
      '已与企业核实用地情况，拟由{dept}会同不动产登记、规划等机构研究办理路径，{n:3-5}个工作日内提出方案。',
    ],
    resolved: [
      '[指标|标准地]经{dept}协调，已在{town}片区年度计划中调剂安排用地指标，项目用地已列入近期供地计划，企业表示满意。',
      '[权证|历史遗留]已会同不动产登记机构完成历史遗留问题认定，企业厂房不动产权证已办理完毕，可正常办理抵押融资。',
      '[零土地|加层]已明确“零土地”技改加层的规划许可和不动产变更登记流程，并安排专人全程代办，相关手续已办结。',
      '[搬迁|整治]已协调{town}小微企业园提供标准厂房约{a:1000-3000}平方米，企业已签订入园协议，搬迁按计划推进。',
      '[出让金|分期]经{dept}审核，企业符合分期缴纳条件，已签订分期缴纳补充协议，首期按规定比例缴纳。',
      '[空地|边角]已按程序完成边角地补办用地手续，企业可按规划建设仓库。',
      '经{dept}协调，企业反映的用地问题已按程序办理完毕，企业表示满意。',
    ],
    partly: [
      '[指标|标准地|出让]已将企业用地需求纳入下一批次供地计划，因年度指标限制，预计下半年挂牌出让，期间由{dept}跟踪服务。',
      '[搬迁|整治]已协调小微企业园提供过渡厂房约{a:1000-3000}平方米，企业新厂房选址仍在对接中。',
      '已明确办理路径并完成部分手续，剩余事项需履行法定程序，{dept}将跟踪服务至办结。',
    ],
    refusals: [
      '[指标|标准地|空地|扩建]企业意向地块位于永久基本农田保护范围内，不符合国土空间规划用途管制要求，无法安排为工业用地。 :: 《中华人民共和国土地管理法》第三十五条：永久基本农田经依法划定后，任何单位和个人不得擅自占用或者改变其用途。',
      '[出让|标准地]工业用地须通过招标、拍卖或者挂牌方式公开出让，不能按企业要求以协议方式定向供地。 :: 《招标拍卖挂牌出让国有建设用地使用权规定》（国土资源部令第39号）第四条。',
      '企业申请事项不符合国土空间规划和用途管制要求，不能按企业要求办理，已告知企业可行的替代选址。 :: 《中华人民共和国土地管理法》第四条：国家实行土地用途管制制度。',
      '[权证|历史遗留]该厂房建设时未取得建设用地和规划审批手续，且不符合现行国土空间规划，不能按历史遗留问题补办不动产登记。 :: 《不动产登记暂行条例》第二十二条；本地历史遗留问题处置政策关于适用条件的规定。',
    ],
  },
  [D.FINANCING]: {
    problems: [
      '流动资金贷款续贷困难 :: {name}一笔{a:300-3000}万元流动资金贷款将于{b:1-3}个月内到期，合作银行收紧授信，企业担心资金链紧张。',
      '外贸回款周期延长资金周转紧张 :: {name}海外客户账期由{a:30-60}天延长至{b:90-150}天，应收账款增加，希望对接出口信用保险和应收账款融资。',
      '技改项目缺乏中长期贷款 :: {name}计划投入约{a:800-8000}万元购置{智能化生产线|自动化设备|数控加工中心}，希望对接技改专项贷款和贴息政策。',
      '担保链风险导致授信压降 :: {name}因关联企业互保出险，银行拟压降授信约{a:200-1500}万元，希望协调银行稳贷、不抽贷不断贷。',
      '轻资产企业首贷难 :: {name}为轻资产科技型企业，缺少厂房等抵押物，申请{a:50-300}万元首笔信用贷款未获批准。',
      '政府性融资担保费率偏高 :: {name}通过政府性融资担保机构申请{a:100-1000}万元担保贷款，担保费率约{b:1-2}%，希望降低费率。',
      '知识产权质押融资对接 :: {name}拥有发明专利{a:3-20}项，希望开展知识产权质押融资，不清楚评估和质押登记流程。',
    ],
    plans: [
      '[续贷|授信|互保|首贷]拟组织合作银行、政府性融资担保机构与企业召开银企对接会，逐笔梳理到期贷款和新增融资需求。',
      '[首贷|知识产权|质押]已将企业纳入“首贷户”培育清单，拟推荐信用贷款和知识产权质押融资产品，{n:3-5}个工作日内反馈。',
      '已梳理企业融资需求，拟由{dept}对接合作银行和政府性融资担保机构研究方案，{n:3-5}个工作日内反馈。',
    ],
    resolved: [
      '[续贷|授信|互保]经{dept}组织银企对接，合作银行已同意采用无还本续贷方式续贷约{a:300-3000}万元，企业资金周转恢复正常。',
      '[担保费率|首贷]已对接政府性融资担保机构，为企业提供担保{a:100-800}万元，担保费率下调至0.{b:5-9}%，贷款已发放。',
      '[回款|出口信用保险]已推荐企业办理出口信用保险保单融资，应收账款融资{a:200-1500}万元已到账。',
      '[技改|贴息]已为企业对接技改专项贷款{a:500-5000}万元，并纳入技改贷款贴息项目库。',
      '[知识产权|质押]已协助企业完成专利价值评估和质押登记，获得知识产权质押贷款{a:300-2000}万元。',
      '经{dept}协调，合作银行已为企业落实融资{a:200-2000}万元，企业资金需求已满足。',
    ],
    partly: [
      '[续贷|授信|互保]合作银行已同意稳贷不抽贷，新增授信需待企业补充审计报告后审批，{dept}将继续跟踪。',
      '已为企业对接{a:2-4}家银行，其中一家已出具授信意向，后续放款进度由{dept}持续跟进。',
    ],
    refusals: [
      '贷款审批属于商业银行自主经营决策，政府部门不能要求银行向不符合授信条件的企业发放贷款，已推荐政府性融资担保产品供企业选择。 :: 《中华人民共和国商业银行法》第四条、第四十一条：商业银行实行自主经营、自担风险；任何单位和个人不得强令商业银行发放贷款或者提供担保。',
      '[贴息|技改]企业申请的贴息项目不在本年度财政预算安排范围内，年度中间无法追加安排，可在下一年度申报。 :: 《中华人民共和国预算法》第十三条：各级政府、各部门、各单位的支出必须以经批准的预算为依据，未列入预算的不得支出。',
      '[担保费率]政府性融资担保机构已执行降费政策，费率进一步下调须由担保机构按风险自主定价，行政机关不能指令降低。 :: 《国务院关于促进融资担保行业加快发展的意见》（国发〔2015〕43号）。',
    ],
  },
  [D.TALENT_LABOUR]: {
    problems: [
      '一线技工招工难 :: {name}目前缺{a:20-150}名一线操作工和{b:3-20}名{数控|焊接|模具|注塑|装配}技工，节后返岗率偏低。',
      '研发人才引进难 :: {name}急需{电机控制|新材料|工业软件|智能制造|药物研发}方向研发工程师{a:2-10}名，开出较高薪酬仍难以招到合适人选，希望对接人才招引政策。',
      '外地骨干员工子女入学难 :: {name}有{a:5-40}名外地骨干员工子女需在{town}就近入学，希望协调学位。',
      '人才公寓房源不足 :: {name}新引进的{a:5-30}名大学生反映周边租房成本高，希望申请人才公寓或租房补贴。',
      '技能等级自主认定渠道不畅 :: {name}希望开展企业技能等级自主认定，涉及员工约{a:30-200}名，不清楚备案和评价流程。',
      '社保缴费基数调整疑问 :: {name}有员工约{a:100-900}人，对今年社保缴费基数调整的执行时间和补缴方式存在疑问。',
      '外籍技术专家工作许可办理 :: {name}聘请的{a:1-3}名外籍技术专家需办理外国人工作许可，希望指导办理流程。',
    ],
    plans: [
      '[招工|技工]拟会同人力社保部门组织专场招聘会，并将企业岗位需求推送至职业院校和劳务协作地区。',
      '[人才|公寓]已梳理企业人才需求清单，拟对接人才政策和人才公寓房源，{n:3-5}个工作日内提出方案。',
      '已与企业核实具体需求，拟由{dept}对接相关政策和资源，{n:3-5}个工作日内提出方案。',
    ],
    resolved: [
      '[招工|技工]已为企业举办专场招聘会{a:1-3}场，达成用工意向{b:20-120}人，企业缺工问题基本缓解。',
      '[入学]经协调，企业{a:5-30}名骨干员工子女已按随迁子女入学政策安排就近入学。',
      '[公寓|大学生]已为企业新引进的{a:5-30}名大学生办理人才公寓入住和租房补贴。',
      '[技能等级]已指导企业完成技能等级自主认定备案，首批{a:30-120}名员工已完成评价。',
      '[社保]已安排专人上门解读社保缴费基数调整政策，明确执行时间和补缴办法，企业已按规定完成申报。',
      '[外籍|工作许可]已指导企业在线提交外国人工作许可申请，相关许可已办结。',
      '[研发工程师]已将企业需求纳入人才招引活动，推荐候选人{a:5-15}名，企业已录用{b:1-4}名。',
      '经{dept}协调，企业反映的问题已解决，企业表示满意。',
    ],
    partly: [
      '[招工|技工]已组织{a:1-2}场招聘活动，到岗约{b:10-40}人，技工缺口仍较大，已将企业纳入下一期技能培训订单班。',
      '[技能等级]已指导企业完成技能等级自主认定备案，首批评价计划安排在下季度。',
      '已落实部分需求，剩余部分纳入后续人才招引计划，{dept}持续跟踪。',
    ],
    refusals: [
      '[入学]义务教育学位按照属地招生政策统筹安排，不能为个别企业定向预留学位，符合条件的随迁子女可按积分入学政策申请。 :: 《中华人民共和国义务教育法》第十二条；当年义务教育阶段招生入学工作实施意见。',
      '[公寓|大学生]人才公寓申请对象须符合人才分类认定目录条件，企业所报人员学历和社保缴纳年限暂不符合申请条件。 :: 本地人才安居政策关于人才公寓申请对象和条件的规定。',
      '企业提出的补贴事项不在现行人才和就业政策支持范围内，不能给予补助，已告知企业可申报的其他政策。 :: 本地现行人才和就业政策关于支持对象和范围的规定。',
    ],
  },
  [D.ENERGY]: {
    problems: [
      '高峰期限电影响生产 :: {name}夏季用电高峰被列入有序用电名单，每周限电{a:1-3}天，订单交付压力大。',
      '新增用能指标难以落实 :: {name}新建产线预计年新增能耗约{a:500-5000}吨标准煤，节能审查中用能指标紧张。',
      '变压器增容报装周期长 :: {name}申请增容{a:630-2500}千伏安，供电方案已答复，但配套外线工程进度偏慢。',
      '屋顶光伏并网手续繁琐 :: {name}计划利用约{a:5000-30000}平方米厂房屋顶建设分布式光伏，希望简化并网手续、加快办理。',
      '天然气价格上涨推高成本 :: {name}{热处理|烘干|熔炼}工序用气量大，今年用气价格上涨，生产成本增加约{a:5-20}%。',
      '分时电价调整后电费增加 :: {name}对分时电价调整后高峰时段的划分存在疑问，调整生产班次后月电费仍增加约{a:5-30}万元。',
      '余热回收项目节能补助申报 :: {name}实施余热回收改造，年节约标准煤约{a:300-3000}吨，希望了解节能改造补助申报条件。',
    ],
    plans: [
      '[限电|电价|增容|光伏]拟会同供电公司核查企业用电负荷和用电方案，研究错峰生产和负荷调整措施。',
      '[用能|节能|余热]已对接节能审查部门，梳理项目用能指标和节能改造政策。',
      '已与企业核实用能情况，拟由{dept}会同供电、燃气等单位研究解决办法，{n:3-5}个工作日内反馈。',
    ],
    resolved: [
      '[限电]经{dept}协调，供电公司已优化企业有序用电序位安排，限电期间通过错峰生产保障订单交付。',
      '[增容]配套外线工程已加快施工并完成送电，企业增容{a:630-2500}千伏安已投运。',
      '[光伏]已开辟绿色通道，分布式光伏项目并网手续已办结，项目已并网发电。',
      '[用能|节能审查]已通过区域用能指标统筹，为企业新增产线落实用能指标约{a:500-3000}吨标准煤，节能审查已通过。',
      '[天然气]已协调燃气公司对企业执行大用户气价，用气成本有所下降。',
      '[电价]已安排供电公司上门解读分时电价政策，帮助企业优化生产班次，月电费较调整前下降约{a:3-15}万元。',
      '[余热]已指导企业完成节能改造项目申报，补助资金已拨付。',
    ],
    partly: [
      '[用能|节能]已将企业新增用能需求纳入区域用能指标统筹，部分指标已落实，剩余部分待年度指标下达后安排。',
      '[余热|节能]已指导企业申报节能改造项目，补助资金需待年度评审后拨付。',
      '已落实部分措施，剩余事项需供电、燃气单位按计划实施，{dept}持续跟踪。',
    ],
    refusals: [
      '[限电]有序用电方案按照省级统一部署和行业能效排序编制，不能对单个企业单独调整序位。 :: 《有序用电管理办法》（发改运行〔2011〕832号）。',
      '[用能|节能审查]新建项目单位增加值能耗高于行业准入值，节能审查不予通过，需企业优化工艺方案后重新报审。 :: 《固定资产投资项目节能审查办法》（国家发展改革委令2023年第2号）。',
      '[电价]分时电价时段划分由省级价格主管部门统一制定，不能对单个企业单独调整。 :: 《国家发展改革委关于进一步完善分时电价机制的通知》（发改价格〔2021〕1093号）。',
      '非居民用能价格按照价格主管部门的规定执行，不能为单个企业单独降价，已告知企业可申报的节能降耗政策。 :: 《中华人民共和国价格法》第十八条、第十九条。',
    ],
  },
  [D.APPROVALS]: {
    problems: [
      '新建项目环评审批周期长 :: {name}年产{a:10-200}万件{汽车零部件|塑料制品|泵阀|精密模具|电机}项目已备案，环评、能评等事项串联办理，预计耗时{b:3-6}个月。',
      '施工许可申报材料多 :: {name}扩建项目施工许可需提交材料{a:15-30}件，希望适用容缺受理、边审边补。',
      '消防验收排期时间长 :: {name}新厂房已竣工，消防验收预约需排队{a:20-45}天，影响设备进场和投产。',
      '竣工验收涉及部门多 :: {name}新建厂房涉及规划、消防、人防等{a:4-6}项验收，希望推行联合验收“一件事”办理。',
      '生产许可证延续办理慢 :: {name}工业产品生产许可证将于{a:1-3}个月后到期，延续申请尚在审查中，担心影响正常生产销售。',
      '投资项目审批“一件事”咨询 :: {name}新建{a:1-3}幢厂房，希望了解投资项目审批“一件事”并联办理的流程和所需材料。',
      '特种设备使用登记排队久 :: {name}新购{a:2-10}台{起重机|压力容器|叉车}，使用登记排队时间较长，影响投产。',
    ],
    plans: [
      '[环评|一件事]拟按投资项目审批“一件事”改革要求，组织相关审批部门联合会商，实行并联审批、容缺受理。',
      '[施工许可|验收|许可证|特种设备]已安排项目代办员全程代办，梳理审批事项清单和时间节点。',
      '已梳理审批事项和材料清单，拟由{dept}安排专人指导，{n:3-5}个工作日内反馈办理路径。',
    ],
    resolved: [
      '[联合验收|竣工验收]已组织联合验收，企业新厂房规划、消防、人防等验收事项一次办结。',
      '[施工许可]经{dept}协调，施工许可已按容缺受理方式办结，用时{a:3-5}个工作日。',
      '[生产许可证]已为企业开通绿色通道，生产许可证延续已办结，未影响正常生产销售。',
      '[环评]已实行环评与能评并联审批，项目环评批复已出具，比原计划提前约{a:1-2}个月。',
      '[一件事]已为企业提供审批事项清单和材料清单，并安排代办员全程代办，相关审批已并联办结。',
      '[特种设备]已开通特种设备使用登记绿色通道，{a:2-10}台设备使用登记已办结。',
      '[消防验收]已优先安排消防验收，验收已一次通过，企业设备已进场。',
    ],
    partly: [
      '[环评]已完成环评报告技术评估，审批进入公示阶段，预计{a:5-10}个工作日内出具批复。',
      '[消防]消防验收已优先排期，部分整改事项完成后即可组织复验。',
      '已完成部分审批事项，其余事项需企业补齐材料后办理，代办员全程跟踪。',
    ],
    refusals: [
      '[环评|一件事]该项目属于依法应当进行环境影响评价的建设项目，环评文件未经批准不得开工建设，不能“先建后批”。 :: 《中华人民共和国环境影响评价法》第二十五条。',
      '[消防|验收]消防验收是法定程序，建设工程竣工后须依法申请并经验收合格方可投入使用，不能免于验收。 :: 《中华人民共和国消防法》第十三条。',
      '申请材料中关键文件缺失，不符合法定受理条件，不能先行发证，已一次性告知企业需补正的全部材料。 :: 《中华人民共和国行政许可法》第三十二条。',
    ],
  },
  [D.ENVIRONMENT]: {
    problems: [
      '扩产后需重新申领排污许可证 :: {name}扩产后污染物排放量变化，需重新申领排污许可证，不清楚新增总量指标如何取得。',
      '排污权指标购买费用高 :: {name}新增{化学需氧量|氨氮|挥发性有机物}排放指标约{a:1-20}吨，排污权购买费用较高，希望分期缴纳。',
      '废气治理设施改造资金压力大 :: {name}需按要求对{喷涂|注塑|焊接}废气治理设施进行提升改造，投资约{a:50-400}万元。',
      '危险废物处置周期长 :: {name}每年产生危险废物约{a:10-200}吨，处置单位排队时间长，厂内暂存压力大。',
      '生产废水纳管困难 :: {name}所在{town}工业区块污水管网不完善，生产废水暂无法纳管，希望协调管网接入。',
      '环保信用修复申请 :: {name}因{y:2021-2024}年一次废气超标排放受到处罚，整改已完成，希望申请环保信用修复。',
      'VOCs在线监测设备安装要求 :: {name}被列入重点排污单位名录，需安装挥发性有机物在线监测设备，对安装标准和联网要求不清楚。',
    ],
    plans: [
      '[排污|废气|在线监测|信用修复]拟由{dept}组织技术人员上门指导，梳理排污许可、总量指标和治理设施改造要求。',
      '[危险废物|废水|纳管]已对接危废处置单位和区块污水管网建设单位，拟提出分类处置方案。',
      '已与企业核实情况，拟由{dept}安排技术人员上门指导，{n:3-5}个工作日内提出方案。',
    ],
    resolved: [
      '[排污许可]已指导企业完成排污许可证重新申领，新增总量指标通过区域调剂解决。',
      '[危险废物]经协调，危险废物处置单位已为企业开通定期收运，厂内暂存压力已解除。',
      '[纳管|废水]已将企业纳入区块污水管网接入计划，生产废水已实现纳管。',
      '[排污权]已为企业办理排污权有偿使用费分期缴纳，首期已缴纳。',
      '[废气]已指导企业制定废气治理设施提升方案并纳入环保专项补助项目，设施已完成改造。',
      '[信用修复]企业信用修复申请已审核通过，环保信用等级已恢复。',
      '[在线监测]已上门指导企业完成在线监测设备安装和联网，数据已正常传输。',
    ],
    partly: [
      '[排污权|废气]已为企业办理排污权分期缴纳，治理设施改造补助待项目验收后申报。',
      '[信用修复]已指导企业提交信用修复申请，材料已受理，修复结果以信用平台公示为准。',
      '已完成部分整改指导，剩余事项纳入区块环境整治计划，{dept}持续跟踪。',
    ],
    refusals: [
      '[排污|挥发性有机物]项目所在区域为环境空气质量未达标区，新增挥发性有机物排放须实行倍量削减替代，目前区域内无可替代总量，暂无法核定新增指标。 :: 国家和省关于重点污染物排放总量控制及建设项目区域削减替代的有关规定。',
      '[排污许可]企业排污许可证载明的排放量和排放方式发生重大变化，须依法重新申请，不能以变更方式简化办理。 :: 《排污许可管理条例》第十五条。',
      '污染防治设施的建设和改造属于企业的法定主体责任，费用不能由财政全额承担，已为企业申报环保专项补助。 :: 《中华人民共和国环境保护法》第四十二条。',
    ],
  },
  [D.TAX]: {
    problems: [
      '研发费用加计扣除口径不清 :: {name}对研发人员工资分摊和委托研发费用的加计扣除口径存在疑问，涉及研发投入约{a:100-2000}万元。',
      '出口退税到账慢 :: {name}约{a:100-1500}万元出口退税尚未到账，影响资金周转，希望加快审核。',
      '增值税留抵退税申请材料复杂 :: {name}有留抵税额约{a:50-800}万元，申请退还时对材料要求不清楚。',
      '高新技术企业税收优惠适用疑问 :: {name}高新技术企业资格将于年内到期，对重新认定期间能否按15%税率预缴存在疑问。',
      '跨区域涉税事项报验 :: {name}在{省外|市外}承接工程项目，合同金额约{a:200-3000}万元，跨区域涉税事项报验和预缴存在疑问。',
      '数电发票开票额度不足 :: {name}切换数电发票后开票额度不足，月开票需求约{a:500-5000}万元，希望调增额度。',
      '房产税城镇土地使用税困难减免 :: {name}今年经营亏损，希望申请房产税、城镇土地使用税困难减免，涉及税额约{a:10-120}万元。',
    ],
    plans: [
      '拟安排税务专员“一对一”辅导，核实企业涉税事项和适用政策口径。',
      '已调取企业申报数据，拟会同相关科室研究处理意见，{n:3-5}个工作日内答复。',
    ],
    resolved: [
      '[加计扣除]已为企业逐项辅导研发费用加计扣除归集口径，企业已完成申报，享受加计扣除约{a:100-1500}万元。',
      '[出口退税]出口退税已加快审核，{a:100-1500}万元退税款已到账。',
      '[发票]已为企业调增数电发票开票额度，满足企业日常经营开票需要。',
      '[留抵]留抵退税已审核通过，{a:50-800}万元退税款已退还到企业账户。',
      '[高新]已明确资格到期当年可暂按15%税率预缴，企业已按规定申报。',
      '[跨区域]已指导企业通过电子税务局办理跨区域涉税事项报告，并明确预缴比例。',
      '[困难减免]企业困难减免申请已审核通过，减免税额约{a:10-120}万元。',
    ],
    partly: [
      '[留抵]已受理企业留抵退税申请，部分退税已到账，剩余部分待核实后办理。',
      '[高新]已明确高新技术企业资格到期前后优惠政策的适用口径，重新认定结果待认定机构公示。',
      '已为企业办理部分事项，其余事项需补充资料后办理，税务专员持续跟进。',
    ],
    refusals: [
      '企业申请的减免事项不符合法定条件，税务机关不能擅自作出减税、免税决定，已告知企业可享受的其他优惠政策。 :: 《中华人民共和国税收征收管理法》第三条。',
      '[加计扣除]企业委托境外研发的费用超出可加计扣除的比例限额，超出部分不能加计扣除。 :: 《财政部 税务总局 科技部关于企业委托境外研究开发费用税前加计扣除有关政策问题的通知》（财税〔2018〕64号）。',
    ],
  },
  [D.PLANNING_CONSTRUCTION]: {
    problems: [
      '地块控规与现状用途不符 :: {name}所在地块控规调整为{商住|物流仓储|公园绿地}用地，与现有工业用途不符，影响扩建和技改备案。',
      '工业用地容积率调整手续复杂 :: {name}希望将厂区容积率由1.{b:0-9}提高至{c:2-3}.{d:0-9}，规划调整程序复杂、耗时长。',
      '建设工程规划许可变更 :: {name}在建厂房因设备工艺调整需变更平面布局，规划许可变更流程不清楚。',
      '厂房限高影响大型设备安装 :: {name}计划引进的{压铸机|冲压线|立体仓库}需要约{a:15-24}米净高，超出片区限高要求。',
      '厂房之间新建连廊审批 :: {name}拟在两幢厂房之间新建约{a:50-300}平方米连廊，不清楚是否需要办理建设工程规划许可。',
      '老厂房结构安全鉴定 :: {name}使用的{y:1995-2008}年建成厂房需经结构安全鉴定后才能安装新设备，希望推荐鉴定机构并加快办理。',
      '配套宿舍用地比例受限 :: {name}希望利用厂区内部分用地建设员工宿舍，但行政办公及生活服务设施用地比例已接近上限。',
    ],
    plans: [
      '[控规|容积率|限高|宿舍]拟由{dept}会同规划、住建部门现场核查，研究规划条件调整和审批路径。',
      '[许可|连廊|鉴定]已梳理项目所需手续和材料，拟安排专人指导企业申报。',
      '已与企业核实情况，拟由{dept}组织相关部门研究办理路径，{n:3-5}个工作日内反馈。',
    ],
    resolved: [
      '[许可变更|平面布局]已按程序完成规划许可变更，企业在建厂房可按调整后的方案继续施工。',
      '[连廊]经现场核查，连廊建设属于可简化办理情形，已指导企业完成审批。',
      '[鉴定]已推荐具备资质的鉴定机构，结构安全鉴定已完成，新设备可按计划安装。',
      '[控规]经核查，企业现状工业用途在规划实施前可继续保留，技改备案已正常办理。',
      '[容积率]已按程序完成容积率调整论证和公示，新的规划条件已核发。',
      '[限高]经限高复核，企业所在位置可按{a:18-24}米控制，满足设备安装需要。',
      '[宿舍]已明确可按规定比例建设员工宿舍，设计方案已通过审查。',
    ],
    partly: [
      '[容积率|控规]规划调整已纳入片区控规修改计划，需履行法定公示程序，预计{a:2-4}个月完成。',
      '[宿舍]已明确员工宿舍建设的用地比例要求，企业正在按要求调整设计方案。',
      '已完成部分手续，剩余事项需履行法定程序，{dept}跟踪服务至办结。',
    ],
    refusals: [
      '地块控制性详细规划已依法批准，修改须履行法定程序，不能按单个企业的需求直接变更容积率等规划条件。 :: 《中华人民共和国城乡规划法》第四十三条、第四十八条。',
      '[限高]企业厂区位于机场净空保护区和高压线路保护区范围内，建筑高度受限，不能突破限高要求。 :: 《民用机场管理条例》关于净空保护的规定；《电力设施保护条例》。',
      '[宿舍]企业拟建内容将使行政办公及生活服务设施用地超过工业项目用地的比例上限，不能批准。 :: 《工业项目建设用地控制指标》关于行政办公及生活服务设施用地所占比重的规定。',
    ],
  },
  [D.LAW]: {
    problems: [
      '货款纠纷需法律指导 :: {name}与{省外|海外|本地}客户发生货款纠纷，涉及金额约{a:50-800}万元，希望获得法律咨询和诉前调解。',
      '专利产品被仿冒维权难 :: {name}{外观设计|实用新型|发明}专利产品在电商平台被仿冒销售，维权取证周期长。',
      '金融借款纠纷执行影响经营 :: {name}因{a:1-3}起金融借款纠纷进入执行程序，希望对厂房设备“活封”，保障正常生产。',
      '劳动争议调解需求 :: {name}与{a:3-15}名离职员工在加班费计算上存在争议，希望协调劳动争议调解。',
      '企业合规经营法治体检 :: {name}拟开展{出口管制|数据安全|合同管理}合规建设，希望安排律师团队开展法治体检。',
      '海外商标被抢注 :: {name}在{东南亚|中东|南美}市场使用的商标被当地企业抢注，影响出口业务，希望获得海外维权指导。',
      '供应商违约造成损失 :: {name}的供应商未按合同交付{模具|原材料|设备}，造成损失约{a:20-300}万元，希望组织商会调解。',
    ],
    plans: [
      '[纠纷|争议|违约]拟安排公共法律服务中心律师为企业提供法律咨询，并对接诉前调解。',
      '[专利|商标]已对接知识产权保护中心，拟指导企业固定证据、依法维权。',
      '[合规|体检]已联系律师团队，拟为企业开展“法治体检”，{n:3-5}个工作日内上门。',
      '已安排公共法律服务中心与企业对接，梳理法律问题并提出处理建议，{n:3-5}个工作日内反馈。',
    ],
    resolved: [
      '[货款]经诉前调解，双方已达成还款协议，企业约{a:50-800}万元货款分期回收。',
      '[专利|仿冒]已协助企业完成电商平台投诉和证据保全，侵权链接已下架。',
      '[合规|体检]已安排律师团队为企业开展法治体检，出具合规建议书一份。',
      '[执行|活封]已向法院转达企业诉求，法院依法对企业厂房设备采取“活封”措施，企业生产经营未受影响。',
      '[劳动争议]经劳动争议调解，双方已达成调解协议。',
      '[商标|抢注]已协助企业委托海外知识产权服务机构提出异议，商标争议已得到处理。',
      '[供应商|违约]经商会调解，供应商已同意赔偿损失约{a:10-200}万元。',
    ],
    partly: [
      '[专利|商标|仿冒]已指导企业通过法律途径维权，案件已立案，后续由律师跟踪代理。',
      '[劳动争议]劳动争议已组织调解，{a:1-5}名员工达成和解，其余人员申请劳动仲裁。',
      '已为企业提供法律咨询并组织调解，双方部分达成一致，其余争议由企业依法主张。',
    ],
    refusals: [
      '[纠纷|执行]该纠纷已进入诉讼程序，人民法院依法独立行使审判权，行政机关不能干预案件审理，已为企业对接法律援助和诉调对接服务。 :: 《中华人民共和国宪法》第一百三十一条。',
      '双方属平等民事主体之间的合同纠纷，行政机关无权作出裁决，建议通过商事调解、仲裁或者诉讼解决。 :: 《中华人民共和国民法典》第四百六十五条；《中华人民共和国仲裁法》。',
    ],
  },
  [D.MARKET_ACCESS]: {
    problems: [
      '出口产品认证周期长 :: {name}产品出口{欧盟|美国|东南亚|中东}需办理{CE|UL|ETL|CB}认证，检测周期约{a:2-5}个月，影响接单。',
      '遭遇海外贸易救济调查 :: {name}主要出口产品被列入{反倾销|反补贴}调查范围，涉及出口额约{a:300-5000}万元，希望获得应诉指导。',
      '新增业务经营范围变更 :: {name}新增{医疗器械|食品接触材料|特种设备}业务，需办理相关许可和经营范围变更。',
      '境外展会补助申报 :: {name}计划参加{a:2-5}个境外专业展会，希望了解展位费补助申报渠道。',
      '食品生产许可变更核查慢 :: {name}新增生产线需办理食品生产许可变更，现场核查排期较长。',
      '出口产品遭遇技术性贸易壁垒 :: {name}出口{欧盟|日本|美国}的产品因新的{环保|能效|安全}标准被要求整改，涉及订单约{a:100-2000}万元。',
      '政府采购中遇到隐性门槛 :: {name}参与本地政府采购项目时，被要求提供与项目无关的{业绩|注册资本|所在地}证明，希望核查。',
    ],
    plans: [
      '[认证|壁垒|标准]拟对接检验检测机构和认证机构，研究缩短认证和整改周期的办法。',
      '[反倾销|反补贴]已联系贸易救济工作站，拟为企业提供应诉指导和律师资源。',
      '已安排专人对接企业，拟由{dept}梳理办理流程和所需材料，{n:3-5}个工作日内反馈。',
    ],
    resolved: [
      '[认证]已协调认证机构开通快速通道，认证周期缩短至{a:4-8}周，企业已取得证书。',
      '[经营范围]已完成经营范围变更登记和相关许可办理，企业可正常开展新业务。',
      '[展会]已指导企业完成境外展会补助申报，补助资金已拨付。',
      '[食品生产许可]已优先安排现场核查，食品生产许可变更已办结。',
      '[壁垒|标准]已组织技术专家帮助企业对照新标准完成产品整改，订单已恢复出运。',
      '[采购|门槛]经核查，相关采购文件设置的条件与项目无关，已责令采购人修改，企业已正常参与投标。',
    ],
    partly: [
      '[反倾销|反补贴]已组织律师和行业协会指导企业应诉，调查仍在进行中，{dept}持续跟踪。',
      '[采购|门槛]已对企业反映的问题进行核查，涉及的采购文件已责令整改，其他项目持续监督。',
      '已完成部分事项办理，其余事项待企业补齐材料后办结，{dept}持续跟进。',
    ],
    refusals: [
      '[反倾销|反补贴]境外贸易救济调查由进口国调查机关依法进行，政府部门不能代替企业应诉，已为企业提供应诉指导和律师资源。 :: 《中华人民共和国对外贸易法》关于对外贸易调查和贸易救济的规定。',
      '[医疗器械]企业尚未取得医疗器械生产许可，不能先行变更经营范围开展相关生产活动，须先依法申请生产许可。 :: 《医疗器械监督管理条例》关于医疗器械生产许可的规定。',
      '企业申请的事项须由上级主管部门审批，本级无权审批，不能直接办理，已协助企业准备申报材料。 :: 相关行政许可事项目录关于审批层级的规定。',
    ],
  },
  [D.INFRASTRUCTURE]: {
    problems: [
      '厂区门口道路破损严重 :: {name}门前道路长期被重型货车碾压，路面坑洼积水，影响货物进出和员工通行。',
      '雨季厂区排水不畅 :: {name}所在{town}工业区块排水管网标准偏低，今年以来{a:2-5}次出现厂区积水，存货受损。',
      '道路改造后大货车无法进出 :: {name}因周边道路改造封闭了原有道口，大货车需绕行约{a:2-6}公里，希望恢复或新开道口。',
      '园区公交线路少员工通勤难 :: {name}员工约{a:100-800}人，所在园区公交班次少，希望增设公交线路或站点。',
      '工业区块网络信号弱 :: {name}所在区块5G网络覆盖不足，影响车间设备联网和数字化改造。',
      '门前路段路灯损坏 :: {name}门前约{a:300-1500}米路段路灯长期损坏，夜间货车进出和员工下班存在安全隐患。',
      '供水管网水压不足 :: {name}所在区块供水水压偏低，高峰时段生产用水不足，影响{清洗|冷却|电镀}工序。',
    ],
    plans: [
      '拟由{dept}会同道路养护、排水和供水等单位现场踏勘，制定整改方案。',
      '已将企业诉求纳入区块基础设施提升项目清单，拟明确实施时间表。',
    ],
    resolved: [
      '[路面]门前破损路段已完成修复，通行条件明显改善。',
      '[排水|积水]已对区块排水管网进行清淤和改造，雨季积水问题已解决。',
      '[公交|通勤]公交公司已调整线路，在企业附近增设站点，员工通勤问题已解决。',
      '[道口]已结合道路改造方案在企业东侧新开道口，大货车可正常进出。',
      '[5G|信号]运营商已在区块新建5G基站{a:1-3}座，信号覆盖满足车间联网需要。',
      '[路灯]已完成路灯维修更换，夜间照明恢复正常。',
      '[水压|供水]供水单位已对区块管网进行改造并增设加压设施，生产用水已保障。',
    ],
    partly: [
      '[道口]临时道口已开通，永久道口需结合道路改造工程同步实施。',
      '[5G|信号]已将基站建设需求转交运营商，部分基站已开通，剩余点位纳入下一批建设计划。',
      '已完成部分整治，剩余工程纳入年度建设计划，{dept}跟踪落实。',
    ],
    refusals: [
      '[道口]该路段已按规划调整为城市主干路，原道口距交叉口过近，经交通安全评估不能恢复，已在南侧另行设置临时道口。 :: 《城市道路管理条例》；道路交通安全设施设置相关规范。',
      '[5G|信号]区块5G基站由通信运营商按网络规划和投资计划建设，政府部门不能指令建设，已将需求转交运营商纳入规划。 :: 《中华人民共和国电信条例》。',
      '该设施由专营单位投资运营，改造须纳入其年度投资计划，不能由政府直接实施，已督促专营单位制定改造计划。 :: 《基础设施和公用事业特许经营管理办法》。',
    ],
  },
  [D.TECHNOLOGY]: {
    problems: [
      '企业研发中心申报辅导 :: {name}有研发人员{a:10-60}名，希望申报{市级|省级}企业研发中心，需要申报材料辅导。',
      '产学研合作对接需求 :: {name}在{材料改性|精密加工|电机能效|工艺自动化}方面遇到技术瓶颈，希望对接高校和科研院所。',
      '高新技术企业认定准备 :: {name}计划年内申报高新技术企业，对知识产权和研发费用占比要求把握不准。',
      '数字化改造缺少服务商 :: {name}计划投入约{a:100-1000}万元实施数字化车间改造，希望推荐合适的工业互联网服务商。',
      '科技型中小企业评价入库 :: {name}希望申请科技型中小企业评价入库，对研发人员占比等指标口径不清楚。',
      '首台（套）装备认定申报 :: {name}自主研发的{数控机床|智能装备|检测设备}希望申报首台（套）装备认定，需要申报辅导。',
      '科技创新券使用咨询 :: {name}委托检测机构开展产品检测，费用约{a:5-50}万元，希望使用科技创新券抵扣。',
    ],
    plans: [
      '[研发|高新|首台|科技型]拟安排科技特派员上门辅导，梳理企业研发项目和知识产权情况。',
      '[高校|数字化]已对接高校、科研院所和服务商资源，拟组织供需对接。',
      '已与企业核实需求，拟由{dept}安排专人辅导，{n:3-5}个工作日内反馈。',
    ],
    resolved: [
      '[研发中心]已辅导企业完成研发中心申报材料，企业已通过认定。',
      '[高校|技术瓶颈]已促成企业与高校签订技术合作协议，合作研发项目已启动。',
      '[科技型中小企业]已指导企业完成科技型中小企业评价入库。',
      '[高新]已辅导企业完成高新技术企业申报，企业已通过认定。',
      '[数字化]已推荐服务商并组织方案评审，企业数字化车间改造项目已启动并纳入技改补助。',
      '[首台]已辅导企业完成首台（套）装备认定申报，产品已列入认定名单。',
      '[创新券]已为企业申领科技创新券，检测费用按规定抵扣{a:1-15}万元。',
    ],
    partly: [
      '[高新]已辅导企业梳理知识产权和研发费用，高新技术企业申报材料已报送，待评审。',
      '[数字化]已推荐{a:2-4}家工业互联网服务商供企业比选，数字化改造方案正在论证。',
      '已完成申报辅导，结果待主管部门评审后公布，{dept}持续跟踪。',
    ],
    refusals: [
      '[高新]企业近三个会计年度研发费用占同期销售收入的比例未达到认定标准，不符合高新技术企业认定条件。 :: 《高新技术企业认定管理办法》（国科发火〔2016〕32号）第十一条。',
      '[研发中心]企业研发人员数量和研发场地条件未达到研发中心申报门槛，本年度不能推荐，已安排专人辅导培育。 :: 企业研究开发中心认定管理办法关于申报条件的规定。',
      '企业申请事项不符合该科技政策规定的支持条件，不能给予支持，已推荐其他可申报的科技项目。 :: 该科技政策实施细则关于支持条件的规定。',
    ],
  },
  [D.POLICY]: {
    problems: [
      '技改补助资金未及时兑现 :: {name}上年度技改项目补助约{a:20-300}万元已公示，资金尚未到账。',
      '不清楚可申报哪些惠企政策 :: {name}反映政策文件多、渠道分散，不清楚企业可申报哪些奖补政策，希望精准推送。',
      '专精特新企业奖励申报 :: {name}已认定为{市级|省级}专精特新中小企业，希望了解奖励资金申报流程。',
      '稳岗返还资金未到账 :: {name}符合稳岗返还条件，涉及参保员工约{a:50-600}人，返还资金尚未到账。',
      '“免申即享”资金未到账 :: {name}符合“免申即享”政策条件，系统显示已兑付，但企业账户未收到约{a:5-80}万元资金。',
      '亩均效益评价结果异议 :: {name}对上年度亩均效益综合评价结果为{C|D}类存在异议，认为部分数据统计有误，影响用电用地等要素配置。',
      '招商引资协议扶持资金未兑现 :: {name}与{town}签订的投资协议中约定的{a:50-500}万元产业扶持资金尚未兑现。',
    ],
    plans: [
      '拟由{dept}核实政策兑现流程和资金拨付进度，{n:2-4}个工作日内反馈。',
      '[政策|奖励]已梳理企业可享受的惠企政策清单，拟安排专人一对一辅导申报。',
    ],
    resolved: [
      '[补助|返还|资金]经核实，资金约{a:20-300}万元已拨付到企业账户。',
      '[推送|申报哪些]已为企业精准推送可申报政策{a:3-8}项，并指导完成申报。',
      '[亩均]经复核，企业亩均效益评价数据已更正，评价结果已相应调整。',
      '[专精特新]已指导企业完成专精特新奖励申报，奖励资金{a:10-100}万元已拨付。',
    ],
    partly: [
      '[补助|返还|资金]资金拨付已进入财政审核流程，预计{a:5-15}个工作日内到账，{dept}将跟踪督办。',
      '部分政策资金已兑现，剩余部分需待年度考核后拨付。',
    ],
    refusals: [
      '企业申报时该政策已到期废止，且申报时点不在政策执行期内，不能追溯兑现，已推送现行可申报的同类政策。 :: 该政策文件关于执行期限和申报时间的规定。',
      '企业上年度发生安全生产责任事故，按政策规定实行“一票否决”，不能享受该项奖补。 :: 该奖补政策实施细则关于负面情形的规定。',
      '[亩均]亩均效益评价按统一数据口径和评价办法开展，企业提出的数据经核实无误，评价结果不能调整。 :: 本地《工业企业亩均效益综合评价办法》的有关规定。',
    ],
  },
  [D.OTHER]: {
    problems: [
      '厂区周边治安问题 :: {name}反映厂区周边夜间有{a:2-4}起原材料被盗情况，希望加强巡逻。',
      '员工就餐配套不足 :: {name}所在区块缺少职工食堂和餐饮配套，员工约{a:100-600}人就餐不便。',
      '希望对接产业链上下游企业 :: {name}希望参加{汽摩配|模具|泵阀|医药化工}产业链对接活动，拓展本地配套。',
      '企业宿舍消防安全整改 :: {name}员工宿舍需按要求进行消防安全整改，希望得到技术指导和费用支持。',
      '厂门口流动摊贩影响交通 :: {name}厂区门口上下班时段流动摊贩占道经营，影响车辆进出。',
      '相邻工地夜间施工噪声 :: {name}反映相邻工地夜间施工噪声大，影响员工宿舍休息。',
      '希望减少重复检查 :: {name}反映今年以来接受各类检查{a:6-15}次，部分检查内容重复，希望减少对正常生产的干扰。',
    ],
    plans: [
      '拟由{dept}会同属地派出所、综合执法等部门现场核查，研究处置措施。',
      '已联系相关职能部门，拟组织现场协调会。',
    ],
    resolved: [
      '[被盗]属地派出所已加强厂区周边夜间巡逻并增设监控，相关情况未再发生。',
      '[摊贩]已协调综合执法部门规范厂区周边流动摊贩，车辆进出秩序恢复正常。',
      '[消防]已安排消防技术人员上门指导，企业宿舍消防整改已完成。',
      '[产业链]已邀请企业参加产业链对接活动，达成合作意向{a:2-6}项。',
      '[噪声]已责令施工单位夜间停止高噪声作业，问题已解决。',
      '[检查]已推行“综合查一次”，同一部门检查事项合并开展，企业后续检查次数明显减少。',
      '[就餐|食堂]已协调区块引入职工食堂，员工就餐问题已解决。',
    ],
    partly: [
      '[就餐|食堂]已将职工食堂建设纳入区块配套设施规划，近期先引入流动餐车解决就餐问题。',
      '[噪声]已协调施工单位调整夜间作业时间，噪声问题有所缓解，将持续监督。',
      '已采取部分措施，问题有所缓解，{dept}将持续跟踪。',
    ],
    refusals: [
      '[消防]员工宿舍消防安全整改属于企业的法定主体责任，整改费用应由企业承担，不能由财政资金补助，已安排技术人员免费上门指导。 :: 《中华人民共和国消防法》第十六条。',
      '[检查]企业希望免于日常检查的要求与“双随机、一公开”监管要求不符，不能免于依法检查，已推动同一部门检查事项合并、一次到位。 :: 《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）。',
      '企业所提事项不属于行政机关的职责范围，不能由行政机关代为处理，已告知企业依法解决的途径。 :: 《优化营商环境条例》关于政府及其有关部门依法履行职责的规定。',
    ],
  },
};

/** A text that fits problems mentioning one of its tags (`[甲|乙]` at its start); untagged texts fit any. */
interface Tagged<T> {
  tags: readonly string[];
  value: T;
}

function tagged(text: string): { tags: string[]; rest: string } {
  const m = /^\[([^\]]+)\]/.exec(text);
  return m ? { tags: (m[1] ?? '').split('|'), rest: text.slice(m[0].length) } : { tags: [], rest: text };
}

/** A text whose tags the problem mentions; else an untagged one of the domain; else one of `fallback`. */
function choose<T>(
  rng: SeededRandom,
  items: readonly Tagged<T>[],
  subject: string,
  fallback: readonly T[],
): T {
  const fitting = items.filter((i) => i.tags.some((t) => subject.includes(t)));
  if (fitting.length) return rng.pick(fitting).value;
  const generic = items.filter((i) => i.tags.length === 0);
  return generic.length ? rng.pick(generic).value : rng.pick(fallback);
}

interface CompiledDomain {
  problems: { title: Template; description: Template }[];
  plans: Tagged<Template>[];
  resolved: Tagged<Template>[];
  partly: Tagged<Template>[];
  refusals: Tagged<{ reason: Template; basis: Template }>[];
}

function split2(text: string): [string, string] {
  const [a = '', b = ''] = text.split(' :: ');
  return [a, b];
}

const taggedPool = (texts: readonly string[]): Tagged<Template>[] =>
  texts.map((text) => {
    const { tags, rest } = tagged(text);
    return { tags, value: compile(rest) };
  });

const TEXTS = new Map<ProblemDomain, CompiledDomain>(
  Object.values(ProblemDomain).map((d) => {
    const t = DOMAIN_TEXTS[d];
    return [
      d,
      {
        problems: t.problems.map((p) => {
          const [title, description] = split2(p);
          return { title: compile(title), description: compile(description) };
        }),
        plans: taggedPool(t.plans),
        resolved: taggedPool(t.resolved),
        partly: taggedPool(t.partly),
        refusals: t.refusals.map((r) => {
          const { tags, rest } = tagged(r);
          const [reason, basis] = split2(rest);
          return { tags, value: { reason: compile(reason), basis: compile(basis) } };
        }),
      },
    ];
  }),
);

const GENERIC_RESOLVED = pool([
  '经{dept}协调，企业反映的问题已按程序办理完毕，企业表示满意。',
  '已与企业当面沟通办理结果，企业反映的问题已解决。',
]);
const GENERIC_PARTLY = pool(['已落实部分措施，剩余事项需履行相关程序，{dept}将持续跟踪至办结。']);
const GENERIC_REFUSALS = [
  {
    reason: compile(
      '企业所提事项不符合相关法律法规和政策规定的条件，不能按企业要求办理，已当面说明理由并告知可行的替代途径。',
    ),
    basis: compile('相关法律法规和政策文件关于适用条件的规定。'),
  },
];
const GENERIC_PLANS = pool([
  '已与企业负责人电话沟通，核实诉求情况，拟会同{co}研究提出解决方案，{n:3-5}个工作日内反馈。',
  '拟由{dept}牵头召开专题协调会，明确责任分工和办理时限，并安排专人跟踪。',
]);

const SOURCE_PREFIXES: Record<IssueSource, Template[]> = {
  [IssueSource.ONLINE]: pool(['']),
  [IssueSource.VISIT]: pool(['助企服务员走访时了解到：', '走访中企业负责人反映：', '']),
  [IssueSource.HOTLINE_12345]: pool(['企业通过12345热线反映：', '12345热线转办：']),
  [IssueSource.LEADER_VISIT]: pool(['领导带队走访时企业负责人反映：', '在领导走访座谈中，企业提出：']),
  [IssueSource.THEMED_MEETING]: pool([
    '在“爱企日”活动中企业反映：',
    '在“诸葛亮会”上企业提出：',
    '在政企恳谈会上企业反映：',
  ]),
};

const DESCRIPTION_TAILS = pool([
  '企业已多次与相关部门沟通，尚未得到明确答复，希望尽快协调解决。',
  '此事影响企业正常生产经营，恳请给予支持。',
  '希望明确办理时限和责任部门。',
  '企业联系人{person}，可随时对接。',
]);

const ASSIGN_NOTES = pool([
  '请{dept}牵头办理，按“1+3+6+10”时限要求办结。',
  '转{dept}办理，请及时与企业对接。',
  '请{dept}牵头，3个工作日内提交办理方案。',
]);
const ASSIGN_NOTES_CO = pool([
  '请{dept}牵头、{co}协办，3个工作日内提交办理方案。',
  '请{dept}牵头，{co}配合办理。',
]);
const FEEDBACK_NOTES = pool([
  '已与企业负责人对接，正在按计划推进。',
  '已完成现场踏勘，相关材料已报送审核。',
  '已召开专题协调会，明确各部门分工。',
  '正在会同{co}研究，预计{n:2-5}个工作日内答复。',
  '已向企业通报阶段性进展，企业表示理解。',
]);
const AWAIT_QUESTIONS = pool([
  '请企业补充项目备案文件和近三年财务报表。',
  '请企业提供不动产权属证明及厂房建设时的相关审批材料。',
  '请企业补充用工需求清单（岗位、人数、薪酬范围）。',
  '请企业补充环评文件及排污口设置情况说明。',
  '请企业提供相关合同、发票及往来函件复印件。',
  '请企业补充项目投资计划和设备清单。',
]);
const RESUME_NOTES = pool([
  '企业已补充材料，恢复办理。',
  '材料已齐全，继续办理。',
  '企业已提供补充说明，恢复计时。',
]);
const CONFIRM_NOTES = pool(['问题已解决，感谢相关部门。', '对办理结果满意。', '已收到答复，确认办结。']);
const CLOSE_CONFIRMED = pool(['企业已确认，办结销号。', '经电话回访，企业满意，予以销号。']);
const CLOSE_UNCONFIRMED = pool([
  '企业逾期未确认，经电话回访核实后销号。',
  '已书面答复企业，经回访核实后销号。',
]);
const CLOSE_REFUSED = pool([
  '“不能办”答复已经三级签批并向企业书面说明理由和依据，予以销号。',
  '已向企业当面解释“不能办”的理由和依据，并告知可申请评议，予以销号。',
]);
const CLOSE_UPHELD = pool(['评议维持原答复，已向企业反馈评议结果，予以销号。']);
const REOPEN_REASONS = pool([
  '答复内容与实际情况不符，问题仍未解决。',
  '承诺的办理时间已过，实际进展不明显。',
  '仅作政策解释，未落实具体措施，申请重新办理。',
]);
const WITHDRAW_REASONS = pool([
  '问题已自行解决，撤回诉求。',
  '企业经营计划调整，暂不需要办理。',
  '已通过其他渠道解决。',
  '企业重复提交，撤回本条。',
]);
const ESCALATE_TO_COUNTY = pool([
  '该问题涉及县级部门审批权限，乡镇（街道）层面难以协调解决，提请提级办理。',
  '需多个县级部门协同，镇街层面无法独立解决，提级研判。',
]);
const ESCALATE_TO_CITY = pool([
  '涉及跨县区要素调剂和市级政策口径，提请市级层面统筹解决。',
  '属于共性、体制机制性问题，县级层面难以突破，提级至市级研判。',
]);
const SIGN_APPROVE_NOTES = pool([
  '情况属实，同意。',
  '理由充分、依据明确，同意按“不能办”答复。',
  '同意，请做好对企业的解释和后续服务工作。',
]);
const SIGN_RETURN_NOTES = pool([
  '理由不够充分，请进一步研究可行路径后再报。',
  '请会同协办部门再研究，尽量帮助企业解决。',
  '依据引用不准确，请补充完善后再报。',
]);
const REVIEW_REASONS = pool([
  '对“不能办”的答复不认可，同类企业已有解决先例，申请说“不”评议。',
  '答复未充分考虑企业实际困难，认为可以通过其他途径解决，申请评议。',
  '对答复引用的依据有异议，希望当面陈述，申请评议。',
]);
const REVIEW_UPHELD = pool([
  '评议团听取了企业和{dept}的陈述并查阅相关材料，认为“不能办”的理由充分、依据明确，维持原答复；建议{dept}继续做好跟踪服务。',
]);
const REVIEW_OVERTURNED = pool([
  '评议团听取了企业和{dept}的陈述，认为该问题可通过{政策调剂|分步实施|跨部门协调|替代方案}予以解决，“不能办”理由不充分，撤销原答复，二次交办{dept}限期办理。',
]);
const PANEL_ROLES = ['区人大代表', '律师', '企业家代表', '第三方评价员', '政协委员'];

// ---------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------

const DOMAIN_WEIGHTS: readonly (readonly [ProblemDomain, number])[] = [
  [D.LAND, 14],
  [D.FINANCING, 16],
  [D.TALENT_LABOUR, 16],
  [D.ENERGY, 8],
  [D.APPROVALS, 12],
  [D.ENVIRONMENT, 7],
  [D.TAX, 5],
  [D.PLANNING_CONSTRUCTION, 6],
  [D.LAW, 4],
  [D.MARKET_ACCESS, 4],
  [D.INFRASTRUCTURE, 5],
  [D.TECHNOLOGY, 5],
  [D.POLICY, 8],
  [D.OTHER, 2],
];

/** A second category that often comes with the first. */
const RELATED: Record<ProblemDomain, readonly ProblemDomain[]> = {
  [D.LAND]: [D.PLANNING_CONSTRUCTION, D.APPROVALS, D.FINANCING],
  [D.FINANCING]: [D.POLICY, D.TAX],
  [D.TALENT_LABOUR]: [D.POLICY, D.OTHER],
  [D.ENERGY]: [D.APPROVALS, D.ENVIRONMENT],
  [D.APPROVALS]: [D.ENVIRONMENT, D.PLANNING_CONSTRUCTION, D.LAND],
  [D.ENVIRONMENT]: [D.APPROVALS, D.INFRASTRUCTURE],
  [D.TAX]: [D.POLICY, D.FINANCING],
  [D.PLANNING_CONSTRUCTION]: [D.LAND, D.APPROVALS],
  [D.LAW]: [D.MARKET_ACCESS, D.FINANCING],
  [D.MARKET_ACCESS]: [D.LAW, D.APPROVALS],
  [D.INFRASTRUCTURE]: [D.PLANNING_CONSTRUCTION, D.OTHER],
  [D.TECHNOLOGY]: [D.POLICY, D.TALENT_LABOUR],
  [D.POLICY]: [D.FINANCING, D.TECHNOLOGY],
  [D.OTHER]: [D.INFRASTRUCTURE, D.LAW],
};

const SOURCE_WEIGHTS: readonly (readonly [IssueSource, number])[] = [
  [IssueSource.ONLINE, 35],
  [IssueSource.VISIT, 40],
  [IssueSource.HOTLINE_12345, 12],
  [IssueSource.LEADER_VISIT, 7],
  [IssueSource.THEMED_MEETING, 6],
];

/** Working days from acceptance to the answer: mostly 2–8, a tail to 25 (the limit is 10). */
const ANSWER_DAYS: readonly (readonly [number, number])[] = [
  [1, 6],
  [2, 14],
  [3, 15],
  [4, 14],
  [5, 12],
  [6, 10],
  [7, 8],
  [8, 6],
  [9, 4],
  [10, 3],
  [11, 1.8],
  [12, 1.5],
  [13, 1.2],
  [14, 1],
  [15, 0.9],
  [16, 0.7],
  [17, 0.6],
  [18, 0.5],
  [20, 0.5],
  [22, 0.4],
  [25, 0.3],
];

/** Appeals per enterprise a year (Hangzhou 2023: 7,869 for 8,226). */
export const APPEALS_PER_ENTERPRISE = 7869 / 8226;
const DEFAULT_SEED = 20251122;

type Fate = 'NORMAL' | 'WITHDRAW' | 'REFUSE' | 'REFUSE_RETURNED' | 'REOPEN' | 'ESCALATE';

// ---------------------------------------------------------------------------
// Actors and departments
// ---------------------------------------------------------------------------

interface Actor {
  sub: string;
  name: string | null;
  roles: string[];
}

interface Member {
  name: string;
  role: SignOffRole;
  account: string;
}

interface Dept {
  id: string;
  level: AdministrativeLevel;
  regionCode: string;
  domains: ReadonlySet<string>;
  label: string;
  /** Base of the staff login subjects, from the members' accounts. */
  staffBase: string;
  /** One signer per role with three distinct accounts, or null when the department cannot refuse. */
  signers: readonly [Member, Member, Member] | null;
  leader: Member | null;
}

const LEVELS: readonly AdministrativeLevel[] = [
  AdministrativeLevel.TOWNSHIP,
  AdministrativeLevel.COUNTY,
  AdministrativeLevel.CITY,
];
const NEXT_LEVEL: Record<AdministrativeLevel, AdministrativeLevel | null> = {
  TOWNSHIP: AdministrativeLevel.COUNTY,
  COUNTY: AdministrativeLevel.CITY,
  CITY: null,
};

function toDept(d: SeedIssueDepartment, rng: SeededRandom): Dept | null {
  if (!(LEVELS as readonly string[]).includes(d.level)) return null;
  const members: Member[] = d.members.flatMap((m) =>
    m.account && (SIGN_OFF_ORDER as readonly string[]).includes(m.role)
      ? [{ name: m.name, role: m.role as SignOffRole, account: m.account }]
      : [],
  );
  const chosen: Member[] = [];
  for (const role of SIGN_OFF_ORDER) {
    const candidates = members.filter((m) => m.role === role && !chosen.some((c) => c.account === m.account));
    if (candidates.length) chosen.push(rng.pick(candidates));
  }
  // Staff log in as dept-<code>-staff (the cadres seed's accounts are dept-<code>-head, …, but a
  // demo login such as demo-head may stand in for one of them).
  const head = members.find((m) => m.role === SignOffRole.DEPARTMENT_HEAD);
  const base = d.code
    ? `dept-${d.code.toLowerCase()}`
    : head
      ? head.account.replace(/-head$/, '')
      : `dept-${d.id.slice(0, 8)}`;
  return {
    id: d.id,
    level: d.level as AdministrativeLevel,
    regionCode: d.regionCode,
    domains: new Set(d.domains),
    label: d.shortName || d.name || '承办部门',
    staffBase: base,
    signers: chosen.length === 3 ? [at(chosen, 0), at(chosen, 1), at(chosen, 2)] : null,
    leader: members.find((m) => m.role === SignOffRole.LEADER_IN_CHARGE) ?? null,
  };
}

// ---------------------------------------------------------------------------
// The Luqiao pattern: a department that says "no" to most appeals
// ---------------------------------------------------------------------------

/** 路桥区, Taizhou. */
export const LUQIAO_REGION_CODE = '331004';
/** The share of the Luqiao-pattern department's appeals that are refused (Luqiao 2022: 1,087 of 1,945). */
export const LUQIAO_REFUSAL_RATE = 1087 / 1945;
/**
 * Appeals the Luqiao-pattern department leads in a year: forty a quarter. Left to the city-wide draw
 * (an enterprise of 路桥区, a county-level appeal, one of its domains) a single county bureau got a
 * handful a quarter — too few for a review cycle to judge, so the pattern showed only as a small
 * sample. Luqiao itself answered 1,945 appeals in 2022; one of its bureaus taking 160 is modest.
 */
export const LUQIAO_APPEALS_PER_YEAR = 160;
/** …but never more than this share of all appeals (a small demo city stays a city). */
export const LUQIAO_MAX_SHARE = 0.25;

/** Members with a login for each of the three sign-off roles, three distinct accounts: it can refuse. */
function hasSignOffChain(d: Pick<SeedIssueDepartment, 'members'>): boolean {
  const chosen = new Set<string>();
  for (const role of SIGN_OFF_ORDER) {
    const m = d.members.find((x) => x.account && x.role === role && !chosen.has(x.account));
    if (!m?.account) return false;
    chosen.add(m.account);
  }
  return true;
}

/**
 * The department that behaves as Luqiao did before its "1187" reform (docs/domain.md): in 2022,
 * 1,087 of 1,945 appeals were answered "不能办" with vague replies while satisfaction read 100%.
 * Its appeals are refused with probability {@link LUQIAO_REFUSAL_RATE} instead of 6.4%, and its
 * refusals are rarely taken to the review panel (说"不"评议) or overturned.
 *
 * The pick is deterministic: among the county-level departments of 路桥区 (331004) that can refuse
 * (a full sign-off chain), the one whose code sorts first (its id when codes are missing); the seed
 * passes the active departments only. In the default demo data that is LQ-CZJ, 路桥区财政局. Null
 * when there is none.
 */
export function luqiaoPatternDepartment(
  departments: readonly Pick<SeedIssueDepartment, 'id' | 'code' | 'level' | 'regionCode' | 'members'>[],
): string | null {
  const key = (d: Pick<SeedIssueDepartment, 'id' | 'code'>): string => d.code ?? d.id;
  let best: (typeof departments)[number] | null = null;
  for (const d of departments) {
    if (d.level !== AdministrativeLevel.COUNTY || d.regionCode !== LUQIAO_REGION_CODE) continue;
    if (!hasSignOffChain(d)) continue;
    if (!best || key(d) < key(best) || (key(d) === key(best) && d.id < best.id)) best = d;
  }
  return best?.id ?? null;
}

// ---------------------------------------------------------------------------
// Deadline rules
// ---------------------------------------------------------------------------

const DEFAULT_RULE: SeedDeadlineRule = {
  regionPrefix: '',
  category: '',
  firstResponseHours: 24,
  planDays: 3,
  feedbackDays: 6,
  closeDays: 10,
};

function ruleFinder(
  rules: readonly SeedDeadlineRule[],
): (region: string, category: string) => SeedDeadlineRule {
  const sorted = [...rules].sort(
    (a, b) =>
      b.regionPrefix.length - a.regionPrefix.length || Number(b.category !== '') - Number(a.category !== ''),
  );
  const memo = new Map<string, SeedDeadlineRule>();
  return (region, category) => {
    const key = `${region}|${category}`;
    let r = memo.get(key);
    if (!r) {
      r =
        sorted.find(
          (x) => region.startsWith(x.regionPrefix) && (x.category === '' || x.category === category),
        ) ?? DEFAULT_RULE;
      memo.set(key, r);
    }
    return r;
  };
}

// ---------------------------------------------------------------------------
// One appeal's life, action by action, as IssueService writes it
// ---------------------------------------------------------------------------

/** Thrown when the next action would happen on or after `today` (or is held back): the appeal stays where it is. */
const STOP = new Error('stop');

const S = IssueStatus;

class Sim {
  readonly timeline: DemoTimelineEntry[] = [];
  readonly pauses: DemoPause[] = [];
  readonly refusals: DemoRefusal[] = [];
  readonly reviews: DemoReview[] = [];
  readonly events: DemoDomainEvent[] = [];
  /** The time of the last entry (ms). */
  t: number;
  /** An action that does not happen before today (the appeal stays open there), after `holdSkip` occurrences. */
  hold: IssueAction | null = null;
  holdSkip = 0;

  constructor(
    readonly row: DemoIssueRow,
    private readonly calendar: WorkCalendar,
    private readonly rule: SeedDeadlineRule,
    private readonly ids: SeededUuids,
    private readonly cutoff: number,
    submitter: Actor,
  ) {
    this.t = row.submittedAt.getTime();
    this.timeline.push(
      this.entry(this.t, submitter, 'SUBMIT', null, S.SUBMITTED, null, { source: row.source }),
    );
    this.emit('IssueSubmitted', { issue: this.facts(), visitId: row.visitId, title: row.title });
  }

  // --- the actions ---

  accept(at: number, v: Actor): void {
    this.act('ACCEPT', at, v, null, (d) => {
      const r = this.row;
      r.acceptedAt = d;
      r.firstResponder = v.sub;
      r.firstResponderName = v.name ?? v.sub;
      this.setDues(d);
      return { to: S.ACCEPTED, data: { firstResponseLate: d > r.firstResponseDue } };
    });
  }

  assign(
    at: number,
    v: Actor,
    lead: string,
    co: readonly string[],
    handler: string,
    note: string | null,
  ): void {
    const reassign = this.row.leadDepartmentId !== null;
    const coIds = [...new Set(co)].filter((x) => x !== lead);
    this.act('ASSIGN', at, v, note, (d) => {
      const r = this.row;
      r.leadDepartmentId = lead;
      r.coDepartmentIds = coIds;
      r.handler = handler;
      r.assignedAt = d;
      return { to: S.ASSIGNED, data: { leadDepartmentId: lead, coDepartmentIds: coIds, reassign } };
    });
    this.emitAssigned(reassign);
  }

  start(at: number, v: Actor, plan: string): void {
    this.act('START', at, v, plan, (d) => {
      this.row.plan = plan;
      this.row.planAt = d;
      return { to: S.IN_PROGRESS };
    });
  }

  feedback(at: number, v: Actor, note: string): void {
    this.act('FEEDBACK', at, v, note, (d) => {
      this.row.feedbackAt ??= d;
      return { to: this.row.status };
    });
  }

  awaitEnterprise(at: number, v: Actor, question: string): void {
    this.act('AWAIT_ENTERPRISE', at, v, question, (d) => {
      this.row.pausedSince = d;
      this.pauses.push({ pausedAt: d, resumedAt: null });
      return { to: S.WAITING_ENTERPRISE };
    });
  }

  resume(at: number, v: Actor, note: string | null): void {
    this.act('RESUME', at, v, note, (d) => {
      for (const p of this.pauses) p.resumedAt ??= d;
      const r = this.row;
      const start = r.round > 1 && r.assignedAt ? r.assignedAt : r.acceptedAt;
      if (start) this.setDues(start, d);
      r.pausedSince = null;
      return { to: S.IN_PROGRESS };
    });
  }

  answer(at: number, v: Actor, outcome: IssueOutcome, text: string): void {
    this.act('ANSWER', at, v, text, (d) => {
      const r = this.row;
      r.outcome = outcome;
      r.answer = text;
      r.answeredAt = d;
      // The same answer facts the service logs, so statistics rebuilt from the timeline count them.
      return { to: S.ANSWERED, data: this.answerFacts(d) };
    });
    this.emitAnswered();
  }

  proposeRefusal(at: number, v: Actor, reason: string, basis: string): void {
    const departmentId = this.row.leadDepartmentId;
    if (!departmentId) throw new Error('a refusal needs a lead department');
    this.act('PROPOSE_REFUSAL', at, v, reason, (d) => {
      this.refusals.push({
        id: this.ids.next(),
        round: this.row.round,
        departmentId,
        reason,
        basis,
        status: 'PENDING',
        nextRole: SignOffRole.SECTION_CHIEF,
        proposedBy: v.sub,
        proposedAt: d,
        decidedAt: null,
        signoffs: [],
      });
      return { to: S.REFUSAL_PENDING };
    });
  }

  signOff(at: number, signer: Member, decision: 'APPROVED' | 'RETURNED', note: string | null): void {
    const refusal = this.refusals.find((x) => x.status === 'PENDING');
    if (!refusal?.nextRole || refusal.nextRole !== signer.role) throw new Error('sign-off out of order');
    const role = refusal.nextRole;
    const next = SIGN_OFF_ORDER[SIGN_OFF_ORDER.indexOf(role) + 1] ?? null;
    const final = decision === 'APPROVED' && next === null;
    const v: Actor = {
      sub: signer.account,
      name: signer.name,
      roles: role === SignOffRole.SECTION_CHIEF ? ['department'] : ['leader'],
    };
    const label = `${SIGN_OFF_ROLE_LABELS[role]}${decision === 'APPROVED' ? '同意' : '退回'}${note ? `：${note}` : ''}`;
    this.act('SIGN_OFF', at, v, label, (d) => {
      refusal.signoffs.push({ role, signer: signer.account, signerName: signer.name, decision, note, at: d });
      const data = { refusalId: refusal.id, role, decision };
      if (decision === 'RETURNED') {
        refusal.status = 'RETURNED';
        refusal.nextRole = null;
        refusal.decidedAt = d;
        return { to: S.IN_PROGRESS, data };
      }
      if (final) {
        refusal.status = 'APPROVED';
        refusal.nextRole = null;
        refusal.decidedAt = d;
        const r = this.row;
        r.outcome = IssueOutcome.CANNOT_HANDLE;
        r.answeredAt = d;
        r.answer = refusal.reason + (refusal.basis ? `\n依据：${refusal.basis}` : '');
        return { to: S.ANSWERED, data: { ...data, ...this.answerFacts(d) } };
      }
      refusal.nextRole = next;
      return { to: S.REFUSAL_PENDING, data };
    });
    this.emit('RefusalSignedOff', { issue: this.facts(), refusalId: refusal.id, role, decision, final });
    if (final) this.emitAnswered();
  }

  confirm(at: number, v: Actor, note: string | null): void {
    this.act('CONFIRM', at, v, note, (d) => {
      this.row.confirmedAt = d;
      return { to: S.CONFIRMED };
    });
  }

  reopen(at: number, v: Actor, reason: string): void {
    this.act('REOPEN', at, v, reason, (d) => {
      const r = this.row;
      r.round += 1;
      r.reopenCount += 1;
      r.outcome = null;
      r.answer = null;
      r.answeredAt = null;
      this.setDues(d, null);
      return { to: S.IN_PROGRESS };
    });
    this.emit('IssueReopened', { issue: this.facts(), reason });
  }

  close(at: number, v: Actor, note: string | null): void {
    const how = this.row.status === S.CONFIRMED ? 'CONFIRMED' : 'CLOSED';
    this.act('CLOSE', at, v, note, (d) => {
      this.row.closedAt = d;
      return { to: S.CLOSED };
    });
    this.emitClosed(how);
  }

  withdraw(at: number, v: Actor, reason: string): void {
    this.act('WITHDRAW', at, v, reason, (d) => {
      this.endPause(d);
      this.row.closedAt = d;
      return { to: S.WITHDRAWN };
    });
    this.emitClosed('WITHDRAWN');
  }

  merge(at: number, v: Actor, intoId: string, note: string | null): DemoTimelineEntry {
    this.act('MERGE', at, v, note, (d) => {
      this.endPause(d);
      this.row.mergedIntoId = intoId;
      this.row.closedAt = d;
      return { to: S.MERGED, data: { intoId } };
    });
    this.emitClosed('MERGED');
    return at0(this.timeline);
  }

  escalate(at: number, v: Actor, reason: string): void {
    const from = this.row.level;
    const to = NEXT_LEVEL[from];
    if (!to) throw new Error('a city-level appeal cannot be escalated');
    this.act('ESCALATE', at, v, reason, (d) => {
      this.endPause(d);
      const r = this.row;
      r.level = to;
      r.escalationCount += 1;
      r.leadDepartmentId = null;
      r.coDepartmentIds = [];
      r.handler = null;
      r.difficult = true;
      return { to: S.ACCEPTED, data: { fromLevel: from, toLevel: to, taskForceId: null } };
    });
    this.emit('IssueEscalated', { issue: this.facts(), fromLevel: from, toLevel: to, reason });
  }

  requestReview(at: number, v: Actor, reason: string): void {
    const refusal = [...this.refusals].reverse().find((x) => x.status === 'APPROVED');
    if (this.row.outcome !== IssueOutcome.CANNOT_HANDLE || !refusal) throw new Error('nothing to review');
    this.act('REQUEST_REVIEW', at, v, reason, (d) => {
      this.reviews.push({
        id: this.ids.next(),
        refusalId: refusal.id,
        requestedBy: v.sub,
        requestedAt: d,
        requestReason: reason,
        hearingOn: null,
        panel: [],
        record: null,
        decision: null,
        decidedBy: null,
        decidedAt: null,
      });
      return { to: S.REVIEW_REQUESTED };
    });
  }

  decideReview(
    at: number,
    v: Actor,
    decision: 'UPHELD' | 'OVERTURNED',
    panel: string[],
    record: string,
  ): void {
    const review = this.reviews.find((x) => x.decision === null);
    if (!review) throw new Error('no open review');
    this.act('DECIDE_REVIEW', at, v, record, (d) => {
      review.decision = decision;
      review.hearingOn = isoDay(chinaDayOf(d.getTime()));
      review.panel = panel;
      review.record = record;
      review.decidedBy = v.sub;
      review.decidedAt = d;
      const data = { decision, reviewId: review.id };
      if (decision === 'UPHELD') return { to: S.ANSWERED, data };
      const r = this.row;
      r.outcome = null;
      r.answer = null;
      r.answeredAt = null;
      r.round += 1;
      r.assignedAt = d;
      this.setDues(d, null);
      return { to: S.ASSIGNED, data };
    });
    this.emit('ReviewDecided', {
      issue: this.facts(),
      refusalId: review.refusalId,
      reviewId: review.id,
      decision,
    });
    if (decision === 'OVERTURNED') this.emitAssigned(true);
  }

  /** The note IssueService leaves on the appeal a duplicate was merged into. */
  mergedIn(at: number, fromId: string): DemoTimelineEntry {
    const e = this.entry(at, SYSTEM, 'MERGED_IN', null, null, null, { from: fromId });
    let i = this.timeline.length;
    while (i > 0 && at0(this.timeline, i - 1).at.getTime() > at) i--;
    this.timeline.splice(i, 0, e);
    return e;
  }

  // --- bookkeeping ---

  private act(
    action: IssueAction,
    when: number,
    v: Actor,
    note: string | null,
    apply: (d: Date) => { to: IssueStatus; data?: Record<string, unknown> },
  ): void {
    const t = Math.max(when, this.t + 1000);
    if (t >= this.cutoff) throw STOP;
    if (this.hold === action && this.holdSkip-- <= 0) throw STOP;
    const from = this.row.status;
    if (!ALLOWED_FROM[action].includes(from)) throw new Error(`demo data: ${action} from ${from}`);
    const d = new Date(t);
    const { to, data } = apply(d);
    this.row.status = to;
    this.row.version += 1;
    this.row.updatedAt = d;
    this.timeline.push(this.entry(t, v, action, from, to, note, data ?? {}));
    this.t = t;
  }

  private entry(
    t: number,
    v: Actor,
    action: DemoTimelineEntry['action'],
    from: IssueStatus | null,
    to: IssueStatus | null,
    note: string | null,
    data: Record<string, unknown>,
  ): DemoTimelineEntry {
    return {
      at: new Date(t),
      actor: v.sub,
      actorName: v.name,
      actorRoles: v.roles,
      action,
      fromStatus: from,
      toStatus: to,
      note,
      data,
    };
  }

  private endPause(d: Date): void {
    if (!this.row.pausedSince) return;
    for (const p of this.pauses) p.resumedAt ??= d;
    this.row.pausedSince = null;
  }

  private pauseIntervals(): PauseInterval[] {
    return this.pauses.map((p) => ({ from: p.pausedAt, to: p.resumedAt }));
  }

  /** Plan, feedback and close due from `start`; with the appeal's pauses unless `asOf` is null. */
  private setDues(start: Date, asOf: Date | null = start): void {
    const paused = asOf ? this.pauseIntervals() : [];
    const when = asOf ?? start;
    const r = this.row;
    r.planDue = this.calendar.deadline(start, this.rule.planDays, paused, when);
    r.feedbackDue = this.calendar.deadline(start, this.rule.feedbackDays, paused, when);
    r.closeDue = this.calendar.deadline(start, this.rule.closeDays, paused, when);
  }

  facts(): IssueFactsV1 {
    const r = this.row;
    return {
      issueId: r.id,
      enterpriseId: r.enterpriseId,
      regionCode: r.regionCode,
      level: r.level,
      categories: r.categories,
      scope: r.scope,
      source: r.source,
      leadDepartmentId: r.leadDepartmentId,
      coDepartmentIds: r.coDepartmentIds,
      submittedAt: r.submittedAt.toISOString(),
      round: r.round,
    };
  }

  private answerFacts(at: Date): { outcome: IssueOutcome | null; workdays: number; onTime: boolean } {
    const t = this.timing(at);
    return { outcome: this.row.outcome, workdays: t.workdaysTaken, onTime: t.onTime };
  }

  private timing(at: Date): { workdaysTaken: number; onTime: boolean } {
    const r = this.row;
    return {
      workdaysTaken: this.calendar.elapsedWorkdays(r.acceptedAt ?? r.submittedAt, at, this.pauseIntervals()),
      onTime: r.closeDue ? at <= r.closeDue : true,
    };
  }

  private emit<T extends IssueEventType>(type: T, payload: LatestPayload<T>): void {
    this.events.push({ type, payload } as DemoDomainEvent);
  }

  private emitAssigned(reassignment: boolean): void {
    const r = this.row;
    const fallback = new Date(this.t);
    this.emit('IssueAssigned', {
      issue: this.facts(),
      planDue: (r.planDue ?? fallback).toISOString(),
      feedbackDue: (r.feedbackDue ?? fallback).toISOString(),
      closeDue: (r.closeDue ?? fallback).toISOString(),
      reassignment,
    });
  }

  private emitAnswered(): void {
    const r = this.row;
    const d = r.answeredAt ?? new Date(this.t);
    this.emit('IssueAnswered', {
      issue: this.facts(),
      outcome: r.outcome ?? IssueOutcome.RESOLVED,
      answeredAt: d.toISOString(),
      ...this.timing(d),
    });
  }

  private emitClosed(how: 'CONFIRMED' | 'CLOSED' | 'WITHDRAWN' | 'MERGED'): void {
    const r = this.row;
    const d = r.closedAt ?? new Date(this.t);
    this.emit('IssueClosed', {
      issue: this.facts(),
      outcome: r.outcome,
      closedAt: d.toISOString(),
      how,
      ...this.timing(d),
    });
  }
}

function at0<T>(items: readonly T[], i = items.length - 1): T {
  return at(items, i);
}

const SYSTEM: Actor = { sub: 'system', name: '系统', roles: [] };

// ---------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------

interface Ent {
  id: string;
  name: string;
  short: string;
  regionCode: string;
  county: string;
  town: string;
}

interface Built {
  sim: Sim;
  plan: Plan;
  /** A duplicate will be merged into this appeal and has no number yet. */
  awaiting?: boolean;
  /** For a duplicate: the appeal it was merged into, and the entries that cite the other's number. */
  merge?: { target: Built; own: DemoTimelineEntry; theirs: DemoTimelineEntry };
}

interface Plan {
  ent: Ent;
  source: IssueSource;
  visit: SeedIssueVisit | null;
  level: AdministrativeLevel;
  categories: ProblemDomain[];
  lead: Dept;
  co: Dept[];
}

class DemoIssueGenerator {
  private readonly rng: SeededRandom;
  private readonly ids: SeededUuids;
  private readonly clock: Clock;
  private readonly today: number;
  private readonly firstDay: number;
  private readonly cutoff: number;
  private readonly count: number;
  private readonly chunkSize: number;
  private readonly rule: (region: string, category: string) => SeedDeadlineRule;
  private readonly ents: Ent[];
  private readonly entById: Map<string, Ent>;
  private readonly depts: Dept[];
  private readonly deptsAtMemo = new Map<string, Dept[]>();
  private readonly visitsByDay = new Map<number, SeedIssueVisit[]>();
  private readonly pairedCadres = new Map<string, string[]>();
  private readonly regionNames: Map<string, string>;
  private readonly desk = new Map<string, Actor[]>();
  private readonly names = new Map<string, string>();
  private readonly demoEnterprise: Ent | undefined;
  private readonly quota: number[];
  /** The Luqiao-pattern department, if any. */
  private readonly luqiao: string | null;
  /** Its steady share of the appeals, and the 路桥区 enterprises they come from (null: none). */
  private readonly luqiaoFlow: {
    dept: Dept;
    share: number;
    ents: Ent[];
    domains: readonly (readonly [ProblemDomain, number])[];
  } | null;
  private picks = 0;

  constructor(input: DemoIssuesInput, options: DemoIssuesOptions) {
    const seed = options.seed ?? DEFAULT_SEED;
    this.rng = new SeededRandom(seed);
    this.ids = new SeededUuids(seed);
    this.today = parseDay(options.today);
    this.firstDay = this.today - 365;
    this.cutoff = dayStart(this.today);
    this.clock = new Clock(options.calendar ?? WorkCalendar.load(), this.firstDay - 14, 365 + 14 + 240);
    this.count = Math.max(0, Math.round(options.count ?? input.enterprises.length * APPEALS_PER_ENTERPRISE));
    this.chunkSize = Math.max(1, options.chunkSize ?? 1000);
    this.rule = ruleFinder(options.rules?.length ? options.rules : [DEFAULT_RULE]);

    this.regionNames = new Map(readDivisions().map((d) => [d.code, d.name]));
    const countyNames = [...this.regionNames.entries()]
      .filter(([code]) => /^\d{4}(?!00)\d{2}$/.test(code))
      .map(([, name]) => name);
    const legalPrefix = new RegExp(`^(浙江省?|台州市?)?(${countyNames.join('|')})?`);
    this.ents = input.enterprises.map((e) => {
      const short = e.name
        .replace(legalPrefix, '')
        .replace(/(股份有限公司|集团有限公司|有限责任公司|有限公司|厂)$/, '');
      const county = e.regionCode.slice(0, 6);
      return {
        id: e.id,
        name: e.name,
        short: short.length < 2 ? e.name : short,
        regionCode: e.regionCode,
        county,
        town: this.regionNames.get(e.regionCode) ?? this.regionNames.get(county) ?? '',
      };
    });
    this.entById = new Map(this.ents.map((e) => [e.id, e]));
    this.demoEnterprise = options.demoEnterpriseId ? this.entById.get(options.demoEnterpriseId) : undefined;

    const deptRng = new SeededRandom(seed ^ 0x0de9a87);
    this.depts = input.departments.flatMap((d) => toDept(d, deptRng) ?? []);
    this.luqiao =
      options.luqiaoDepartmentId === undefined
        ? luqiaoPatternDepartment(input.departments)
        : options.luqiaoDepartmentId;
    if (this.ents.length > 0 && this.count > 0 && this.depts.length === 0)
      throw new Error('demo appeals need departments: none were given');
    const luqiaoDept = this.depts.find((d) => d.id === this.luqiao && d.signers);
    const luqiaoEnts = this.ents.filter(
      (e) => luqiaoDept && regionContains(luqiaoDept.regionCode, e.regionCode),
    );
    const luqiaoDomains = luqiaoDept ? DOMAIN_WEIGHTS.filter(([x]) => luqiaoDept.domains.has(x)) : [];
    this.luqiaoFlow =
      luqiaoDept && luqiaoEnts.length && luqiaoDomains.length && this.count > 0
        ? {
            dept: luqiaoDept,
            share: Math.min(LUQIAO_MAX_SHARE, LUQIAO_APPEALS_PER_YEAR / this.count),
            ents: luqiaoEnts,
            domains: luqiaoDomains,
          }
        : null;

    for (const v of input.visits) {
      if (!this.entById.has(v.enterpriseId)) continue;
      const day = parseDay(v.visitedOn);
      if (day < this.firstDay - 7 || day >= this.today) continue;
      const list = this.visitsByDay.get(day) ?? [];
      list.push(v);
      this.visitsByDay.set(day, list);
    }
    for (const p of input.pairings) {
      const list = this.pairedCadres.get(p.enterpriseId) ?? [];
      list.push(p.cadreId);
      this.pairedCadres.set(p.enterpriseId, list);
    }

    // Appeals per day: working days carry the load; online and hotline appeals trickle in on days off.
    const weights: number[] = [];
    for (let d = this.firstDay; d < this.today; d++) weights.push(this.clock.isWorkday(d) ? 1 : 0.08);
    this.quota = this.ents.length ? apportion(this.count, weights) : weights.map(() => 0);
  }

  /**
   * Day by day: the day's appeals (and duplicates scheduled for it) are numbered in submission
   * order, then handed out — except an appeal that a later duplicate will be merged into, which
   * waits until that duplicate has its number (its timeline cites it). So chunks are in submission
   * order but for those few, and a merge target always comes out before its duplicate.
   */
  *chunks(): Generator<DemoIssue[]> {
    let buffer: Built[] = [];
    const pending = new Map<number, Built[]>();
    let seq = 0;
    for (let day = this.firstDay; day < this.today; day++) {
      const i = day - this.firstDay;
      const batch: Built[] = pending.get(day) ?? [];
      pending.delete(day);
      while (at(this.quota, i) > 0) {
        this.quota[i] = at(this.quota, i) - 1;
        const built = this.appeal(day);
        batch.push(built);
        const dup = this.duplicate(built);
        if (dup) {
          const dupDay = chinaDayOf(dup.sim.row.submittedAt.getTime());
          if (dupDay === day) batch.push(dup);
          else pending.set(dupDay, [...(pending.get(dupDay) ?? []), dup]);
        }
      }
      batch.sort((a, b) => a.sim.row.submittedAt.getTime() - b.sim.row.submittedAt.getTime());
      for (const b of batch) {
        seq++;
        const r = b.sim.row;
        r.no = `SQ${isoDay(chinaDayOf(r.submittedAt.getTime())).slice(0, 4)}-${String(seq).padStart(6, '0')}`;
        if (b.merge) {
          b.merge.own.note = `与诉求${b.merge.target.sim.row.no}反映的是同一问题，并单办理。`;
          b.merge.theirs.note = `并入诉求 ${r.no}`;
          b.merge.target.awaiting = false;
        }
      }
      buffer.push(...batch);
      const kept: Built[] = [];
      let out: Built[] = [];
      for (const b of buffer) {
        if (b.awaiting) kept.push(b);
        else if (out.push(b) === this.chunkSize) {
          yield out.map((x) => this.finish(x));
          out = [];
        }
      }
      buffer = kept.concat(out);
    }
    buffer.sort((a, b) => a.sim.row.submittedAt.getTime() - b.sim.row.submittedAt.getTime());
    while (buffer.length) yield buffer.splice(0, this.chunkSize).map((b) => this.finish(b));
  }

  // --- one appeal ---

  private appeal(day: number): Built {
    const rng = this.rng;
    const plan = this.plan(day);
    const sim = this.submit(plan, this.submissionTime(day, plan.source));
    const age = this.today - day;

    // Recent appeals are mostly still being handled; a few older ones are stuck (and red).
    const openP = age <= 10 ? 0.95 : age <= 21 ? 0.75 : age <= 42 ? 0.12 : 0;
    let fate: Fate = 'NORMAL';
    const r = rng.float();
    // The Luqiao-pattern department says "no" to more than half of its appeals.
    const refuseP = plan.lead.id === this.luqiao ? LUQIAO_REFUSAL_RATE : 0.064;
    if (r < 0.021) fate = 'WITHDRAW';
    else if (r < 0.021 + refuseP) fate = 'REFUSE';
    else if (r < 0.021 + refuseP + 0.008) fate = 'REFUSE_RETURNED';
    else if (r < 0.021 + refuseP + 0.008 + 0.042) fate = 'REOPEN';
    // 提级 only where the appeal's own level handles it and there is a level above (about half of them)
    const canEscalate = plan.lead.level === plan.level && NEXT_LEVEL[plan.level] !== null;
    if (fate === 'NORMAL' && canEscalate && rng.chance(0.05)) fate = 'ESCALATE';
    let pause = rng.chance(0.08);
    if (rng.chance(openP)) {
      const hold = rng.weightedEntry<IssueAction>([
        ['ACCEPT', age <= 2 ? 25 : 1.5],
        ['ASSIGN', age <= 3 ? 12 : 2],
        ['START', age <= 5 ? 14 : 4],
        ['ANSWER', 50],
        ['RESUME', 14],
        ['SIGN_OFF', 9],
        ['DECIDE_REVIEW', age > 12 ? 8 : 0],
      ]);
      sim.hold = hold;
      if (fate === 'WITHDRAW') fate = 'NORMAL';
      if (hold === 'RESUME') pause = true;
      if (hold === 'SIGN_OFF') {
        fate = 'REFUSE';
        sim.holdSkip = rng.int(0, 2);
      }
      if (hold === 'DECIDE_REVIEW') fate = 'REFUSE';
    }
    if ((fate === 'REFUSE' || fate === 'REFUSE_RETURNED') && !plan.lead.signers) fate = 'NORMAL';
    try {
      this.live(sim, plan, fate, pause);
    } catch (e) {
      if (e !== STOP) throw e;
    }
    return { sim, plan };
  }

  private plan(day: number): Plan {
    const rng = this.rng;
    const workday = this.clock.isWorkday(day);
    // The Luqiao-pattern department's steady flow: one draw per appeal, so it is the same every run.
    const flow = this.luqiaoFlow;
    if (flow && rng.chance(flow.share)) {
      const source = workday
        ? rng.weightedEntry(SOURCE_WEIGHTS.filter(([x]) => x !== IssueSource.VISIT))
        : rng.chance(0.75)
          ? IssueSource.ONLINE
          : IssueSource.HOTLINE_12345;
      return {
        ent: rng.pick(flow.ents),
        source,
        visit: null,
        level: flow.dept.level,
        categories: [rng.weightedEntry(flow.domains)],
        lead: flow.dept,
        co: [],
      };
    }
    let source = workday
      ? rng.weightedEntry(SOURCE_WEIGHTS)
      : rng.chance(0.75)
        ? IssueSource.ONLINE
        : IssueSource.HOTLINE_12345;
    let visit: SeedIssueVisit | null = null;
    if (source === IssueSource.VISIT) {
      visit = this.visitNear(day);
      if (!visit) source = IssueSource.ONLINE;
    }
    const ent = visit
      ? (this.entById.get(visit.enterpriseId) ?? this.pickEnterprise())
      : this.pickEnterprise();

    const township = ent.regionCode.length === 9;
    let level = township ? AdministrativeLevel.TOWNSHIP : AdministrativeLevel.COUNTY;
    if (source === IssueSource.LEADER_VISIT)
      level = rng.chance(0.4) ? AdministrativeLevel.CITY : AdministrativeLevel.COUNTY;
    else if (source === IssueSource.THEMED_MEETING && township && rng.chance(0.5))
      level = AdministrativeLevel.COUNTY;

    const primary = rng.weightedEntry(DOMAIN_WEIGHTS);
    const categories = [primary];
    if (rng.chance(0.18)) categories.push(rng.pick(RELATED[primary]));
    const lead = this.leadFor(level, ent.regionCode, primary);
    const co: Dept[] = [];
    const second = categories[1];
    if (second) {
      const other = this.leadFor(level, ent.regionCode, second);
      if (other.id !== lead.id) co.push(other);
    }
    if (!co.length && rng.chance(0.055)) {
      const others = this.deptsAt(lead.level, ent.regionCode).filter((d) => d.id !== lead.id);
      if (others.length) co.push(rng.pick(others));
    }
    return { ent, source, visit, level, categories, lead, co };
  }

  private submit(p: Plan, at: number): Sim {
    const rng = this.rng;
    const texts = this.texts(p.categories[0] ?? D.OTHER);
    const words = this.words(p, p.lead);
    const problem = rng.pick(texts.problems);
    const vars = new Map<string, number>();
    const title = fill(problem.title, rng, words, vars).slice(0, 100);
    let description =
      fill(rng.pick(SOURCE_PREFIXES[p.source]), rng, words) + fill(problem.description, rng, words, vars);
    if (rng.chance(0.45)) description += fill(rng.pick(DESCRIPTION_TAILS), rng, words);
    const rule = this.rule(p.ent.regionCode, p.categories[0] ?? '');
    const submitter = this.submitter(p);
    const submittedAt = new Date(at);
    const scope = rng.weightedEntry<IssueScope>([
      [IssueScope.INDIVIDUAL, 86],
      [IssueScope.COMMON, 11],
      [IssueScope.SYSTEMIC, 3],
    ]);
    const row: DemoIssueRow = {
      id: this.ids.next(),
      no: '',
      enterpriseId: p.ent.id,
      regionCode: p.ent.regionCode,
      source: p.source,
      visitId: p.visit?.id ?? null,
      title,
      description,
      categories: p.categories,
      scope,
      level: p.level,
      difficult: rng.chance(p.source === IssueSource.LEADER_VISIT ? 0.25 : 0.04),
      ...submittedState(submitter.sub, submittedAt, new Date(at + rule.firstResponseHours * HOUR)),
      textSignature: signature(`${title} ${description}`),
    };
    return new Sim(row, this.clock.calendar, rule, this.ids, this.cutoff, submitter);
  }

  /** The loop, from acceptance to closing; stops (STOP) at today or at the held action. */
  private live(sim: Sim, p: Plan, fate: Fate, pause: boolean): void {
    const { rng, clock } = this;
    const ent = this.enterpriseActor(p.ent);
    const texts = this.texts(p.categories[0] ?? D.OTHER);
    const withdrawAt =
      fate === 'WITHDRAW'
        ? rng.weightedEntry<number>([
            [0, 25],
            [1, 20],
            [2, 20],
            [3, 35],
          ])
        : -1;
    const withdraw = (): void =>
      sim.withdraw(
        clock.enterprise(rng, sim.t, rng.int(0, 3)),
        ent,
        fill(rng.pick(WITHDRAW_REASONS), rng, {}),
      );

    if (withdrawAt === 0) return withdraw();
    const late = rng.chance(0.04);
    sim.accept(
      clock.duty(rng, sim.t, late ? rng.int(26, 60) : 0.3 + rng.float() * 18),
      this.firstResponder(p),
    );
    const acceptDay = chinaDayOf(sim.t);
    if (withdrawAt === 1) return withdraw();

    let lead = p.lead;
    let co = p.co;
    let handler = this.handlerName();
    let staff = this.staffActor(lead, handler);
    const dispatcher = (level: AdministrativeLevel): Actor => this.dispatcher(p.ent, level);
    const assignNote = (d: Dept, co: readonly Dept[]): string => {
      const words = { ...this.words(p, d), co: co.map((x) => x.label).join('、') };
      return fill(rng.pick(co.length ? ASSIGN_NOTES_CO : ASSIGN_NOTES), rng, words);
    };
    sim.assign(
      clock.staff(rng, sim.t, rng.chance(0.7) ? 0 : 1),
      dispatcher(p.level),
      lead.id,
      p.co.map((d) => d.id),
      handler,
      assignNote(lead, p.co),
    );
    if (withdrawAt === 2) return withdraw();

    const words = (): Words => ({ ...this.words(p, lead), co: this.coLabel(co) });
    const subject = `${sim.row.title}${sim.row.description}`;
    const planText = (): string =>
      fill(
        rng.chance(0.85) ? choose(rng, texts.plans, subject, GENERIC_PLANS) : rng.pick(GENERIC_PLANS),
        rng,
        words(),
      );
    let x = rng.weightedEntry(ANSWER_DAYS);
    const planOff = Math.min(rng.int(0, 2), x);
    sim.start(clock.staffOn(rng, clock.nthWorkdayAfter(acceptDay, planOff), sim.t), staff, planText());

    // 提级: the township (or county) finds it beyond its reach; the next level takes it over.
    if (fate === 'ESCALATE') {
      const escalator =
        lead.leader && rng.chance(0.5)
          ? { sub: lead.leader.account, name: lead.leader.name, roles: ['leader'] }
          : dispatcher(p.level);
      const toLevel = NEXT_LEVEL[p.level] ?? AdministrativeLevel.CITY;
      sim.escalate(
        clock.staff(rng, sim.t, rng.int(1, 3)),
        escalator,
        fill(rng.pick(toLevel === AdministrativeLevel.CITY ? ESCALATE_TO_CITY : ESCALATE_TO_COUNTY), rng, {}),
      );
      lead = this.leadFor(toLevel, p.ent.regionCode, p.categories[0] ?? D.OTHER);
      co = [];
      handler = this.handlerName();
      staff = this.staffActor(lead, handler);
      sim.assign(
        clock.staff(rng, sim.t, rng.int(0, 1)),
        dispatcher(toLevel),
        lead.id,
        [],
        handler,
        assignNote(lead, []),
      );
      sim.start(clock.staff(rng, sim.t, rng.int(0, 2)), staff, planText());
      x = Math.max(x, clock.workdaysFrom(acceptDay, chinaDayOf(sim.t)) + rng.int(2, 8));
    }

    // 待企业补充: the clock stops while the enterprise gathers what was asked for.
    let shift = 0;
    if (pause) {
      x = Math.max(x, 2);
      const off = Math.max(planOff, rng.int(planOff, x - 1));
      sim.awaitEnterprise(
        clock.staffOn(rng, clock.nthWorkdayAfter(acceptDay, off), sim.t),
        staff,
        fill(rng.pick(AWAIT_QUESTIONS), rng, {}),
      );
      const days = rng.int(1, 4);
      shift = days + 1;
      const by = rng.chance(0.4) ? ent : staff;
      sim.resume(clock.staff(rng, sim.t, days), by, fill(rng.pick(RESUME_NOTES), rng, {}));
    }
    if (x - planOff >= 2 && rng.chance(x >= 4 ? 0.75 : 0.3)) {
      const off = rng.int(planOff + 1, x - 1) + shift;
      sim.feedback(
        clock.staffOn(rng, clock.nthWorkdayAfter(acceptDay, off), sim.t),
        staff,
        fill(rng.pick(FEEDBACK_NOTES), rng, words()),
      );
    }
    if (withdrawAt === 3) return withdraw();
    const answerAt = (): number => clock.staffOn(rng, clock.nthWorkdayAfter(acceptDay, x + shift), sim.t);
    const answerText = (outcome: IssueOutcome): string =>
      fill(
        outcome === IssueOutcome.RESOLVED
          ? choose(rng, texts.resolved, subject, GENERIC_RESOLVED)
          : choose(rng, texts.partly, subject, GENERIC_PARTLY),
        rng,
        words(),
      );

    // 不能办: a written reason and basis, then three sign-offs in order by three people.
    if ((fate === 'REFUSE' || fate === 'REFUSE_RETURNED') && lead.signers) {
      const refusal = choose(rng, texts.refusals, subject, GENERIC_REFUSALS);
      const rw = words();
      sim.proposeRefusal(
        clock.staffOn(rng, clock.nthWorkdayAfter(acceptDay, Math.min(x, rng.int(2, 7)) + shift), sim.t),
        staff,
        fill(refusal.reason, rng, rw),
        fill(refusal.basis, rng, rw),
      );
      const returnAt = fate === 'REFUSE_RETURNED' ? rng.int(0, 1) : -1;
      for (let k = 0; k < 3; k++) {
        const signer = at(lead.signers, k);
        const when = clock.staff(rng, sim.t, rng.chance(0.6) ? 0 : 1);
        if (k === returnAt) {
          sim.signOff(when, signer, 'RETURNED', fill(rng.pick(SIGN_RETURN_NOTES), rng, {}));
          const outcome = rng.chance(0.5) ? IssueOutcome.RESOLVED : IssueOutcome.PARTLY_RESOLVED;
          sim.answer(clock.staff(rng, sim.t, rng.int(2, 6)), staff, outcome, answerText(outcome));
          return this.confirmAndClose(sim, p, ent, staff);
        }
        sim.signOff(
          when,
          signer,
          'APPROVED',
          rng.chance(0.7) ? fill(rng.pick(SIGN_APPROVE_NOTES), rng, {}) : null,
        );
      }
      // 说"不"评议: the enterprise may ask the panel; an overturned "no" is assigned again (二次交办).
      // The Luqiao-pattern department's refusals rarely get there, and are rarely overturned.
      const luqiao = lead.id === this.luqiao;
      const review = sim.hold === 'DECIDE_REVIEW' || rng.chance(luqiao ? 0.04 : 0.3);
      if (!review) {
        sim.close(clock.staff(rng, sim.t, rng.int(1, 3)), staff, fill(rng.pick(CLOSE_REFUSED), rng, {}));
        return;
      }
      sim.requestReview(
        clock.enterprise(rng, sim.t, rng.int(1, 5)),
        ent,
        fill(rng.pick(REVIEW_REASONS), rng, {}),
      );
      const overturn = rng.chance(luqiao ? 0.15 : 0.4);
      const county = p.ent.county;
      const panelActor: Actor = {
        sub: `review-${county}`,
        name: `${this.regionNames.get(county) ?? ''}说“不”评议团`,
        roles: ['evaluator'],
      };
      const panel = PANEL_ROLES.slice(0, rng.int(3, 5)).map((role) => `${role} ${chineseName(rng)}`);
      sim.decideReview(
        clock.staff(rng, sim.t, rng.int(5, 12)),
        panelActor,
        overturn ? 'OVERTURNED' : 'UPHELD',
        panel,
        fill(rng.pick(overturn ? REVIEW_OVERTURNED : REVIEW_UPHELD), rng, words()),
      );
      if (!overturn) {
        sim.close(
          clock.staff(rng, sim.t, rng.int(1, 3)),
          dispatcher(sim.row.level),
          fill(rng.pick(CLOSE_UPHELD), rng, {}),
        );
        return;
      }
      sim.start(clock.staff(rng, sim.t, rng.int(0, 2)), staff, planText());
      const outcome = rng.chance(0.8) ? IssueOutcome.RESOLVED : IssueOutcome.PARTLY_RESOLVED;
      sim.answer(clock.staff(rng, sim.t, rng.int(2, 7)), staff, outcome, answerText(outcome));
      return this.confirmAndClose(sim, p, ent, staff);
    }

    const partlyP = fate === 'ESCALATE' ? 0.2 : fate === 'REOPEN' ? 0.4 : 0.065;
    const outcome = rng.chance(partlyP) ? IssueOutcome.PARTLY_RESOLVED : IssueOutcome.RESOLVED;
    sim.answer(answerAt(), staff, outcome, answerText(outcome));

    // 重新办理: the enterprise is not satisfied; a new round with new deadlines.
    if (fate === 'REOPEN') {
      sim.reopen(clock.enterprise(rng, sim.t, rng.int(1, 5)), ent, fill(rng.pick(REOPEN_REASONS), rng, {}));
      if (rng.chance(0.5))
        sim.feedback(
          clock.staff(rng, sim.t, rng.int(1, 2)),
          staff,
          fill(rng.pick(FEEDBACK_NOTES), rng, words()),
        );
      const again = rng.chance(0.85) ? IssueOutcome.RESOLVED : IssueOutcome.PARTLY_RESOLVED;
      sim.answer(clock.staff(rng, sim.t, rng.int(2, 7)), staff, again, answerText(again));
    }
    this.confirmAndClose(sim, p, ent, staff);
  }

  private confirmAndClose(sim: Sim, p: Plan, ent: Actor, staff: Actor): void {
    const { rng, clock } = this;
    if (rng.chance(0.75)) {
      sim.confirm(
        clock.enterprise(rng, sim.t, rng.int(0, 3)),
        ent,
        rng.chance(0.6) ? fill(rng.pick(CONFIRM_NOTES), rng, {}) : null,
      );
      const by = rng.chance(0.5) ? staff : this.dispatcher(p.ent, sim.row.level);
      sim.close(clock.staff(rng, sim.t, rng.int(0, 2)), by, fill(rng.pick(CLOSE_CONFIRMED), rng, {}));
    } else {
      sim.close(
        clock.staff(rng, sim.t, rng.int(3, 5)),
        this.dispatcher(p.ent, sim.row.level),
        fill(rng.pick(CLOSE_UNCONFIRMED), rng, {}),
      );
    }
  }

  /** 并单: now and then the same enterprise raises the same problem again a few days later. */
  private duplicate(target: Built): Built | null {
    const rng = this.rng;
    if (!rng.chance(0.0105)) return null;
    const t = target.sim.row;
    const ent = target.plan.ent;
    const submitted = this.clock.duty(rng, t.submittedAt.getTime(), rng.int(3, 96));
    const dupDay = chinaDayOf(submitted);
    const i = dupDay - this.firstDay;
    if (dupDay >= this.today || at(this.quota, i) <= 0) return null;
    const source = rng.chance(0.6) ? IssueSource.ONLINE : IssueSource.HOTLINE_12345;
    const level = target.plan.level;
    const rule = this.rule(t.regionCode, at(t.categories, 0));
    const submitter = this.submitter({ ent, source, visit: null });
    const title = `再次反映：${t.title}`.slice(0, 100);
    const description = `企业再次反映：${t.description}`.slice(0, 5000);
    const row: DemoIssueRow = {
      ...t,
      id: this.ids.next(),
      no: '',
      source,
      visitId: null,
      title,
      description,
      level,
      difficult: false,
      ...submittedState(
        submitter.sub,
        new Date(submitted),
        new Date(submitted + rule.firstResponseHours * HOUR),
      ),
      textSignature: signature(`${title} ${description}`),
    };
    const sim = new Sim(row, this.clock.calendar, rule, this.ids, this.cutoff, submitter);
    let own: DemoTimelineEntry;
    try {
      if (rng.chance(0.5))
        sim.accept(
          this.clock.duty(rng, sim.t, 0.3 + rng.float() * 6),
          this.firstResponder({ ent, visit: null, level }),
        );
      const mergeAt = this.clock.staff(rng, sim.t, rng.int(0, 1));
      // The target must still be open when the duplicate is merged into it.
      if (mergeAt >= (t.closedAt?.getTime() ?? Infinity)) return null;
      own = sim.merge(mergeAt, this.dispatcher(ent, level), t.id, null);
    } catch (e) {
      if (e === STOP) return null;
      throw e;
    }
    this.quota[i] = at(this.quota, i) - 1;
    target.awaiting = true;
    const theirs = target.sim.mergedIn(own.at.getTime(), row.id);
    return { sim, plan: { ...target.plan, source, visit: null }, merge: { target, own, theirs } };
  }

  private finish(b: Built): DemoIssue {
    const { sim } = b;
    const row = sim.row;
    const open = OPEN_STATUSES.includes(row.status);
    return {
      row,
      timeline: sim.timeline,
      pauses: sim.pauses,
      refusals: sim.refusals,
      reviews: sim.reviews,
      events: sim.events,
      open,
      overdue: open && this.isOverdue(row),
    };
  }

  /** Red at the start of today, as IssueService.colourOf sees it. */
  private isOverdue(row: DemoIssueRow): boolean {
    const now = new Date(this.cutoff);
    if (row.status === S.SUBMITTED) return now > row.firstResponseDue;
    let due = row.closeDue;
    if (!due) return false;
    if (row.pausedSince) {
      const extra = this.clock.calendar.elapsedWorkdays(row.pausedSince, now);
      if (extra > 0) due = this.clock.calendar.deadline(due, extra);
    }
    return now > due;
  }

  // --- choices ---

  /** Any enterprise; the demo enterprise gets about six appeals a year, evenly spread. */
  private pickEnterprise(): Ent {
    this.picks++;
    if (this.demoEnterprise && this.picks % Math.max(2, Math.floor(this.count / 10)) === 0)
      return this.demoEnterprise;
    return this.rng.pick(this.ents);
  }

  /** A visit made on the day or up to three days before (the cadre records what was found). */
  private visitNear(day: number): SeedIssueVisit | null {
    const r = this.rng.int(0, 3);
    for (let k = 0; k < 4; k++) {
      const list = this.visitsByDay.get(day - ((r + k) % 4));
      if (list?.length) return this.rng.pick(list);
    }
    return null;
  }

  private submissionTime(day: number, source: IssueSource): number {
    const rng = this.rng;
    const start = dayStart(day);
    if (source === IssueSource.ONLINE && rng.chance(0.3)) {
      const evening = rng.chance(0.7);
      const from = evening ? 17.4 * HOUR : 7.5 * HOUR;
      return whole(start + from + rng.float() * (evening ? 4 * HOUR : 1.1 * HOUR));
    }
    return whole(start + 8.6 * HOUR + rng.float() * 8.7 * HOUR);
  }

  private deptsAt(level: AdministrativeLevel, region: string): Dept[] {
    const key = `${level}|${region}`;
    let list = this.deptsAtMemo.get(key);
    if (!list) {
      list = this.depts.filter((d) => d.level === level && regionContains(d.regionCode, region));
      this.deptsAtMemo.set(key, list);
    }
    return list;
  }

  /** A department for the category at the level (or the next level up when none there covers it). */
  private leadFor(level: AdministrativeLevel, region: string, domain: ProblemDomain): Dept {
    const from = LEVELS.indexOf(level);
    for (const l of LEVELS.slice(from)) {
      const list = this.deptsAt(l, region).filter((d) => d.domains.has(domain));
      if (list.length) return this.rng.pick(list);
    }
    for (const l of LEVELS.slice(from)) {
      const list = this.deptsAt(l, region);
      if (list.length) return this.rng.pick(list);
    }
    const city = this.depts.filter((d) => d.level === AdministrativeLevel.CITY && d.domains.has(domain));
    return this.rng.pick(city.length ? city : this.depts);
  }

  private texts(domain: ProblemDomain): CompiledDomain {
    const t = TEXTS.get(domain) ?? TEXTS.get(D.OTHER);
    if (!t) throw new Error(`no texts for ${domain}`);
    return t;
  }

  private words(p: Plan, lead: Dept): Record<string, string> {
    return {
      name: p.ent.short,
      town: p.ent.town,
      dept: lead.label,
      co: this.coLabel(p.co),
      person: chineseName(this.rng),
    };
  }

  private coLabel(co: readonly Dept[]): string {
    return co.length ? co.map((d) => d.label).join('、') : '相关部门';
  }

  // --- who ---

  private nameOf(key: string): string {
    let n = this.names.get(key);
    if (!n) {
      n = chineseName(new SeededRandom(hashString(key)));
      this.names.set(key, n);
    }
    return n;
  }

  private enterpriseActor(e: Ent): Actor {
    if (e === this.demoEnterprise)
      return { sub: 'demo-enterprise', name: '企业联络员（演示）', roles: ['enterprise'] };
    return { sub: `ent-${e.id}`, name: `${e.short}联络员`, roles: ['enterprise'] };
  }

  private cadreActor(cadreId: string): Actor {
    return { sub: `cadre-${cadreId}`, name: this.nameOf(cadreId), roles: ['cadre'] };
  }

  private submitter(p: Pick<Plan, 'ent' | 'source' | 'visit'>): Actor {
    switch (p.source) {
      case IssueSource.VISIT:
        return p.visit ? this.cadreActor(p.visit.cadreId) : this.enterpriseActor(p.ent);
      case IssueSource.HOTLINE_12345:
        return { sub: 'hotline-12345', name: '12345政务服务热线', roles: ['admin'] };
      case IssueSource.LEADER_VISIT:
      case IssueSource.THEMED_MEETING:
        return this.dispatcher(p.ent, AdministrativeLevel.COUNTY);
      default:
        return this.enterpriseActor(p.ent);
    }
  }

  /** 首问负责人: the visiting cadre, often the paired cadre, else the service centre's desk. */
  private firstResponder(p: Pick<Plan, 'ent' | 'visit' | 'level'>): Actor {
    const rng = this.rng;
    if (p.visit) return this.cadreActor(p.visit.cadreId);
    const paired = this.pairedCadres.get(p.ent.id);
    if (paired?.length && rng.chance(0.45)) return this.cadreActor(rng.pick(paired));
    const region = p.level === AdministrativeLevel.CITY ? `${p.ent.county.slice(0, 4)}00` : p.ent.county;
    let desk = this.desk.get(region);
    if (!desk) {
      const centre = `${this.regionNames.get(region) ?? ''}助企服务中心`;
      desk = [1, 2, 3].map((k) => ({
        sub: `svc-${region}-desk${k}`,
        name: `${this.nameOf(`${region}-desk${k}`)}（${centre}）`,
        roles: ['admin'],
      }));
      this.desk.set(region, desk);
    }
    return rng.pick(desk);
  }

  /** The service centre that assigns, merges and closes at a level. */
  private dispatcher(e: Ent, level: AdministrativeLevel): Actor {
    const region = level === AdministrativeLevel.CITY ? `${e.county.slice(0, 4)}00` : e.county;
    return {
      sub: `svc-${region}`,
      name: `${this.regionNames.get(region) ?? ''}助企服务中心`,
      roles: ['admin'],
    };
  }

  private handlerName(): string {
    return chineseName(this.rng);
  }

  private staffActor(d: Dept, handler: string): Actor {
    return { sub: `${d.staffBase}-staff`, name: handler, roles: ['department'] };
  }
}

// ---------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------

/**
 * The appeals, `chunkSize` at a time (the last chunk may be shorter), in submission order except
 * for the few that wait for a duplicate's number (a merge target always precedes its duplicate).
 * Each appeal is complete when handed out; memory stays at about a day of appeals plus one chunk.
 */
export function* generateIssueChunks(
  input: DemoIssuesInput,
  options: DemoIssuesOptions,
): Generator<DemoIssue[]> {
  yield* new DemoIssueGenerator(input, options).chunks();
}

/** A year of demo appeals for the given enterprises (see the module comment), in submission order. */
export function generateDemoIssues(input: DemoIssuesInput, options: DemoIssuesOptions): DemoIssue[] {
  const out: DemoIssue[] = [];
  for (const chunk of generateIssueChunks(input, options)) for (const issue of chunk) out.push(issue);
  return out.sort((a, b) => seqOf(a) - seqOf(b));
}

const seqOf = (i: DemoIssue): number => Number(i.row.no.slice(i.row.no.indexOf('-') + 1));

/** `count` appeals streamed in chunks, for benchmarks (a million stay within modest memory). */
export function generateBulkIssues(
  input: DemoIssuesInput,
  count: number,
  options: Omit<DemoIssuesOptions, 'count'>,
): Generator<DemoIssue[]> {
  return generateIssueChunks(input, { ...options, count });
}

export function summarizeDemoIssues(
  issues: Iterable<DemoIssue>,
  into?: DemoIssuesSummary,
): DemoIssuesSummary {
  const s = into ?? { issues: 0, open: 0, overdue: 0, refusals: 0, reviews: 0, escalated: 0, reopened: 0 };
  for (const i of issues) {
    s.issues++;
    if (i.open) s.open++;
    if (i.overdue) s.overdue++;
    s.refusals += i.refusals.length;
    s.reviews += i.reviews.length;
    if (i.row.escalationCount > 0) s.escalated++;
    if (i.row.reopenCount > 0) s.reopened++;
  }
  return s;
}

/** The workflow fields of an appeal just submitted: nothing accepted, assigned or answered yet. */
function submittedState(submittedBy: string, submittedAt: Date, firstResponseDue: Date) {
  return {
    status: S.SUBMITTED,
    round: 1,
    submittedBy,
    submittedAt,
    firstResponseDue,
    acceptedAt: null,
    firstResponder: null,
    firstResponderName: null,
    leadDepartmentId: null,
    coDepartmentIds: [],
    handler: null,
    taskForceId: null,
    assignedAt: null,
    planDue: null,
    feedbackDue: null,
    closeDue: null,
    plan: null,
    planAt: null,
    feedbackAt: null,
    pausedSince: null,
    outcome: null,
    answer: null,
    answeredAt: null,
    confirmedAt: null,
    closedAt: null,
    reopenCount: 0,
    escalationCount: 0,
    mergedIntoId: null,
    version: 1,
    updatedAt: submittedAt,
  };
}
