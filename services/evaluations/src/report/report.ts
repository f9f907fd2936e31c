/**
 * Exports of one review cycle (评议周期): a CSV of the results for Excel and a self-contained,
 * printable HTML report with inline SVG charts. Pure functions: no I/O, no dependencies beyond the
 * evaluation vocabulary, the same input always gives the same output.
 */
import {
  COMPONENT_LABELS,
  CycleStatus,
  FLAG_LABELS,
  FlagCode,
  ScoreComponent,
  SubjectKind,
  type SubjectResult,
  type Weights,
} from '../model';

export interface ReportCycle {
  id: string;
  name: string;
  version: number;
  periodLabel: string;
  /** YYYY-MM-DD */
  periodStart: string;
  /** YYYY-MM-DD, exclusive */
  periodEnd: string;
  regionCode: string;
  regionName: string | null;
  level: string | null;
  status: CycleStatus;
  runAt: string | null;
  publishedAt: string | null;
  correctionReason: string | null;
  weights: Weights;
}

export interface ReportSubject extends SubjectResult {
  name: string;
  departmentName: string | null;
}

export interface ReportTrendPoint {
  label: string;
  cycleId: string;
  mean: number | null;
  bySubject: Record<string, number | null>;
}

export interface CycleReportInput {
  cycle: ReportCycle;
  subjects: ReportSubject[];
  /** Oldest first; includes this cycle last. */
  trend: ReportTrendPoint[];
  generatedAt: string;
}

/** The components in their documented order (the column and legend order). */
export const REPORT_COMPONENTS: readonly ScoreComponent[] = Object.values(ScoreComponent);

export const CYCLE_STATUS_LABELS: Record<CycleStatus, string> = {
  OPEN: '已开启',
  RUN: '已计算',
  PUBLISHED: '已发布',
  SUPERSEDED: '已被更正版本取代',
};

const KIND_LABELS: Record<SubjectKind, string> = { DEPARTMENT: '部门', CADRE: '干部' };
const KIND_ORDER: Record<SubjectKind, number> = { DEPARTMENT: 0, CADRE: 1 };

// ---------------------------------------------------------------------------------------------
// Ordering and formatting
// ---------------------------------------------------------------------------------------------

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * The report order: departments before cadres (each kind is ranked on its own), then by rank with
 * unranked subjects last, then by name (Chinese collation), then by id so the order is total.
 */
export function orderSubjects<T extends ReportSubject>(subjects: readonly T[]): T[] {
  return [...subjects].sort((a, b) => {
    const kind = (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9);
    if (kind !== 0) return kind;
    const ra = finite(a.rank) ? a.rank : Number.POSITIVE_INFINITY;
    const rb = finite(b.rank) ? b.rank : Number.POSITIVE_INFINITY;
    if (ra !== rb) return ra < rb ? -1 : 1;
    const byName = a.name.localeCompare(b.name, 'zh-CN');
    if (byName !== 0) return byName;
    return a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0;
  });
}

