/**
 * The web app in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core) against
 * the real graph: every subgraph on its test database and the gateway serving the built app
 * (apps/web/dist) from its origin, with the development sign-in. It walks the closed loop as
 * people do it — an enterprise raises an appeal and is shown its likely duplicate; the
 * coordinator (助企办) accepts and assigns it; the department plans and answers; the enterprise
 * confirms and rates. A "cannot handle" (不能办) goes through its three sign-offs in each signatory's
 * 待我签批 queue while the enterprise sees the appeal in progress and none of the draft. It checks
 * that a refused token returns to sign-in keeping the draft.
 * The production build sends trusted-document hashes only: every GraphQL request is checked.
 *
 * Screenshots of each main page go to SFW_TEST_SCREENSHOTS (docs/screenshots for the README) or
 * a temporary folder. Without Chromium this file is skipped unless CI is set.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { issueToken } from '@sfw/gateway';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { demoViewers, DEMO_IDS, DEMO_ROLE_KEYS, type DemoRoleKey } from '../src/demo-users';
import { devUsersOf, webDist, webRoutes, withWebTrustedDocuments } from '../src/web';
import { startGraph, type TestGraph } from './support/graph';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const dist = webDist();
const mustRun = (haveChromium && !!dist) || !!process.env['CI'];
if (!mustRun)
  console.warn(
    `web.browser.e2e.spec.ts: SKIPPED — ${haveChromium ? 'apps/web is not built' : `${CHROMIUM} is missing`}; CI is not set.`,
  );
const describeBrowser = mustRun ? describe : describe.skip;

const SHOTS = process.env['SFW_TEST_SCREENSHOTS']
  ? resolve(process.env['INIT_CWD'] ?? process.cwd(), process.env['SFW_TEST_SCREENSHOTS'])
  : mkdtempSync(join(tmpdir(), 'sfw-web-shots-'));

jest.setTimeout(300_000);

describeBrowser('the web app in Chromium', () => {
  let graph: TestGraph;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const graphqlBodies: Record<string, unknown>[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    type Tokens = Record<DemoRoleKey, { token: string; roles: string[]; name?: string }>;
    let tokens: Tokens | undefined = undefined;
    graph = await startGraph({
      enterprises: 30,
      issues: 40,
      gatewayEnv: { TRUSTED_DOCUMENTS: withWebTrustedDocuments(undefined, dist) ?? '' },
      routes: webRoutes({ dist, devUsers: () => (tokens ? devUsersOf(tokens) : undefined) }),
    });
    const viewers = demoViewers(graph.ownEnterpriseId);
    const issued = {} as Tokens;
    for (const key of DEMO_ROLE_KEYS)
      issued[key] = { ...viewers[key], token: await issueToken(viewers[key], graph.jwtSecret) };
    tokens = issued;

    mkdirSync(SHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'sfw-web-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Nothing leaves this machine: every non-loopback request goes to a closed port.
        '--proxy-server=http://127.0.0.1:9',
      ],
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http'))
        outside.push(req.url());
      if (url.pathname === '/graphql' && req.method() === 'POST')
        graphqlBodies.push(JSON.parse(req.postData() ?? '{}') as Record<string, unknown>);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const url = (path: string) => `${graph.gateway.url.replace(/\/graphql$/, '')}${path}`;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

  async function signInAs(label: RegExp, next?: string): Promise<void> {
    await page.evaluate(() => sessionStorage.removeItem('sfw.session')).catch(() => undefined);
    await page.goto(url(next ? `/signin?next=${encodeURIComponent(next)}` : '/signin'));
    await page.getByRole('button', { name: label }).click();
  }

  async function act(button: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill(dialog);
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    // Closed when the graph took it; an error the page shows fails the test with its words.
    const error = page.locator('.ant-message-error, .ant-form-item-explain-error').first();
    await Promise.race([
      dialog.waitFor({ state: 'hidden' }),
      error.waitFor().then(async () => {
        throw new Error(`${button}: ${await error.innerText()}`);
      }),
    ]);
  }

  const TITLE = '新厂房消防验收迟迟未安排';
  const DESCRIPTION = '企业新厂房已按图施工完毕并申请消防验收两个月，验收一直没有排期，影响投产。';
  let appealId = '';

  it('an enterprise raises an appeal, sees its likely duplicate first, and gets the appeal number', async () => {
    // An earlier appeal of the same enterprise on the same problem: the duplicate to be shown.
    const earlier = await fetch(graph.gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await issueToken(demoViewers(graph.ownEnterpriseId).enterprise, graph.jwtSecret)}`,
      },
      body: JSON.stringify({
        query: `mutation { submitIssue(input: { title: "${TITLE}", description: "${DESCRIPTION}", categories: [APPROVALS] }) { id } }`,
      }),
    }).then((r) => r.json() as Promise<{ data: { submitIssue: { id: string } } }>);
    expect(earlier.data.submitIssue.id).toBeTruthy();

    await page.goto(url('/'));
    await page.waitForURL(/\/signin/);
    await page.getByRole('button', { name: /企业联络员/ }).waitFor();
    await shot('sign-in');
    await page.getByRole('button', { name: /企业联络员/ }).click();
    await page.waitForURL(/\/portal$/);
    await page.getByText(TITLE).first().waitFor();
    await shot('portal-my-appeals');

    await page.getByRole('link', { name: '提诉求' }).first().click();
    await page.getByLabel('标题', { exact: true }).fill(TITLE);
    await page.getByLabel('问题描述').fill(DESCRIPTION);
    await page.getByLabel('问题类别').click();
    await page.getByTitle('审批办证').click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByText('可能重复').first().waitFor();
    await page.getByText('可能重复').first().scrollIntoViewIfNeeded();
    await expect(page.getByRole('link', { name: '跟进此诉求' }).first()).toBeDefined();
    await shot('portal-raise-similar');

    await page.getByRole('button', { name: /仍然提交/ }).click();
    await page.getByText('诉求已提交').waitFor();
    const no = await page.locator('.ant-result-subtitle strong').first().textContent();
    expect(no).toMatch(/^SQ\d{4}-\d+/);
    await shot('portal-submitted');
    await page.getByRole('button', { name: /查看诉求/ }).click();
    await page.waitForURL(/\/portal\/appeals\//);
    appealId = page.url().split('/').pop() ?? '';
    await page
      .getByText(no ?? '')
      .first()
      .waitFor();
  });

  it('the coordinator accepts and assigns it, the department plans and answers it', async () => {
    await signInAs(/平台管理员/);
    await page.waitForURL(/\/desk$/);
    await page.locator('.board-table .ant-table-row').first().waitFor();
    await shot('desk-board');

    await page.goto(url(`/desk/appeals/${appealId}`));
    await act('受理', async () => undefined);
    await page.getByText('已受理').first().waitFor();
    await act('交办', async (dialog) => {
      await dialog.getByLabel('牵头部门').click();
      await page.keyboard.type('台州市经济和信息化局');
      await page.getByTitle('台州市经济和信息化局', { exact: true }).click();
      await dialog.getByLabel('承办人').fill('demo-department');
    });
    await page.getByText('已交办').first().waitFor();

    await signInAs(/部门工作人员/, `/desk/appeals/${appealId}`);
    await page.waitForURL(new RegExp(`/desk/appeals/${appealId}`));
    await act('提交办理方案', async (dialog) => {
      await dialog.getByLabel('办理方案').fill('联系消防救援支队，三个工作日内安排现场验收。');
    });
    await page.getByText('办理中').first().waitFor();
    await act('答复', async (dialog) => {
      await dialog.getByText('已解决').click();
      await dialog.getByLabel('答复内容').fill('已协调消防救援支队，验收定于本周四上午进行。');
    });
    await page.getByText('已答复').first().waitFor();
    // Only what this viewer may do now: the department cannot confirm for the enterprise.
    await expect(page.getByRole('button', { name: '确认办结' }).count()).resolves.toBe(0);
    await shot('desk-handling');
  });

  it('the enterprise confirms the answer and rates it', async () => {
    await signInAs(/企业联络员/, `/portal/appeals/${appealId}`);
    await page.waitForURL(new RegExp(`/portal/appeals/${appealId}`));
    await page.getByText('验收定于本周四上午进行').first().waitFor();
    await act('确认办结', async () => undefined);
    await page.getByText('企业已确认').first().waitFor();
    await act('评价', async (dialog) => {
      await dialog.getByText('满意', { exact: true }).click();
      await dialog.getByLabel('评价意见').fill('响应很快');
    });
    await page.getByText(/第 1 轮评价：满意/).waitFor();
    await shot('portal-appeal');
  });

  describe('“cannot handle” (不能办, 路桥 1187)', () => {
    const REASON =
      '该事项涉及的厂区道路属于规划待征收地块，依法不得新建永久性道路设施，本部门无权批准硬化改造，只能待征收方案确定后统一实施。';
    const BASIS = '《中华人民共和国土地管理法》第四十四条；《台州市国有土地上房屋征收与补偿办法》第十二条';
    let refusalId = '';
    let refusalNo = '';

    /** The graph straight, as the named demo user (to bring the appeal to 办理中 quickly). */
    async function as<T>(key: DemoRoleKey, query: string, variables: Record<string, unknown>): Promise<T> {
      const token = await issueToken(demoViewers(graph.ownEnterpriseId)[key], graph.jwtSecret);
      const res = (await fetch(graph.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json())) as { data?: T; errors?: unknown[] };
      expect(res.errors).toBeUndefined();
      return res.data as T;
    }

    /** An appeal of the demo enterprise, accepted, assigned to the demo department and in progress. */
    async function appealInProgress(title: string): Promise<{ id: string; no: string }> {
      const { submitIssue } = await as<{ submitIssue: { id: string; no: string } }>(
        'enterprise',
        'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id no } }',
        {
          input: {
            title,
            description: '厂区门前约两百米土路雨天泥泞，货车进出困难，希望硬化改造。',
            categories: ['INFRASTRUCTURE'],
          },
        },
      );
      const id = submitIssue.id;
      await as('admin', 'mutation($id: ID!) { acceptIssue(id: $id) { id } }', { id });
      await as(
        'admin',
        'mutation($id: ID!, $input: AssignIssueInput!) { assignIssue(id: $id, input: $input) { id } }',
        { id, input: { leadDepartmentId: DEMO_IDS.departmentId, handler: 'demo-department' } },
      );
      await as(
        'department',
        'mutation($id: ID!, $plan: String!) { startIssue(id: $id, plan: $plan) { id } }',
        {
          id,
          plan: '现场踏勘道路权属与规划情况，核实能否实施硬化。',
        },
      );
      return submitIssue;
    }

    /** 待我签批 of the signed-in signatory: the appeal's row, signed (or asserted absent). */
    async function signInQueue(label: RegExp, role: string, note: string): Promise<void> {
      await signInAs(label, '/desk/sign-offs');
      await page.waitForURL(/\/desk\/sign-offs$/);
      await page.getByRole('heading', { name: `待我签批 · ${role}` }).waitFor();
      const mine = page.getByRole('region', { name: '待我签批' });
      const row = mine.getByRole('row', { name: new RegExp(refusalNo) });
      await row.waitFor();
      await row.getByRole('button', { name: '签批同意', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel('签批意见').fill(note);
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await mine.getByRole('row', { name: new RegExp(refusalNo) }).waitFor({ state: 'detached' });
    }

    /** The enterprise's page of the appeal while the refusal waits: in progress, no draft, no chain. */
    async function enterpriseSeesNothing(): Promise<void> {
      await signInAs(/企业联络员/, `/portal/appeals/${refusalId}`);
      await page.waitForURL(new RegExp(`/portal/appeals/${refusalId}`));
      await page.getByText(refusalNo).first().waitFor();
      await page.locator('.ant-card-extra').getByText('办理中').waitFor();
      const body = (await page.locator('main, body').first().innerText()).replace(/\s+/g, '');
      expect(body).not.toContain(REASON.slice(0, 20));
      expect(body).not.toContain('土地管理法');
      expect(body).not.toMatch(/签批|不能办|待签批/);
    }

    it('the lead department proposes it with a reason and its legal basis', async () => {
      ({ id: refusalId, no: refusalNo } = await appealInProgress('厂区门前道路硬化改造'));

      await signInAs(/部门工作人员/, `/desk/appeals/${refusalId}`);
      await page.waitForURL(new RegExp(`/desk/appeals/${refusalId}`));
      await act('提出不能办', async (dialog) => {
        await dialog.getByLabel('不能办理的理由').fill(REASON);
        await dialog.getByLabel('法律、政策依据').fill(BASIS);
      });
      await page.locator('.ant-card-extra').getByText('“不能办”待签批').waitFor();
      const chain = page.getByRole('region', { name: '不能办签批链' });
      await chain.getByText('科室负责人 · 待签批').waitFor();
      await chain.getByText('分管领导 · 未到').waitFor();
      await expect(chain.getByText(BASIS).count()).resolves.toBe(1);
      // Not the proposer's to answer any more: no 答复 while it waits.
      await expect(page.getByRole('button', { name: '答复', exact: true }).count()).resolves.toBe(0);
    });

    it('the enterprise sees it in progress, without the draft reason', async () => {
      await enterpriseSeesNothing();
      await shot('portal-refusal-pending');
    });

    it('the leader in charge has nothing to sign before the section chief; the section chief signs', async () => {
      await signInAs(/分管领导/, '/desk/sign-offs');
      const others = page.getByRole('region', { name: '本部门其他待签批' });
      const row = others.getByRole('row', { name: new RegExp(refusalNo) });
      await row.waitFor();
      await row.getByText('待科室负责人签批').waitFor();
      await expect(
        page
          .getByRole('region', { name: '待我签批' })
          .getByRole('row', { name: new RegExp(refusalNo) })
          .count(),
      ).resolves.toBe(0);
      await expect(row.getByRole('button', { name: '签批同意' }).count()).resolves.toBe(0);

      await signInAs(/部门工作人员/, '/desk/sign-offs');
      await page
        .getByRole('region', { name: '待我签批' })
        .getByRole('row', { name: new RegExp(refusalNo) })
        .waitFor();
      await shot('desk-sign-offs');
      await signInQueue(/部门工作人员/, '科室负责人', '理由属实，同意');
    });

    it('the leader in charge and the department head sign in turn, and the chain shows who signed when', async () => {
      await signInQueue(/分管领导/, '分管领导', '依据充分，同意');
      await enterpriseSeesNothing();
      await signInQueue(/部门负责人/, '部门负责人', '同意答复企业');

      await page.goto(url(`/desk/appeals/${refusalId}`));
      await page.locator('.ant-card-extra').getByText('已答复').waitFor();
      const chain = page.getByRole('region', { name: '不能办签批链' });
      await chain.getByText('已签批，已答复企业').waitFor();
      for (const [role, signer] of [
        ['科室负责人', '毛洁波'],
        ['分管领导', '章鹏'],
        ['部门负责人', '应强磊'],
      ]) {
        await chain.getByText(`${role} · 同意`).waitFor();
        await chain.getByText(new RegExp(`^${signer} · \\d{4}/`)).waitFor();
      }
      await chain.getByText('意见：依据充分，同意').waitFor();
      await chain.scrollIntoViewIfNeeded();
      await shot('desk-refusal-chain');
    });

    it('the enterprise then gets the answer, “cannot handle”, without the signatories’ notes', async () => {
      await signInAs(/企业联络员/, `/portal/appeals/${refusalId}`);
      await page.waitForURL(new RegExp(`/portal/appeals/${refusalId}`));
      await page.locator('.ant-card-extra').getByText('已答复').waitFor();
      await page.getByText('不能办', { exact: true }).first().waitFor();
      await page
        .getByText(/土地管理法/)
        .first()
        .waitFor();
      const body = await page.locator('body').innerText();
      expect(body).not.toContain('依据充分，同意');
      expect(body).not.toContain('理由属实，同意');
      await expect(page.getByRole('button', { name: '申请说“不”评议' }).count()).resolves.toBe(1);
    });

    it('a signatory sends one back with a note: the appeal is in progress again and the chain stops there', async () => {
      const other = await appealInProgress('厂区北侧排水沟改造');
      await as(
        'department',
        'mutation($id: ID!, $reason: String!, $basis: String) { proposeRefusal(id: $id, reason: $reason, basis: $basis) { id } }',
        { id: other.id, reason: REASON, basis: BASIS },
      );
      await as('department', 'mutation($id: ID!) { signOffRefusal(id: $id, approve: true) { id } }', {
        id: other.id,
      });

      await signInAs(/分管领导/, '/desk/sign-offs');
      const row = page
        .getByRole('region', { name: '待我签批' })
        .getByRole('row', { name: new RegExp(other.no) });
      await row.getByRole('button', { name: '退回', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await dialog.getByText('请填写退回意见').waitFor(); // a note is required to send back
      await dialog.getByLabel('退回意见').fill('排水沟不在征收范围内，请重新核实后办理');
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await row.waitFor({ state: 'detached' });

      await page.goto(url(`/desk/appeals/${other.id}`));
      await page.locator('.ant-card-extra').getByText('办理中').waitFor();
      const chain = page.getByRole('region', { name: '不能办签批链' });
      await chain.getByText('已退回').waitFor();
      await chain.getByText('科室负责人 · 同意').waitFor();
      await chain.getByText('分管领导 · 退回').waitFor();
      await chain.getByText('意见：排水沟不在征收范围内，请重新核实后办理').waitFor();
      await chain.getByText('部门负责人 · —').waitFor();
      await expect(page.getByRole('button', { name: '签批同意' }).count()).resolves.toBe(0);
    });
  });

  it('a refused token returns to sign-in, and what was being typed is kept', async () => {
    await signInAs(/企业联络员/, '/portal/new');
    await page.waitForURL(/\/portal\/new$/);
    await page.getByLabel('标题', { exact: true }).fill('出口退税到账慢');
    await page.getByLabel('问题描述').fill('出口退税申报后到账周期较长，资金周转压力大。');
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('sfw.session') ?? '{}') as { token?: string };
      sessionStorage.setItem('sfw.session', JSON.stringify({ ...s, token: 'expired.token.value' }));
    });
    await page.reload();
    await page.getByLabel('问题类别').click();
    await page.getByTitle('税务').click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.waitForURL(/\/signin\?next=/);
    await page.getByText(/登录已失效/).waitFor();
    await page.getByRole('button', { name: /企业联络员/ }).click();
    await page.waitForURL(/\/portal\/new$/);
    await expect(page.getByLabel('标题', { exact: true }).inputValue()).resolves.toBe('出口退税到账慢');
  });

  it('sent every GraphQL operation by hash only, and nothing left the machine', () => {
    expect(graphqlBodies.length).toBeGreaterThan(5);
    for (const body of graphqlBodies) {
      expect(body['query']).toBeUndefined();
      expect(String(body['documentId'])).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    expect(outside).toEqual([]);
  });
});
