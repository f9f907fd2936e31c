import { Role } from '@sfw/shared-types';
import { signViewer, verifyViewer, SIGNATURE_HEADER, VIEWER_HEADER } from './viewer';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const viewer = { sub: 'u1', roles: [Role.CADRE], cadreId: 'c1' };

describe('viewer headers', () => {
  const verify = (headers: Record<string, string>, now?: number) =>
    verifyViewer((n) => headers[n], secret, now);

  it('round-trips a signed viewer and an anonymous one', () => {
    expect(verify(signViewer(viewer, secret))).toEqual({ ok: true, viewer });
    expect(verify(signViewer(null, secret))).toEqual({ ok: true, viewer: null });
  });

  it('refuses missing, forged, re-signed and stale headers', () => {
    expect(verify({})).toEqual({ ok: false, reason: 'MISSING' });
    const h = signViewer(viewer, secret);
    const forged = Buffer.from(
      JSON.stringify({ viewer: { ...viewer, roles: ['admin'] }, iat: Math.floor(Date.now() / 1000) }),
    ).toString('base64url');
    expect(verify({ ...h, [VIEWER_HEADER]: forged })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verify(signViewer(viewer, 'another-secret-of-thirty-two-characters!'))).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verify(h, Date.now() + 10 * 60 * 1000)).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(verify({ ...h, [SIGNATURE_HEADER]: '' })).toEqual({ ok: false, reason: 'MISSING' });
  });

  it('drops roles it does not know', () => {
    const h = signViewer({ ...viewer, roles: ['cadre', 'superuser'] as never }, secret);
    expect(verify(h)).toEqual({ ok: true, viewer: { ...viewer, roles: [Role.CADRE] } });
  });
});
