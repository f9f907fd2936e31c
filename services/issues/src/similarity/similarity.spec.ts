import { mulberry32 } from '@sfw/shared-types';
import {
  AppealText,
  clusterTexts,
  FILLER_WORDS,
  normalizeText,
  profileSimilarity,
  rankCandidates,
  shingles,
  signature,
  similarity,
  textProfile,
} from './similarity';

const LAND = '厂房扩建用地指标不足，项目无法开工';
const LAND_PARAPHRASE = '扩建厂房缺少用地指标，新项目开不了工';
const LABOUR = '一线技工招工难，春节后用工缺口大';
const POWER = '高峰期限电影响生产';
const POWER_PARAPHRASE = '用电高峰被限电，生产线停工';

const prng = mulberry32;

const REGIONS = ['椒江区', '黄岩区', '路桥区', '临海市', '温岭市', '玉环市', '天台县', '仙居县', '三门县'];
const INDUSTRIES = ['汽摩配', '模具', '医药化工', '塑料制品', '缝制设备', '泵与电机', '家用电器', '水产加工'];
const SUBJECTS = [
  '厂房扩建',
  '新建仓库',
  '技改项目',
  '生产线改造',
  '研发中心建设',
  '污水处理设施',
  '屋顶光伏',
  '员工宿舍',
];
const PROBLEMS = [
  '用地指标不足',
  '审批周期太长',
  '环评手续办理慢',
  '消防验收迟迟未通过',
  '施工许可证办不下来',
  '规划调整没有批复',
  '银行贷款审批慢',
  '电力增容排队时间长',
  '天然气管道未接通',
];
const IMPACTS = [
  '项目无法按期开工',
  '影响订单交付',
  '生产成本持续上升',
  '工人只能停工待料',
  '新设备无法投入使用',
  '年度产值目标难以完成',
  '出口订单面临违约',
];
const CATEGORIES = ['LAND', 'APPROVAL', 'FINANCE', 'ENERGY', 'LABOUR', 'ENVIRONMENT'];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

/** ~40-character appeals such as "路桥区某模具企业反映：技改项目银行贷款审批慢，影响订单交付，已多次反映。" */
function syntheticAppeals(count: number, seed: number): AppealText[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    text:
      `${pick(rnd, REGIONS)}某${pick(rnd, INDUSTRIES)}企业反映：${pick(rnd, SUBJECTS)}${pick(rnd, PROBLEMS)}，` +
      `${pick(rnd, IMPACTS)}，${pick(rnd, ['已多次反映', '希望尽快协调', '周边企业情况类似', '拖了半年'])}。`,
    categories: [pick(rnd, CATEGORIES)],
  }));
}

/** Reference single-link clustering comparing every pair, for checking the indexed version. */
function bruteForceClusters(items: AppealText[], threshold: number, categoryWeight = 0.15): string[][] {
  const profiles = items.map((x) => textProfile(x.text));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const textScore = profileSimilarity(profiles[i]!, profiles[j]!);
      const a = new Set(items[i]!.categories);
      const shared = items[j]!.categories.filter((c) => a.has(c)).length;
      const union = a.size + items[j]!.categories.length - shared;
      const score = Math.min(1, textScore + (shared > 0 ? (categoryWeight * shared) / union : 0));
      if (score >= threshold) parent[Math.max(find(i), find(j))] = Math.min(find(i), find(j));
    }
  }
  const groups = new Map<number, string[]>();
  items.forEach((x, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), x.id]));
  return [...groups.values()].filter((g) => g.length >= 2).sort((a, b) => b.length - a.length);
}

describe('normalizeText', () => {
  it('folds full-width forms, lower-cases, and turns punctuation and spaces into single separators', () => {
    expect(normalizeText('ＩＳＯ９００１认证费用 1,200 元')).toBe('iso9001 认证费用 1200 元');
    expect(normalizeText('  限电！！影响（生产）……  ')).toBe('限电 影响 生产');
    expect(normalizeText('5G基站建设；ABC-12')).toBe('5g 基站建设 abc 12');
  });

  it('removes the filler words, longest first', () => {
    expect(normalizeText('关于我司厂房扩建用地指标不足的问题，请协调！')).toBe('厂房扩建用地指标不足的 请');
    expect(normalizeText('台州某某机械有限公司申请电力增容')).toBe('台州某某机械 电力增容');
    expect(FILLER_WORDS).toEqual(expect.arrayContaining(['企业', '有限公司', '问题', '协调', '进行']));
    expect(normalizeText('希望协调解决用电问题', [])).toBe('希望协调解决用电问题');
    expect(normalizeText('希望协调解决用电问题', ['用电'])).toBe('希望协调解决 问题');
  });

  it('is idempotent and maps text without content to the empty string', () => {
    for (const s of [LAND, LABOUR, POWER_PARAPHRASE, 'ＩＳＯ９００１认证费用 1,200 元', '公企业司']) {
      expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
    }
    expect(normalizeText('')).toBe('');
    expect(normalizeText('，。！？……  ')).toBe('');
    expect(normalizeText('希望政府相关部门协调解决！')).toBe('');
  });
});

