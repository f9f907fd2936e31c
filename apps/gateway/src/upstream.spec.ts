import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUpstreamFetch } from './upstream';

/** The gateway's subgraph client against a real local HTTP server. */
describe('upstream fetch', () => {
  let server: Server;
  let url: string;
  let calls = 0;
  let sockets = 0;
  let mode: 'echo' | 'reset-once' | 'reset' | 'slow' = 'echo';
  const upstream = createUpstreamFetch();

  beforeAll(async () => {
    server = createServer((req, res) => {
      calls++;
      if (mode === 'reset' || (mode === 'reset-once' && calls === 1)) return req.socket.destroy();
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const answer = () => {
          res.writeHead(200, { 'content-type': 'application/json', 'x-seen': req.headers['x-test'] ?? '' });
          res.end(JSON.stringify({ data: { echo: body, length: req.headers['content-length'] } }));
        };
        if (mode === 'slow') setTimeout(answer, 1_000).unref();
        else answer();
      });
    });
    server.on('connection', () => sockets++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    upstream.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    calls = 0;
    mode = 'echo';
  });

  it('posts the body with its byte length and reads the answer, on kept-alive connections', async () => {
    const before = sockets;
    for (let i = 0; i < 5; i++) {
      const res = await upstream(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test': 'yes' },
        body: '{"q":"企业"}',
      });
      expect(res.status).toBe(200);
      expect(res.ok).toBe(true);
      expect(res.headers.get('Content-Type')).toBe('application/json');
      expect(res.headers.get('x-seen')).toBe('yes');
      expect(Object.fromEntries(res.headers.entries())['x-seen']).toBe('yes');
      expect(await res.json()).toEqual({
        data: { echo: '{"q":"企业"}', length: String(Buffer.byteLength('{"q":"企业"}')) },
      });
    }
    expect(sockets - before).toBe(1);
  });

  it('sends a query once more when the connection fails before any answer, and nothing else', async () => {
    mode = 'reset-once';
    const res = await upstream(url, { method: 'POST', body: '{}', retryOnConnectionFailure: true });
    expect(res.status).toBe(200);
    expect(calls).toBe(2);

    calls = 0;
    await expect(upstream(url, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(calls).toBe(1);

    calls = 0;
    mode = 'reset';
    await expect(
      upstream(url, { method: 'POST', body: '{}', retryOnConnectionFailure: true }),
    ).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(calls).toBe(2);
  });

  it('is cancelled by its signal with the signal’s reason, and not retried then', async () => {
    mode = 'slow';
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(new DOMException('subgraph x timed out', 'TimeoutError')), 50);
    const t0 = Date.now();
    await expect(
      upstream(url, { method: 'POST', body: '{}', signal: ctrl.signal, retryOnConnectionFailure: true }),
    ).rejects.toMatchObject({ name: 'TimeoutError', message: 'subgraph x timed out' });
    expect(Date.now() - t0).toBeLessThan(900);
    expect(calls).toBe(1);
  });
});
