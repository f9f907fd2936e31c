import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  ConfigError,
  databaseUrlPassword,
  DEV_SUBGRAPH_SECRET,
  isPublishedSecret,
  loadSubgraphConfig,
  PUBLISHED_SECRETS,
} from './config';

/** What `openssl rand -base64 48` / `-hex 24` print; fixed so the tests are repeatable. */
const RANDOM_SECRET = 'q8Zt3vN1xR0mK7pW2yL5cH9sD4fJ6gB8nT1uE3wA0iO7kV2rQ5zX9bM4hY6jP8lC';
const RANDOM_PASSWORD = '4f9c2e7a1b8d3f60e5a9c7d2b4e1f8a3c6d9e0b7a2f5c8d1';

describe('subgraph configuration', () => {
  it('has working defaults for development', () => {
    const c = loadSubgraphConfig('enterprises', 4001, {});
    expect(c).toMatchObject({
      env: 'development',
      port: 4001,
      databaseUrl: undefined,
      dataDir: resolve('.data'),
      subgraphSecret: DEV_SUBGRAPH_SECRET,
      eventBus: 'inprocess',
    });
  });

  it('resolves a relative data folder against the directory npm was run from', () => {
    expect(loadSubgraphConfig('enterprises', 4001, { INIT_CWD: '/srv/app', DATA_DIR: 'data' }).dataDir).toBe(
      '/srv/app/data',
    );
  });

  it('prefers the service’s own database URL over the shared one', () => {
    const c = loadSubgraphConfig('enterprises', 4001, {
      DATABASE_URL: 'postgres://a/shared',
      ENTERPRISES_DATABASE_URL: 'postgres://a/own',
    });
    expect(c.databaseUrl).toBe('postgres://a/own');
  });

  it('reports every problem at once', () => {
    let error: ConfigError | undefined;
    try {
      loadSubgraphConfig('enterprises', 4001, {
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        ENTERPRISES_DATABASE_URL: 'nope',
      });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'ENTERPRISES_DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
    ]);
  });

  it('refuses development defaults in production', () => {
    expect(() => loadSubgraphConfig('enterprises', 4001, { NODE_ENV: 'production' })).toThrow(
      /SUBGRAPH_SECRET[\s\S]*DATABASE_URL[\s\S]*EVENT_BUS/,
    );
    const ok = loadSubgraphConfig('enterprises', 4001, {
      NODE_ENV: 'production',
      SUBGRAPH_SECRET: RANDOM_SECRET,
      DATABASE_URL: `postgres://sfw:${RANDOM_PASSWORD}@db/enterprises`,
      EVENT_BUS: 'nats',
    });
    expect(ok.env).toBe('production');
  });
});

