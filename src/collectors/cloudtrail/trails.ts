import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  type GetEventSelectorsCommandOutput,
  GetTrailStatusCommand,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import type { CloudTrailTrail } from '../../core/records/cloudtrail.js';
import type { FieldError } from '../../core/records/common.js';
import { optionalField } from '../lib/optional-field.js';
import type { CollectorContext } from '../types.js';
import { defineCollector } from '../types.js';

type Selectors = Pick<CloudTrailTrail, 'eventSelectors' | 'advancedEventSelectors'>;

function selectorsOf(answer: GetEventSelectorsCommandOutput): Selectors {
  return {
    eventSelectors: (answer.EventSelectors ?? []).map((s) => ({
      ...(s.ReadWriteType ? { readWriteType: s.ReadWriteType } : {}),
      ...(s.IncludeManagementEvents !== undefined
        ? { includeManagementEvents: s.IncludeManagementEvents }
        : {}),
    })),
    advancedEventSelectors: (answer.AdvancedEventSelectors ?? []).map((s) => ({
      ...(s.Name ? { name: s.Name } : {}),
      fieldSelectors: (s.FieldSelectors ?? []).map((f) => ({
        field: f.Field ?? '',
        ...(f.Equals ? { equals: f.Equals } : {}),
        ...(f.NotEquals ? { notEquals: f.NotEquals } : {}),
      })),
    })),
  };
}

async function trailRecord(
  ctx: CollectorContext,
  client: CloudTrailClient,
  trail: Trail,
): Promise<CloudTrailTrail> {
  const arn = trail.TrailARN ?? '';
  const fieldErrors: Record<string, FieldError> = {};
  const options = { abortSignal: ctx.signal };
  const isLogging = await optionalField(ctx, fieldErrors, {
    field: 'isLogging',
    operation: 'GetTrailStatus',
    call: async () =>
      (await client.send(new GetTrailStatusCommand({ Name: arn }), options)).IsLogging === true,
  });
  const selectors = await optionalField(ctx, fieldErrors, {
    field: 'eventSelectors',
    operation: 'GetEventSelectors',
    call: async () =>
      selectorsOf(await client.send(new GetEventSelectorsCommand({ TrailName: arn }), options)),
  });
  return {
    region: ctx.region,
    name: trail.Name ?? '',
    arn,
    homeRegion: trail.HomeRegion ?? ctx.region,
    isMultiRegionTrail: trail.IsMultiRegionTrail === true,
    isOrganizationTrail: trail.IsOrganizationTrail === true,
    ...(trail.S3BucketName ? { s3BucketName: trail.S3BucketName } : {}),
    logFileValidationEnabled: trail.LogFileValidationEnabled === true,
    ...(trail.KmsKeyId ? { kmsKeyId: trail.KmsKeyId } : {}),
    ...(trail.CloudWatchLogsLogGroupArn
      ? { cloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn }
      : {}),
    ...(isLogging !== undefined ? { isLogging } : {}),
    ...(selectors ?? {}),
    ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
  };
}

/**
 * The trails whose home region is this region. Without shadow trails, a multi-region trail is
 * listed only in its home region, so it is one record, and its status and event selectors are
 * read there (AWS answers GetEventSelectors for a multi-region trail only in its home region).
 * DescribeTrails has no pages (one call per region); AWS has no batch form of GetTrailStatus or
 * GetEventSelectors, so each is one bounded call per trail.
 */
export const cloudTrailTrails = defineCollector({
  id: 'cloudtrail.trails',
  async *collect(ctx) {
    const client = ctx.client(CloudTrailClient);
    const answer = await client.send(new DescribeTrailsCommand({ includeShadowTrails: false }), {
      abortSignal: ctx.signal,
    });
    const own = (answer.trailList ?? []).filter((t) => (t.HomeRegion ?? ctx.region) === ctx.region);
    const pending = own.map((trail) => trailRecord(ctx, client, trail));
    for (const record of pending) yield await record;
  },
});
