import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@sfw/subgraph-kit';
import { EventBroker } from './bus';
import { Rpc } from './rpc';
import type { ServiceName } from './services';
import type { SubgraphWorkerData, WorkerMemory } from './subgraph-worker';

/** How often a worker may die within {@link RESTART_WINDOW_MS} before the stack gives up. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;
/** How long a worker gets to stop cleanly before it is terminated. */
const STOP_TIMEOUT_MS = 15_000;

interface Slot {
  name: ServiceName;
  data: SubgraphWorkerData;
  worker: Worker;
  rpc: Rpc;
  url: string;
  port: number;
  restarts: number[];
  /** Set while the stack stops it on purpose. */
  stopping: boolean;
  /** Started and serving: from now on, an exit is a death to restart. */
  serving: boolean;
  exited: Promise<number>;
  /** What the worker threw, when it died of an uncaught error. */
  error?: Error;
}

export interface SubgraphWorkersOptions {
  logger: Logger;
  /** A worker died more than MAX_RESTARTS times in a row, or could not start again. */
  onFatal(err: Error): void;
  /** V8 old-space limit per worker in MB (0: Node's default). */
  heapLimitMb?: number;
}

/** The script a worker runs: the compiled `subgraph-worker.js` next to this module. */
function workerScript(): string {
  const file = join(__dirname, 'subgraph-worker.js');
  if (!existsSync(file))
    throw new Error(`${file} is missing: build the platform (npm run build) to run subgraph workers`);
  return file;
}

/**
 * The embedded stack's subgraph workers: one thread per service, supervised from the main thread.
 * A worker that dies is logged and started again on the same port (its data is on disk; its
 * projection catches up by replay); one that keeps dying stops the stack loudly.
 */
export class SubgraphWorkers {
  readonly broker = new EventBroker();
  private readonly slots = new Map<ServiceName, Slot>();
  private closing = false;

  constructor(private readonly options: SubgraphWorkersOptions) {}

  /**
   * Start every service's worker: code loaded and databases opened and migrated at most
   * `parallel` at a time, then each subgraph served and subscribed in the order given, so each
   * later subscriber replays the outboxes of those before it (as in one thread).
   */
  async startAll(
    names: readonly ServiceName[],
    data: Omit<SubgraphWorkerData, 'service'>,
    parallel = 2,
  ): Promise<void> {
    // Every spawned worker is tracked, so that stop() ends it whatever fails.
    const queue = names.map((name) => this.spawn({ ...data, service: name }, []));
    for (const slot of queue) this.slots.set(slot.name, slot);
    const running = new Set<Promise<void>>();
    const prepared = new Map<ServiceName, Promise<void>>();
    for (const slot of queue) {
      while (running.size >= parallel) await Promise.race(running);
      const p = this.call(slot, 'prepare').then(() => undefined);
      prepared.set(slot.name, p);
      const tracked: Promise<void> = p.catch(() => undefined).finally(() => running.delete(tracked));
      running.add(tracked);
    }
    for (const slot of queue) {
      await prepared.get(slot.name);
      const { url, port } = await this.call<{ url: string; port: number }>(slot, 'start');
      slot.url = url;
      slot.port = port;
      slot.serving = true;
    }
  }

