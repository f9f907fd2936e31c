import { randomBytes } from 'node:crypto';
import { cadresSubgraph, type CadresServices } from '@sfw/cadres';
import { enterprisesSubgraph, type EnterprisesServices } from '@sfw/enterprises';
import { evaluationsSubgraph, type EvaluationsServices } from '@sfw/evaluations';
import { issuesSubgraph, type IssuesServices } from '@sfw/issues';
import { policiesSubgraph, type PoliciesServices } from '@sfw/policies';
import {
  composeSupergraph,
  DEV_JWT_SECRET,
  issueToken,
  loadGatewayConfig,
  readSubgraphSources,
  startGateway,
  type RunningGateway,
} from '@sfw/gateway';
import { Role, type Viewer } from '@sfw/shared-types';
import { InProcessEventBus } from '@sfw/subgraph-kit';
import { startTestSubgraph, TEST_SECRET, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import { EnterpriseScale } from '@sfw/shared-types';
import { generateDemoEnterprises } from '@sfw/enterprises';

const JWT_SECRET = 'test-jwt-secret-0123456789-abcdefghijklmnop';
let sg: TestSubgraph<EnterprisesServices>;
let cadres: TestSubgraph<CadresServices>;
let issues: TestSubgraph<IssuesServices>;
let evaluations: TestSubgraph<EvaluationsServices>;
let policies: TestSubgraph<PoliciesServices>;
let gw: RunningGateway;
const admin: Viewer = { sub: 'admin-1', roles: [Role.ADMIN] };

async function post(body: unknown, token?: string, url = gw.url) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: Record<string, any>;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

beforeAll(async () => {
  const bus = new InProcessEventBus();
  sg = await startTestSubgraph(enterprisesSubgraph, { bus });
  cadres = await startTestSubgraph(cadresSubgraph, { bus });
  issues = await startTestSubgraph(issuesSubgraph, { bus });
  evaluations = await startTestSubgraph(evaluationsSubgraph, { bus });
  policies = await startTestSubgraph(policiesSubgraph, { bus });
  for (const d of generateDemoEnterprises(60, 3))
    await sg.services.enterprises.register({ ...d, scale: d.scale as EnterpriseScale });
  await sg.relay.drain();
  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET,
    SUBGRAPH_SECRET: TEST_SECRET,
    GATEWAY_PORT: '0',
    GATEWAY_HOST: '127.0.0.1',
    MAX_QUERY_DEPTH: '6',
  });
  gw = await startGateway(
    {
      ...config,
      subgraphUrls: {
        enterprises: sg.url,
        cadres: cadres.url,
        issues: issues.url,
        evaluations: evaluations.url,
        policies: policies.url,
      },
    },
    { supergraphSdl: composeSupergraph(readSubgraphSources()) },
  );
});
afterAll(async () => {
  await gw?.stop();
  await evaluations?.stop();
  await policies?.stop();
  await issues?.stop();
  await cadres?.stop();
  await sg?.stop();
});

const LIST = `{ enterprises(first: 50) { totalCount edges { node { name region { name } } } } }`;

