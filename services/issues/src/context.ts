import type { KitContext } from '@sfw/subgraph-kit';
import type { WorkCalendar } from '@sfw/workdays';
import type { IssueQueryService } from './issue/issue.query';
import type { IssueService } from './issue/issue.service';
import type { Projections } from './projection/projections';
import type { TriageService } from './issue/triage.service';
import type { StatsService } from './stats/stats.service';

export interface IssuesServices {
  calendar: WorkCalendar;
  issues: IssueService;
  queries: IssueQueryService;
  projections: Projections;
  triage: TriageService;
  stats: StatsService;
}

export type Context = KitContext<IssuesServices>;
