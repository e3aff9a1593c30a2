import {
  DescribeBackupPolicyCommand,
  EFSClient,
  type FileSystemDescription,
  paginateDescribeFileSystems,
} from '@aws-sdk/client-efs';
import type { FieldError } from '../../core/records/common.js';
import type { EfsFileSystem } from '../../core/records/efs.js';
import { optionalField } from '../lib/optional-field.js';
import { toTags } from '../lib/tags.js';
import { defineCollector } from '../types.js';

/**
 * DescribeFileSystems (100 a page) carries encryption, name and tags; the backup policy exists
 * only per file system (DescribeBackupPolicy, no batch form), run under ctx.limit.
 */
export const efsFileSystems = defineCollector({
  id: 'efs.file-systems',
  async *collect(ctx) {
    const client = ctx.client(EFSClient);
    const fileSystems: FileSystemDescription[] = [];
    for await (const page of paginateDescribeFileSystems({ client, pageSize: 100 }, {})) {
      fileSystems.push(...(page.FileSystems ?? []));
    }
    const pending = fileSystems.map(async (fs): Promise<EfsFileSystem> => {
      const fieldErrors: Record<string, FieldError> = {};
      const fileSystemId = fs.FileSystemId ?? '';
      const status = await optionalField(ctx, fieldErrors, {
        field: 'backupPolicyStatus',
        operation: 'DescribeBackupPolicy',
        call: async () =>
          (
            await client.send(new DescribeBackupPolicyCommand({ FileSystemId: fileSystemId }), {
              abortSignal: ctx.signal,
            })
          ).BackupPolicy?.Status ?? null,
        notConfigured: ['PolicyNotFound'],
        empty: null,
      });
      return {
        region: ctx.region,
        fileSystemId,
        ...(fs.FileSystemArn ? { arn: fs.FileSystemArn } : {}),
        ...(fs.Name ? { name: fs.Name } : {}),
        encrypted: fs.Encrypted === true,
        ...(fs.KmsKeyId ? { kmsKeyId: fs.KmsKeyId } : {}),
        ...(fs.LifeCycleState ? { lifeCycleState: fs.LifeCycleState } : {}),
        ...(fs.PerformanceMode ? { performanceMode: fs.PerformanceMode } : {}),
        ...(fs.ThroughputMode ? { throughputMode: fs.ThroughputMode } : {}),
        ...(fs.SizeInBytes?.Value !== undefined ? { sizeInBytes: fs.SizeInBytes.Value } : {}),
        ...(fs.CreationTime ? { creationTime: fs.CreationTime.toISOString() } : {}),
        ...(status !== undefined ? { backupPolicyStatus: status } : {}),
        tags: toTags(fs.Tags),
        ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      };
    });
    for (const fs of pending) yield await fs;
  },
});