describe('production refuses published secrets', () => {
  const production = {
    NODE_ENV: 'production',
    SUBGRAPH_SECRET: RANDOM_SECRET,
    DATABASE_URL: `postgres://sfw:${RANDOM_PASSWORD}@postgres:5432/enterprises`,
    EVENT_BUS: 'nats',
  };
  const problems = (env: Record<string, string>): string[] => {
    try {
      loadSubgraphConfig('enterprises', 4001, env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).problems;
    }
    return [];
  };

  it('accepts random values', () => {
    expect(problems(production)).toEqual([]);
    // no password in the URL (peer/IAM authentication, PGPASSWORD): nothing to judge
    expect(problems({ ...production, DATABASE_URL: 'postgres://sfw@postgres:5432/enterprises' })).toEqual([]);
  });

  it('names a missing SUBGRAPH_SECRET and says how to make one', () => {
    const { SUBGRAPH_SECRET: _, ...env } = production;
    expect(problems(env)).toEqual([
      'SUBGRAPH_SECRET: required in production (a random value of 32+ characters shared with the gateway, e.g. `openssl rand -base64 48`)',
    ]);
  });

  it.each([
    ['the development default', DEV_SUBGRAPH_SECRET],
    ['the gateway’s development JWT secret', 'dev-only-jwt-secret-change-me-00000000000'],
    ['the former compose default', 'dev-only-subgraph-secret-change-me-0123456789'],
    ['the former k8s placeholder', 'change-me-subgraph-secret-at-least-32-chars'],
    ['the secrets.env.example value', 'change-me-openssl-rand-base64-48'],
    ['one repeated character', 'x'.repeat(40)],
  ])('refuses SUBGRAPH_SECRET = %s', (_what, secret) => {
    expect(problems({ ...production, SUBGRAPH_SECRET: secret })).toEqual([
      'SUBGRAPH_SECRET: is a development, example or placeholder value published in the repository; production needs a random one shared with the gateway (e.g. `openssl rand -base64 48`)',
    ]);
  });

  it('refuses a published database password, in DATABASE_URL or the service’s own URL', () => {
    const refusal =
      'its password is a development, example or placeholder value published in the repository; production needs a random one (e.g. `openssl rand -hex 24`, URL-safe)';
    expect(problems({ ...production, DATABASE_URL: 'postgres://sfw:sfw@postgres:5432/enterprises' })).toEqual(
      [`DATABASE_URL: ${refusal}`],
    );
    expect(
      problems({
        ...production,
        ENTERPRISES_DATABASE_URL: 'postgresql://enterprises:change-me@db.internal:5432/enterprises',
      }),
    ).toEqual([`ENTERPRISES_DATABASE_URL: ${refusal}`]);
    // percent-encoded passwords are compared decoded
    expect(
      problems({ ...production, DATABASE_URL: 'postgres://sfw:%73%66%77@postgres/enterprises' }),
    ).toEqual([`DATABASE_URL: ${refusal}`]);
  });

  it('reports them in the bilingual ConfigError message with everything else', () => {
    expect(() =>
      loadSubgraphConfig('enterprises', 4001, {
        NODE_ENV: 'production',
        SUBGRAPH_SECRET: DEV_SUBGRAPH_SECRET,
        DATABASE_URL: 'postgres://sfw:sfw@postgres:5432/enterprises',
      }),
    ).toThrow(
      new ConfigError('enterprises', [
        'SUBGRAPH_SECRET: is a development, example or placeholder value published in the repository; production needs a random one shared with the gateway (e.g. `openssl rand -base64 48`)',
        'DATABASE_URL: its password is a development, example or placeholder value published in the repository; production needs a random one (e.g. `openssl rand -hex 24`, URL-safe)',
        'EVENT_BUS: production runs services as separate processes: set EVENT_BUS=nats',
      ]).message,
    );
    try {
      loadSubgraphConfig('enterprises', 4001, { ...production, SUBGRAPH_SECRET: DEV_SUBGRAPH_SECRET });
    } catch (err) {
      expect((err as Error).message).toMatch(
        /^配置无效 \/ invalid configuration for enterprises:\n {2}- SUBGRAPH_SECRET: /,
      );
    }
    expect.assertions(2);
  });

  it('leaves development alone', () => {
    expect(
      loadSubgraphConfig('enterprises', 4001, {
        SUBGRAPH_SECRET: DEV_SUBGRAPH_SECRET,
        DATABASE_URL: 'postgres://sfw:sfw@localhost/enterprises',
      }).subgraphSecret,
    ).toBe(DEV_SUBGRAPH_SECRET);
  });
});

describe('isPublishedSecret', () => {
  it('knows the development defaults and the former examples', () => {
    for (const value of PUBLISHED_SECRETS) expect(isPublishedSecret(value)).toBe(true);
    expect(isPublishedSecret('SFW')).toBe(true);
    expect(isPublishedSecret(' sfw ')).toBe(true);
  });

  it.each([
    '',
    'change-me',
    'CHANGEME-please-0000000000000000000000',
    'replace_me_with_a_real_secret_of_32_chars',
    'your-secret-here-at-least-32-characters',
    'an-example-secret-that-is-long-enough-to-pass',
    'placeholder-placeholder-placeholder',
    '<password>',
    '...',
    'x'.repeat(40),
    'ab'.repeat(20),
    '${SUBGRAPH_SECRET}',
    '$(openssl rand -base64 48)',
    'bench-jwt-secret-0123456789-abcdefghijklmnopq',
    'test-jwt-secret-0123456789-abcdefghijklmnop',
  ])('refuses the placeholder shape %j', (value) => {
    expect(isPublishedSecret(value)).toBe(true);
  });

  it('accepts generated values', () => {
    expect(isPublishedSecret(RANDOM_SECRET)).toBe(false);
    expect(isPublishedSecret(RANDOM_PASSWORD)).toBe(false);
    expect(isPublishedSecret('correct horse battery staple')).toBe(false);
  });
});

/**
 * Every value the repository's deployment files and docs assign to a secret must be refused in
 * production, so an example written there can never be deployed as it is. Values that are not
 * literals (compose `${VAR:?…}`, shell `$(openssl …)`, `$var`, printf `%s`) are skipped: they are filled in
 * at deploy time. The real secrets.env files (git-ignored) are never read.
 */
