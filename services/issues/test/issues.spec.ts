import { randomUUID } from 'node:crypto';
import { Role, type EventEnvelope, type Viewer } from '@sfw/shared-types';
import { InProcessEventBus } from '@sfw/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import { WorkCalendar } from '@sfw/workdays';
import { issuesSubgraph } from '../src/subgraph';
import type { IssuesServices } from '../src/context';

let sg: TestSubgraph<IssuesServices>;
const bus = new InProcessEventBus();
const published: EventEnvelope[] = [];

const E1 = randomUUID();
const E2 = randomUUID();
const D1 = randomUUID();
const D2 = randomUUID();
const C1 = randomUUID();
const V1 = randomUUID();

const admin: Viewer = { sub: 'admin', name: '管理员', roles: [Role.ADMIN] };
const evaluator: Viewer = { sub: 'eval', roles: [Role.EVALUATOR] };
const ent1: Viewer = { sub: 'ent1', roles: [Role.ENTERPRISE], enterpriseId: E1 };
const ent2: Viewer = { sub: 'ent2', roles: [Role.ENTERPRISE], enterpriseId: E2 };
const staff1: Viewer = { sub: 'clerk', name: '经办人', roles: [Role.DEPARTMENT], departmentId: D1 };
const staff2: Viewer = { sub: 'other', roles: [Role.DEPARTMENT], departmentId: D2 };
const chief: Viewer = { sub: 'chief', name: '张科长', roles: [Role.DEPARTMENT], departmentId: D1 };
const leader: Viewer = { sub: 'leader', name: '李副局长', roles: [Role.LEADER], departmentId: D1 };
const head: Viewer = { sub: 'head', name: '王局长', roles: [Role.LEADER], departmentId: D1 };
const cadre: Viewer = { sub: 'cadre1', roles: [Role.CADRE], cadreId: C1 };

function envelope(type: string, aggregateId: string, payload: unknown): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'test',
    aggregateType: type,
    aggregateId,
    payload,
  };
}

const enterprise = (id: string, name: string, regionCode: string) =>
  envelope('EnterpriseRegistered', id, {
    enterprise: {
      id,
      name,
      creditCode: '91331004MA2AAAAAA0',
      regionCode,
      industryCode: '34',
      scale: 'ABOVE_DESIGNATED',
      tags: [],
      employees: 10,
      registeredCapital: 100,
      foundedOn: null,
      parks: [],
    },
  });

const department = (id: string, code: string, name: string) =>
  envelope('DepartmentChanged', id, {
    department: {
      id,
      code,
      name,
      shortName: name,
      level: 'COUNTY',
      regionCode: '331004',
      parentId: null,
      domains: ['LAND'],
      active: true,
      members: [
        { name: '张科长', role: 'SECTION_CHIEF', title: '科长', account: 'chief' },
        { name: '李副局长', role: 'LEADER_IN_CHARGE', title: '副局长', account: 'leader' },
        { name: '王局长', role: 'DEPARTMENT_HEAD', title: '局长', account: 'head' },
      ],
    },
  });

async function ok<T = Record<string, any>>(
  doc: string,
  vars: Record<string, unknown>,
  viewer: Viewer,
): Promise<T> {
  const res = await sg.query<T>(doc, vars, viewer);
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data as T;
}

async function code(doc: string, vars: Record<string, unknown>, viewer: Viewer): Promise<string> {
  const res = await sg.query(doc, vars, viewer);
  expect(res.errors).toBeDefined();
  return String(res.errors![0]!.extensions!['code']);
}

const FIELDS = 'id no status round level outcome colour planDue closeDue acceptedAt firstResponderName';
const SUBMIT = `mutation($i: SubmitIssueInput!) { submitIssue(input: $i) { ${FIELDS} } }`;
const ACT = (name: string, args = '') => `mutation($id: ID!) { ${name}(id: $id${args}) { ${FIELDS} } }`;

async function submitted(viewer: Viewer = ent1, extra: Record<string, unknown> = {}): Promise<string> {
  const d = await ok<{ submitIssue: { id: string } }>(
    SUBMIT,
    {
      i: {
        title: '厂房扩建用地指标不足',
        description: '企业计划扩建二期厂房，已完成设计，但用地指标迟迟未能落实，项目无法开工。',
        categories: ['LAND'],
        ...extra,
      },
    },
    viewer,
  );
  return d.submitIssue.id;
}

