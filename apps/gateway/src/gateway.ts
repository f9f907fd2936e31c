import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { GraphQLError, Kind, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import type { Viewer } from '@sfw/shared-types';
import {
  closeServer,
  createHttpServer,
  createLogger,
  graphqlUrl,
  listen,
  signViewer,
  type Logger,
} from '@sfw/subgraph-kit';
import { Authenticator } from './auth';
import type { GatewayConfig } from './config';
import { queryLimitsPlugin } from './limits';
import { BUILT_SUPERGRAPH, publicRootFields, subgraphsOf } from './supergraph';

export interface GatewayContext {
  requestId: string;
  viewer: Viewer | null;
}

export interface RunningGateway {
  url: string;
  port: number;
  subgraphs: { name: string; url: string }[];
  stop(): Promise<void>;
}

const LOCALHOST_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Root fields of an operation, with top-level fragments expanded. */
function rootFieldNames(
  operation: OperationDefinitionNode,
  fragments: Map<string, OperationDefinitionNode['selectionSet']>,
): string[] {
  const out: string[] = [];
  const walk = (set: OperationDefinitionNode['selectionSet']) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) out.push(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else {
        const f = fragments.get(sel.name.value);
        if (f) walk(f);
      }
    }
  };
  walk(operation.selectionSet);
  return out;
}

/** Refuse anything unauthenticated except root fields tagged public (and introspection in development). */
function publicAccessPlugin(
  publicFields: Set<string>,
  allowIntrospection: boolean,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (contextValue.viewer || !operation) return;
          const fragments = new Map<string, OperationDefinitionNode['selectionSet']>();
          for (const def of document.definitions)
            if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def.selectionSet);
          const allowed = (name: string) =>
            name === '__typename' ||
            publicFields.has(name) ||
            (allowIntrospection && (name === '__schema' || name === '__type'));
          if (operation.operation === 'query' && rootFieldNames(operation, fragments).every(allowed)) return;
          throw new GraphQLError('请先登录（请求需要携带有效的 Bearer 令牌）', {
            extensions: {
              code: 'UNAUTHENTICATED',
              messageEn: 'authentication required: send a valid bearer token',
              http: { status: 401 },
            },
          });
        },
      };
    },
  };
}

/** One structured line per operation: who (subject, never the token), what, how long, which error codes. */
function accessLogPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors, response }) {
          logger.info(
            {
              requestId: contextValue.requestId,
              sub: contextValue.viewer?.sub ?? null,
              operation: operation?.operation ?? null,
              operationName: operationName ?? null,
              ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
              status: response.http.status ?? 200,
              errors: errors?.map((e) => e.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR') ?? [],
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/** Subgraph errors carry their own stable codes: pass them; mask anything without one. */
function formatGatewayError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: error, path: formatted.path }, 'unexpected error');
    return {
      message: '服务器内部错误，请稍后重试',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR', messageEn: 'internal server error' },
    };
  };
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
 * The one graph: serves a supergraph composed at build time (never by introspection), checks
 * bearer tokens, forwards the verified viewer to subgraphs with an HMAC signature, limits depth
 * and cost, and keeps introspection and the sandbox page to development.
 */
export async function startGateway(
  config: GatewayConfig,
  options: { supergraphSdl?: string; logger?: Logger } = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  const supergraphSdl =
    options.supergraphSdl ?? readFileSync(config.supergraphPath ?? BUILT_SUPERGRAPH, 'utf8');
  const subgraphs = subgraphsOf(supergraphSdl).map((s) => ({
    name: s.name,
    url: config.subgraphUrls[s.name] ?? s.url,
  }));
  const urlOf = new Map(subgraphs.map((s) => [s.name, s.url]));
  const authenticator = new Authenticator(config.jwt);
  const secret = config.subgraphSecret;

  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: urlOf.get(name) ?? url,
        willSendRequest({ request, context }) {
          // Signed afresh per subgraph request: subgraphs trust nothing else.
          for (const [k, v] of Object.entries(signViewer(context.viewer ?? null, secret)))
            request.http?.headers.set(k, v);
          if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
        },
      }),
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    introspection: config.introspection,
    // The process owner (main, the embedded stack) handles signals and stops every part in order.
    stopOnTerminationSignals: false,
    formatError: formatGatewayError(logger),
    includeStacktraceInErrorResponses: false,
    plugins: [
      publicAccessPlugin(publicRootFields(supergraphSdl), config.introspection),
      queryLimitsPlugin(config.maxDepth, config.maxCost),
      accessLogPlugin(logger),
      config.env === 'production'
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
  await apollo.start();

  const server: Server = createHttpServer<GatewayContext>({
    apollo,
    maxBodyBytes: 20 * 1024 * 1024,
    health: {
      ready: async () => {
        const checks = await Promise.all(
          subgraphs.map(
            async (s) => [s.name, await probe(s.url.replace(/\/graphql$/, '/health/ready'))] as const,
          ),
        );
        return Object.fromEntries([['supergraph', true], ...checks]);
      },
    },
    corsHeaders: (req) => {
      const origin = req.headers.origin;
      if (!origin) return null;
      const allowed = config.corsOrigins
        ? config.corsOrigins.includes(origin)
        : config.env !== 'production' && LOCALHOST_ORIGIN.test(origin);
      if (!allowed) return null;
      return {
        'access-control-allow-origin': origin,
        'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight, x-request-id',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-max-age': '600',
        vary: 'Origin',
      };
    },
    context: async (req) => {
      const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
      const viewer = await authenticator.viewerFrom(req.headers.authorization);
      return { requestId, viewer };
    },
  });
  const port = await listen(server, config.port, config.host);
  const url = graphqlUrl(config.host, port);
  logger.info({ url, subgraphs }, 'gateway ready');
  return {
    url,
    port,
    subgraphs,
    async stop() {
      await closeServer(server);
      await apollo.stop();
    },
  };
}
