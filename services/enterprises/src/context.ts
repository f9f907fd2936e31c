import type { KitContext } from '@sfw/subgraph-kit';
import type { EnterpriseService } from './enterprise/enterprise.service';
import type { ImportService } from './import/import.service';
import type { IndustryCatalog } from './industry/industry.catalog';
import type { RegionDirectory } from './region/region.directory';

export interface EnterprisesServices {
  enterprises: EnterpriseService;
  imports: ImportService;
  regions: RegionDirectory;
  industries: IndustryCatalog;
}

export type Context = KitContext<EnterprisesServices>;
