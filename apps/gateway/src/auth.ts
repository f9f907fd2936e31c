import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { parseRoles, type Viewer } from '@sfw/shared-types';
import { HttpError } from '@sfw/subgraph-kit';
import type { GatewayConfig } from './config';

/** Claims a platform token carries beside the standard ones. */
export interface ViewerClaims extends JWTPayload {
  name?: string;
  roles?: string[];
  enterpriseId?: string;
  cadreId?: string;
  departmentId?: string;
  regionCode?: string;
}

const refuse = (message: string, messageEn: string) =>
  new HttpError(401, 'UNAUTHENTICATED', message, messageEn);

/**
 * Verifies bearer JWTs: HS256 with a shared secret (development, small deployments) or RS/ES
 * keys from a JWKS URL (an external identity provider). Returns null when no token is sent.
 */
export class Authenticator {
  private readonly key: Uint8Array | JWTVerifyGetKey;

  constructor(private readonly options: GatewayConfig['jwt']) {
    if (options.jwksUrl) this.key = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.secret) this.key = new TextEncoder().encode(options.secret);
    else throw new Error('Authenticator needs a JWT secret or a JWKS URL');
  }

  async viewerFrom(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m?.[1])
      throw refuse(
        'Authorization 头格式应为“Bearer <令牌>”',
        "the Authorization header must be 'Bearer <token>'",
      );
    let payload: ViewerClaims;
    try {
      const verified = await jwtVerify<ViewerClaims>(m[1], this.key as Uint8Array, {
        algorithms: this.options.jwksUrl ? ['RS256', 'ES256', 'PS256', 'EdDSA'] : ['HS256'],
        issuer: this.options.issuer,
        audience: this.options.audience,
      });
      payload = verified.payload;
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired)
        throw refuse('登录已过期，请重新登录', 'the token has expired');
      throw refuse('令牌无效', 'the token is invalid');
    }
    if (!payload.sub) throw refuse('令牌缺少用户标识', 'the token has no subject');
    const roles = parseRoles(payload.roles);
    if (!roles.length) throw refuse('令牌未包含任何角色', 'the token carries no known role');
    return {
      sub: payload.sub,
      roles,
      ...(payload.name ? { name: payload.name } : {}),
      ...(payload.enterpriseId ? { enterpriseId: payload.enterpriseId } : {}),
      ...(payload.cadreId ? { cadreId: payload.cadreId } : {}),
      ...(payload.departmentId ? { departmentId: payload.departmentId } : {}),
      ...(payload.regionCode ? { regionCode: payload.regionCode } : {}),
    };
  }
}

/** Issue an HS256 token for a viewer (demo users, tests, small deployments without an IdP). */
export async function issueToken(
  viewer: Viewer,
  secret: string,
  options: { expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  const { sub, ...claims } = viewer;
  let jwt = new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