describe('shingles', () => {
  it('takes character bigrams within each CJK run, never across punctuation', () => {
    expect([...shingles('限电，影响生产')]).toEqual(['限电', '影响', '响生', '生产']);
    expect(shingles(LAND).has('足项')).toBe(false);
  });

  it('keeps Latin and digit runs whole', () => {
    expect([...shingles('5G基站电费高，每度0.85元')]).toEqual([
      '5g',
      '基站',
      '站电',
      '电费',
      '费高',
      '每度',
      '0.85',
    ]);
  });

  it('keeps a run shorter than n whole, and a lone character only when it is the whole text', () => {
    expect([...shingles('用地，审批慢', 3)]).toEqual(['用地', '审批慢']);
    expect([...shingles('电')]).toEqual(['电']);
    expect([...shingles('缺电，慌')]).toEqual(['缺电']);
    expect(() => shingles(LAND, 0)).toThrow(RangeError);
  });
});

describe('signature', () => {
  it('is the sorted, de-duplicated bigrams, and paraphrases overlap (Postgres &&)', () => {
    const sig = signature('限电限电，影响生产');
    expect(sig).toEqual(['响生', '影响', '生产', '电限', '限电'].sort());
    expect(new Set(sig).size).toBe(sig.length);
    const other = new Set(signature(LAND_PARAPHRASE));
    expect(signature(LAND).filter((g) => other.has(g))).toEqual([
      '厂房',
      '地指',
      '扩建',
      '指标',
      '用地',
      '项目',
    ]);
    expect(signature('！？')).toEqual([]);
  });

  it('caps a long text at k grams: the first seen, or the rarest by document frequency', () => {
    expect(signature('厂房扩建用地指标不足', { k: 3 })).toEqual(['厂房', '房扩', '扩建'].sort());
    const df = new Map([
      ['厂房', 500],
      ['房扩', 3],
      ['扩建', 40],
      ['建用', 5],
      ['用地', 60],
      ['地指', 20],
      ['指标', 300],
      ['标不', 90],
      ['不足', 800],
    ]);
    expect(signature('厂房扩建用地指标不足', { k: 3, documentFrequency: df })).toEqual(
      ['地指', '建用', '房扩'].sort(),
    );
    expect(signature('厂房扩建用地指标不足', { k: 2, documentFrequency: (g) => df.get(g) ?? 0 })).toEqual([
      '建用',
      '房扩',
    ]);
    expect(signature(LAND)).toHaveLength(14);
    expect(signature('x'.repeat(5) + '甲乙丙丁戊己庚辛壬癸'.repeat(10)).length).toBeLessThanOrEqual(64);
  });
});

describe('similarity', () => {
  it('scores paraphrases of one complaint high and different complaints near zero', () => {
    expect(similarity(LAND, LAND_PARAPHRASE)).toBeGreaterThanOrEqual(0.4);
    expect(similarity(LAND, LABOUR)).toBeLessThan(0.15);
    expect(similarity(POWER, POWER_PARAPHRASE)).toBeGreaterThanOrEqual(0.3);
    expect(similarity(POWER, POWER_PARAPHRASE)).toBeGreaterThan(10 * similarity(POWER, LABOUR));
    expect(similarity(LABOUR, '春节后普工招聘困难，用工缺口较大')).toBeGreaterThanOrEqual(0.4);
    expect(similarity('出口退税到账慢，影响资金周转', '出口退税办理周期长，资金压力大')).toBeGreaterThan(0.3);
    expect(similarity('厂区门口道路破损严重，大货车进出困难', '员工子女入学难，希望协调解决')).toBe(0);
  });

  it('is 1 for identical text and ignores width, case, punctuation, spacing and filler words', () => {
    expect(similarity(LAND, LAND)).toBe(1);
    expect(similarity(LAND, ' 厂房扩建用地指标不足 , 项目无法开工。')).toBe(1);
    expect(similarity(LAND, '“厂房扩建用地指标不足”；项目无法开工！！')).toBe(1);
    expect(similarity('ＬＥＤ车间５号线限电', 'led车间5号线限电')).toBe(1);
    expect(similarity(LAND, `关于我司${LAND}，希望政府协调解决`)).toBe(1);
    // a space is a separator like a comma, so it does change the bigrams (slightly)
    expect(similarity(LAND, '厂房扩建 用地指标不足，项目无法开工')).toBeGreaterThan(0.95);
  });

  it('is symmetric, in [0, 1], and 0 when there is nothing to compare', () => {
    const texts = [LAND, LAND_PARAPHRASE, LABOUR, POWER, POWER_PARAPHRASE, '电', '5G'];
    for (const a of texts) {
      for (const b of texts) {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s).toBe(similarity(b, a));
      }
    }
    expect(similarity('', '')).toBe(0);
    expect(similarity('问题！', '请协调')).toBe(0);
  });

  it('ranks a near-copy above a paraphrase with the same words (the trigram bonus)', () => {
    const nearCopy = '厂房扩建用地指标不足，项目无法动工';
    expect(similarity(LAND, nearCopy)).toBeGreaterThan(similarity(LAND, LAND_PARAPHRASE));
    const p = textProfile(LAND);
    expect(p.bigrams.size).toBe(14);
    expect(p.trigrams.size).toBe(12);
  });
});

