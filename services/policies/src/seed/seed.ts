import { Role, SeededRandom, type Viewer } from '@sfw/shared-types';
import type { WorkCalendar } from '@sfw/workdays';
import type { DataSource, EntityManager } from 'typeorm';
import type { PoliciesServices } from '../context';
import type { Material } from '../policy/application.service';
import { ApplicationStatus, chinaToday, PolicyStatus } from '../policy/model';
import { POLICY_COLUMNS, type PolicyRow } from '../policy/policy.service';
import { formatYuan, maxAmount, roundCents, type AmountRule } from '../rules/amount';
import { compileRule } from '../rules/rules';
import { demoPolicyCatalogue, shiftDate, type DemoPolicy } from './demo-policies';

export interface SeedPoliciesOptions {
  /** The end of the history (default: now). Nothing written is dated after it. */
  now?: Date;
  seed?: number;
}

export interface SeedPoliciesReport {
  /** Policies created (published, withdrawn by consolidation, or left as drafts). */
  policies: number;
  /** Policies published and still in force (the consolidated ones are withdrawn). */
  published: number;
  /** Current (policy, enterprise) matches. */
  matches: number;
  /** Pushes, ever (one per pair that was once matched). */
  pushes: number;
  /** Applications (申报), not counting grants without application. */
  applications: number;
  /** Applications and grants paid out (兑付企业次). */
  paid: number;
  /** 元 */
  paidAmount: number;
  /** Grants without application (免申即享). */
  grants: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Applications reach back this far (about eleven months). */
const HISTORY_DAYS = 335;

/** The instant `minutes` after midnight of a China date. */
const chinaAt = (date: string, minutes: number): Date =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + minutes * MINUTE);
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const later = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);
const earlier = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);

class Rng extends SeededRandom {
  /** A random version-4 UUID from the seeded stream (32 draws). */
  uuid(): string {
    let hex = '';
    for (let i = 0; i < 32; i++) hex += this.int(0, 15).toString(16);
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A uniform instant in [from, to). */
  between(from: Date, to: Date): Date {
    return new Date(from.getTime() + Math.floor(this.float() * Math.max(0, to.getTime() - from.getTime())));
  }

  /** Log-uniform in [min, max]. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.float() * (Math.log(max) - Math.log(min)));
  }
}

// --- texts -------------------------------------------------------------------------------------

const APPLY_NOTES = [
  '申报项目已竣工投产，相关票据已全部上传。',
  '本年度首次申报该政策，请予审核。',
  '如需补充材料请联系企业财务负责人。',
  '申报数据与年度审计报告一致。',
];
const REJECT_REASONS = [
  '申报项目不属于本政策支持范围',
  '项目投资发票与申报清单不一致，核定依据不足',
  '同一项目已享受其他市级财政补助，不得重复享受',
  '企业存在未整改的安全生产或环保违法记录，暂不予支持',
  '申报基数与税务、统计部门数据不符',
  '申报时间超出政策规定的申报期限',
];
const EXPIRED_REASON = '逾期未补充材料，视为放弃申报';
const SUPPLEMENT_NOTES = ['已按要求补充材料，请审核。', '已重新上传清晰扫描件。', null];

// --- the plan ----------------------------------------------------------------------------------

interface Enterprise {
  id: string;
  regionCode: string;
  foundedOn: string | null;
}

interface PlannedPolicy {
  demo: DemoPolicy;
  row: PolicyRow;
  actor: string;
  createdAt: Date;
  publishedAt: Date | null;
  /** When the umbrella policy replacing it was published (no applications after). */
  replacedAt: Date | null;
  eligible: Enterprise[];
}

interface PlannedEvent {
  at: Date;
  actor: string;
  action: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  note: string | null;
}

interface PlannedApplication {
  id: string;
  auto: boolean;
  policy: PlannedPolicy;
  enterprise: Enterprise;
  declaredBase: number | null;
  requestedAmount: number | null;
  /** Material names with the index of the one re-uploaded on supplement (-1: none). */
  materials: string[];
  supplemented: number;
  note: string | null;
  status: ApplicationStatus;
  submittedBy: string;
  submittedAt: Date;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  approvedAmount: number | null;
  payoutDue: Date | null;
  paidAmount: number | null;
  paidOn: string | null;
  payoutReference: string | null;
  paidBy: string | null;
  paidRecordedAt: Date | null;
  events: PlannedEvent[];
}

/** A declared base (元) whose share lands between 1.5% and 110% of the cap (log-uniform). */
function declaredBase(rng: Rng, rule: Extract<AmountRule, { kind: 'SHARE' }>): number {
  const target = (rule.cap ?? 1_000_000) * rng.logUniform(0.015, 1.1);
  const base = target / rule.share;
  const step = base >= 1e6 ? 10_000 : base >= 1e5 ? 1_000 : 100;
  return Math.max(step, Math.round(base / step) * step);
}

/** What the department approves: usually the rule's maximum, sometimes less (部分核减). */
function approvedAmount(rng: Rng, rule: AmountRule, base: number | null): number {
  const max = maxAmount(rule, base) ?? 0;
  const cut = rng.chance(rule.kind === 'SHARE' ? 0.3 : 0.08);
  if (!cut || max < 1_000) return max;
  const amount = roundCents(Math.floor((max * (0.6 + 0.35 * rng.float())) / 100) * 100);
  return amount > 0 && amount <= max ? amount : max;
}

/**
 * When a (policy, enterprise) pair was matched and pushed: at publication, or a month after the
 * enterprise was founded if that was later; never later than two hours before `now`.
 */
function matchTime(p: PlannedPolicy, e: Enterprise, now: Date): Date {
  const published = p.publishedAt ?? now;
  const founded = e.foundedOn ? chinaAt(shiftDate(e.foundedOn, 30), 9 * 60) : published;
  return earlier(later(published, founded), new Date(now.getTime() - 2 * HOUR));
}

class Planner {
  private references = 0;

