/**
 * The demo catalogue of 台州 business-support policies (惠企政策): city and county departments'
 * policies with machine-checkable eligibility over the enterprise attributes the demo enterprises
 * carry (scale, GB/T 4754 industry, tags, parks, employees, registered capital, founding date), an
 * amount rule, required materials and a validity; four are granted without application (免申即享);
 * three umbrella policies consolidate the narrow ones they replace (温州 consolidated 178 into 5).
 *
 * Pure and deterministic: the same `today` gives the same catalogue. Dates are offsets from it.
 */
import { EnterpriseScale } from '@sfw/shared-types';
import { BenefitKind, chinaToday, PolicyCategory } from '../policy/model';
import type { AmountRule } from '../rules/amount';
import type { Rule } from '../rules/rules';

/** An issuing department of the demo (cadres demo: data/departments.json and the county bureaus). */
export interface DemoPolicyDepartment {
  /** The cadres demo code (TZ-JXJ, LQ-JXJ): the demo staff account is `demo-<code>`. */
  code: string;
  name: string;
  level: 'CITY' | 'COUNTY';
  regionCode: string;
}

const dept = (code: string, name: string, regionCode: string): DemoPolicyDepartment => ({
  code,
  name,
  level: regionCode === '331000' ? 'CITY' : 'COUNTY',
  regionCode,
});

const JXJ = dept('TZ-JXJ', '台州市经济和信息化局', '331000');
const KJJ = dept('TZ-KJJ', '台州市科学技术局', '331000');
const RSJ = dept('TZ-RSJ', '台州市人力资源和社会保障局', '331000');
const SHWJ = dept('TZ-SHWJ', '台州市商务局', '331000');
const CZJ = dept('TZ-CZJ', '台州市财政局', '331000');
const FGW = dept('TZ-FGW', '台州市发展和改革委员会', '331000');
const JRJ = dept('TZ-JRJ', '台州市地方金融监督管理局', '331000');
const SJJ = dept('TZ-SJJ', '台州市市场监督管理局', '331000');
const SWJ = dept('TZ-SWJ', '国家税务总局台州市税务局', '331000');
const TCZX = dept('TZ-TCZX', '台州市投资促进中心', '331000');
const DSJ = dept('TZ-DSJ', '台州市数据局', '331000');
const NYJ = dept('TZ-NYJ', '台州市农业农村局', '331000');
const LQ_JXJ = dept('LQ-JXJ', '路桥区经济和信息化局', '331004');
const JJ_RSJ = dept('JJ-RSJ', '椒江区人力资源和社会保障局', '331002');
const HY_KJJ = dept('HY-KJJ', '黄岩区科学技术局', '331003');
const WL_JXJ = dept('WL-JXJ', '温岭市经济和信息化局', '331081');
const LH_JXJ = dept('LH-JXJ', '临海市经济和信息化局', '331082');
const YH_SHWJ = dept('YH-SHWJ', '玉环市商务局', '331083');
const TT_JXJ = dept('TT-JXJ', '天台县经济和信息化局', '331023');
const SM_JXJ = dept('SM-JXJ', '三门县经济和信息化局', '331022');
const XJ_KJJ = dept('XJ-KJJ', '仙居县科学技术局', '331024');

/** Every department the catalogue names (for tests and tools that need them projected). */
export const DEMO_POLICY_DEPARTMENTS: readonly DemoPolicyDepartment[] = [
  JXJ,
  KJJ,
  RSJ,
  SHWJ,
  CZJ,
  FGW,
  JRJ,
  SJJ,
  SWJ,
  TCZX,
  DSJ,
  NYJ,
  LQ_JXJ,
  JJ_RSJ,
  HY_KJJ,
  WL_JXJ,
  LH_JXJ,
  YH_SHWJ,
  TT_JXJ,
  SM_JXJ,
  XJ_KJJ,
];

export interface DemoPolicy {
  /** Stable key within the catalogue; `replaces` refers to keys. */
  key: string;
  title: string;
  summary: string;
  /** The issuing department's name (resolved to an id from the department projection). */
  department: string;
  /** Its cadres demo code, for the demo staff account `demo-<code>`. */
  departmentCode: string;
  /** The department's region or below it. */
  regionCode: string;
  category: PolicyCategory;
  benefitKind: BenefitKind;
  amountRule: AmountRule;
  materials: string[];
  rule: Rule;
  autoGrant: boolean;
  payoutWorkdays: number;
  /** YYYY-MM-DD, within the past year. */
  validFrom: string;
  /** YYYY-MM-DD in the future, or null (open-ended). */
  validTo: string | null;
  /** Keys of the older, narrower policies this umbrella policy consolidates (整合). */
  replaces: string[];
  /** Left as a draft by the seed. */
  draft: boolean;
  /**
   * Demo history: the share of eligible enterprises that apply while the policy is open (0 for
   * policies granted without application and drafts).
   */
  takeUp: number;
}

// --- rule helpers --------------------------------------------------------------------------------

const { ABOVE_DESIGNATED: ABOVE, BELOW_DESIGNATED: BELOW, SMALL_MICRO: SMALL } = EnterpriseScale;