describe('rankCandidates', () => {
  const candidates: AppealText[] = [
    { id: 'labour', text: LABOUR, categories: ['LABOUR'] },
    { id: 'paraphrase', text: LAND_PARAPHRASE, categories: ['APPROVAL'] },
    { id: 'copy', text: `关于${LAND}问题。`, categories: ['LAND'] },
    { id: 'same-words', text: '扩建厂房缺少用地指标，新项目开不了工！', categories: ['LAND', 'APPROVAL'] },
    { id: 'power', text: POWER_PARAPHRASE, categories: ['ENERGY'] },
  ];
  const query = { text: LAND, categories: ['LAND'] };

  it('returns the candidates above minScore, best first, with text score and shared categories', () => {
    const ranked = rankCandidates(query, candidates);
    expect(ranked.map((r) => r.id)).toEqual(['copy', 'same-words', 'paraphrase']);
    expect(ranked[0]).toEqual({ id: 'copy', score: 1, textScore: 1, sharedCategories: ['LAND'] });
    expect(ranked[1]!.sharedCategories).toEqual(['LAND']);
    expect(ranked[1]!.score).toBeCloseTo(ranked[1]!.textScore + 0.15 / 2, 10);
    expect(ranked[2]).toMatchObject({ id: 'paraphrase', sharedCategories: [] });
    expect(ranked[2]!.score).toBe(ranked[2]!.textScore);
  });

  it('adds the category bonus scaled by the Jaccard index of the category sets', () => {
    const [withBonus, without] = [
      rankCandidates({ text: LAND, categories: ['APPROVAL'] }, candidates, { minScore: 0 }),
      rankCandidates({ text: LAND, categories: [] }, candidates, { minScore: 0 }),
    ];
    const para = withBonus.find((r) => r.id === 'paraphrase')!;
    expect(para.score).toBeCloseTo(para.textScore + 0.15, 10);
    expect(para.sharedCategories).toEqual(['APPROVAL']);
    // the identical text with a shared category now beats the identical text whose category is LAND only
    expect(withBonus.findIndex((r) => r.id === 'paraphrase')).toBeLessThan(
      withBonus.findIndex((r) => r.id === 'same-words'),
    );
    expect(without.every((r) => r.score === r.textScore && r.sharedCategories.length === 0)).toBe(true);
    // a heavier weight can lift a weak text match over minScore, never above 1
    const heavy = rankCandidates({ text: POWER, categories: ['ENERGY'] }, candidates, {
      categoryWeight: 0.9,
    });
    expect(heavy.map((r) => r.id)).toEqual(['power']);
    expect(heavy[0]!.score).toBe(1);
  });

  it('honours minScore, limit and the query id, and rejects bad options', () => {
    expect(rankCandidates(query, candidates, { minScore: 0.99 }).map((r) => r.id)).toEqual(['copy']);
    expect(rankCandidates(query, candidates, { limit: 1 }).map((r) => r.id)).toEqual(['copy']);
    expect(rankCandidates({ ...query, id: 'copy' }, candidates).map((r) => r.id)).not.toContain('copy');
    expect(rankCandidates(query, [])).toEqual([]);
    expect(() => rankCandidates(query, candidates, { limit: -1 })).toThrow(RangeError);
    expect(() => rankCandidates(query, candidates, { categoryWeight: Number.NaN })).toThrow(RangeError);
  });

  it('ranks 5,000 candidates of about 40 characters and finds the planted duplicate', () => {
    const pool = syntheticAppeals(5000, 42);
    const target = pool[1234]!;
    pool.push({
      id: 'dup',
      text: `关于${target.text.replace(/[，。：]/g, ' ')}的问题`,
      categories: target.categories,
    });
    const ranked = rankCandidates({ id: target.id, text: target.text, categories: target.categories }, pool, {
      limit: 20,
    });
    expect(ranked[0]).toMatchObject({ id: 'dup', textScore: 1 });
    expect(ranked.length).toBeLessThanOrEqual(20);
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    expect(ranked.every((r) => r.score >= 0.35)).toBe(true);
  });
});