describe('secrets written in the repository', () => {
  const root = resolve(__dirname, '../../..');
  const SECRET_NAMES = 'SUBGRAPH_SECRET|JWT_SECRET|POSTGRES_PASSWORD|PGPASSWORD';
  const patterns: RegExp[] = [
    // KEY=value, KEY: value, "KEY": "value", --from-literal=KEY=value (not ${KEY:?…} or $KEY)
    new RegExp(`(?<![\\w$]|\\$\\{)(?:${SECRET_NAMES})['"]?(?:=|:[ \\t]*)['"]?([^\\s'"\`#,})]+)`, 'g'),
    // Kubernetes env entries: - name: KEY / value: literal
    new RegExp(
      `name:[ \\t]*['"]?(?:${SECRET_NAMES})['"]?[ \\t]*\\n[ \\t]*value:[ \\t]*['"]?([^\\s'"#]+)`,
      'g',
    ),
    // postgres://user:password@host
    /postgres(?:ql)?:\/\/[^:/@\s'"]+:([^@\s'"]+)@/g,
  ];
  const SKIP_DIRS = new Set([
    'node_modules',
    '.git',
    'dist',
    '.data',
    '.turbo',
    '.nx',
    '.nx-graph',
    'coverage',
  ]);

  function walk(dir: string, keep: (file: string) => boolean): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return SKIP_DIRS.has(name) ? [] : walk(path, keep);
      return keep(path) ? [path] : [];
    });
  }

  /** `{ where: 'file:line', value }` for every literal assigned to a secret in `text`. */
  function secretsIn(text: string, file: string): { where: string; value: string }[] {
    const found: { where: string; value: string }[] = [];
    for (const pattern of patterns)
      for (const m of text.matchAll(pattern)) {
        const value = m[1] as string;
        if (value.startsWith('$') || value.startsWith('%')) continue;
        const line = text.slice(0, (m.index ?? 0) + m[0].length).split('\n').length;
        found.push({ where: `${file}:${line}`, value });
      }
    return found;
  }

  const files = [
    join(root, 'docker-compose.yml'),
    join(root, 'README.md'),
    join(root, 'Dockerfile'),
    // everything under infra/ except the real, git-ignored secrets.env files
    ...walk(join(root, 'infra'), (f) => !/(^|\/)secrets\.env$/.test(f) && !/\.json$/.test(f)),
    // any .env example anywhere in the repository
    ...walk(root, (f) => /(^|\/)[^/]*\.env\.example$|(^|\/)\.env\.[^/]*example$/.test(f)),
  ];
  const found = [...new Set(files)].flatMap((f) => secretsIn(readFileSync(f, 'utf8'), relative(root, f)));

  it('finds the assignments it is meant to check (the scanner works)', () => {
    expect(
      secretsIn(
        [
          'SUBGRAPH_SECRET: ${SUBGRAPH_SECRET:?set it}',
          'DATABASE_URL: postgres://sfw:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}@postgres/x',
          'set JWKS_URL and an empty JWT_SECRET= (see above), `JWT_SECRET=`',
          "JWT_SECRET='abc-1'",
          '  --from-literal=SUBGRAPH_SECRET="$(openssl rand -hex 32)"',
          '  "POSTGRES_PASSWORD": "p2",',
          '- name: POSTGRES_PASSWORD',
          '  value: p3',
          'PGPASSWORD="$POSTGRES_PASSWORD" psql',
          "printf 'SUBGRAPH_SECRET=%s\\n' x",
          'postgres://sfw:p4@postgres:5432/x postgres://sfw@postgres/x postgresql://a:${PW}@h/x',
        ].join('\n'),
        'sample',
      ).map((f) => f.value),
    ).toEqual(['abc-1', 'p2', 'p3', 'p4']);
    // the deployment files hold examples of every kind
    const where = found.map((f) => f.where);
    expect(where.some((w) => w.startsWith('infra/k8s/overlays/production/secrets.env.example'))).toBe(true);
    expect(where.some((w) => w.startsWith('infra/k8s/overlays/dev/secrets.env.example'))).toBe(true);
    expect(found.filter((f) => f.where.includes('secrets.env.example')).length).toBeGreaterThanOrEqual(14);
  });

  it('are all refused by isPublishedSecret', () => {
    const accepted = found.filter((f) => !isPublishedSecret(f.value));
    expect(accepted).toEqual([]);
  });

  it('include no real secrets.env', () => {
    expect(files.some((f) => /(^|\/)secrets\.env$/.test(f))).toBe(false);
  });
});

describe('databaseUrlPassword', () => {
  it('returns the decoded password or undefined', () => {
    expect(databaseUrlPassword('postgres://u:p%40ss@h:5432/db')).toBe('p@ss');
    expect(databaseUrlPassword('postgres://u@h/db')).toBeUndefined();
    expect(databaseUrlPassword('not a url')).toBeUndefined();
  });
});
