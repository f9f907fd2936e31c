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
