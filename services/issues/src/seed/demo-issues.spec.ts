import { createHash } from 'crypto';
import {
  AdministrativeLevel,
  IssueOutcome,
  IssueSource,
  ProblemDomain,
  readDivisions,
  regionContains,
  SIGN_OFF_ORDER,
  SignOffRole,
  mulberry32,
} from '@sfw/shared-types';
import { WorkCalendar } from '@sfw/workdays';
import {
  ALLOWED_FROM,
  ALLOWED_ROLES,
  IssueStatus,
  OPEN_STATUSES,
  type IssueAction,
} from '../issue/lifecycle';
import { signature } from '../similarity/similarity';
import {
  generateBulkIssues,
  generateDemoIssues,
  generateIssueChunks,
  luqiaoPatternDepartment,
  summarizeDemoIssues,
  type DemoIssue,
  type DemoIssuesInput,
  type SeedIssueDepartment,
} from './demo-issues';

const TODAY = '2026-06-30';
const DAY_MS = 86_400_000;
const CHINA = 8 * 3_600_000;
const chinaDay = (d: Date): number => Math.floor((d.getTime() + CHINA) / DAY_MS);
const chinaMinute = (d: Date): number => Math.floor(((d.getTime() + CHINA) % DAY_MS) / 60_000);
const TODAY_N = Date.parse(`${TODAY}T00:00:00Z`) / DAY_MS;
const CUTOFF = new Date(Date.parse(`${TODAY}T00:00:00+08:00`));
const calendar = WorkCalendar.load();
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

const divisions = readDivisions();
const counties = divisions.filter((d) => d.level === 'COUNTY' && d.code.startsWith('3310'));
const townships = divisions.filter((d) => d.level === 'TOWNSHIP' && d.code.startsWith('3310'));

const prng = mulberry32;

const uuid = (kind: number, n: number): string =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const D = ProblemDomain;
const TOWNSHIP_DOMAINS = [
  D.POLICY,
  D.LAND,
  D.TALENT_LABOUR,
  D.ENERGY,
  D.INFRASTRUCTURE,
  D.ENVIRONMENT,
  D.OTHER,
];
/** Bureaus per county and city: every domain is covered at both levels. */
const BUREAUS: readonly (readonly [string, readonly ProblemDomain[]])[] = [
  ['JXJ', [D.POLICY, D.TECHNOLOGY, D.ENERGY, D.OTHER]],
  ['FGJ', [D.ENERGY, D.APPROVALS, D.POLICY]],
  ['ZGJ', [D.LAND, D.PLANNING_CONSTRUCTION]],
  ['STJ', [D.ENVIRONMENT]],
  ['RSJ', [D.TALENT_LABOUR]],
  ['SWJ', [D.TAX]],
  ['JRB', [D.FINANCING]],
  ['SJJ', [D.MARKET_ACCESS, D.APPROVALS]],
  ['SFJ', [D.LAW]],
  ['ZJJ', [D.PLANNING_CONSTRUCTION, D.INFRASTRUCTURE]],
  ['KJJ', [D.TECHNOLOGY]],
];

/** Fixture projections (another service's generator is off limits): departments, enterprises, visits, pairings. */
function fixture(enterpriseCount: number, seed = 7): DemoIssuesInput {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  let n = 0;
  const departments: SeedIssueDepartment[] = [];
  const dept = (
    code: string,
    level: AdministrativeLevel,
    regionCode: string,
    domains: readonly ProblemDomain[],
    label: string,
  ): void => {
    const base = `dept-${code.toLowerCase()}`;
    departments.push({
      id: uuid(1, ++n),
      code,
      level,
      regionCode,
      domains: [...domains],
      name: label,
      shortName: label,
      members: [
        { name: `${label}负责人`, role: SignOffRole.DEPARTMENT_HEAD, account: `${base}-head` },
        { name: `${label}分管领导`, role: SignOffRole.LEADER_IN_CHARGE, account: `${base}-leader` },
        { name: `${label}科长`, role: SignOffRole.SECTION_CHIEF, account: `${base}-chief` },
        // a member without a login never signs
        { name: `${label}副科长`, role: SignOffRole.SECTION_CHIEF, account: null },
      ],
    });
  };
  for (const [key, domains] of BUREAUS)
    dept(`TZ-${key}`, AdministrativeLevel.CITY, '331000', domains, `市${key}`);
  for (const c of counties) {
    for (const [key, domains] of BUREAUS)
      dept(`${c.code}-${key}`, AdministrativeLevel.COUNTY, c.code, domains, `${c.name}${key}`);
  }
  for (const t of townships)
    dept(`TS-${t.code}`, AdministrativeLevel.TOWNSHIP, t.code, TOWNSHIP_DOMAINS, `${t.name}经发办`);
  // one township office has nobody who can sign: its appeals are never refused
  const unsigned = departments.find((d) => d.level === AdministrativeLevel.TOWNSHIP);
  if (unsigned) unsigned.members = unsigned.members.filter((m) => m.role !== SignOffRole.LEADER_IN_CHARGE);

  const brands = ['鑫达', '宏盛', '恒源', '瑞隆', '永昌', '金利', '海诚', '博豪'];
  const words = ['汽车零部件', '塑业', '模具', '泵业', '阀门', '机电', '药业'];
  const enterprises = Array.from({ length: enterpriseCount }, (_, i) => ({
    id: uuid(2, i + 1),
    name: `${pick(['台州', '台州市路桥区', '温岭市', '浙江'])}${pick(brands)}${pick(words)}有限公司`,
    regionCode: rnd() < 0.03 ? pick(counties).code : pick(townships).code,
  }));
  const visits: DemoIssuesInput['visits'][number][] = [];
  const pairings = enterprises.map((e, i) => ({ cadreId: uuid(3, (i % 997) + 1), enterpriseId: e.id }));
  let v = 0;
  for (const [i, e] of enterprises.entries()) {
    const k = Math.floor(rnd() * 9);
    for (let j = 0; j < k; j++)
      visits.push({
        id: uuid(4, ++v),
        enterpriseId: e.id,
        cadreId: uuid(3, (i % 997) + 1),
        visitedOn: isoOf(TODAY_N - 1 - Math.floor(rnd() * 380)),
      });
  }
  return { enterprises, departments, visits, pairings };
}