/** Fixed decimals, '' for null or non-finite, never "-0.00". */
function fixed(x: number | null | undefined, digits: number): string {
  if (!finite(x)) return '';
  const text = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
const fmtScore = (x: number | null | undefined): string => fixed(x, 2);
/** A share (0–1) as a percentage with one decimal: 0.559 → "55.9%". */
const fmtPct = (share: number | null | undefined): string =>
  finite(share) ? `${fixed(share * 100, 1)}%` : '';
const fmtInt = (x: number | null | undefined): string => (finite(x) ? String(Math.round(x)) : '');
/** At most one decimal, without a trailing ".0" (a median of working days). */
const fmtDays = (x: number | null | undefined): string => (finite(x) ? String(Math.round(x * 10) / 10) : '');

const onTimeShare = (s: ReportSubject): number | null =>
  s.figures.closed > 0 ? s.figures.closedOnTime / s.figures.closed : null;

const componentOf = (s: ReportSubject, c: ScoreComponent) => s.components.find((x) => x.component === c);

/** The distinct flag labels of a subject, in flag order. */
function flagLabels(s: ReportSubject): string[] {
  const labels: string[] = [];
  for (const f of s.flags) {
    const label = FLAG_LABELS[f.code] ?? String(f.code);
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}

const departmentCell = (s: ReportSubject): string =>
  s.kind === SubjectKind.CADRE ? (s.departmentName ?? '') : '';

/** The figure columns after the components, shared by the CSV and the HTML table. */
const FIGURE_COLUMNS: readonly { header: string; value: (s: ReportSubject) => string }[] = [
  { header: '答复数', value: (s) => fmtInt(s.figures.answers) },
  { header: '评价数', value: (s) => fmtInt(s.figures.ratings) },
  { header: '平均评价', value: (s) => fmtScore(s.figures.ratingMean) },
  { header: '不能办率', value: (s) => fmtPct(s.figures.refusalRate) },
  { header: '复核推翻数', value: (s) => fmtInt(s.figures.refusalsOverturned) },
  { header: '重办数', value: (s) => fmtInt(s.figures.reopened) },
  { header: '按期办结率', value: (s) => fmtPct(onTimeShare(s)) },
  { header: '办结天数中位数', value: (s) => fmtDays(s.figures.medianWorkdaysToClose) },
  { header: '回访接通数', value: (s) => fmtInt(s.figures.callbacksReached) },
  { header: '回访一致数', value: (s) => fmtInt(s.figures.callbacksMatched) },
  { header: '整改超期数', value: (s) => fmtInt(s.figures.lateRectifications) },
];

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** A text cell that a spreadsheet would read as a formula gets a leading apostrophe. */
function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field containing a comma, a quote or a line break; double inner quotes. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV headers, in order. */
export function cycleCsvHeaders(): string[] {
  return [
    '排名',
    '名称',
    '所属部门',
    '综合得分',
    ...REPORT_COMPONENTS.flatMap((c) => [`${COMPONENT_LABELS[c]}得分`, `${COMPONENT_LABELS[c]}样本`]),
    ...FIGURE_COLUMNS.map((c) => c.header),
    '预警',
  ];
}

/**
 * The cycle's results as CSV: UTF-8 BOM (so Excel reads the Chinese), Chinese headers, CRLF line
 * ends, one row per subject in report order. Scores have 2 decimals, rates are percentages with 1
 * decimal, missing values are empty; text cells are guarded against formula injection.
 */
export function cycleCsv(input: CycleReportInput): string {
  const rows: string[][] = [cycleCsvHeaders()];
  for (const s of orderSubjects(input.subjects)) {
    const text = (t: string) => guardFormula(t);
    rows.push([
      fmtInt(s.rank),
      text(s.name),
      text(departmentCell(s)),
      fmtScore(s.score),
      ...REPORT_COMPONENTS.flatMap((c) => {
        const r = componentOf(s, c);
        return [fmtScore(r?.value), r ? fmtInt(r.sampleSize) : ''];
      }),
      ...FIGURE_COLUMNS.map((c) => c.value(s)),
      text(flagLabels(s).join('；')),
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

// ---------------------------------------------------------------------------------------------
// HTML helpers
// ---------------------------------------------------------------------------------------------

/** Escapes text for HTML and SVG content and attribute values; drops control characters. */
export function escapeHtml(text: string | null | undefined): string {
  return (
    String(text ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}
const esc = escapeHtml;

/** Rounds an SVG coordinate to keep the markup small. */
const n = (x: number): string => String(Math.round(x * 100) / 100);

/** A rough width of text in SVG units: CJK and full-width characters 1 em, the rest 0.6 em. */
function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    em += c >= 0x2e80 || (c >= 0x1100 && c <= 0x115f) ? 1 : 0.6;
  }
  return em * fontSize;
}

/** Cuts text to fit a width, ending it with "…". Cut before escaping, never inside an entity. */
function fit(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const budget = maxWidth - fontSize; // room for the ellipsis
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = textWidth(ch, fontSize);
    if (width + w > budget) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

/** A timestamp in Beijing time ("2025-10-01 08:00"), whatever the host's time zone. */
function fmtTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(d);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  } catch {
    return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  }
}

/** The period with its exclusive end turned into the last included day. */
function fmtPeriod(start: string, endExclusive: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(endExclusive);
  if (m) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) - 1));
    if (!Number.isNaN(last.getTime())) return `${start} 至 ${last.toISOString().slice(0, 10)}`;
  }
  return `${start} 至 ${endExclusive}（不含）`;
}

const COMPONENT_COLORS: Record<ScoreComponent, string> = {
  SATISFACTION: '#1c7ed6',
  RESOLUTION: '#37b24d',
  TIMELINESS: '#f59f00',
  REFUSALS: '#7048e8',
  REOPENS: '#0ca678',
  CALLBACK_AGREEMENT: '#e64980',
  OBSERVER: '#868e96',
};
const SERIES_COLORS = ['#1c7ed6', '#37b24d', '#f59f00', '#7048e8', '#e64980'];
const BAR_COLOR = '#4c6ef5';
const WARN_COLOR = '#e8590c';
const MUTED = '#868e96';
const GRID = '#e9ecef';
const FONT = 11;
const CHART_WIDTH = 720;

function svgOpen(height: number, label: string): string {
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${n(height)}" ` +
    `width="100%" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>`
  );
}

