import type { KitContext } from '@sfw/subgraph-kit';
import type { EnterpriseService } from './enterprise/enterprise.service';
import type { Governance } from './governance/governance';
import type { ImportService } from './import/import.service';
import type { IndustryCatalog } from './industry/industry.catalog';
import type { RegionDirectory } from './region/region.directory';

export interface EnterprisesServices {
  enterprises: EnterpriseService;
  imports: ImportService;
  regions: RegionDirectory;
  industries: IndustryCatalog;
  governance: Governance;
}

export type Context = KitContext<EnterprisesServices>;
