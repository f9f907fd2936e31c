import 'reflect-metadata';
import { accessRules } from './access-rules';
import { buildFederatedSchema, type SubgraphDefinition } from '@sfw/subgraph-kit';
import type { EnterprisesServices } from './context';
import { Enterprise } from './enterprise/enterprise.entity';
import { enterpriseReference } from './enterprise/enterprise.reference';
import { EnterpriseResolver } from './enterprise/enterprise.resolver';
import { EnterpriseService } from './enterprise/enterprise.service';
import { ImportResolver } from './import/import.resolver';
import { ImportService } from './import/import.service';
import { IndustryCatalog } from './industry/industry.catalog';
import { IndustryResolver } from './industry/industry.resolver';
import { Liaison } from './liaison/liaison.entity';
import { LiaisonResolver } from './liaison/liaison.resolver';
import { EnterprisesInitial1763710000000 } from './migrations/1763710000000-enterprises-initial';
import { ImportJobs1763720000000 } from './migrations/1763720000000-import-jobs';
import { EnterpriseGovernance1764300000000 } from './migrations/1764300000000-enterprise-governance';
import { Governance, loadAttributeOwners } from './governance/governance';
import { Region } from './region/region.entity';
import { readRegionsFile, RegionDirectory } from './region/region.directory';
import { regionReference, RegionResolver } from './region/region.resolver';

export const buildEnterprisesSchema = () =>
  buildFederatedSchema({
    access: accessRules,
    resolvers: [EnterpriseResolver, RegionResolver, IndustryResolver, LiaisonResolver, ImportResolver],
    referenceResolvers: { Enterprise: enterpriseReference, Region: regionReference },
  });

/** The enterprises subgraph: enterprises (企业), regions, industries, tags, liaisons, parks. */
export const enterprisesSubgraph: SubgraphDefinition<EnterprisesServices> = {
  name: 'enterprises',
  defaultPort: 4001,
  entities: [Enterprise, Liaison, Region],
  migrations: [EnterprisesInitial1763710000000, ImportJobs1763720000000, EnterpriseGovernance1764300000000],
  buildSchema: buildEnterprisesSchema,
  async createServices({ database, outbox, logger, env }) {
    const regions = new RegionDirectory();
    // Reference data is committed with the code: bring the table in line with it on start.
    await regions.sync(database.dataSource, database.schema, readRegionsFile());
    const industries = IndustryCatalog.fromFile();
    const governance = new Governance(database.dataSource, database.schema, loadAttributeOwners(env));
    const enterprises = new EnterpriseService(
      database.dataSource,
      database.schema,
      outbox,
      { regions, industries },
      governance,
    );
    const imports = new ImportService(database.dataSource, database.schema, enterprises, logger);
    return { enterprises, imports, regions, industries, governance };
  },
  async onStart(services, { bus, logger }) {
    // Who keeps which registry: the departments' codes, from the cadres subgraph's events.
    await services.governance.start(bus, logger);
  },
};
