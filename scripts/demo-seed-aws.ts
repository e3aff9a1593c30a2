/**
 * Small seeding helpers shared by the demo (scripts/demo-seed.ts), its smoke test and the
 * collection benchmark (bench/collect.ts): emulator client options, buckets in any region,
 * batched metric writes and the emulator's backdate extension.
 */
import { CloudWatchClient, type MetricDatum, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { type BucketLocationConstraint, CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';

export interface EmulatorTarget {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** Options for any SDK v3 client against the emulator (path-style S3, a few retries). */
export function emulatorClientConfig(target: EmulatorTarget, region: string) {
  return {
    region,
    endpoint: target.endpoint,
    credentials: target.credentials,
    forcePathStyle: true,
    maxAttempts: 3,
  } as const;
}

/** The smallest valid zip archive (an empty one): the emulator stores it without running it. */
export const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

/** Runs `n` tasks with at most `concurrency` at once (the emulator serves ~600 requests/s). */
export function times<T>(n: number, fn: (i: number) => Promise<T>, concurrency = 16): Promise<T[]> {
  const limit = pLimit(concurrency);
  return Promise.all(Array.from({ length: n }, (_, i) => limit(() => fn(i))));
}

/** us-east-1 takes no LocationConstraint; every other region needs one. */
export async function createBucketIn(
  s3: S3Client,
  bucket: string,
  region: string,
  extra: { ACL?: 'public-read' } = {},
): Promise<void> {
  await s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      ...extra,
      ...(region === 'us-east-1'
        ? {}
        : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
    }),
  );
}

/** PutMetricData in batches of 1,000 (AWS's limit), uncompressed (the emulator un-gzips twice). */
export async function putMetrics(
  target: EmulatorTarget,
  region: string,
  namespace: string,
  datums: MetricDatum[],
): Promise<void> {
  const cw = new CloudWatchClient({
    ...emulatorClientConfig(target, region),
    disableRequestCompression: true,
  });
  const batches: MetricDatum[][] = [];
  for (let i = 0; i < datums.length; i += 1000) batches.push(datums.slice(i, i + 1000));
  await times(batches.length, (i) =>
    cw.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: batches[i] })),
  );
  cw.destroy();
}

export type BackdateKind = 'instance' | 'volume' | 'snapshot' | 'access-key';

/**
 * Moves a launch/create date `days` into the past through test/support/moto_server.py's
 * POST /_test/backdate (the AWS API cannot set those dates; age-based checks need them).
 */
export async function backdate(
  target: EmulatorTarget,
  body: { kind: BackdateKind; id: string; days: number; region?: string },
): Promise<void> {
  const res = await fetch(`${target.endpoint}/_test/backdate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`backdate ${body.kind} ${body.id}: ${res.status} ${await res.text()}`);
}
