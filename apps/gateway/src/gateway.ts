import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import usePrometheus from '@graphql-mesh/plugin-prometheus';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { Counter, Registry } from 'prom-client';
import type { Viewer } from '@sfw/shared-types';
import {
  closeServer,
  createLogger,
  graphqlUrl,
  HttpError,
  listen,
  signViewer,
  type Logger,
} from '@sfw/subgraph-kit';
import { Authenticator } from './auth';
import type { GatewayConfig } from './config';
import { normalizeError, REQUEST_TIMEOUT } from './errors';
import { QueryMeasurer, tooCostly, tooDeep } from './limits';
import { apiSchemaOf, BUILT_SUPERGRAPH, publicRootFields, readListSizes, subgraphsOf } from './supergraph';
import { TrustedDocumentStore } from './trusted-documents';
import { createUpstreamFetch } from './upstream';

/** What the gateway adds to each request's context. */
export interface GatewayContext {
  requestId: string;
  viewer: Viewer | null;
}

/** Extra routes on the gateway's origin: resolves true when it answered the request. */
export type GatewayRoutes = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface RunningGateway {
  url: string;
  port: number;
  subgraphs: { name: string; url: string }[];
  /** The Prometheus registry behind `/metrics`. */
  registry: Registry;
  stop(): Promise<void>;
}

const LOCALHOST_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
/** The cache of refused bodies: how many, and the largest body it keeps. */
const REFUSAL_CACHE_ENTRIES = 1_000;
const REFUSAL_CACHE_BODY_BYTES = 16 * 1024;

/** The body of a request, or null when it is larger than `limit` (reading stops there). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}
/** Headers that prove a request is not a simple cross-site form post (CSRF prevention). */
const CSRF_HEADERS = ['x-graphql-csrf', 'apollo-require-preflight', 'graphql-preflight'];

/** A refusal with a stable code, a zh-CN message, English for developers and an HTTP status. */
const refusal = (status: number, code: string, message: string, messageEn: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code, messageEn, http: { status } } });

/** Root fields of an operation, fragments and inline fragments expanded (each fragment once). */
function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map<string, SelectionSetNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def.selectionSet);
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) out.push(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const f = fragments.get(sel.name.value);
        if (f) walk(f);
      }
    }
  };
  walk(operation.selectionSet);
  return out;
}

/** True when `source` has more than `max` lexical tokens; stops lexing at the limit. */
function tooManyTokens(source: string, max: number): boolean {
  const lexer = new Lexer(new Source(source));
  try {
    for (let n = 0; n <= max; n++) if (lexer.advance().kind === TokenKind.EOF) return false;
  } catch {
    return false; // a syntax error: the parser reports it
  }
  return true;
}