function svgText(
  x: number,
  y: number,
  text: string,
  opts: { anchor?: 'start' | 'middle' | 'end'; size?: number; fill?: string; weight?: string } = {},
): string {
  const attrs = [`x="${n(x)}"`, `y="${n(y)}"`, `font-size="${opts.size ?? FONT}"`];
  if (opts.anchor && opts.anchor !== 'start') attrs.push(`text-anchor="${opts.anchor}"`);
  if (opts.fill) attrs.push(`fill="${opts.fill}"`);
  if (opts.weight) attrs.push(`font-weight="${opts.weight}"`);
  return `<text ${attrs.join(' ')}>${esc(text)}</text>`;
}

/** Legend items laid out left to right, wrapping; returns the markup and the height used. */
function legend(
  items: { label: string; color: string; dashed?: boolean }[],
  x0: number,
  y0: number,
  maxX: number,
): { svg: string; height: number } {
  const lineH = 18;
  let x = x0;
  let y = y0;
  const out: string[] = [];
  for (const item of items) {
    const label = fit(item.label, 200, FONT);
    const w = 18 + textWidth(label, FONT) + 14;
    if (x > x0 && x + w > maxX) {
      x = x0;
      y += lineH;
    }
    const swatch = item.dashed
      ? `<line x1="${n(x)}" y1="${n(y - 4)}" x2="${n(x + 12)}" y2="${n(y - 4)}" stroke="${item.color}" stroke-width="2.5" stroke-dasharray="4 2"/>`
      : `<rect x="${n(x)}" y="${n(y - 9)}" width="12" height="10" fill="${item.color}"/>`;
    out.push(swatch, svgText(x + 16, y, label));
    x += w;
  }
  return { svg: out.join(''), height: items.length ? y - y0 + lineH : 0 };
}

