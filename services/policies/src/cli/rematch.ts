import { createLogger, openServiceDatabase, resolveConfig } from '@sfw/subgraph-kit';
import { WorkCalendar } from '@sfw/workdays';
import { PolicyService } from '../policy/policy.service';
import { policiesSubgraph } from '../subgraph';

/**
 * `npm run rematch -w @sfw/policies`: every enterprise re-matched against every open policy in one
 * transaction, for operators (after restoring a backup, a bulk fix of the projection, or a change
 * to the rule language). Only enterprises whose set changed are written; pushes already made are
 * kept and a pair is never pushed twice; the counts are recounted. Uses the service's settings
 * (DATABASE_URL or the embedded data folder; stop the service first when it is embedded).
 */
async function main(): Promise<void> {
  const config = resolveConfig(policiesSubgraph.name, policiesSubgraph.defaultPort);
  const logger = createLogger('policies-rematch', config.logLevel);
  const database = await openServiceDatabase(policiesSubgraph, config, logger);
  try {
    const ran = await database.migrate();
    if (ran.length) process.stdout.write(`applied: ${ran.join(', ')}\n`);
    const policies = new PolicyService(
      database.dataSource,
      database.schema,
      WorkCalendar.fromEnv(process.env),
      logger,
    );
    const t0 = Date.now();
    const r = await policies.rematchAll();
    process.stdout.write(
      `re-matched ${r.policies} published policies: ${r.matches} matches, ${r.changed} enterprises written ` +
        `(${((Date.now() - t0) / 1000).toFixed(2)} s)\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
