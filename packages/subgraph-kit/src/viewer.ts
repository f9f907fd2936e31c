import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { parseRoles, type Viewer } from '@sfw/shared-types';

/** Headers by which the gateway forwards the verified viewer to subgraphs. */
export const VIEWER_HEADER = 'x-sfw-viewer';
export const SIGNATURE_HEADER = 'x-sfw-signature';
/**
 * A signed request is accepted for this long after it was signed (the gateway signs each
 * subgraph request just before sending it), plus {@link SIGNATURE_FUTURE_SKEW_SECONDS} of clock
 * skew the other way.
 */
export const VIEWER_MAX_AGE_SECONDS = 30;
export const SIGNATURE_FUTURE_SKEW_SECONDS = 5;
/** The signature scheme's version, first in the signature header. */
const SCHEME = 'v3';

interface SignedViewerPayload {
  /** null for an anonymous request the gateway let through (public fields). */
  viewer: Viewer | null;
  /** Issued at, milliseconds since the epoch. */
  iat: number;
  /** The subgraph the request is for: a signature for one subgraph is refused by every other. */
  sg: string;
}

/** What a signature covers besides the viewer. */
export interface SignedRequest {
  /** The subgraph's name as composed into the supergraph (`enterprises`, `issues`, …). */
  subgraph: string;
  /** The request body as sent (a GET request: its query string). */
  body: string;
}

/** HMAC keys by secret: preparing a key costs more than signing a small request. */
const keys = new Map<string, KeyObject>();
function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size > 16) keys.clear();
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/** One HMAC pass over the encoded viewer and the body, separated by a dot (the encoding has none). */
const mac = (secret: string, encoded: string, body: string): string =>
  `${SCHEME}=${createHmac('sha256', keyFor(secret)).update(encoded).update('.').update(body, 'utf8').digest('base64url')}`;

/**
 * Gateway side: headers carrying the viewer, and an HMAC (SHA-256, shared secret) over the
 * viewer, the subgraph's name, the time and the body. A captured pair of headers is
 * worth nothing with another body, on another subgraph, or half a minute later.
 */
export function signViewer(
  viewer: Viewer | null,
  secret: string,
  request: SignedRequest,
  now = Date.now(),
): Record<string, string> {
  const payload: SignedViewerPayload = { viewer, iat: now, sg: request.subgraph };
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return { [VIEWER_HEADER]: encoded, [SIGNATURE_HEADER]: mac(secret, encoded, request.body) };
}

export type ViewerVerification =
  | { ok: true; viewer: Viewer | null }
  | { ok: false; reason: 'MISSING' | 'BAD_SIGNATURE' | 'EXPIRED' | 'MALFORMED' | 'WRONG_SUBGRAPH' };

/**
 * Subgraph side: the viewer is taken only from headers the gateway signed for this subgraph and
 * this body, within {@link VIEWER_MAX_AGE_SECONDS}. Anything else is refused by the caller.
 */
export function verifyViewer(
  get: (name: string) => string | undefined,
  secret: string,
  request: SignedRequest,
  now = Date.now(),
  maxAgeSeconds = VIEWER_MAX_AGE_SECONDS,
): ViewerVerification {
  const encoded = get(VIEWER_HEADER);
  const signature = get(SIGNATURE_HEADER);
  if (!encoded || !signature) return { ok: false, reason: 'MISSING' };
  const expected = Buffer.from(mac(secret, encoded, request.body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'BAD_SIGNATURE' };
  let payload: SignedViewerPayload;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as SignedViewerPayload;
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (payload.sg !== request.subgraph) return { ok: false, reason: 'WRONG_SUBGRAPH' };
  const age = now - payload.iat;
  if (
    typeof payload.iat !== 'number' ||
    age > maxAgeSeconds * 1000 ||
    age < -SIGNATURE_FUTURE_SKEW_SECONDS * 1000
  )
    return { ok: false, reason: 'EXPIRED' };
  if (payload.viewer === null) return { ok: true, viewer: null };
  const v = payload.viewer;
  if (!v || typeof v.sub !== 'string') return { ok: false, reason: 'MALFORMED' };
  return { ok: true, viewer: { ...v, roles: parseRoles(v.roles) } };
}
