import { startTracing, stopTracing } from './tracing';

describe('tracing', () => {
  it('stays off, loading nothing, without OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    expect(startTracing('kit_test', { OTEL_SERVICE_NAME: 'x' })).toBe(false);
    expect(startTracing('kit_test', { OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBe(false);
    await expect(stopTracing()).resolves.toBeUndefined();
  });
});
