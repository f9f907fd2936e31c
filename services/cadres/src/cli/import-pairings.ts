import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  createLogger,
  InProcessEventBus,
  openServiceDatabase,
  Outbox,
  resolveConfig,
} from '@sfw/subgraph-kit';
import { cadresSubgraph } from '../subgraph';

/**
 * `npm run import-pairings -w @sfw/cadres -- file.csv [--dry-run]`: bulk pairing (批量结对) straight
 * into the database the service is configured for. Columns: 统一社会信用代码 (or 企业ID), 工号,
 * 是否主服务员, 开始日期, 替换现任, 备注. Events go to the outbox and are published when the service
 * runs. (With the embedded database, stop `npm start` first: one process owns it.)
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('用法 / usage: npm run import-pairings -w @sfw/cadres -- <file.csv> [--dry-run]\n');
    process.exit(2);
  }
  const text = readFileSync(resolve(process.env['INIT_CWD'] ?? process.cwd(), file), 'utf8');
  const config = resolveConfig(cadresSubgraph.name, cadresSubgraph.defaultPort);
  const logger = createLogger('cadres-import', config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await openServiceDatabase(cadresSubgraph, config, logger);
  try {
    await database.migrate();
    const outbox = new Outbox(database.schema, cadresSubgraph.name);
    const services = await cadresSubgraph.createServices({
      database,
      outbox,
      bus: new InProcessEventBus(),
      logger,
      config,
      env: process.env,
    });
    const started = Date.now();
    const report = await services.pairingImport.run(text, 'cli:import-pairings', { dryRun });
    for (const e of report.errors) process.stdout.write(`第${e.line}行 [${e.code}] ${e.message}\n`);
    process.stdout.write(
      `${basename(file)}${dryRun ? '（试运行，未写入）' : ''}: ${report.total} 行，新建 ${report.created}，替换 ${report.replaced}，未变 ${report.unchanged}，失败 ${report.failed}，例外 ${report.exceptions}（${((Date.now() - started) / 1000).toFixed(1)} s）\n`,
    );
    process.exitCode = report.failed ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
