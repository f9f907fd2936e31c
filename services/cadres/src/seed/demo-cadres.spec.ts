import * as fs from 'fs';
import * as path from 'path';
import {
  AdministrativeLevel,
  KEY_ENTERPRISE_TAGS,
  ProblemDomain,
  readDivisions,
  regionContains,
  SignOffRole,
  VisitKind,
  VisitQuestion,
} from '@sfw/shared-types';
import { generateDemoCadres, generateDemoDepartments } from './demo-cadres';
import type { DemoCadre, DemoDepartment, DemoPairing, SeedEnterprise } from './demo-types';

const TODAY = '2025-06-30';
const DAY_MS = 86_400_000;
const dayNumber = (d: string): number => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const TODAY_N = dayNumber(TODAY);

const divisions = readDivisions();
const countyCodes = divisions.filter((d) => d.level === 'COUNTY').map((d) => d.code);
const townshipCodes = divisions.filter((d) => d.level === 'TOWNSHIP').map((d) => d.code);

/** Fixture enterprises (another service's generator is off limits): ~10% key, ~3% county-coded. */
function fixtureEnterprises(count: number, seed = 1): SeedEnterprise[] {
  let a = seed >>> 0;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const prefixes = ['浙江', '台州', '台州市路桥区', '温岭市', '玉环市', '三门县'];
  const brands = ['鑫达', '宏盛', '恒源', '瑞隆', '永昌', '金利', '海诚', '博豪'];
  const words = ['汽车零部件', '塑业', '模具', '泵业', '阀门', '机电', '药业'];
  return Array.from({ length: count }, (_, i) => {
    const r = rnd();
    const tags = r < 0.1 ? [pick(KEY_ENTERPRISE_TAGS)] : r < 0.15 ? ['专精特新'] : [];
    return {
      id: `e-${String(i + 1).padStart(6, '0')}`,
      name: `${pick(prefixes)}${pick(brands)}${pick(words)}有限公司`,
      regionCode: rnd() < 0.03 ? pick(countyCodes) : pick(townshipCodes),
      tags,
      industryCode: '3670',
    };
  });
}

const isKey = (e: SeedEnterprise): boolean => e.tags.some((t) => KEY_ENTERPRISE_TAGS.includes(t));

