import { resolve } from 'node:path';
import { ConfigError, DEV_SUBGRAPH_SECRET, loadSubgraphConfig } from './config';

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
      SUBGRAPH_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://db/enterprises',
      EVENT_BUS: 'nats',
    });
    expect(ok.env).toBe('production');
  });
});
