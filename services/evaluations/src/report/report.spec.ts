import {
  ComponentResult,
  CycleStatus,
  DEFAULT_WEIGHTS,
  FlagCode,
  ScoreComponent,
  SubjectFigures,
  SubjectKind,
} from '../model';
import {
  CycleReportInput,
  cycleCsv,
  cycleCsvHeaders,
  cycleReportHtml,
  escapeHtml,
  orderSubjects,
  ReportCycle,
  ReportSubject,
  ReportTrendPoint,
} from './report';

const FIGURES: SubjectFigures = {
  answers: 120,
  ratings: 80,
  unratedCounted: 0,
  ratingMean: 4.3125,
  resolved: 0,
  resolvedShare: 0.82,
  refusals: 10,
  refusalRate: 0.5594,
  refusalsReviewed: 4,
  refusalsOverturned: 1,
  reopened: 3,
  closed: 100,
  closedOnTime: 93,
  medianWorkdaysToClose: 3.5,
  callbacksReached: 12,
  callbacksMatched: 11,
  callbackRatingMean: 4.1,
  observerReviews: 2,
  rectifications: 5,
  lateRectifications: 1,
};

function components(score: number | null): ComponentResult[] {
  return Object.values(ScoreComponent).map((component) => ({
    component,
    value: score,
    raw: score,
    weight: DEFAULT_WEIGHTS[component],
    appliedWeight: DEFAULT_WEIGHTS[component],
    sampleSize: 20,
    note: '',
  }));
}

function subject(
  id: string,
  name: string,
  rank: number | null,
  score: number | null,
  over: Partial<ReportSubject> = {},
): ReportSubject {
  return {
    kind: SubjectKind.DEPARTMENT,
    subjectId: id,
    departmentId: id,
    score,
    rank,
    rankedOf: 3,
    components: components(score),
    figures: { ...FIGURES },
    flags: [],
    name,
    departmentName: null,
    ...over,
  };
}

const CYCLE: ReportCycle = {
  id: 'cyc-1',
  name: '2026年第三季度部门满意度评议',
  version: 1,
  periodLabel: '2026年第三季度',
  periodStart: '2026-07-01',
  periodEnd: '2026-10-01',
  regionCode: '331000',
  regionName: '台州市',
  level: '市级',
  status: CycleStatus.PUBLISHED,
  runAt: '2026-10-05T02:00:00Z',
  publishedAt: '2026-10-08T06:30:00Z',
  correctionReason: null,
  weights: DEFAULT_WEIGHTS,
};

function input(subjects: ReportSubject[], over: Partial<CycleReportInput> = {}): CycleReportInput {
  const trend: ReportTrendPoint[] = [
    { label: '2026年第一季度', cycleId: 'c-a', mean: 78.2, bySubject: { a: 80, b: null } },
    { label: '2026年第二季度', cycleId: 'c-b', mean: 80.1, bySubject: { a: 84.5, b: 79 } },
    { label: '2026年第三季度', cycleId: 'cyc-1', mean: 81, bySubject: { a: 90.12, b: 85 } },
  ];
  return { cycle: CYCLE, subjects, trend, generatedAt: '2026-10-09T01:00:00Z', ...over };
}

const parseCsvLine = (line: string): string[] => {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
};