  constructor(
    private readonly rng: Rng,
    private readonly calendar: WorkCalendar,
    private readonly now: Date,
  ) {}

  private officeTime(date: string): Date {
    return chinaAt(date, this.rng.int(8 * 60 + 30, 17 * 60 + 30));
  }

  /** A department step `min`–`max` working days after `t`, in office hours. */
  private workdaysAfter(t: Date, min: number, max: number): Date {
    return this.officeTime(this.calendar.addWorkdays(chinaToday(t), this.rng.int(min, max)));
  }

  /** An enterprise step `min`–`max` days after `t`, between 8:00 and 21:00. */
  private daysAfter(t: Date, min: number, max: number): Date {
    return chinaAt(shiftDate(chinaToday(t), this.rng.int(min, max)), this.rng.int(8 * 60, 21 * 60));
  }

  private reference(p: PlannedPolicy, date: string): string {
    this.references += 1;
    const prefix = p.demo.departmentCode.split('-')[0] ?? 'TZ';
    return `${prefix}CZ${date.replace(/-/g, '')}${String(this.references).padStart(5, '0')}`;
  }

  /** Records the payout of an approved application or grant, unless it falls after `now`. */
  private pay(a: PlannedApplication, approvedAt: Date, batchDate: string | null): void {
    const p = a.policy;
    const due = this.calendar.deadline(approvedAt, p.row.payoutWorkdays);
    a.payoutDue = due;
    const dueDate = chinaToday(due);
    let payDate: string;
    if (this.rng.chance(0.12)) payDate = this.calendar.addWorkdays(dueDate, this.rng.int(1, 12));
    else {
      payDate =
        batchDate ??
        this.calendar.addWorkdays(
          chinaToday(approvedAt),
          this.rng.int(2, Math.min(12, p.row.payoutWorkdays)),
        );
      if (payDate > dueDate) payDate = dueDate;
    }
    const paidAt = this.officeTime(payDate);
    if (paidAt.getTime() > this.now.getTime() || paidAt.getTime() <= approvedAt.getTime()) return;
    const amount = a.approvedAmount ?? 0;
    if (amount <= 0) return;
    const reference = this.reference(p, payDate);
    a.status = ApplicationStatus.PAID;
    a.paidAmount = amount;
    a.paidOn = payDate;
    a.payoutReference = reference;
    a.paidBy = p.actor;
    a.paidRecordedAt = paidAt;
    a.events.push({
      at: paidAt,
      actor: p.actor,
      action: 'PAY',
      from: ApplicationStatus.APPROVED,
      to: ApplicationStatus.PAID,
      note: `兑付${amount}元，凭证${reference}`,
    });
  }

