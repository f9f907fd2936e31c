/**
 * Text similarity for appeals (诉求): suggest likely duplicates when an appeal is submitted or triaged,
 * and propose common problems (共性问题) shared by several enterprises.
 *
 * Pure functions, no database access. Chinese has no spaces between words, and Postgres pg_trgm
 * tokenises on non-alphanumerics and handles CJK badly, so this module compares character n-grams,
 * which need no word segmenter:
 *
 * - {@link normalizeText} NFKC-folds (full-width → half-width), lower-cases, drops punctuation and
 *   {@link FILLER_WORDS}, and leaves runs of CJK characters and runs of Latin letters/digits separated by
 *   single spaces. n-grams never cross a separator, so "不足，项目" does not yield the noise gram "足项".
 * - {@link shingles} gives the set of character n-grams of each CJK run; a Latin/digit run ("5g",
 *   "iso9001", "2024") is one whole token.
 * - {@link signature} gives a sorted, de-duplicated bigram array for a Postgres `text[]` column with a GIN
 *   index, so a candidate query is `WHERE signature && $1` followed by {@link rankCandidates} in memory.
 * - {@link similarity} scores two texts in [0, 1]; {@link rankCandidates} adds a category bonus;
 *   {@link clusterTexts} groups many texts by single link without comparing every pair.
 */

/**
 * Words that appear in almost every appeal and say nothing about its subject; removed (replaced by a
 * separator) before n-grams are taken. Longer entries win over their substrings (有限公司 before 公司).
 * Tune here: adding a word only affects texts containing it; signatures stored in the database must be
 * recomputed after a change.
 *
 * - who is speaking: 企业, 公司, 有限公司, 我司, 我们
 * - what an appeal is: 问题, 希望, 请求, 申请, 关于, 相关
 * - who is asked and what for: 政府, 部门, 协调, 解决, 帮助
 * - filler: 一下, 目前, 能否, 是否, 进行
 */
export const FILLER_WORDS: readonly string[] = [
  '企业',
  '公司',
  '有限公司',
  '我司',
  '我们',
  '问题',
  '希望',
  '请求',
  '申请',
  '关于',
  '相关',
  '政府',
  '部门',
  '协调',
  '解决',
  '帮助',
  '一下',
  '目前',
  '能否',
  '是否',
  '进行',
];

/**
 * Weight of the trigram bonus in {@link similarity}: `score = D2 + TRIGRAM_BONUS · D3 · (1 − D2)`.
 *
 * Why not the plain blend `0.6 · D2 + 0.4 · D3`: Chinese words are mostly two characters, so the trigrams
 * of a paraphrase mostly straddle word boundaries and rarely match; the blend then drags every
 * paraphrase down (厂房扩建用地指标不足，项目无法开工 / 扩建厂房缺少用地指标，新项目开不了工 scores 0.31
 * blended, below the default `minScore` of 0.35, against 0.45 here). As a bonus the trigram Dice still
 * ranks a near-copy above a paraphrase with the same bigram overlap, never lowers a score, and keeps
 * the result in [0, 1] with 1 only when D2 = 1.
 */
export const TRIGRAM_BONUS = 0.4;

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
/** A run of CJK characters, or a run of other letters/digits (with combining marks and decimal points). */
const RUN = new RegExp(`[${CJK}]+|(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}]|(?<=\\d)\\.(?=\\d))+`, 'gu');
/** Thousands separators inside numbers ("1,200" → "1200") so a number stays one token. */
const DIGIT_GROUP = /(\d),(?=\d{3}(?!\d))/g;
const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');

function fillerPattern(words: readonly string[]): RegExp | undefined {
  const escaped = [...new Set(words.map((w) => w.normalize('NFKC').toLowerCase()).filter((w) => w))]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return escaped.length > 0 ? new RegExp(escaped.join('|'), 'gu') : undefined;
}

const DEFAULT_FILLER = fillerPattern(FILLER_WORDS);