describe('clusterTexts', () => {
  const items: AppealText[] = [
    { id: 'land-1', text: LAND, categories: ['LAND'] },
    { id: 'labour-1', text: LABOUR, categories: ['LABOUR'] },
    { id: 'power-1', text: POWER, categories: ['ENERGY'] },
    { id: 'land-2', text: LAND_PARAPHRASE, categories: ['LAND'] },
    { id: 'labour-2', text: '春节后普工招聘困难，用工缺口较大', categories: ['LABOUR'] },
    { id: 'power-2', text: POWER_PARAPHRASE, categories: ['ENERGY'] },
  ];

  it('groups six appeals into their three problems', () => {
    expect(clusterTexts(items, 0.4)).toEqual([
      ['land-1', 'land-2'],
      ['labour-1', 'labour-2'],
      ['power-1', 'power-2'],
    ]);
    expect(clusterTexts(items, 0.4)).toEqual(bruteForceClusters(items, 0.4));
  });

  it('links by single link, respects the threshold, the category weight and minSize', () => {
    const chain: AppealText[] = [
      ...items,
      { id: 'land-3', text: '新项目开不了工，厂房扩建没有用地', categories: ['LAND'] },
    ];
    expect(clusterTexts(chain, 0.4)[0]).toEqual(['land-1', 'land-2', 'land-3']);
    // without the category bonus the power pair (text score ~0.33) falls apart
    expect(clusterTexts(items, 0.4, { categoryWeight: 0 })).toEqual([
      ['land-1', 'land-2'],
      ['labour-1', 'labour-2'],
    ]);
    expect(clusterTexts(items, 0.99)).toEqual([]);
    expect(clusterTexts(items, 0.99, { minSize: 1 })).toEqual(items.map((x) => [x.id]));
    expect(clusterTexts([], 0.4)).toEqual([]);
    expect(() => clusterTexts(items, 0)).toThrow(RangeError);
  });

  it('agrees with comparing every pair on a generated corpus', () => {
    const corpus = syntheticAppeals(400, 7);
    for (const threshold of [0.35, 0.5, 0.7, 0.9]) {
      expect(clusterTexts(corpus, threshold)).toEqual(bruteForceClusters(corpus, threshold));
    }
  });

  it('clusters thousands of appeals, finding planted duplicates', () => {
    const corpus = syntheticAppeals(3000, 11);
    corpus.push({
      id: 'dup-of-a5',
      text: `${corpus[5]!.text}希望政府帮助解决`,
      categories: corpus[5]!.categories,
    });
    const groups = clusterTexts(corpus, 0.95);
    expect(groups.some((g) => g.includes('a5') && g.includes('dup-of-a5'))).toBe(true);
  });
});

describe('a CPU budget', () => {
  it('is checked in the loops of ranking and clustering, and its error ends the work', () => {
    const items = Array.from({ length: 300 }, (_, i) => ({
      id: String(i),
      text: `企业用地指标不足影响项目开工第${i}期厂房建设`,
      categories: ['LAND'],
    }));
    let checks = 0;
    const counting = { check: () => void checks++ };
    rankCandidates({ text: '用地指标不足', categories: ['LAND'] }, items, { budget: counting });
    expect(checks).toBeGreaterThanOrEqual(items.length);
    checks = 0;
    clusterTexts(items, 0.5, { budget: counting });
    expect(checks).toBeGreaterThanOrEqual(items.length);
    const spent = {
      check: () => {
        throw new Error('budget exceeded');
      },
    };
    expect(() => clusterTexts(items, 0.5, { budget: spent })).toThrow('budget exceeded');
    expect(() => rankCandidates({ text: '用地', categories: [] }, items, { budget: spent })).toThrow(
      'budget exceeded',
    );
  });
});
