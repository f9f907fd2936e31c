import type { KitContext } from '@sfw/subgraph-kit';
import type { CadreService } from './cadre/cadre.service';
import type { Divisions } from './common';
import type { CoverageService } from './coverage/coverage.service';
import type { DepartmentService } from './department/department.service';
import type { EnterpriseProjection } from './enterprise/enterprise.projection';
import type { ServiceGroupService } from './group/service-group.service';
import type { PairingImportService } from './pairing/pairing-import';
import type { PairingService } from './pairing/pairing.service';
import type { VisitService } from './visit/visit.service';

export interface CadresServices {
  divisions: Divisions;
  departments: DepartmentService;
  cadres: CadreService;
  enterprises: EnterpriseProjection;
  pairings: PairingService;
  pairingImport: PairingImportService;
  visits: VisitService;
  groups: ServiceGroupService;
  coverage: CoverageService;
}

export type Context = KitContext<CadresServices>;
