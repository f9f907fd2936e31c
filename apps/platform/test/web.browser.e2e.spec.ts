/**
 * The web app in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core) against
 * the real graph: every subgraph on its test database and the gateway serving the built app
 * (apps/web/dist) from its origin, with the development sign-in. It walks the closed loop as
 * people do it — an enterprise raises an appeal and is shown its likely duplicate; the
 * coordinator (助企办) accepts and assigns it; the department plans and answers; the enterprise
 * confirms and rates — and checks that a refused token returns to sign-in keeping the draft.
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
import { demoViewers, DEMO_ROLE_KEYS, type DemoRoleKey } from '../src/demo-users';
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
    let tokens: Record<DemoRoleKey, { token: string; roles: string[]; name?: string }> | undefined =
      undefined;
    graph = await startGraph({
      enterprises: 30,
      issues: 40,
      gatewayEnv: { TRUSTED_DOCUMENTS: withWebTrustedDocuments(undefined, dist) ?? '' },
      routes: webRoutes({ dist, devUsers: () => (tokens ? devUsersOf(tokens) : undefined) }),
    });
    const viewers = demoViewers(graph.ownEnterpriseId);
    const issued = {} as NonNullable<typeof tokens>;
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
    await dialog.waitFor({ state: 'hidden' });
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

  it('a refused token returns to sign-in, and what was being typed is kept', async () => {
    await page.goto(url('/portal/new'));
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