/**
 * NFKC (full-width letters, digits and punctuation → half-width), lower case, thousands separators
 * dropped, {@link FILLER_WORDS} removed; what remains is the runs of CJK characters and the runs of
 * Latin letters/digits (a decimal point inside a number stays: "0.85"), separated by single spaces.
 * Punctuation, symbols, whitespace and removed filler words all become such a separator, so n-grams
 * do not span them. `fillerWords` replaces the default list.
 *
 *     normalizeText('关于我司厂房扩建用地指标不足的问题，请协调！') === '厂房扩建用地指标不足的 请'
 *     normalizeText('ＩＳＯ９００１认证费用 1,200 元') === 'iso9001 认证费用 1200 元'
 *
 * Idempotent, so stored normalized text can be passed again.
 */
export function normalizeText(s: string, fillerWords?: readonly string[]): string {
  const filler = fillerWords === undefined ? DEFAULT_FILLER : fillerPattern(fillerWords);
  let t = s.normalize('NFKC').toLowerCase().replace(DIGIT_GROUP, '$1');
  if (filler) t = t.replace(filler, ' ');
  return (t.match(RUN) ?? []).join(' ');
}

/**
 * The n-grams of a normalized text for each n in `ns`, each in first-occurrence order without
 * duplicates (a Set iterates in insertion order).
 */
function gramSets(normalized: string, ns: readonly number[]): Set<string>[] {
  const sets = ns.map(() => new Set<string>());
  const runs = normalized.split(' ').filter((r) => r);
  for (const run of runs) {
    if (!CJK_CHAR.test(run)) {
      for (const set of sets) set.add(run); // a Latin/digit run is one token
      continue;
    }
    const chars = Array.from(run); // code points, not UTF-16 units
    ns.forEach((n, k) => {
      const set = sets[k];
      if (!set) return;
      if (chars.length <= n) {
        // a run shorter than n is kept whole ("用地" among trigrams), except a lone character, which
        // is too ambiguous to match on unless it is all the text has
        if (chars.length > 1 || runs.length === 1) set.add(run);
        return;
      }
      for (let i = 0; i + n <= chars.length; i++) {
        let gram = '';
        for (let j = i; j < i + n; j++) gram += chars[j];
        set.add(gram);
      }
    });
  }
  return sets;
}

function orderedGrams(normalized: string, n: number): string[] {
  return [...(gramSets(normalized, [n])[0] ?? [])];
}

/**
 * The set of character n-grams of the normalized text: every n-gram of each CJK run (a run shorter
 * than n is one gram, a lone character only when it is the whole text), and each Latin/digit run as
 * one whole token.
 */
export function shingles(s: string, n = 2): Set<string> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  return gramSets(normalizeText(s), [n])[0] ?? new Set();
}

/** Document frequency of a gram: how many stored texts contain it (larger = less informative). */
export type DocumentFrequency = ReadonlyMap<string, number> | ((gram: string) => number);

export interface SignatureOptions {
  /** At most this many grams are kept (default 64). */
  k?: number;
  /** When the text has more than k grams, keep the rarest; without it, keep the first k seen. */
  documentFrequency?: DocumentFrequency;
}

function dfLookup(df: DocumentFrequency): (gram: string) => number {
  return typeof df === 'function' ? df : (gram) => df.get(gram) ?? 0;
}

/**
 * The bigrams of `s`, sorted (by code unit, like Postgres `COLLATE "C"`) and de-duplicated, for a
 * `text[]` column with a GIN index: candidates for a new appeal are `WHERE signature && $1`. A long text
 * keeps only `k` bigrams: the rarest by `documentFrequency` (ties: first seen), else the first `k`.
 */