describe('cycleCsv', () => {
  const subjects = [
    subject('b', '市场监管局', 2, 85),
    subject('a', '自然资源和规划局', 1, 90.123, {
      flags: [
        { code: FlagCode.INFLATED_SATISFACTION, detail: '满意度 95，不能办率 40%' },
        { code: FlagCode.SMALL_SAMPLE, detail: '评价 5 条' },
      ],
    }),
    subject('c', '无得分局', null, null, {
      figures: { ...FIGURES, closed: 0, closedOnTime: 0, refusalRate: null },
    }),
  ];

  it('starts with a BOM, uses CRLF and Chinese headers', () => {
    const csv = cycleCsv(input(subjects));
    expect(csv.startsWith('\uFEFF排名,名称,所属部门,综合得分,满意度得分,满意度样本,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(subjects.length + 2); // header, rows, trailing empty
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
    const header = parseCsvLine(lines[0]!);
    expect(header).toEqual(cycleCsvHeaders());
    expect(header).toHaveLength(4 + 2 * 7 + 11 + 1);
    expect(header).toContain('观察员评价样本');
    expect(header.slice(-12)).toEqual([
      '答复数',
      '评价数',
      '平均评价',
      '不能办率',
      '复核推翻数',
      '重办数',
      '按期办结率',
      '办结天数中位数',
      '回访接通数',
      '回访一致数',
      '整改超期数',
      '预警',
    ]);
  });

  it('orders by rank with unranked last and formats numbers', () => {
    const lines = cycleCsv(input(subjects)).slice(1).split('\r\n');
    const header = parseCsvLine(lines[0]!);
    const rows = lines.slice(1, -1).map(parseCsvLine);
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((r) => col(r, '名称'))).toEqual(['自然资源和规划局', '市场监管局', '无得分局']);
    const [first, , last] = rows;
    expect(col(first!, '排名')).toBe('1');
    expect(col(first!, '综合得分')).toBe('90.12');
    expect(col(first!, '满意度得分')).toBe('90.12');
    expect(col(first!, '满意度样本')).toBe('20');
    expect(col(first!, '不能办率')).toBe('55.9%');
    expect(col(first!, '按期办结率')).toBe('93.0%');
    expect(col(first!, '平均评价')).toBe('4.31');
    expect(col(first!, '办结天数中位数')).toBe('3.5');
    expect(col(first!, '预警')).toBe('满意度虚高；样本过少');
    expect(col(last!, '排名')).toBe('');
    expect(col(last!, '综合得分')).toBe('');
    expect(col(last!, '不能办率')).toBe('');
    expect(col(last!, '按期办结率')).toBe('');
  });

  it('breaks rank ties by name', () => {
    const ordered = orderSubjects([
      subject('x', '张三局', 1, 80),
      subject('y', '李四局', 1, 80),
      subject('z', '安监局', null, null),
    ]);
    expect(ordered.map((s) => s.name)).toEqual(['李四局', '张三局', '安监局']);
  });

  it('lists departments before cadres, each kind in rank order', () => {
    const mixed = [
      subject('c1', '王五', 1, 95, { kind: SubjectKind.CADRE, departmentName: '税务局' }),
      subject('d2', '税务局', 2, 80),
      subject('d1', '公安局', 1, 88),
    ];
    expect(orderSubjects(mixed).map((s) => s.subjectId)).toEqual(['d1', 'd2', 'c1']);
    const csv = cycleCsv(input(mixed));
    expect(csv).toContain('\r\n1,王五,税务局,95.00,');
    expect(csv).toContain('\r\n2,税务局,,80.00,');
    const html = cycleReportHtml(input(mixed));
    expect(html.indexOf('<h3>部门</h3>')).toBeGreaterThan(-1);
    expect(html.indexOf('<h3>干部</h3>')).toBeGreaterThan(html.indexOf('<h3>部门</h3>'));
    expect(html).toContain('<th>所属部门</th>');
  });

  it('quotes fields per RFC 4180 and guards against formula injection', () => {
    const csv = cycleCsv(
      input([
        subject('q', '公安局, "户政"\n窗口', 1, 70),
        subject('f', '=HYPERLINK("http://x")', 2, 60),
        subject('p', '+1', 3, 50),
        subject('m', '-2', 4, 40),
        subject('t', '@SUM(A1)', 5, 30, {
          kind: SubjectKind.CADRE,
          departmentName: '=cmd|calc',
        }),
      ]),
    );
    expect(csv).toContain(',"公安局, ""户政""\n窗口",');
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(csv).toContain(`,'+1,`);
    expect(csv).toContain(`,'-2,`);
    expect(csv).toContain(`,'@SUM(A1),'=cmd|calc,`);
    // numbers are not touched
    expect(csv).toContain('\r\n1,"公安局');
  });

  it('writes only the header for no subjects', () => {
    expect(cycleCsv(input([]))).toBe('\uFEFF' + cycleCsvHeaders().join(',') + '\r\n');
  });
});

describe('cycleReportHtml', () => {
  const svgCount = (html: string) => (html.match(/<svg /g) ?? []).length;

  it('is a self-contained zh-CN document with the three charts', () => {
    const html = cycleReportHtml(
      input([
        subject('a', '自然资源和规划局', 1, 90.12, {
          flags: [{ code: FlagCode.LATE_RECTIFICATION, detail: '整改任务 3 件超期' }],
        }),
        subject('b', '市场监管局', 2, 85),
      ]),
    );
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page');
    expect(html).toContain('A4');
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import/i);
    expect(html).toMatch(/<section class="ranking-section">[\s\S]*?<svg [\s\S]*?<\/section>/);
    expect(html).toMatch(/<section class="components-section">[\s\S]*?<svg [\s\S]*?<\/section>/);
    expect(html).toMatch(/<section class="trend-section">[\s\S]*?<svg [\s\S]*?<\/section>/);
    expect(svgCount(html)).toBe(3);
    expect(html).toContain('2026-07-01 至 2026-09-30');
    expect(html).toContain('台州市（331000）');
    expect(html).toContain('30.0%');
    expect(html).toContain('整改任务 3 件超期');
    expect(html).toContain('⚠ 整改超期');
    expect(html).not.toContain('草稿');
    expect(html).not.toContain('更正说明');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('escapes user text everywhere', () => {
    const evil = `<script>alert("x")</script>&'`;
    const html = cycleReportHtml(
      input(
        [
          subject('a', evil, 1, 90, {
            flags: [{ code: FlagCode.SMALL_SAMPLE, detail: '<img src=x onerror=1>' }],
          }),
        ],
        {
          cycle: { ...CYCLE, name: '<b>周期</b>', periodLabel: '"Q3"', regionName: '<i>区</i>' },
        },
      ),
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>周期');
    expect(html).not.toContain('<i>区');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(html).toContain('&lt;img src=x onerror=1&gt;');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('shows the draft banner and the correction box', () => {
    const html = cycleReportHtml(
      input([subject('a', '甲局', 1, 90)], {
        cycle: {
          ...CYCLE,
          status: CycleStatus.RUN,
          version: 2,
          correctionReason: '回访数据\n录入错误 <已修正>',
        },
      }),
    );
    expect(html).toContain('草稿 · 未发布');
    expect(html).toContain('class="watermark"');
    expect(html).toContain('更正说明');
    expect(html).toContain('录入错误 &lt;已修正&gt;');
    expect(html).toContain('第 2 版');
    const superseded = cycleReportHtml(input([], { cycle: { ...CYCLE, status: CycleStatus.SUPERSEDED } }));
    expect(superseded).not.toContain('class="watermark"');
    expect(superseded).toContain('已被更正版本取代');
  });

  it('handles no subjects and a single trend point', () => {
    const html = cycleReportHtml(
      input([], { trend: [{ label: '2026年第三季度', cycleId: 'cyc-1', mean: null, bySubject: {} }] }),
    );
    expect(html).toContain('暂无评议对象');
    expect(html).toContain('暂无趋势图');
    expect(html).toContain('本期无预警');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(cycleReportHtml(input([], { trend: [] }))).toContain('暂无趋势图');
  });

  it('handles null and all-equal scores without dividing by zero', () => {
    const equal = [1, 2, 3, 4].map((i) => subject(`s${i}`, `局${i}`, 1, 75));
    const zero = [
      subject('z', '零分局', 1, 0, { components: components(0) }),
      subject('n', '空局', null, null),
    ];
    const flat: ReportTrendPoint[] = [
      { label: 'A', cycleId: 'a', mean: 75, bySubject: { s1: 75 } },
      { label: 'B', cycleId: 'b', mean: 75, bySubject: { s1: 75 } },
    ];
    for (const subjects of [equal, zero]) {
      const html = cycleReportHtml(input(subjects, { trend: flat }));
      expect(html).not.toMatch(/NaN|Infinity|undefined/);
      expect(svgCount(html)).toBe(3);
    }
    const gaps: ReportTrendPoint[] = [
      { label: 'A', cycleId: 'a', mean: null, bySubject: {} },
      { label: 'B', cycleId: 'b', mean: null, bySubject: {} },
    ];
    expect(cycleReportHtml(input(zero, { trend: gaps }))).not.toMatch(/NaN|Infinity/);
  });

  it('renders 500 subjects with a growing ranking chart', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      subject(`s${i}`, `部门${String(i).padStart(3, '0')}`, i + 1, 100 - i * 0.15, {
        flags: i % 50 === 0 ? [{ code: FlagCode.SMALL_SAMPLE, detail: '样本少' }] : [],
      }),
    );
    const trend: ReportTrendPoint[] = Array.from({ length: 24 }, (_, i) => ({
      label: `第${i + 1}期`,
      cycleId: `c${i}`,
      mean: 70 + (i % 5),
      bySubject: { s0: 90 + (i % 3), s1: i % 4 === 0 ? null : 88 },
    }));
    const start = Date.now();
    const html = cycleReportHtml(input([...many].reverse(), { trend }));
    expect(Date.now() - start).toBeLessThan(5000);
    const ranking = /<section class="ranking-section">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect((ranking.match(/<svg /g) ?? []).length).toBe(10);
    for (const i of [0, 250, 499]) expect(ranking).toContain(`${i + 1}. 部门${String(i).padStart(3, '0')}`);
    const components = /<section class="components-section">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect((components.match(/<rect /g) ?? []).length).toBe(15 * 7 + 7); // segments + legend swatches
    expect((html.match(/<tr class="flagged">/g) ?? []).length).toBe(10);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });
});
