/**
 * Fault injection for collection tests. moto never throttles, times out or (without its auth
 * mode) denies, so these faults are injected as SDK middleware INSIDE the retry loop: the SDK's
 * real retry strategy, timeouts and the runner's error capture are what get tested.
 */
import { createServer, type Socket } from 'node:net';
import type { DeserializeHandlerArguments, Pluggable } from '@smithy/types';

export interface FaultRule {
  /** Client name without "Client" (EC2, CloudWatch, S3…); any when omitted. */
  service?: string;
  /** Operation name (DescribeInstances…); any when omitted. */
  operation?: string;
  /** Region taken from the request signature; any when omitted. */
  region?: string;
  /** Throw an AWS-style error with this code… */
  errorCode?: string;
  httpStatusCode?: number;
  /** …or send the request to this unresponsive address (a real socket timeout). */
  redirectTo?: { hostname: string; port: number };
  /** How many matching calls fail (default: all). */
  times?: number;
}

export interface FaultInjector {
  plugin: Pluggable<object, object>;
  /** Matching calls that were faulted, per rule index. */
  hits: number[];
}

interface RequestLike {
  hostname?: string;
  port?: number;
  headers?: Record<string, string>;
}

/** The region is in the SigV4 credential scope: Credential=AKID/20240101/us-east-1/ec2/aws4_request. */
function regionOf(request: RequestLike): string | undefined {
  const auth = request.headers?.authorization ?? request.headers?.Authorization ?? '';
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(auth)?.[1];
}

export function injectFaults(rules: FaultRule[]): FaultInjector {
  const hits = rules.map(() => 0);
  const plugin: Pluggable<object, object> = {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args: DeserializeHandlerArguments<object>) => {
          const service = (context.clientName ?? '').replace(/Client$/, '');
          const operation = (context.commandName ?? '').replace(/Command$/, '');
          const request = args.request as RequestLike;
          const region = regionOf(request);
          const index = rules.findIndex(
            (r, i) =>
              (r.service === undefined || r.service === service) &&
              (r.operation === undefined || r.operation === operation) &&
              (r.region === undefined || r.region === region) &&
              (r.times === undefined || (hits[i] ?? 0) < r.times),
          );
          const rule = rules[index];
          if (!rule) return next(args);
          hits[index] = (hits[index] ?? 0) + 1;
          if (rule.redirectTo) {
            request.hostname = rule.redirectTo.hostname;
            request.port = rule.redirectTo.port;
            return next(args);
          }
          const code = rule.errorCode ?? 'InternalError';
          const error = Object.assign(new Error(`Injected ${code} for ${service}.${operation}`), {
            name: code,
            $fault: 'client',
            $metadata: { httpStatusCode: rule.httpStatusCode ?? 400, attempts: 1 },
          });
          throw error;
        },
        { step: 'deserialize', priority: 'low', name: 'testFaultInjection' },
      );
    },
  };
  return { plugin, hits };
}

/** A TCP server that accepts connections and never answers: requests to it time out for real. */
export async function startBlackHole(): Promise<{ hostname: string; port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    hostname: '127.0.0.1',
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
