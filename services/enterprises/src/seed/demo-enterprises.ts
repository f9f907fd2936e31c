import * as fs from 'fs';
import * as path from 'path';
import {
  completeCreditCode,
  DEMO_GIVEN_CHARS,
  DEMO_SURNAMES,
  DIVISIONS_FILE,
  SeededRandom,
} from '@sfw/shared-types';

/** A plausible (fictional) Taizhou enterprise for demos and load tests. */
export interface DemoEnterprise {
  name: string;
  creditCode: string;
  regionCode: string;
  industryCode: string;
  scale: 'ABOVE_DESIGNATED' | 'BELOW_DESIGNATED' | 'SMALL_MICRO';
  tags: string[];
  employees: number;
  registeredCapital: number;
  foundedOn: string;
  liaisons: { name: string; role: string; phone: string }[];
  parks: string[];
}

type Scale = DemoEnterprise['scale'];

// ---------------------------------------------------------------------------
// Reference data (data/regions.json, data/industries.json)
// ---------------------------------------------------------------------------

const DATA_DIR = path.join(__dirname, '../../data');

interface RegionRow {
  code: string;
  name: string;
  level: 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP';
  parentCode: string | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function readJsonArray(file: string): unknown[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file} is not a JSON array`);
  return parsed;
}

function loadRegions(): RegionRow[] {
  return (JSON.parse(fs.readFileSync(DIVISIONS_FILE, 'utf8')) as unknown[]).map((r, i) => {
    if (
      !isRecord(r) ||
      typeof r.code !== 'string' ||
      typeof r.name !== 'string' ||
      (r.level !== 'PROVINCE' && r.level !== 'CITY' && r.level !== 'COUNTY' && r.level !== 'TOWNSHIP') ||
      (r.parentCode !== null && typeof r.parentCode !== 'string')
    ) {
      throw new Error(`regions.json row ${i} is malformed`);
    }
    return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode };
  });
}

function loadDivisionCodes(): Set<string> {
  const out = new Set<string>();
  readJsonArray('industries.json').forEach((r, i) => {
    if (!isRecord(r) || typeof r.code !== 'string' || (r.kind !== 'SECTION' && r.kind !== 'DIVISION')) {
      throw new Error(`industries.json row ${i} is malformed`);
    }
    if (r.kind === 'DIVISION') out.add(r.code);
  });
  return out;
}

// ---------------------------------------------------------------------------
// Seeded PRNG and helpers
// ---------------------------------------------------------------------------

class Rng extends SeededRandom {
  /** Log-uniform integer in [min, max]: many small values, a few large. */
  logInt(min: number, max: number): number {
    return Math.round(Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min))));
  }
}

// ---------------------------------------------------------------------------
// Credit codes
// ---------------------------------------------------------------------------

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Organisation-code characters that are also legal in a credit code (no I, O, Z, S, V). */
const ORG_LETTERS = 'ABCDEFGHJKLMNPQRTUWXY';
const DIGITS = '0123456789';

function gb11714Value(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  return c.charCodeAt(0) - 55; // A = 10 … Z = 35
}

/** GB 11714 check character for an 8-character organisation code body. */
export function organizationCodeCheckChar(body: string): string {
  if (body.length !== 8) throw new RangeError('an organisation code body has 8 characters');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += gb11714Value(body.charAt(i)) * (GB11714_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function organizationCodeBody(rng: Rng, foundedYear: number): string {
  // Codes issued since the 2015 reform often start "MA" (e.g. MA2AK…); older ones are digits.
  if (foundedYear >= 2016 && rng.chance(0.5)) {
    let s = 'MA2';
    for (let i = 0; i < 5; i++) s += rng.chance(0.45) ? rng.pick([...ORG_LETTERS]) : rng.pick([...DIGITS]);
    return s;
  }
  let s = '';
  for (let i = 0; i < 8; i++) s += rng.pick([...DIGITS]);
  return s;
}

function makeCreditCode(rng: Rng, countyCode: string, foundedYear: number): string {
  const body = organizationCodeBody(rng, foundedYear);
  return completeCreditCode('91' + countyCode + body + organizationCodeCheckChar(body));
}

// ---------------------------------------------------------------------------
// Regions and parks
// ---------------------------------------------------------------------------

/** County weights: more enterprises in the manufacturing heartlands. */
const COUNTY_WEIGHTS: Record<string, number> = {
  '331002': 15, // 椒江区
  '331003': 14, // 黄岩区
  '331004': 17, // 路桥区
  '331022': 4, // 三门县
  '331023': 5, // 天台县
  '331024': 4, // 仙居县
  '331081': 18, // 温岭市
  '331082': 12, // 临海市
  '331083': 11, // 玉环市
};

/** The name prefix a local enterprise registers under. */
const COUNTY_PREFIX: Record<string, string> = {
  '331002': '台州市椒江区',
  '331003': '台州市黄岩区',
  '331004': '台州市路桥区',
  '331022': '三门县',
  '331023': '天台县',
  '331024': '仙居县',
  '331081': '温岭市',
  '331082': '临海市',
  '331083': '玉环市',
};

interface Park {
  name: string;
  /** Township names the park covers; absent means anywhere in the county. */
  townships?: readonly string[];
}

const COUNTY_PARKS: Record<string, readonly Park[]> = {
  '331002': [
    { name: '椒江经济开发区' },
    { name: '台州湾新区', townships: ['三甲街道', '海虹街道', '下陈街道'] },
  ],
  '331003': [{ name: '黄岩经济开发区' }],
  '331004': [
    { name: '路桥经济开发区' },
    { name: '台州湾新区', townships: ['金清镇', '滨海工业城', '滨海新区'] },
  ],
  '331022': [{ name: '三门经济开发区' }],
  '331023': [{ name: '天台经济开发区' }],
  '331024': [{ name: '仙居经济开发区' }],
  '331081': [{ name: '温岭经济开发区' }, { name: '温岭东部新区', townships: ['东部新区'] }],
  '331082': [{ name: '临海经济开发区' }, { name: '头门港经济开发区', townships: ['杜桥镇', '上盘镇'] }],
  '331083': [{ name: '玉环经济开发区' }],
};

interface Township {
  code: string;
  name: string;
  county: string;
}

interface CountyPool {
  county: string;
  townships: { weight: number; value: Township }[];
}

function townshipWeight(name: string): number {
  if (name.endsWith('街道') || name.endsWith('镇')) return 3;
  if (name.endsWith('乡')) return 1;
  return 1; // statistical units such as 滨海工业城, 月湖新城
}

function buildCountyPools(regions: RegionRow[]): { weight: number; value: CountyPool }[] {
  const byCounty = new Map<string, Township[]>();
  for (const r of regions) {
    if (r.level !== 'TOWNSHIP' || r.parentCode === null) continue;
    const list = byCounty.get(r.parentCode) ?? [];
    list.push({ code: r.code, name: r.name, county: r.parentCode });
    byCounty.set(r.parentCode, list);
  }
  const pools: { weight: number; value: CountyPool }[] = [];
  for (const [county, list] of [...byCounty.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    pools.push({
      weight: COUNTY_WEIGHTS[county] ?? 2,
      value: { county, townships: list.map((t) => ({ weight: townshipWeight(t.name), value: t })) },
    });
  }
  if (pools.length === 0) throw new Error('regions.json has no townships');
  return pools;
}

function parksFor(t: Township): string[] {
  return (COUNTY_PARKS[t.county] ?? [])
    .filter((p) => p.townships === undefined || p.townships.includes(t.name))
    .map((p) => p.name);
}

// ---------------------------------------------------------------------------
// Industries (GB/T 4754-2017 classes), weighted toward Taizhou's real industries
// ---------------------------------------------------------------------------

interface IndustryProfile {
  code: string;
  weight: number;
  /** Business words used in names. */
  words: readonly string[];
  manufacturing: boolean;
}

const mfg = (code: string, weight: number, words: string[]): IndustryProfile => ({
  code,
  weight,
  words,
  manufacturing: true,
});
const svc = (code: string, weight: number, words: string[]): IndustryProfile => ({
  code,
  weight,
  words,
  manufacturing: false,
});

const INDUSTRIES: readonly IndustryProfile[] = [
  mfg('3670', 12, ['汽车零部件', '汽配', '汽车部件', '汽车配件']), // 汽车零部件及配件制造
  mfg('3752', 6, ['摩托车配件', '摩配', '机车部件']), // 摩托车零部件及配件制造
  mfg('3751', 1, ['摩托车', '机车']), // 摩托车整车制造
  mfg('3612', 0.5, ['新能源汽车']), // 新能源车整车制造
  mfg('2929', 7, ['塑料制品', '塑业', '塑胶']), // 塑料零件及其他塑料制品制造
  mfg('2927', 4, ['日用塑料制品', '塑料日用品', '家居用品']), // 日用塑料制品制造
  mfg('3525', 8, ['模具', '模塑', '精密模具']), // 模具制造
  mfg('2710', 3, ['药业', '医药化工', '制药']), // 化学药品原料药制造
  mfg('2720', 3, ['药业', '制药', '医药']), // 化学药品制剂制造
  mfg('2740', 1, ['中药', '药业']), // 中成药生产
  mfg('2614', 1, ['化工', '精细化工']), // 有机化学原料制造
  mfg('3553', 5, ['缝纫机', '缝制设备', '缝制机械']), // 缝制机械制造
  mfg('3441', 6, ['泵业', '水泵', '机电']), // 泵及真空设备制造
  mfg('3443', 5, ['阀门', '水暖阀门', '阀业']), // 阀门和旋塞制造
  mfg('3811', 2, ['发电机', '电机']), // 发电机及发电机组制造
  mfg('3812', 4, ['电机', '电动机']), // 电动机制造
  mfg('3587', 3, ['眼镜', '光学']), // 眼镜制造
  mfg('3484', 5, ['机械', '精密机械', '五金机械']), // 机械零部件加工
  mfg('3321', 3, ['工具', '刃具', '量刃具']), // 切削工具制造
  mfg('3465', 2, ['电动工具', '电器']), // 风动和电动工具制造
  mfg('3572', 2, ['农业机械', '农机']), // 机械化农业及园艺机具制造
  mfg('3823', 2, ['电气', '开关']), // 配电开关控制设备制造
  mfg('3360', 2, ['表面处理', '热处理']), // 金属表面处理及热处理加工
  mfg('1953', 2, ['鞋业', '鞋材']), // 塑料鞋制造
  mfg('2130', 2, ['休闲用品', '家具']), // 金属家具制造
  mfg('2439', 1, ['工艺品', '工艺']), // 其他工艺美术及礼仪用品制造
  mfg('3731', 1, ['船舶', '造船']), // 金属船舶制造
  mfg('3734', 1, ['船舶配件', '船舶设备']), // 船用配套设备制造
  mfg('1361', 1, ['水产', '海产品']), // 水产品冷冻加工
  svc('0153', 1, ['果业', '柑橘', '农业开发']), // 柑橘类种植
  svc('0411', 0.5, ['水产养殖', '海水养殖']), // 海水养殖
  svc('4710', 2, ['建设', '建筑工程']), // 住宅房屋建筑
  svc('5012', 2, ['装饰工程', '建筑装饰']), // 住宅装饰和装修
  svc('5172', 2, ['汽配贸易', '汽车配件']), // 汽车及零配件批发
  svc('5174', 2, ['五金', '五金贸易']), // 五金产品批发
  svc('5181', 2, ['进出口', '国际贸易', '贸易']), // 贸易代理
  svc('5193', 1, ['电子商务', '电商']), // 互联网批发
  svc('5292', 2, ['电子商务', '网络科技']), // 互联网零售
  svc('6513', 3, ['软件', '信息技术', '网络科技']), // 应用软件开发
  svc('6531', 2, ['信息科技', '智能科技', '数字科技']), // 信息系统集成服务
  svc('5431', 2, ['物流', '运输', '货运']), // 普通货物道路运输
  svc('5821', 2, ['国际物流', '货运代理']), // 货物运输代理
  svc('5920', 1, ['仓储', '仓储物流']), // 通用仓储
  svc('7224', 1, ['供应链管理', '供应链']), // 供应链管理服务
  svc('6210', 1, ['餐饮管理', '餐饮']), // 正餐服务
  svc('6110', 0.5, ['酒店管理', '大酒店']), // 旅游饭店
  svc('7241', 1, ['财务咨询', '财税服务']), // 会计、审计及税务服务
  svc('7320', 1, ['科技研发', '技术研究']), // 工程和技术研究和试验发展
  svc('7484', 1, ['工程设计', '建筑设计']), // 工程设计活动
];

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

const BRAND_CHARS = [
  ...'鑫达华宏盛泰恒源丰瑞隆兴昌顺通利祥凯金永远新创联力海东方正和美博豪佳益信诚德安康明晨星宇天亿万森峰嘉腾跃龙辉旭骏航洲江岩川锦富荣鼎晟钧灿',
];
const ROLES = ['总经理', '董事长', '办公室主任', '财务负责人', '行政经理', '副总经理', '生产厂长'] as const;
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '186',
  '187',
  '188',
  '189',
];

function brand(rng: Rng, length: number): string {
  const chars: string[] = [];
  while (chars.length < length) {
    const c = rng.pick(BRAND_CHARS);
    if (!chars.includes(c)) chars.push(c);
  }
  return chars.join('');
}

function namePrefix(rng: Rng, county: string, scale: Scale): string {
  const local = COUNTY_PREFIX[county] ?? '台州';
  const [zj, tz] =
    scale === 'ABOVE_DESIGNATED' ? [0.45, 0.2] : scale === 'BELOW_DESIGNATED' ? [0.15, 0.2] : [0.05, 0.15];
  const r = rng.float();
  if (r < zj) return '浙江';
  if (r < zj + tz) return '台州';
  return local;
}

function legalForm(rng: Rng, scale: Scale, prefix: string): string {
  if (scale === 'ABOVE_DESIGNATED') {
    const r = rng.float();
    if (r < (prefix === '浙江' ? 0.4 : 0.2)) return '股份有限公司';
    if (r < 0.5 && (prefix === '浙江' || prefix === '台州')) return '集团有限公司';
  }
  return '有限公司';
}

/**
 * Not the shared `chineseName`: this one may repeat a given-name character and draws in another
 * order (chance, given name, surname); it stays so that a seed gives the same enterprises.
 */
function personName(rng: Rng): string {
  const given = rng.chance(0.75)
    ? rng.pick(DEMO_GIVEN_CHARS) + rng.pick(DEMO_GIVEN_CHARS)
    : rng.pick(DEMO_GIVEN_CHARS);
  return rng.pick(DEMO_SURNAMES) + given;
}

function mobile(rng: Rng): string {
  let s = rng.pick(MOBILE_PREFIXES);
  for (let i = 0; i < 8; i++) s += String(rng.int(0, 9));
  return s;
}

// ---------------------------------------------------------------------------
// Scale-dependent figures
// ---------------------------------------------------------------------------

function pickScale(rng: Rng): Scale {
  const r = rng.float();
  return r < 0.15 ? 'ABOVE_DESIGNATED' : r < 0.4 ? 'BELOW_DESIGNATED' : 'SMALL_MICRO';
}

function employeesFor(rng: Rng, scale: Scale, manufacturing: boolean): number {
  const factor = manufacturing ? 1 : 0.5;
  const [lo, hi] =
    scale === 'ABOVE_DESIGNATED' ? [80, 3000] : scale === 'BELOW_DESIGNATED' ? [20, 300] : [3, 60];
  return Math.max(2, Math.round(rng.logInt(lo, hi) * factor));
}

function capitalFor(rng: Rng, scale: Scale): number {
  if (scale === 'ABOVE_DESIGNATED') return Math.round(rng.logInt(1000, 60000) / 100) * 100;
  if (scale === 'BELOW_DESIGNATED') return Math.round(rng.logInt(200, 3000) / 50) * 50;
  return Math.max(10, Math.round(rng.logInt(10, 500) / 10) * 10);
}

function foundedOnFor(rng: Rng, scale: Scale): string {
  const [from, to] =
    scale === 'ABOVE_DESIGNATED' ? [1985, 2018] : scale === 'BELOW_DESIGNATED' ? [1992, 2022] : [1998, 2024];
  const year = rng.int(from, to);
  const month = rng.int(1, 12);
  const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function tagsFor(rng: Rng, scale: Scale, profile: IndustryProfile): string[] {
  const tags: string[] = [];
  const add = (tag: string, p: number): void => {
    if (rng.chance(p)) tags.push(tag);
  };
  if (scale === 'ABOVE_DESIGNATED') {
    add('龙头骨干', 0.15);
    add('高成长', 0.2);
    add('隐形冠军(培育)', 0.1);
    add('专精特新', 0.3);
    add('重大招商项目', 0.05);
    add('高新技术企业', 0.4);
  } else if (scale === 'BELOW_DESIGNATED') {
    add('高成长', 0.08);
    add('专精特新', 0.06);
    add('隐形冠军(培育)', 0.02);
    add('重大招商项目', 0.01);
    add('高新技术企业', 0.12);
    add('科技型中小企业', 0.2);
  } else {
    add('高成长', 0.02);
    add('专精特新', 0.01);
    add('科技型中小企业', 0.08);
  }
  if (profile.manufacturing) add('外贸出口', scale === 'SMALL_MICRO' ? 0.1 : 0.3);
  return tags;
}

// ---------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------

interface ReferenceData {
  counties: { weight: number; value: CountyPool }[];
  industries: { weight: number; value: IndustryProfile }[];
}

let cached: ReferenceData | undefined;

function referenceData(): ReferenceData {
  if (cached) return cached;
  const divisions = loadDivisionCodes();
  for (const p of INDUSTRIES) {
    if (!divisions.has(p.code.slice(0, 2)))
      throw new Error(`industry ${p.code} has no division in industries.json`);
  }
  cached = {
    counties: buildCountyPools(loadRegions()),
    industries: INDUSTRIES.map((p) => ({ weight: p.weight, value: p })),
  };
  return cached;
}

/** Deterministic demo enterprises: the same `count` and `seed` always give the same rows. */
export function generateDemoEnterprises(count: number, seed = 20240601): DemoEnterprise[] {
  const { counties, industries } = referenceData();
  const rng = new Rng(seed);
  const names = new Set<string>();
  const codes = new Set<string>();
  const out: DemoEnterprise[] = [];

  for (let n = 0; n < count; n++) {
    const pool = rng.weighted(counties);
    const township = rng.weighted(pool.townships);
    const profile = rng.weighted(industries);
    const scale = pickScale(rng);
    const foundedOn = foundedOnFor(rng, scale);

    // Unique name: retry with a new brand, then lengthen it.
    const prefix = namePrefix(rng, township.county, scale);
    const word = rng.pick(profile.words);
    const form = legalForm(rng, scale, prefix);
    let name = '';
    for (let attempt = 0; name === '' || names.has(name); attempt++) {
      name = prefix + brand(rng, attempt < 6 ? 2 : 3) + word + form;
    }
    names.add(name);

    let creditCode = '';
    while (creditCode === '' || codes.has(creditCode)) {
      creditCode = makeCreditCode(rng, township.county, Number(foundedOn.slice(0, 4)));
    }
    codes.add(creditCode);

    const parkChance = profile.manufacturing
      ? { ABOVE_DESIGNATED: 0.5, BELOW_DESIGNATED: 0.35, SMALL_MICRO: 0.15 }[scale]
      : 0.05;
    const candidates = parksFor(township);
    const parks = candidates.length > 0 && rng.chance(parkChance) ? [rng.pick(candidates)] : [];

    const roles = profile.manufacturing ? ROLES : ROLES.filter((r) => r !== '生产厂长');
    const first = rng.pick(roles);
    const liaisons = [{ name: personName(rng), role: first, phone: mobile(rng) }];
    if (scale !== 'SMALL_MICRO' || rng.chance(0.3)) {
      const second = rng.pick(roles.filter((r) => r !== first));
      liaisons.push({ name: personName(rng), role: second, phone: mobile(rng) });
    }

    out.push({
      name,
      creditCode,
      regionCode: township.code,
      industryCode: profile.code,
      scale,
      tags: tagsFor(rng, scale, profile),
      employees: employeesFor(rng, scale, profile.manufacturing),
      registeredCapital: capitalFor(rng, scale),
      foundedOn,
      liaisons,
      parks,
    });
  }
  return out;
}