  urlOf(name: ServiceName): string {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`no worker for ${name}`);
    return slot.url;
  }

  /** Publish the service's pending outbox now (the seed waits for each projection). */
  drain(name: ServiceName): Promise<number> {
    return this.rpcOf(name).call<number>('drain');
  }

  /** One of the service's seed steps (see services.ts). */
  command<R>(name: ServiceName, command: string, args: unknown = null): Promise<R> {
    return this.rpcOf(name).call<R>('command', { command, args });
  }

  /** Each running worker's heap and external memory. */
  async memory(): Promise<Record<string, WorkerMemory>> {
    const out: Record<string, WorkerMemory> = {};
    for (const [name, slot] of this.slots) {
      out[name] = await slot.rpc.call<WorkerMemory>('memory', null, 5_000).catch(() => ({
        heapUsed: 0,
        heapTotal: 0,
        external: 0,
      }));
    }
    return out;
  }

  /** Stop every worker, last started first; terminate one that does not stop in time. */
  async stop(): Promise<void> {
    this.closing = true;
    for (const slot of [...this.slots.values()].reverse()) await this.stopSlot(slot);
    this.slots.clear();
  }

  private rpcOf(name: ServiceName): Rpc {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`no worker for ${name}`);
    return slot.rpc;
  }

  private async stopSlot(slot: Slot): Promise<void> {
    slot.stopping = true;
    const t0 = Date.now();
    const timer = setTimeout(() => {
      this.options.logger.error(
        { service: slot.name },
        'subgraph worker did not stop in time: terminating it',
      );
      void slot.worker.terminate();
    }, STOP_TIMEOUT_MS);
    try {
      await slot.rpc.call('stop').catch((err: unknown) => {
        this.options.logger.error({ err, service: slot.name }, 'subgraph worker stop failed');
      });
      // Nothing holds the worker's event loop once its server, pool and database are closed;
      // terminate in case a library left a handle open.
      const code = await Promise.race([slot.exited, delay(2_000).then(() => undefined)]);
      if (code === undefined) await slot.worker.terminate();
    } finally {
      clearTimeout(timer);
      this.broker.detach(slot.name, 'stopped');
    }
    this.options.logger.info({ part: slot.name, ms: Date.now() - t0 }, 'stopped');
  }

  private spawn(data: SubgraphWorkerData, restarts: number[]): Slot {
    const worker = new Worker(workerScript(), {
      workerData: data,
      name: `subgraph-${data.service}`,
      ...(this.options.heapLimitMb
        ? { resourceLimits: { maxOldGenerationSizeMb: this.options.heapLimitMb } }
        : {}),
    });
    const rpc = new Rpc(worker, `worker ${data.service}`);
    this.broker.attach(data.service, rpc);
    worker.on('error', (err) => {
      slot.error = err;
    });
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    const slot: Slot = {
      name: data.service,
      data,
      worker,
      rpc,
      url: '',
      port: 0,
      restarts,
      stopping: false,
      serving: false,
      exited,
    };
    void exited.then((code) => {
      this.broker.detach(data.service, `exited with code ${code}`);
      // A worker that dies before it served fails the start (or the restart) instead.
      if (slot.stopping || this.closing || !slot.serving) return;
      if (this.slots.get(data.service) === slot) void this.restart(slot, code, slot.error);
    });
    return slot;
  }

  /** A call to a worker that fails at once if the worker exits meanwhile. */
  private async call<R>(slot: Slot, method: string): Promise<R> {
    try {
      return await Promise.race([
        slot.rpc.call<R>(method),
        slot.exited.then((code) => {
          throw new Error(`${slot.name} worker exited with code ${code} during ${method}`);
        }),
      ]);
    } catch (err) {
      slot.stopping = true;
      await slot.worker.terminate();
      throw slot.error ?? err;
    }
  }

  private async restart(dead: Slot, code: number, err: Error | undefined): Promise<void> {
    const { logger } = this.options;
    const now = Date.now();
    const recent = [...dead.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    logger.error(
      { service: dead.name, code, err, restartsInWindow: recent.length },
      `subgraph worker ${dead.name} exited unexpectedly`,
    );
    if (recent.length > MAX_RESTARTS) {
      this.options.onFatal(
        new Error(
          `子图 ${dead.name} 在 ${RESTART_WINDOW_MS / 1000} 秒内退出 ${recent.length} 次，已放弃重启 / subgraph worker ${dead.name} exited ${recent.length} times within ${RESTART_WINDOW_MS / 1000} s`,
        ),
      );
      return;
    }
    try {
      // Same port: the gateway knows the subgraph by its URL.
      const slot = this.spawn(
        { ...dead.data, overrides: { ...dead.data.overrides, port: dead.port } },
        recent,
      );
      await this.call(slot, 'prepare');
      const { url, port } = await this.call<{ url: string; port: number }>(slot, 'start');
      slot.url = url;
      slot.port = port;
      slot.serving = true;
      if (this.closing) {
        await this.stopSlot(slot);
        return;
      }
      this.slots.set(dead.name, slot);
      logger.warn({ service: dead.name, url: slot.url }, `subgraph worker ${dead.name} restarted`);
    } catch (e) {
      this.options.onFatal(
        new Error(
          `子图 ${dead.name} 无法重启 / subgraph worker ${dead.name} could not restart: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
    }
  }
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
