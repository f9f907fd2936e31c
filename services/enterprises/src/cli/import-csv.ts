import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  createLogger,
  InProcessEventBus,
  openServiceDatabase,
  Outbox,
  resolveConfig,
} from '@sfw/subgraph-kit';
import { enterprisesSubgraph } from '../subgraph';

/**
 * `npm run import -w @sfw/enterprises -- file.csv`: import a CSV straight into the database the
 * service is configured for, with progress on stderr. Events go to the outbox and are published
 * when the service runs. (With the embedded database, stop `npm start` first: one process owns it.)
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('用法 / usage: npm run import -w @sfw/enterprises -- <file.csv>\n');
    process.exit(2);
  }
  // A relative path means relative to where the user ran npm, not this workspace.
  const text = readFileSync(resolve(process.env['INIT_CWD'] ?? process.cwd(), file), 'utf8');
  const config = resolveConfig(enterprisesSubgraph.name, enterprisesSubgraph.defaultPort);
  const logger = createLogger('enterprises-import', config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await openServiceDatabase(enterprisesSubgraph, config, logger);
  try {
    await database.migrate();
    const outbox = new Outbox(database.schema, enterprisesSubgraph.name);
    const services = await enterprisesSubgraph.createServices({
      database,
      outbox,
      bus: new InProcessEventBus(),
      logger,
      config,
      env: process.env,
    });
    const started = Date.now();
    const report = await services.imports.run(text, (c) => {
      const pct = c.total ? Math.round((c.processed / c.total) * 100) : 100;
      const line = `导入进度 ${c.processed}/${c.total} (${pct}%)  新增 ${c.created}  更新 ${c.updated}  未变 ${c.unchanged}  失败 ${c.failed}`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    for (const e of report.errors)
      process.stdout.write(`第${e.line}行 ${e.creditCode ?? ''} [${e.code}] ${e.message}\n`);
    process.stdout.write(
      `${basename(file)}: ${report.total} 行，新增 ${report.created}，更新 ${report.updated}，未变 ${report.unchanged}，跳过 ${report.skipped}，失败 ${report.failed}（${((Date.now() - started) / 1000).toFixed(1)} s）\n`,
    );
    if (report.ignoredColumns.length)
      process.stdout.write(`未读取的列：${report.ignoredColumns.join('、')}\n`);
    process.exitCode = report.failed ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
