/**
 * Lists every bucket with its region using as few calls as possible: ListBuckets (paged) carries
 * `BucketRegion` on AWS; when it is missing (older endpoints, the emulator) one region-filtered
 * ListBuckets per candidate region is cheaper than one GetBucketLocation per bucket, and
 * GetBucketLocation only answers for what is still unknown.
 */
import { GetBucketLocationCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import type { FieldError } from '../../core/records.js';
import { DEFAULT_REGIONS } from '../../core/services.js';
import type { CollectorContext } from '../types.js';

export interface ListedBucket {
  name: string;
  creationDate?: string;
  /** Undefined when the region could not be found out; `regionError` says why. */
  region?: string;
  regionError?: FieldError;
}

export interface BucketListing {
  buckets: ListedBucket[];
  ownerId?: string;
}

/** AWS's largest page: the emulator ignores continuation tokens, so one page must hold everything. */
const MAX_BUCKETS_PER_PAGE = 10_000;

/** GetBucketLocation's LocationConstraint → region: empty means us-east-1, "EU" the old eu-west-1 alias. */
export function normalizeBucketRegion(constraint: string | undefined | null): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

async function listPages(
  ctx: CollectorContext,
  bucketRegion?: string,
): Promise<{ buckets: ListedBucket[]; ownerId?: string }> {
  const s3 = ctx.client(S3Client);
  const buckets: ListedBucket[] = [];
  let ownerId: string | undefined;
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListBucketsCommand({
        MaxBuckets: MAX_BUCKETS_PER_PAGE,
        ContinuationToken: token,
        ...(bucketRegion ? { BucketRegion: bucketRegion } : {}),
      }),
      { abortSignal: ctx.signal },
    );
    ownerId ??= page.Owner?.ID;
    for (const b of page.Buckets ?? []) {
      if (!b.Name) continue;
      buckets.push({
        name: b.Name,
        creationDate: b.CreationDate?.toISOString(),
        region: b.BucketRegion ?? bucketRegion,
      });
    }
    token = page.ContinuationToken;
  } while (token);
  return { buckets, ownerId };
}

export async function listBucketsWithRegions(ctx: CollectorContext): Promise<BucketListing> {
  const { buckets, ownerId } = await listPages(ctx);
  let unknown = buckets.filter((b) => !b.region);
  if (unknown.length > DEFAULT_REGIONS.length) {
    const byName = new Map(unknown.map((b) => [b.name, b]));
    await Promise.all(
      DEFAULT_REGIONS.map((region) =>
        ctx.limit(async () => {
          // A failed filtered listing only costs the savings: GetBucketLocation covers what is left.
          const found = await listPages(ctx, region).catch(() => ({ buckets: [] }));
          for (const b of found.buckets) {
            const target = byName.get(b.name);
            if (target) target.region = region;
          }
        }),
      ),
    );
    unknown = buckets.filter((b) => !b.region);
  }
  const s3 = ctx.client(S3Client);
  await Promise.all(
    unknown.map(async (bucket) => {
      try {
        const answer = await ctx.limit(() =>
          s3.send(new GetBucketLocationCommand({ Bucket: bucket.name }), { abortSignal: ctx.signal }),
        );
        bucket.region = normalizeBucketRegion(answer.LocationConstraint);
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        bucket.regionError = ctx.fieldError(error, 'GetBucketLocation');
      }
    }),
  );
  return { buckets, ownerId };
}
