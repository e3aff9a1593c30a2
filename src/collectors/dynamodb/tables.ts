import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  paginateListTables,
} from '@aws-sdk/client-dynamodb';
import type { FieldError } from '../../core/records/common.js';
import type { DynamodbTable } from '../../core/records/dynamodb.js';
import { optionalField } from '../lib/optional-field.js';
import { defineCollector } from '../types.js';

/** Fields only DescribeTable answers: a failure marks each of them. */
const DESCRIBED_FIELDS = ['billingMode', 'deletionProtectionEnabled', 'sseType', 'readCapacityUnits'];

/**
 * ListTables (100 names a page) returns names only; billing, capacity, deletion protection and
 * encryption exist only in DescribeTable, and point-in-time recovery only in
 * DescribeContinuousBackups — both per table with no batch form, run under ctx.limit.
 */
export const dynamodbTables = defineCollector({
  id: 'dynamodb.tables',
  async *collect(ctx) {
    const client = ctx.client(DynamoDBClient);
    const names: string[] = [];
    for await (const page of paginateListTables({ client, pageSize: 100 }, {}))
      names.push(...(page.TableNames ?? []));
    const send = { abortSignal: ctx.signal };
    const pending = names.map(async (tableName): Promise<DynamodbTable> => {
      const fieldErrors: Record<string, FieldError> = {};
      const [table, backups] = await Promise.all([
        optionalField(ctx, fieldErrors, {
          field: 'tableArn',
          operation: 'DescribeTable',
          call: async () =>
            (await client.send(new DescribeTableCommand({ TableName: tableName }), send)).Table,
        }),
        optionalField(ctx, fieldErrors, {
          field: 'pointInTimeRecoveryStatus',
          operation: 'DescribeContinuousBackups',
          call: async () =>
            (await client.send(new DescribeContinuousBackupsCommand({ TableName: tableName }), send))
              .ContinuousBackupsDescription,
        }),
      ]);
      const describeError = fieldErrors.tableArn;
      if (describeError) for (const field of DESCRIBED_FIELDS) fieldErrors[field] = describeError;
      const pitr = backups?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
      const throughput = table?.ProvisionedThroughput;
      return {
        region: ctx.region,
        tableName,
        ...(table
          ? {
              ...(table.TableArn ? { tableArn: table.TableArn } : {}),
              ...(table.TableStatus ? { tableStatus: table.TableStatus } : {}),
              // AWS omits BillingModeSummary for tables that were always provisioned.
              billingMode: table.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
              ...(throughput?.ReadCapacityUnits !== undefined
                ? { readCapacityUnits: throughput.ReadCapacityUnits }
                : {}),
              ...(throughput?.WriteCapacityUnits !== undefined
                ? { writeCapacityUnits: throughput.WriteCapacityUnits }
                : {}),
              deletionProtectionEnabled: table.DeletionProtectionEnabled === true,
              sseType: table.SSEDescription?.SSEType ?? null,
              ...(table.SSEDescription?.KMSMasterKeyArn
                ? { kmsMasterKeyArn: table.SSEDescription.KMSMasterKeyArn }
                : {}),
              ...(table.ItemCount !== undefined ? { itemCount: table.ItemCount } : {}),
              ...(table.TableSizeBytes !== undefined ? { tableSizeBytes: table.TableSizeBytes } : {}),
              ...(table.CreationDateTime ? { creationDateTime: table.CreationDateTime.toISOString() } : {}),
            }
          : {}),
        ...(backups ? { pointInTimeRecoveryStatus: pitr ?? 'DISABLED' } : {}),
        ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      };
    });
    for (const table of pending) yield await table;
  },
});
