/**
 * The self-hosted GraphiQL explorer works with no network at all: real headless Chromium
 * (Debian's /usr/bin/chromium, driven by playwright-core) loads it from the gateway, runs a query
 * with a bearer token set in its headers editor and shows the answer, while every request to a
 * host other than this machine is refused and recorded. Any such attempt (a CDN script, a web
 * font, a worker from an external URL, telemetry) fails the test with the URL it tried; only
 * Chromium's own background requests, listed below, are refused without failing it.
 *
 * Chromium is installed by `.ci/run` (apt-get install chromium fonts-noto-cjk). Without it this
 * file is skipped, with a message, unless CI is set: in CI it must run.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enterprisesSubgraph, generateDemoEnterprises, type EnterprisesServices } from '@sfw/enterprises';
import { EnterpriseScale, Role } from '@sfw/shared-types';
import { startTestSubgraph, TEST_SECRET, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { issueToken } from '../src/auth';
import { loadGatewayConfig } from '../src/config';
import { startGateway, type RunningGateway } from '../src/gateway';
import { composeSupergraph, readSubgraphSources } from '../src/supergraph';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/explorer.png';
const JWT_SECRET = 'test-jwt-secret-0123456789-abcdefghijklmnop';
const ENTERPRISES = 4;
const QUERY = '{ regions { code name } enterprises(first: 1) { totalCount } }';

const haveChromium = existsSync(CHROMIUM);
const mustRun = haveChromium || !!process.env['CI'];
if (!mustRun)
  console.warn(
    `explorer.browser.spec.ts: SKIPPED — ${CHROMIUM} is missing (install it with ` +
      '`apt-get install -y chromium fonts-noto-cjk`); CI is not set, so the browser test does not run.',
  );

/** Hosts the browser may reach: this machine only. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const isLocal = (url: string): boolean => {
  const u = new URL(url);
  if (u.protocol === 'blob:' || u.protocol === 'data:' || u.protocol === 'about:') return true;
  return LOCAL_HOSTS.has(u.hostname);
};

/**
 * Chromium's proxy for everything that is not loopback (Chromium never proxies loopback): it
 * records what was asked for and refuses it, so nothing leaves this machine whoever asks. It
 * sees what page-level routing cannot: the browser's own services, and connections a page opens
 * without a request (a `<link rel="preconnect">` to a font CDN shows here as a CONNECT).
 */
