import { SignJWT } from 'jose';
import { Role } from '@sfw/shared-types';
import { Authenticator, issueToken } from './auth';

const secret = 'unit-test-secret-0123456789-abcdefghijklmnop';
const limits = { maxLifetimeSeconds: 30 * 86400, clockSkewSeconds: 60 };
const auth = new Authenticator({ secret, ...limits });
const ENTERPRISE_ID = '0b6f2f8e-4c61-4a8e-9d43-1f0c8f7f1a2b';

/** A token with hand-set claims (issueToken always sets iat and exp). */
function raw(claims: Record<string, unknown>, opts: { iat?: number | null; exp?: number | null } = {}) {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u1');
  if (opts.iat !== null) jwt = jwt.setIssuedAt(opts.iat ?? now);
  if (opts.exp !== null) jwt = jwt.setExpirationTime(opts.exp ?? now + 3600);
  return jwt.sign(new TextEncoder().encode(secret));
}
const refused = async (token: string | Promise<string>, message?: RegExp, a = auth) => {
  const err = (await a.viewerFrom(`Bearer ${await token}`).then(
    () => undefined,
    (e: unknown) => e,
  )) as { status?: number; code?: string; message?: string } | undefined;
  expect(err).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  if (message) expect(err?.message).toMatch(message);
};

describe('bearer tokens', () => {
  it('gives the viewer of a valid token and none without a token', async () => {
    const token = await issueToken(
      { sub: 'u1', name: '张三', roles: [Role.ENTERPRISE], enterpriseId: ENTERPRISE_ID },
      secret,
    );
    expect(await auth.viewerFrom(`Bearer ${token}`)).toEqual({
      sub: 'u1',
      name: '张三',
      roles: [Role.ENTERPRISE],
      enterpriseId: ENTERPRISE_ID,
    });
    expect(await auth.viewerFrom(undefined)).toBeNull();
  });

  it('refuses malformed headers and unknown roles', async () => {
    await expect(auth.viewerFrom('Basic abc')).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    await refused(issueToken({ sub: 'u', roles: ['root' as Role] }, secret), /未知角色/);
    await refused(raw({ roles: 'admin' }), /角色/);
  });

  it('needs exp and iat, a lifetime within the maximum, and an iat not in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refused(raw({ roles: ['admin'] }, { exp: null }), /exp/);
    await refused(raw({ roles: ['admin'] }, { iat: null }), /iat/);
    await refused(raw({ roles: ['admin'] }, { iat: now - 10 * 365 * 86400, exp: now + 3600 }));
    await refused(raw({ roles: ['admin'] }, { iat: now + 3600, exp: now + 7200 }), /未来|签发/);
    await refused(raw({ roles: ['admin'] }, { iat: now, exp: now + 31 * 86400 }), /有效期过长/);
    await refused(issueToken({ sub: 'u', roles: [Role.ADMIN] }, secret, { expiresIn: '-2m' }), /过期/);
    // Within the clock skew, a token a few seconds "from the future" is fine.
    expect(
      await auth.viewerFrom(`Bearer ${await raw({ roles: ['admin'] }, { iat: now + 20 })}`),
    ).toMatchObject({
      sub: 'u1',
    });
  });

  it('parses claims by schema: ids are UUIDs, region codes are real divisions, no arrays where strings belong', async () => {
    await refused(raw({ roles: ['enterprise'], enterpriseId: [ENTERPRISE_ID, 'x'] }), /enterpriseId/);
    await refused(raw({ roles: ['enterprise'], enterpriseId: "1' OR '1'='1" }), /enterpriseId/);
    await refused(raw({ roles: ['enterprise'] }), /enterpriseId/);
    await refused(raw({ roles: ['leader'], regionCode: '%' }), /regionCode/);
    await refused(raw({ roles: ['leader'], regionCode: '999999' }), /regionCode/);
    await refused(raw({ roles: ['cadre'], cadreId: 'c1' }), /cadreId/);
    expect(
      await auth.viewerFrom(`Bearer ${await raw({ roles: ['leader'], regionCode: '331004' })}`),
    ).toMatchObject({
      regionCode: '331004',
    });
  });

  it('checks issuer and audience when configured', async () => {
    const strict = new Authenticator({ secret, issuer: 'https://idp.example', audience: 'sfw', ...limits });
    await refused(issueToken({ sub: 'u', roles: [Role.ADMIN] }, secret), /签发方/, strict);
    await refused(
      issueToken({ sub: 'u', roles: [Role.ADMIN] }, secret, {
        issuer: 'https://idp.example',
        audience: 'other',
      }),
      /受众/,
      strict,
    );
    const ok = await issueToken({ sub: 'u', roles: [Role.ADMIN] }, secret, {
      issuer: 'https://idp.example',
      audience: 'sfw',
    });
    expect(await strict.viewerFrom(`Bearer ${ok}`)).toMatchObject({ sub: 'u' });
  });
});

describe('tokens from an external identity provider (JWKS)', () => {
  it('verifies RS256 tokens against the provider’s published keys and refuses others', async () => {
    const { createServer } = await import('node:http');
    const { exportJWK, generateKeyPair } = await import('jose');
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const other = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const idp = new Authenticator({
        jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
        issuer: 'https://idp.example',
        audience: 'sfw',
        ...limits,
      });
      const sign = (key: typeof privateKey) =>
        new SignJWT({ roles: ['evaluator'], name: '评价员' })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setSubject('idp-user-1')
          .setIssuer('https://idp.example')
          .setAudience('sfw')
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(key);
      expect(await idp.viewerFrom(`Bearer ${await sign(privateKey)}`)).toEqual({
        sub: 'idp-user-1',
        name: '评价员',
        roles: [Role.EVALUATOR],
      });
      await refused(sign(other.privateKey), undefined, idp);
      // An HS256 token signed with any secret must not pass where keys come from the provider.
      await refused(
        issueToken({ sub: 'x', roles: [Role.ADMIN] }, secret, {
          issuer: 'https://idp.example',
          audience: 'sfw',
        }),
        undefined,
        idp,
      );
    } finally {
      server.close();
    }
  });
});
