import type { KitContext } from '@sfw/subgraph-kit';
import type { WorkCalendar } from '@sfw/workdays';
import type { IssueQueryService } from './issue/issue.query';
import type { IssueService } from './issue/issue.service';
import type { Projections } from './projection/projections';

export interface IssuesServices {
  calendar: WorkCalendar;
  issues: IssueService;
  queries: IssueQueryService;
  projections: Projections;
}

export type Context = KitContext<IssuesServices>;