const all = (...rules: Rule[]): Rule => ({ all: rules });
const any = (...rules: Rule[]): Rule => ({ any: rules });
const region = (...codes: string[]): Rule => ({ attr: 'region', in: codes });
const industry = (...codes: string[]): Rule => ({ attr: 'industry', in: codes });
const scale = (...scales: EnterpriseScale[]): Rule => ({ attr: 'scale', in: scales });
const tagsAny = (...tags: string[]): Rule => ({ attr: 'tags', any: tags });
const tagsAll = (...tags: string[]): Rule => ({ attr: 'tags', all: tags });
const parks = (...names: string[]): Rule => ({ attr: 'parks', any: names });
/** A numeric range leaf without absent bounds (inclusive; registeredCapital in 万元). */
const range = (attr: 'employees' | 'registeredCapital' | 'ageYears', min?: number, max?: number): Rule => ({
  attr,
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
});
const employees = (min?: number, max?: number): Rule => range('employees', min, max);
const capital = (min?: number, max?: number): Rule => range('registeredCapital', min, max);
const age = (min?: number, max?: number): Rule => range('ageYears', min, max);
/** 制造业 (GB/T 4754 section C). */
const MANUFACTURING = industry('C');

const fixed = (amount: number): AmountRule => ({ kind: 'FIXED', amount });
const share = (baseLabel: string, s: number, cap: number | null, min?: number): AmountRule =>
  min === undefined
    ? { kind: 'SHARE', baseLabel, share: s, cap }
    : { kind: 'SHARE', baseLabel, share: s, cap, min };
const NONE: AmountRule = { kind: 'NONE' };

const MANUFACTURING_POLICY = '《台州市推进制造业高质量发展若干政策》';
const TECH_POLICY = '《台州市加快科技创新若干政策》';
const ECONOMY_2026 = '《台州市推动经济高质量发展若干政策（2026年版）》';
const TALENT_POLICY = '《台州市人才新政若干意见》';
const OPENING_POLICY = '《台州市推进更高水平对外开放若干政策》';
const FINANCE_POLICY = '《台州市金融支持实体经济高质量发展若干政策》';
const LUQIAO_POLICY = '《路桥区促进工业经济高质量发展若干政策》';
const LUQIAO_TRAIN = '《路桥区惠企政策直通车（2026年版）》';

type Entry = Omit<
  DemoPolicy,
  'department' | 'departmentCode' | 'validFrom' | 'validTo' | 'replaces' | 'draft'
> & {
  dept: DemoPolicyDepartment;
  /** Days before today the policy takes effect (≤ 365). */
  from: number;
  /** Days after today it ends; null: open-ended. */
  to: number | null;
  replaces?: string[];
  draft?: boolean;
};

