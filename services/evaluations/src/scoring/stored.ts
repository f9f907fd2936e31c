import {
  ScoreComponent,
  SubjectKind,
  type ComponentResult,
  type FlagCode,
  type SubjectFigures,
  type SubjectResult,
  type Weights,
} from '../model';
import { componentNote, type CyclePool } from './score';

/**
 * How a cycle's results are kept: numbers in fixed order (a run writes tens of thousands of rows,
 * so each stays a few hundred bytes), the explanation's words rendered again on read.
 */
const COMPONENTS = Object.values(ScoreComponent);
const FIGURES: (keyof SubjectFigures)[] = [
  'answers',
  'ratings',
  'unratedCounted',
  'ratingMean',
  'resolved',
  'resolvedShare',
  'refusals',
  'refusalRate',
  'refusalsReviewed',
  'refusalsOverturned',
  'reopened',
  'closed',
  'closedOnTime',
  'medianWorkdaysToClose',
  'callbacksReached',
  'callbacksMatched',
  'callbackRatingMean',
  'observerReviews',
  'rectifications',
  'lateRectifications',
];

export interface PackedResult {
  /** Per component, in ScoreComponent order: value, raw, applied weight, sample size. */
  c: [number | null, number | null, number, number][];
  /** The figures, in FIGURES order. */
  f: (number | null)[];
  /** Flags with their details. */
  x: [FlagCode, string][];
}

export function packResult(r: SubjectResult): string {
  const by = new Map(r.components.map((c) => [c.component, c]));
  const packed: PackedResult = {
    c: COMPONENTS.map((k) => {
      const c = by.get(k);
      return [c?.value ?? null, c?.raw ?? null, c?.appliedWeight ?? 0, c?.sampleSize ?? 0];
    }),
    f: FIGURES.map((k) => r.figures[k]),
    x: r.flags.map((f) => [f.code, f.detail]),
  };
  return JSON.stringify(packed);
}

export function unpackResult(
  packed: PackedResult,
  kind: SubjectKind,
  weights: Weights,
  pool: CyclePool | null,
): { components: ComponentResult[]; figures: SubjectFigures; flags: { code: FlagCode; detail: string }[] } {
  const figures = Object.fromEntries(
    FIGURES.map((k, i) => [k, packed.f[i] ?? null]),
  ) as unknown as SubjectFigures;
  const components = COMPONENTS.map((component, i): ComponentResult => {
    const [value, raw, appliedWeight, sampleSize] = packed.c[i] ?? [null, null, 0, 0];
    const weight =
      component === ScoreComponent.OBSERVER && kind === SubjectKind.CADRE ? 0 : weights[component];
    const base = { component, value, raw, weight, appliedWeight, sampleSize };
    return { ...base, note: pool ? componentNote(base, figures, pool) : '' };
  });
  return { components, figures, flags: packed.x.map(([code, detail]) => ({ code, detail })) };
}