/** Round tick values covering [lo, hi] (hi > lo). */
function ticks(lo: number, hi: number, target = 5): number[] {
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

const RANKING_ROWS_PER_SVG = 50;

/** Horizontal bars of the score, in rank order; flagged subjects in the warning colour. */
function rankingChart(subjects: ReportSubject[], kindLabel: string): string[] {
  if (subjects.length === 0) return ['<p class="empty">暂无评议对象。</p>'];
  const scores = subjects.map((s) => s.score).filter(finite);
  const lo = Math.min(0, ...scores);
  const hi = Math.max(100, ...scores);
  const labelW = 170;
  const x0 = labelW + 10;
  const barW = 360;
  const scale = (v: number) => x0 + ((v - lo) / (hi - lo)) * barW;
  const rowH = subjects.length > 30 ? 16 : 22;
  const top = 26;
  const tickValues = ticks(lo, hi);

  const chunks: string[] = [];
  for (let start = 0; start < subjects.length; start += RANKING_ROWS_PER_SVG) {
    const rows = subjects.slice(start, start + RANKING_ROWS_PER_SVG);
    const height = top + rows.length * rowH + 8;
    const last = Math.min(start + RANKING_ROWS_PER_SVG, subjects.length);
    const out: string[] = [svgOpen(height, `${kindLabel}综合得分排名（第 ${start + 1}–${last} 位）`)];
    for (const t of tickValues) {
      const x = scale(t);
      out.push(
        `<line x1="${n(x)}" y1="${top - 4}" x2="${n(x)}" y2="${n(height - 8)}" stroke="${GRID}"/>`,
        svgText(x, top - 10, String(t), { anchor: 'middle', size: 10, fill: MUTED }),
      );
    }
    rows.forEach((s, i) => {
      const yMid = top + i * rowH + rowH / 2;
      const barH = rowH - 6;
      const flags = flagLabels(s);
      const flagged = flags.length > 0;
      const rankText = finite(s.rank) ? `${s.rank}. ` : '— ';
      const tip = [
        `${rankText}${s.name}`,
        s.kind === SubjectKind.CADRE && s.departmentName ? `（${s.departmentName}）` : '',
        `：${finite(s.score) ? fmtScore(s.score) : '无得分'}`,
        flagged ? `；预警：${flags.join('；')}` : '',
      ].join('');
      out.push(`<g><title>${esc(tip)}</title>`);
      out.push(
        svgText(labelW, yMid + 4, fit(`${rankText}${s.name}`, labelW, FONT), {
          anchor: 'end',
          fill: flagged ? WARN_COLOR : undefined,
        }),
      );
      if (finite(s.score)) {
        const xa = scale(Math.min(0, s.score));
        const xb = scale(Math.max(0, s.score));
        out.push(
          `<rect x="${n(xa)}" y="${n(yMid - barH / 2)}" width="${n(Math.max(xb - xa, 0.5))}" height="${n(barH)}" ` +
            `fill="${flagged ? WARN_COLOR : BAR_COLOR}"/>`,
        );
        const valueText = fmtScore(s.score);
        const xv = xb + 4;
        out.push(svgText(xv, yMid + 4, valueText, { size: 10 }));
        if (flagged) {
          const xf = xv + textWidth(valueText, 10) + 6;
          out.push(
            svgText(xf, yMid + 4, fit(`⚠ ${flags.join('；')}`, CHART_WIDTH - xf - 2, 10), {
              size: 10,
              fill: WARN_COLOR,
            }),
          );
        }
      } else {
        const note = flagged ? `无得分  ⚠ ${flags.join('；')}` : '无得分';
        out.push(
          svgText(x0 + 4, yMid + 4, fit(note, CHART_WIDTH - x0 - 6, 10), {
            size: 10,
            fill: flagged ? WARN_COLOR : MUTED,
          }),
        );
      }
      out.push('</g>');
    });
    out.push(`<line x1="${n(x0)}" y1="${top - 4}" x2="${n(x0)}" y2="${n(height - 8)}" stroke="#adb5bd"/>`);
    out.push('</svg>');
    chunks.push(`<figure class="chart-box">${out.join('')}</figure>`);
  }
  const legendHtml =
    `<p class="legend"><span class="swatch" style="background:${BAR_COLOR}"></span>无预警 ` +
    `<span class="swatch" style="background:${WARN_COLOR}"></span>有预警（标注预警类型）</p>`;
  return chunks.map((chunk, i) => (i === 0 ? legendHtml + chunk : chunk));
}

const COMPONENT_TOP = 15;

/** The top subjects' scores as stacked contributions (component value × applied weight). */
function componentsChart(subjects: ReportSubject[], kindLabel: string, weights: Weights): string[] {
  const top = subjects.filter((s) => finite(s.score)).slice(0, COMPONENT_TOP);
  if (top.length === 0) return ['<p class="empty">暂无得分数据。</p>'];
  const segmentsOf = (s: ReportSubject) =>
    REPORT_COMPONENTS.flatMap((c) => {
      const r = componentOf(s, c);
      if (!r || !finite(r.value) || !finite(r.appliedWeight)) return [];
      const contribution = r.value * r.appliedWeight;
      return contribution > 0
        ? [{ component: c, value: r.value, weight: r.appliedWeight, contribution }]
        : [];
    });
  const totals = top.map((s) => segmentsOf(s).reduce((sum, x) => sum + x.contribution, 0));
  const hi = Math.max(100, ...totals, ...top.map((s) => s.score ?? 0));
  const labelW = 170;
  const x0 = labelW + 10;
  const barW = CHART_WIDTH - x0 - 60;
  const scale = (v: number) => (v / hi) * barW;

  const items = REPORT_COMPONENTS.map((c) => ({
    label: `${COMPONENT_LABELS[c]}（${fmtPct(weights[c]).replace('.0%', '%')}）`,
    color: COMPONENT_COLORS[c],
  }));
  const lg = legend(items, x0, 14, CHART_WIDTH - 4);
  const axisY = 14 + lg.height + 14;
  const rowTop = axisY + 6;
  const rowH = 22;
  const height = rowTop + top.length * rowH + 8;
  const out: string[] = [svgOpen(height, `${kindLabel}前 ${top.length} 名得分构成`), lg.svg];
  for (const t of ticks(0, hi)) {
    const x = x0 + scale(t);
    out.push(
      `<line x1="${n(x)}" y1="${n(rowTop - 2)}" x2="${n(x)}" y2="${n(height - 8)}" stroke="${GRID}"/>`,
      svgText(x, axisY, String(t), { anchor: 'middle', size: 10, fill: MUTED }),
    );
  }
  top.forEach((s, i) => {
    const y = rowTop + i * rowH + 3;
    const barH = rowH - 6;
    const rankText = finite(s.rank) ? `${s.rank}. ` : '— ';
    out.push(svgText(labelW, y + barH / 2 + 4, fit(`${rankText}${s.name}`, labelW, FONT), { anchor: 'end' }));
    let x = x0;
    for (const seg of segmentsOf(s)) {
      const w = scale(seg.contribution);
      const tip =
        `${s.name} · ${COMPONENT_LABELS[seg.component]}：${fmtScore(seg.value)} × ` +
        `${fmtPct(seg.weight)} = ${fmtScore(seg.contribution)}`;
      out.push(
        `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(barH)}" fill="${COMPONENT_COLORS[seg.component]}" ` +
          `stroke="#fff" stroke-width="0.5"><title>${esc(tip)}</title></rect>`,
      );
      x += w;
    }
    out.push(svgText(x + 4, y + barH / 2 + 4, fmtScore(s.score), { size: 10, weight: '600' }));
  });
  out.push(
    `<line x1="${n(x0)}" y1="${n(rowTop - 2)}" x2="${n(x0)}" y2="${n(height - 8)}" stroke="#adb5bd"/>`,
  );
  out.push('</svg>');
  return [`<figure class="chart-box">${out.join('')}</figure>`];
}

const TREND_SUBJECTS = 5;

/** The cycle mean and the top subjects of this cycle over the trend points. */
function trendChart(trend: ReportTrendPoint[], ordered: ReportSubject[]): string[] {
  if (trend.length < 2) return ['<p class="empty">历次评议不足两期，暂无趋势图。</p>'];
  const leaders = ordered.filter((s) => finite(s.rank)).slice(0, TREND_SUBJECTS);
  const series = [
    { label: '全部对象平均', color: '#343a40', dashed: true, values: trend.map((p) => p.mean) },
    ...leaders.map((s, i) => ({
      label: s.name,
      color: SERIES_COLORS[i % SERIES_COLORS.length] ?? BAR_COLOR,
      dashed: false,
      values: trend.map((p) => p.bySubject[s.subjectId] ?? null),
    })),
  ];
  const all = series.flatMap((s) => s.values).filter(finite);
  let lo = 0;
  let hi = 100;
  if (all.length) {
    lo = Math.max(0, Math.floor((Math.min(...all) - 5) / 10) * 10);
    hi = Math.min(100, Math.ceil((Math.max(...all) + 5) / 10) * 10);
    if (Math.max(...all) > hi) hi = Math.ceil(Math.max(...all) / 10) * 10;
    if (Math.min(...all) < lo) lo = Math.floor(Math.min(...all) / 10) * 10;
    if (hi - lo < 10) hi = lo + 10;
  }
  const left = 44;
  const right = CHART_WIDTH - 20;
  const top = 14;
  const plotH = 220;
  const bottom = top + plotH;
  const inset = 36; // room for the first and last x labels
  const xOf = (i: number) => left + inset + (i * (right - left - 2 * inset)) / (trend.length - 1);
  const yOf = (v: number) => bottom - ((v - lo) / (hi - lo)) * plotH;

  const lg = legend(series, left, bottom + 44, right);
  const height = bottom + 44 + lg.height + 4;
  const out: string[] = [svgOpen(height, '历次评议得分趋势')];
  for (const t of ticks(lo, hi)) {
    const y = yOf(t);
    out.push(
      `<line x1="${left}" y1="${n(y)}" x2="${right}" y2="${n(y)}" stroke="${GRID}"/>`,
      svgText(left - 6, y + 4, String(t), { anchor: 'end', size: 10, fill: MUTED }),
    );
  }
  const every = Math.max(1, Math.ceil(trend.length / 12));
  trend.forEach((p, i) => {
    const isLast = i === trend.length - 1;
    if (i % every !== 0 && !isLast) return;
    const maxW = Math.min(
      2 * inset,
      Math.max(40, ((right - left - 2 * inset) / (trend.length - 1)) * every - 4),
    );
    out.push(
      svgText(xOf(i), bottom + 18, fit(p.label, maxW, 10), {
        anchor: 'middle',
        size: 10,
        weight: isLast ? '700' : undefined,
      }),
    );
  });
  out.push(`<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#adb5bd"/>`);
  for (const s of series) {
    const segments: string[] = [];
    let current: string[] = [];
    const dots: string[] = [];
    s.values.forEach((v, i) => {
      if (!finite(v)) {
        if (current.length) segments.push(current.join(' '));
        current = [];
        return;
      }
      current.push(`${current.length ? 'L' : 'M'}${n(xOf(i))} ${n(yOf(v))}`);
      const label = trend[i]?.label ?? '';
      dots.push(
        `<circle cx="${n(xOf(i))}" cy="${n(yOf(v))}" r="2.5" fill="${s.color}">` +
          `<title>${esc(`${s.label} · ${label}：${fmtScore(v)}`)}</title></circle>`,
      );
    });
    if (current.length) segments.push(current.join(' '));
    const dash = s.dashed ? ' stroke-dasharray="6 3"' : '';
    for (const d of segments) {
      out.push(
        `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.dashed ? 2.5 : 1.8}"${dash}/>`,
      );
    }
    out.push(...dots);
  }
  out.push(lg.svg, '</svg>');
  const note = leaders.length ? '' : '<p class="note">本期无已排名对象，仅显示全部对象平均分。</p>';
  return [`<figure class="chart-box">${out.join('')}</figure>${note}`];
}

// ---------------------------------------------------------------------------------------------
// HTML report
// ---------------------------------------------------------------------------------------------

const CSS = `
@page { size: A4; margin: 14mm 12mm 16mm; }
@page detail { size: A4 landscape; margin: 12mm 10mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 0; color: #212529; font-size: 10.5pt; line-height: 1.5;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "SimSun", sans-serif; }
h1 { font-size: 18pt; margin: 0 0 2mm; text-align: center; }
h2 { font-size: 13pt; margin: 7mm 0 3mm; padding-bottom: 1mm; border-bottom: 1.5px solid #343a40; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid; page-break-after: avoid; }
.subtitle { text-align: center; color: #495057; margin: 0 0 4mm; }
.banner { border: 2px solid #c92a2a; color: #c92a2a; background: #fff5f5; text-align: center; font-weight: 700; padding: 2mm; margin-bottom: 4mm; letter-spacing: .1em; }
.superseded { border: 1.5px solid #868e96; background: #f8f9fa; padding: 2mm 3mm; margin-bottom: 4mm; }
.correction { border: 2px solid #e8590c; background: #fff4e6; padding: 3mm 4mm; margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
.correction strong { color: #d9480f; }
.correction p { margin: 1mm 0 0; white-space: pre-wrap; }
.watermark { position: fixed; top: 0; left: 0; right: 0; bottom: 0; display: flex; align-items: center; justify-content: center; pointer-events: none; z-index: 10; }
.watermark span { transform: rotate(-30deg); font-size: 56pt; font-weight: 700; color: rgba(201, 42, 42, .10); white-space: nowrap; letter-spacing: .2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ced4da; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #f1f3f5; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.settings th { width: 28mm; text-align: left; }
.weights { width: auto; min-width: 90mm; margin-top: 3mm; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.summary { display: flex; gap: 3mm; margin: 3mm 0; }
.summary div { flex: 1; border: 1px solid #dee2e6; padding: 2mm; text-align: center; }
.summary b { display: block; font-size: 14pt; }
.chart-box { margin: 0 0 3mm; break-inside: avoid; page-break-inside: avoid; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.chart { display: block; width: 100%; height: auto; }
.legend { margin: 0 0 2mm; font-size: 9pt; color: #495057; }
.swatch { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 8px; vertical-align: middle; }
.empty, .note { color: #868e96; font-size: 9.5pt; }
.detail { page: detail; break-before: page; page-break-before: always; }
.detail table { font-size: 7.5pt; line-height: 1.25; }
.detail th, .detail td { padding: .6mm 1mm; }
.detail td.name { white-space: nowrap; }
.detail small { display: block; color: #868e96; }
tr.flagged td { background: #fff4e6; }
.flag { color: #d9480f; font-weight: 600; white-space: nowrap; }
.flags td.detail-text { white-space: pre-wrap; }
footer { margin-top: 8mm; color: #868e96; font-size: 8.5pt; text-align: right; }
section { break-inside: auto; }
@media print { body { max-width: none; padding: 0; } .banner, .correction { break-inside: avoid; } }
`;

function settingsSection(input: CycleReportInput): string {
  const c = input.cycle;
  const region = c.regionName ? `${c.regionName}（${c.regionCode}）` : c.regionCode;
  const rows: [string, string][] = [
    ['评议周期', `${c.periodLabel}（${fmtPeriod(c.periodStart, c.periodEnd)}）`],
    ['区域', region],
    ['层级', c.level ?? '—'],
    ['版本', `第 ${c.version} 版`],
    ['状态', CYCLE_STATUS_LABELS[c.status] ?? String(c.status)],
    ['计算时间', fmtTime(c.runAt)],
    ['发布时间', fmtTime(c.publishedAt)],
  ];
  const weightRows = REPORT_COMPONENTS.map(
    (k) => `<tr><td>${esc(COMPONENT_LABELS[k])}</td><td class="num">${esc(fmtPct(c.weights[k]))}</td></tr>`,
  ).join('');
  const sum = REPORT_COMPONENTS.reduce((acc, k) => acc + (finite(c.weights[k]) ? c.weights[k] : 0), 0);
  return (
    '<section class="settings-section"><h2>评议设置</h2>' +
    `<table class="settings"><tbody>${rows
      .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
      .join('')}</tbody></table>` +
    '<h3>指标权重</h3>' +
    `<table class="weights"><thead><tr><th>指标</th><th>权重</th></tr></thead><tbody>${weightRows}` +
    `<tr><th>合计</th><th class="num">${esc(fmtPct(sum))}</th></tr></tbody></table>` +
    '<p class="note">无数据的指标不计分，其权重按比例分配给其余指标。</p></section>'
  );
}

function summarySection(subjects: ReportSubject[]): string {
  const scores = subjects.map((s) => s.score).filter(finite);
  const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  const flags = subjects.reduce((acc, s) => acc + s.flags.length, 0);
  const cells: [string, string][] = [
    ['评议对象', String(subjects.length)],
    ['有得分', String(scores.length)],
    ['平均得分', mean === null ? '—' : fmtScore(mean)],
    ['预警', String(flags)],
  ];
  return `<div class="summary">${cells.map(([k, v]) => `<div>${esc(k)}<b>${esc(v)}</b></div>`).join('')}</div>`;
}

function detailTable(subjects: ReportSubject[], withDepartment: boolean): string {
  if (subjects.length === 0) return '<p class="empty">暂无评议对象。</p>';
  const head = [
    `<th>排名</th><th>名称</th>${withDepartment ? '<th>所属部门</th>' : ''}<th>综合得分</th>`,
    ...REPORT_COMPONENTS.map((c) => `<th>${esc(COMPONENT_LABELS[c])}<small>得分 / 样本</small></th>`),
    ...FIGURE_COLUMNS.map((c) => `<th>${esc(c.header)}</th>`),
    '<th>预警</th>',
  ].join('');
  const body = subjects
    .map((s) => {
      const flags = flagLabels(s);
      const cells = [
        `<td class="num">${esc(fmtInt(s.rank))}</td>`,
        `<td class="name">${esc(s.name)}</td>`,
        withDepartment ? `<td class="name">${esc(departmentCell(s))}</td>` : '',
        `<td class="num"><b>${esc(fmtScore(s.score))}</b></td>`,
        ...REPORT_COMPONENTS.map((c) => {
          const r = componentOf(s, c);
          if (!r) return '<td class="num"></td>';
          return `<td class="num">${esc(fmtScore(r.value) || '—')}<small>${esc(fmtInt(r.sampleSize))}</small></td>`;
        }),
        ...FIGURE_COLUMNS.map((c) => `<td class="num">${esc(c.value(s))}</td>`),
        `<td>${flags.map((f) => `<span class="flag">${esc(f)}</span>`).join('；')}</td>`,
      ];
      return `<tr${flags.length ? ' class="flagged"' : ''}>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function flagsSection(subjects: ReportSubject[], withDepartment: boolean): string {
  const rows = subjects.flatMap((s) =>
    s.flags.map(
      (f) =>
        `<tr><td class="num">${esc(fmtInt(s.rank))}</td><td>${esc(s.name)}</td>` +
        (withDepartment ? `<td>${esc(departmentCell(s))}</td>` : '') +
        `<td class="flag">${esc(FLAG_LABELS[f.code] ?? String(f.code))}</td>` +
        `<td class="detail-text">${esc(f.detail)}</td></tr>`,
    ),
  );
  if (rows.length === 0) return '<p class="empty">本期无预警。</p>';
  const counts = Object.values(FlagCode)
    .map(
      (code) =>
        [code, subjects.reduce((a, s) => a + s.flags.filter((f) => f.code === code).length, 0)] as const,
    )
    .filter(([, count]) => count > 0)
    .map(([code, count]) => `${FLAG_LABELS[code]} ${count} 条`)
    .join('，');
  return (
    `<p>共 ${rows.length} 条预警：${esc(counts)}。</p>` +
    `<table class="flags"><thead><tr><th>排名</th><th>名称</th>${withDepartment ? '<th>所属部门</th>' : ''}` +
    '<th>预警</th><th>说明</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** A chart section; the heading stays on the page of the first chart block. */
function chartSection(className: string, head: string, blocks: string[]): string {
  const kept = blocks.map((block, i) => `<div class="keep">${i === 0 ? head : ''}${block}</div>`);
  return `<section class="${className}">${kept.length ? kept.join('') : head}</section>`;
}

/** Subjects of each kind, in report order (usually one group). */
function groupsByKind(ordered: ReportSubject[]): { label: string; subjects: ReportSubject[] }[] {
  const kinds = [...new Set(ordered.map((s) => s.kind))];
  if (kinds.length <= 1) return [{ label: '', subjects: ordered }];
  return kinds.map((k) => ({
    label: KIND_LABELS[k] ?? String(k),
    subjects: ordered.filter((s) => s.kind === k),
  }));
}

/**
 * The cycle's report as one self-contained printable HTML document (A4, no external assets, no
 * scripts): title, settings and weights, ranking / components / trend charts as inline SVG, the
 * full results table and the warnings with their details. All user text is escaped.
 */
export function cycleReportHtml(input: CycleReportInput): string {
  const c = input.cycle;
  const ordered = orderSubjects(input.subjects);
  const groups = groupsByKind(ordered);
  const draft = c.status !== CycleStatus.PUBLISHED && c.status !== CycleStatus.SUPERSEDED;
  const title = `${c.name}（第 ${c.version} 版）评议报告`;
  const perGroup = (render: (subjects: ReportSubject[], label: string) => string[]): string[] =>
    groups.flatMap((g) =>
      render(g.subjects, g.label).map((block, i) =>
        g.label && i === 0 ? `<h3>${esc(g.label)}</h3>${block}` : block,
      ),
    );
  const cadres = ordered.some((s) => s.kind === SubjectKind.CADRE);

  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
  ];
  if (draft) {
    parts.push(
      '<div class="watermark" aria-hidden="true"><span>草稿 · 未发布</span></div>',
      `<div class="banner">草稿 · 未发布（${esc(CYCLE_STATUS_LABELS[c.status] ?? String(c.status))}），结果仅供内部核对，不得对外引用</div>`,
    );
  }
  parts.push(
    '<header>',
    `<h1>${esc(c.name)}</h1>`,
    `<p class="subtitle">${esc(`${c.periodLabel} · 第 ${c.version} 版 · ${CYCLE_STATUS_LABELS[c.status] ?? c.status}`)}</p>`,
    '</header>',
  );
  if (c.status === CycleStatus.SUPERSEDED) {
    parts.push('<div class="superseded">本版本已被更正版本取代，请以最新版本为准。</div>');
  }
  if (c.correctionReason && c.correctionReason.trim()) {
    parts.push(
      `<div class="correction"><strong>更正说明</strong>（第 ${c.version} 版）<p>${esc(c.correctionReason.trim())}</p></div>`,
    );
  }
  parts.push(
    summarySection(ordered),
    settingsSection(input),
    chartSection(
      'ranking-section',
      '<h2>一、综合得分排名</h2>',
      perGroup((subjects, label) => rankingChart(subjects, label)),
    ),
    chartSection(
      'components-section',
      `<h2>二、得分构成（前 ${COMPONENT_TOP} 名）</h2><p class="note">每段为指标得分 × 实际权重，各段合计即综合得分。</p>`,
      perGroup((subjects, label) => componentsChart(subjects, label, c.weights)),
    ),
    chartSection('trend-section', '<h2>三、历次评议趋势</h2>', trendChart(input.trend, ordered)),
    '<section class="detail"><h2>四、评议结果明细</h2>',
    detailTable(ordered, cadres),
    '</section>',
    '<section class="flags-section"><h2>五、预警</h2>',
    flagsSection(ordered, cadres),
    '</section>',
    `<footer>报告生成时间：${esc(fmtTime(input.generatedAt))}（北京时间） · 周期编号 ${esc(c.id)}</footer>`,
    '</body>',
    '</html>',
    '',
  );
  return parts.join('\n');
}
