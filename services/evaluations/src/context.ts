import type { KitContext } from '@sfw/subgraph-kit';
import type { WorkCalendar } from '@sfw/workdays';
import type { EvaluationsConfig } from './config';
import type { CycleService } from './cycle/cycle.service';
import type { FeedbackService } from './feedback/feedback.service';
import type { Projections } from './projection/projections';

export interface EvaluationsServices {
  config: EvaluationsConfig;
  calendar: WorkCalendar;
  feedback: FeedbackService;
  cycles: CycleService;
  projections: Projections;
}

export type Context = KitContext<EvaluationsServices>;
