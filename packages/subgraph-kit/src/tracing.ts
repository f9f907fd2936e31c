import type { IncomingMessage } from 'node:http';
import type { NodeSDK } from '@opentelemetry/sdk-node';

/** Requests not worth a trace: probes and scrapes. */
const UNTRACED = /^\/(health\/(live|ready)|metrics)(\?|$)/;

let sdk: NodeSDK | undefined;

/**
 * OpenTelemetry traces, off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is set: then the OTel Node SDK
 * starts once per process and exports spans over OTLP/HTTP (`<endpoint>/v1/traces`; the other
 * standard `OTEL_*` variables apply), with HTTP instrumentation (an incoming `traceparent` from
 * the gateway continues its trace) and `pg` instrumentation (a span per SQL statement). The
 * service name is `OTEL_SERVICE_NAME`, else `serviceName`. Only traces: no OTel metrics or logs
 * (metrics are at `/metrics`). Without the variable nothing is loaded. Returns whether tracing is on.
 * `env` decides that and the name; the exporter reads its settings from `process.env`.
 *
 * Instrumentation patches modules as they are required, so this must run before `pg` is loaded
 * (TypeORM loads it when the first DataSource is created): `runSubgraphMain` calls it first. The
 * embedded stack (`npm start`, five subgraphs and the gateway in one process) does not call it:
 * there, traces would need the SDK preloaded (`node --require`) under one service name.
 */
export function startTracing(
  serviceName: string,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (sdk) return true;
  if (!env['OTEL_EXPORTER_OTLP_ENDPOINT']) return false;
  // Required here, not imported: a process without tracing never loads the SDK.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */
  sdk = new NodeSDK({
    serviceName: env['OTEL_SERVICE_NAME'] || serviceName,
    // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and _TRACES_ENDPOINT, _HEADERS) itself.
    traceExporter: new OTLPTraceExporter(),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED.test(req.url ?? ''),
      }),
      // Statement text only, never parameter values (they carry personal data); only SQL run
      // for a traced request (the relay's polling would otherwise make a trace a second).
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  sdk.start();
  // `node:http` was loaded before the SDK started (the kit's server imports it); requiring it
  // again lets the instrumentation patch it now, before the server is created.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('node:http');
  return true;
}

/** Export the spans still buffered and stop tracing (before the process exits). */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown().catch(() => undefined);
}
