import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseRoles, type Viewer } from '@sfw/shared-types';

/** Headers by which the gateway forwards the verified viewer to subgraphs. */
export const VIEWER_HEADER = 'x-sfw-viewer';
export const SIGNATURE_HEADER = 'x-sfw-signature';
/** A signed viewer is accepted for this long (clock skew and slow hops included). */
export const VIEWER_MAX_AGE_SECONDS = 300;

interface SignedViewerPayload {
  /** null for an anonymous request the gateway let through (public fields). */
  viewer: Viewer | null;
  /** Issued at, seconds since the epoch. */
  iat: number;
}

const hmac = (secret: string, data: string): string =>
  createHmac('sha256', secret).update(data).digest('base64url');

/** Gateway side: headers carrying the viewer and an HMAC over them with the shared secret. */
export function signViewer(viewer: Viewer | null, secret: string, now = Date.now()): Record<string, string> {
  const payload: SignedViewerPayload = { viewer, iat: Math.floor(now / 1000) };
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return { [VIEWER_HEADER]: encoded, [SIGNATURE_HEADER]: hmac(secret, encoded) };
}

export type ViewerVerification =
  | { ok: true; viewer: Viewer | null }
  | { ok: false; reason: 'MISSING' | 'BAD_SIGNATURE' | 'EXPIRED' | 'MALFORMED' };

/**
 * Subgraph side: the viewer is taken only from headers the gateway signed. Anything else
 * (no headers, a forged or stale signature) is refused by the caller.
 */
export function verifyViewer(
  get: (name: string) => string | undefined,
  secret: string,
  now = Date.now(),
): ViewerVerification {
  const encoded = get(VIEWER_HEADER);
  const signature = get(SIGNATURE_HEADER);
  if (!encoded || !signature) return { ok: false, reason: 'MISSING' };
  const expected = Buffer.from(hmac(secret, encoded));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'BAD_SIGNATURE' };
  let payload: SignedViewerPayload;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as SignedViewerPayload;
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (typeof payload.iat !== 'number' || Math.abs(now / 1000 - payload.iat) > VIEWER_MAX_AGE_SECONDS)
    return { ok: false, reason: 'EXPIRED' };
  if (payload.viewer === null) return { ok: true, viewer: null };
  const v = payload.viewer;
  if (!v || typeof v.sub !== 'string') return { ok: false, reason: 'MALFORMED' };
  return { ok: true, viewer: { ...v, roles: parseRoles(v.roles) } };
}
