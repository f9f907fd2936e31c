import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { GatewayRoutes } from '@sfw/gateway';

/** One demo user as the development sign-in lists it (GET /dev/demo-users). */
export interface DevUser {
  key: string;
  /** The role as people say it (企业联络员, 科室负责人 …). */
  roleLabel: string;
  name?: string;
  roles: string[];
  token: string;
  enterpriseId?: string;
  cadreId?: string;
  departmentId?: string;
  regionCode?: string;
  /**
   * The refusal sign-off role the user holds in its department (科室负责人 SECTION_CHIEF, 分管领导
   * LEADER_IN_CHARGE, 部门负责人 DEPARTMENT_HEAD), so the app offers 签批 only to whom the graph lets sign.
   */
  signOffRole?: string;
}

/**
 * The demo department's sign-off people (services/cadres/data/departments.json: the member whose
 * account is demo-department is its 科室负责人, demo-leader its 分管领导, demo-head its 部门负责人).
 */
export const DEMO_SIGN_OFF_ROLES: Record<string, string> = {
  department: 'SECTION_CHIEF',
  leader: 'LEADER_IN_CHARGE',
  head: 'DEPARTMENT_HEAD',
};

/** The demo roles in the order the sign-in page lists them, with the words people use. */
export const DEMO_ROLE_LABELS: Record<string, string> = {
  enterprise: '企业联络员',
  cadre: '助企服务员',
  department: '部门工作人员 · 科室负责人',
  leader: '分管领导',
  head: '部门负责人（局长）',
  evaluator: '第三方评价员',
  admin: '平台管理员（助企办，负责交办）',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The built web app (apps/web/dist), when it has been built. */
export function webDist(): string | undefined {
  // apps/platform/dist/web.js → apps/web/dist (the workspace @sfw/web; apps are not imported)
  const dir = join(__dirname, '..', '..', 'web', 'dist');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

/**
 * The gateway's TRUSTED_DOCUMENTS with the web app's manifest added (the documents the built app
 * sends by hash only), so `npm start` runs the app in production mode too.
 */
export function withWebTrustedDocuments(
  configured: string | undefined,
  dist = webDist(),
): string | undefined {
  const manifest = dist && join(dist, 'trusted-documents.json');
  const files = [configured, manifest && existsSync(manifest) ? manifest : undefined].filter(Boolean);
  return files.length ? files.join(',') : undefined;
}

export interface WebRoutesOptions {
  /** The built app; default apps/web/dist. Without it only the development endpoint answers. */
  dist?: string;
  /** Development only: the demo users and their tokens (undefined until they are issued). Leave out in production. */
  devUsers?: () => DevUser[] | undefined;
}

/**
 * The web app on the gateway's origin (`startGateway(config, { routes })`): its files, with the
 * SPA fallback to index.html for every page path (deep links), hashed assets cached for a year,
 * index.html never; and in development `GET /dev/demo-users` for the sign-in page.
 */
export function webRoutes(options: WebRoutesOptions = {}): GatewayRoutes {
  const dist = options.dist ?? webDist();
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/dev/demo-users') {
      if (!options.devUsers) return false;
      const users = options.devUsers();
      const body = JSON.stringify(users ? { users } : { error: 'demo users are not ready yet' });
      res.writeHead(users ? 200 : 503, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    if (!dist) return false;
    let file: string;
    try {
      file = normalize(join(dist, decodeURIComponent(path)));
    } catch {
      return false;
    }
    if (!file.startsWith(dist + sep) && file !== dist) return false;
    const isFile = existsSync(file) && statSync(file).isFile();
    if (!isFile) {
      // A path with a file extension that is not there is a 404 (a stale asset), not the app.
      if (extname(path) || path.startsWith('/assets/') || path.startsWith('/dev/')) return false;
      // Only browsers asking for a page get the app; API clients keep the gateway's answers.
      if (!(req.headers.accept ?? '').includes('text/html')) return false;
      file = join(dist, 'index.html');
    }
    const hashed = path.startsWith('/assets/');
    const size = statSync(file).size;
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(extname(file) === '.html'
        ? {
            'content-security-policy':
              "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
            'referrer-policy': 'same-origin',
          }
        : {}),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}

/** The demo tokens as the sign-in lists them, enterprise first. */
export function devUsersOf(tokens: Partial<Record<string, Omit<DevUser, 'key' | 'roleLabel'>>>): DevUser[] {
  return Object.keys(DEMO_ROLE_LABELS).flatMap((key) => {
    const t = tokens[key];
    if (!t) return [];
    return [
      {
        key,
        roleLabel: DEMO_ROLE_LABELS[key] ?? key,
        name: t.name,
        roles: t.roles,
        token: t.token,
        enterpriseId: t.enterpriseId,
        cadreId: t.cadreId,
        departmentId: t.departmentId,
        regionCode: t.regionCode,
        signOffRole: DEMO_SIGN_OFF_ROLES[key],
      },
    ];
  });
}
