import {
  type DBSnapshot,
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBSnapshots,
  RDSClient,
} from '@aws-sdk/client-rds';
import type { FieldError, RdsSnapshot } from '../../core/records.js';
import { optionalField } from '../lib/optional-field.js';
import { defineCollector } from '../types.js';

/**
 * The account's own DB snapshots, automated and manual (AWS Backup ones too; not those shared
 * with it). Manual snapshots carry their `restore` attribute (who may restore them; "all" =
 * public); automated ones cannot be shared, so they skip that call. AWS has no batch form of
 * DescribeDBSnapshotAttributes, so it is one bounded call per manual snapshot.
 */
export const rdsSnapshots = defineCollector({
  id: 'rds.snapshots',
  async *collect(ctx) {
    const client = ctx.client(RDSClient);
    const snapshots: DBSnapshot[] = [];
    const pages = paginateDescribeDBSnapshots({ client, pageSize: 100 }, {});
    for await (const page of pages) snapshots.push(...(page.DBSnapshots ?? []));

    const pending = snapshots.map(async (s): Promise<RdsSnapshot> => {
      const id = s.DBSnapshotIdentifier ?? '';
      const fieldErrors: Record<string, FieldError> = {};
      const restoreAttribute =
        s.SnapshotType !== 'manual'
          ? undefined
          : await optionalField(ctx, fieldErrors, {
              field: 'restoreAttribute',
              operation: 'DescribeDBSnapshotAttributes',
              call: async () => {
                const answer = await client.send(
                  new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: id }),
                  {
                    abortSignal: ctx.signal,
                  },
                );
                const attributes = answer.DBSnapshotAttributesResult?.DBSnapshotAttributes ?? [];
                return attributes.find((a) => a.AttributeName === 'restore')?.AttributeValues ?? [];
              },
            });
      return {
        region: ctx.region,
        dbSnapshotIdentifier: id,
        arn: s.DBSnapshotArn ?? '',
        ...(s.DBInstanceIdentifier ? { dbInstanceIdentifier: s.DBInstanceIdentifier } : {}),
        ...(s.SnapshotType ? { snapshotType: s.SnapshotType } : {}),
        ...(s.SnapshotCreateTime ? { snapshotCreateTime: s.SnapshotCreateTime.toISOString() } : {}),
        ...(s.AllocatedStorage !== undefined ? { allocatedStorageGiB: s.AllocatedStorage } : {}),
        encrypted: s.Encrypted === true,
        ...(restoreAttribute ? { restoreAttribute } : {}),
        ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      };
    });
    for (const record of pending) yield await record;
  },
});
