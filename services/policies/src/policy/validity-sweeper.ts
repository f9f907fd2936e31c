import type { Logger } from '@sfw/subgraph-kit';
import type { PolicyService } from './policy.service';

/**
 * Runs `PolicyService.sweepValidity` once at start and then every `minutes` (0: only at start),
 * one sweep at a time; a failed sweep is logged and tried again at the next tick.
 */
export class ValiditySweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly policies: PolicyService,
    private readonly minutes: number,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.tick();
    if (this.minutes > 0) {
      this.timer = setInterval(() => void this.tick(), this.minutes * 60_000);
      this.timer.unref();
    }
  }

  tick(): Promise<void> {
    this.running ??= this.policies
      .sweepValidity()
      .then(() => undefined)
      .catch((err: unknown) => this.logger.error({ err }, 'policy validity sweep failed'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