const ENTRIES: readonly Entry[] = [
  // --- 市经信局: four narrow manufacturing policies, consolidated into one in the 2026 edition -------
  {
    key: 'jxj-tech-upgrade',
    title: `${MANUFACTURING_POLICY}之技术改造项目补助`,
    summary:
      '对工业企业实施的技术改造项目，按项目设备（含软件）投资额给予补助。项目须已竣工投产并通过验收，设备投资额不低于200万元。同一项目不得重复享受市级财政补助。',
    dept: JXJ,
    regionCode: '331000',
    category: PolicyCategory.TECH_UPGRADE,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('设备投资额', 0.1, 3_000_000),
    materials: ['营业执照', '技术改造项目备案通知书', '项目投资发票', '项目竣工验收报告'],
    rule: all(MANUFACTURING, scale(ABOVE, BELOW), employees(30)),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 352,
    to: 40,
    takeUp: 0.22,
  },
  {
    key: 'jxj-digital',
    title: `${MANUFACTURING_POLICY}之数字化改造补助`,
    summary:
      '支持规上工业企业和专精特新企业开展数字化车间、智能工厂建设。按数字化改造实际投入给予补助。改造须接入企业设备联网或工业互联网平台。',
    dept: JXJ,
    regionCode: '331000',
    category: PolicyCategory.DIGITAL,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('数字化改造投入', 0.15, 1_000_000),
    materials: ['营业执照', '数字化改造项目实施方案', '项目投资发票', '设备联网证明'],
    rule: all(MANUFACTURING, any(scale(ABOVE), tagsAny('专精特新', '高新技术企业'))),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 346,
    to: 40,
    takeUp: 0.18,
  },
  {
    key: 'jxj-first-set',
    title: `${MANUFACTURING_POLICY}之首台（套）装备保险补偿`,
    summary:
      '对认定为省级及以上首台（套）装备的产品，按企业投保首台（套）重大技术装备综合保险的实际保费给予补偿。补偿期限不超过三年。',
    dept: JXJ,
    regionCode: '331000',
    category: PolicyCategory.TECH_INNOVATION,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('首台套保险保费', 0.8, 500_000),
    materials: ['营业执照', '首台（套）产品认定文件', '保险合同及保费发票'],
    rule: all(industry('34', '35', '38'), tagsAny('专精特新', '隐形冠军(培育)', '龙头骨干')),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 340,
    to: 40,
    takeUp: 0.3,
  },
  {
    key: 'jxj-robots',
    title: `${MANUFACTURING_POLICY}之“机器换人”智能装备购置补助`,
    summary:
      '对规下工业企业购置工业机器人、数控机床等智能装备给予补助。单台（套）设备价格不低于10万元。鼓励中小企业以“机器换人”提高劳动生产率。',
    dept: JXJ,
    regionCode: '331000',
    category: PolicyCategory.TECH_UPGRADE,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('智能装备购置额', 0.08, 500_000),
    materials: ['营业执照', '设备购置合同', '项目投资发票'],
    rule: all(MANUFACTURING, scale(BELOW), employees(20)),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 335,
    to: 40,
    takeUp: 0.12,
  },
  {
    key: 'jxj-upgrade-2026',
    title: `${ECONOMY_2026}之制造业技术改造综合奖补`,
    summary:
      '整合原技术改造、数字化改造、首台（套）保险补偿、“机器换人”等四项政策，实行“一个口子申报、一次审核兑现”。按技改项目设备及软件投资额的12%给予补助，最高500万元。原四项政策同步废止，在办申报按原政策办结。',
    dept: JXJ,
    regionCode: '331000',
    category: PolicyCategory.TECH_UPGRADE,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('技改项目设备及软件投资额', 0.12, 5_000_000, 50_000),
    materials: ['营业执照', '技术改造项目备案通知书', '项目投资发票', '项目竣工验收报告'],
    rule: all(MANUFACTURING, any(scale(ABOVE, BELOW), tagsAny('专精特新'))),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 118,
    to: null,
    replaces: ['jxj-tech-upgrade', 'jxj-digital', 'jxj-first-set', 'jxj-robots'],
    takeUp: 0.2,
  },

  // --- 市科技局: four science and technology policies, consolidated -------------------------------
  {
    key: 'kjj-rd-deduction',
    title: `${TECH_POLICY}之研发费用加计扣除奖励`,
    summary:
      '对享受研发费用加计扣除政策的高新技术企业和科技型中小企业，按上年度研发费用加计扣除额给予奖励。以税务部门确认的加计扣除数据为准。',
    dept: KJJ,
    regionCode: '331000',
    category: PolicyCategory.TECH_INNOVATION,
    benefitKind: BenefitKind.REWARD,
    amountRule: share('研发费用加计扣除额', 0.05, 1_000_000),
    materials: ['营业执照', '研发费用专项审计报告', '企业所得税年度纳税申报表'],
    rule: tagsAny('高新技术企业', '科技型中小企业'),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 358,
    to: 40,
    takeUp: 0.35,
  },
  {
    key: 'kjj-high-tech',
    title: `${TECH_POLICY}之高新技术企业认定奖励`,
    summary: '对首次通过认定或重新认定的国家高新技术企业给予一次性奖励。已享受过同类奖励的不再重复奖励。',
    dept: KJJ,
    regionCode: '331000',
    category: PolicyCategory.TECH_INNOVATION,
    benefitKind: BenefitKind.REWARD,
    amountRule: fixed(200_000),
    materials: ['营业执照', '高新技术企业证书'],
    rule: tagsAny('高新技术企业'),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 350,
    to: 40,
    takeUp: 0.55,
  },
  {
    key: 'kjj-small-tech',
    title: `${TECH_POLICY}之科技型中小企业培育奖励`,
    summary: '对入库的科技型中小企业给予一次性培育奖励。引导中小企业加大研发投入、走创新发展之路。',
    dept: KJJ,
    regionCode: '331000',
    category: PolicyCategory.TECH_INNOVATION,
    benefitKind: BenefitKind.REWARD,
    amountRule: fixed(20_000),
    materials: ['营业执照', '科技型中小企业入库登记编号'],
    rule: all(tagsAny('科技型中小企业'), scale(BELOW, SMALL)),
    autoGrant: false,
    payoutWorkdays: 10,
    from: 344,
    to: 40,
    takeUp: 0.45,
  },
  {
    key: 'kjj-rd-centre',
    title: `${TECH_POLICY}之企业研发机构建设补助`,
    summary:
      '对新认定为省级企业研究院、省级高新技术企业研发中心的规上企业给予补助。补助资金用于研发设备购置和研发人员引进。',
    dept: KJJ,
    regionCode: '331000',
    category: PolicyCategory.TECH_INNOVATION,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: fixed(500_000),
    materials: ['营业执照', '省级研发机构认定文件', '研发设备清单'],
    rule: all(scale(ABOVE), tagsAny('高新技术企业', '专精特新')),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 338,
    to: 40,
    takeUp: 0.25,
  },
  {
    key: 'kjj-innovation-2026',
    title: `${ECONOMY_2026}之科技创新综合奖励`,
    summary:
      '整合原研发费用加计扣除奖励、高新技术企业认定奖励、科技型中小企业培育奖励、研发机构建设补助等四项政策。按企业年度研发投入的10%给予奖励，最高300万元，最低2万元。原四项政策同步废止。',
    dept: KJJ,
    regionCode: '331000',
    category: PolicyCategory.TECH_INNOVATION,
    benefitKind: BenefitKind.REWARD,
    amountRule: share('年度研发投入', 0.1, 3_000_000, 20_000),
    materials: ['营业执照', '研发费用专项审计报告', '企业所得税年度纳税申报表'],
    rule: tagsAny('高新技术企业', '科技型中小企业', '专精特新'),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 146,
    to: null,
    replaces: ['kjj-rd-deduction', 'kjj-high-tech', 'kjj-small-tech', 'kjj-rd-centre'],
    takeUp: 0.3,
  },

  // --- 路桥区经信局: three county policies, consolidated into the 路桥 惠企政策直通车 --------------------
  {
    key: 'lq-output',
    title: `${LUQIAO_POLICY}之规上工业企业增产增效奖励`,
    summary: '对路桥区产值和税收同比增长均超过10%的规上工业企业给予奖励。以统计部门和税务部门年度数据为准。',
    dept: LQ_JXJ,
    regionCode: '331004',
    category: PolicyCategory.OTHER,
    benefitKind: BenefitKind.REWARD,
    amountRule: fixed(100_000),
    materials: ['营业执照', '年度财务报表', '完税证明'],
    rule: all(region('331004'), MANUFACTURING, scale(ABOVE)),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 330,
    to: 40,
    takeUp: 0.4,
  },
  {
    key: 'lq-park-rent',
    title: `${LUQIAO_POLICY}之小微企业园入园租金补助`,
    summary: '对入驻路桥经济开发区小微企业园的小微企业，按年度厂房租金给予补助，补助期限三年。',
    dept: LQ_JXJ,
    regionCode: '331004',
    category: PolicyCategory.INVESTMENT,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('年度厂房租金', 0.3, 200_000),
    materials: ['营业执照', '厂房租赁合同', '租金支付凭证'],
    rule: all(region('331004'), parks('路桥经济开发区'), scale(SMALL, BELOW)),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 325,
    to: 40,
    takeUp: 0.5,
  },
  {
    key: 'lq-grow',
    title: `${LUQIAO_POLICY}之“小升规”培育奖励`,
    summary: '对列入“小升规”培育库、年产值接近规上标准的路桥区工业企业给予培育奖励。引导企业尽快上规入统。',
    dept: LQ_JXJ,
    regionCode: '331004',
    category: PolicyCategory.OTHER,
    benefitKind: BenefitKind.REWARD,
    amountRule: fixed(50_000),
    materials: ['营业执照', '年度财务报表'],
    rule: all(region('331004'), MANUFACTURING, scale(BELOW), employees(50)),
    autoGrant: false,
    payoutWorkdays: 10,
    from: 320,
    to: 40,
    takeUp: 0.35,
  },
  {
    key: 'lq-through-train',
    title: `${LUQIAO_TRAIN}之工业企业综合奖补`,
    summary:
      '整合路桥区增产增效奖励、小微企业园租金补助、“小升规”培育奖励三项政策，企业一次申报、部门联审、限时兑现。按企业年度技改及研发投入的8%给予奖补，最高200万元。',
    dept: LQ_JXJ,
    regionCode: '331004',
    category: PolicyCategory.TECH_UPGRADE,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('年度技改及研发投入', 0.08, 2_000_000, 10_000),
    materials: ['营业执照', '年度财务报表', '项目投资发票'],
    rule: all(
      region('331004'),
      MANUFACTURING,
      any(scale(ABOVE, BELOW), parks('路桥经济开发区', '台州湾新区')),
    ),
    autoGrant: false,
    payoutWorkdays: 10,
    from: 88,
    to: null,
    replaces: ['lq-output', 'lq-park-rent', 'lq-grow'],
    takeUp: 0.3,
  },

  // --- 市经信局 ------------------------------------------------------------------------------------
  {
    key: 'jxj-specialised',
    title: `${MANUFACTURING_POLICY}之专精特新企业奖励`,
    summary:
      '对新认定的省级专精特新中小企业给予一次性奖励。引导中小企业走专业化、精细化、特色化、新颖化发展之路。',
    dept: JXJ,
    regionCode: '331000',
    category: PolicyCategory.TECH_INNOVATION,
    benefitKind: BenefitKind.REWARD,
    amountRule: fixed(300_000),
    materials: ['营业执照', '专精特新中小企业认定文件'],
    rule: tagsAny('专精特新'),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 300,
    to: null,
    takeUp: 0.6,
  },
  {
    key: 'jxj-champion',
    title: `${MANUFACTURING_POLICY}之单项冠军和隐形冠军企业奖励`,
    summary: '对被认定为制造业单项冠军或省级隐形冠军的龙头骨干企业给予奖励。每家企业限享受一次。',
    dept: JXJ,
    regionCode: '331000',
    category: PolicyCategory.OTHER,
    benefitKind: BenefitKind.REWARD,
    amountRule: fixed(1_000_000),
    materials: ['营业执照', '隐形冠军企业认定文件', '年度财务报表'],
    rule: tagsAll('隐形冠军(培育)', '龙头骨干'),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 280,
    to: null,
    takeUp: 0.5,
  },
  {
    key: 'jxj-high-growth',
    title: `${MANUFACTURING_POLICY}之高成长型制造业企业培育奖励`,
    summary: '对营业收入连续两年增长20%以上的高成长型制造业企业给予培育奖励。奖励资金用于企业扩大再生产。',
    dept: JXJ,
    regionCode: '331000',
    category: PolicyCategory.OTHER,
    benefitKind: BenefitKind.REWARD,
    amountRule: fixed(100_000),
    materials: ['营业执照', '近两年审计报告'],
    rule: all(MANUFACTURING, tagsAny('高成长')),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 260,
    to: 40,
    takeUp: 0.35,
  },
  {
    key: 'jxj-first-above',
    title: `${MANUFACTURING_POLICY}之工业企业首次上规奖励（免申即享）`,
    summary:
      '对首次纳入规模以上工业统计的企业给予一次性奖励。依据统计部门数据自动比对，符合条件的企业无需申报，资金直接拨付至企业账户。',
    dept: JXJ,
    regionCode: '331000',
    category: PolicyCategory.OTHER,
    benefitKind: BenefitKind.REWARD,
    amountRule: fixed(100_000),
    materials: [],
    rule: all(MANUFACTURING, scale(ABOVE), age(undefined, 10)),
    autoGrant: true,
    payoutWorkdays: 15,
    from: 240,
    to: null,
    takeUp: 0,
  },

  // --- 市人力社保局 ----------------------------------------------------------------------------------
  {
    key: 'rsj-stabilise',
    title: '《台州市稳就业若干政策》之失业保险稳岗返还（免申即享）',
    summary:
      '对上年度不裁员或少裁员、依法足额缴纳失业保险费的企业，返还部分失业保险费。通过社保数据比对确定名单，企业无需申报，资金直达企业账户。',
    dept: RSJ,
    regionCode: '331000',
    category: PolicyCategory.EMPLOYMENT,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: fixed(6_000),
    materials: [],
    rule: employees(30),
    autoGrant: true,
    payoutWorkdays: 10,
    from: 300,
    to: 40,
    takeUp: 0,
  },
  {
    key: 'rsj-expand-jobs',
    title: '《台州市稳就业若干政策》之一次性扩岗补助（免申即享）',
    summary:
      '对招用毕业年度高校毕业生并依法缴纳社会保险费的小微企业，按人给予一次性扩岗补助。依据参保数据自动发放，无需企业申报。',
    dept: RSJ,
    regionCode: '331000',
    category: PolicyCategory.EMPLOYMENT,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: fixed(1_500),
    materials: [],
    rule: all(scale(SMALL), employees(15)),
    autoGrant: true,
    payoutWorkdays: 10,
    from: 200,
    to: 40,
    takeUp: 0,
  },
  {
    key: 'rsj-housing',
    title: `${TALENT_POLICY}之引进人才安家补贴`,
    summary:
      '对企业新引进的博士、硕士等高层次人才，给予安家补贴。补贴由用人企业统一申报、分年拨付。人才须与企业签订三年以上劳动合同并在台州缴纳社保。',
    dept: RSJ,
    regionCode: '331000',
    category: PolicyCategory.TALENT,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: fixed(100_000),
    materials: ['营业执照', '劳动合同', '人才学历学位证书', '社保缴纳证明'],
    rule: all(tagsAny('高新技术企业', '专精特新', '龙头骨干'), employees(50)),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 320,
    to: null,
    takeUp: 0.28,
  },
  {
    key: 'rsj-trainee',
    title: '《台州市稳就业若干政策》之高校毕业生就业见习补贴',
    summary:
      '对吸纳离校两年内高校毕业生参加就业见习的企业，按见习人员基本生活补贴的60%给予补贴。见习期限3至12个月。',
    dept: RSJ,
    regionCode: '331000',
    category: PolicyCategory.EMPLOYMENT,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('见习人员基本生活补贴', 0.6, 100_000),
    materials: ['营业执照', '见习协议', '见习人员花名册', '生活补贴发放凭证'],
    rule: employees(30),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 280,
    to: null,
    // almost nobody applies: the case 应享未享 (lowTakeUpPolicies) is for
    takeUp: 0.006,
  },
  {
    key: 'rsj-skills',
    title: `${TALENT_POLICY}之企业职工技能提升培训补贴`,
    summary:
      '对开展职工岗位技能培训并取得职业技能等级证书的制造业企业，按培训费用给予补贴。培训须在人力社保部门备案。',
    dept: RSJ,
    regionCode: '331000',
    category: PolicyCategory.TALENT,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('职工培训费用', 0.5, 200_000),
    materials: ['营业执照', '培训计划备案表', '培训费用发票', '职业技能等级证书清单'],
    rule: all(MANUFACTURING, employees(50)),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 310,
    to: 40,
    takeUp: 0.1,
  },

  // --- 市商务局 --------------------------------------------------------------------------------------
  {
    key: 'shwj-fairs',
    title: `${OPENING_POLICY}之境外展会补贴`,
    summary: '对外贸企业参加商务部门重点推荐的境外展会，按展位费给予补贴。每家企业每年最多补贴3个展会。',
    dept: SHWJ,
    regionCode: '331000',
    category: PolicyCategory.MARKET,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('展位费', 0.5, 100_000),
    materials: ['营业执照', '参展合同', '展位费发票', '参展照片'],
    rule: tagsAny('外贸出口'),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 330,
    to: null,
    takeUp: 0.3,
  },
  {
    key: 'shwj-credit-insurance',
    title: `${OPENING_POLICY}之出口信用保险保费补助`,
    summary: '对投保短期出口信用保险的外贸企业，按实际缴纳保费给予补助。鼓励企业运用信保工具防范收汇风险。',
    dept: SHWJ,
    regionCode: '331000',
    category: PolicyCategory.MARKET,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('出口信用保险保费', 0.5, 500_000),
    materials: ['营业执照', '出口信用保险保单', '保费缴纳凭证'],
    rule: all(tagsAny('外贸出口'), scale(ABOVE, BELOW)),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 300,
    to: null,
    takeUp: 0.4,
  },
  {
    key: 'shwj-cross-border',
    title: `${OPENING_POLICY}之跨境电商发展补助`,
    summary: '对开展跨境电商业务、年跨境交易额达到500万元以上的企业给予补助。支持企业建设海外仓和独立站。',
    dept: SHWJ,
    regionCode: '331000',
    category: PolicyCategory.MARKET,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: fixed(50_000),
    materials: ['营业执照', '跨境电商交易流水证明'],
    rule: industry('5193', '5292', '5181'),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 220,
    to: null,
    takeUp: 0.2,
  },

  // --- 金融、财政 -------------------------------------------------------------------------------------
  {
    key: 'jrj-loan-interest',
    title: `${FINANCE_POLICY}之小微制造业企业贷款贴息`,
    summary:
      '对小微制造业企业用于技术改造和流动资金周转的银行贷款，按实际支付利息给予贴息。单户年度贴息不超过20万元。',
    dept: JRJ,
    regionCode: '331000',
    category: PolicyCategory.FINANCING,
    benefitKind: BenefitKind.LOAN_INTEREST_DISCOUNT,
    amountRule: share('年度贷款利息', 0.3, 200_000),
    materials: ['营业执照', '借款合同', '银行利息结算单'],
    rule: all(MANUFACTURING, scale(SMALL)),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 340,
    to: null,
    takeUp: 0.08,
  },
  {
    key: 'jrj-listing',
    title: `${FINANCE_POLICY}之企业上市挂牌奖励`,
    summary:
      '对在沪深北交易所首发上市的企业分阶段给予奖励：完成股份制改造、辅导备案、上市成功各拨付一部分。奖励面向规上龙头骨干和高成长企业。',
    dept: JRJ,
    regionCode: '331000',
    category: PolicyCategory.FINANCING,
    benefitKind: BenefitKind.REWARD,
    amountRule: fixed(3_000_000),
    materials: ['营业执照', '证监局辅导备案文件', '上市核准或注册文件'],
    rule: all(scale(ABOVE), capital(5_000), tagsAny('龙头骨干', '高成长', '隐形冠军(培育)')),
    autoGrant: false,
    payoutWorkdays: 30,
    from: 290,
    to: null,
    takeUp: 0.1,
  },
  {
    key: 'czj-guarantee',
    title: `${FINANCE_POLICY}之政府性融资担保费补助`,
    summary:
      '对通过政府性融资担保机构获得贷款的科技型、成长型中小企业，按实际缴纳担保费给予补助。担保费率不高于1%。',
    dept: CZJ,
    regionCode: '331000',
    category: PolicyCategory.FINANCING,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('实际缴纳担保费', 0.5, 100_000),
    materials: ['营业执照', '担保合同', '担保费缴纳凭证'],
    rule: all(scale(SMALL, BELOW), tagsAny('科技型中小企业', '高成长', '专精特新')),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 270,
    to: 40,
    takeUp: 0.15,
  },

  // --- 发改、投促、市场监管、农业 ---------------------------------------------------------------------
  {
    key: 'fgw-energy-saving',
    title: `${MANUFACTURING_POLICY}之节能降碳技术改造补助`,
    summary:
      '对规上工业企业实施的节能降碳技术改造项目，按项目投资额给予补助。项目年节能量须达到100吨标准煤以上，并经第三方机构审核。',
    dept: FGW,
    regionCode: '331000',
    category: PolicyCategory.GREEN,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('节能技改项目投资额', 0.1, 2_000_000),
    materials: ['营业执照', '节能技改项目备案通知书', '节能量审核报告', '项目投资发票'],
    rule: all(industry('26', '27', '29', '33', '36', '38'), scale(ABOVE)),
    autoGrant: false,
    payoutWorkdays: 25,
    from: 315,
    to: null,
    takeUp: 0.25,
  },
  {
    key: 'fgw-services',
    title: '《台州市促进现代服务业高质量发展若干政策》之服务业发展引导资金',
    summary:
      '对物流、信息技术、商务服务等现代服务业企业新建项目，按固定资产投资额给予补助。项目须纳入市服务业重点项目库。',
    dept: FGW,
    regionCode: '331000',
    category: PolicyCategory.INVESTMENT,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('项目固定资产投资额', 0.08, 3_000_000),
    materials: ['营业执照', '项目备案通知书', '项目投资发票'],
    rule: all(industry('G', 'I', 'L', 'M'), scale(ABOVE, BELOW)),
    autoGrant: false,
    payoutWorkdays: 25,
    from: 250,
    to: null,
    takeUp: 0.2,
  },
  {
    key: 'tczx-major-project',
    title: '《台州市招商引资若干政策》之重大招商项目落地奖励',
    summary:
      '对列入市重大招商项目、实际到位资金达到约定标准的企业给予落地奖励。按项目实际到位资金的2%计算，最高1000万元。',
    dept: TCZX,
    regionCode: '331000',
    category: PolicyCategory.INVESTMENT,
    benefitKind: BenefitKind.REWARD,
    amountRule: share('项目实际到位资金', 0.02, 10_000_000),
    materials: ['营业执照', '投资协议', '验资报告', '项目投资发票', '项目竣工验收报告'],
    rule: tagsAny('重大招商项目'),
    autoGrant: false,
    payoutWorkdays: 30,
    from: 330,
    to: null,
    takeUp: 0.4,
  },
  {
    key: 'sjj-made-in-zhejiang',
    title: '《台州市质量强市建设若干政策》之“品字标浙江制造”认证奖励',
    summary: '对首次获得“品字标浙江制造”认证的规上制造业企业给予奖励。同一企业多个产品获证的，按一次计。',
    dept: SJJ,
    regionCode: '331000',
    category: PolicyCategory.OTHER,
    benefitKind: BenefitKind.REWARD,
    amountRule: fixed(200_000),
    materials: ['营业执照', '“浙江制造”认证证书'],
    rule: all(MANUFACTURING, scale(ABOVE), tagsAny('专精特新', '高新技术企业')),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 235,
    to: null,
    takeUp: 0.3,
  },
  {
    key: 'sjj-patents',
    title: '《台州市知识产权强市建设若干政策》之发明专利授权资助',
    summary:
      '对当年获得国内发明专利授权的科技型企业给予资助。资助金额按件计算，每家企业年度资助不超过一定额度。',
    dept: SJJ,
    regionCode: '331000',
    category: PolicyCategory.TECH_INNOVATION,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: fixed(10_000),
    materials: ['营业执照', '发明专利证书'],
    rule: tagsAny('高新技术企业', '科技型中小企业', '专精特新'),
    autoGrant: false,
    payoutWorkdays: 10,
    from: 290,
    to: null,
    takeUp: 0.15,
  },
  {
    key: 'nyj-agri-loan',
    title: '《台州市乡村产业振兴若干政策》之农业龙头企业贷款贴息',
    summary: '对从事种植、养殖和农产品加工的农业企业，按其用于生产经营的银行贷款实际利息给予贴息。',
    dept: NYJ,
    regionCode: '331000',
    category: PolicyCategory.FINANCING,
    benefitKind: BenefitKind.LOAN_INTEREST_DISCOUNT,
    amountRule: share('年度贷款利息', 0.5, 300_000),
    materials: ['营业执照', '借款合同', '银行利息结算单'],
    rule: industry('01', '04', '13'),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 210,
    to: null,
    takeUp: 0.4,
  },

  // --- county policies ---------------------------------------------------------------------------
  {
    key: 'wl-pumps',
    title: '《温岭市泵与电机产业集群提升若干政策》之集群企业技改补助',
    summary:
      '对温岭市泵与电机产业集群企业实施的智能化技术改造项目，按设备投资额给予补助。鼓励企业联合开展关键零部件攻关。',
    dept: WL_JXJ,
    regionCode: '331081',
    category: PolicyCategory.TECH_UPGRADE,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('设备投资额', 0.15, 1_000_000),
    materials: ['营业执照', '技术改造项目备案通知书', '项目投资发票'],
    rule: all(region('331081'), industry('3441', '3811', '3812')),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 300,
    to: null,
    takeUp: 0.35,
  },
  {
    key: 'yh-markets',
    title: '《玉环市外贸稳增长若干政策》之开拓国际市场补助',
    summary:
      '对玉环市外贸企业参加境外展会、开展国际认证的费用给予补助。重点支持汽摩配、水暖阀门等主导产业企业。',
    dept: YH_SHWJ,
    regionCode: '331083',
    category: PolicyCategory.MARKET,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('展位费及认证费', 0.5, 150_000),
    materials: ['营业执照', '参展合同', '认证费用发票'],
    rule: all(region('331083'), tagsAny('外贸出口')),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 280,
    to: null,
    takeUp: 0.45,
  },
  {
    key: 'hy-moulds',
    title: '《黄岩区模具与塑料产业创新发展若干政策》之科技创新券',
    summary: '黄岩区模具、塑料企业向高校院所购买检验检测、技术研发服务的，可使用科技创新券抵扣部分费用。',
    dept: HY_KJJ,
    regionCode: '331003',
    category: PolicyCategory.TECH_INNOVATION,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('技术服务费', 0.5, 50_000),
    materials: ['营业执照', '技术服务合同', '技术服务费发票'],
    rule: all(region('331003'), industry('3525', '29')),
    autoGrant: false,
    payoutWorkdays: 10,
    from: 260,
    to: null,
    takeUp: 0.3,
  },
  {
    key: 'lh-pharma-green',
    title: '《临海市医化产业绿色发展若干政策》之医化企业绿色化改造补助',
    summary:
      '对临海市医药化工企业实施的废气、废水治理和清洁生产改造项目，按项目投资额给予补助。项目须通过生态环境部门验收。',
    dept: LH_JXJ,
    regionCode: '331082',
    category: PolicyCategory.GREEN,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('绿色化改造投资额', 0.2, 3_000_000),
    materials: ['营业执照', '项目环评批复', '项目投资发票', '项目竣工验收报告'],
    rule: all(region('331082'), industry('26', '27')),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 240,
    to: null,
    takeUp: 0.4,
  },
  {
    key: 'jj-local-hiring',
    title: '《椒江区稳岗促就业若干措施》之企业招用本地劳动力补贴（免申即享）',
    summary:
      '对椒江区招用本地户籍劳动力并稳定就业半年以上的企业给予补贴。依据社保参保数据自动兑现，无需申报。',
    dept: JJ_RSJ,
    regionCode: '331002',
    category: PolicyCategory.EMPLOYMENT,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: fixed(2_000),
    materials: [],
    rule: all(region('331002'), employees(50)),
    autoGrant: true,
    payoutWorkdays: 10,
    from: 180,
    to: null,
    takeUp: 0,
  },
  {
    key: 'tt-grow',
    title: '《天台县汽车用品产业提升若干政策》之“小升规”奖励',
    summary: '对天台县首次升规的规下工业企业给予奖励。重点支持汽车用品、橡胶制品等特色产业企业。',
    dept: TT_JXJ,
    regionCode: '331023',
    category: PolicyCategory.OTHER,
    benefitKind: BenefitKind.REWARD,
    amountRule: fixed(100_000),
    materials: ['营业执照', '年度财务报表', '统计部门入库证明'],
    rule: all(region('331023'), MANUFACTURING, scale(BELOW)),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 230,
    to: null,
    takeUp: 0.25,
  },
  {
    key: 'sm-park-rent',
    title: '《三门县小微企业园建设若干政策》之入园企业租金补助',
    summary: '对入驻三门经济开发区小微企业园的小微企业，按年度租金给予补助。补助期限不超过三年。',
    dept: SM_JXJ,
    regionCode: '331022',
    category: PolicyCategory.INVESTMENT,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('年度厂房租金', 0.5, 100_000),
    materials: ['营业执照', '厂房租赁合同', '租金支付凭证'],
    rule: all(region('331022'), parks('三门经济开发区'), scale(SMALL)),
    autoGrant: false,
    payoutWorkdays: 10,
    from: 190,
    to: null,
    takeUp: 0.5,
  },
  {
    key: 'xj-pharma-rd',
    title: '《仙居县医药产业创新发展若干政策》之医药企业研发补助',
    summary: '对仙居县医药企业开展新药研发、仿制药一致性评价的研发投入给予补助。单个品种最高补助100万元。',
    dept: XJ_KJJ,
    regionCode: '331024',
    category: PolicyCategory.TECH_INNOVATION,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('研发投入', 0.2, 1_000_000),
    materials: ['营业执照', '研发费用专项审计报告', '药品注册受理通知书'],
    rule: all(region('331024'), industry('27')),
    autoGrant: false,
    payoutWorkdays: 20,
    from: 200,
    to: null,
    takeUp: 0.5,
  },

  // --- drafts ------------------------------------------------------------------------------------
  {
    key: 'dsj-compute-voucher',
    title: '《台州市促进人工智能产业发展若干政策》之算力券补助',
    summary:
      '对购买算力服务开展大模型训练和行业应用的软件和信息技术服务企业，发放算力券抵扣部分费用。政策正在征求意见。',
    dept: DSJ,
    regionCode: '331000',
    category: PolicyCategory.DIGITAL,
    benefitKind: BenefitKind.SUBSIDY,
    amountRule: share('算力服务费', 0.3, 500_000),
    materials: ['营业执照', '算力服务合同', '算力服务费发票'],
    rule: industry('I'),
    autoGrant: false,
    payoutWorkdays: 15,
    from: 12,
    to: 400,
    draft: true,
    takeUp: 0,
  },
  {
    key: 'swj-six-taxes',
    title: '小微企业“六税两费”减免政策服务指引',
    summary:
      '小规模纳税人、小型微利企业和个体工商户可减半征收资源税、城市维护建设税、房产税等“六税两费”。由税务部门在申报环节自动减免，本条目用于政策推送。',
    dept: SWJ,
    regionCode: '331000',
    category: PolicyCategory.OTHER,
    benefitKind: BenefitKind.TAX_RELIEF,
    amountRule: NONE,
    materials: [],
    rule: scale(SMALL),
    autoGrant: false,
    payoutWorkdays: 10,
    from: 30,
    to: 400,
    draft: true,
    takeUp: 0,
  },
];

/** YYYY-MM-DD `days` after (negative: before) `today`. */
export function shiftDate(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The demo catalogue as of `today` (YYYY-MM-DD, default today in China): about forty policies,
 * each replaced one listed before the umbrella that replaces it.
 */
export function demoPolicyCatalogue(today: string = chinaToday()): DemoPolicy[] {
  return ENTRIES.map(({ dept: d, from, to, replaces, draft, ...rest }) => ({
    ...rest,
    materials: [...rest.materials],
    department: d.name,
    departmentCode: d.code,
    validFrom: shiftDate(today, -from),
    validTo: to === null ? null : shiftDate(today, to),
    replaces: [...(replaces ?? [])],
    draft: draft ?? false,
  }));
}
