/**
 * Demo data for the cadres subgraph: the departments of 台州市 and, for a list of enterprises,
 * service cadres (助企服务员), pairings (结对), a year of visits (走访) and service groups.
 * Pure and deterministic: no database and no clock; the same inputs give the same output.
 * Sizes follow the seeds (Wenzhou: 10,134 cadres for 9,842 enterprises; Hangzhou: about five
 * visits per enterprise a year, an appeal on roughly every fifth visit).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  AdministrativeLevel,
  KEY_ENTERPRISE_TAGS,
  ProblemDomain,
  readDivisions,
  SignOffRole,
  VisitKind,
  VisitQuestion,
  SeededRandom,
  chineseName,
} from '@sfw/shared-types';
import type {
  DemoCadre,
  DemoCadresData,
  DemoCadresOptions,
  DemoDepartment,
  DemoPairing,
  DemoServiceGroup,
  DemoVisit,
  SeedEnterprise,
} from './demo-types';

const CITY_CODE = '331000';
/** 台州市经济和信息化局: leads enterprise-service work, and the department of the demo logins. */
export const DEMO_DEPARTMENT_CODE = 'TZ-JXJ';
const DEPARTMENTS_FILE = path.join(__dirname, '../../data/departments.json');
const DEPARTMENT_SEED = 331000;
const DEFAULT_SEED = 20240601;

// ---------------------------------------------------------------------------
// Seeded PRNG and small helpers
// ---------------------------------------------------------------------------

class Rng extends SeededRandom {
  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = at(items, i);
      items[i] = at(items, j);
      items[j] = tmp;
    }
    return items;
  }
  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count >= items.length) return this.shuffle([...items]);
    if (count * 4 < items.length) {
      const chosen = new Set<number>();
      while (chosen.size < count) chosen.add(Math.floor(this.next() * items.length));
      return [...chosen].map((i) => at(items, i));
    }
    return this.shuffle([...items]).slice(0, count);
  }
}

function at<T>(items: ArrayLike<T>, i: number): T {
  const v = items[i];
  if (v === undefined) throw new RangeError(`index ${i} out of range (${items.length})`);
  return v;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
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

const DAY_MS = 86_400_000;

function parseDay(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== day) throw new RangeError(`no such date: ${day}`);
  return ms / DAY_MS;
}

/** Formats "N days before today", memoised (visits use a few hundred distinct days). */
class DaysBefore {
  private readonly cache: string[] = [];
  constructor(private readonly today: number) {}
  format(offset: number): string {
    let s = this.cache[offset];
    if (s === undefined) {
      s = new Date((this.today - offset) * DAY_MS).toISOString().slice(0, 10);
      this.cache[offset] = s;
    }
    return s;
  }
}

// ---------------------------------------------------------------------------
// Names and numbers
// ---------------------------------------------------------------------------

const MOBILE_PREFIXES = ['13', '15', '18'] as const;

function uniquePersonName(rng: Rng, used: Set<string>): string {
  let name = chineseName(rng);
  for (let i = 0; used.has(name) && i < 20; i++) name = chineseName(rng);
  used.add(name);
  return name;
}

/** A fictional mainland mobile number: 13x / 15x / 18x and eight digits. */
function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 9)) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

// ---------------------------------------------------------------------------
// Reference data: city departments (data/departments.json) and the division tree
// ---------------------------------------------------------------------------

const PROBLEM_DOMAINS: ReadonlySet<string> = new Set(Object.values(ProblemDomain));
const SIGN_OFF_ROLES: ReadonlySet<string> = new Set(Object.values(SignOffRole));

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isDomain(v: unknown): v is ProblemDomain {
  return typeof v === 'string' && PROBLEM_DOMAINS.has(v);
}

function isRole(v: unknown): v is SignOffRole {
  return typeof v === 'string' && SIGN_OFF_ROLES.has(v);
}