describe('generateDemoDepartments', () => {
  const departments = generateDemoDepartments();
  const byCode = new Map(departments.map((d) => [d.code, d]));

  it('lists 台州市经济和信息化局 first, then the 26 city factor departments', () => {
    expect(departments[0]).toMatchObject({
      code: 'TZ-JXJ',
      name: '台州市经济和信息化局',
      shortName: '市经信局',
    });
    const city = departments.filter((d) => d.level === AdministrativeLevel.CITY);
    expect(city).toHaveLength(26);
    for (const d of city) expect(d).toMatchObject({ regionCode: '331000', parentCode: null });
    const names = city.map((d) => d.name);
    for (const part of [
      '发展和改革',
      '财政局',
      '税务局',
      '地方金融',
      '自然资源和规划',
      '生态环境局',
      '人民银行',
    ]) {
      expect(names.some((n) => n.includes(part))).toBe(true);
    }
  });

  it('matches data/departments.json for the city level', () => {
    const file: unknown = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../../data/departments.json'), 'utf8'),
    );
    expect(departments.filter((d) => d.level === AdministrativeLevel.CITY)).toEqual(file);
  });

  it('has unique codes and accounts, parents listed before children', () => {
    expect(byCode.size).toBe(departments.length);
    const accounts = departments.flatMap((d) => d.members.map((m) => m.account));
    expect(new Set(accounts).size).toBe(accounts.length);
    const seen = new Set<string>();
    for (const d of departments) {
      if (d.parentCode !== null) expect(seen.has(d.parentCode)).toBe(true);
      seen.add(d.code);
    }
  });

  it('has 12–15 bureaus per county and one office per township, in their regions', () => {
    for (const county of countyCodes) {
      const bureaus = departments.filter(
        (d) => d.level === AdministrativeLevel.COUNTY && d.regionCode === county,
      );
      expect(bureaus.length).toBeGreaterThanOrEqual(12);
      expect(bureaus.length).toBeLessThanOrEqual(15);
      expect(bureaus[0]!.name).toMatch(/经济和信息化局$/);
      for (const b of bureaus) expect(byCode.get(b.parentCode!)?.level).toBe(AdministrativeLevel.CITY);
    }
    expect(byCode.get('LQ-JXJ')?.name).toBe('路桥区经济和信息化局');
    const offices = departments.filter((d) => d.level === AdministrativeLevel.TOWNSHIP);
    expect(offices.map((d) => d.regionCode).sort()).toEqual([...townshipCodes].sort());
    for (const o of offices) {
      const parent = byCode.get(o.parentCode!);
      expect(parent?.code).toMatch(/-JXJ$/);
      expect(regionContains(parent!.regionCode, o.regionCode)).toBe(true);
    }
  });

  it('gives every department its domains and one member per sign-off role at least', () => {
    const domains = new Set<string>(Object.values(ProblemDomain));
    for (const d of departments) {
      expect(d.domains.length).toBeGreaterThan(0);
      for (const x of d.domains) expect(domains.has(x)).toBe(true);
      for (const role of Object.values(SignOffRole)) {
        expect(d.members.some((m) => m.role === role && m.name !== '' && m.title !== '')).toBe(true);
      }
    }
  });

  it('carries the demo login subjects on 台州市经济和信息化局, one per sign-off role', () => {
    const jxj = departments[0]!;
    expect(jxj.members.find((m) => m.account === 'demo-department')?.role).toBe(SignOffRole.SECTION_CHIEF);
    expect(jxj.members.find((m) => m.account === 'demo-leader')?.role).toBe(SignOffRole.LEADER_IN_CHARGE);
    expect(jxj.members.find((m) => m.account === 'demo-head')?.role).toBe(SignOffRole.DEPARTMENT_HEAD);
    // The head is the department's only 部门负责人: the third sign-off is the demo head's.
    expect(jxj.members.filter((m) => m.role === SignOffRole.DEPARTMENT_HEAD).map((m) => m.account)).toEqual([
      'demo-head',
    ]);
    expect(jxj.members.find((m) => m.role === SignOffRole.DEPARTMENT_HEAD)?.title).toBe('局长');
  });

  it('is stable', () => {
    expect(generateDemoDepartments()).toEqual(departments);
  });
});

