import type { KitContext } from '@sfw/subgraph-kit';
import type { WorkCalendar } from '@sfw/workdays';
import type { ApplicationService } from './policy/application.service';
import type { PairingService } from './policy/pairing.service';
import type { PolicyService } from './policy/policy.service';
import type { TotalsService } from './policy/totals.service';
import type { ValiditySweeper } from './policy/validity-sweeper';
import type { Projections } from './projection/projections';

export interface PoliciesServices {
  calendar: WorkCalendar;
  policies: PolicyService;
  applications: ApplicationService;
  totals: TotalsService;
  pairings: PairingService;
  projections: Projections;
  /** Re-matches policies whose validity began or ended (到期/生效). */
  validity: ValiditySweeper;
}

export type Context = KitContext<PoliciesServices>;
