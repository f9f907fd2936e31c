import { ALL_ROLES, type Role, type Viewer } from '@sfw/shared-types';
import { issueToken } from '../auth';
import { loadGatewayConfig } from '../config';

/**
 * Issue an HS256 token with the gateway's JWT_SECRET (its development default when unset), for
 * `npm run dev`, scripts and service accounts:
 *   node apps/gateway/dist/cli/token.js <role>[,<role>] [sub] [--enterprise ID] [--cadre ID] [--department ID] [--region CODE] [--ttl 12h]
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const ttl = flag('ttl') ?? '12h';
  const enterpriseId = flag('enterprise');
  const cadreId = flag('cadre');
  const departmentId = flag('department');
  const regionCode = flag('region');
  const [roleList, sub] = args;
  const roles = (roleList ?? '').split(',').filter(Boolean) as Role[];
  if (!roles.length || roles.some((r) => !ALL_ROLES.includes(r))) {
    process.stderr.write(
      `用法 / usage: token.js <${ALL_ROLES.join('|')}>[,…] [sub] [--enterprise ID] [--cadre ID] [--department ID] [--region CODE] [--ttl 12h]\n`,
    );
    process.exit(2);
  }
  const config = loadGatewayConfig();
  if (!config.jwt.secret) {
    process.stderr.write('JWKS_URL is set: tokens come from the identity provider, not from here.\n');
    process.exit(2);
  }
  const viewer: Viewer = {
    sub: sub ?? `cli-${roles.join('-')}`,
    roles,
    ...(enterpriseId ? { enterpriseId } : {}),
    ...(cadreId ? { cadreId } : {}),
    ...(departmentId ? { departmentId } : {}),
    ...(regionCode ? { regionCode } : {}),
  };
  process.stdout.write(
    `${await issueToken(viewer, config.jwt.secret, { expiresIn: ttl, issuer: config.jwt.issuer, audience: config.jwt.audience })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
