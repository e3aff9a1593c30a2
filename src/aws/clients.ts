/**
 * The AWS client factory: one SDK client per account × region × service, reused for a whole
 * collection, with explicit region, emulator endpoint override, adaptive retries with backoff on
 * throttling, connection/request timeouts, and a middleware that counts API calls by
 * `Service.Operation` (metadata.apiCalls and the benchmark read it).
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  MiddlewareStack,
  Pluggable,
} from '@smithy/types';

// biome-ignore lint/suspicious/noExplicitAny: SDK client constructors have per-client config types.
export type AwsClientConstructor<C> = new (...args: any[]) => C;

/** The part of every SDK v3 client the factory relies on. */
interface SdkClientLike {
  middlewareStack: MiddlewareStack<object, object>;
  destroy(): void;
}

export interface ClientFactoryOptions {
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Emulator endpoint (AWS_ENDPOINT_URL style); undefined for real AWS. */
  endpoint?: string;
  /** Total attempts per call, including the first (throttling and transient errors are retried). */
  maxAttempts?: number;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Extra middleware added to every client (tests inject faults with it). */
  plugins?: Pluggable<object, object>[];
  /** Checked before every call so a cancelled collection stops issuing requests. */
  signal?: AbortSignal;
}

export interface ClientFactory {
  /** The client of `ctor` for `region`, created once and reused. */
  get<C>(ctor: AwsClientConstructor<C>, region: string): C;
  /** API calls made so far (every HTTP attempt), keyed by `Service.Operation`. */
  apiCalls(): Record<string, number>;
  /** Closes every client's sockets. */
  destroy(): void;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

const operationKey = Symbol('awsOperation');

/** The `Operation` name (e.g. `DescribeInstances`) an SDK error was raised by, when known. */
export function operationOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && operationKey in error) {
    const op = (error as { [operationKey]?: unknown })[operationKey];
    return typeof op === 'string' ? op : undefined;
  }
  return undefined;
}

/**
 * The SDK's Node handler with the collection's signal on every request that has none of its own, so
 * a cancel aborts the calls already in flight (a page of 1,000 instances, a region that does not
 * answer) instead of waiting for them to finish or time out.
 */
class SignalledHttpHandler extends NodeHttpHandler {
  constructor(
    options: ConstructorParameters<typeof NodeHttpHandler>[0],
    private readonly signal: AbortSignal | undefined,
  ) {
    super(options);
  }

  override handle(...[request, handlerOptions = {}]: Parameters<NodeHttpHandler['handle']>) {
    const abortSignal = handlerOptions.abortSignal ?? this.signal;
    return super.handle(request, abortSignal ? { ...handlerOptions, abortSignal } : handlerOptions);
  }
}

/** `EC2Client` → `EC2`, `DescribeInstancesCommand` → `DescribeInstances`. */
function names(context: { clientName?: string; commandName?: string }): {
  service: string;
  operation: string;
} {
  const service = (context.clientName ?? 'Unknown').replace(/Client$/, '');
  const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
  return { service, operation };
}

export function createClientFactory(options: ClientFactoryOptions): ClientFactory {
  const clients = new Map<string, SdkClientLike>();
  const calls = new Map<string, number>();
  // Keep-alive agents shared by every client of this factory: sockets are reused across
  // services and regions, and maxSockets bounds the load on one endpoint.
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });
  const requestHandler = new SignalledHttpHandler(
    {
      connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      httpAgent,
      httpsAgent,
    },
    options.signal,
  );

  function instrument(client: SdkClientLike): void {
    const stack = client.middlewareStack;
    // Outermost: stop before any work when cancelled, and tag errors with their operation so the
    // runner can record {operation, code, message} without each collector doing it.
    stack.add(
      (next, context) => async (args) => {
        const { operation } = names(context);
        if (options.signal?.aborted) {
          const abort = new Error('The collection was cancelled');
          abort.name = 'AbortError';
          throw abort;
        }
        try {
          return await next(args);
        } catch (error) {
          if (typeof error === 'object' && error !== null && !(operationKey in error)) {
            Object.defineProperty(error, operationKey, { value: operation, enumerable: false });
          }
          throw error;
        }
      },
      { step: 'initialize', priority: 'high', name: 'againOperationTag' },
    );
    // Inside the retry loop (finalizeRequest, low priority): one count per HTTP attempt.
    stack.add(
      (next, context) => async (args) => {
        const { service, operation } = names(context);
        const key = `${service}.${operation}`;
        calls.set(key, (calls.get(key) ?? 0) + 1);
        return await next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'againApiCallCounter' },
    );
    for (const plugin of options.plugins ?? []) plugin.applyToStack(stack);
  }

  return {
    get<C>(ctor: AwsClientConstructor<C>, region: string): C {
      const key = `${ctor.name}|${region}`;
      const existing = clients.get(key);
      if (existing) return existing as unknown as C;
      const client = new ctor({
        region,
        credentials: options.credentials,
        requestHandler,
        maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        // Adaptive: exponential backoff with jitter plus client-side rate limiting once AWS throttles.
        retryMode: 'adaptive',
        ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      }) as unknown as SdkClientLike;
      instrument(client);
      clients.set(key, client);
      return client as unknown as C;
    },
    apiCalls() {
      return Object.fromEntries([...calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
    },
    destroy() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
      requestHandler.destroy();
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