  /**
   * One application submitted at `at`, taken through its steps as long as they fall before `now`:
   * perhaps a request for more material (answered, or left until it is rejected or withdrawn),
   * then rejection or approval, then payout (about one in eight after the deadline).
   */
  application(p: PlannedPolicy, e: Enterprise, at: Date, rejectRate: number): PlannedApplication {
    const rng = this.rng;
    const rule = p.row.amountRule;
    const base = rule.kind === 'SHARE' ? declaredBase(rng, rule) : null;
    const actor = `ent-${e.id.slice(0, 8)}`;
    const note = rng.chance(0.25) ? rng.pick(APPLY_NOTES) : null;
    const a: PlannedApplication = {
      id: rng.uuid(),
      auto: false,
      policy: p,
      enterprise: e,
      declaredBase: base,
      requestedAmount: maxAmount(rule, base),
      materials: [...p.row.materials],
      supplemented: -1,
      note,
      status: ApplicationStatus.SUBMITTED,
      submittedBy: actor,
      submittedAt: at,
      decisionNote: null,
      decidedBy: null,
      decidedAt: null,
      approvedAmount: null,
      payoutDue: null,
      paidAmount: null,
      paidOn: null,
      payoutReference: null,
      paidBy: null,
      paidRecordedAt: null,
      events: [{ at, actor, action: 'APPLY', from: null, to: ApplicationStatus.SUBMITTED, note }],
    };
    const now = this.now.getTime();
    const step = (
      t: Date,
      who: string,
      action: string,
      to: ApplicationStatus,
      text: string | null,
    ): boolean => {
      if (t.getTime() > now) return false;
      a.events.push({ at: t, actor: who, action, from: a.status, to, note: text });
      a.status = to;
      return true;
    };
    const decide = (t: Date, to: ApplicationStatus, text: string | null): boolean => {
      if (!step(t, p.actor, to === ApplicationStatus.REJECTED ? 'REJECT' : 'APPROVE', to, text)) return false;
      a.decisionNote = text;
      a.decidedBy = p.actor;
      a.decidedAt = t;
      return true;
    };

    // withdrawn by the enterprise before any review
    if (rng.chance(0.04)) {
      step(this.daysAfter(at, 1, 10), actor, 'WITHDRAW', ApplicationStatus.WITHDRAWN, null);
      return a;
    }
    let t = at;
    if (rng.chance(0.25)) {
      const requested = this.workdaysAfter(t, 2, 6);
      const material = rng.pick(a.materials);
      const ask = rng.chance(0.5) ? `请补充加盖公章的${material}` : `${material}扫描件不清晰，请重新上传`;
      if (!step(requested, p.actor, 'REQUEST_MATERIAL', ApplicationStatus.MORE_MATERIAL, ask)) return a;
      a.decisionNote = ask;
      if (rng.chance(0.85)) {
        const supplied = this.daysAfter(requested, 1, 12);
        if (!step(supplied, actor, 'SUPPLEMENT', ApplicationStatus.SUBMITTED, rng.pick(SUPPLEMENT_NOTES)))
          return a;
        a.supplemented = a.materials.indexOf(material);
        t = supplied;
      } else {
        const expired = this.workdaysAfter(requested, 20, 30);
        if (rng.chance(0.5)) decide(expired, ApplicationStatus.REJECTED, EXPIRED_REASON);
        else step(this.daysAfter(requested, 15, 40), actor, 'WITHDRAW', ApplicationStatus.WITHDRAWN, null);
        return a;
      }
    }
    const decided = this.workdaysAfter(t, 3, 15);
    if (rng.chance(rejectRate)) {
      decide(decided, ApplicationStatus.REJECTED, rng.pick(REJECT_REASONS));
      return a;
    }
    const amount = approvedAmount(rng, rule, base);
    const text = rng.chance(0.7) ? `经审核符合政策条件，核定兑现${formatYuan(amount)}` : null;
    if (!decide(decided, ApplicationStatus.APPROVED, text)) return a;
    a.approvedAmount = amount;
    this.pay(a, decided, null);
    return a;
  }

