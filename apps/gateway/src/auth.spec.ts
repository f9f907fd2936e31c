import { Role } from '@sfw/shared-types';
import { Authenticator, issueToken } from './auth';

const secret = 'unit-test-secret-0123456789-abcdefghijklmnop';
const auth = new Authenticator({ secret });

describe('bearer tokens', () => {
  it('gives the viewer of a valid token and none without a token', async () => {
    const token = await issueToken(
      { sub: 'u1', name: '张三', roles: [Role.ENTERPRISE], enterpriseId: 'e1' },
      secret,
    );
    expect(await auth.viewerFrom(`Bearer ${token}`)).toEqual({
      sub: 'u1',
      name: '张三',
      roles: [Role.ENTERPRISE],
      enterpriseId: 'e1',
    });
    expect(await auth.viewerFrom(undefined)).toBeNull();
  });

  it('refuses malformed headers, unknown roles and tokens with the wrong issuer', async () => {
    await expect(auth.viewerFrom('Basic abc')).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    await expect(
      auth.viewerFrom(`Bearer ${await issueToken({ sub: 'u', roles: ['root' as Role] }, secret)}`),
    ).rejects.toMatchObject({ status: 401 });
    const strict = new Authenticator({ secret, issuer: 'https://idp.example' });
    await expect(
      strict.viewerFrom(`Bearer ${await issueToken({ sub: 'u', roles: [Role.ADMIN] }, secret)}`),
    ).rejects.toMatchObject({ status: 401 });
    const ok = await issueToken({ sub: 'u', roles: [Role.ADMIN] }, secret, { issuer: 'https://idp.example' });
    expect(await strict.viewerFrom(`Bearer ${ok}`)).toMatchObject({ sub: 'u' });
  });
});

describe('tokens from an external identity provider (JWKS)', () => {
  it('verifies RS256 tokens against the provider’s published keys and refuses others', async () => {
    const { createServer } = await import('node:http');
    const { exportJWK, generateKeyPair, SignJWT } = await import('jose');
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
      });
      const sign = (key: typeof privateKey) =>
        new SignJWT({ roles: ['evaluator'], name: '评价员' })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setSubject('idp-user-1')
          .setIssuer('https://idp.example')
          .setAudience('sfw')
          .setExpirationTime('5m')
          .sign(key);
      expect(await idp.viewerFrom(`Bearer ${await sign(privateKey)}`)).toEqual({
        sub: 'idp-user-1',
        name: '评价员',
        roles: [Role.EVALUATOR],
      });
      await expect(idp.viewerFrom(`Bearer ${await sign(other.privateKey)}`)).rejects.toMatchObject({
        status: 401,
      });
      // An HS256 token signed with any secret must not pass where keys come from the provider.
      await expect(
        idp.viewerFrom(
          `Bearer ${await issueToken({ sub: 'x', roles: [Role.ADMIN] }, secret, { issuer: 'https://idp.example', audience: 'sfw' })}`,
        ),
      ).rejects.toMatchObject({ status: 401 });
    } finally {
      server.close();
    }
  });
});
