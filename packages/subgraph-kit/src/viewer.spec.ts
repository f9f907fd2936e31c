import { Role } from '@sfw/shared-types';
import { signViewer, verifyViewer, SIGNATURE_HEADER, VIEWER_HEADER } from './viewer';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const viewer = { sub: 'u1', roles: [Role.CADRE], cadreId: 'c1' };
const request = { subgraph: 'cadres', body: '{"query":"{ myCadre { id } }"}' };

describe('viewer headers', () => {
  const verify = (headers: Record<string, string>, now?: number, req = request) =>
    verifyViewer((n) => headers[n], secret, req, now);

  it('round-trips a signed viewer and an anonymous one', () => {
    expect(verify(signViewer(viewer, secret, request))).toEqual({ ok: true, viewer });
    expect(verify(signViewer(null, secret, request))).toEqual({ ok: true, viewer: null });
  });

  it('refuses missing, forged, re-signed and stale headers', () => {
    expect(verify({})).toEqual({ ok: false, reason: 'MISSING' });
    const h = signViewer(viewer, secret, request);
    const forged = Buffer.from(
      JSON.stringify({ viewer: { ...viewer, roles: ['admin'] }, iat: Date.now(), sg: 'cadres' }),
    ).toString('base64url');
    expect(verify({ ...h, [VIEWER_HEADER]: forged })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verify(signViewer(viewer, 'another-secret-of-thirty-two-characters!', request))).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verify(h, Date.now() + 31_000)).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(verify(h, Date.now() - 6_000)).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(verify({ ...h, [SIGNATURE_HEADER]: '' })).toEqual({ ok: false, reason: 'MISSING' });
  });

  it('binds the signature to the body and to the subgraph', () => {
    const h = signViewer(viewer, secret, request);
    expect(verify(h, undefined, { ...request, body: '{"query":"mutation { x }"}' })).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verify(h, undefined, { ...request, subgraph: 'issues' })).toEqual({
      ok: false,
      reason: 'WRONG_SUBGRAPH',
    });
  });

  it('drops roles it does not know', () => {
    const h = signViewer({ ...viewer, roles: ['cadre', 'superuser'] as never }, secret, request);
    expect(verify(h)).toEqual({ ok: true, viewer: { ...viewer, roles: [Role.CADRE] } });
  });
});
