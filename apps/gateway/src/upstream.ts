import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** What the runtime's HTTP executor and plugins read of a subgraph's answer. */
export interface UpstreamResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: null;
  readonly bodyUsed: boolean;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export interface UpstreamInit {
  method?: string;
  headers?: Record<string, string> | Headers | [string, string][];
  body?: unknown;
  signal?: AbortSignal | null;
  /**
   * Send once more (after {@link RETRY_DELAY_MS}) when the connection fails before any answer:
   * for queries only, never for mutations. A call that was cancelled or timed out is not retried.
   */
  retryOnConnectionFailure?: boolean;
}

const RETRY_DELAY_MS = 50;
/** Errors of a connection that failed before the subgraph answered anything. */
const CONNECTION_FAILURES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Subgraph answers larger than this are refused (a subgraph is trusted, but not without bound). */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/**
 * The gateway's client for subgraph calls: node:http on keep-alive connections, the body sent as
 * one string and the answer read whole as text. Subgraph calls are small JSON POSTs answered
 * with JSON; the general WHATWG fetch of the runtime wraps each in Request, Response, Headers and
 * web streams, which cost more CPU than the call itself. Redirects are not followed and no
 * compression is asked for (subgraphs are on the same network).
 */
export function createUpstreamFetch(options: { maxSockets?: number } = {}) {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 256,
    scheduling: 'lifo' as const,
  };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);

  function upstreamFetch(url: string, init: UpstreamInit = {}): Promise<UpstreamResponse> {
    if (!init.retryOnConnectionFailure) return send(url, init);
    return send(url, init).catch((err: unknown) => {
      const code = (err as { code?: string } | null)?.code;
      if (init.signal?.aborted || !code || !CONNECTION_FAILURES.has(code)) throw err;
      return new Promise<void>((resolve) => setTimeout(resolve, RETRY_DELAY_MS)).then(() => send(url, init));
    });
  }

  function send(url: string, init: UpstreamInit): Promise<UpstreamResponse> {
    return new Promise((resolve, reject) => {
      const secure = url.startsWith('https:');
      const headers = plainHeaders(init.headers);
      const body =
        typeof init.body === 'string' ? init.body : init.body == null ? undefined : String(init.body);
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(abortError(signal));
      const req = (secure ? httpsRequest : httpRequest)(url, {
        method: init.method ?? 'GET',
        headers,
        agent: secure ? https : http,
      });
      const onAbort = () => req.destroy(abortError(signal as AbortSignal));
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      req.once('error', (err) => {
        done();
        reject(err);
      });
      req.once('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            req.destroy(new Error(`subgraph answer over ${MAX_ANSWER_BYTES} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.once('error', (err) => {
          done();
          reject(err);
        });
        res.once('end', () => {
          done();
          const text =
            chunks.length === 1
              ? (chunks[0] as Buffer).toString('utf8')
              : Buffer.concat(chunks, size).toString('utf8');
          resolve(answer(url, res, text));
        });
      });
      req.end(body);
    });
  }
  return Object.assign(upstreamFetch, {
    /** Closes the idle keep-alive connections. */
    close() {
      http.destroy();
      https.destroy();
    },
  });
}

function plainHeaders(input: UpstreamInit['headers']): Record<string, string> {
  if (!input) return {};
  if (Array.isArray(input)) return Object.fromEntries(input);
  if (typeof (input as Headers).get === 'function' && typeof (input as Headers).forEach === 'function') {
    const out: Record<string, string> = {};
    (input as Headers).forEach((value, key) => (out[key] = value));
    return out;
  }
  return { ...(input as Record<string, string>) };
}

/** Read-only headers over node's parsed ones (already lower-case): what a Response's headers offer for reading. */
class AnswerHeaders {
  constructor(private readonly raw: IncomingMessage['headers']) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const key of Object.keys(this.raw)) {
      const v = this.get(key);
      if (v !== null) yield [key, v];
    }
  }
  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): IterableIterator<string> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(fn: (value: string, key: string, parent: this) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
  getSetCookie(): string[] {
    return this.raw['set-cookie'] ?? [];
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  // Not `instanceof Error`: a DOMException may come from another realm.
  return reason && typeof reason === 'object' && typeof (reason as Error).message === 'string'
    ? (reason as Error)
    : new DOMException('The operation was aborted', 'AbortError');
}

function answer(url: string, res: IncomingMessage, text: string): UpstreamResponse {
  let used = false;
  const status = res.statusCode ?? 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: res.statusMessage ?? '',
    url,
    body: null,
    get bodyUsed() {
      return used;
    },
    headers: new AnswerHeaders(res.headers) as unknown as Headers,
    text() {
      used = true;
      return Promise.resolve(text);
    },
    json() {
      used = true;
      return Promise.resolve().then(() => JSON.parse(text) as unknown);
    },
  };
}
