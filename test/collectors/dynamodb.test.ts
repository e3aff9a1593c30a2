import { DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { provisionedTable } from '../../scripts/demo-seed-store.js';
import { dynamodbTables } from '../../src/collectors/dynamodb/tables.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness } from './harness.js';

/** One more than a ListTables page (100). */
const MANY = 101;

describe('dynamodb collector', () => {
  beforeAll(async () => {
    await resetMoto();
    const east = new DynamoDBClient(motoClientConfig('us-east-1'));
    await east.send(
      provisionedTable('orders', {
        DeletionProtectionEnabled: true,
        SSESpecification: { Enabled: true, SSEType: 'KMS' },
      }),
    );
    await east.send(
      new UpdateContinuousBackupsCommand({
        TableName: 'orders',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    );
    await east.send(provisionedTable('sessions'));
    const west = new DynamoDBClient(motoClientConfig('eu-west-1'));
    for (let i = 0; i < MANY; i += 1) await west.send(provisionedTable(`bulk-${i}`));
  });

  it('collects billing, capacity, deletion protection, encryption and point-in-time recovery', async () => {
    const harness = createHarness();
    const tables = await harness.run(dynamodbTables, 'us-east-1');
    const byName = new Map(tables.map((t) => [t.tableName, t]));
    expect([...byName.keys()].sort()).toEqual(['orders', 'sessions']);
    expect(byName.get('orders')).toMatchObject({
      region: 'us-east-1',
      billingMode: 'PROVISIONED',
      readCapacityUnits: 10,
      writeCapacityUnits: 5,
      deletionProtectionEnabled: true,
      sseType: 'KMS',
      pointInTimeRecoveryStatus: 'ENABLED',
    });
    expect(byName.get('orders')?.tableArn).toMatch(/^arn:aws:dynamodb:us-east-1:\d{12}:table\/orders$/);
    expect(byName.get('sessions')).toMatchObject({
      deletionProtectionEnabled: false,
      sseType: null,
      pointInTimeRecoveryStatus: 'DISABLED',
    });
    expect(tables.every((t) => t.fieldErrors === undefined)).toBe(true);
  });

  it('pages ListTables in its own region and makes two calls per table (no batch form exists)', async () => {
    const harness = createHarness();
    const tables = await harness.run(dynamodbTables, 'eu-west-1');
    expect(tables).toHaveLength(MANY);
    expect(tables.every((t) => t.region === 'eu-west-1')).toBe(true);
    expect(harness.calls.get('ListTables')).toBe(2);
    expect(harness.calls.get('DescribeTable')).toBe(MANY);
    expect(harness.calls.get('DescribeContinuousBackups')).toBe(MANY);
  });

  it('marks only point-in-time recovery when DescribeContinuousBackups is denied', async () => {
    const harness = createHarness({ deny: ['DescribeContinuousBackups'] });
    const orders = (await harness.run(dynamodbTables, 'us-east-1')).find((t) => t.tableName === 'orders');
    expect(orders?.pointInTimeRecoveryStatus).toBeUndefined();
    expect(orders?.fieldErrors?.pointInTimeRecoveryStatus?.code).toBe('AccessDenied');
    expect(orders?.deletionProtectionEnabled).toBe(true);
  });

  it('marks every described field when DescribeTable is denied, keeping the table', async () => {
    const harness = createHarness({ deny: ['DescribeTable'] });
    const tables = await harness.run(dynamodbTables, 'us-east-1');
    expect(tables).toHaveLength(2);
    for (const field of [
      'tableArn',
      'billingMode',
      'deletionProtectionEnabled',
      'sseType',
      'readCapacityUnits',
    ])
      expect(tables[0]?.fieldErrors?.[field]?.operation, field).toBe('DescribeTable');
    expect(tables[0]?.deletionProtectionEnabled).toBeUndefined();
  });
});