  /** 免申即享: an approved grant at `at`, paid with the policy's batch (some later). */
  grant(p: PlannedPolicy, e: Enterprise, at: Date, batchDate: string): PlannedApplication {
    const amount = maxAmount(p.row.amountRule, null) ?? 0;
    const a: PlannedApplication = {
      id: this.rng.uuid(),
      auto: true,
      policy: p,
      enterprise: e,
      declaredBase: null,
      requestedAmount: amount,
      materials: [],
      supplemented: -1,
      note: null,
      status: ApplicationStatus.APPROVED,
      submittedBy: 'system',
      submittedAt: at,
      decisionNote: '免申即享：符合条件，自动兑现',
      decidedBy: 'system',
      decidedAt: at,
      approvedAmount: amount,
      payoutDue: null,
      paidAmount: null,
      paidOn: null,
      payoutReference: null,
      paidBy: null,
      paidRecordedAt: null,
      events: [
        {
          at,
          actor: 'system',
          action: 'GRANT',
          from: null,
          to: ApplicationStatus.APPROVED,
          note: '免申即享',
        },
      ],
    };
    this.pay(a, at, batchDate > chinaToday(at) ? batchDate : null);
    return a;
  }

  /**
   * The applications of one policy: each eligible enterprise applies with probability `takeUp`
   * at a random time while the policy is open (and it exists); a rejected or withdrawn one
   * sometimes applies again afterwards. Never two open applications for one pair.
   */
  applications(p: PlannedPolicy): PlannedApplication[] {
    const rng = this.rng;
    const out: PlannedApplication[] = [];
    const end = p.replacedAt ?? this.now;
    const historyStart = new Date(this.now.getTime() - HISTORY_DAYS * DAY);
    const rejectRate = 0.06 + 0.12 * rng.float();
    for (const e of p.eligible) {
      if (!rng.chance(p.demo.takeUp)) continue;
      const start = later(new Date(matchTime(p, e, this.now).getTime() + DAY), historyStart);
      if (start.getTime() >= end.getTime()) continue;
      let at = rng.between(start, end);
      at = chinaAt(chinaToday(at), rng.int(8 * 60, 21 * 60));
      if (at.getTime() < start.getTime() || at.getTime() >= end.getTime()) continue;
      const first = this.application(p, e, at, rejectRate);
      out.push(first);
      const last = first.events[first.events.length - 1];
      if (
        last &&
        (first.status === ApplicationStatus.REJECTED || first.status === ApplicationStatus.WITHDRAWN) &&
        rng.chance(0.35)
      ) {
        const again = this.daysAfter(last.at, 3, 30);
        if (again.getTime() < end.getTime()) out.push(this.application(p, e, again, rejectRate / 2));
      }
    }
    return out;
  }