beforeAll(async () => {
  await bus.subscribe('spy', '*', async (e) => {
    published.push(e);
  });
  sg = await startTestSubgraph(issuesSubgraph, { bus });
  for (const e of [
    enterprise(E1, '台州示范机电有限公司', '331004001'),
    enterprise(E2, '台州另一家企业有限公司', '331004002'),
    department(D1, 'LQ-ZRZY', '路桥区自然资源和规划分局'),
    department(D2, 'LQ-SWJ', '路桥区税务局'),
    envelope('CadrePaired', C1, {
      pairingId: randomUUID(),
      cadreId: C1,
      departmentId: D1,
      enterpriseId: E1,
      level: 'COUNTY',
      primary: true,
      fromDate: '2026-01-01',
      keyEnterpriseException: false,
    }),
    envelope('VisitRecorded', V1, {
      visitId: V1,
      cadreId: C1,
      departmentId: D1,
      enterpriseId: E1,
      serviceGroupId: null,
      visitedOn: '2026-11-20',
      kind: 'ON_SITE',
      questions: ['PROBLEMS'],
      problems: [],
    }),
  ])
    await bus.publish(e);
});

afterAll(async () => {
  await sg?.stop();
});

describe('the closed loop', () => {
  let id: string;

  it('takes an appeal from submission to acceptance with the first responder named and the clock set', async () => {
    id = await submitted();
    const accepted = await ok<{ acceptIssue: Record<string, any> }>(ACT('acceptIssue'), { id }, admin);
    expect(accepted.acceptIssue).toMatchObject({
      status: 'ACCEPTED',
      firstResponderName: '管理员',
      level: 'TOWNSHIP',
    });
    const cal = WorkCalendar.load();
    const at = new Date(accepted.acceptIssue.acceptedAt);
    expect(new Date(accepted.acceptIssue.planDue).getTime()).toBe(cal.deadline(at, 3).getTime());
    expect(new Date(accepted.acceptIssue.closeDue).getTime()).toBe(cal.deadline(at, 10).getTime());
    await sg.relay.drain();
    expect(published.some((e) => e.type === 'IssueSubmitted' && e.aggregateId === id)).toBe(true);
  });

  it('refuses an action from the wrong state or role with a clear code', async () => {
    // A department does not even see an appeal before it is assigned to it.
    expect(await code(ACT('startIssue', ', plan: "制定方案，协调用地指标"'), { id }, staff1)).toBe(
      'NOT_FOUND',
    );
    expect(await code(ACT('acceptIssue'), { id }, ent1)).toBe('FORBIDDEN');
    expect(await code(ACT('confirmIssue'), { id }, ent1)).toBe('INVALID_TRANSITION');
  });

  it('assigns, plans, pauses while waiting for the enterprise and resumes', async () => {
    await ok(
      `mutation($id: ID!, $i: AssignIssueInput!) { assignIssue(id: $id, input: $i) { status } }`,
      { id, i: { leadDepartmentId: D1, coDepartmentIds: [D2] } },
      admin,
    );
    expect(await code(ACT('startIssue', ', plan: "制定方案，协调用地指标"'), { id }, staff2)).toBe(
      'FORBIDDEN',
    );
    await ok(ACT('startIssue', ', plan: "制定方案，协调用地指标"'), { id }, staff1);
    const waiting = await ok<{ askEnterprise: { status: string } }>(
      ACT('askEnterprise', ', question: "请补充二期项目备案文件"'),
      { id },
      staff1,
    );
    expect(waiting.askEnterprise.status).toBe('WAITING_ENTERPRISE');
    const resumed = await ok<{ resumeIssue: { status: string } }>(
      ACT('resumeIssue', ', note: "已上传"'),
      { id },
      ent1,
    );
    expect(resumed.resumeIssue.status).toBe('IN_PROGRESS');
    // The co-handling department reports progress too.
    await ok(ACT('reportIssueProgress', ', note: "税务方面无障碍"'), { id }, staff2);
  });

  it('lets "cannot handle" reach the enterprise only after three distinct sign-offs in order', async () => {
    expect(
      await code(
        ACT('answerIssue', ', outcome: CANNOT_HANDLE, answer: "无法办理，请谅解，谢谢支持"'),
        { id },
        staff1,
      ),
    ).toBe('REFUSAL_NEEDS_SIGN_OFF');
    expect(await code(ACT('proposeRefusal', ', reason: "不能办"'), { id }, staff1)).toBe('REASON_TOO_SHORT');
    // A department without its three sign-off people cannot start a refusal that could never finish.
    await bus.publish(
      envelope('DepartmentChanged', D1, {
        department: {
          ...(department(D1, 'LQ-ZRZY', '路桥区自然资源和规划分局').payload as { department: object })
            .department,
          members: [],
        },
      }),
    );
    expect(
      await code(
        ACT('proposeRefusal', ', reason: "该地块位于永久基本农田保护范围内，依法不得转为建设用地。"'),
        { id },
        staff1,
      ),
    ).toBe('SIGN_OFF_CHAIN_INCOMPLETE');
    await bus.publish(department(D1, 'LQ-ZRZY', '路桥区自然资源和规划分局'));
    await ok(
      ACT(
        'proposeRefusal',
        ', reason: "该地块位于永久基本农田保护范围内，依法不得转为建设用地，无法安排用地指标。", basis: "《土地管理法》第三十五条"',
      ),
      { id },
      staff1,
    );
    const SIGN = (approve: boolean) => ACT('signOffRefusal', `, approve: ${approve}, note: "内部意见：同意"`);
    expect(await code(SIGN(true), { id }, leader)).toBe('NOT_SIGNATORY');
    await ok(SIGN(true), { id }, chief);
    // While the refusal waits for its sign-offs, the enterprise sees an appeal in progress: no
    // draft reason, no proposal or sign-off in the timeline, and a status filter that does not tell.
    type View = {
      issue: {
        status: string;
        refusals: { reason: string }[];
        timeline: { action: string; note: string | null; toStatus: string | null; audience: string }[];
      };
    };
    const VIEW = `query($id: ID!) { issue(id: $id) { status refusals { reason } timeline { action note toStatus audience } } }`;
    const pending = await ok<View>(VIEW, { id }, ent1);
    expect(pending.issue.status).toBe('IN_PROGRESS');
    expect(pending.issue.refusals).toEqual([]);
    expect(pending.issue.timeline.map((e) => e.action)).not.toContain('PROPOSE_REFUSAL');
    expect(pending.issue.timeline.map((e) => e.action)).not.toContain('SIGN_OFF');
    expect(JSON.stringify(pending)).not.toContain('基本农田');
    expect(pending.issue.timeline.every((e) => e.audience === 'PUBLIC')).toBe(true);
    const LIST = `{ issues(filter: { statuses: [REFUSAL_PENDING] }) { totalCount } }`;
    expect((await ok<{ issues: { totalCount: number } }>(LIST, {}, ent1)).issues.totalCount).toBe(0);
    const IN_PROGRESS = `{ issues(filter: { statuses: [IN_PROGRESS] }) { edges { node { id status } } } }`;
    const asEnt = await ok<{ issues: { edges: { node: { id: string; status: string } }[] } }>(
      IN_PROGRESS,
      {},
      ent1,
    );
    expect(asEnt.issues.edges.map((e) => e.node)).toContainEqual({ id, status: 'IN_PROGRESS' });
    const staffView = await ok<View>(VIEW, { id }, staff1);
    expect(staffView.issue.status).toBe('REFUSAL_PENDING');
    expect(staffView.issue.refusals[0]!.reason).toContain('基本农田');
    expect(staffView.issue.timeline.find((e) => e.action === 'PROPOSE_REFUSAL')!.audience).toBe('INTERNAL');
    expect(await code(SIGN(true), { id }, chief)).toBe('NOT_SIGNATORY');
    await ok(SIGN(true), { id }, leader);
    const done = await ok<{ signOffRefusal: { status: string; outcome: string } }>(SIGN(true), { id }, head);
    expect(done.signOffRefusal).toMatchObject({ status: 'ANSWERED', outcome: 'CANNOT_HANDLE' });
    const detail = await ok<{
      issue: { answer: string; refusals: { status: string; signOffs: { role: string }[] }[] };
    }>(
      `query($id: ID!) { issue(id: $id) { answer refusals { status signOffs { role signer } } } }`,
      { id },
      ent1,
    );
    expect(detail.issue.answer).toContain('基本农田');
    expect(detail.issue.refusals[0]!.signOffs.map((s) => s.role)).toEqual([
      'SECTION_CHIEF',
      'LEADER_IN_CHARGE',
      'DEPARTMENT_HEAD',
    ]);
    // Sent: the answer is public, the sign-off notes are not; the last sign-off is the public step.
    const answered = await ok<View>(VIEW, { id }, ent1);
    expect(answered.issue.status).toBe('ANSWERED');
    expect(JSON.stringify(answered)).not.toContain('内部意见');
    const signs = answered.issue.timeline.filter((e) => e.action === 'SIGN_OFF');
    expect(signs).toEqual([{ action: 'SIGN_OFF', note: null, toStatus: 'ANSWERED', audience: 'PUBLIC' }]);
  });

  it('reviews a refusal; overturned, it is assigned again with new deadlines', async () => {
    await ok(ACT('requestRefusalReview', ', reason: "周边地块已调整规划，应可办理"'), { id }, ent1);
    const decided = await ok<{ decideRefusalReview: { status: string; round: number } }>(
      `mutation($id: ID!) { decideRefusalReview(id: $id, input: { decision: OVERTURNED, hearingOn: "2026-11-20", panel: ["区人大代表", "律师"], record: "评议团认为可通过规划调整解决，推翻不能办答复。" }) { status round } }`,
      { id },
      evaluator,
    );
    expect(decided.decideRefusalReview).toMatchObject({ status: 'ASSIGNED', round: 2 });
    await sg.relay.drain();
    expect(published.some((e) => e.type === 'ReviewDecided' && e.aggregateId === id)).toBe(true);
  });

  it('answers, reopens as a new round, confirms and closes; the timeline records every step', async () => {
    await ok(ACT('startIssue', ', plan: "启动规划调整，安排新增用地指标"'), { id }, staff1);
    await ok(ACT('answerIssue', ', outcome: RESOLVED, answer: "已通过规划调整安排用地指标"'), { id }, staff1);
    const reopened = await ok<{ reopenIssue: { status: string; round: number } }>(
      ACT('reopenIssue', ', reason: "指标到位但手续未办完"'),
      { id },
      ent1,
    );
    expect(reopened.reopenIssue).toMatchObject({ status: 'IN_PROGRESS', round: 3 });
    await ok(
      ACT('answerIssue', ', outcome: RESOLVED, answer: "供地手续已全部办结，企业已取得不动产权证"'),
      { id },
      staff1,
    );
    await ok(ACT('confirmIssue'), { id }, ent1);
    const closed = await ok<{ closeIssue: { status: string } }>(ACT('closeIssue'), { id }, admin);
    expect(closed.closeIssue.status).toBe('CLOSED');
    const t = await ok<{
      issue: { timeline: { action: string; fromStatus: string | null; toStatus: string }[] };
    }>(`query($id: ID!) { issue(id: $id) { timeline { action fromStatus toStatus actor } } }`, { id }, admin);
    expect(t.issue.timeline.map((e) => e.action)).toEqual([
      'SUBMIT',
      'ACCEPT',
      'ASSIGN',
      'START',
      'AWAIT_ENTERPRISE',
      'RESUME',
      'FEEDBACK',
      'PROPOSE_REFUSAL',
      'SIGN_OFF',
      'SIGN_OFF',
      'SIGN_OFF',
      'REQUEST_REVIEW',
      'DECIDE_REVIEW',
      'START',
      'ANSWER',
      'REOPEN',
      'ANSWER',
      'CONFIRM',
      'CLOSE',
    ]);
    await sg.relay.drain();
    const types = published.filter((e) => e.aggregateId === id).map((e) => e.type);
    for (const t of ['IssueAssigned', 'IssueAnswered', 'IssueReopened', 'IssueClosed', 'RefusalSignedOff'])
      expect(types).toContain(t);
  });

  it('keeps the timeline append-only', async () => {
    await expect(
      sg.database.dataSource.query(`UPDATE issues.issue_event SET note = 'changed'`),
    ).rejects.toThrow(/append-only/);
    await expect(sg.database.dataSource.query(`DELETE FROM issues.issue_event`)).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('sources, access, escalation and merging', () => {
  it('lets a cadre record an appeal from a visit to a paired enterprise only', async () => {
    const id = await submitted(cadre, { enterpriseId: E1, visitId: V1 });
    const v = await ok<{ issue: { source: string; visit: { id: string } } }>(
      `query($id: ID!) { issue(id: $id) { source visit { id } } }`,
      { id },
      cadre,
    );
    expect(v.issue).toEqual({ source: 'VISIT', visit: { id: V1 } });
    const err = await sg.query(
      SUBMIT,
      {
        i: {
          enterpriseId: E2,
          title: '用工缺口较大',
          description: '春节后一线技工缺口约五十人，招工困难。',
          categories: ['TALENT_LABOUR'],
        },
      },
      cadre,
    );
    expect(err.errors![0]!.extensions!['code']).toBe('NOT_PAIRED');
  });

  it('shows each viewer only the appeals they may see', async () => {
    const id = await submitted(ent2);
    expect(
      (await ok<{ issue: unknown }>(`query($id: ID!) { issue(id: $id) { id } }`, { id }, ent1)).issue,
    ).toBeNull();
    expect(
      (await ok<{ issue: unknown }>(`query($id: ID!) { issue(id: $id) { id } }`, { id }, staff2)).issue,
    ).toBeNull();
    expect(
      (await ok<{ issue: unknown }>(`query($id: ID!) { issue(id: $id) { id } }`, { id }, evaluator)).issue,
    ).not.toBeNull();
    const own = await ok<{
      issues: { totalCount: number; edges: { node: { enterprise: { id: string } } }[] };
    }>(`{ issues(first: 50) { totalCount edges { node { enterprise { id } } } } }`, {}, ent2);
    expect(own.issues.edges.every((e) => e.node.enterprise.id === E2)).toBe(true);
  });

  it('escalates township → county → city with a reason, and no further', async () => {
    const id = await submitted();
    await ok(ACT('acceptIssue'), { id }, admin);
    const up = ACT('escalateIssue', ', reason: "涉及跨镇街规划调整"');
    expect((await ok<{ escalateIssue: { level: string } }>(up, { id }, admin)).escalateIssue.level).toBe(
      'COUNTY',
    );
    expect((await ok<{ escalateIssue: { level: string } }>(up, { id }, admin)).escalateIssue.level).toBe(
      'CITY',
    );
    expect(await code(up, { id }, admin)).toBe('ALREADY_TOP_LEVEL');
    const queue = await ok<{ issues: { edges: { node: { id: string } }[] } }>(
      `{ issues(filter: { escalated: true, level: CITY }) { edges { node { id } } } }`,
      {},
      admin,
    );
    expect(queue.issues.edges.map((e) => e.node.id)).toContain(id);
  });

  it('merges duplicates of one enterprise only', async () => {
    const a = await submitted();
    const b = await submitted();
    const other = await submitted(ent2);
    const MERGE = `mutation($id: ID!, $into: ID!) { mergeIssue(id: $id, intoId: $into) { status } }`;
    expect(await code(MERGE, { id: a, into: other }, admin)).toBe('MERGE_OTHER_ENTERPRISE');
    expect(
      (await ok<{ mergeIssue: { status: string } }>(MERGE, { id: a, into: b }, admin)).mergeIssue.status,
    ).toBe('MERGED');
  });

  it('lists appeals on the enterprise, the department and the visit', async () => {
    const data = await ok<{ _entities: { issues: unknown[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
         ... on Enterprise { issues(first: 50) { id } }
         ... on Visit { issues { id } }
         ... on Department { issues(open: false) { id } workload { open overdue } } } }`,
      {
        r: [
          { __typename: 'Enterprise', id: E1 },
          { __typename: 'Visit', id: V1 },
          { __typename: 'Department', id: D1 },
        ],
      },
      admin,
    );
    expect(data._entities[0]!.issues.length).toBeGreaterThan(3);
    expect(data._entities[1]!.issues).toHaveLength(1);
    expect(data._entities[2]!.issues.length).toBeGreaterThanOrEqual(1);
  });
});

describe('triage: duplicates, common problems, second assignment, limits, supervision', () => {
  const LAND = {
    title: '园区企业土地证办理受阻',
    description: '园区内企业厂房已建成多年，因历史遗留问题一直无法办理不动产权证，影响企业融资。',
    categories: ['LAND'],
  };

  async function through(id: string, steps: [string, string, Viewer][]): Promise<void> {
    for (const [name, args, viewer] of steps) await ok(ACT(name, args), { id }, viewer);
  }

  it('suggests likely duplicates of the same enterprise and siblings of other enterprises', async () => {
    const a = await submitted(ent1, LAND);
    const b = await submitted(ent1, {
      ...LAND,
      title: '厂房不动产权证办不下来',
      description: '厂房建成多年因历史遗留问题无法办理不动产权证，企业融资受影响。',
    });
    const c = await submitted(ent2, {
      ...LAND,
      title: '历史遗留厂房无法办证',
      description: '企业厂房历史遗留问题，一直无法办理不动产权证，银行贷款受阻。',
    });
    const d = await ok<{
      issue: { similar: { issue: { id: string }; sameEnterprise: boolean; score: number }[] };
    }>(
      `query($id: ID!) { issue(id: $id) { similar(first: 10) { issue { id } sameEnterprise score } } }`,
      { id: a },
      admin,
    );
    const byId = new Map(d.issue.similar.map((x) => [x.issue.id, x]));
    expect(byId.get(b)?.sameEnterprise).toBe(true);
    expect(byId.get(c)?.sameEnterprise).toBe(false);
    // The enterprise itself sees only its own appeals among the suggestions.
    const own = await ok<{ similarIssues: { issue: { id: string } }[] }>(
      `query { similarIssues(title: "厂房无法办理不动产权证", description: "历史遗留问题", categories: [LAND]) { issue { id } } }`,
      {},
      ent2,
    );
    expect(own.similarIssues.map((x) => x.issue.id)).toEqual([c]);
    const groups = await ok<{
      commonProblemSuggestions: { enterprises: number; issues: { id: string }[] }[];
    }>(`{ commonProblemSuggestions(threshold: 0.3) { enterprises issues { id } } }`, {}, admin);
    const group = groups.commonProblemSuggestions.find((g) => g.issues.some((i) => i.id === c));
    expect(group?.enterprises).toBe(2);
  });

  it('handles a common problem once and passes the answer to each member appeal', async () => {
    const x = await submitted(ent1, LAND);
    const y = await submitted(ent2, LAND);
    for (const id of [x, y]) await ok(ACT('acceptIssue'), { id }, admin);
    const cp = await ok<{ createCommonProblem: { id: string; status: string } }>(
      `mutation($i: CommonProblemInput!) { createCommonProblem(input: $i) { id status } }`,
      {
        i: { title: '园区历史遗留厂房办证难', categories: ['LAND'], issueIds: [x, y], leadDepartmentId: D1 },
      },
      admin,
    );
    expect(
      await code(
        `mutation($id: ID!) { answerCommonProblem(id: $id, outcome: RESOLVED, answer: "出台历史遗留问题处置办法，统一补办不动产权证") { id } }`,
        { id: cp.createCommonProblem.id },
        staff2,
      ),
    ).toBe('FORBIDDEN');
    const answered = await ok<{
      answerCommonProblem: { status: string; issues: { status: string; outcome: string }[] };
    }>(
      `mutation($id: ID!) { answerCommonProblem(id: $id, outcome: RESOLVED, answer: "出台历史遗留问题处置办法，统一补办不动产权证") { status issues { status outcome } } }`,
      { id: cp.createCommonProblem.id },
      staff1,
    );
    expect(answered.answerCommonProblem.status).toBe('ANSWERED');
    expect(answered.answerCommonProblem.issues).toEqual([
      { status: 'ANSWERED', outcome: 'RESOLVED' },
      { status: 'ANSWERED', outcome: 'RESOLVED' },
    ]);
  });

  it('re-assigns every "cannot handle" answer of a department in a period, even closed ones', async () => {
    const id = await submitted();
    await ok(ACT('acceptIssue'), { id }, admin);
    await ok(
      `mutation($id: ID!, $i: AssignIssueInput!) { assignIssue(id: $id, input: $i) { status } }`,
      { id, i: { leadDepartmentId: D1 } },
      admin,
    );
    await through(id, [
      ['startIssue', ', plan: "研究用地指标调剂的可行性"', staff1],
      [
        'proposeRefusal',
        ', reason: "本年度用地指标已全部下达，无法为该项目单独追加，需等待下一年度计划。"',
        staff1,
      ],
      ['signOffRefusal', ', approve: true', chief],
      ['signOffRefusal', ', approve: true', leader],
      ['signOffRefusal', ', approve: true', head],
      ['confirmIssue', '', ent1],
      ['closeIssue', '', admin],
    ]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const r = await ok<{ reassignRefusals: { id: string; status: string; round: number }[] }>(
      `mutation($i: ReassignRefusalsInput!) { reassignRefusals(input: $i) { id status round } }`,
      { i: { departmentId: D1, from: today, to: today, note: '逐件重新研判，能办尽办' } },
      admin,
    );
    expect(r.reassignRefusals).toContainEqual({ id, status: 'ASSIGNED', round: 2 });
  });

  it('applies the most specific time limits, and lists appeals for weekly reminders', async () => {
    expect(
      await code(
        `mutation { setDeadlineRule(input: { regionCode: "331004", category: LAND, firstResponseHours: 12, planDays: 5, feedbackDays: 3, closeDays: 8 }) { regionPrefix } }`,
        {},
        admin,
      ),
    ).toBe('INVALID_LIMIT');
    await ok(
      `mutation { setDeadlineRule(input: { regionCode: "331004", category: LAND, firstResponseHours: 12, planDays: 1, feedbackDays: 2, closeDays: 3 }) { regionPrefix } }`,
      {},
      admin,
    );
    const id = await submitted();
    const a = await ok<{ acceptIssue: { acceptedAt: string; closeDue: string } }>(
      ACT('acceptIssue'),
      { id },
      admin,
    );
    expect(new Date(a.acceptIssue.closeDue).getTime()).toBe(
      WorkCalendar.load().deadline(new Date(a.acceptIssue.acceptedAt), 3).getTime(),
    );
    const weekly = await ok<{ supervisionList: { issue: { id: string }; reasons: string[] }[] }>(
      `{ supervisionList(kind: WEEKLY) { issue { id } reasons } }`,
      {},
      admin,
    );
    expect(weekly.supervisionList.find((x) => x.issue.id === id)?.reasons).toContain('5个工作日内到期');
  });
});

describe('statistics', () => {
  it('counts every change into monthly aggregates that a rebuild from the timeline reproduces', async () => {
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
      .format(new Date())
      .slice(0, 7);
    const Q = `query($m: String!) { issueStatistics(from: $m, to: $m) { totals { received assigned answered closed escalated
      resolved cannotHandle reviewOverturned reopened withdrawn onTime resolutionRate cannotHandleRate meanWorkdays
      medianWorkdays } series { month received } } }`;
    const before = await ok<{
      issueStatistics: { totals: Record<string, number>; series: { month: string }[] };
    }>(Q, { m: month }, admin);
    const t = before.issueStatistics.totals;
    const [{ n }] = (await sg.database.dataSource.query(`SELECT count(*)::int AS n FROM issues.issue`)) as [
      { n: number },
    ];
    expect(t.received).toBe(n);
    expect(t.escalated).toBe(2);
    expect(t.cannotHandle).toBe(2);
    expect(t.reviewOverturned).toBe(1);
    expect(t.reopened).toBe(1);
    expect(t.closed).toBe(2);
    expect(t.answered).toBeGreaterThanOrEqual(5);
    expect(t.medianWorkdays).toBe(0);
    expect(before.issueStatistics.series).toEqual([expect.objectContaining({ month, received: n })]);
    await sg.services.stats.rebuild();
    const after = await ok<{ issueStatistics: unknown }>(Q, { m: month }, admin);
    expect(after.issueStatistics).toEqual(before.issueStatistics);
  });

  it('gives department staff their own department only, and refuses township slices and bad months', async () => {
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
      .format(new Date())
      .slice(0, 7);
    const mine = await ok<{ issueStatistics: { totals: { assigned: number } } }>(
      `query($m: String!) { issueStatistics(from: $m, to: $m) { totals { assigned } } }`,
      { m: month },
      staff1,
    );
    expect(mine.issueStatistics.totals.assigned).toBeGreaterThan(0);
    expect(
      await code(
        `query($m: String!, $d: ID!) { issueStatistics(from: $m, to: $m, departmentId: $d) { totals { assigned } } }`,
        {
          m: month,
          d: D2,
        },
        staff1,
      ),
    ).toBe('FORBIDDEN');
    expect(
      await code(`{ issueStatistics(from: "2026-13", to: "2026-11") { totals { received } } }`, {}, admin),
    ).toBe('INVALID_MONTH');
    expect(
      await code(
        `{ issueStatistics(from: "2026-01", to: "2026-11", regionCode: "331004001") { totals { received } } }`,
        {},
        admin,
      ),
    ).toBe('REGION_TOO_FINE');
  });
});
