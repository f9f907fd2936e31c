import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, '../dist/main.js');
const dataDir = mkdtempSync(join(tmpdir(), 'sfw-stack-'));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Start `npm start`'s program the way a user does, on a free port, and wait for its URL. */
function start(): Promise<Started> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      GATEWAY_PORT: '0',
      DEMO_ENTERPRISES: '300',
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: '',
    };
    delete env['DATABASE_URL'];
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    // First start migrates five databases and seeds the demo city: about a minute on a quiet
    // 2-core machine, well over two on a busy one.
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 240_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /GraphQL: (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${out}`)));
  });
}

function interrupt(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

async function graphql(url: string, query: string, token: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const DEMO_CADRE = '00000000-0000-4000-8000-00000000c001';
const DEMO_DEPARTMENT = '00000000-0000-4000-8000-00000000d001';
let cadresSeeded = 0;

/** The closed loop of an appeal, role by role, through the gateway with the demo tokens. */
async function checkIssuesAccess(
  url: string,
  tokens: Record<string, { token: string; enterpriseId?: string }>,
) {
  const as = (key: string, query: string) => graphql(url, query, tokens[key]!.token);
  const code = (r: { errors?: unknown[] }) =>
    (r.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code;
  const submitted = await as(
    'enterprise',
    `mutation { submitIssue(input: { title: "二期厂房用地指标不足", description: "企业二期扩建项目已完成设计，用地指标迟迟未落实，无法开工。", categories: [LAND] }) { id status source } }`,
  );
  expect(submitted.errors).toBeUndefined();
  const id = submitted.data.submitIssue.id;
  expect(submitted.data.submitIssue).toMatchObject({ status: 'SUBMITTED', source: 'ONLINE' });
  // The demo cadre is paired with the demo enterprise: it sees the appeal. The department does not, yet.
  expect((await as('cadre', `{ issue(id: "${id}") { id } }`)).data.issue).toEqual({ id });
  expect((await as('department', `{ issue(id: "${id}") { id } }`)).data.issue).toBeNull();
  expect(
    code(
      await as(
        'enterprise',
        `mutation { assignIssue(id: "${id}", input: { leadDepartmentId: "${DEMO_DEPARTMENT}" }) { id } }`,
      ),
    ),
  ).toBe('FORBIDDEN');
  await as('admin', `mutation { acceptIssue(id: "${id}") { id } }`);
  const assigned = await as(
    'admin',
    `mutation { assignIssue(id: "${id}", input: { leadDepartmentId: "${DEMO_DEPARTMENT}" }) { status leadDepartment { shortName } } }`,
  );
  expect(assigned.data.assignIssue).toEqual({
    status: 'ASSIGNED',
    leadDepartment: { shortName: '市经信局' },
  });
  await as(
    'department',
    `mutation { startIssue(id: "${id}", plan: "会同自然资源部门研究用地指标调剂方案") { status } }`,
  );
  await as(
    'department',
    `mutation { proposeRefusal(id: "${id}", reason: "该地块位于永久基本农田保护范围内，依法不得转为建设用地，无法安排用地指标。") { status } }`,
  );
  // 市经信局's three signatories are the demo users: section chief `department`, leader in charge
  // `leader`, department head `head`. Each signs in that order, once; nobody signs out of turn.
  const signOff = (key: string) =>
    as(key, `mutation { signOffRefusal(id: "${id}", approve: true) { status outcome } }`);
  expect(code(await signOff('head'))).toBe('NOT_SIGNATORY');
  expect(code(await signOff('leader'))).toBe('NOT_SIGNATORY');
  expect((await signOff('department')).errors).toBeUndefined();
  expect(code(await signOff('department'))).toBe('NOT_SIGNATORY');
  expect(code(await signOff('head'))).toBe('NOT_SIGNATORY');
  expect((await signOff('leader')).errors).toBeUndefined();
  const pending = await as(
    'evaluator',
    `{ issue(id: "${id}") { status refusals { nextRole signOffs { role } } } }`,
  );
  expect(pending.data.issue.status).toBe('REFUSAL_PENDING');
  expect(pending.data.issue.refusals[0].nextRole).toBe('DEPARTMENT_HEAD');
  // The enterprise sees no "cannot handle" before the third sign-off.
  expect((await as('enterprise', `{ issue(id: "${id}") { status outcome } }`)).data.issue.outcome).toBeNull();
  const lastSignOff = await signOff('head');
  expect(lastSignOff.errors).toBeUndefined();
  expect(lastSignOff.data.signOffRefusal).toEqual({ status: 'ANSWERED', outcome: 'CANNOT_HANDLE' });
  const signed = await as(
    'enterprise',
    `{ issue(id: "${id}") { status outcome answer refusals { status signOffs { role signerName } } } }`,
  );
  expect(signed.errors).toBeUndefined();
  expect(signed.data.issue).toMatchObject({ status: 'ANSWERED', outcome: 'CANNOT_HANDLE' });
  expect(signed.data.issue.answer).toContain('永久基本农田');
  // The enterprise disagrees and asks for a review (评议); only it may.
  expect(
    code(
      await as(
        'department',
        `mutation { requestRefusalReview(id: "${id}", reason: "企业认为地块可调整") { status } }`,
      ),
    ),
  ).toBe('FORBIDDEN');
  const requested = await as(
    'enterprise',
    `mutation { requestRefusalReview(id: "${id}", reason: "地块已列入调整方案，请求复核“不能办”结论") { status } }`,
  );
  expect(requested.errors).toBeUndefined();
  expect(requested.data.requestRefusalReview.status).toBe('REVIEW_REQUESTED');
  // Departments and enterprises do not decide a review; an evaluator does, on the record.
  const decide = (key: string) =>
    as(
      key,
      `mutation { decideRefusalReview(id: "${id}", input: { decision: UPHELD, hearingOn: "${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())}", panel: ["企业代表", "律师", "人大代表"], record: "经评议，该地块确属永久基本农田，维持“不能办”结论。" }) { status outcome } }`,
    );
  expect(code(await decide('head'))).toBe('FORBIDDEN');
  const decided = await decide('evaluator');
  expect(decided.errors).toBeUndefined();
  expect(decided.data.decideRefusalReview).toEqual({ status: 'ANSWERED', outcome: 'CANNOT_HANDLE' });
  const read = await as(
    'evaluator',
    `{ issue(id: "${id}") { status refusals { status signOffs { role } } reviews { decision panel } timeline { action } } }`,
  );
  expect(read.data.issue.refusals[0].signOffs.map((s: { role: string }) => s.role)).toEqual([
    'SECTION_CHIEF',
    'LEADER_IN_CHARGE',
    'DEPARTMENT_HEAD',
  ]);
  expect(read.data.issue.reviews).toEqual([{ decision: 'UPHELD', panel: ['企业代表', '律师', '人大代表'] }]);
  expect(read.data.issue.timeline.map((t: { action: string }) => t.action)).toEqual([
    'SUBMIT',
    'ACCEPT',
    'ASSIGN',
    'START',
    'PROPOSE_REFUSAL',
    'SIGN_OFF',
    'SIGN_OFF',
    'SIGN_OFF',
    'REQUEST_REVIEW',
    'DECIDE_REVIEW',
  ]);
  // A second appeal through the whole loop: answered, reopened by the enterprise, answered again,
  // confirmed and closed; a third withdrawn by the enterprise.
  const second = (
    await as(
      'enterprise',
      `mutation { submitIssue(input: { title: "出口退税到账慢", description: "企业出口退税申报后到账周期较长，资金周转压力大。", categories: [TAX] }) { id } }`,
    )
  ).data.submitIssue.id;
  const step = async (key: string, mutation: string) => {
    const r = await as(key, `mutation { ${mutation} { status } }`);
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  await step('admin', `acceptIssue(id: "${second}")`);
  await step('admin', `assignIssue(id: "${second}", input: { leadDepartmentId: "${DEMO_DEPARTMENT}" })`);
  await step('department', `startIssue(id: "${second}", plan: "会同税务部门核查退税流程，压缩审核时间")`);
  await step(
    'department',
    `answerIssue(id: "${second}", outcome: RESOLVED, answer: "已协调税务部门，退税审核时限压缩至5个工作日")`,
  );
  await step('enterprise', `reopenIssue(id: "${second}", reason: "本月退税仍未到账")`);
  await step(
    'department',
    `answerIssue(id: "${second}", outcome: RESOLVED, answer: "本月退税已于今日到账，后续按新时限办理")`,
  );
  expect(code(await as('department', `mutation { confirmIssue(id: "${second}") { status } }`))).toBe(
    'FORBIDDEN',
  );
  await step('enterprise', `confirmIssue(id: "${second}")`);
  const closed = await step('department', `closeIssue(id: "${second}")`);
  expect(closed.closeIssue.status).toBe('CLOSED');
  const third = (
    await as(
      'enterprise',
      `mutation { submitIssue(input: { title: "招工信息发布渠道少", description: "希望协助发布一线技工招聘信息，扩大招工渠道。", categories: [TALENT_LABOUR] }) { id } }`,
    )
  ).data.submitIssue.id;
  expect(
    code(await as('admin', `mutation { withdrawIssue(id: "${third}", reason: "已自行解决") { status } }`)),
  ).toBe('FORBIDDEN');
  expect(
    (await step('enterprise', `withdrawIssue(id: "${third}", reason: "已自行解决")`)).withdrawIssue.status,
  ).toBe('WITHDRAWN');
  // Evaluators read the statistics of the month, which count what just happened.
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .slice(0, 7);
  const stats = await as(
    'evaluator',
    `{ issueStatistics(from: "${month}", to: "${month}") { totals { received closed reopened withdrawn } } }`,
  );
  expect(stats.data.issueStatistics.totals.reopened).toBeGreaterThanOrEqual(1);
  expect(
    code(
      await as('enterprise', `{ issueStatistics(from: "${month}", to: "${month}") { totals { received } } }`),
    ),
  ).toBe('FORBIDDEN');

  const mine = await as('enterprise', '{ enterprises(first: 1) { edges { node { issues { id } } } } }');
  // Newest first: the ones just submitted lead the demo enterprise's appeals.
  expect(mine.data.enterprises.edges[0].node.issues.slice(0, 3)).toEqual([
    { id: third },
    { id: second },
    { id },
  ]);
}

/** The cadres subgraph's access rules, role by role, through the gateway with the demo tokens. */
async function checkCadresAccess(
  url: string,
  tokens: Record<string, { token: string; enterpriseId?: string }>,
) {
  const as = (key: string, query: string) => graphql(url, query, tokens[key]!.token);
  const code = (r: { errors?: unknown[] }) =>
    (r.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code;

  // Administrators see every cadre with full phones and the departments' sign-off people.
  const all = await as(
    'admin',
    `{ cadres(first: 100) { totalCount edges { node { id phone } } }
    department(id: "${DEMO_DEPARTMENT}") { shortName members { role account } } }`,
  );
  cadresSeeded = all.data.cadres.totalCount;
  expect(cadresSeeded).toBeGreaterThan(250);
  expect(all.data.cadres.edges[0].node.phone).toMatch(/^1\d{10}$/);
  expect(all.data.department.shortName).toBe('市经信局');
  expect(all.data.department.members.map((m: { role: string }) => m.role)).toEqual(
    expect.arrayContaining(['SECTION_CHIEF', 'LEADER_IN_CHARGE', 'DEPARTMENT_HEAD']),
  );

  // An enterprise user sees its own cadres, phones masked, and only visits it received.
  const ent = await as(
    'enterprise',
    `{ enterprises(first: 1) { edges { node { id pairedCadres { cadre { id phone } } visits(first: 50) { enterprise { id } } } } }
    cadres(first: 50) { edges { node { id } } } visits(first: 50) { edges { node { enterprise { id } } } } }`,
  );
  const own = ent.data.enterprises.edges[0].node;
  expect(own.pairedCadres.length).toBeGreaterThan(0);
  for (const p of own.pairedCadres) expect(p.cadre.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  expect(ent.data.cadres.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
    own.pairedCadres.map((p: { cadre: { id: string } }) => p.cadre.id).sort(),
  );
  for (const e of ent.data.visits.edges) expect(e.node.enterprise.id).toBe(tokens.enterprise!.enterpriseId);
  expect(code(await as('enterprise', '{ serviceGroups { id } }'))).toBe('FORBIDDEN');

  // The demo cadre records visits for its paired enterprises only.
  const me = await as('cadre', '{ myCadre { id pairings { enterprise { id } } } }');
  expect(me.data.myCadre.id).toBe(DEMO_CADRE);
  const paired = me.data.myCadre.pairings[0].enterprise.id;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const recorded = await as(
    'cadre',
    `mutation { recordVisit(input: { enterpriseId: "${paired}", visitedOn: "${today}", questions: [DEVELOPMENT], notes: "了解数字化改造思路" }) { id cadre { id } } }`,
  );
  expect(recorded.errors).toBeUndefined();
  expect(recorded.data.recordVisit.cadre.id).toBe(DEMO_CADRE);
  const other = await as('admin', '{ enterprises(first: 50) { edges { node { id } } } }');
  const pairedIds = new Set(
    me.data.myCadre.pairings.map((p: { enterprise: { id: string } }) => p.enterprise.id),
  );
  const unpaired = other.data.enterprises.edges
    .map((e: { node: { id: string } }) => e.node.id)
    .find((id: string) => !pairedIds.has(id));
  const refused = await as(
    'cadre',
    `mutation { recordVisit(input: { enterpriseId: "${unpaired}", visitedOn: "${today}", questions: [POLICY] }) { id } }`,
  );
  expect(code(refused)).toBe('NOT_PAIRED');
  expect(
    code(
      await as(
        'cadre',
        `mutation { createCadre(input: { staffNo: "X-001", name: "某某", departmentId: "${DEMO_DEPARTMENT}" }) { id } }`,
      ),
    ),
  ).toBe('FORBIDDEN');

  // Department staff see their department's cadres and visits only.
  const dept = await as(
    'department',
    `{ cadres(first: 100) { edges { node { department { id } } } } visits(first: 100) { edges { node { department { id } } } } }`,
  );
  for (const e of dept.data.cadres.edges) expect(e.node.department.id).toBe(DEMO_DEPARTMENT);
  for (const e of dept.data.visits.edges) expect(e.node.department.id).toBe(DEMO_DEPARTMENT);

  // Evaluators read everything, and change nothing.
  const ev = await as(
    'evaluator',
    '{ cadres { totalCount } pairingCoverage { totals { enterprises paired } } }',
  );
  expect(ev.data.cadres.totalCount).toBe(cadresSeeded);
  expect(ev.data.pairingCoverage.totals.enterprises).toBe(300);
  expect(
    code(
      await as(
        'evaluator',
        `mutation { pairCadre(input: { cadreId: "${DEMO_CADRE}", enterpriseId: "${unpaired}" }) { outcome } }`,
      ),
    ),
  ).toBe('FORBIDDEN');
}

/** Satisfaction reviews through the gateway: the seeded cycles, scores, ratings and who may do what. */
async function checkEvaluationsAccess(
  url: string,
  tokens: Record<string, { token: string; enterpriseId?: string; departmentId?: string }>,
) {
  const as = (key: string, query: string) => graphql(url, query, tokens[key]!.token);
  const code = (r: { errors?: unknown[] }) =>
    (r.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code;

  // The seed published three quarters and left one month run but unpublished.
  const cycles = await as('evaluator', '{ reviewCycles { id periodLabel status } }');
  expect(cycles.errors).toBeUndefined();
  const published = cycles.data.reviewCycles.filter((c: { status: string }) => c.status === 'PUBLISHED');
  expect(published).toHaveLength(3);
  expect(cycles.data.reviewCycles.some((c: { status: string }) => c.status === 'RUN')).toBe(true);
  const latest = published[0];
  const results = await as(
    'evaluator',
    `{ reviewCycle(id: "${latest.id}") { departmentResults { department { name } score rank components { component note } } reportHtml } }`,
  );
  expect(results.errors).toBeUndefined();
  expect(results.data.reviewCycle.departmentResults.length).toBeGreaterThan(0);
  // The gateway joined the cadres subgraph's department names into the results.
  expect(results.data.reviewCycle.departmentResults[0].department.name).toBeTruthy();
  expect(results.data.reviewCycle.reportHtml).toContain('<svg');
  // Published is final.
  expect(code(await as('evaluator', `mutation { runReviewCycle(id: "${latest.id}") { id } }`))).toBe(
    'CYCLE_PUBLISHED',
  );

  // A department reads its own score and ranking; another department's is refused.
  const own = await as(
    'department',
    `{ department(id: "${tokens.department!.departmentId}") { name score(period: "${latest.periodLabel}") { score rank } ranking { periodLabel } } }`,
  );
  expect(own.errors).toBeUndefined();
  const other = results.data.reviewCycle.departmentResults.find(
    (r: { department: { name: string } }) => r.department.name !== own.data.department.name,
  );
  expect(other).toBeDefined();
  const evaluatorView = await as(
    'evaluator',
    `{ reviewCycle(id: "${latest.id}") { departmentResults { department { id } } } }`,
  );
  const otherId = evaluatorView.data.reviewCycle.departmentResults
    .map((r: { department: { id: string } }) => r.department.id)
    .find((id: string) => id !== tokens.department!.departmentId);
  expect(
    code(
      await as(
        'department',
        `{ department(id: "${otherId}") { score(period: "${latest.periodLabel}") { score } } }`,
      ),
    ),
  ).toBe('FORBIDDEN');

  // An enterprise sees its appeals' ratings, rates an answered one in its window, and runs no cycles.
  const mine = await as(
    'enterprise',
    '{ enterprises(first: 1) { edges { node { issues(first: 100, open: false) { id ratings { level } ratingWindow { open } } } } } }',
  );
  expect(mine.errors).toBeUndefined();
  const open = mine.data.enterprises.edges[0].node.issues.find(
    (i: { ratingWindow: { open: boolean } | null }) => i.ratingWindow?.open,
  );
  if (open) {
    const rated = await as(
      'enterprise',
      `mutation { rate(input: { issueId: "${open.id}", level: SATISFIED }) { level } }`,
    );
    expect(rated.errors).toBeUndefined();
  }
  expect(
    code(
      await as(
        'enterprise',
        'mutation { openReviewCycle(input: { name: "企业不能开评议", period: "2026", regionCode: "331000" }) { id } }',
      ),
    ),
  ).toBe('FORBIDDEN');
}

/** Policies through the gateway: the seeded catalogue, an enterprise's matches, an application. */
async function checkPoliciesAccess(
  url: string,
  tokens: Record<string, { token: string; enterpriseId?: string; departmentId?: string }>,
) {
  const as = (key: string, query: string) => graphql(url, query, tokens[key]!.token);
  const code = (r: { errors?: unknown[] }) =>
    (r.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code;
  const catalogue = await as(
    'enterprise',
    '{ policies(first: 100) { totalCount nodes { id title status department { name } ruleText amountText } } }',
  );
  expect(catalogue.errors).toBeUndefined();
  expect(catalogue.data.policies.totalCount).toBeGreaterThan(10);
  // Department names come from the cadres subgraph through the gateway.
  expect(catalogue.data.policies.nodes[0].department.name).toBeTruthy();
  expect(catalogue.data.policies.nodes.every((p: { status: string }) => p.status === 'PUBLISHED')).toBe(true);

  const mine = await as(
    'enterprise',
    '{ enterprises(first: 1) { edges { node { eligiblePolicies { policy { id materials amountRule autoGrant } conditions { text holds } } applications { no status } policyPushes { read } } } } }',
  );
  expect(mine.errors).toBeUndefined();
  const node = mine.data.enterprises.edges[0].node;
  // A match is explained: asked directly, the policy says the enterprise is eligible.
  if (node.eligiblePolicies.length) {
    const why = await as(
      'enterprise',
      `{ policy(id: "${node.eligiblePolicies[0].policy.id}") { eligibility(enterpriseId: "${tokens.enterprise!.enterpriseId}") { eligible } } }`,
    );
    expect(why.data.policy.eligibility.eligible).toBe(true);
  }
  // Apply for an eligible policy that takes applications and has none open.
  const open = new Set(
    node.applications
      .filter((a: { status: string }) => a.status === 'SUBMITTED' || a.status === 'MORE_MATERIAL')
      .map((a: { no: string }) => a.no),
  );
  const target = node.eligiblePolicies.find(
    (e: { policy: { autoGrant: boolean; amountRule: { kind: string } } }) =>
      !e.policy.autoGrant && e.policy.amountRule.kind !== 'NONE',
  );
  if (target && open.size === 0) {
    const materials = target.policy.materials
      .map((m: string) => `{ name: "${m}", reference: "oss://e2e/${m}.pdf" }`)
      .join(', ');
    const applied = await as(
      'enterprise',
      `mutation { applyForPolicy(input: { policyId: "${target.policy.id}", declaredBase: 1000000, materials: [${materials}] }) { status } }`,
    );
    expect(applied.errors === undefined || code(applied) === 'APPLICATION_OPEN').toBe(true);
  }
  const totals = await as(
    'evaluator',
    '{ policyTotals(by: DEPARTMENT) { label paidAmount enterpriseTimes } }',
  );
  expect(totals.errors).toBeUndefined();
  expect(totals.data.policyTotals.length).toBeGreaterThan(0);
  expect(code(await as('enterprise', '{ policyTotals(by: POLICY) { key } }'))).toBe('FORBIDDEN');
}

describe('the embedded platform (npm start)', () => {
  it('seeds on first start, writes demo tokens for every role, stops cleanly on Ctrl-C, and reuses its data', async () => {
    const first = await start();
    expect(first.output()).toContain('seeded 300 demo enterprises');
    const tokens = JSON.parse(readFileSync(join(dataDir, 'demo-tokens.json'), 'utf8'));
    expect(Object.keys(tokens).sort()).toEqual([
      'admin',
      'cadre',
      'department',
      'enterprise',
      'evaluator',
      'head',
      'leader',
    ]);
    expect(tokens.enterprise.enterpriseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens.cadre.cadreId).toBeTruthy();
    expect(tokens.department.departmentId).toBeTruthy();
    // Every id a token carries is a UUID (the gateway refuses anything else) and lives at most 30 days.
    for (const t of Object.values(tokens) as Record<string, string>[]) {
      for (const k of ['enterpriseId', 'cadreId', 'departmentId'])
        if (t[k] !== undefined)
          expect(t[k]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const claims = JSON.parse(Buffer.from(t.token!.split('.')[1]!, 'base64url').toString());
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(30 * 86_400);
    }
    expect(tokens.head).toMatchObject({ departmentId: tokens.department.departmentId, roles: ['leader'] });

    const all = await graphql(first.url, '{ enterprises(first: 1) { totalCount } }', tokens.admin.token);
    expect(all.data.enterprises.totalCount).toBe(300);
    const own = await graphql(
      first.url,
      '{ enterprises(first: 5) { totalCount edges { node { id } } } }',
      tokens.enterprise.token,
    );
    expect(own.data.enterprises.edges).toEqual([{ node: { id: tokens.enterprise.enterpriseId } }]);
    for (const key of ['cadre', 'department', 'leader', 'head', 'evaluator']) {
      expect(
        (await graphql(first.url, '{ enterprises(first: 1) { totalCount } }', tokens[key].token)).data
          .enterprises.totalCount,
      ).toBe(300);
    }

    await checkCadresAccess(first.url, tokens);
    await checkIssuesAccess(first.url, tokens);
    await checkEvaluationsAccess(first.url, tokens);
    await checkPoliciesAccess(first.url, tokens);

    expect(await interrupt(first.child)).toBe(0);
    expect(existsSync(join(dataDir, 'enterprises.lock'))).toBe(false);

    const second = await start();
    try {
      expect(second.output()).not.toContain('seeded');
      const again = JSON.parse(readFileSync(join(dataDir, 'demo-tokens.json'), 'utf8'));
      expect(again.enterprise.enterpriseId).toBe(tokens.enterprise.enterpriseId);
      // Tokens of the first run stay valid: the signing secret lives in the data folder.
      const count = await graphql(second.url, '{ enterprises(first: 1) { totalCount } }', tokens.admin.token);
      expect(count.data.enterprises.totalCount).toBe(300);
      // The cadres seed ran once: the same cadres, not a second set.
      const cadres = await graphql(second.url, '{ cadres { totalCount } }', tokens.admin.token);
      expect(cadres.data.cadres.totalCount).toBe(cadresSeeded);
    } finally {
      expect(await interrupt(second.child)).toBe(0);
    }
  }, 480_000);
});
