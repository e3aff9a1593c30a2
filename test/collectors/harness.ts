/**
 * A tiny CollectorContext over real SDK clients pointed at the moto emulator, so collectors can be
 * tested on their own (the runner's context replaces it in end-to-end tests). It counts API calls
 * per operation and can deny chosen operations, because moto never denies unless told to.
 */
import pLimit from 'p-limit';
import type { AwsClientClass, Collector, CollectorContext } from '../../src/collectors/types.js';
import type { CollectorId, FieldError, RecordKinds } from '../../src/core/records.js';
import { motoClientConfig } from '../support/moto.js';

export const TEST_ACCOUNT_ID = '123456789012';

interface StackLike {
  middlewareStack: {
    add(
      mw: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

export interface HarnessOptions {
  region?: string;
  now?: Date;
  /** Operations (e.g. 'GetBucketPolicy') that fail with AccessDenied before reaching moto. */
  deny?: string[];
  /** Answers for operations moto lacks (e.g. ListCodeSigningConfigs), given instead of calling it. */
  fake?: (operation: string, input: Record<string, unknown>) => Record<string, unknown> | undefined;
}

export interface Harness {
  context(region?: string): CollectorContext;
  /** Runs a collector in `region` and remembers its records for later `ctx.dependency` calls. */
  run<K extends CollectorId>(collector: Collector<K>, region?: string): Promise<RecordKinds[K][]>;
  /** API calls so far, keyed by operation (e.g. 'GetBucketAcl'). */
  calls: Map<string, number>;
  fieldErrors: FieldError[];
  totalCalls(): number;
}

function accessDenied(operation: string): Error {
  const error = new Error(`User is not authorized to perform: ${operation}`);
  error.name = 'AccessDenied';
  Object.assign(error, { $metadata: { httpStatusCode: 403 } });
  return error;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const homeRegion = options.region ?? 'us-east-1';
  const now = options.now ?? new Date();
  const clients = new Map<string, unknown>();
  const calls = new Map<string, number>();
  const fieldErrors: FieldError[] = [];
  const records = new Map<CollectorId, { region: string }[]>();
  const limit = pLimit(8);
  const deny = new Set(options.deny ?? []);

  function clientIn<C>(ctor: AwsClientClass<C>, region: string): C {
    const key = `${ctor.name}|${region}`;
    const existing = clients.get(key);
    if (existing) return existing as C;
    const client = new ctor(motoClientConfig(region));
    (client as unknown as StackLike).middlewareStack.add(
      (next, context) => async (args) => {
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        calls.set(operation, (calls.get(operation) ?? 0) + 1);
        if (deny.has(operation)) throw accessDenied(operation);
        const fake = options.fake?.(operation, (args as { input: Record<string, unknown> }).input);
        if (fake) return { output: { $metadata: {}, ...fake }, response: {} };
        return await next(args);
      },
      { step: 'initialize', name: 'harnessCountAndDeny' },
    );
    clients.set(key, client);
    return client;
  }

  function context(region = homeRegion): CollectorContext {
    const clientRegion = region === 'global' ? homeRegion : region;
    return {
      region,
      accountId: TEST_ACCOUNT_ID,
      partition: 'aws',
      now,
      signal: new AbortController().signal,
      client: (ctor) => clientIn(ctor, clientRegion),
      clientIn,
      dependency: <K extends CollectorId>(id: K) =>
        (records.get(id) ?? []).filter(
          (r) => region === 'global' || r.region === region || r.region === 'global',
        ) as RecordKinds[K][],
      limit: (fn) => limit(fn),
      fieldError(error, operation) {
        const e = error as { name?: string; Code?: string; message?: string };
        const fieldError = {
          operation,
          code: e.name ?? e.Code ?? 'Error',
          message: e.message ?? String(error),
        };
        fieldErrors.push(fieldError);
        return fieldError;
      },
    };
  }

  return {
    context,
    async run(collector, region) {
      const ctx = context(region ?? (collector.scope === 'global' ? 'global' : homeRegion));
      const out: RecordKinds[typeof collector.id][] = [];
      for await (const record of collector.collect(ctx)) out.push(record);
      records.set(collector.id, [...(records.get(collector.id) ?? []), ...out]);
      return out;
    },
    calls,
    fieldErrors,
    totalCalls: () => [...calls.values()].reduce((a, b) => a + b, 0),
  };
}