describe('the gateway', () => {
  it('answers a query with a valid token, forwarding the viewer to the subgraph', async () => {
    const { status, body } = await post({ query: LIST }, await issueToken(admin, JWT_SECRET));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!['enterprises'].totalCount).toBe(60);
    expect(body.data!['enterprises'].edges).toHaveLength(50);
    expect(body.data!['enterprises'].edges[0].node.region.name).toMatch(
      /(街道|镇|乡|农场|新城|工业城|新区|开发区)$/,
    );
  });

  it('applies the subgraph’s ownership rule to the forwarded viewer', async () => {
    const own = (await sg.services.enterprises.list({}, 1, null, 'NAME')).rows[0]!;
    const token = await issueToken(
      { sub: 'ent-1', roles: [Role.ENTERPRISE], enterpriseId: own.id },
      JWT_SECRET,
    );
    const { body } = await post({ query: LIST }, token);
    expect(body.data!['enterprises'].totalCount).toBe(1);
  });

  it('refuses a request without a token, except public fields', async () => {
    const refused = await post({ query: LIST });
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const open = await post({
      query: '{ regions { code name } industries(section: "C") { divisionCode } standardEnterpriseTags }',
    });
    expect(open.status).toBe(200);
    expect(open.body.data!['regions']).toEqual([{ code: '330000', name: '浙江省' }]);
    expect(open.body.data!['industries']).toHaveLength(31);
    expect(open.body.data!['standardEnterpriseTags']).toEqual([
      '龙头骨干',
      '高成长',
      '隐形冠军(培育)',
      '专精特新',
      '重大招商项目',
    ]);
    const mixed = await post({ query: '{ regions { code } enterprises(first: 1) { totalCount } }' });
    expect(mixed.status).toBe(401);
    const mutation = await post({ query: 'mutation { addEnterpriseTags(id: "x", tags: ["a"]) { id } }' });
    expect(mutation.status).toBe(401);
  });

  it('refuses a tampered, a wrongly signed and an expired token', async () => {
    const token = await issueToken(admin, JWT_SECRET);
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = [
      h,
      Buffer.from(JSON.stringify({ ...claims, roles: ['admin', 'evaluator'] })).toString('base64url'),
      s,
    ].join('.');
    for (const bad of [
      tampered,
      await issueToken(admin, 'another-secret-0123456789-abcdefghijklmn'),
      await issueToken(admin, JWT_SECRET, { expiresIn: '-1m' }),
      'not-a-jwt',
    ]) {
      const { status, body } = await post({ query: LIST }, bad);
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
    const expired = await post({ query: LIST }, await issueToken(admin, JWT_SECRET, { expiresIn: '-1m' }));
    expect(expired.body.errors?.[0]?.message).toBe('登录已过期，请重新登录');
  });

  it('refuses a query deeper than the limit before running it', async () => {
    const deep = '{ regions { children { children { children { children { children { code } } } } } } }';
    const { status, body } = await post({ query: deep }, await issueToken(admin, JWT_SECRET));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_DEEP');
    expect(body.errors?.[0]?.message).toContain('上限 6 层');
  });

  it('passes the subgraph’s error codes through to the client', async () => {
    const { body } = await post(
      { query: '{ enterpriseByCreditCode(code: "91110000710926094Q") { id } }' },
      await issueToken(admin, JWT_SECRET),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_CREDIT_CODE' });
    expect(body.errors?.[0]?.message).toContain('第18位应为“P”');
  });

  it('reports readiness of every subgraph', async () => {
    const res = await fetch(gw.url.replace('/graphql', '/health/ready'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      checks: {
        supergraph: true,
        enterprises: true,
        cadres: true,
        issues: true,
        evaluations: true,
        policies: true,
      },
    });
  });

  it('joins enterprises with the cadres subgraph’s fields in one query', async () => {
    const token = await issueToken(admin, JWT_SECRET);
    const { body } = await post(
      {
        query: '{ enterprises(first: 60) { edges { node { name pairedCadres { id } lastVisit { id } } } } }',
      },
      token,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!['enterprises'].edges).toHaveLength(60);
    // The cadres projection heard every registration through the event bus.
    expect(await cadres.services.enterprises.count()).toBe(60);
  });
});

describe('the gateway in production mode', () => {
  it('turns introspection off', async () => {
    const jwtSecret = randomBytes(32).toString('base64url');
    const config = loadGatewayConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      JWT_SECRET: jwtSecret,
      JWT_ISSUER: 'https://idp.taizhou.example',
      JWT_AUDIENCE: 'sfw',
      SUBGRAPH_SECRET: randomBytes(32).toString('base64url'),
      GATEWAY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
    });
    const prod = await startGateway(
      { ...config, subgraphUrls: { enterprises: sg.url } },
      { supergraphSdl: composeSupergraph(readSubgraphSources()) },
    );
    try {
      const { body } = await post(
        { query: '{ __schema { queryType { name } } }' },
        await issueToken(admin, jwtSecret, { issuer: 'https://idp.taizhou.example', audience: 'sfw' }),
        prod.url,
      );
      expect(body.errors?.[0]?.message).toMatch(/introspection|内省|GraphQL introspection/i);
    } finally {
      await prod.stop();
    }
  });

  it('refuses to start with development secrets', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET[\s\S]*SUBGRAPH_SECRET/);
    // A value published in the repository is no secret, however long.
    expect(() =>
      loadGatewayConfig({
        NODE_ENV: 'production',
        JWT_SECRET: DEV_JWT_SECRET,
        SUBGRAPH_SECRET: 'change-me-subgraph-secret-at-least-32-chars',
        JWT_ISSUER: 'i',
        JWT_AUDIENCE: 'a',
      }),
    ).toThrow(/JWT_SECRET[\s\S]*SUBGRAPH_SECRET/);
    expect(() =>
      loadGatewayConfig({ NODE_ENV: 'production', JWKS_URL: 'https://idp.example/jwks.json' }),
    ).toThrow(/JWT_ISSUER[\s\S]*JWT_AUDIENCE/);
  });
});
