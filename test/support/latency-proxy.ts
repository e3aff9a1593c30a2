/**
 * An HTTP proxy in front of the emulator that holds every request for a fixed time before
 * forwarding it. Real AWS is latency-bound and the emulator is not: tests that must watch a
 * collection while it runs (progress, cancel) use it so the run lasts as long as its calls, not as
 * long as the machine happens to be slow.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LatencyProxy {
  /** The proxy's endpoint, to use in place of the emulator's. */
  endpoint: string;
  /** Requests forwarded so far. */
  requests(): number;
  close(): Promise<void>;
}

export async function startLatencyProxy(target: string, delayMs: number): Promise<LatencyProxy> {
  const to = new URL(target);
  let count = 0;
  const server = createServer((incoming, outgoing) => {
    count++;
    const body: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => body.push(chunk));
    incoming.on('end', () => {
      setTimeout(() => {
        const upstream = httpRequest(
          {
            hostname: to.hostname,
            port: to.port,
            method: incoming.method,
            path: incoming.url,
            headers: incoming.headers,
          },
          (response) => {
            outgoing.writeHead(response.statusCode ?? 502, response.headers);
            response.pipe(outgoing);
          },
        );
        upstream.on('error', (error) => {
          outgoing.writeHead(502, { 'content-type': 'text/plain' });
          outgoing.end(`latency proxy: ${error.message}`);
        });
        upstream.end(Buffer.concat(body));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
