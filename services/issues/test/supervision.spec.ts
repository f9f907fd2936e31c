import { randomUUID } from 'node:crypto';
import { Role, type EventEnvelope, type Viewer } from '@sfw/shared-types';
import { InProcessEventBus } from '@sfw/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import { WorkCalendar } from '@sfw/workdays';
import type { IssuesServices } from '../src/context';
import { issuesSubgraph } from '../src/subgraph';

/**
 * 周提醒 / 月督办 over a database of this file's own, with one appeal in each situation the lists
 * tell apart; each list must hold exactly the appeals it is about, with the right reasons.
 */

let sg: TestSubgraph<IssuesServices>;
const bus = new InProcessEventBus();

const E1 = randomUUID();
const D1 = randomUUID();
const D2 = randomUUID();

const admin: Viewer = { sub: 'admin', name: '管理员', roles: [Role.ADMIN] };
const ent1: Viewer = { sub: 'ent1', roles: [Role.ENTERPRISE], enterpriseId: E1 };
const staff1: Viewer = { sub: 'clerk', name: '经办人', roles: [Role.DEPARTMENT], departmentId: D1 };

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

async function ok<T = Record<string, unknown>>(
  doc: string,
  vars: Record<string, unknown>,
  viewer: Viewer,
): Promise<T> {
  const res = await sg.query<T>(doc, vars, viewer);
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data as T;
}

const ACT = (name: string, args = '') => `mutation($id: ID!) { ${name}(id: $id${args}) { id status } }`;

async function submitted(): Promise<string> {
  const d = await ok<{ submitIssue: { id: string } }>(
    `mutation($i: SubmitIssueInput!) { submitIssue(input: $i) { id } }`,
    {
      i: {
        title: '厂房扩建用地指标不足',
        description: '企业计划扩建二期厂房，已完成设计，但用地指标迟迟未能落实，项目无法开工。',
        categories: ['LAND'],
      },
    },
    ent1,
  );
  return d.submitIssue.id;
}

async function steps(id: string, list: [string, string, Viewer][]): Promise<void> {
  for (const [name, args, viewer] of list) await ok(ACT(name, args), { id }, viewer);
}

/** Accepted and assigned to D1 (with D2 co-handling), started by D1. */
async function inProgress(): Promise<string> {
  const id = await submitted();
  await ok(ACT('acceptIssue'), { id }, admin);
  await ok(
    `mutation($id: ID!, $i: AssignIssueInput!) { assignIssue(id: $id, input: $i) { id } }`,
    { id, i: { leadDepartmentId: D1, coDepartmentIds: [D2] } },
    admin,
  );
  await ok(ACT('startIssue', ', plan: "制定方案，协调用地指标"'), { id }, staff1);
  return id;
}

const setDates = (id: string, dates: { closeDue?: Date | null; firstResponseDue?: Date }) =>
  sg.database.dataSource.query(
    `UPDATE issues.issue SET close_due = CASE WHEN $2 THEN $3::timestamptz ELSE close_due END,
       first_response_due = coalesce($4::timestamptz, first_response_due) WHERE id = $1`,
    [id, 'closeDue' in dates, dates.closeDue ?? null, dates.firstResponseDue ?? null],
  );

const LIST = `query($kind: SupervisionKind!, $d: ID) {
  supervisionList(kind: $kind, departmentId: $d) { issue { id status } reasons } }`;