const input = fixture(2400);
const deptById = new Map(input.departments.map((d) => [d.id, d]));
const entById = new Map(input.enterprises.map((e) => [e.id, e]));
const visitById = new Map(input.visits.map((v) => [v.id, v]));
const demoEnterpriseId = input.enterprises[5]!.id;
const issues = generateDemoIssues(input, { today: TODAY, seed: 42, calendar, demoEnterpriseId });
const finished = issues.filter((i) => !i.open);
const share = (xs: readonly DemoIssue[], f: (i: DemoIssue) => boolean): number =>
  xs.filter(f).length / Math.max(1, xs.length);
const acts = (i: DemoIssue, action: IssueAction): number =>
  i.timeline.filter((e) => e.action === action).length;

describe('generateDemoIssues', () => {
  it('makes about 0.96 appeals per enterprise, numbered in submission order, over the year before today', () => {
    expect(issues).toHaveLength(Math.round(2400 * (7869 / 8226)));
    expect(new Set(issues.map((i) => i.row.id)).size).toBe(issues.length);
    for (let k = 0; k < issues.length; k++) {
      const r = issues[k]!.row;
      expect(r.no).toBe(`SQ${isoOf(chinaDay(r.submittedAt)).slice(0, 4)}-${String(k + 1).padStart(6, '0')}`);
      if (k > 0)
        expect(r.submittedAt.getTime()).toBeGreaterThanOrEqual(issues[k - 1]!.row.submittedAt.getTime());
      expect(chinaDay(r.submittedAt)).toBeGreaterThanOrEqual(TODAY_N - 365);
      expect(chinaDay(r.submittedAt)).toBeLessThan(TODAY_N);
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    // every month has appeals; working days carry most of them
    const months = new Set(issues.map((i) => isoOf(chinaDay(i.row.submittedAt)).slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    expect(share(issues, (i) => calendar.isWorkday(isoOf(chinaDay(i.row.submittedAt))))).toBeGreaterThan(0.9);
  });

  it('draws sources in the expected proportions, and VISIT appeals keep a real earlier visit of the enterprise', () => {
    const by = (s: IssueSource) => share(issues, (i) => i.row.source === s);
    expect(by(IssueSource.ONLINE)).toBeGreaterThan(0.3);
    expect(by(IssueSource.ONLINE)).toBeLessThan(0.44);
    expect(by(IssueSource.VISIT)).toBeGreaterThan(0.33);
    expect(by(IssueSource.VISIT)).toBeLessThan(0.45);
    expect(by(IssueSource.HOTLINE_12345)).toBeGreaterThan(0.09);
    expect(by(IssueSource.HOTLINE_12345)).toBeLessThan(0.17);
    expect(by(IssueSource.LEADER_VISIT)).toBeGreaterThan(0.04);
    expect(by(IssueSource.LEADER_VISIT)).toBeLessThan(0.1);
    expect(by(IssueSource.THEMED_MEETING)).toBeGreaterThan(0.03);
    expect(by(IssueSource.THEMED_MEETING)).toBeLessThan(0.09);
    for (const { row } of issues) {
      if (row.source !== IssueSource.VISIT) {
        expect(row.visitId).toBeNull();
        continue;
      }
      const visit = visitById.get(row.visitId ?? '');
      expect(visit?.enterpriseId).toBe(row.enterpriseId);
      const days = chinaDay(row.submittedAt) - Date.parse(`${visit!.visitedOn}T00:00:00Z`) / DAY_MS;
      expect(days).toBeGreaterThanOrEqual(0);
      expect(days).toBeLessThanOrEqual(3);
    }
    expect(issues.filter((i) => i.row.enterpriseId === demoEnterpriseId).length).toBeGreaterThanOrEqual(2);
  });

  it('classifies by domain and assigns a department that covers the category where the enterprise is', () => {
    for (const { row, timeline } of issues) {
      expect(row.categories.length).toBeGreaterThanOrEqual(1);
      expect(row.categories.length).toBeLessThanOrEqual(2);
      expect(new Set(row.categories).size).toBe(row.categories.length);
      for (const c of row.categories) expect(Object.values(ProblemDomain)).toContain(c);
      const ent = entById.get(row.enterpriseId)!;
      expect(row.regionCode).toBe(ent.regionCode);
      for (const e of timeline.filter((x) => x.action === 'ASSIGN')) {
        const lead = deptById.get(e.data['leadDepartmentId'] as string)!;
        expect(lead.domains).toContain(row.categories[0]);
        expect(regionContains(lead.regionCode, ent.regionCode)).toBe(true);
        const co = e.data['coDepartmentIds'] as string[];
        expect(co).not.toContain(lead.id);
        for (const id of co) expect(deptById.has(id)).toBe(true);
      }
      if (row.leadDepartmentId) {
        const lead = deptById.get(row.leadDepartmentId)!;
        const order = ['TOWNSHIP', 'COUNTY', 'CITY'];
        // at the appeal's level, or above it when nobody there covers the category
        expect(order.indexOf(lead.level)).toBeGreaterThanOrEqual(order.indexOf(row.level));
        if (lead.level !== row.level) expect(row.level).toBe(AdministrativeLevel.TOWNSHIP);
      }
      expect(row.title.length).toBeGreaterThanOrEqual(4);
      expect(row.title.length).toBeLessThanOrEqual(100);
      expect(row.description.length).toBeGreaterThanOrEqual(10);
      expect(row.description).not.toMatch(/[{}]/);
      expect(row.title).not.toMatch(/[{}]/);
      expect(row.textSignature).toEqual(signature(`${row.title} ${row.description}`));
    }
    const assigned = issues.filter((i) => acts(i, 'ASSIGN') > 0);
    const withCo = share(
      assigned,
      (i) => (i.timeline.find((e) => e.action === 'ASSIGN')!.data['coDepartmentIds'] as string[]).length > 0,
    );
    expect(withCo).toBeGreaterThan(0.1);
    expect(withCo).toBeLessThan(0.2);
    const townshipAppeals = issues.filter(
      (i) => i.row.level === AdministrativeLevel.TOWNSHIP && i.row.leadDepartmentId,
    );
    // a township appeal about tax or finance goes to a county bureau
    expect(
      townshipAppeals.some(
        (i) => deptById.get(i.row.leadDepartmentId!)!.level === AdministrativeLevel.COUNTY,
      ),
    ).toBe(true);
    expect(new Set(issues.map((i) => i.row.title)).size).toBeGreaterThan(80);
    // plans, answers and refusals follow the problem they answer
    const pairs: [string, RegExp][] = [
      ['零土地', /零土地/],
      ['并网', /光伏/],
      ['就近入学', /入学/],
      ['出口退税已加快审核', /出口退税/],
      ['路灯维修', /路灯/],
      ['永久基本农田', /指标|标准地|空地|扩建/],
      ['义务教育学位', /入学/],
      ['商业银行自主经营', /贷|授信|融资|担保|回款/],
    ];
    for (const { row, refusals } of issues) {
      const text = `${row.answer ?? ''}${row.plan ?? ''}${refusals.map((r) => r.reason).join('')}`;
      for (const [said, about] of pairs)
        if (text.includes(said)) expect(`${row.title}${row.description}`).toMatch(about);
    }
  });

  it('ends the finished appeals with realistic outcomes', () => {
    // The city's departments, that is, but the Luqiao-pattern one (its own test below).
    const luqiao = luqiaoPatternDepartment(input.departments);
    const ordinary = finished.filter((i) => i.row.leadDepartmentId !== luqiao);
    expect(ordinary.length / finished.length).toBeGreaterThan(0.9);
    const outcome = (o: IssueOutcome) =>
      share(
        ordinary,
        (i) =>
          i.row.outcome === o &&
          [IssueStatus.ANSWERED, IssueStatus.CONFIRMED, IssueStatus.CLOSED].includes(i.row.status),
      );
    const resolved = outcome(IssueOutcome.RESOLVED);
    const partly = outcome(IssueOutcome.PARTLY_RESOLVED);
    const refused = outcome(IssueOutcome.CANNOT_HANDLE);
    expect(resolved).toBeGreaterThan(0.8);
    expect(resolved).toBeLessThan(0.9);
    expect(partly).toBeGreaterThan(0.04);
    expect(partly).toBeLessThan(0.1);
    expect(resolved + partly).toBeGreaterThan(0.88);
    expect(resolved + partly).toBeLessThan(0.95);
    expect(refused).toBeGreaterThan(0.035);
    expect(refused).toBeLessThan(0.08);
    const withdrawn = share(finished, (i) => i.row.status === IssueStatus.WITHDRAWN);
    expect(withdrawn).toBeGreaterThan(0.01);
    expect(withdrawn).toBeLessThan(0.035);
    const merged = issues.filter((i) => i.row.status === IssueStatus.MERGED);
    expect(merged.length / finished.length).toBeGreaterThan(0.004);
    expect(merged.length / finished.length).toBeLessThan(0.02);
    expect(share(issues, (i) => i.row.reopenCount > 0)).toBeGreaterThan(0.025);
    expect(share(issues, (i) => i.row.reopenCount > 0)).toBeLessThan(0.06);
    expect(share(issues, (i) => i.row.escalationCount > 0)).toBeGreaterThan(0.015);
    expect(share(issues, (i) => i.row.escalationCount > 0)).toBeLessThan(0.045);
    for (const i of finished) {
      if (i.row.status === IssueStatus.CLOSED || i.row.status === IssueStatus.CONFIRMED)
        expect(i.row.outcome).not.toBeNull();
      if (i.row.status === IssueStatus.WITHDRAWN || i.row.status === IssueStatus.MERGED)
        expect(i.row.closedAt).not.toBeNull();
    }
  });

  it('merges a duplicate into an open appeal of the same enterprise, noted on both timelines', () => {
    const byId = new Map(issues.map((i) => [i.row.id, i]));
    const merged = issues.filter((i) => i.row.status === IssueStatus.MERGED);
    expect(merged.length).toBeGreaterThan(0);
    for (const dup of merged) {
      const target = byId.get(dup.row.mergedIntoId ?? '')!;
      expect(target.row.enterpriseId).toBe(dup.row.enterpriseId);
      expect(target.row.submittedAt.getTime()).toBeLessThan(dup.row.submittedAt.getTime());
      const mergedAt = dup.row.closedAt!.getTime();
      if (target.row.closedAt) expect(target.row.closedAt.getTime()).toBeGreaterThan(mergedAt);
      const note = target.timeline.find((e) => e.action === 'MERGED_IN')!;
      expect(note.at.getTime()).toBe(mergedAt);
      expect(note.note).toBe(`并入诉求 ${dup.row.no}`);
      expect(note.data).toEqual({ from: dup.row.id });
      expect(dup.timeline.at(-1)!.note).toContain(target.row.no);
      expect(dup.events.at(-1)).toMatchObject({ type: 'IssueClosed', payload: { how: 'MERGED' } });
    }
  });

  it('escalates township → county (a few county → city) and reassigns at the new level', () => {
    const escalated = issues.filter((i) => i.row.escalationCount > 0);
    expect(escalated.length).toBeGreaterThan(0);
    const toCity = escalated.filter((i) => i.row.level === AdministrativeLevel.CITY).length;
    expect(toCity).toBeLessThan(escalated.length / 2);
    for (const i of escalated) {
      const e = i.timeline.find((x) => x.action === 'ESCALATE')!;
      const from = e.data['fromLevel'] as string;
      expect(['TOWNSHIP', 'COUNTY']).toContain(from);
      expect(e.data['toLevel']).toBe(from === 'TOWNSHIP' ? 'COUNTY' : 'CITY');
      expect(i.row.difficult).toBe(true);
      const after = i.timeline.slice(i.timeline.indexOf(e) + 1).find((x) => x.action === 'ASSIGN');
      if (after)
        expect(deptById.get(after.data['leadDepartmentId'] as string)!.level).toBe(e.data['toLevel']);
      expect(i.events.some((x) => x.type === 'IssueEscalated')).toBe(true);
    }
  });

  it('keeps recent appeals open in various states, some of them overdue', () => {
    const open = issues.filter((i) => i.open);
    expect(open.length / issues.length).toBeGreaterThan(0.05);
    expect(open.length / issues.length).toBeLessThan(0.08);
    const states = new Set(open.map((i) => i.row.status));
    for (const s of [
      IssueStatus.SUBMITTED,
      IssueStatus.ACCEPTED,
      IssueStatus.ASSIGNED,
      IssueStatus.IN_PROGRESS,
      IssueStatus.WAITING_ENTERPRISE,
      IssueStatus.REFUSAL_PENDING,
    ])
      expect(states).toContain(s);
    const overdue = open.filter((i) => i.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(open.length / 2);
    for (const i of open) {
      expect(OPEN_STATUSES).toContain(i.row.status);
      expect(TODAY_N - chinaDay(i.row.submittedAt)).toBeLessThanOrEqual(60);
      const red =
        i.row.status === IssueStatus.SUBMITTED
          ? CUTOFF > i.row.firstResponseDue
          : i.row.closeDue !== null && CUTOFF > i.row.closeDue && i.row.pausedSince === null;
      if (i.row.pausedSince === null) expect(i.overdue).toBe(red);
      const openPauses = i.pauses.filter((p) => p.resumedAt === null);
      if (i.row.status === IssueStatus.WAITING_ENTERPRISE) {
        expect(openPauses).toHaveLength(1);
        expect(i.row.pausedSince).toEqual(openPauses[0]!.pausedAt);
      } else {
        expect(openPauses).toHaveLength(0);
        expect(i.row.pausedSince).toBeNull();
      }
      if (i.row.status === IssueStatus.REFUSAL_PENDING) {
        const pending = i.refusals.filter((r) => r.status === 'PENDING');
        expect(pending).toHaveLength(1);
        expect(pending[0]!.nextRole).toBe(SIGN_OFF_ORDER[pending[0]!.signoffs.length]);
      }
    }
    expect(summarizeDemoIssues(issues)).toMatchObject({
      issues: issues.length,
      open: open.length,
      overdue: overdue.length,
    });
  });

  it('writes every timeline as lifecycle.ts allows, and the row agrees with it', () => {
    for (const i of issues) {
      const { row, timeline } = i;
      expect(timeline[0]).toMatchObject({
        action: 'SUBMIT',
        fromStatus: null,
        toStatus: IssueStatus.SUBMITTED,
        actor: row.submittedBy,
      });
      expect(timeline[0]!.at).toEqual(row.submittedAt);
      let status = IssueStatus.SUBMITTED;
      let version = 1;
      let last = timeline[0]!.at.getTime();
      for (const e of timeline.slice(1)) {
        expect(e.at.getTime()).toBeGreaterThan(last);
        expect(e.at.getTime()).toBeLessThan(CUTOFF.getTime());
        last = e.at.getTime();
        if (e.action === 'MERGED_IN') {
          expect(e).toMatchObject({ fromStatus: null, toStatus: null, actor: 'system' });
          continue;
        }
        expect(e.action).not.toBe('SUBMIT');
        expect(e.fromStatus).toBe(status);
        expect(ALLOWED_FROM[e.action as IssueAction]).toContain(e.fromStatus);
        expect(e.toStatus).not.toBeNull();
        if (e.action === 'FEEDBACK') expect(e.toStatus).toBe(e.fromStatus);
        status = e.toStatus!;
        version++;
        // the actor holds a role that may take the action
        expect(
          e.actorRoles.some((r) => (ALLOWED_ROLES[e.action as IssueAction] as string[]).includes(r)),
        ).toBe(true);
      }
      expect(row.status).toBe(status);
      expect(row.version).toBe(version);
      const lastAct = [...timeline].reverse().find((e) => e.action !== 'MERGED_IN')!;
      expect(row.updatedAt).toEqual(lastAct.at);
      const lastOf = (a: string) => [...timeline].reverse().find((e) => e.action === a);
      expect(row.acceptedAt).toEqual(timeline.find((e) => e.action === 'ACCEPT')?.at ?? null);
      expect(row.planAt).toEqual(lastOf('START')?.at ?? null);
      expect(row.round).toBe(
        1 + acts(i, 'REOPEN') + timeline.filter((e) => e.data['decision'] === 'OVERTURNED').length,
      );
      expect(row.reopenCount).toBe(acts(i, 'REOPEN'));
      expect(row.escalationCount).toBe(acts(i, 'ESCALATE'));
      expect(row.confirmedAt).toEqual(lastOf('CONFIRM')?.at ?? null);
      if ([IssueStatus.CLOSED, IssueStatus.WITHDRAWN, IssueStatus.MERGED].includes(row.status))
        expect(row.closedAt).toEqual(
          timeline.at(-1)!.action === 'MERGED_IN' ? lastAct.at : timeline.at(-1)!.at,
        );
      else expect(row.closedAt).toBeNull();
      if (
        row.status === IssueStatus.ANSWERED ||
        row.status === IssueStatus.CONFIRMED ||
        row.status === IssueStatus.CLOSED
      ) {
        expect(row.answeredAt).not.toBeNull();
        expect(row.answer!.length).toBeGreaterThanOrEqual(10);
        expect(row.answer).not.toMatch(/[{}]/);
      }
      if (row.acceptedAt) {
        expect(row.closeDue).not.toBeNull();
        expect(row.planDue!.getTime()).toBeLessThanOrEqual(row.feedbackDue!.getTime());
        expect(row.feedbackDue!.getTime()).toBeLessThanOrEqual(row.closeDue!.getTime());
      }
      expect(row.firstResponseDue.getTime() - row.submittedAt.getTime()).toBe(24 * 3_600_000);
    }
  });

  it('orders the milestones and keeps staff work in office hours on working days', () => {
    let lateFirstResponse = 0;
    let accepted = 0;
    for (const { row, timeline } of issues) {
      const seq = [
        row.submittedAt,
        row.acceptedAt,
        row.assignedAt,
        row.planAt,
        row.answeredAt,
        row.confirmedAt,
        row.closedAt,
      ];
      const present = seq.filter((d): d is Date => d !== null).map((d) => d.getTime());
      // the first round's milestones come in order (later rounds move assignedAt / answeredAt on)
      if (row.round === 1 && row.status !== IssueStatus.MERGED && row.status !== IssueStatus.WITHDRAWN)
        expect([...present].sort((a, b) => a - b)).toEqual(present);
      if (row.acceptedAt) {
        accepted++;
        if (row.acceptedAt > row.firstResponseDue) lateFirstResponse++;
        expect(row.acceptedAt.getTime()).toBeGreaterThan(row.submittedAt.getTime());
      }
      for (const e of timeline) {
        const staff =
          e.actorRoles.includes('department') ||
          e.actorRoles.includes('leader') ||
          e.actorRoles.includes('evaluator');
        const m = chinaMinute(e.at);
        if (staff) {
          expect(calendar.isWorkday(isoOf(chinaDay(e.at)))).toBe(true);
          expect(m).toBeGreaterThanOrEqual(8 * 60 + 30);
          expect(m).toBeLessThanOrEqual(17 * 60 + 30);
        } else if (e.action !== 'MERGED_IN') {
          expect(m).toBeGreaterThanOrEqual(7 * 60 + 30);
          expect(m).toBeLessThanOrEqual(21 * 60 + 30);
        }
      }
    }
    expect(lateFirstResponse / accepted).toBeGreaterThan(0.005);
    expect(lateFirstResponse / accepted).toBeLessThan(0.12);
  });

  it('closes in a few working days, about nine in ten on time', () => {
    const closed = issues.filter((i) => i.row.status === IssueStatus.CLOSED && i.row.acceptedAt);
    const days = closed
      .map((i) =>
        calendar.elapsedWorkdays(
          i.row.acceptedAt!,
          i.row.closedAt!,
          i.pauses.map((p) => ({ from: p.pausedAt, to: p.resumedAt })),
        ),
      )
      .sort((a, b) => a - b);
    const median = days[Math.floor(days.length / 2)]!;
    const mean = days.reduce((s, d) => s + d, 0) / days.length;
    expect(median).toBeGreaterThanOrEqual(3);
    expect(median).toBeLessThanOrEqual(8);
    expect(mean).toBeLessThan(10);
    expect(
      share(closed, (i) => {
        const d = calendar.elapsedWorkdays(i.row.acceptedAt!, i.row.closedAt!, []);
        return d >= 2 && d <= 9;
      }),
    ).toBeGreaterThan(0.6);
    expect(days.at(-1)!).toBeLessThanOrEqual(60);
    const answered = issues.filter((i) => i.row.answeredAt && i.row.closeDue);
    const onTime = share(answered, (i) => i.row.answeredAt! <= i.row.closeDue!);
    expect(onTime).toBeGreaterThan(0.85);
    expect(onTime).toBeLessThan(0.95);
  });

  it('signs every refusal off in order by three distinct members holding those roles', () => {
    const refusals = issues.flatMap((i) => i.refusals.map((r) => ({ i, r })));
    expect(refusals.length).toBeGreaterThan(0);
    for (const { i, r } of refusals) {
      const dept = deptById.get(r.departmentId)!;
      expect(r.reason.length).toBeGreaterThanOrEqual(20);
      expect(r.basis).toMatch(/《|规定/);
      expect(r.proposedAt.getTime()).toBeLessThan(CUTOFF.getTime());
      const approvals = r.signoffs.filter((s) => s.decision === 'APPROVED');
      r.signoffs.forEach((s, k) => {
        expect(s.role).toBe(SIGN_OFF_ORDER[k]);
        const member = dept.members.find((m) => m.account === s.signer)!;
        expect(member).toMatchObject({ role: s.role, name: s.signerName });
        if (k > 0) expect(s.at.getTime()).toBeGreaterThan(r.signoffs[k - 1]!.at.getTime());
        expect(s.at.getTime()).toBeGreaterThan(r.proposedAt.getTime());
      });
      expect(new Set(approvals.map((s) => s.signer)).size).toBe(approvals.length);
      if (r.status === 'APPROVED') {
        expect(r.signoffs.map((s) => [s.role, s.decision])).toEqual(
          SIGN_OFF_ORDER.map((role) => [role, 'APPROVED']),
        );
        expect(r.decidedAt).toEqual(r.signoffs[2]!.at);
        expect(r.nextRole).toBeNull();
      } else if (r.status === 'RETURNED') {
        expect(r.signoffs.at(-1)!.decision).toBe('RETURNED');
        expect(r.signoffs.slice(0, -1).every((s) => s.decision === 'APPROVED')).toBe(true);
      } else {
        expect(i.row.status).toBe(IssueStatus.REFUSAL_PENDING);
        expect(r.signoffs.every((s) => s.decision === 'APPROVED')).toBe(true);
      }
      const signEvents = i.events.filter((e) => e.type === 'RefusalSignedOff');
      expect(signEvents.length).toBe(i.refusals.reduce((n, x) => n + x.signoffs.length, 0));
    }
    const approved = refusals.filter(({ r }) => r.status === 'APPROVED');
    const reviewed = issues.flatMap((i) => i.reviews);
    expect(reviewed.length / approved.length).toBeGreaterThan(0.18);
    expect(reviewed.length / approved.length).toBeLessThan(0.45);
    const decided = reviewed.filter((r) => r.decision !== null);
    const overturned = decided.filter((r) => r.decision === 'OVERTURNED');
    expect(overturned.length).toBeGreaterThan(0);
    expect(overturned.length).toBeLessThan(decided.length);
    for (const i of issues.filter((x) => x.reviews.some((r) => r.decision === 'OVERTURNED'))) {
      const decide = i.timeline.find((e) => e.action === 'DECIDE_REVIEW')!;
      expect(decide.toStatus).toBe(IssueStatus.ASSIGNED);
      expect(i.row.round).toBeGreaterThanOrEqual(2);
      expect(i.events.some((e) => e.type === 'IssueAssigned' && e.payload.reassignment)).toBe(true);
      expect(i.reviews[0]!.panel.length).toBeGreaterThanOrEqual(3);
      expect(i.reviews[0]!.hearingOn).toBe(isoOf(chinaDay(i.reviews[0]!.decidedAt!)));
      if (!i.open && i.row.status !== IssueStatus.ASSIGNED)
        expect(i.row.outcome).not.toBe(IssueOutcome.CANNOT_HANDLE);
    }
    // a department whose sign-off chain is incomplete never refuses
    const incomplete = input.departments.find(
      (d) => !d.members.some((m) => m.role === SignOffRole.LEADER_IN_CHARGE),
    )!;
    expect(refusals.some(({ r }) => r.departmentId === incomplete.id)).toBe(false);
  });

  it('logs staff in as dept-<code>-staff, even where a demo login holds the head’s seat', () => {
    // 台州市经济和信息化局’s head signs in as demo-head; its staff are still dept-tz-jxj-staff.
    const jxj = input.departments.find((d) => d.code === 'TZ-JXJ')!;
    const withDemoHead: DemoIssuesInput = {
      ...input,
      departments: input.departments.map((d) =>
        d === jxj
          ? {
              ...d,
              members: d.members.map((m) =>
                m.role === SignOffRole.DEPARTMENT_HEAD && m.account ? { ...m, account: 'demo-head' } : m,
              ),
            }
          : d,
      ),
    };
    const some = generateDemoIssues(withDemoHead, { today: TODAY, seed: 42, calendar, count: 1500 });
    const staff = new Set(
      some.flatMap((i) =>
        i.timeline
          .filter((e) => e.actorRoles.includes('department') && e.actor.endsWith('-staff'))
          .map((e) => e.actor),
      ),
    );
    expect(staff.has('dept-tz-jxj-staff')).toBe(true);
    expect([...staff].every((a) => /^dept-[a-z0-9-]+-staff$/.test(a))).toBe(true);
  });

  it('makes one Luqiao county bureau answer most appeals "cannot handle", rarely reviewed', () => {
    // 路桥 2022: 1,087 of 1,945 appeals answered 不能办 while satisfaction read 100%.
    const luqiao = luqiaoPatternDepartment(input.departments)!;
    // the county bureaus of 路桥区 that can refuse, by code: the first one plays the pattern
    const candidates = input.departments
      .filter((d) => d.level === AdministrativeLevel.COUNTY && d.regionCode === '331004')
      .map((d) => d.code!)
      .sort();
    expect(deptById.get(luqiao)).toMatchObject({ code: candidates[0], level: AdministrativeLevel.COUNTY });
    expect(candidates[0]).toBe('331004-FGJ');

    /** CANNOT_HANDLE among answered appeals (an answer or a signed-off "no"), per lead department. */
    const refusalShares = (xs: readonly DemoIssue[]) => {
      const by = new Map<string, { answered: number; refused: number }>();
      for (const { row } of xs) {
        if (!row.leadDepartmentId || row.outcome === null) continue;
        const x = by.get(row.leadDepartmentId) ?? { answered: 0, refused: 0 };
        x.answered++;
        if (row.outcome === IssueOutcome.CANNOT_HANDLE) x.refused++;
        by.set(row.leadDepartmentId, x);
      }
      const own = by.get(luqiao) ?? { answered: 0, refused: 0 };
      const others = { answered: 0, refused: 0 };
      let worst = 0;
      for (const [id, x] of by) {
        if (id === luqiao) continue;
        others.answered += x.answered;
        others.refused += x.refused;
        if (x.answered >= 30) worst = Math.max(worst, x.refused / x.answered);
      }
      return {
        own,
        ownShare: own.refused / Math.max(1, own.answered),
        others: others.refused / others.answered,
        worst,
      };
    };

    // the city-wide demo: the bureau leads a steady flow of appeals, and most of them are refused
    const city = refusalShares(issues);
    expect(city.own.answered).toBeGreaterThanOrEqual(120);
    expect(city.ownShare).toBeGreaterThan(0.4);
    expect(city.others).toBeLessThan(0.15);
    expect(city.worst).toBeLessThan(0.15);

    // Luqiao's enterprises only, a busier year: the bureau has a real sample
    const luqiaoInput = {
      ...input,
      enterprises: input.enterprises.filter((e) => e.regionCode.startsWith('331004')),
    };
    const busy = generateDemoIssues(luqiaoInput, { today: TODAY, seed: 11, calendar, count: 2500 });
    const shares = refusalShares(busy);
    expect(shares.own.answered).toBeGreaterThanOrEqual(60);
    expect(shares.ownShare).toBeGreaterThan(0.4);
    expect(shares.ownShare).toBeLessThan(0.7);
    expect(shares.others).toBeLessThan(0.15);
    expect(shares.worst).toBeLessThan(0.15);
    // its refusals rarely reach the review panel (说"不"评议)
    const ownRefusals = new Set(
      [...issues, ...busy].flatMap((i) =>
        i.refusals.filter((r) => r.departmentId === luqiao && r.status === 'APPROVED').map((r) => r.id),
      ),
    );
    const reviewed = [...issues, ...busy]
      .flatMap((i) => i.reviews)
      .filter((v) => ownRefusals.has(v.refusalId));
    expect(reviewed.length / ownRefusals.size).toBeLessThan(0.15);

    // Every quarter the demo publishes (the three before today's) holds tens of its answers, most of
    // them refusals — in the city-wide demo and in a small one — so every cycle can judge it.
    const quarters = [
      ['2025-07-01', '2025-10-01'],
      ['2025-10-01', '2026-01-01'],
      ['2026-01-01', '2026-04-01'],
    ] as const;
    const perQuarter = (xs: readonly DemoIssue[]) =>
      quarters.map(([from, to]) => {
        const inQ = xs.filter(
          ({ row }) =>
            row.leadDepartmentId === luqiao &&
            row.answeredAt !== null &&
            row.answeredAt >= new Date(`${from}T00:00:00+08:00`) &&
            row.answeredAt < new Date(`${to}T00:00:00+08:00`),
        );
        return {
          answered: inQ.length,
          refused: inQ.filter(({ row }) => row.outcome === IssueOutcome.CANNOT_HANDLE).length,
        };
      });
    for (const q of perQuarter(issues)) {
      expect(q.answered).toBeGreaterThanOrEqual(25);
      expect(q.refused / q.answered).toBeGreaterThan(0.4);
    }
    const small = generateDemoIssues(fixture(300), { today: TODAY, seed: 42, calendar });
    for (const q of perQuarter(small)) {
      expect(q.answered).toBeGreaterThanOrEqual(12);
      expect(q.refused / q.answered).toBeGreaterThan(0.35);
    }
    // …and no more than a quarter of all appeals
    expect(share(small, (i) => i.row.leadDepartmentId === luqiao)).toBeLessThan(0.3);

    // an explicit null turns the pattern off: the bureau refuses like the others
    const off = refusalShares(
      generateDemoIssues(luqiaoInput, {
        today: TODAY,
        seed: 11,
        calendar,
        count: 2500,
        luqiaoDepartmentId: null,
      }),
    );
    expect(off.ownShare).toBeLessThan(0.15);
  });

  it('records the domain events the service would publish, with payloads that follow the contracts', () => {
    for (const i of issues) {
      const { row, events, timeline } = i;
      expect(events[0]).toMatchObject({
        type: 'IssueSubmitted',
        payload: { visitId: row.visitId, title: row.title },
      });
      for (const e of events) {
        expect(e.payload.issue).toMatchObject({
          issueId: row.id,
          enterpriseId: row.enterpriseId,
          regionCode: row.regionCode,
          source: row.source,
          submittedAt: row.submittedAt.toISOString(),
        });
      }
      const count = (t: string) => events.filter((e) => e.type === t).length;
      const finals = i.refusals.filter((r) => r.status === 'APPROVED').length;
      expect(count('IssueAnswered')).toBe(acts(i, 'ANSWER') + finals);
      expect(count('IssueAssigned')).toBe(
        acts(i, 'ASSIGN') + timeline.filter((e) => e.data['decision'] === 'OVERTURNED').length,
      );
      expect(count('IssueClosed')).toBe(acts(i, 'CLOSE') + acts(i, 'WITHDRAW') + acts(i, 'MERGE'));
      expect(count('IssueReopened')).toBe(acts(i, 'REOPEN'));
      expect(count('IssueEscalated')).toBe(acts(i, 'ESCALATE'));
      expect(count('ReviewDecided')).toBe(acts(i, 'DECIDE_REVIEW'));
      const closed = events.find((e) => e.type === 'IssueClosed');
      if (closed?.type === 'IssueClosed') {
        expect(closed.payload.closedAt).toBe(row.closedAt!.toISOString());
        expect(closed.payload.how).toBe(
          row.status === IssueStatus.WITHDRAWN
            ? 'WITHDRAWN'
            : row.status === IssueStatus.MERGED
              ? 'MERGED'
              : row.confirmedAt
                ? 'CONFIRMED'
                : 'CLOSED',
        );
        expect(closed.payload.issue.round).toBe(row.round);
      }
      for (const e of events)
        if (e.type === 'IssueAnswered') {
          expect(e.payload.workdaysTaken).toBeGreaterThanOrEqual(0);
          expect(typeof e.payload.onTime).toBe('boolean');
        } else if (e.type === 'IssueAssigned') {
          expect(e.payload.issue.leadDepartmentId).not.toBeNull();
          expect(Date.parse(e.payload.closeDue)).toBeGreaterThan(Date.parse(e.payload.planDue) - 1);
        }
    }
  });

  it('is deterministic for the same inputs and seed, and streams the same appeals in chunks', () => {
    const digest = (xs: readonly DemoIssue[]): string =>
      createHash('sha256').update(JSON.stringify(xs)).digest('hex');
    const small = fixture(300, 3);
    const a = generateDemoIssues(small, { today: TODAY, seed: 9, calendar });
    const b = generateDemoIssues(small, { today: TODAY, seed: 9, calendar });
    expect(digest(a)).toBe(digest(b));
    expect(digest(generateDemoIssues(small, { today: TODAY, seed: 10, calendar }))).not.toBe(digest(a));
    const chunks = [...generateIssueChunks(small, { today: TODAY, seed: 9, calendar, chunkSize: 50 })];
    expect(chunks.slice(0, -1).every((c) => c.length === 50)).toBe(true);
    const seq = (x: DemoIssue): number => Number(x.row.no.split('-')[1]);
    const bySeq = (xs: DemoIssue[]) => [...xs].sort((x, y) => seq(x) - seq(y));
    expect(digest(bySeq(chunks.flat()))).toBe(digest(a));
    // a merge target is handed out no later than its duplicate
    const position = new Map(chunks.flat().map((x, k) => [x.row.id, k]));
    for (const x of chunks.flat())
      if (x.row.mergedIntoId) expect(position.get(x.row.mergedIntoId)!).toBeLessThan(position.get(x.row.id)!);
    const bulk = [...generateBulkIssues(small, 1000, { today: TODAY, seed: 9, calendar })].flat();
    expect(bulk).toHaveLength(1000);
    expect(summarizeDemoIssues(bulk).issues).toBe(1000);
  });

  it('needs departments when there are enterprises, and makes nothing without enterprises', () => {
    expect(generateDemoIssues({ ...input, enterprises: [] }, { today: TODAY })).toEqual([]);
    expect(() => generateDemoIssues({ ...input, departments: [] }, { today: TODAY })).toThrow(/departments/);
  });
});