async function startRefusingProxy(attempts: string[]): Promise<Server> {
  const proxy = createServer((req, res) => {
    attempts.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(502, { connection: 'close' }).end('offline');
  });
  proxy.on('connect', (req, socket) => {
    attempts.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Offline\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

/**
 * What Debian's Chromium 156 asks for by itself, with any page or none (about:blank does the
 * same), whatever the flags above: the proxy refuses them like everything else, and they are
 * not held against the explorer. Anything else reaching the proxy fails the test.
 */
const CHROMIUM_OWN_SERVICES: [RegExp, string][] = [
  // IdentityManager lists the Google accounts of every on-disk profile once its network is up.
  [/^CONNECT accounts\.google\.com:443$/, 'sign-in: ListAccounts'],
  // On-demand install of the "Optimization Guide On DeviceModels Manifest" component
  // (ceofaddefefcbblgcgnibnonglccbfja); --disable-component-update does not stop it.
  [
    /^(CONNECT update\.googleapis\.com:443|POST http:\/\/update\.googleapis\.com\/service\/update2\/json\?)/,
    'component updater',
  ],
  // Autofill asks Google's server about the form fields of any page it shows (GraphiQL has inputs).
  [/^CONNECT content-autofill\.googleapis\.com:443$/, 'autofill field predictions'],
];
const chromiumOwn = (attempt: string): string | undefined =>
  CHROMIUM_OWN_SERVICES.find(([re]) => re.test(attempt))?.[1];

/** GraphiQL's Monaco editors. */
const EDITOR = {
  query: '.graphiql-query-editor .monaco-editor',
  headers: '.monaco-editor[data-uri$="-request-headers.json"]',
  response: '.graphiql-response .monaco-editor',
};

/** Text of a Monaco editor as rendered (Monaco shows spaces as U+00A0). */
const editorText = (page: Page, editor: string) =>
  page
    .locator(`${editor} .view-lines`)
    .innerText()
    .then((t) => t.replace(/\u00a0/g, ' '));

/** Replace the whole content of a Monaco editor as a user would: focus, select all, type. */
async function setEditor(page: Page, editor: string, text: string): Promise<void> {
  await page.locator(`${editor} .view-lines`).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText is one input event (like a paste or an IME commit): Monaco's auto-closing of
  // brackets and quotes, which acts on single typed characters, does not double them.
  await page.keyboard.insertText(text);
}

(mustRun ? describe : describe.skip)('GraphiQL explorer in headless Chromium, offline', () => {
  let enterprises: TestSubgraph<EnterprisesServices>;
  let gateway: RunningGateway;
  let proxy: Server;
  let profile: string;
  let context: BrowserContext;
  /** Requests of the page and its workers to anywhere but this machine (seen by routing). */
  const fromPage: string[] = [];
  /** Whatever reached the refusing proxy. */
  const outside: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(
        `${CHROMIUM} is missing but CI is set: install it (apt-get install -y chromium fonts-noto-cjk, as .ci/run does)`,
      );
    enterprises = await startTestSubgraph(enterprisesSubgraph);
    for (const d of generateDemoEnterprises(ENTERPRISES, 7))
      await enterprises.services.enterprises.register({ ...d, scale: d.scale as EnterpriseScale });
    const config = loadGatewayConfig({
      NODE_ENV: 'development',
      EXPLORER: 'true',
      LOG_LEVEL: 'silent',
      JWT_SECRET,
      SUBGRAPH_SECRET: TEST_SECRET,
      GATEWAY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
    });
    gateway = await startGateway(
      { ...config, subgraphUrls: { enterprises: enterprises.url } },
      { supergraphSdl: composeSupergraph(readSubgraphSources()) },
    );

    proxy = await startRefusingProxy(outside);
    profile = mkdtempSync(join(tmpdir(), 'sfw-explorer-chromium-'));
    // A fresh --user-data-dir: playwright-core refuses it in `args` and takes it here instead.
    context = await chromium.launchPersistentContext(profile, {
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
        `--proxy-server=http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      ],
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
      serviceWorkers: 'block',
    });
    // The network cut: whatever is not this machine is aborted and recorded.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      fromPage.push(`${route.request().method()} ${url}`);
      return route.abort('internetdisconnected');
    });
    await context.routeWebSocket(/.*/, (ws) => {
      if (isLocal(ws.url())) return ws.connectToServer();
      fromPage.push(`WebSocket ${ws.url()}`);
      return ws.close();
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
    await gateway?.stop();
    await enterprises?.stop();
  });

  it('renders, runs a query with a bearer token from the headers editor and shows the answer', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('worker', (worker) => {
      if (!isLocal(worker.url())) fromPage.push(`Worker ${worker.url()}`);
    });
    page.on('requestfailed', (req) => {
      if (isLocal(req.url())) problems.push(`failed: ${req.url()} (${req.failure()?.errorText})`);
    });

    const res = await page.goto(gateway.url, { waitUntil: 'load', timeout: 60_000 });
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toMatch(/text\/html/);
    expect(await page.title()).toBe('助企服务平台 · GraphQL');

    // GraphiQL's editors are Monaco; the query editor and the headers editor (shown by default).
    await page.locator(EDITOR.query).waitFor({ timeout: 60_000 });
    await page.locator(EDITOR.headers).waitFor({ timeout: 30_000 });

    const token = await issueToken({ sub: 'admin-1', roles: [Role.ADMIN] }, JWT_SECRET);
    await setEditor(page, EDITOR.query, QUERY);
    await setEditor(page, EDITOR.headers, JSON.stringify({ Authorization: `Bearer ${token}` }));
    expect((await editorText(page, EDITOR.query)).trim()).toBe(QUERY);
    expect(await editorText(page, EDITOR.headers)).toContain(`"Bearer ${token.slice(0, 16)}`);

    // Run with Ctrl-Enter from the query editor, as a user would.
    await page.locator(`${EDITOR.query} .view-lines`).click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await page
      .locator(`${EDITOR.response} .view-lines`, { hasText: 'totalCount' })
      .waitFor({ timeout: 30_000 });
    const shown = (await editorText(page, EDITOR.response)).replace(/\s+/g, ' ');
    expect(shown).toContain('"name": "浙江省"');
    expect(shown).toContain('"code": "330000"');
    // The token from the headers editor reached the gateway: anonymous callers get no enterprises.
    expect(shown).toContain(`"totalCount": ${ENTERPRISES}`);
    expect(shown).not.toContain('"errors"');

    // Prettify so the screenshot shows the whole query, then take it.
    await page.getByRole('button', { name: /prettify/i }).click();
    await page.locator(`${EDITOR.query} .view-line`).nth(2).waitFor();
    await page.screenshot({ path: SCREENSHOT });

    expect(problems).toEqual([]);
    // The whole point: neither the page nor anything it triggered tried to leave this machine.
    expect(fromPage).toEqual([]);
    expect(outside.filter((a) => !chromiumOwn(a))).toEqual([]);
    const own = outside.filter(chromiumOwn).map((a) => `${a}  (${chromiumOwn(a)})`);
    if (own.length)
      console.info(
        `Chromium's own requests, refused by the proxy (not the explorer's):\n  ${own.join('\n  ')}`,
      );
  }, 180_000);
});

describe('GraphiQL explorer off in production', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    const config = loadGatewayConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      JWT_SECRET: randomBytes(32).toString('hex'),
      JWT_ISSUER: 'https://sso.example.test',
      JWT_AUDIENCE: 'sfw',
      SUBGRAPH_SECRET: randomBytes(32).toString('hex'),
      GATEWAY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
    });
    expect(config.explorer).toBe(false);
    gateway = await startGateway(config, { supergraphSdl: composeSupergraph(readSubgraphSources()) });
  });
  afterAll(() => gateway?.stop());

  it('serves no GraphiQL page to a browser asking for HTML', async () => {
    const res = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    const body = await res.text();
    expect(res.ok).toBe(false); // 406 from Hive Gateway: it has nothing in text/html
    expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(body).not.toMatch(/graphiql/i);
    expect(body.length).toBeLessThan(10_000);
  });
});