async function list(kind: 'WEEKLY' | 'MONTHLY', viewer: Viewer = admin, departmentId?: string) {
  const d = await ok<{ supervisionList: { issue: { id: string }; reasons: string[] }[] }>(
    LIST,
    { kind, d: departmentId ?? null },
    viewer,
  );
  return Object.fromEntries(d.supervisionList.map((x) => [x.issue.id, [...x.reasons].sort()]));
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  sg = await startTestSubgraph(issuesSubgraph, { bus });
  for (const e of [
    envelope('EnterpriseRegistered', E1, {
      enterprise: {
        id: E1,
        name: '台州示范机电有限公司',
        creditCode: '91331004MA2AAAAAA0',
        regionCode: '331004001',
        industryCode: '34',
        scale: 'ABOVE_DESIGNATED',
        tags: [],
        employees: 10,
        registeredCapital: 100,
        foundedOn: null,
        parks: [],
      },
    }),
    department(D1, 'LQ-ZRZY', '路桥区自然资源和规划分局'),
    department(D2, 'LQ-SWJ', '路桥区税务局'),
  ])
    await bus.publish(e);

  const cal = WorkCalendar.load();
  const now = new Date();
  const past = new Date(now.getTime() - 3 * 86_400_000);
  const soon = cal.deadline(now, 2);
  const far = cal.deadline(now, 15);

  // Open, not paused, past its close date.
  ids['overdue'] = await inProgress();
  await setDates(ids['overdue'], { closeDue: past });
  // Open, due within 5 working days.
  ids['dueSoon'] = await inProgress();
  await setDates(ids['dueSoon'], { closeDue: soon });
  // Open with time to spare: on neither list.
  ids['onTrack'] = await inProgress();
  await setDates(ids['onTrack'], { closeDue: far });
  // Submitted, first response late (no close date yet).
  ids['firstResponseLate'] = await submitted();
  await setDates(ids['firstResponseLate'], { firstResponseDue: past });
  // Submitted, first response still in time: on neither list.
  ids['justSubmitted'] = await submitted();
  // Escalated, with time to spare: monthly only.
  ids['escalated'] = await submitted();
  await ok(ACT('acceptIssue'), { id: ids['escalated'] }, admin);
  await ok(ACT('escalateIssue', ', reason: "涉及跨镇街规划调整"'), { id: ids['escalated'] }, admin);
  await setDates(ids['escalated'], { closeDue: far });
  // Reopened by the enterprise, with time to spare: monthly only.
  ids['reopened'] = await inProgress();
  await steps(ids['reopened'], [
    ['answerIssue', ', outcome: RESOLVED, answer: "已通过规划调整安排用地指标"', staff1],
    ['reopenIssue', ', reason: "指标到位但手续未办完"', ent1],
  ]);
  await setDates(ids['reopened'], { closeDue: far });
  // "Cannot handle" awaiting sign-off, with time to spare: monthly only.
  ids['refusalPending'] = await inProgress();
  await steps(ids['refusalPending'], [
    [
      'proposeRefusal',
      ', reason: "该地块位于永久基本农田保护范围内，依法不得转为建设用地，无法安排用地指标。", basis: "《土地管理法》第三十五条"',
      staff1,
    ],
  ]);
  await setDates(ids['refusalPending'], { closeDue: far });
  // Waiting for the enterprise (clock paused) past its close date: not overdue while paused.
  ids['paused'] = await inProgress();
  await steps(ids['paused'], [['askEnterprise', ', question: "请补充二期项目备案文件"', staff1]]);
  await setDates(ids['paused'], { closeDue: past });
  // Closed, its old close date in the past: finished work is on neither list.
  ids['closed'] = await inProgress();
  await steps(ids['closed'], [
    ['answerIssue', ', outcome: RESOLVED, answer: "已通过规划调整安排用地指标"', staff1],
    ['confirmIssue', '', ent1],
    ['closeIssue', '', admin],
  ]);
  await setDates(ids['closed'], { closeDue: past });

  const rows = (await sg.database.dataSource.query(
    `SELECT id, status, escalation_count, reopen_count FROM issues.issue`,
  )) as { id: string; status: string; escalation_count: number; reopen_count: number }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect(byId.get(ids['escalated'])).toMatchObject({ status: 'ACCEPTED', escalation_count: 1 });
  expect(byId.get(ids['reopened'])).toMatchObject({ status: 'IN_PROGRESS', reopen_count: 1 });
  expect(byId.get(ids['refusalPending'])!.status).toBe('REFUSAL_PENDING');
  expect(byId.get(ids['paused'])!.status).toBe('WAITING_ENTERPRISE');
  expect(byId.get(ids['closed'])!.status).toBe('CLOSED');
});

afterAll(async () => {
  await sg?.stop();
});

describe('supervisionList', () => {
  it('WEEKLY (周提醒): open appeals overdue or due within 5 working days, and late first responses', async () => {
    expect(await list('WEEKLY')).toEqual({
      [ids['overdue']!]: ['已超期'],
      [ids['dueSoon']!]: ['5个工作日内到期'],
      [ids['firstResponseLate']!]: ['首次响应超时'],
    });
  });

  it('MONTHLY (月督办): the weekly ones, and also escalated, reopened and refusals awaiting sign-off', async () => {
    expect(await list('MONTHLY')).toEqual({
      [ids['overdue']!]: ['已超期'],
      [ids['dueSoon']!]: ['5个工作日内到期'],
      [ids['firstResponseLate']!]: ['首次响应超时'],
      [ids['escalated']!]: ['已提级'],
      [ids['reopened']!]: ['企业不满意重办'],
      [ids['refusalPending']!]: ['“不能办”待签批'],
    });
  });

  it('narrows both lists to a department (lead or co-handling) and to what the viewer may see', async () => {
    const d1 = [ids['overdue'], ids['dueSoon'], ids['reopened'], ids['refusalPending']].sort();
    for (const kind of ['WEEKLY', 'MONTHLY'] as const) {
      const expected = kind === 'WEEKLY' ? [ids['overdue'], ids['dueSoon']].sort() : d1;
      expect(Object.keys(await list(kind, admin, D2)).sort()).toEqual(expected);
      expect(Object.keys(await list(kind, staff1)).sort()).toEqual(expected);
    }
  });
});
