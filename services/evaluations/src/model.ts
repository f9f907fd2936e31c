/**
 * The evaluation vocabulary: rating levels, observer verdicts, score components, weights and cycle
 * settings with their documented defaults. Pure values, shared by the services, the scoring, the
 * report and the demo data.
 */

/** The five levels of China's government-service rating practice (好差评), best first. */
export enum RatingLevel {
  /** 非常满意 */
  VERY_SATISFIED = 'VERY_SATISFIED',
  /** 满意 */
  SATISFIED = 'SATISFIED',
  /** 基本满意 */
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  /** 不满意 */
  DISSATISFIED = 'DISSATISFIED',
  /** 非常不满意 */
  VERY_DISSATISFIED = 'VERY_DISSATISFIED',
}

/** Stored as 5 (非常满意) … 1 (非常不满意). */
export const RATING_VALUE: Record<RatingLevel, number> = {
  VERY_SATISFIED: 5,
  SATISFIED: 4,
  BASICALLY_SATISFIED: 3,
  DISSATISFIED: 2,
  VERY_DISSATISFIED: 1,
};
export const RATING_OF_VALUE: Record<number, RatingLevel> = {
  5: RatingLevel.VERY_SATISFIED,
  4: RatingLevel.SATISFIED,
  3: RatingLevel.BASICALLY_SATISFIED,
  2: RatingLevel.DISSATISFIED,
  1: RatingLevel.VERY_DISSATISFIED,
};
export const RATING_LABELS: Record<RatingLevel, string> = {
  VERY_SATISFIED: '非常满意',
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
  VERY_DISSATISFIED: '非常不满意',
};
/** 不满意 and 非常不满意 are bad ratings (差评): they open a rectification task. */
export const BAD_RATING_MAX = 2;
/** A rating value on the 0–100 scale of the scores: 5 → 100, 4 → 75, 3 → 50, 2 → 25, 1 → 0. */
export const ratingPoints = (value: number): number => (value - 1) * 25;

/** An observer's (观察员) verdict on a department. */
export enum ObserverVerdict {
  /** 优秀 */
  EXCELLENT = 'EXCELLENT',
  /** 良好 */
  GOOD = 'GOOD',
  /** 一般 */
  FAIR = 'FAIR',
  /** 较差 */
  POOR = 'POOR',
}
export const VERDICT_POINTS: Record<ObserverVerdict, number> = {
  EXCELLENT: 100,
  GOOD: 80,
  FAIR: 60,
  POOR: 30,
};
export const VERDICT_LABELS: Record<ObserverVerdict, string> = {
  EXCELLENT: '优秀',
  GOOD: '良好',
  FAIR: '一般',
  POOR: '较差',
};

/** Who the observer is (Shangyu's 观察员队伍: managers, lawyers, journalists, deputies). */
export enum ObserverKind {
  MANAGER = 'MANAGER',
  LAWYER = 'LAWYER',
  JOURNALIST = 'JOURNALIST',
  DEPUTY = 'DEPUTY',
  OTHER = 'OTHER',
}

/** The documented components of a score. Each is on a 0–100 scale. */
export enum ScoreComponent {
  /** 满意度: ratings (like every component, shrunk toward the cycle's pooled value by sample size) */
  SATISFACTION = 'SATISFACTION',
  /** 解决率: really resolved answers (upheld refusals count; callbacks override the record) */
  RESOLUTION = 'RESOLUTION',
  /** 及时率: closed on time in working days */
  TIMELINESS = 'TIMELINESS',
  /** 不能办: 100 × (1 − refusal rate) × (1 − share overturned on review) */
  REFUSALS = 'REFUSALS',
  /** 重办率: 100 × (1 − reopen rate) */
  REOPENS = 'REOPENS',
  /** 回访一致率: callbacks whose answer matched the record */
  CALLBACK_AGREEMENT = 'CALLBACK_AGREEMENT',
  /** 观察员评价 */
  OBSERVER = 'OBSERVER',
}
export const COMPONENT_LABELS: Record<ScoreComponent, string> = {
  SATISFACTION: '满意度',
  RESOLUTION: '实际解决率',
  TIMELINESS: '按期办结率',
  REFUSALS: '不能办控制',
  REOPENS: '重办控制',
  CALLBACK_AGREEMENT: '回访一致率',
  OBSERVER: '观察员评价',
};

export type Weights = Record<ScoreComponent, number>;

/**
 * Default weights (sum 1). A component nobody in the cycle has data for drops out and the rest are
 * rescaled; a subject without data for a component counts at the cycle's pooled value.
 */