/** A JSON request body parsed, when it is a non-empty JSON object; else undefined. */
function parsedBody(req: IncomingMessage, body: Buffer): Record<string, unknown> | undefined {
  if (!/^application\/(graphql-response\+)?json\b/i.test(req.headers['content-type'] ?? '')) return undefined;
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

async function probe(url: string, timeoutMs = 1500): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * The one graph, on Hive Gateway with the Rust query planner: serves a supergraph composed at
 * build time, authenticates bearer tokens, refuses documents over the limits before any
 * subgraph is called, runs trusted documents by hash, signs each subgraph request for that
 * subgraph and body, and reports Prometheus metrics and (when configured) OpenTelemetry traces.
 */
export async function startGateway(
  config: GatewayConfig,
  options: {
    supergraphSdl?: string;
    logger?: Logger;
    /**
     * Other routes on the gateway's origin (the web app, development helpers), asked first for
     * every request outside `/graphql`, `/metrics` and `/health`: true when it answered.
     */
    routes?: GatewayRoutes;
  } = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  const supergraphSdl =
    options.supergraphSdl ?? readFileSync(config.supergraphPath ?? BUILT_SUPERGRAPH, 'utf8');
  const subgraphs = subgraphsOf(supergraphSdl).map((s) => ({
    name: s.name,
    url: config.subgraphUrls[s.name] ?? s.url,
  }));
  const nameByUrl = new Map(subgraphs.map((s) => [s.url, s.name]));
  const measurer = new QueryMeasurer(apiSchemaOf(supergraphSdl), readListSizes());
  const publicFields = publicRootFields(supergraphSdl);
  const authenticator = new Authenticator(config.jwt);
  const documents = new TrustedDocumentStore(
    config.trustedDocuments.files,
    config.trustedDocuments.dir,
    (file, message) => logger.warn({ file, problem: message }, 'trusted documents manifest not loaded'),
  );
  const { limits } = config;
  const upstreamFetch = createUpstreamFetch();
  const registry = new Registry();
  /** Viewer and request id by request, for the access log and the subgraph signature. */
  const requests = new WeakMap<Request, { requestId: string; viewer: Viewer | null; started: bigint }>();
  const generatedIds = new WeakMap<Request, string>();
  /** Requests in progress: when each must be answered, and its subgraph calls still running. */
  const deadlines = new WeakMap<IncomingMessage, { deadline: number; calls: Set<AbortController> }>();
  /** Contexts whose document was measured before validation. */
  const measured = new WeakSet<object>();
  /** Each request's body as read (when small enough to be a key of the refusal cache). */
  const rawBodies = new WeakMap<IncomingMessage, string>();
  /** Bodies refused for the limits (depth, cost, tokens, aliases, directives) → the answer given. */
  const refusals = new Map<string, unknown>();
  const refusedRequests = new WeakMap<Request, unknown>();
  const refusalHits = new Counter({
    name: 'sfw_gateway_refusal_cache_hits_total',
    help: 'Requests refused from the cache of bodies already refused for the limits',
    registers: [registry],
  });
  const corsFor = (origin: string | undefined): Record<string, string> =>
    origin &&
    (config.corsOrigins
      ? config.corsOrigins.includes(origin)
      : config.env !== 'production' && LOCALHOST_ORIGIN.test(origin))
      ? { 'access-control-allow-origin': origin, vary: 'Origin' }
      : {};

  const authenticate = async (request: Request): Promise<Viewer | null> => {
    try {
      return await authenticator.viewerFrom(request.headers.get('authorization'));
    } catch (err) {
      if (err instanceof HttpError) throw refusal(err.status, err.code, err.message, err.messageEn);
      throw err;
    }
  };

  const identity: GatewayPlugin<GatewayContext> = {
    onRequest({ request }) {
      const requestId = generatedIds.get(request) ?? request.headers.get('x-request-id') ?? randomUUID();
      requests.set(request, { requestId, viewer: null, started: process.hrtime.bigint() });
    },
    async onContextBuilding({ context, extendContext }) {
      const viewer = await authenticate(context.request);
      const entry = requests.get(context.request);
      if (entry) entry.viewer = viewer;
      extendContext({ viewer, requestId: entry?.requestId ?? randomUUID() });
    },
    onFetch({ url, options, setOptions, setFetchFn, context, executionRequest }) {
      const subgraph = nameByUrl.get(url.split('?')[0] as string);
      if (!subgraph) return;
      setFetchFn(upstreamFetch as unknown as Parameters<typeof setFetchFn>[0]);
      const ctx = context as Partial<GatewayContext> & { request?: Request; req?: IncomingMessage };
      const body = typeof options.body === 'string' ? options.body : (url.split('?')[1] ?? '');
      // The subgraph call's deadline: its own, or the request's when that comes first. The call
      // is cancelled then, when the request's deadline passes, or when the client goes away.
      const pending = ctx.req ? deadlines.get(ctx.req) : undefined;
      const ctrl = new AbortController();
      const timeout = Math.min(limits.subgraphTimeoutMs, pending ? pending.deadline - Date.now() : Infinity);
      const timer = setTimeout(
        () => ctrl.abort(new DOMException(`subgraph ${subgraph} timed out`, 'TimeoutError')),
        Math.max(0, timeout),
      );
      pending?.calls.add(ctrl);
      const upstream = [ctx.request?.signal, options.signal ?? undefined].filter(
        (x): x is AbortSignal => !!x,
      );
      const onAbort = (e: Event) => ctrl.abort((e.target as AbortSignal).reason);
      for (const sig of upstream) {
        if (sig.aborted) ctrl.abort(sig.reason);
        else sig.addEventListener('abort', onAbort, { once: true });
      }
      const operation =
        executionRequest?.operationType ??
        (executionRequest ? getOperationAST(executionRequest.document)?.operation : undefined);
      setOptions({
        ...options,
        signal: ctrl.signal,
        // A query is sent once more when the connection fails before any answer; a mutation never.
        retryOnConnectionFailure: operation === 'query',
        headers: {
          ...(options.headers as Record<string, string>),
          ...signViewer(ctx.viewer ?? null, config.subgraphSecret, { subgraph, body }),
          ...(ctx.requestId ? { 'x-request-id': ctx.requestId } : {}),
        },
      } as typeof options);
      return () => {
        clearTimeout(timer);
        pending?.calls.delete(ctrl);
        for (const sig of upstream) sig.removeEventListener('abort', onAbort);
      };
    },
  };

  /** Depth and cost, measured in linear time; null when within the limits. */
  const overLimits = (
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
  ): GraphQLError | null => {
    const operation = getOperationAST(document, operationName);
    if (!operation) return null; // validation reports a missing or ambiguous operation
    const m = measurer.measure(document, operation, variables);
    if (m.depth > limits.maxDepth) return tooDeep(m.depth, limits.maxDepth);
    if (m.cost > limits.maxCost) return tooCostly(m.cost, limits.maxCost);
    return null;
  };

  /**
   * Limits hold before anything expensive: tokens are counted before parsing, depth and cost
   * are measured before validation (graphql-js's validation of a crafted document costs far more
   * than measuring it), and again with the coerced variables before execution. Anonymous callers
   * reach public fields only.
   */
  const gatekeeper: GatewayPlugin<GatewayContext> = {
    onParams({ params }) {
      if (typeof params.query === 'string' && tooManyTokens(params.query, limits.maxTokens))
        throw refusal(
          400,
          'QUERY_TOO_LARGE',
          `查询过长：超过 ${limits.maxTokens} 个词法单元`,
          `the document has more than ${limits.maxTokens} tokens`,
        );
    },
    onValidate({ params, context, setResult }) {
      const request = (context as { params?: { operationName?: string | null; variables?: unknown } }).params;
      const variables = (
        request?.variables && typeof request.variables === 'object' ? request.variables : {}
      ) as Record<string, unknown>;
      const error = overLimits(params.documentAST, request?.operationName, variables);
      measured.add(context);
      if (error) setResult([error]);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const ctx = args.contextValue as Partial<GatewayContext>;
      if (!ctx.viewer) {
        const allowed = (name: string) =>
          name === '__typename' ||
          publicFields.has(name) ||
          (config.introspection && (name === '__schema' || name === '__type'));
        if (operation.operation !== 'query' || !rootFieldNames(operation, args.document).every(allowed))
          return setResultAndStopExecution({
            errors: [
              refusal(
                401,
                'UNAUTHENTICATED',
                '请先登录（请求需要携带有效的 Bearer 令牌）',
                'authentication required: send a valid bearer token',
              ),
            ],
          });
      }
      // Measured before validation already (the same document and variables).
      if (measured.has(args.contextValue as object)) return;
      const error = overLimits(
        args.document,
        args.operationName,
        (args.variableValues ?? {}) as Record<string, unknown>,
      );
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };

  const errorShape: GatewayPlugin<GatewayContext> = {
    onResultProcess({ request, result, setResult }) {
      if (!result || Array.isArray(result) || typeof result !== 'object' || !('errors' in result)) return;
      const r = result as { errors?: readonly GraphQLError[]; data?: unknown; extensions?: unknown };
      if (!r.errors?.length) return;
      const errors = r.errors.map((e) =>
        normalizeError(e instanceof GraphQLError ? e : new GraphQLError(String(e))),
      );
      const entry = requests.get(request);
      for (const e of errors)
        if (e.extensions['code'] === 'INTERNAL_SERVER_ERROR')
          logger.error({ requestId: entry?.requestId, path: e.path, err: r.errors }, 'unexpected error');
      setResult({ ...r, errors });
      if (!r.data && errors.every((e) => /^QUERY_TOO_/.test(String(e.extensions['code']))))
        refusedRequests.set(request, {
          errors: errors.map((e) => {
            const { http: _http, ...extensions } = e.extensions;
            return { message: e.message, extensions };
          }),
        });
    },
    onResponse({ request, response, serverContext }) {
      const refused = refusedRequests.get(request);
      const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
      const raw = req ? rawBodies.get(req) : undefined;
      if (refused && raw !== undefined) {
        if (refusals.size >= REFUSAL_CACHE_ENTRIES) refusals.delete(refusals.keys().next().value as string);
        refusals.set(raw, refused);
      }
      const entry = requests.get(request);
      if (!entry || !new URL(request.url).pathname.startsWith('/graphql')) return;
      logger.info(
        {
          requestId: entry.requestId,
          sub: entry.viewer?.sub ?? null,
          ms: Math.round(Number(process.hrtime.bigint() - entry.started) / 1e5) / 10,
          status: response.status,
        },
        'graphql request',
      );
    },
  };

  /** Armor limits: aliases and directives while validating, refused with our codes. */
  const armorOptions = (n: number, code: string, message: string, messageEn: string) => ({
    n,
    propagateOnRejection: false,
    onReject: [
      (ctx: { reportError(e: GraphQLError): void } | null) =>
        ctx?.reportError(refusal(400, code, message, messageEn)),
    ],
  });
  const armor = [
    maxAliasesPlugin(
      armorOptions(
        limits.maxAliases,
        'QUERY_TOO_MANY_ALIASES',
        `别名过多：上限 ${limits.maxAliases} 个`,
        `more than ${limits.maxAliases} aliases`,
      ),
    ),
    maxDirectivesPlugin(
      armorOptions(
        limits.maxDirectives,
        'QUERY_TOO_MANY_DIRECTIVES',
        `指令过多：上限 ${limits.maxDirectives} 个`,
        `more than ${limits.maxDirectives} directives`,
      ),
    ),
  ];

  let tracingPlugin: GatewayPlugin | undefined;
  if (config.otel) tracingPlugin = await setUpTracing(config.otel);

  const arbitrary = config.trustedDocuments.arbitrary;
  const runtime = createGatewayRuntime<GatewayContext>({
    supergraph: supergraphSdl,
    unifiedGraphHandler,
    // Identical subgraph calls in flight together are not merged: the merge key is the body
    // only, the viewer is signed in afterwards (onFetch), so a merge would answer one viewer with
    // a call made for another. (Merging also deep-copies every subgraph answer.)
    transportEntries: Object.fromEntries(
      subgraphs.map((s) => [s.name, { location: s.url, options: { deduplicateInflightRequests: false } }]),
    ),
    logging:
      config.logLevel === 'silent'
        ? false
        : config.logLevel === 'fatal'
          ? 'error'
          : (config.logLevel as 'info'),
    landingPage: false,
    graphiql: config.explorer
      ? { title: '助企服务平台 · GraphQL', defaultEditorToolsVisibility: 'headers' }
      : false,
    renderGraphiQL: config.explorer ? renderGraphiQL : undefined,
    disableIntrospection: config.introspection ? undefined : {},
    csrfPrevention: { requestHeaders: CSRF_HEADERS },
    cors: (request) => {
      const origin = request.headers.get('origin');
      if (!origin) return false;
      const ok = config.corsOrigins
        ? config.corsOrigins.includes(origin)
        : config.env !== 'production' && LOCALHOST_ORIGIN.test(origin);
      if (!ok) return false;
      return {
        origin,
        credentials: false,
        allowedHeaders: ['authorization', 'content-type', 'x-request-id', ...CSRF_HEADERS],
        methods: ['GET', 'POST', 'OPTIONS'],
        maxAge: 600,
      };
    },
    // One id per request in the runtime's log lines, ours, the response and every subgraph call.
    requestId: {
      headerName: 'x-request-id',
      generateRequestId: ({ request }) => {
        const id = randomUUID();
        generatedIds.set(request, id);
        return id;
      },
    },
    // Errors are shaped (and unexpected ones masked and logged) by errorShape, after the subgraphs answered.
    maskedErrors: false,
    persistedDocuments: {
      getPersistedOperation: (key) => documents.get(key),
      allowArbitraryDocuments:
        arbitrary === 'all'
          ? true
          : arbitrary === 'none'
            ? false
            : async (request) => {
                const viewer = await authenticator
                  .viewerFrom(request.headers.get('authorization'))
                  .catch(() => null);
                return !!viewer && viewer.roles.some((r) => arbitrary.includes(r));
              },
      customErrors: {
        notFound: {
          message: '未登记的查询（可信文档中没有这个哈希）',
          extensions: {
            code: 'PERSISTED_QUERY_NOT_FOUND',
            messageEn: 'no trusted document has this hash',
            http: { status: 400 },
          },
        },
        persistedQueryOnly: {
          message: '只接受已登记的查询（可信文档）；请使用客户端清单中的哈希',
          extensions: {
            code: 'PERSISTED_QUERY_ONLY',
            messageEn: 'only registered (trusted) documents may run: send a documentId from the manifest',
            http: { status: 400 },
          },
        },
        keyNotFound: {
          message: '请求缺少查询或文档哈希',
          extensions: {
            code: 'BAD_REQUEST',
            messageEn: 'the request has neither a query nor a documentId',
            http: { status: 400 },
          },
        },
      },
    },
    plugins: (ctx) => [
      identity,
      ...armor,
      gatekeeper,
      errorShape,
      ...(config.metrics
        ? [
            usePrometheus({
              log: ctx.log,
              registry,
              endpoint: '/metrics',
              // Only what the dashboard reads: every metric left on costs CPU on each request
              // (the deprecated-field counter walks every document), so the rest are off.
              metrics: {
                graphql_envelop_request_duration: true,
                graphql_envelop_error_result: true,
                graphql_yoga_http_duration: true,
                graphql_gateway_fetch_duration: true,
                graphql_gateway_subgraph_execute_duration: true,
                graphql_gateway_subgraph_execute_errors: true,
                graphql_envelop_request: false,
                graphql_envelop_request_time_summary: false,
                graphql_envelop_phase_parse: false,
                graphql_envelop_phase_validate: false,
                graphql_envelop_phase_context: false,
                graphql_envelop_phase_execute: false,
                graphql_envelop_phase_subscribe: false,
                graphql_envelop_execute_resolver: false,
                graphql_envelop_deprecated_field: false,
                graphql_envelop_schema_change: false,
              },
              labels: { subgraphName: true },
            }) as GatewayPlugin,
          ]
        : []),
      ...(tracingPlugin ? [tracingPlugin] : []),
    ],
  });

  const server: Server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (
      options.routes &&
      !path.startsWith('/graphql') &&
      path !== '/metrics' &&
      !path.startsWith('/health/') &&
      (await options.routes(req, res))
    )
      return;
    if (path === '/health/live') return sendJson(res, 200, { status: 'ok' });
    if (path === '/health/ready') {
      const checks = await Promise.all(
        subgraphs.map(
          async (s) => [s.name, await probe(s.url.replace(/\/graphql$/, '/health/ready'))] as const,
        ),
      );
      const all = Object.fromEntries([['supergraph', true], ...checks]);
      const ok = Object.values(all).every(Boolean);
      return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', checks: all });
    }
    if (req.method === 'POST') {
      const body = await readBody(req, limits.maxBodyBytes);
      if (body === null) {
        res.on('finish', () => req.destroy());
        return sendJson(
          res,
          413,
          {
            errors: [
              {
                message: `请求体过大（上限 ${limits.maxBodyBytes} 字节）`,
                extensions: {
                  code: 'PAYLOAD_TOO_LARGE',
                  messageEn: `request body over ${limits.maxBodyBytes} bytes`,
                },
              },
            ],
          },
          { connection: 'close' },
        );
      }
      // A body refused for the limits before is refused again at once: a client that loops
      // on an expensive document costs the gateway a lookup, not a pipeline.
      const key = body.length <= REFUSAL_CACHE_BODY_BYTES ? body.toString('latin1') : undefined;
      const refused = key === undefined ? undefined : refusals.get(key);
      if (refused) {
        refusalHits.inc();
        return sendJson(res, 400, refused, { ...corsFor(req.headers.origin), 'x-request-id': randomUUID() });
      }
      if (key !== undefined) rawBodies.set(req, key);
      // The runtime takes a body that is already there instead of reading the consumed stream:
      // parsed here when it is a JSON object (the runtime then skips reading and parsing it),
      // else as it came, for the runtime to refuse with its own errors.
      (req as IncomingMessage & { body?: unknown }).body = parsedBody(req, body) ?? body;
    }
    // The request's deadline: then it is answered 504 and its subgraph calls are cancelled.
    const pending = { deadline: Date.now() + limits.requestTimeoutMs, calls: new Set<AbortController>() };
    deadlines.set(req, pending);
    const timer = setTimeout(() => {
      for (const call of pending.calls)
        call.abort(new DOMException('request deadline exceeded', 'TimeoutError'));
      if (res.headersSent) return;
      res.on('finish', () => req.destroy());
      sendJson(
        res,
        504,
        {
          errors: [
            {
              message: REQUEST_TIMEOUT.message,
              extensions: { code: REQUEST_TIMEOUT.code, messageEn: REQUEST_TIMEOUT.messageEn },
            },
          ],
        },
        { ...corsFor(req.headers.origin), connection: 'close' },
      );
    }, limits.requestTimeoutMs);
    try {
      await runtime.requestListener(req, res);
    } finally {
      clearTimeout(timer);
    }
  }
  server.requestTimeout = limits.requestTimeoutMs + 5_000;
  const port = await listen(server, config.port, config.host);
  const url = graphqlUrl(config.host, port);
  logger.info({ url, subgraphs, trustedDocuments: documents.size }, 'gateway ready');
  return {
    url,
    port,
    subgraphs,
    registry,
    async stop() {
      documents.close();
      await closeServer(server);
      await runtime.dispose();
      upstreamFetch.close();
    },
  };
}

/** OpenTelemetry: spans for the request, each phase and each subgraph call, exported over OTLP/HTTP. */
async function setUpTracing(otel: NonNullable<GatewayConfig['otel']>): Promise<GatewayPlugin> {
  const { openTelemetrySetup } = await import('@graphql-hive/plugin-opentelemetry/setup');
  const { useOpenTelemetry } = await import('@graphql-hive/plugin-opentelemetry');
  const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const endpoint = otel.endpoint.replace(/\/$/, '');
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: otel.serviceName },
    traces: {
      exporter: new OTLPTraceExporter({
        url: endpoint.endsWith('/v1/traces') ? endpoint : `${endpoint}/v1/traces`,
      }),
    },
  });
  return useOpenTelemetry({ traces: true, propagateContext: true, inheritContext: true }) as GatewayPlugin;
}
