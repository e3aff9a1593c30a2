import type { FieldError, S3Bucket } from '../../core/records.js';
import { defineCollector } from '../types.js';
import { listBucketsWithRegions } from './bucket-regions.js';
import { fetchBucketSettings } from './bucket-settings.js';

/** Fields left unknown when a bucket's region could not be found (its settings calls would be misrouted). */
const SETTINGS_FIELDS = [
  'encryption',
  'publicAccessBlock',
  'policy',
  'aclGrants',
  'versioning',
  'lifecycleRules',
  'logging',
  'intelligentTieringConfigurations',
  'ownershipControls',
] as const;

export const s3Buckets = defineCollector({
  id: 's3.buckets',
  async *collect(ctx) {
    const { buckets, ownerId } = await listBucketsWithRegions(ctx);
    // Start every bucket now (ctx.limit bounds the calls in flight) and yield in listing order.
    // Promise.all, not one await per bucket: after a cancel (or a failure) the buckets not awaited
    // yet would reject with nobody listening — an unhandled rejection that ends the process.
    const pending = buckets.map(async (bucket): Promise<S3Bucket> => {
      const fieldErrors: Record<string, FieldError> = {};
      const base = {
        name: bucket.name,
        arn: `arn:${ctx.partition}:s3:::${bucket.name}`,
        ...(bucket.creationDate ? { creationDate: bucket.creationDate } : {}),
      };
      if (!bucket.region) {
        const reason = bucket.regionError ?? { operation: 'GetBucketLocation', code: 'Unknown', message: '' };
        for (const f of SETTINGS_FIELDS) fieldErrors[f] = reason;
        return { ...base, region: 'unknown', fieldErrors: { region: reason, ...fieldErrors } };
      }
      const settings = await fetchBucketSettings(ctx, bucket.name, bucket.region, ownerId, fieldErrors);
      return {
        ...base,
        region: bucket.region,
        ...settings,
        ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      };
    });
    yield* await Promise.all(pending);
  },
});