function loadCityDepartments(): DemoDepartment[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(DEPARTMENTS_FILE, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error('departments.json is not a JSON array');
  return parsed.map((r: unknown, i): DemoDepartment => {
    const bad = (what: string): Error => new Error(`departments.json row ${i}: ${what}`);
    if (!isRecord(r)) throw bad('not an object');
    const { code, name, shortName, regionCode, parentCode, domains, members } = r;
    if (typeof code !== 'string' || typeof name !== 'string' || typeof shortName !== 'string') {
      throw bad('code, name and shortName must be strings');
    }
    if (r.level !== AdministrativeLevel.CITY || regionCode !== CITY_CODE) throw bad('not a city department');
    if (parentCode !== null && typeof parentCode !== 'string') throw bad('parentCode');
    if (!Array.isArray(domains) || domains.length === 0 || !domains.every(isDomain)) throw bad('domains');
    if (!Array.isArray(members)) throw bad('members');
    return {
      code,
      name,
      shortName,
      level: AdministrativeLevel.CITY,
      regionCode,
      parentCode,
      domains: [...domains],
      members: members.map((m: unknown, k) => {
        if (
          !isRecord(m) ||
          typeof m.name !== 'string' ||
          !isRole(m.role) ||
          typeof m.title !== 'string' ||
          typeof m.account !== 'string'
        ) {
          throw bad(`member ${k}`);
        }
        return { name: m.name, role: m.role, title: m.title, account: m.account };
      }),
    };
  });
}

interface Township {
  code: string;
  name: string;
}

interface County {
  code: string;
  name: string;
  /** Code prefix of its departments, e.g. LQ for 路桥区. */
  abbr: string;
  /** 区 (district) rather than 县 / county-level 市: some bureaus are then branches of the city's. */
  district: boolean;
  townships: Township[];
}

const COUNTY_ABBR: Record<string, string> = {
  '331002': 'JJ', // 椒江区
  '331003': 'HY', // 黄岩区
  '331004': 'LQ', // 路桥区
  '331022': 'SM', // 三门县
  '331023': 'TT', // 天台县
  '331024': 'XJ', // 仙居县
  '331081': 'WL', // 温岭市
  '331082': 'LH', // 临海市
  '331083': 'YH', // 玉环市
};

interface ReferenceData {
  city: DemoDepartment[];
  counties: County[];
  /** Division code → name, for problem texts. */
  regionNames: Map<string, string>;
}

let cached: ReferenceData | undefined;

function referenceData(): ReferenceData {
  if (cached) return cached;
  const divisions = readDivisions();
  const counties: County[] = [];
  const byCode = new Map<string, County>();
  for (const d of divisions) {
    if (d.level === 'COUNTY' && d.parentCode === CITY_CODE) {
      const abbr = COUNTY_ABBR[d.code];
      if (abbr === undefined) throw new Error(`no department code prefix for county ${d.code} ${d.name}`);
      const county = { code: d.code, name: d.name, abbr, district: d.name.endsWith('区'), townships: [] };
      counties.push(county);
      byCode.set(d.code, county);
    }
  }
  for (const d of divisions) {
    if (d.level === 'TOWNSHIP' && d.parentCode !== null) {
      byCode.get(d.parentCode)?.townships.push({ code: d.code, name: d.name });
    }
  }
  const city = loadCityDepartments();
  if (city[0]?.code !== DEMO_DEPARTMENT_CODE) {
    throw new Error(`departments.json must list ${DEMO_DEPARTMENT_CODE} first`);
  }
  cached = { city, counties, regionNames: new Map(divisions.map((d) => [d.code, d.name])) };
  return cached;
}

// ---------------------------------------------------------------------------
// Departments
// ---------------------------------------------------------------------------

/** One county bureau, instantiated for every county (or only districts / only counties). */
interface CountyBureau {
  key: string;
  /** The city department it reports to; its domains are the bureau's. */
  parentCode: string;
  name: (c: County) => string;
  shortName: (c: County) => string;
  head: string;
  leader: string;
  sections: readonly [string, ...string[]];
  only?: 'district' | 'county';
}

/** "路桥" for 路桥区: the form used in branch names such as 台州市生态环境局路桥分局. */
const stem = (c: County): string => c.name.slice(0, -1);

const COUNTY_BUREAUS: readonly CountyBureau[] = [
  {
    key: 'JXJ',
    parentCode: 'TZ-JXJ',
    name: (c) => `${c.name}经济和信息化局`,
    shortName: (c) => `${c.name}经信局`,
    head: '局长',
    leader: '副局长',
    sections: ['企业服务科科长', '运行监测科科长'],
  },
  {
    key: 'FGJ',
    parentCode: 'TZ-FGW',
    name: (c) => `${c.name}发展和改革局`,
    shortName: (c) => `${c.name}发改局`,
    head: '局长',
    leader: '副局长',
    sections: ['投资科科长', '能源科科长'],
  },
  {
    key: 'KJJ',
    parentCode: 'TZ-KJJ',
    name: (c) => `${c.name}科学技术局`,
    shortName: (c) => `${c.name}科技局`,
    head: '局长',
    leader: '副局长',
    sections: ['高新技术科科长'],
  },
  {
    key: 'CZJ',
    parentCode: 'TZ-CZJ',
    name: (c) => `${c.name}财政局`,
    shortName: (c) => `${c.name}财政局`,
    head: '局长',
    leader: '副局长',
    sections: ['经济建设科科长'],
  },
  {
    key: 'RSJ',
    parentCode: 'TZ-RSJ',
    name: (c) => `${c.name}人力资源和社会保障局`,
    shortName: (c) => `${c.name}人力社保局`,
    head: '局长',
    leader: '副局长',
    sections: ['就业促进科科长', '人才开发科科长'],
  },
  {
    key: 'ZGJ',
    parentCode: 'TZ-ZGJ',
    name: (c) => (c.district ? `台州市自然资源和规划局${stem(c)}分局` : `${c.name}自然资源和规划局`),
    shortName: (c) => (c.district ? `${stem(c)}自然资源和规划分局` : `${c.name}自然资源和规划局`),
    head: '局长',
    leader: '副局长',
    sections: ['用地审批科科长', '规划管理科科长'],
  },
  {
    key: 'STJ',
    parentCode: 'TZ-STJ',
    name: (c) => `台州市生态环境局${stem(c)}分局`,
    shortName: (c) => `${stem(c)}生态环境分局`,
    head: '局长',
    leader: '副局长',
    sections: ['环评科科长'],
  },
  {
    key: 'ZJJ',
    parentCode: 'TZ-ZJJ',
    name: (c) => `${c.name}住房和城乡建设局`,
    shortName: (c) => `${c.name}住建局`,
    head: '局长',
    leader: '副局长',
    sections: ['建筑业管理科科长'],
  },
  {
    key: 'JTJ',
    parentCode: 'TZ-JTJ',
    name: (c) => `${c.name}交通运输局`,
    shortName: (c) => `${c.name}交通运输局`,
    head: '局长',
    leader: '副局长',
    sections: ['综合规划科科长'],
    only: 'county',
  },
  {
    key: 'SHWJ',
    parentCode: 'TZ-SHWJ',
    name: (c) => `${c.name}商务局`,
    shortName: (c) => `${c.name}商务局`,
    head: '局长',
    leader: '副局长',
    sections: ['外贸科科长'],
  },
  {
    key: 'SJJ',
    parentCode: 'TZ-SJJ',
    name: (c) => `${c.name}市场监督管理局`,
    shortName: (c) => `${c.name}市场监管局`,
    head: '局长',
    leader: '副局长',
    sections: ['登记注册科科长', '质量发展科科长'],
  },
  {
    key: 'SWJ',
    parentCode: 'TZ-SWJ',
    name: (c) => (c.district ? `国家税务总局台州市${c.name}税务局` : `国家税务总局${c.name}税务局`),
    shortName: (c) => `${c.name}税务局`,
    head: '局长',
    leader: '副局长',
    sections: ['纳税服务科科长'],
  },
  {
    key: 'JRB',
    parentCode: 'TZ-JRJ',
    name: (c) => `${c.name}金融服务中心`,
    shortName: (c) => `${c.name}金融办`,
    head: '主任',
    leader: '副主任',
    sections: ['金融发展科科长'],
  },
  {
    key: 'YJJ',
    parentCode: 'TZ-YJJ',
    name: (c) => `${c.name}应急管理局`,
    shortName: (c) => `${c.name}应急管理局`,
    head: '局长',
    leader: '副局长',
    sections: ['安全生产基础科科长'],
    only: 'district',
  },
  {
    key: 'SLJ',
    parentCode: 'TZ-SLJ',
    name: (c) => `${c.name}水利局`,
    shortName: (c) => `${c.name}水利局`,
    head: '局长',
    leader: '副局长',
    sections: ['水资源科科长'],
    only: 'county',
  },
  {
    key: 'GDGS',
    parentCode: 'TZ-GDGS',
    name: (c) => (c.district ? `国网台州市${c.name}供电公司` : `国网${c.name}供电公司`),
    shortName: (c) => `${stem(c)}供电公司`,
    head: '总经理',
    leader: '副总经理',
    sections: ['营销部主任'],
  },
];

const TOWNSHIP_DOMAINS: readonly ProblemDomain[] = [
  ProblemDomain.POLICY,
  ProblemDomain.LAND,
  ProblemDomain.TALENT_LABOUR,
  ProblemDomain.ENERGY,
  ProblemDomain.INFRASTRUCTURE,
  ProblemDomain.ENVIRONMENT,
  ProblemDomain.OTHER,
];

/** The township office that does enterprise service: 经济发展办公室 in a town, 企业服务中心 elsewhere. */
function townshipTitles(town: string): { office: string; short: string; head: string; leader: string } {
  if (town.endsWith('镇'))
    return { office: '经济发展办公室', short: '经发办', head: '镇长', leader: '副镇长' };
  if (town.endsWith('乡'))
    return { office: '经济发展办公室', short: '经发办', head: '乡长', leader: '副乡长' };
  if (town.endsWith('街道')) {
    return { office: '企业服务中心', short: '企服中心', head: '办事处主任', leader: '办事处副主任' };
  }
  if (town.endsWith('农场'))
    return { office: '企业服务中心', short: '企服中心', head: '场长', leader: '副场长' };
  return { office: '企业服务中心', short: '企服中心', head: '管委会主任', leader: '管委会副主任' };
}

function members(
  rng: Rng,
  used: Set<string>,
  code: string,
  head: string,
  leader: string,
  sections: readonly string[],
): DemoDepartment['members'] {
  const base = `dept-${code.toLowerCase()}`;
  const out: DemoDepartment['members'] = [
    {
      name: uniquePersonName(rng, used),
      role: SignOffRole.DEPARTMENT_HEAD,
      title: head,
      account: `${base}-head`,
    },
  ];
  const leaders = rng.chance(0.35) ? 2 : 1;
  for (let k = 1; k <= leaders; k++) {
    out.push({
      name: uniquePersonName(rng, used),
      role: SignOffRole.LEADER_IN_CHARGE,
      title: leader,
      account: `${base}-leader${k > 1 ? k : ''}`,
    });
  }
  const chiefs = sections.length > 1 && rng.chance(0.5) ? 2 : 1;
  for (let k = 1; k <= chiefs; k++) {
    out.push({
      name: uniquePersonName(rng, used),
      role: SignOffRole.SECTION_CHIEF,
      title: at(sections, k - 1),
      account: `${base}-chief${k > 1 ? k : ''}`,
    });
  }
  return out;
}

/**
 * Every department of the demo city, parents before children: the 26 city factor departments
 * (要素部门, data/departments.json, 台州市经济和信息化局 first), then per county its bureaus
 * followed by one enterprise-service office per township. Codes and accounts are stable.
 */
export function generateDemoDepartments(): DemoDepartment[] {
  const ref = referenceData();
  const rng = new Rng(DEPARTMENT_SEED);
  const out: DemoDepartment[] = ref.city.map((d) => ({
    ...d,
    domains: [...d.domains],
    members: d.members.map((m) => ({ ...m })),
  }));
  const used = new Set(out.flatMap((d) => d.members.map((m) => m.name)));
  const cityByCode = new Map(out.map((d) => [d.code, d]));

  for (const county of ref.counties) {
    for (const b of COUNTY_BUREAUS) {
      if ((b.only === 'district' && !county.district) || (b.only === 'county' && county.district)) continue;
      const parent = cityByCode.get(b.parentCode);
      if (!parent) throw new Error(`departments.json has no ${b.parentCode}`);
      const code = `${county.abbr}-${b.key}`;
      out.push({
        code,
        name: b.name(county),
        shortName: b.shortName(county),
        level: AdministrativeLevel.COUNTY,
        regionCode: county.code,
        parentCode: parent.code,
        domains: [...parent.domains],
        members: members(rng, used, code, b.head, b.leader, b.sections),
      });
    }
    for (const town of county.townships) {
      const t = townshipTitles(town.name);
      const code = `${county.abbr}-TS${town.code.slice(6)}`;
      out.push({
        code,
        name: `${county.name}${town.name}${t.office}`,
        shortName: `${town.name}${t.short}`,
        level: AdministrativeLevel.TOWNSHIP,
        regionCode: town.code,
        parentCode: `${county.abbr}-JXJ`,
        domains: [...TOWNSHIP_DOMAINS],
        members: members(rng, used, code, t.head, t.leader, [`${t.office}主任`]),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Problem texts (at least four per domain)
// ---------------------------------------------------------------------------

/**
 * A template: `{name}` the enterprise's short name, `{town}` its township, `{x:10-80}` an integer
 * (reused by a later `{x}`), `{甲|乙|丙}` one of the options.
 */
type Part =
  string | { name: true } | { town: true } | { v: string; lo: number; hi: number } | { one: string[] };

function compile(text: string): Part[] {
  const parts: Part[] = [];
  const re = /\{([^}]+)\}/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const body = m[1] ?? '';
    const range = /^(\w+):(\d+)-(\d+)$/.exec(body);
    if (body === 'name') parts.push({ name: true });
    else if (body === 'town') parts.push({ town: true });
    else if (range) parts.push({ v: range[1] ?? '', lo: Number(range[2]), hi: Number(range[3]) });
    else if (/^\w+$/.test(body)) parts.push({ v: body, lo: 0, hi: -1 });
    else parts.push({ one: body.split('|') });
    last = re.lastIndex;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

interface ProblemTemplate {
  title: Part[];
  description: Part[];
}

const RAW_PROBLEMS: Record<ProblemDomain, readonly string[]> = {
  [ProblemDomain.LAND]: [
    '厂房扩建用地指标不足 :: {name}计划新建约{a:2-6}万平方米生产厂房，所在片区年度用地指标已基本用完，希望协调新增约{b:15-60}亩工业用地指标。',
    '零土地技改项目加层手续不明确 :: {name}拟在现有厂区实施“零土地”技改加层约{a:3000-12000}平方米，不清楚需办理哪些规划和不动产登记手续。',
    '历史厂房无法办理不动产权证 :: {name}早年建成的{a:1-3}幢厂房因历史遗留问题至今未办理不动产权证，影响银行抵押融资。',
    '意向工业用地出让进度慢 :: {name}意向竞买的约{a:20-80}亩“标准地”已等待{b:3-8}个月仍未挂牌出让，投资计划受影响。',
    '租用厂房列入改造需异地安置 :: {name}租用的厂房列入{town}低效工业用地整治范围，{a:3-10}个月内需搬迁，希望协调入驻小微企业园。',
  ],
  [ProblemDomain.FINANCING]: [
    '流动资金贷款续贷困难 :: {name}一笔{a:300-3000}万元流动资金贷款将于{b:1-3}个月内到期，合作银行收紧授信，企业担心资金链紧张。',
    '外贸回款周期延长资金周转紧张 :: {name}海外客户账期由{a:30-60}天延长至{b:90-150}天，应收账款增加，希望对接出口信用保险和应收账款融资。',
    '技改项目缺乏中长期贷款 :: {name}计划投入约{a:800-8000}万元购置{智能化生产线|自动化设备|数控加工中心}，希望对接技改专项贷款和贴息政策。',
    '担保链风险导致授信压降 :: {name}因关联企业互保出险，银行拟压降授信约{a:200-1500}万元，希望协调银行稳贷、不抽贷不断贷。',
    '轻资产企业首贷难 :: {name}为轻资产企业，缺少厂房等抵押物，申请{a:50-300}万元首笔信用贷款未获批准。',
  ],
  [ProblemDomain.TALENT_LABOUR]: [
    '一线技工招工难 :: {name}目前缺{a:20-150}名一线操作工和{b:3-20}名{数控|焊接|模具|注塑|装配}技工，节后返岗率偏低。',
    '{电机控制|新材料|工业软件|智能制造|药物研发}研发人才引进难 :: {name}急需相关方向研发工程师{a:2-10}名，开出较高薪酬仍难以招到合适人选，希望对接人才招引政策。',
    '外地骨干员工子女入学难 :: {name}有{a:5-40}名外地骨干员工子女需在{town}就近入学，希望协调学位。',
    '人才公寓房源不足 :: {name}新引进的{a:5-30}名大学生反映周边租房成本高，希望申请人才公寓或租房补贴。',
    '企业技能等级自主认定渠道不畅 :: {name}希望开展企业技能等级自主认定，涉及员工约{a:30-200}名，不清楚备案和评价流程。',
  ],
  [ProblemDomain.ENERGY]: [
    '高峰期限电影响生产 :: {name}夏季用电高峰被列入有序用电名单，每周限电{a:1-3}天，订单交付压力大。',
    '新增用能指标难以落实 :: {name}新建产线预计年新增能耗约{a:500-5000}吨标准煤，节能审查中用能指标紧张。',
    '变压器增容报装周期长 :: {name}申请增容{a:630-2500}千伏安，供电方案已答复，但配套外线工程进度偏慢。',
    '屋顶光伏并网手续繁琐 :: {name}计划利用约{a:5000-30000}平方米厂房屋顶建设分布式光伏，希望简化并网手续、加快办理。',
    '天然气价格上涨推高成本 :: {name}{热处理|烘干|熔炼}工序用气量大，今年用气价格上涨，生产成本增加约{a:5-20}%。',
  ],
  [ProblemDomain.APPROVALS]: [
    '新建项目环评审批周期长 :: {name}年产{a:10-200}万件{汽车零部件|塑料制品|泵阀|精密模具|电机}项目已备案，环评、能评等事项串联办理，预计耗时{b:3-6}个月。',
    '施工许可申报材料多 :: {name}扩建项目施工许可需提交材料{a:15-30}件，希望适用容缺受理、边审边补。',
    '消防验收排期时间长 :: {name}新厂房已竣工，消防验收预约需排队{a:20-45}天，影响设备进场和投产。',
    '竣工验收涉及部门多 :: {name}新建厂房涉及规划、消防、人防等{a:4-6}项验收，希望推行联合验收“一类事”办理。',
    '工业产品生产许可证延续办理慢 :: {name}生产许可证将于{a:1-3}个月后到期，延续申请尚在审查中，担心影响正常生产销售。',
  ],
  [ProblemDomain.ENVIRONMENT]: [
    '扩产后需重新申领排污许可证 :: {name}扩产后污染物排放量变化，需重新申领排污许可证，不清楚新增总量指标如何取得。',
    '排污权指标购买费用高 :: {name}新增{化学需氧量|氨氮|挥发性有机物}排放指标约{a:1-20}吨，排污权购买费用较高，希望分期缴纳。',
    '废气治理设施改造资金压力大 :: {name}需按要求对{喷涂|注塑|焊接}废气治理设施进行提升改造，投资约{a:50-400}万元。',
    '危险废物处置周期长 :: {name}每年产生危险废物约{a:10-200}吨，处置单位排队时间长，厂内暂存压力大。',
    '生产废水纳管困难 :: {name}所在{town}工业区块污水管网不完善，生产废水暂无法纳管，希望协调管网接入。',
  ],
  [ProblemDomain.TAX]: [
    '研发费用加计扣除口径不清 :: {name}对研发人员工资分摊和委托研发费用的加计扣除口径存在疑问，涉及研发投入约{a:100-2000}万元。',
    '出口退税到账慢 :: {name}约{a:100-1500}万元出口退税尚未到账，影响资金周转，希望加快审核。',
    '增值税留抵退税申请材料复杂 :: {name}有留抵税额约{a:50-800}万元，申请退还时对材料要求不清楚。',
    '高新技术企业税收优惠适用疑问 :: {name}高新技术企业资格将于年内到期，对重新认定期间能否享受15%优惠税率存在疑问。',
  ],
  [ProblemDomain.PLANNING_CONSTRUCTION]: [
    '地块控规与现状用途不符 :: {name}所在地块控规调整为{商住|物流仓储|公园绿地}用地，与现有工业用途不符，影响扩建和技改备案。',
    '工业用地容积率调整手续复杂 :: {name}希望将厂区容积率由1.{b:0-9}提高至{c:2-3}.{d:0-9}，规划调整程序复杂、耗时长。',
    '建设工程规划许可变更 :: {name}在建厂房因设备工艺调整需变更平面布局，规划许可变更流程不清楚。',
    '厂房限高影响大型设备安装 :: {name}计划引进的{压铸机|冲压线|立体仓库}需要约{a:15-24}米净高，超出片区限高要求。',
  ],
  [ProblemDomain.LAW]: [
    '货款纠纷需法律指导 :: {name}与{省外|海外|本地}客户发生货款纠纷，涉及金额约{a:50-800}万元，希望获得法律咨询和诉前调解。',
    '专利产品被仿冒维权难 :: {name}{外观设计|实用新型|发明}专利产品在电商平台被仿冒销售，维权取证周期长。',
    '金融借款纠纷执行影响经营 :: {name}因{a:1-3}起金融借款纠纷进入执行程序，希望对厂房设备“活封”，保障正常生产。',
    '劳动争议调解需求 :: {name}与{a:3-15}名离职员工在加班费计算上存在争议，希望协调劳动争议调解。',
    '企业合规经营需要法治体检 :: {name}拟开展{出口管制|数据安全|合同管理}合规建设，希望安排律师团队开展法治体检。',
  ],
  [ProblemDomain.MARKET_ACCESS]: [
    '出口产品认证周期长 :: {name}产品出口{欧盟|美国|东南亚|中东}需办理{CE|UL|ETL|CB}认证，检测周期约{a:2-5}个月，影响接单。',
    '遭遇海外贸易救济调查 :: {name}主要出口产品被列入{反倾销|反补贴}调查范围，涉及出口额约{a:300-5000}万元，希望获得应诉指导。',
    '经营范围变更登记问题 :: {name}新增{医疗器械|食品接触材料|特种设备}业务，需办理相关许可和经营范围变更。',
    '境外展会补助申请 :: {name}计划参加{a:2-5}个境外专业展会，希望了解展位费补助申报渠道。',
  ],
  [ProblemDomain.INFRASTRUCTURE]: [
    '厂区门口道路破损严重 :: {name}门前道路长期被重型货车碾压，路面坑洼积水，影响货物进出和员工通行。',
    '雨季厂区排水不畅 :: {name}所在{town}工业区块排水管网标准偏低，今年以来{a:2-5}次出现厂区积水，存货受损。',
    '道路改造后大货车无法进出 :: {name}因周边道路改造封闭了原有道口，大货车需绕行约{a:2-6}公里，希望恢复或新开道口。',
    '园区公交线路少员工通勤难 :: {name}员工约{a:100-800}人，所在园区公交班次少，希望增设公交线路或站点。',
    '工业区块网络信号弱 :: {name}所在区块5G网络覆盖不足，影响车间设备联网和数字化改造。',
  ],
  [ProblemDomain.TECHNOLOGY]: [
    '{市级|省级}企业研发中心申报辅导 :: {name}研发人员{a:10-60}名，希望申报企业研发中心，需要申报材料辅导。',
    '产学研合作对接需求 :: {name}在{材料改性|精密加工|电机能效|工艺自动化}方面遇到技术瓶颈，希望对接高校和科研院所。',
    '高新技术企业认定准备 :: {name}计划年内申报高新技术企业，对知识产权和研发费用占比要求把握不准。',
    '数字化改造缺少服务商对接 :: {name}计划投入约{a:100-1000}万元实施数字化车间改造，希望推荐合适的工业互联网服务商。',
  ],
  [ProblemDomain.POLICY]: [
    '技改补助资金未及时兑现 :: {name}上年度技改项目补助约{a:20-300}万元已公示，资金尚未到账。',
    '不清楚可申报哪些惠企政策 :: {name}反映政策文件多、渠道分散，不清楚企业可申报哪些奖补政策，希望精准推送。',
    '专精特新企业奖励申报 :: {name}已认定为{市级|省级}专精特新中小企业，希望了解奖励资金申报流程。',
    '稳岗返还资金未到账 :: {name}符合稳岗返还条件，涉及参保员工约{a:50-600}人，返还资金尚未到账。',
  ],
  [ProblemDomain.OTHER]: [
    '厂区周边治安问题 :: {name}反映厂区周边夜间有{a:2-4}起原材料被盗情况，希望加强巡逻。',
    '员工就餐配套不足 :: {name}所在区块缺少职工食堂和餐饮配套，员工约{a:100-600}人就餐不便。',
    '希望对接产业链上下游企业 :: {name}希望参加{汽摩配|模具|泵阀|医药化工}产业链对接活动，拓展本地配套。',
    '企业宿舍消防安全整改 :: {name}员工宿舍需按要求进行消防安全整改，希望得到技术指导。',
  ],
};

const PROBLEM_TEMPLATES = new Map<ProblemDomain, ProblemTemplate[]>(
  Object.values(ProblemDomain).map((d) => [
    d,
    RAW_PROBLEMS[d].map((text) => {
      const [title = '', description = ''] = text.split(' :: ');
      return { title: compile(title), description: compile(description) };
    }),
  ]),
);

const PROBLEM_DOMAIN_WEIGHTS: readonly { weight: number; value: ProblemDomain }[] = [
  { weight: 14, value: ProblemDomain.LAND },
  { weight: 16, value: ProblemDomain.FINANCING },
  { weight: 16, value: ProblemDomain.TALENT_LABOUR },
  { weight: 8, value: ProblemDomain.ENERGY },
  { weight: 12, value: ProblemDomain.APPROVALS },
  { weight: 7, value: ProblemDomain.ENVIRONMENT },
  { weight: 5, value: ProblemDomain.TAX },
  { weight: 6, value: ProblemDomain.PLANNING_CONSTRUCTION },
  { weight: 4, value: ProblemDomain.LAW },
  { weight: 4, value: ProblemDomain.MARKET_ACCESS },
  { weight: 5, value: ProblemDomain.INFRASTRUCTURE },
  { weight: 5, value: ProblemDomain.TECHNOLOGY },
  { weight: 8, value: ProblemDomain.POLICY },
  { weight: 2, value: ProblemDomain.OTHER },
];

function fill(
  parts: readonly Part[],
  rng: Rng,
  name: string,
  town: string,
  vars: Map<string, number>,
): string {
  let s = '';
  for (const p of parts) {
    if (typeof p === 'string') s += p;
    else if ('name' in p) s += name;
    else if ('town' in p) s += town;
    else if ('one' in p) s += rng.pick(p.one);
    else {
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

// ---------------------------------------------------------------------------
// Visit notes
// ---------------------------------------------------------------------------

const KIND_OPENERS: Record<VisitKind, readonly string[]> = {
  [VisitKind.ON_SITE]: ['实地走访企业', '深入生产车间走访', '上门走访企业负责人', '到企业现场调研'],
  [VisitKind.PHONE]: ['电话联系企业负责人', '电话回访企业', '与企业联络员电话沟通'],
  [VisitKind.MEETING]: ['参加片区企业座谈会', '组织行业企业座谈', '参加园区政企恳谈会'],
  [VisitKind.GROUP_SERVICE]: ['随{group}上门开展组团服务', '与{group}成员联合上门服务'],
};

const QUESTION_NOTES: Record<VisitQuestion, readonly string[]> = {
  [VisitQuestion.POLICY]: [
    '宣讲研发费用加计扣除等惠企政策',
    '了解惠企政策兑现情况',
    '推送技改补助申报通知',
    '解读稳岗返还政策',
  ],
  [VisitQuestion.OPERATIONS]: [
    '了解近期产值和订单情况',
    '了解用工和资金周转情况',
    '企业生产经营总体平稳',
    '了解原材料价格变化对企业的影响',
  ],
  [VisitQuestion.PROBLEMS]: ['征询企业困难和诉求', '跟进前期反映问题的办理进度', '企业暂无新的诉求'],
  [VisitQuestion.PROJECTS]: ['了解在建技改项目进度', '了解新项目谋划和投资计划', '跟踪扩产项目前期手续'],
  [VisitQuestion.DEVELOPMENT]: ['交流企业数字化改造思路', '探讨拓展内销市场的思路', '了解企业上市培育意向'],
};

// ---------------------------------------------------------------------------
// Questions as bit masks (crowding checks stay cheap)
// ---------------------------------------------------------------------------

const QUESTIONS: readonly VisitQuestion[] = [
  VisitQuestion.POLICY,
  VisitQuestion.OPERATIONS,
  VisitQuestion.PROBLEMS,
  VisitQuestion.PROJECTS,
  VisitQuestion.DEVELOPMENT,
];
const QUESTION_WEIGHTS: readonly number[] = [1, 1.3, 1.2, 0.7, 0.8];
const ALL_QUESTIONS = (1 << QUESTIONS.length) - 1;
const PROBLEMS_BIT = 1 << QUESTIONS.indexOf(VisitQuestion.PROBLEMS);
/** Visits to one enterprise on one question stay this many days apart (the service refuses 14 or fewer). */
const CROWDING_DAYS = 15;

function questionsOf(mask: number): VisitQuestion[] {
  return QUESTIONS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** `count` questions among `allowed`, weighted; `must` bits are always included (if allowed). */
function pickQuestions(rng: Rng, allowed: number, count: number, must: number): number {
  let mask = must & allowed;
  let n = 0;
  for (let b = mask; b !== 0; b &= b - 1) n++;
  while (n < count) {
    let total = 0;
    for (let i = 0; i < QUESTIONS.length; i++) {
      if ((allowed & ~mask & (1 << i)) !== 0) total += at(QUESTION_WEIGHTS, i);
    }
    if (total === 0) break;
    let r = rng.float() * total;
    for (let i = 0; i < QUESTIONS.length; i++) {
      if ((allowed & ~mask & (1 << i)) === 0) continue;
      r -= at(QUESTION_WEIGHTS, i);
      if (r < 0 || i === QUESTIONS.length - 1) {
        mask |= 1 << i;
        break;
      }
    }
    n++;
  }
  return mask;
}

// ---------------------------------------------------------------------------
// Cadres
// ---------------------------------------------------------------------------

/** Round-robin over shuffled cadres, some listed more than once: most get one enterprise, some 2–5. */
class TicketPool {
  private readonly tickets: number[];
  private pos = 0;
  constructor(rng: Rng, cadres: readonly number[]) {
    const first = rng.shuffle([...cadres]);
    const extra: number[] = [];
    for (const c of cadres) {
      const r = rng.float();
      const copies = r < 0.04 ? 3 : r < 0.1 ? 2 : r < 0.22 ? 1 : 0;
      for (let k = 0; k < copies; k++) extra.push(c);
    }
    this.tickets = first.concat(rng.shuffle(extra));
  }
  get size(): number {
    return this.tickets.length;
  }
  next(): number {
    const c = at(this.tickets, this.pos % this.tickets.length);
    this.pos++;
    return c;
  }
  /** The next cadre other than `not` (or `not` when it is the only one). */
  nextOther(not: number): number {
    for (let i = 0; i < 4; i++) {
      const c = this.next();
      if (c !== not) return c;
    }
    return not;
  }
}

const KIND_WEIGHTS: readonly { weight: number; value: VisitKind }[] = [
  { weight: 60, value: VisitKind.ON_SITE },
  { weight: 25, value: VisitKind.PHONE },
  { weight: 10, value: VisitKind.MEETING },
];

interface GroupSpec {
  name: string;
  kind: DemoServiceGroup['kind'];
  description: string;
  specialties: ProblemDomain[];
  leadCode: string;
}

const CITY_GROUPS: readonly (readonly [string, string, readonly ProblemDomain[]])[] = [
  ['用地', 'TZ-ZGJ', [ProblemDomain.LAND]],
  ['规划建设', 'TZ-ZJJ', [ProblemDomain.PLANNING_CONSTRUCTION, ProblemDomain.INFRASTRUCTURE]],
  ['法律', 'TZ-SFJ', [ProblemDomain.LAW]],
  ['税务', 'TZ-SWJ', [ProblemDomain.TAX]],
  ['金融', 'TZ-JRJ', [ProblemDomain.FINANCING]],
  ['审批', 'TZ-DSJ', [ProblemDomain.APPROVALS, ProblemDomain.MARKET_ACCESS]],
  ['人才', 'TZ-RSJ', [ProblemDomain.TALENT_LABOUR]],
  ['环保', 'TZ-STJ', [ProblemDomain.ENVIRONMENT]],
  ['用能', 'TZ-FGW', [ProblemDomain.ENERGY]],
  ['科技', 'TZ-KJJ', [ProblemDomain.TECHNOLOGY]],
];

const TASK_FORCES: readonly (GroupSpec & { tags: readonly string[] })[] = [
  {
    name: '市重大项目推进专班',
    kind: 'TASK_FORCE',
    description: '由市发改委牵头，统筹推进重大招商项目和重大产业项目的用地、审批、建设等难点问题。',
    specialties: [ProblemDomain.APPROVALS, ProblemDomain.LAND, ProblemDomain.PLANNING_CONSTRUCTION],
    leadCode: 'TZ-FGW',
    tags: ['重大招商项目'],
  },
  {
    name: '市企业上市服务专班',
    kind: 'TASK_FORCE',
    description: '由市地方金融监管局牵头，为拟上市企业协调解决股改、合规、税务等历史遗留问题。',
    specialties: [ProblemDomain.FINANCING, ProblemDomain.LAW, ProblemDomain.TAX],
    leadCode: 'TZ-JRJ',
    tags: ['龙头骨干', '高成长'],
  },
  {
    name: '市助企服务疑难问题攻坚专班',
    kind: 'TASK_FORCE',
    description: '由市经信局牵头，对单个部门难以解决、提级上报的企业诉求实行专班领办、跟踪督办。',
    specialties: [ProblemDomain.POLICY, ProblemDomain.LAND, ProblemDomain.ENERGY, ProblemDomain.FINANCING],
    leadCode: 'TZ-JXJ',
    tags: KEY_ENTERPRISE_TAGS,
  },
];

const COUNTY_GROUP_SPECIALTIES: readonly ProblemDomain[] = [
  ProblemDomain.LAND,
  ProblemDomain.FINANCING,
  ProblemDomain.TALENT_LABOUR,
  ProblemDomain.APPROVALS,
  ProblemDomain.POLICY,
];

/** Share of visits that record problems (Hangzhou: 7,869 appeals from 41,250 visits ≈ 19%). */
const PROBLEM_VISIT_SHARE = 0.17;
const GROUP_SERVICE_SHARE = 0.05;
const NONE = -1;

// ---------------------------------------------------------------------------
// Indexes of the inputs
// ---------------------------------------------------------------------------

interface DepartmentIndex {
  byCode: Map<string, DemoDepartment>;
  city: DemoDepartment[];
  /** County code → its bureaus. */
  county: Map<string, DemoDepartment[]>;
  /** Township code → its enterprise-service office. */
  township: Map<string, DemoDepartment>;
}

function indexDepartments(departments: readonly DemoDepartment[]): DepartmentIndex {
  const index: DepartmentIndex = {
    byCode: new Map(departments.map((d) => [d.code, d])),
    city: departments.filter((d) => d.level === AdministrativeLevel.CITY),
    county: new Map(),
    township: new Map(),
  };
  for (const d of departments) {
    if (d.level === AdministrativeLevel.COUNTY) {
      const list = index.county.get(d.regionCode) ?? [];
      list.push(d);
      index.county.set(d.regionCode, list);
    } else if (d.level === AdministrativeLevel.TOWNSHIP && !index.township.has(d.regionCode)) {
      index.township.set(d.regionCode, d);
    }
  }
  if (index.city.length === 0) throw new Error('no city departments');
  return index;
}

/** The county bureau under 市经信局 (else the county's first) leads service work in its county. */
function leadBureau(depts: DepartmentIndex, county: string): DemoDepartment {
  const list = depts.county.get(county) ?? [];
  const d = list.find((x) => x.parentCode === DEMO_DEPARTMENT_CODE) ?? list[0];
  if (!d) throw new Error(`no departments for county ${county}`);
  return d;
}

interface EnterpriseIndex {
  isKey: Uint8Array;
  /** County code per enterprise. */
  county: string[];
  /** Township per enterprise when it has an office there, else null. */
  township: (string | null)[];
  byCounty: Map<string, number[]>;
  perTownship: Map<string, number>;
  /** Index of the demo enterprise (the first one when none or an unknown one is named). */
  demo: number;
}

function indexEnterprises(
  enterprises: readonly SeedEnterprise[],
  depts: DepartmentIndex,
  demoEnterpriseId: string | undefined,
): EnterpriseIndex {
  const keyTags = new Set(KEY_ENTERPRISE_TAGS);
  const n = enterprises.length;
  const index: EnterpriseIndex = {
    isKey: new Uint8Array(n),
    county: new Array<string>(n),
    township: new Array<string | null>(n),
    byCounty: new Map(),
    perTownship: new Map(),
    demo: 0,
  };
  for (let i = 0; i < n; i++) {
    const e = at(enterprises, i);
    const county = e.regionCode.slice(0, 6);
    if (!depts.county.has(county)) {
      throw new RangeError(`enterprise ${e.id} lies outside the demo city's counties (${e.regionCode})`);
    }
    index.county[i] = county;
    const town = e.regionCode.length === 9 && depts.township.has(e.regionCode) ? e.regionCode : null;
    index.township[i] = town;
    if (town !== null) index.perTownship.set(town, (index.perTownship.get(town) ?? 0) + 1);
    const list = index.byCounty.get(county) ?? [];
    list.push(i);
    index.byCounty.set(county, list);
    if (e.tags.some((t) => keyTags.has(t))) index.isKey[i] = 1;
  }
  if (demoEnterpriseId !== undefined) {
    const demo = enterprises.findIndex((e) => e.id === demoEnterpriseId);
    if (demo >= 0) index.demo = demo;
  }
  return index;
}

// ---------------------------------------------------------------------------
// Cadres
// ---------------------------------------------------------------------------

/** Cadres and where they serve (indices into `cadres`); cadres[0] is the demo cadre. */
interface Staffing {
  cadres: DemoCadre[];
  city: number[];
  county: Map<string, number[]>;
  township: Map<string, number[]>;
}

function activeOf(cadres: readonly DemoCadre[], list: readonly number[]): number[] {
  return list.filter((c) => at(cadres, c).active);
}

/** ~1.03 cadres per enterprise: ~4% city, ~55% county, the rest township, where the enterprises are. */
function staffCadres(rng: Rng, todayYear: number, depts: DepartmentIndex, ents: EnterpriseIndex): Staffing {
  const n = ents.county.length;
  const demoCounty = at(ents.county, ents.demo);
  const total = Math.max(3, Math.round(n * 1.03));
  const cityCount = Math.max(1, Math.round(total * 0.04));
  const counties = [...ents.byCounty.keys()].sort();
  const countyCounts = apportion(
    Math.round(total * 0.55),
    counties.map((c) => ents.byCounty.get(c)?.length ?? 0),
  ).map((k, i) => Math.max(k, counties[i] === demoCounty ? 2 : 1));
  const townships = [...ents.perTownship.keys()].sort();
  const townshipCounts = apportion(
    Math.max(0, total - cityCount - countyCounts.reduce((s, k) => s + k, 0)),
    townships.map((t) => ents.perTownship.get(t) ?? 0),
  );

  const cadres: DemoCadre[] = [];
  const phones = new Set<string>();
  const add = (d: DemoDepartment): number => {
    let phone = mobile(rng);
    while (phones.has(phone)) phone = mobile(rng);
    phones.add(phone);
    const pool = d.domains.length > 1 ? d.domains.filter((x) => x !== ProblemDomain.OTHER) : d.domains;
    const joined = todayYear - 1 - Math.floor(rng.float() * rng.float() * 9);
    cadres.push({
      staffNo: `TZ${joined}-${String(cadres.length + 1).padStart(6, '0')}`,
      name: chineseName(rng),
      departmentCode: d.code,
      level: d.level,
      regionCode: d.regionCode,
      specialties: rng.sample(pool, rng.int(1, Math.min(3, pool.length))),
      phone,
      active: cadres.length === 0 || !rng.chance(0.02),
    });
    return cadres.length - 1;
  };
  /** `count` cadres over `list`: one per department first, then weighted toward the lead. */
  const spread = (count: number, list: readonly DemoDepartment[], lead: DemoDepartment): number[] => {
    const weighted = list.map((d) => ({ weight: d === lead ? 4 : 1, value: d }));
    const order = [lead, ...rng.shuffle(list.filter((d) => d !== lead))];
    const out: number[] = [];
    for (let k = 0; k < count; k++) out.push(add(k < order.length ? at(order, k) : rng.weighted(weighted)));
    return out;
  };

  add(leadBureau(depts, demoCounty)); // the demo cadre
  const staffing: Staffing = {
    cadres,
    city: spread(cityCount, depts.city, at(depts.city, 0)),
    county: new Map(),
    township: new Map(),
  };
  counties.forEach((c, i) => {
    const k = at(countyCounts, i) - (c === demoCounty ? 1 : 0);
    staffing.county.set(c, spread(k, depts.county.get(c) ?? [], leadBureau(depts, c)));
  });
  townships.forEach((t, i) => {
    const d = depts.township.get(t);
    if (!d) return;
    const out: number[] = [];
    for (let k = 0; k < at(townshipCounts, i); k++) out.push(add(d));
    staffing.township.set(t, out);
  });
  // Pools that must serve enterprises keep an active cadre.
  for (const list of [staffing.city, ...staffing.county.values()]) {
    if (list.length > 0 && activeOf(cadres, list).length === 0) at(cadres, at(list, 0)).active = true;
  }
  return staffing;
}

// ---------------------------------------------------------------------------
// Pairings
// ---------------------------------------------------------------------------

/** Per enterprise: paired cadres (index or NONE) and how many days ago each pairing began. */
interface PairingPlan {
  pairings: DemoPairing[];
  primary: Int32Array;
  primaryAge: Int16Array;
  second: Int32Array;
  secondAge: Int16Array;
  city: Int32Array;
  cityAge: Int16Array;
}

function pairCadres(
  rng: Rng,
  days: DaysBefore,
  enterprises: readonly SeedEnterprise[],
  ents: EnterpriseIndex,
  staff: Staffing,
): PairingPlan {
  const { cadres } = staff;
  const n = enterprises.length;
  const cityPool = new TicketPool(rng, activeOf(cadres, staff.city));
  const countyPools = new Map<string, TicketPool>();
  for (const [c, list] of staff.county) countyPools.set(c, new TicketPool(rng, activeOf(cadres, list)));
  const townshipPools = new Map<string, TicketPool>();
  for (const [t, list] of staff.township) {
    const act = activeOf(cadres, list);
    if (act.length > 0) townshipPools.set(t, new TicketPool(rng, act));
  }
  let townshipTickets = 0;
  let countyTickets = 0;
  for (const p of townshipPools.values()) townshipTickets += p.size;
  for (const p of countyPools.values()) countyTickets += p.size;
  const townshipShare = townshipTickets / Math.max(1, townshipTickets + countyTickets);

  const plan: PairingPlan = {
    pairings: [],
    primary: new Int32Array(n).fill(NONE),
    primaryAge: new Int16Array(n),
    second: new Int32Array(n).fill(NONE),
    secondAge: new Int16Array(n),
    city: new Int32Array(n).fill(NONE),
    cityAge: new Int16Array(n),
  };
  const pair = (cadre: number, e: number, primary: boolean, age: number): void => {
    plan.pairings.push({
      staffNo: at(cadres, cadre).staffNo,
      enterpriseId: at(enterprises, e).id,
      primary,
      fromDate: days.format(age),
    });
  };
  const pairingAge = (): number => (rng.chance(0.6) ? rng.int(366, 730) : rng.int(30, 365));

  // The demo cadre (cadres[0]): the demo enterprise and 2–4 more of its county.
  const demoOthers = rng.sample(
    (ents.byCounty.get(at(ents.county, ents.demo)) ?? []).filter((e) => e !== ents.demo),
    rng.int(2, 4),
  );
  plan.primary[ents.demo] = 0;
  plan.primaryAge[ents.demo] = rng.int(200, 700);
  for (const e of demoOthers) {
    plan.primary[e] = 0;
    plan.primaryAge[e] = pairingAge();
  }

  for (let e = 0; e < n; e++) {
    const countyPool = countyPools.get(at(ents.county, e));
    const town = at(ents.township, e);
    const townPool = town !== null ? townshipPools.get(town) : undefined;
    if (plan.primary[e] === NONE) {
      const useTown = townPool !== undefined && (countyPool === undefined || rng.chance(townshipShare));
      const pool = useTown ? townPool : countyPool;
      if (pool === undefined || pool.size === 0) {
        throw new Error(`no active cadre can serve enterprise ${at(enterprises, e).id}`);
      }
      plan.primary[e] = pool.next();
      plan.primaryAge[e] = pairingAge();
    }
    const p = at(plan.primary, e);
    pair(p, e, true, at(plan.primaryAge, e));
    if (rng.chance(0.2)) {
      // A second, non-primary cadre, preferably from the other level.
      const other =
        at(cadres, p).level === AdministrativeLevel.TOWNSHIP ? countyPool : (townPool ?? countyPool);
      const c = other !== undefined && other.size > 0 ? other.nextOther(p) : p;
      if (c !== p) {
        plan.second[e] = c;
        plan.secondAge[e] = rng.int(30, 730);
        pair(c, e, false, at(plan.secondAge, e));
      }
    }
    if (ents.isKey[e] === 1 && cityPool.size > 0) {
      plan.city[e] = cityPool.next();
      plan.cityAge[e] = pairingAge();
      pair(at(plan.city, e), e, true, at(plan.cityAge, e));
    }
  }

  // A handful of city pairings with non-key enterprises: the service reports them as exceptions.
  let cityPairings = 0;
  const nonKey: number[] = [];
  for (let e = 0; e < n; e++) {
    if (plan.city[e] !== NONE) cityPairings++;
    else if (ents.isKey[e] === 0) nonKey.push(e);
  }
  if (cityPool.size > 0 && nonKey.length > 0) {
    for (const e of rng.sample(nonKey, Math.max(1, Math.round(cityPairings * 0.01)))) {
      plan.city[e] = cityPool.next();
      plan.cityAge[e] = rng.int(30, 365);
      pair(at(plan.city, e), e, true, at(plan.cityAge, e));
    }
  }
  return plan;
}

// ---------------------------------------------------------------------------
// Service groups
// ---------------------------------------------------------------------------

interface Groups {
  serviceGroups: DemoServiceGroup[];
  /** Member cadre indices per group, in serviceGroups order. */
  members: number[][];
  /** Enterprise index → the groups called in for it. */
  of: Map<number, number[]>;
}

function formServiceGroups(
  rng: Rng,
  enterprises: readonly SeedEnterprise[],
  ents: EnterpriseIndex,
  depts: DepartmentIndex,
  staff: Staffing,
  regionNames: ReadonlyMap<string, string>,
): Groups {
  const { cadres } = staff;
  const n = enterprises.length;
  const fits = (c: number, specialties: readonly ProblemDomain[]): boolean =>
    at(cadres, c).specialties.some((s) => specialties.includes(s));

  /**
   * 3–8 members who fit: the lead department's people first, then specialists, then cadres of
   * departments that answer for the field (who then count it among their specialties); from
   * `pool` before `fallback`. Others only when fewer than three fit.
   */
  const chooseMembers = (pool: readonly number[], fallback: readonly number[], spec: GroupSpec): number[] => {
    const tiers: number[][] = [[], [], [], [], [], [], []];
    const inPool = new Set(pool);
    for (const [list, offset] of [
      [pool, 0],
      [fallback, 2],
    ] as const) {
      for (const c of activeOf(cadres, list)) {
        if (offset > 0 && inPool.has(c)) continue;
        const cadre = at(cadres, c);
        const domains = depts.byCode.get(cadre.departmentCode)?.domains ?? [];
        const fit = fits(c, spec.specialties);
        const answers = fit || domains.some((d) => spec.specialties.includes(d));
        let tier = 5 + offset / 2;
        if (answers && offset === 0 && cadre.departmentCode === spec.leadCode) tier = 0;
        else if (fit) tier = 1 + offset;
        else if (answers) tier = 2 + offset;
        at(tiers, tier).push(c);
      }
    }
    const want = rng.int(3, 8);
    const out = rng.shuffle(at(tiers, 0)).slice(0, 2);
    for (let t = 1; t <= 4 && out.length < want; t++) {
      for (const c of rng.shuffle(at(tiers, t))) {
        if (out.length >= want) break;
        if (!out.includes(c)) out.push(c);
      }
    }
    for (const c of out) {
      if (fits(c, spec.specialties)) continue;
      const cadre = at(cadres, c);
      const domains = depts.byCode.get(cadre.departmentCode)?.domains ?? [];
      const added = rng.pick(spec.specialties.filter((d) => domains.includes(d)));
      cadre.specialties = [...cadre.specialties.slice(0, 2), added];
    }
    for (let t = 5; t <= 6 && out.length < 3; t++) {
      for (const c of rng.shuffle(at(tiers, t))) if (out.length < 3 && !out.includes(c)) out.push(c);
    }
    return out;
  };

  const groups: Groups = { serviceGroups: [], members: [], of: new Map() };
  const add = (
    spec: GroupSpec,
    regionCodes: string[],
    pool: readonly number[],
    fallback: readonly number[],
    calledIn: number[],
  ): void => {
    const members = chooseMembers(pool, fallback, spec);
    if (members.length === 0) return;
    const g = groups.serviceGroups.length;
    groups.serviceGroups.push({
      name: spec.name,
      kind: spec.kind,
      description: spec.description,
      specialties: [...spec.specialties],
      regionCodes,
      leadDepartmentCode: depts.byCode.has(spec.leadCode) ? spec.leadCode : at(depts.city, 0).code,
      memberStaffNos: members.map((c) => at(cadres, c).staffNo),
      calledInFor: calledIn.map((e) => at(enterprises, e).id),
    });
    groups.members.push(members);
    for (const e of calledIn) groups.of.set(e, [...(groups.of.get(e) ?? []), g]);
  };

  const all = enterprises.map((_, i) => i);
  const allCounty = [...staff.county.values()].flat();
  // 专业服务组 (Wenzhou had ten); county bureaus back them up where the city is thin.
  for (const [label, leadCode, specialties] of CITY_GROUPS) {
    add(
      {
        name: `市${label}专业服务组`,
        kind: 'SERVICE_GROUP',
        description: `由${depts.byCode.get(leadCode)?.shortName ?? '市级部门'}牵头，为企业提供${label}方面的专业服务，协助助企服务员解决个性难题。`,
        specialties: [...specialties],
        leadCode,
      },
      [CITY_CODE],
      staff.city,
      allCounty,
      rng.sample(all, clamp(Math.round(n * 0.004), Math.min(3, n), n)),
    );
  }
  // 帮帮团: one per county, staffed by its bureaus.
  for (const [county, inCounty] of [...ents.byCounty].sort((a, b) => a[0].localeCompare(b[0]))) {
    const lead = leadBureau(depts, county);
    const name = regionNames.get(county) ?? county;
    const townshipCadres = [...staff.township]
      .filter(([t]) => t.startsWith(county))
      .flatMap(([, list]) => list);
    add(
      {
        name: `${name}助企帮帮团`,
        kind: 'SERVICE_GROUP',
        description: `由${lead.shortName}牵头，${name}各要素部门联络员组成，为企业提供用地、融资、用工、审批等组团式服务。`,
        specialties: [...COUNTY_GROUP_SPECIALTIES],
        leadCode: lead.code,
      },
      [county],
      staff.county.get(county) ?? [],
      townshipCadres,
      rng.sample(
        inCounty,
        clamp(Math.round(inCounty.length * 0.04), Math.min(2, inCounty.length), inCounty.length),
      ),
    );
  }
  // 专班, called in for the enterprises their tags point to.
  for (const tf of TASK_FORCES) {
    const tagged = all.filter((e) => at(enterprises, e).tags.some((t) => tf.tags.includes(t)));
    const candidates = tagged.length > 0 ? tagged : all;
    add(tf, [CITY_CODE], staff.city, allCounty, rng.sample(candidates, clamp(Math.round(n * 0.002), 2, 40)));
  }
  return groups;
}

// ---------------------------------------------------------------------------
// Visits
// ---------------------------------------------------------------------------

interface Draft {
  /** Days before today. */
  age: number;
  visit: DemoVisit;
}

const QUESTION_COUNTS: readonly { weight: number; value: number }[] = [
  { weight: 35, value: 1 },
  { weight: 45, value: 2 },
  { weight: 20, value: 3 },
];

function recordVisits(
  rng: Rng,
  days: DaysBefore,
  visitsPerEnterprise: number,
  enterprises: readonly SeedEnterprise[],
  ents: EnterpriseIndex,
  staff: Staffing,
  plan: PairingPlan,
  groups: Groups,
  regionNames: ReadonlyMap<string, string>,
): DemoVisit[] {
  const { cadres } = staff;
  const n = enterprises.length;

  // How many visits each enterprise gets (key enterprises more), and so how often groups come.
  const visitCounts = new Uint8Array(n);
  let totalVisits = 0;
  let calledInVisits = 0;
  for (let e = 0; e < n; e++) {
    const f = ents.isKey[e] === 1 ? 1.4 : 0.96;
    const k = Math.min(60, Math.floor(visitsPerEnterprise * f * (0.5 + rng.float()) + rng.float()));
    visitCounts[e] = k;
    totalVisits += k;
    if (groups.of.has(e)) calledInVisits += k;
  }
  const groupChance =
    calledInVisits > 0 ? Math.min(0.6, (GROUP_SERVICE_SHARE * totalVisits) / calledInVisits) : 0;

  const countyNames = [...ents.byCounty.keys()].map((c) => regionNames.get(c)).filter((s) => s !== undefined);
  const legalPrefix = new RegExp(`^(浙江省?|台州市?)?(${countyNames.join('|')})?`);
  const shortName = (e: number): string => {
    const full = at(enterprises, e).name;
    const s = full
      .replace(legalPrefix, '')
      .replace(/(股份有限公司|集团有限公司|有限责任公司|有限公司|厂)$/, '');
    return s.length < 2 ? full : s;
  };
  const problemsFor = (e: number, visitor: number): DemoVisit['problems'] => {
    const count = rng.chance(0.2) ? 2 : 1;
    const name = shortName(e);
    const town = regionNames.get(at(enterprises, e).regionCode) ?? regionNames.get(at(ents.county, e)) ?? '';
    const own = at(cadres, visitor).specialties;
    const out: DemoVisit['problems'] = [];
    while (out.length < count) {
      const domain = rng.chance(0.3) ? rng.pick(own) : rng.weighted(PROBLEM_DOMAIN_WEIGHTS);
      if (out.some((p) => p.domain === domain)) continue;
      const t = rng.pick(PROBLEM_TEMPLATES.get(domain) ?? []);
      const vars = new Map<string, number>();
      out.push({
        title: fill(t.title, rng, name, town, vars),
        description: fill(t.description, rng, name, town, vars),
        domain,
      });
    }
    return out;
  };
  const notesFor = (
    kind: VisitKind,
    mask: number,
    problems: DemoVisit['problems'],
    group: string | null,
  ): string => {
    const parts = [rng.pick(KIND_OPENERS[kind]).replace('{group}', group ?? '服务组')];
    QUESTIONS.forEach((q, i) => {
      if ((mask & (1 << i)) === 0) return;
      if (q === VisitQuestion.PROBLEMS && problems.length > 0) {
        parts.push(`企业反映“${problems.map((p) => p.title).join('”“')}”，已记录并交办`);
      } else {
        const options = QUESTION_NOTES[q];
        parts.push(rng.pick(problems.length > 0 ? options.slice(0, 2) : options));
      }
    });
    return parts.join('，') + '。';
  };

  // Visits already drafted for the current enterprise: their ages and question masks.
  const takenAge: number[] = [];
  const takenMask: number[] = [];
  const crowded = (age: number): number => {
    let m = 0;
    for (let k = 0; k < takenAge.length; k++) {
      if (Math.abs(at(takenAge, k) - age) < CROWDING_DAYS) m |= at(takenMask, k);
    }
    return m;
  };
  /** One visit between minAge and maxAge days ago, or null when every day tried is crowded. */
  const draft = (
    e: number,
    visitor: number,
    kind: VisitKind,
    group: string | null,
    minAge: number,
    maxAge: number,
  ): Draft | null => {
    const withProblems = rng.chance(PROBLEM_VISIT_SHARE);
    const count = rng.weighted(QUESTION_COUNTS);
    for (let attempt = 0; attempt < 6; attempt++) {
      const age = rng.int(minAge, maxAge);
      const blocked = crowded(age);
      if (withProblems && (blocked & PROBLEMS_BIT) !== 0) continue;
      const mask = pickQuestions(rng, ALL_QUESTIONS & ~blocked, count, withProblems ? PROBLEMS_BIT : 0);
      if (mask === 0) continue;
      takenAge.push(age);
      takenMask.push(mask);
      const problems = withProblems ? problemsFor(e, visitor) : [];
      return {
        age,
        visit: {
          staffNo: at(cadres, visitor).staffNo,
          enterpriseId: at(enterprises, e).id,
          visitedOn: days.format(age),
          kind,
          questions: questionsOf(mask),
          notes: notesFor(kind, mask, problems, group),
          problems,
          serviceGroupName: group,
        },
      };
    }
    return null;
  };

  const visits: DemoVisit[] = [];
  const drafts: Draft[] = [];
  for (let e = 0; e < n; e++) {
    takenAge.length = 0;
    takenMask.length = 0;
    drafts.length = 0;
    const primary = at(plan.primary, e);
    const second = at(plan.second, e);
    const city = at(plan.city, e);
    if (e === ents.demo) {
      // Several recent visits by the demo cadre, spaced so that none crowds another.
      for (
        let k = 0, age = rng.int(1, 7);
        k < 3 && age < 60;
        k++, age += rng.int(CROWDING_DAYS, CROWDING_DAYS + 6)
      ) {
        const d = draft(e, 0, k === 1 ? VisitKind.PHONE : VisitKind.ON_SITE, null, age, age);
        if (d) drafts.push(d);
      }
    }
    const visitors = [{ weight: 70, value: primary }];
    if (second !== NONE) visitors.push({ weight: 12, value: second });
    if (city !== NONE) visitors.push({ weight: 20, value: city });
    const pairedFor = (c: number): number =>
      c === primary ? at(plan.primaryAge, e) : c === second ? at(plan.secondAge, e) : at(plan.cityAge, e);
    const calledIn = groups.of.get(e);
    for (let k = 0; k < at(visitCounts, e); k++) {
      let d: Draft | null;
      if (calledIn !== undefined && rng.chance(groupChance)) {
        const g = rng.pick(calledIn);
        const member = rng.pick(at(groups.members, g));
        d = draft(e, member, VisitKind.GROUP_SERVICE, at(groups.serviceGroups, g).name, 0, 364);
      } else {
        const visitor = rng.weighted(visitors);
        d = draft(e, visitor, rng.weighted(KIND_WEIGHTS), null, 0, Math.min(364, pairedFor(visitor)));
      }
      if (d) drafts.push(d);
    }
    drafts.sort((a, b) => b.age - a.age);
    for (const d of drafts) visits.push(d.visit);
  }
  return visits;
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * Cadres, pairings, visits and service groups for `enterprises`, against `departments` (as from
 * generateDemoDepartments). cadres[0] is the demo cadre: an active county cadre of the
 * 经信局 of the demo enterprise's county, paired with it and 2–4 other enterprises, with visits
 * to it in the last 60 days.
 */
export function generateDemoCadres(
  departments: DemoDepartment[],
  enterprises: SeedEnterprise[],
  options: DemoCadresOptions,
): Omit<DemoCadresData, 'departments'> {
  const rng = new Rng(options.seed ?? DEFAULT_SEED);
  const days = new DaysBefore(parseDay(options.today));
  if (enterprises.length === 0) return { cadres: [], pairings: [], visits: [], serviceGroups: [] };

  const { regionNames } = referenceData();
  const depts = indexDepartments(departments);
  const ents = indexEnterprises(enterprises, depts, options.demoEnterpriseId);
  const staff = staffCadres(rng, Number(options.today.slice(0, 4)), depts, ents);
  const plan = pairCadres(rng, days, enterprises, ents, staff);
  const groups = formServiceGroups(rng, enterprises, ents, depts, staff, regionNames);
  const visits = recordVisits(
    rng,
    days,
    options.visitsPerEnterprise ?? 5,
    enterprises,
    ents,
    staff,
    plan,
    groups,
    regionNames,
  );
  return { cadres: staff.cadres, pairings: plan.pairings, visits, serviceGroups: groups.serviceGroups };
}