  /** The grants of a policy granted without application, made when each pair was matched. */
  grants(p: PlannedPolicy): PlannedApplication[] {
    const out: PlannedApplication[] = [];
    const published = p.publishedAt ?? this.now;
    const batch = this.calendar.addWorkdays(
      chinaToday(published),
      this.rng.int(3, Math.min(10, p.row.payoutWorkdays)),
    );
    const end = p.replacedAt ?? this.now;
    for (const e of p.eligible) {
      const at = matchTime(p, e, this.now);
      if (at.getTime() >= end.getTime()) continue;
      out.push(this.grant(p, e, at, batch));
    }
    return out;
  }
}

interface PushKey {
  policy_id: string;
  enterprise_id: string;
}

// --- writing -----------------------------------------------------------------------------------

async function insertRows(
  m: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  chunk: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params: unknown[] = [];
    const values = part.map((r) => {
      const placeholders = r.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await m.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

async function writeApplications(m: EntityManager, s: string, apps: PlannedApplication[]): Promise<void> {
  if (!apps.length) return;
  // numbers in submission order, as the service would have drawn them
  const drawn = (await m.query(
    `SELECT nextval('"${s}".application_no_seq')::int AS n FROM generate_series(1, $1::int)`,
    [apps.length],
  )) as { n: number }[];
  const numbers = drawn.map((r) => Number(r.n)).sort((a, b) => a - b);
  const rows = apps.map((a, i) => {
    const no = `${a.auto ? 'MS' : 'ZC'}${chinaToday(a.submittedAt).slice(0, 4)}-${String(numbers[i] ?? i + 1).padStart(7, '0')}`;
    const materials: Material[] = a.materials.map((name, k) => ({
      name,
      reference: `oss://demo/${no}/${name}${k === a.supplemented ? '-补充' : ''}.pdf`,
    }));
    return [
      a.id,
      no,
      a.policy.row.id,
      a.enterprise.id,
      a.policy.row.departmentId,
      a.enterprise.regionCode,
      a.auto,
      a.declaredBase,
      JSON.stringify(materials),
      a.note,
      a.requestedAmount,
      a.status,
      a.submittedBy,
      iso(a.submittedAt),
      a.decisionNote,
      a.decidedBy,
      iso(a.decidedAt),
      a.approvedAmount,
      iso(a.payoutDue),
      a.paidAmount,
      a.paidOn,
      a.payoutReference,
      a.paidBy,
      iso(a.paidRecordedAt),
      a.events.length,
    ];
  });
  await insertRows(
    m,
    `"${s}".application`,
    [
      'id',
      'no',
      'policy_id',
      'enterprise_id',
      'department_id',
      'region_code',
      'auto',
      'declared_base',
      'materials',
      'note',
      'requested_amount',
      'status',
      'submitted_by',
      'submitted_at',
      'decision_note',
      'decided_by',
      'decided_at',
      'approved_amount',
      'payout_due',
      'paid_amount',
      'paid_on',
      'payout_reference',
      'paid_by',
      'paid_recorded_at',
      'version',
    ],
    rows,
    800,
  );
  const events = apps.flatMap((a) =>
    a.events.map((ev) => [a.id, iso(ev.at), ev.actor, ev.action, ev.from, ev.to, ev.note]),
  );
  await insertRows(
    m,
    `"${s}".application_event`,
    ['application_id', 'at', 'actor', 'action', 'from_status', 'to_status', 'note'],
    events,
    2000,
  );
}

/**
 * Dates the catalogue and its matches as the history says: policies created and published around
 * their validity's start, matches and pushes at match time, and most older pushes read (those that
 * led to an application before it was submitted).
 */
async function backdate(
  m: EntityManager,
  s: string,
  rng: Rng,
  now: Date,
  planned: PlannedPolicy[],
  apps: PlannedApplication[],
  enterprises: Map<string, Enterprise & { order: number }>,
): Promise<void> {
  await m.query(
    `UPDATE "${s}".policy p SET created_at = t.c, published_at = t.p, updated_at = t.u
     FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[]) AS t(id, c, p, u)
     WHERE p.id = t.id`,
    [
      planned.map((p) => p.row.id),
      planned.map((p) => iso(p.createdAt)),
      planned.map((p) => iso(p.publishedAt)),
      planned.map((p) => iso(p.replacedAt ?? p.publishedAt ?? p.createdAt)),
    ],
  );
  const byId = new Map(planned.map((p, i) => [p.row.id, { p, i }]));
  const firstAction = new Map<string, Date>();
  for (const a of apps) {
    const k = `${a.policy.row.id}/${a.enterprise.id}`;
    const seen = firstAction.get(k);
    if (!seen || seen.getTime() > a.submittedAt.getTime()) firstAction.set(k, a.submittedAt);
  }
  const pushes: { r: PushKey; p: { p: PlannedPolicy; i: number }; e: Enterprise & { order: number } }[] = [];
  for (const r of (await m.query(`SELECT policy_id, enterprise_id FROM "${s}".policy_push`)) as PushKey[]) {
    const p = byId.get(r.policy_id);
    const e = enterprises.get(r.enterprise_id);
    if (p && e) pushes.push({ r, p, e });
  }
  pushes.sort((a, b) => a.p.i - b.p.i || a.e.order - b.e.order);
  const monthAgo = now.getTime() - 30 * DAY;
  const rows = pushes.map(({ r, p, e }) => {
    const pushed = matchTime(p.p, e, now);
    const acted = firstAction.get(`${r.policy_id}/${r.enterprise_id}`);
    let read: Date | null = null;
    if (acted && !p.p.row.autoGrant)
      read = new Date(pushed.getTime() + (acted.getTime() - pushed.getTime()) * (0.05 + 0.85 * rng.float()));
    else if (rng.chance(pushed.getTime() < monthAgo ? 0.6 : 0.3))
      read = earlier(
        new Date(pushed.getTime() + HOUR + rng.float() * 20 * DAY),
        new Date(now.getTime() - rng.int(1, 600) * MINUTE),
      );
    if (read && read.getTime() < pushed.getTime()) read = pushed;
    return { r, pushed, read };
  });
  // Pushes carry their pair's times; a match dates from its push.
  await m.query(
    `WITH t AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS t(p, e, pushed, read)),
     n AS (
       SELECT ep.enterprise_id, array_agg(coalesce(t.pushed, u.at) ORDER BY u.o) AS pushed_at,
         array_agg(CASE WHEN t.p IS NULL THEN u.r ELSE t.read END ORDER BY u.o) AS read_at
       FROM "${s}".enterprise_policy ep
       CROSS JOIN LATERAL unnest(ep.pushed, ep.pushed_at, ep.read_at) WITH ORDINALITY AS u(p, at, r, o)
       LEFT JOIN t ON t.p = u.p AND t.e = ep.enterprise_id
       WHERE ep.enterprise_id IN (SELECT e FROM t)
       GROUP BY 1)
     UPDATE "${s}".enterprise_policy ep SET pushed_at = n.pushed_at, read_at = n.read_at,
       eligible_since = ARRAY(
         SELECT coalesce(n.pushed_at[array_position(ep.pushed, x.id)], ep.eligible_since[x.o])
         FROM unnest(ep.eligible) WITH ORDINALITY x(id, o) ORDER BY x.o)
     FROM n WHERE n.enterprise_id = ep.enterprise_id`,
    [
      rows.map((x) => x.r.policy_id),
      rows.map((x) => x.r.enterprise_id),
      rows.map((x) => iso(x.pushed)),
      rows.map((x) => iso(x.read)),
    ],
  );
}

// --- the seed ----------------------------------------------------------------------------------

/**
 * The demo catalogue (about forty 台州 policies, three of them consolidating narrower ones) created
 * and published through the policy service, so matching and pushes are the real ones, then about a
 * year of history written in bulk: applications from matched enterprises through review and payout
 * with their timelines, grants without application (免申即享) and their payouts, pushes read.
 *
 * Does nothing and returns null when there are policies already (a restart). A catalogue entry
 * whose issuing department is not in the department projection is skipped. Two policies stay drafts.
 *
 * Order: policies created; all but those granted without application published (the replaced ones
 * before the umbrella that withdraws them); the history in one transaction, including the grants of
 * the 免申即享 policies, which are published after it (so publishing finds every grant made and
 * grants nobody anew); then the catalogue, matches and pushes are dated as the history says.
 */
export async function seedDemoPolicies(
  services: PoliciesServices,
  ds: DataSource,
  schema: string,
  options: SeedPoliciesOptions = {},
): Promise<SeedPoliciesReport | null> {
  const s = schema;
  const now = options.now ?? new Date();
  const today = chinaToday(now);
  const rng = new Rng(options.seed ?? 20_251_101);
  const [existing] = (await ds.query(`SELECT EXISTS (SELECT 1 FROM "${s}".policy) AS seeded`)) as {
    seeded: boolean;
  }[];
  if (existing?.seeded) return null;

  const departments = new Map<string, string>();
  for (const d of (await ds.query(
    `SELECT id, name FROM "${s}".department ORDER BY active DESC, last_event_at DESC, id`,
  )) as { id: string; name: string }[])
    if (!departments.has(d.name)) departments.set(d.name, d.id);
  const catalogue = demoPolicyCatalogue(today).filter((p) => departments.has(p.department));
  const viewerOf = (p: DemoPolicy): Viewer => ({
    sub: `demo-${p.departmentCode}`,
    roles: [Role.DEPARTMENT],
    departmentId: departments.get(p.department),
  });

  // 1. the catalogue, as drafts (replaced policies before the umbrellas naming them)
  const ordered = [...catalogue].sort(
    (a, b) => Number(a.replaces.length > 0) - Number(b.replaces.length > 0),
  );
  const ids = new Map<string, string>();
  for (const p of ordered) {
    const row = await services.policies.create(
      {
        title: p.title,
        summary: p.summary,
        departmentId: departments.get(p.department),
        regionCode: p.regionCode,
        category: p.category,
        benefitKind: p.benefitKind,
        amountRule: p.amountRule,
        materials: p.materials,
        rule: p.rule,
        autoGrant: p.autoGrant,
        payoutWorkdays: p.payoutWorkdays,
        validFrom: p.validFrom,
        validTo: p.validTo,
        replaces: p.replaces.map((k) => ids.get(k)).filter((id): id is string => id !== undefined),
      },
      viewerOf(p),
    );
    ids.set(p.key, row.id);
  }
  const rows = new Map(
    ((await ds.query(`SELECT ${POLICY_COLUMNS()} FROM "${s}".policy p`)) as PolicyRow[]).map((r) => [
      r.id,
      r,
    ]),
  );

  // 2. when each was created and published (the history's dates)
  const latest = new Date(now.getTime() - 3 * HOUR);
  const planned: PlannedPolicy[] = [];
  for (const p of catalogue) {
    const row = rows.get(ids.get(p.key) ?? '');
    if (!row) continue;
    const publishedAt = p.draft
      ? null
      : earlier(chinaAt(shiftDate(p.validFrom, -rng.int(0, 6)), rng.int(9 * 60, 17 * 60)), latest);
    const createdAt = earlier(
      chinaAt(shiftDate(chinaToday(publishedAt ?? now), -rng.int(3, 25)), rng.int(9 * 60, 17 * 60)),
      publishedAt ?? latest,
    );
    planned.push({
      demo: p,
      row,
      actor: `demo-${p.departmentCode}`,
      createdAt,
      publishedAt,
      replacedAt: null,
      eligible: [],
    });
  }
  for (const u of planned)
    for (const k of u.demo.replaces) {
      const replaced = planned.find((x) => x.demo.key === k);
      if (replaced && u.publishedAt) replaced.replacedAt = u.publishedAt;
    }

  // 3. publish all but drafts and grants without application: older first, umbrellas last
  const publishing = planned
    .filter((p) => !p.demo.draft)
    .sort(
      (a, b) =>
        Number(a.demo.replaces.length > 0) - Number(b.demo.replaces.length > 0) ||
        a.demo.validFrom.localeCompare(b.demo.validFrom),
    );
  for (const p of publishing.filter((x) => !x.demo.autoGrant))
    await services.policies.publish(p.row.id, viewerOf(p.demo));

  // 4. who is eligible for each (for replaced policies: who would be, had they stayed)
  const enterprises = new Map<string, Enterprise & { order: number }>();
  (
    (await ds.query(
      `SELECT id, region_code AS "regionCode", to_char(founded_on, 'YYYY-MM-DD') AS "foundedOn"
       FROM "${s}".enterprise ORDER BY name, id`,
    )) as Enterprise[]
  ).forEach((e, order) => enterprises.set(e.id, { ...e, order }));
  for (const p of planned) {
    if (p.demo.draft) continue;
    const params: unknown[] = [];
    const where = compileRule(p.row.rule, 'e', params, today);
    const found = (await ds.query(`SELECT e.id FROM "${s}".enterprise e WHERE ${where}`, params)) as {
      id: string;
    }[];
    p.eligible = found
      .map((r) => enterprises.get(r.id))
      .filter((e): e is Enterprise & { order: number } => e !== undefined)
      .sort((a, b) => a.order - b.order);
  }

  // 5. the history, in one transaction (PGlite: everything through its manager)
  const planner = new Planner(rng, services.calendar, now);
  const apps: PlannedApplication[] = [];
  for (const p of planned) {
    if (p.demo.draft) continue;
    apps.push(...(p.row.autoGrant ? planner.grants(p) : planner.applications(p)));
  }
  apps.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id));
  await ds.transaction((m) => writeApplications(m, s, apps));

  // 6. the policies granted without application: every eligible enterprise has its grant already
  for (const p of publishing.filter((x) => x.demo.autoGrant))
    await services.policies.publish(p.row.id, viewerOf(p.demo));

  // 7. dates as the history says, and pushes read
  await ds.transaction((m) => backdate(m, s, rng, now, planned, apps, enterprises));

  const [report] = (await ds.query(
    `SELECT (SELECT count(*) FROM "${s}".policy)::int AS policies,
       (SELECT count(*) FROM "${s}".policy WHERE status = $1)::int AS published,
       (SELECT count(*) FROM "${s}".policy_match)::int AS matches,
       (SELECT count(*) FROM "${s}".policy_push)::int AS pushes,
       (SELECT count(*) FROM "${s}".application WHERE NOT auto)::int AS applications,
       (SELECT count(*) FROM "${s}".application WHERE status = 'PAID')::int AS paid,
       (SELECT coalesce(sum(paid_amount), 0) FROM "${s}".application WHERE status = 'PAID')::float8 AS "paidAmount",
       (SELECT count(*) FROM "${s}".application WHERE auto)::int AS grants`,
    [PolicyStatus.PUBLISHED],
  )) as SeedPoliciesReport[];
  return report ?? null;
}
