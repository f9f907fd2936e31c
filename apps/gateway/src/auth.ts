import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import { ALL_ROLES, readDivisions, Role, type Viewer } from '@sfw/shared-types';
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

export const refuseToken = (message: string, messageEn: string): HttpError =>
  new HttpError(401, 'UNAUTHENTICATED', message, messageEn);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let knownRegions: Set<string> | undefined;
/** Division codes of the platform's reference data (行政区划): a claim must name one of them. */
function isKnownRegion(code: string): boolean {
  knownRegions ??= new Set(readDivisions().map((d) => d.code));
  return knownRegions.has(code);
}

const uuidClaim = (label: string) =>
  z.string().regex(UUID, { message: `${label}应为 UUID / ${label} must be a UUID` });

/**
 * The platform's claims, parsed by schema: every claim of the wrong type or shape refuses the
 * token with a message naming it (an array `enterpriseId` or a `regionCode` of `%` never reaches
 * a subgraph).
 */
const claimsSchema = z
  .object({
    sub: z
      .string({ message: '缺少用户标识 sub / the token has no subject' })
      .min(1, { message: '缺少用户标识 sub / the token has no subject' })
      .max(200, { message: 'sub 过长 / sub is too long' }),
    name: z.string().max(100, { message: 'name 过长 / name is too long' }).optional(),
    roles: z
      .array(
        z.enum(ALL_ROLES as [Role, ...Role[]], {
          message: `roles 含未知角色（可用：${ALL_ROLES.join('、')}） / unknown role`,
        }),
        { message: 'roles 应为角色数组 / roles must be an array of roles' },
      )
      .min(1, { message: '令牌未包含任何角色 / the token carries no role' })
      .max(ALL_ROLES.length, { message: 'roles 过多 / too many roles' }),
    enterpriseId: uuidClaim('enterpriseId').optional(),
    cadreId: uuidClaim('cadreId').optional(),
    departmentId: uuidClaim('departmentId').optional(),
    regionCode: z
      .string({ message: 'regionCode 应为字符串 / regionCode must be a string' })
      .refine(isKnownRegion, {
        message: 'regionCode 不是已知的行政区划代码 / regionCode is not a known division code',
      })
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.roles.includes(Role.ENTERPRISE) && !c.enterpriseId)
      ctx.addIssue({
        code: 'custom',
        path: ['enterpriseId'],
        message: '企业用户令牌缺少 enterpriseId / an enterprise token needs enterpriseId',
      });
    if (c.roles.includes(Role.CADRE) && !c.cadreId)
      ctx.addIssue({
        code: 'custom',
        path: ['cadreId'],
        message: '助企服务员令牌缺少 cadreId / a cadre token needs cadreId',
      });
  });

/** A verified viewer, kept until its token expires (verifying the same token again costs CPU). */
interface CachedViewer {
  viewer: Viewer;
  expiresAt: number;
}
const CACHE_SIZE = 10_000;

/**
 * Verifies bearer JWTs: HS256 with a shared secret (development, small deployments) or RS/ES
 * keys from a JWKS URL (an external identity provider). A token needs `exp`, an `iat` not in
 * the future, a lifetime within the configured maximum, and — when configured — the issuer and
 * audience. Returns null when no token is sent.
 */
export class Authenticator {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly cache = new Map<string, CachedViewer>();

  constructor(private readonly options: GatewayConfig['jwt']) {
    if (options.jwksUrl) this.key = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.secret) this.key = new TextEncoder().encode(options.secret);
    else throw new Error('Authenticator needs a JWT secret or a JWKS URL');
  }

  async viewerFrom(authorization: string | null | undefined, now = Date.now()): Promise<Viewer | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m?.[1])
      throw refuseToken(
        'Authorization 头格式应为“Bearer <令牌>”',
        "the Authorization header must be 'Bearer <token>'",
      );
    const token = m[1];
    const cached = this.cache.get(token);
    if (cached && cached.expiresAt > now) return cached.viewer;
    if (cached) this.cache.delete(token);
    const viewer = await this.verify(token, now);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return viewer;
  }

  private async verify(token: string, now: number): Promise<Viewer> {
    const { clockSkewSeconds, maxLifetimeSeconds } = this.options;
    let payload: ViewerClaims;
    try {
      const verified = await jwtVerify<ViewerClaims>(token, this.key as Uint8Array, {
        algorithms: this.options.jwksUrl ? ['RS256', 'ES256', 'PS256', 'EdDSA'] : ['HS256'],
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp', 'iat'],
        clockTolerance: clockSkewSeconds,
        maxTokenAge: `${maxLifetimeSeconds + clockSkewSeconds}s`,
        currentDate: new Date(now),
      });
      payload = verified.payload;
    } catch (err) {
      throw explain(err);
    }
    const exp = payload.exp as number;
    const iat = payload.iat as number;
    if (iat > now / 1000 + clockSkewSeconds)
      throw refuseToken('令牌签发时间在未来', 'the token was issued in the future (iat)');
    if (exp - iat > maxLifetimeSeconds)
      throw refuseToken(
        `令牌有效期过长（上限 ${formatDuration(maxLifetimeSeconds)}）`,
        `the token lives longer than the maximum of ${maxLifetimeSeconds} s`,
      );
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => {
        const [zh, en] = i.message.split(' / ');
        const claim = i.path.join('.') || '(claims)';
        return { zh: zh?.includes(claim) ? zh : `${claim}：${zh}`, en: `${claim}: ${en ?? zh}` };
      });
      throw refuseToken(
        `令牌声明无效：${problems.map((p) => p.zh).join('；')}`,
        `invalid token claims: ${problems.map((p) => p.en).join('; ')}`,
      );
    }
    const c = parsed.data;
    const viewer: Viewer = {
      sub: c.sub,
      roles: [...new Set(c.roles)],
      ...(c.name ? { name: c.name } : {}),
      ...(c.enterpriseId ? { enterpriseId: c.enterpriseId.toLowerCase() } : {}),
      ...(c.cadreId ? { cadreId: c.cadreId.toLowerCase() } : {}),
      ...(c.departmentId ? { departmentId: c.departmentId.toLowerCase() } : {}),
      ...(c.regionCode ? { regionCode: c.regionCode } : {}),
    };
    this.cache.set(token, { viewer, expiresAt: Math.min(exp * 1000, now + 5 * 60_000) });
    return viewer;
  }
}

function formatDuration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} 天`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} 小时`;
  return `${seconds} 秒`;
}

/** jose's refusal, said so that a person knows what to fix. */
function explain(err: unknown): HttpError {
  if (err instanceof joseErrors.JWTExpired)
    return refuseToken('登录已过期，请重新登录', 'the token has expired');
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    switch (err.claim) {
      case 'exp':
        return refuseToken('令牌缺少有效期（exp）', 'the token has no valid exp claim');
      case 'iat':
        return err.reason === 'check_failed'
          ? refuseToken('令牌签发时间过早，请重新登录', 'the token was issued too long ago (iat)')
          : refuseToken('令牌缺少签发时间（iat）', 'the token has no valid iat claim');
      case 'iss':
        return refuseToken('令牌签发方不受信任', 'the token issuer (iss) is not accepted');
      case 'aud':
        return refuseToken('令牌受众不是本平台', 'the token audience (aud) is not this platform');
      case 'nbf':
        return refuseToken('令牌尚未生效', 'the token is not valid yet (nbf)');
    }
  }
  return refuseToken('令牌无效', 'the token is invalid');
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