export function signature(s: string, options: SignatureOptions = {}): string[] {
  const k = options.k ?? 64;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  let grams = orderedGrams(normalizeText(s), 2);
  if (grams.length > k) {
    if (options.documentFrequency) {
      const df = dfLookup(options.documentFrequency);
      grams = grams
        .map((gram, order) => ({ gram, order, df: df(gram) }))
        .sort((a, b) => a.df - b.df || a.order - b.order)
        .slice(0, k)
        .map((g) => g.gram);
    } else {
      grams = grams.slice(0, k);
    }
  }
  return grams.sort(compareCodeUnits);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A text prepared for repeated comparison: its bigram and trigram sets. */
export interface TextProfile {
  readonly bigrams: ReadonlySet<string>;
  readonly trigrams: ReadonlySet<string>;
}

/** Normalizes once and keeps the bigram and trigram sets; pass to {@link profileSimilarity}. */
export function textProfile(s: string): TextProfile {
  const [bigrams = new Set<string>(), trigrams = new Set<string>()] = gramSets(normalizeText(s), [2, 3]);
  return { bigrams, trigrams };
}

/** Dice coefficient 2|A∩B| / (|A| + |B|); 0 when both are empty. */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const total = a.size + b.size;
  if (total === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / total;
}

/** {@link similarity} on prepared profiles. */
export function profileSimilarity(a: TextProfile, b: TextProfile): number {
  const d2 = dice(a.bigrams, b.bigrams);
  if (d2 === 0) return 0;
  if (d2 === 1) return 1;
  const d3 = dice(a.trigrams, b.trigrams);
  return clamp01(d2 + TRIGRAM_BONUS * d3 * (1 - d2));
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Similarity of two appeal texts in [0, 1], from the normalized texts' bigram Dice coefficient D2 and
 * trigram Dice coefficient D3: `D2 + 0.4 · D3 · (1 − D2)` (see {@link TRIGRAM_BONUS}). Bigrams carry
 * recall (two-character words survive reordering: 厂房扩建 / 扩建厂房); trigrams reward shared phrases,
 * so near-copies outrank paraphrases. Texts equal after {@link normalizeText} score 1; texts without a
 * shared bigram score 0, as do two texts with no content at all (nothing to call a duplicate).
 *
 * Typical values for one-sentence appeals: paraphrases of one complaint 0.3–0.6, the same subject in
 * other words 0.1–0.3, different subjects 0–0.1, a copy with a word changed 0.8 and more.
 */
export function similarity(a: string, b: string): number {
  return profileSimilarity(textProfile(a), textProfile(b));
}

/** An appeal as far as similarity is concerned. */
export interface AppealText {
  id: string;
  text: string;
  /** Category codes or names; compared exactly after trimming. */
  categories: readonly string[];
}

export interface RankQuery {
  /** When set, a candidate with the same id (the appeal itself) is skipped. */
  id?: string;
  text: string;
  categories: readonly string[];
}

export interface ScoreOptions {
  /** Added, times the Jaccard index of the two category sets, when a category is shared (default 0.15). */
  categoryWeight?: number;
  /** Checked in every loop over texts: throws when the computation ran out of time. */
  budget?: { check(): void };
}

export interface RankOptions extends ScoreOptions {
  /** Candidates scoring below this are dropped (default 0.35). */
  minScore?: number;
  /** At most this many results (default 10). */
  limit?: number;
}

export interface RankedCandidate {
  id: string;
  /** `min(1, textScore + categoryWeight · Jaccard(categories))`. */
  score: number;
  /** {@link similarity} of the texts alone. */
  textScore: number;
  /** Categories of the query that the candidate also has, in the query's order. */
  sharedCategories: string[];
}

function categorySet(categories: readonly string[]): string[] {
  return [...new Set(categories.map((c) => c.trim()).filter((c) => c))];
}

function checkWeight(categoryWeight: number): void {
  if (!(categoryWeight >= 0)) throw new RangeError(`categoryWeight must be >= 0, got ${categoryWeight}`);
}

/** Categories of `a` (in its order) that `b` has, and the Jaccard index of the two sets. */
function compareCategories(
  a: readonly string[],
  b: readonly string[],
): { shared: string[]; jaccard: number } {
  if (a.length === 0 || b.length === 0) return { shared: [], jaccard: 0 };
  const inB = new Set(b);
  const shared = a.filter((c) => inB.has(c));
  return { shared, jaccard: shared.length / (a.length + b.length - shared.length) };
}

/**
 * Scores each candidate against the query and returns those scoring at least `minScore`, best first
 * (ties: higher text score, then input order), at most `limit`. The score is the text
 * {@link similarity} plus `categoryWeight` times the Jaccard index of the category sets when they
 * share a category, capped at 1. Typically `candidates` are the rows whose stored {@link signature}
 * overlaps the query's (`&&`), possibly a few thousand; each is normalized once.
 */
export function rankCandidates(
  query: RankQuery,
  candidates: Iterable<AppealText>,
  options: RankOptions = {},
): RankedCandidate[] {
  const { minScore = 0.35, limit = 10, categoryWeight = 0.15 } = options;
  checkWeight(categoryWeight);
  if (!(limit >= 0)) throw new RangeError(`limit must be >= 0, got ${limit}`);
  const queryProfile = textProfile(query.text);
  const queryCategories = categorySet(query.categories);
  const ranked: RankedCandidate[] = [];
  for (const candidate of candidates) {
    options.budget?.check();
    if (query.id !== undefined && candidate.id === query.id) continue;
    const textScore = profileSimilarity(queryProfile, textProfile(candidate.text));
    // the category bonus is at most categoryWeight: skip the category work when it cannot help
    if (textScore + categoryWeight < minScore) continue;
    const { shared, jaccard } = compareCategories(queryCategories, categorySet(candidate.categories));
    const score = Math.min(1, textScore + categoryWeight * jaccard);
    if (score >= minScore) ranked.push({ id: candidate.id, score, textScore, sharedCategories: shared });
  }
  // Array.prototype.sort is stable, so equal scores keep the input order
  ranked.sort((a, b) => b.score - a.score || b.textScore - a.textScore);
  return ranked.slice(0, limit);
}

export interface ClusterOptions extends ScoreOptions {
  /**
   * Below the exact range of `threshold` (see {@link clusterTexts}), only pairs sharing at least this
   * many key bigrams are compared (default 2; fewer when a text has fewer key bigrams).
   */
  minSharedGrams?: number;
  /**
   * Below the exact range of `threshold`, key bigrams per text: its rarest bigrams in the collection,
   * leaving out those no other text has (default 24). More finds more weak links and costs more
   * comparisons.
   */
  keyGrams?: number;
  /** Groups smaller than this are left out (default 2: a single appeal is no common problem). */
  minSize?: number;
}

/**
 * Groups appeals whose pairwise score (text {@link similarity} plus the category bonus, as in
 * {@link rankCandidates}) reaches `threshold`, by single link: A–B and B–C put A, B and C in one group
 * even if A and C differ. For proposing 共性问题 across enterprises.
 *
 * Not O(n²): an inverted index maps key bigrams to texts, only pairs sharing key bigrams are scored,
 * and pairs already in one group are not scored again. Bigrams are ranked by rarity in `items`, so
 * common grams (生产, 影响) do not make everything a candidate of everything.
 *
 * - When `threshold` is high enough to bound the bigram Dice from below
 *   (`(threshold − 0.4 − categoryWeight) / 0.6 > 0`, e.g. 0.6 with the default weight), the key bigrams
 *   are the prefix-filter prefix of each text and one shared key suffices: no linking pair is missed.
 * - Otherwise the key bigrams are each text's `keyGrams` rarest bigrams that another text shares, and
 *   a pair must share `minSharedGrams` of them. Near-duplicates, whose rare grams coincide, still meet;
 *   a weak pair whose overlap lies only in common grams can be missed, and the category bonus alone
 *   never links two texts (keep `threshold` above `categoryWeight`).
 *
 * Returns the ids of each group in input order; groups largest first, then by their first member.
 */
export function clusterTexts(
  items: readonly AppealText[],
  threshold: number,
  options: ClusterOptions = {},
): string[][] {
  const { categoryWeight = 0.15, minSharedGrams = 2, keyGrams = 24, minSize = 2 } = options;
  checkWeight(categoryWeight);
  if (!(threshold > 0 && threshold <= 1))
    throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  if (!(minSharedGrams >= 1)) throw new RangeError(`minSharedGrams must be >= 1, got ${minSharedGrams}`);
  if (!(keyGrams >= 1)) throw new RangeError(`keyGrams must be >= 1, got ${keyGrams}`);

  const budget = options.budget;
  const profiles = items.map((item) => {
    budget?.check();
    return textProfile(item.text);
  });
  const categories = items.map((item) => categorySet(item.categories));

  const df = new Map<string, number>();
  for (const p of profiles) for (const g of p.bigrams) df.set(g, (df.get(g) ?? 0) + 1);
  const rarity = (g: string): number => df.get(g) ?? 0;
  const byRarity = (a: string, b: string): number => rarity(a) - rarity(b) || compareCodeUnits(a, b);

  // score ≤ D2 + TRIGRAM_BONUS · (1 − D2) + categoryWeight, so a linking pair has D2 ≥ minDice
  const minDice = (threshold - TRIGRAM_BONUS - categoryWeight) / (1 - TRIGRAM_BONUS);
  const exact = minDice > 0;
  const sizes = profiles.map((p) => p.bigrams.size);
  const keys = profiles.map((p) => {
    const sorted = [...p.bigrams].sort(byRarity);
    if (exact) {
      // prefix filter: D2 ≥ d needs ≥ d·|x|/(2 − d) shared grams, and then the first shared gram in
      // rarity order lies within the first |x| − that + 1 grams of both texts
      const overlap = Math.ceil((minDice * sorted.length) / (2 - minDice) - 1e-9);
      return sorted.slice(0, Math.max(0, sorted.length - overlap + 1));
    }
    return sorted.filter((g) => rarity(g) > 1).slice(0, keyGrams);
  });
  const need = (i: number, j: number): number =>
    exact ? 1 : Math.min(minSharedGrams, keys[i]?.length ?? 0, keys[j]?.length ?? 0);
  // size filter: D2 ≤ 2·min / (|x| + |y|)
  const sizeOk = (i: number, j: number): boolean => {
    if (!exact) return true;
    const [a, b] = [sizes[i] ?? 0, sizes[j] ?? 0];
    return (2 * Math.min(a, b)) / (a + b) >= minDice - 1e-9;
  };

  // inverted index: gram → texts having it as a key gram, ascending
  const postings = new Map<string, number[]>();
  keys.forEach((grams, i) => {
    for (const g of grams) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });

  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[i] !== root) {
      const next = parent[i] ?? root;
      parent[i] = root;
      i = next;
    }
    return root;
  };

  const count = new Int32Array(items.length); // shared key grams with the current i
  const touched: number[] = [];
  for (let i = 0; i < items.length; i++) {
    budget?.check();
    const keysI = keys[i] ?? [];
    for (const g of keysI) {
      for (const j of postings.get(g) ?? []) {
        if (j <= i) continue;
        if (count[j] === 0) touched.push(j);
        count[j] = (count[j] ?? 0) + 1;
      }
    }
    for (const j of touched) {
      budget?.check();
      const shared = count[j] ?? 0;
      count[j] = 0;
      if (shared < need(i, j) || !sizeOk(i, j)) continue;
      const rootI = find(i);
      const rootJ = find(j);
      if (rootI === rootJ) continue;
      const pi = profiles[i];
      const pj = profiles[j];
      if (!pi || !pj) continue;
      const bonus = categoryWeight * compareCategories(categories[i] ?? [], categories[j] ?? []).jaccard;
      // the bigram Dice alone bounds the score; skip the trigrams when it cannot reach the threshold
      const d2 = dice(pi.bigrams, pj.bigrams);
      if (d2 + TRIGRAM_BONUS * (1 - d2) + bonus < threshold) continue;
      const score = Math.min(1, profileSimilarity(pi, pj) + bonus);
      // attach the later root under the earlier so a group is reported from its first member
      if (score >= threshold) parent[Math.max(rootI, rootJ)] = Math.min(rootI, rootJ);
    }
    touched.length = 0;
  }

  const groups = new Map<number, string[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(item.id);
    else groups.set(root, [item.id]);
  });
  // Map keeps insertion order, which is the order of each group's first member
  return [...groups.values()].filter((g) => g.length >= minSize).sort((a, b) => b.length - a.length);
}