describe('generateDemoCadres', () => {
  const departments = generateDemoDepartments();
  const deptByCode = new Map(departments.map((d) => [d.code, d]));
  const enterprises = fixtureEnterprises(2400);
  const entById = new Map(enterprises.map((e) => [e.id, e]));
  const demoEnterprise = enterprises.find(
    (e) => e.regionCode.startsWith('331004') && e.regionCode.length === 9,
  )!;
  const data = generateDemoCadres(departments, enterprises, {
    today: TODAY,
    seed: 7,
    demoEnterpriseId: demoEnterprise.id,
  });
  const { cadres, pairings, visits, serviceGroups } = data;
  const cadreByStaffNo = new Map(cadres.map((c) => [c.staffNo, c]));
  const pairingsOf = (enterpriseId: string): DemoPairing[] =>
    pairings.filter((p) => p.enterpriseId === enterpriseId);
  const pairingsByEnterprise = new Map<string, DemoPairing[]>();
  for (const p of pairings)
    pairingsByEnterprise.set(p.enterpriseId, [...(pairingsByEnterprise.get(p.enterpriseId) ?? []), p]);
  const levelOf = (p: DemoPairing): AdministrativeLevel => cadreByStaffNo.get(p.staffNo)!.level;

  it('sizes the cadre force like the seeds: ~1.03 per enterprise, ~4% city, ~55% county', () => {
    expect(cadres.length / enterprises.length).toBeCloseTo(1.03, 1);
    const share = (level: AdministrativeLevel): number =>
      cadres.filter((c) => c.level === level).length / cadres.length;
    expect(share(AdministrativeLevel.CITY)).toBeGreaterThan(0.03);
    expect(share(AdministrativeLevel.CITY)).toBeLessThan(0.05);
    expect(share(AdministrativeLevel.COUNTY)).toBeGreaterThan(0.5);
    expect(share(AdministrativeLevel.COUNTY)).toBeLessThan(0.6);
    const inactive = cadres.filter((c) => !c.active).length / cadres.length;
    expect(inactive).toBeGreaterThan(0.005);
    expect(inactive).toBeLessThan(0.04);
  });

  it('gives unique staff numbers and plausible phones', () => {
    expect(new Set(cadres.map((c) => c.staffNo)).size).toBe(cadres.length);
    expect(new Set(cadres.map((c) => c.phone)).size).toBe(cadres.length);
    for (const c of cadres) {
      expect(c.staffNo).toMatch(/^TZ\d{4}-\d{6}$/);
      expect(c.phone).toMatch(/^1[358]\d{9}$/);
      expect(c.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
    }
  });

  it('puts each cadre in a department of its level whose region contains the cadre', () => {
    const digits = { CITY: 6, COUNTY: 6, TOWNSHIP: 9 } as const;
    for (const c of cadres) {
      const d = deptByCode.get(c.departmentCode);
      expect(d?.level).toBe(c.level);
      expect(regionContains(d!.regionCode, c.regionCode)).toBe(true);
      expect(c.regionCode).toHaveLength(digits[c.level]);
      if (c.level === AdministrativeLevel.CITY) expect(c.regionCode).toBe('331000');
      expect(c.specialties.length).toBeGreaterThanOrEqual(1);
      expect(c.specialties.length).toBeLessThanOrEqual(3);
      expect(new Set(c.specialties).size).toBe(c.specialties.length);
      for (const s of c.specialties) expect(d!.domains).toContain(s);
    }
  });

  it('pairs every enterprise with exactly one local primary cadre whose region contains it', () => {
    for (const e of enterprises) {
      const local = (pairingsByEnterprise.get(e.id) ?? []).filter(
        (p) => levelOf(p) !== AdministrativeLevel.CITY,
      );
      expect(local.filter((p) => p.primary)).toHaveLength(1);
      for (const p of local)
        expect(regionContains(cadreByStaffNo.get(p.staffNo)!.regionCode, e.regionCode)).toBe(true);
    }
    const withSecond = enterprises.filter((e) =>
      (pairingsByEnterprise.get(e.id) ?? []).some((p) => !p.primary),
    );
    expect(withSecond.length / enterprises.length).toBeGreaterThan(0.12);
    expect(withSecond.length / enterprises.length).toBeLessThan(0.28);
  });

  it('never gives an enterprise two primaries at one level or the same cadre twice', () => {
    for (const [, list] of pairingsByEnterprise) {
      const levels = list.filter((p) => p.primary).map(levelOf);
      expect(new Set(levels).size).toBe(levels.length);
      expect(new Set(list.map((p) => p.staffNo)).size).toBe(list.length);
    }
  });

  it('pairs key enterprises with a city cadre, and only a handful of others', () => {
    const city = pairings.filter((p) => levelOf(p) === AdministrativeLevel.CITY);
    for (const p of city) expect(p.primary).toBe(true);
    for (const e of enterprises.filter(isKey)) {
      expect(pairingsOf(e.id).some((p) => levelOf(p) === AdministrativeLevel.CITY)).toBe(true);
    }
    const exceptions = city.filter((p) => !isKey(entById.get(p.enterpriseId)!));
    expect(exceptions.length).toBeGreaterThanOrEqual(1);
    expect(exceptions.length).toBeLessThanOrEqual(Math.max(2, city.length * 0.02));
  });

  it('pairs only active cadres, mostly with one enterprise, some with 2–5', () => {
    const load = new Map<string, number>();
    for (const p of pairings) {
      expect(cadreByStaffNo.get(p.staffNo)?.active).toBe(true);
      load.set(p.staffNo, (load.get(p.staffNo) ?? 0) + 1);
    }
    const counts = [...load.values()];
    expect(counts.filter((k) => k === 1).length / counts.length).toBeGreaterThan(0.6);
    expect(counts.some((k) => k >= 3)).toBe(true);
    expect(Math.max(...counts)).toBeLessThanOrEqual(8);
  });

  it('dates pairings within the two years before today', () => {
    for (const p of pairings) {
      const d = dayNumber(p.fromDate);
      expect(d).toBeLessThanOrEqual(TODAY_N);
      expect(d).toBeGreaterThanOrEqual(TODAY_N - 731);
    }
  });

  it('makes about five visits per enterprise over the last year, never after today', () => {
    expect(visits.length / enterprises.length).toBeGreaterThan(4.5);
    expect(visits.length / enterprises.length).toBeLessThan(5.5);
    for (const v of visits) {
      const d = dayNumber(v.visitedOn);
      expect(d).toBeLessThanOrEqual(TODAY_N);
      expect(d).toBeGreaterThan(TODAY_N - 365);
    }
  });

  it('has visits made by paired cadres after pairing, or by a called-in group member', () => {
    const groupByName = new Map(serviceGroups.map((g) => [g.name, g]));
    for (const v of visits) {
      if (v.kind === VisitKind.GROUP_SERVICE) {
        const g = groupByName.get(v.serviceGroupName ?? '');
        expect(g?.memberStaffNos).toContain(v.staffNo);
        expect(g?.calledInFor).toContain(v.enterpriseId);
      } else {
        expect(v.serviceGroupName).toBeNull();
        const p = (pairingsByEnterprise.get(v.enterpriseId) ?? []).find((x) => x.staffNo === v.staffNo);
        expect(p).toBeDefined();
        expect(v.visitedOn >= p!.fromDate).toBe(true);
      }
      expect(cadreByStaffNo.get(v.staffNo)?.active).toBe(true);
    }
  });

  it('weights visit kinds 60/25/10/5 and records problems on 15–19% of visits', () => {
    const share = (k: VisitKind): number => visits.filter((v) => v.kind === k).length / visits.length;
    expect(share(VisitKind.ON_SITE)).toBeCloseTo(0.6, 1);
    expect(share(VisitKind.PHONE)).toBeCloseTo(0.25, 1);
    expect(share(VisitKind.MEETING)).toBeCloseTo(0.1, 1);
    expect(share(VisitKind.GROUP_SERVICE)).toBeGreaterThan(0.02);
    expect(share(VisitKind.GROUP_SERVICE)).toBeLessThan(0.07);
    const withProblems = visits.filter((v) => v.problems.length > 0);
    expect(withProblems.length / visits.length).toBeGreaterThan(0.15);
    expect(withProblems.length / visits.length).toBeLessThan(0.19);
    for (const v of withProblems) {
      expect(v.problems.length).toBeLessThanOrEqual(2);
      expect(v.questions).toContain(VisitQuestion.PROBLEMS);
      expect(new Set(v.problems.map((p) => p.domain)).size).toBe(v.problems.length);
      for (const p of v.problems) {
        expect(p.title.length).toBeGreaterThan(4);
        expect(p.description.length).toBeGreaterThan(p.title.length);
        expect(p.description).not.toMatch(/[{}]/);
      }
    }
  });

  it('varies problem texts: at least four titles per common domain, descriptions mostly distinct', () => {
    const problems = visits.flatMap((v) => v.problems);
    const byDomain = new Map<string, Set<string>>();
    for (const p of problems) byDomain.set(p.domain, (byDomain.get(p.domain) ?? new Set()).add(p.title));
    for (const [domain, titles] of byDomain) {
      if (problems.filter((p) => p.domain === domain).length >= 40)
        expect(titles.size).toBeGreaterThanOrEqual(4);
    }
    expect(new Set(problems.map((p) => p.description)).size / problems.length).toBeGreaterThan(0.8);
  });

  it('asks 1–3 distinct questions and notes each visit in Chinese', () => {
    for (const v of visits) {
      expect(v.questions.length).toBeGreaterThanOrEqual(1);
      expect(v.questions.length).toBeLessThanOrEqual(3);
      expect(new Set(v.questions).size).toBe(v.questions.length);
      expect(v.notes).toMatch(/^[\u4e00-\u9fa5].*。$/);
    }
  });

  it('never crowds an enterprise: no question asked twice within 14 days', () => {
    const last = new Map<string, number[]>();
    for (const v of visits) {
      const d = dayNumber(v.visitedOn);
      for (const q of v.questions) {
        const key = `${v.enterpriseId}/${q}`;
        const earlier = last.get(key) ?? [];
        for (const x of earlier) expect(Math.abs(d - x)).toBeGreaterThan(14);
        earlier.push(d);
        last.set(key, earlier);
      }
    }
  });

  it('builds 10 specialist groups, one 帮帮团 per county and 2–3 task forces', () => {
    const city = serviceGroups.filter((g) => g.kind === 'SERVICE_GROUP' && g.regionCodes[0] === '331000');
    expect(city).toHaveLength(10);
    const county = serviceGroups.filter((g) => g.name.endsWith('帮帮团'));
    expect(county.map((g) => g.regionCodes[0]).sort()).toEqual([...countyCodes].sort());
    const tf = serviceGroups.filter((g) => g.kind === 'TASK_FORCE');
    expect(tf.length).toBeGreaterThanOrEqual(2);
    expect(tf.length).toBeLessThanOrEqual(3);
    expect(new Set(serviceGroups.map((g) => g.name)).size).toBe(serviceGroups.length);
  });

  it('staffs groups with 3–8 active cadres who fit, inside the regions served', () => {
    let fit = 0;
    let all = 0;
    for (const g of serviceGroups) {
      expect(deptByCode.has(g.leadDepartmentCode)).toBe(true);
      expect(g.memberStaffNos.length).toBeGreaterThanOrEqual(3);
      expect(g.memberStaffNos.length).toBeLessThanOrEqual(8);
      expect(new Set(g.memberStaffNos).size).toBe(g.memberStaffNos.length);
      const members = g.memberStaffNos.map((s) => cadreByStaffNo.get(s)!);
      const within = (code: string): boolean => g.regionCodes.some((r) => regionContains(r, code));
      for (const m of members) {
        expect(m.active).toBe(true);
        expect(within(m.regionCode)).toBe(true);
      }
      expect(members[0]!.specialties.some((s) => g.specialties.includes(s))).toBe(true);
      const fitting = members.filter((m) => m.specialties.some((s) => g.specialties.includes(s)));
      expect(fitting.length).toBeGreaterThanOrEqual(2);
      fit += fitting.length;
      all += members.length;
      expect(g.calledInFor.length).toBeGreaterThan(0);
      for (const id of g.calledInFor) expect(within(entById.get(id)!.regionCode)).toBe(true);
    }
    expect(fit / all).toBeGreaterThan(0.9);
  });

  describe('the demo cadre', () => {
    const demo: DemoCadre = cadres[0]!;
    const own = pairings.filter((p) => p.staffNo === demo.staffNo);

    it('is an active county cadre of the demo enterprise county 经信局', () => {
      expect(demo).toMatchObject({ active: true, level: AdministrativeLevel.COUNTY, regionCode: '331004' });
      expect(demo.departmentCode).toBe('LQ-JXJ');
    });

    it('is the primary of the demo enterprise and paired with 2–4 others', () => {
      expect(own.find((p) => p.enterpriseId === demoEnterprise.id)?.primary).toBe(true);
      expect(own.length - 1).toBeGreaterThanOrEqual(2);
      expect(own.length - 1).toBeLessThanOrEqual(4);
      for (const p of own) expect(entById.get(p.enterpriseId)!.regionCode.startsWith('331004')).toBe(true);
    });

    it('visited the demo enterprise several times in the last 60 days', () => {
      const recent = visits.filter(
        (v) =>
          v.staffNo === demo.staffNo &&
          v.enterpriseId === demoEnterprise.id &&
          dayNumber(v.visitedOn) > TODAY_N - 60,
      );
      expect(recent.length).toBeGreaterThanOrEqual(3);
    });

    it('without a demo enterprise is still an active county cadre with pairings', () => {
      const other = generateDemoCadres(departments, enterprises.slice(0, 300), { today: TODAY, seed: 3 });
      const first = other.cadres[0]!;
      expect(first).toMatchObject({ active: true, level: AdministrativeLevel.COUNTY });
      expect(other.pairings.some((p) => p.staffNo === first.staffNo)).toBe(true);
      const unknown = generateDemoCadres(departments, enterprises.slice(0, 300), {
        today: TODAY,
        seed: 3,
        demoEnterpriseId: 'no-such-enterprise',
      });
      expect(unknown).toEqual(other);
    });
  });

  it('is deterministic for the same inputs and varies with the seed', () => {
    const opts = { today: TODAY, seed: 7, demoEnterpriseId: demoEnterprise.id };
    expect(generateDemoCadres(departments, enterprises, opts)).toEqual(data);
    const other = generateDemoCadres(departments, enterprises, { ...opts, seed: 8 });
    expect(other.cadres.map((c) => c.name)).not.toEqual(cadres.map((c) => c.name));
  });

  it('honours visitsPerEnterprise', () => {
    const few = generateDemoCadres(departments, enterprises.slice(0, 500), {
      today: TODAY,
      visitsPerEnterprise: 2,
    });
    expect(few.visits.length / 500).toBeGreaterThan(1.6);
    expect(few.visits.length / 500).toBeLessThan(2.4);
  });

  it('copes with a handful of enterprises', () => {
    const small = generateDemoCadres(departments, enterprises.slice(0, 12), { today: TODAY });
    expect(small.cadres.length).toBeGreaterThanOrEqual(12);
    for (const e of enterprises.slice(0, 12)) {
      expect(small.pairings.some((p) => p.enterpriseId === e.id && p.primary)).toBe(true);
    }
    expect(generateDemoCadres(departments, [], { today: TODAY })).toEqual({
      cadres: [],
      pairings: [],
      visits: [],
      serviceGroups: [],
    });
  });

  it('rejects enterprises outside the demo city and malformed dates', () => {
    const outside = { ...enterprises[0]!, regionCode: '330102001' };
    expect(() => generateDemoCadres(departments, [outside], { today: TODAY })).toThrow(/outside/);
    expect(() => generateDemoCadres(departments, enterprises.slice(0, 5), { today: '2025-02-30' })).toThrow();
  });

  it('is fast: 2,400 enterprises well under a second, 20,000 × 5 visits in a few seconds', () => {
    let t = performance.now();
    generateDemoCadres(departments, enterprises, { today: TODAY });
    expect(performance.now() - t).toBeLessThan(1000);
    const many = fixtureEnterprises(20_000, 2);
    t = performance.now();
    const big = generateDemoCadres(departments, many, { today: TODAY });
    expect(performance.now() - t).toBeLessThan(5000);
    expect(big.visits.length).toBeGreaterThan(90_000);
  });
});

/** Departments are plain data: a caller may mutate its copy without affecting the next call. */
it('returns fresh department objects', () => {
  const a: DemoDepartment[] = generateDemoDepartments();
  a[0]!.members.length = 0;
  expect(generateDemoDepartments()[0]!.members.length).toBeGreaterThan(0);
});
