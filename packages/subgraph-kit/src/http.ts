import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { requestIdFrom, runInRequest } from './request-context';

export interface HealthChecks {
  /** Liveness: the process can answer. */
  live?: () => Promise<boolean> | boolean;
  /** Readiness: dependencies (the database) answer. */
  ready: () => Promise<Record<string, boolean>>;
}

export interface HttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /**
   * Builds the request context; may throw an HttpError to refuse the request. `signed` is what a
   * request signature covers: the raw body of a POST, the query string of a GET.
   */
  context: (req: IncomingMessage, signed: string) => Promise<C>;
  health: HealthChecks;
  graphqlPath?: string;
  maxBodyBytes?: number;
  /** Extra headers (CORS) for a request; return null to use none. */
  corsHeaders?: (req: IncomingMessage) => Record<string, string> | null;
  /** Serves `GET /metrics` (Prometheus text exposition) when given. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
}

/** An HTTP-level refusal (before GraphQL runs), answered as a GraphQL error document. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(
          new HttpError(
            413,
            'PAYLOAD_TOO_LARGE',
            `请求体过大（上限 ${limit} 字节）`,
            `request body over ${limit} bytes`,
          ),
        );
        // Stop reading; the 413 is sent before the connection closes (destroying the request
        // here would reset the connection and the client would never see why).
        req.removeAllListeners('data');
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...extra });
  res.end(JSON.stringify(body));
}

/**
 * A small node:http integration for Apollo Server (v5 ships none): GraphQL at `/graphql`,
 * `GET /health/live`, `GET /health/ready` and, with a `metrics` hook, `GET /metrics`.
 *
 * Every request runs in a request scope (`runInRequest`) under the caller's `x-request-id`, or a
 * new one when it sent none or an implausible one: log lines written meanwhile carry it. The id is
 * put back on the request's headers (so `context` reads the same one) and answered in the
 * response's `x-request-id`.
 */
export function createHttpServer<C extends BaseContext>(options: HttpOptions<C>): Server {
  const path = options.graphqlPath ?? '/graphql';
  const limit = options.maxBodyBytes ?? 25 * 1024 * 1024;
  return createServer((req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    void runInRequest({ requestId }, () => handle(req, res)).catch((err: unknown) => {
      if (err instanceof HttpError) {
        const closing = err.status === 413;
        if (closing) res.on('finish', () => req.destroy());
        sendJson(
          res,
          err.status,
          { errors: [{ message: err.message, extensions: { code: err.code, messageEn: err.messageEn } }] },
          closing ? { connection: 'close' } : {},
        );
      } else if (!res.headersSent) {
        sendJson(res, 500, {
          errors: [{ message: '服务器内部错误', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      } else {
        res.end();
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cors = options.corsHeaders?.(req) ?? {};
    if (url.pathname === '/health/live') {
      const live = (await options.health.live?.()) ?? true;
      return sendJson(res, live ? 200 : 503, { status: live ? 'ok' : 'down' });
    }
    if (url.pathname === '/health/ready') {
      const checks = await options.health.ready();
      const ok = Object.values(checks).every(Boolean);
      return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', checks });
    }
    if (url.pathname === '/metrics' && options.metrics && (req.method === 'GET' || req.method === 'HEAD')) {
      const { contentType, body } = await options.metrics();
      res.writeHead(200, { 'content-type': contentType });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    if (url.pathname !== path) return sendJson(res, 404, { error: 'not found' });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      return void res.end();
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    let signed = url.search;
    if (req.method === 'POST') {
      const raw = await readBody(req, limit);
      signed = raw;
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json')) {
        try {
          body = raw.length ? JSON.parse(raw) : undefined;
        } catch {
          throw new HttpError(400, 'BAD_REQUEST', '请求体不是合法的 JSON', 'request body is not valid JSON');
        }
      } else {
        body = raw;
      }
    }
    const context = await options.context(req, signed);
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      context: async () => context,
    });
    const outHeaders: Record<string, string> = { ...cors };
    for (const [key, value] of response.headers) outHeaders[key] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise((server.address() as AddressInfo).port);
    });
  });
}

/** The URL to reach a server listening on `host` (a wildcard address is reached on loopback). */
export function graphqlUrl(host: string, port: number, path = '/graphql'): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}${path}`;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise());
    server.closeAllConnections?.();
  });
}
