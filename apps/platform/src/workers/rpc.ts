/**
 * Request/answer calls over a worker thread's message port, both ways: the main thread asks a
 * worker to start, seed, drain or stop, and to deliver events; a worker asks the main thread to
 * publish, subscribe or read another worker's event history. Messages are structured clones.
 */

/** The part of `MessagePort`/`Worker` the calls use. */
export interface Port {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

type Message =
  | { rpc: 'call'; id: number; method: string; args: unknown }
  | { rpc: 'result'; id: number; ok: true; value: unknown }
  | { rpc: 'result'; id: number; ok: false; error: string };

type Handler = (args: never) => Promise<unknown> | unknown;

export class RpcClosedError extends Error {
  constructor(what: string) {
    super(`${what}: the other side is gone`);
    this.name = 'RpcClosedError';
  }
}

export class Rpc {
  private next = 1;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void; timer?: NodeJS.Timeout }
  >();
  private readonly handlers = new Map<string, Handler>();
  private closed: string | undefined;

  constructor(
    private readonly port: Port,
    private readonly name: string,
  ) {
    port.on('message', (message) => this.receive(message));
  }

  /** Answer calls of `method` with `handler` (a rejected promise answers as an error). */
  handle<A, R>(method: string, handler: (args: A) => Promise<R> | R): void {
    this.handlers.set(method, handler as Handler);
  }

  /** Call `method` on the other side; `timeoutMs` rejects when no answer came by then. */
  call<R = unknown>(method: string, args: unknown = null, timeoutMs = 0): Promise<R> {
    if (this.closed) return Promise.reject(new RpcClosedError(`${this.name}.${method}`));
    const id = this.next++;
    return new Promise<R>((resolve, reject) => {
      const entry: { resolve(v: unknown): void; reject(e: Error): void; timer?: NodeJS.Timeout } = {
        resolve: resolve as (v: unknown) => void,
        reject,
      };
      if (timeoutMs > 0) {
        entry.timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new Error(`${this.name}.${method}: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.pending.set(id, entry);
      this.port.postMessage({ rpc: 'call', id, method, args } satisfies Message);
    });
  }

  /** The other side went away: every call waiting for it fails, and new calls fail at once. */
  close(reason: string): void {
    this.closed = reason;
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.reject(new RpcClosedError(`${this.name} (${reason})`));
      this.pending.delete(id);
    }
  }

  private receive(raw: unknown): void {
    const message = raw as Message;
    if (!message || typeof message !== 'object' || !('rpc' in message)) return;
    if (message.rpc === 'result') {
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.pending.delete(message.id);
      clearTimeout(entry.timer);
      if (message.ok) entry.resolve(message.value);
      else entry.reject(new Error(message.error));
      return;
    }
    const handler = this.handlers.get(message.method);
    const answer = (m: Message) => {
      if (this.closed) return;
      try {
        this.port.postMessage(m);
      } catch (err) {
        // A value that cannot be cloned: answer with the reason instead.
        const error = `answer of ${message.method} not transferable: ${err instanceof Error ? err.message : String(err)}`;
        this.port.postMessage({ rpc: 'result', id: message.id, ok: false, error } satisfies Message);
      }
    };
    if (!handler) {
      answer({ rpc: 'result', id: message.id, ok: false, error: `unknown call ${message.method}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(message.args as never))
      .then(
        (value) => answer({ rpc: 'result', id: message.id, ok: true, value }),
        (err: unknown) =>
          answer({
            rpc: 'result',
            id: message.id,
            ok: false,
            error: err instanceof Error ? err.message : String(err),
          }),
      );
  }
}