export const DEFAULT_WEIGHTS: Weights = {
  SATISFACTION: 0.3,
  RESOLUTION: 0.25,
  TIMELINESS: 0.15,
  REFUSALS: 0.1,
  REOPENS: 0.05,
  CALLBACK_AGREEMENT: 0.1,
  OBSERVER: 0.05,
};

export enum FlagCode {
  /** 满意度虚高: high satisfaction beside many refusals, low resolution or callback disagreement */
  INFLATED_SATISFACTION = 'INFLATED_SATISFACTION',
  /** 样本过少 */
  SMALL_SAMPLE = 'SMALL_SAMPLE',
  /** 整改超期 */
  LATE_RECTIFICATION = 'LATE_RECTIFICATION',
}
export const FLAG_LABELS: Record<FlagCode, string> = {
  INFLATED_SATISFACTION: '满意度虚高',
  SMALL_SAMPLE: '样本过少',
  LATE_RECTIFICATION: '整改超期',
};

/** A cycle's scoring settings (besides weights and sampling). */
export interface CycleSettings {
  /**
   * Pseudo-observations at the cycle's pooled value added to every component of every subject
   * (ratings, answers, closings, reviewed refusals, reached callbacks, observer reviews): the
   * shrinkage strength.
   */
  priorWeight: number;
  /** Below this many ratings or answers a subject is flagged SMALL_SAMPLE. */
  minSample: number;
  /** An answer whose rating window closed unrated counts as this level; null: it does not count. */
  unratedCountsAs: RatingLevel | null;
  /** Satisfaction (0–100) at or above which the inflation checks apply. */
  inflatedSatisfactionAtLeast: number;
  /** Refusal rate at or above which high satisfaction is suspect. */
  inflatedRefusalRateAtLeast: number;
  /** Resolution share below which high satisfaction is suspect. */
  inflatedResolutionBelow: number;
  /** Callback agreement below which high satisfaction is suspect (with ≥ 3 reached calls). */
  inflatedAgreementBelow: number;
}

export const DEFAULT_SETTINGS: CycleSettings = {
  priorWeight: 20,
  minSample: 10,
  unratedCountsAs: null,
  inflatedSatisfactionAtLeast: 90,
  inflatedRefusalRateAtLeast: 0.3,
  inflatedResolutionBelow: 0.7,
  inflatedAgreementBelow: 0.8,
};

/** How a cycle draws its callback sample (电话回访抽样). */
export interface Sampling {
  /** Share of the other answers drawn at random, per department (0–1). */
  share: number;
  /** At least this many random calls per department that has answers. */
  minPerDepartment: number;
  /** The seed: the same seed and data draw the same sample. */
  seed: number;
}

export const DEFAULT_SAMPLING: Sampling = { share: 0.05, minPerDepartment: 1, seed: 20261122 };

export enum SubjectKind {
  DEPARTMENT = 'DEPARTMENT',
  CADRE = 'CADRE',
}

export enum CycleStatus {
  /** 已开启: settings may change, callbacks are drawn and made */
  OPEN = 'OPEN',
  /** 已计算: results exist, flags are worked; may run again */
  RUN = 'RUN',
  /** 已发布: immutable */
  PUBLISHED = 'PUBLISHED',
  /** 已被更正版本取代 */
  SUPERSEDED = 'SUPERSEDED',
}

/** One component of a subject's score, with what it was computed from. */
export interface ComponentResult {
  component: ScoreComponent;
  /** 0–100, null when there was no data (its weight then went to the others). */
  value: number | null;
  /** The raw figure before shrinkage or capping (a rate or mean on 0–100). */
  raw: number | null;
  /** The configured weight and the weight actually applied after rescaling. */
  weight: number;
  appliedWeight: number;
  sampleSize: number;
  /** How it was computed, in Chinese, for the explanation. */
  note: string;
}

/** A subject's figures behind the components (kept for the explanation and the report). */
export interface SubjectFigures {
  answers: number;
  ratings: number;
  unratedCounted: number;
  ratingMean: number | null;
  /** Answers really resolved (partly resolved count half; a callback's finding wins). */
  resolved: number;
  resolvedShare: number | null;
  refusals: number;
  refusalRate: number | null;
  refusalsReviewed: number;
  refusalsOverturned: number;
  reopened: number;
  closed: number;
  closedOnTime: number;
  medianWorkdaysToClose: number | null;
  callbacksReached: number;
  callbacksMatched: number;
  callbackRatingMean: number | null;
  observerReviews: number;
  rectifications: number;
  lateRectifications: number;
}

export interface SubjectResult {
  kind: SubjectKind;
  subjectId: string;
  /** The department of a cadre (for a department: itself). */
  departmentId: string | null;
  score: number | null;
  rank: number | null;
  rankedOf: number;
  components: ComponentResult[];
  figures: SubjectFigures;
  flags: { code: FlagCode; detail: string }[];
}
