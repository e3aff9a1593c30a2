import { describe, expect, it } from 'vitest';
import { HOURS_PER_MONTH } from '../core/prices.js';
import { embeddedPriceBook, splitType } from './embedded.js';
import { EC2_US_EAST_1, PRICE_TABLE_DATE, PRICED_REGIONS, RDS_US_EAST_1 } from './embedded-table.js';

const book = embeddedPriceBook();

describe('embedded price table', () => {
  it('has the exact us-east-1 list prices named in CHECKS.md, dated', () => {
    expect(book.ebsGbMonth('us-east-1', 'gp2')?.usd).toBe(0.1);
    expect(book.ebsGbMonth('us-east-1', 'gp3')?.usd).toBe(0.08);
    expect(book.snapshotGbMonth('us-east-1')?.usd).toBe(0.05);
    expect(book.publicIpv4Hourly('us-east-1')?.usd).toBe(0.005);
    expect(book.ec2InstanceHourly('us-east-1', 'm5.large')?.usd).toBe(0.096);
    expect(book.ec2InstanceHourly('us-east-1', 't3.micro')?.usd).toBe(0.0104);
    expect(book.ec2InstanceHourly('us-east-1', 'm5.large')).toMatchObject({
      unit: 'hour',
      source: 'embedded',
      asOf: PRICE_TABLE_DATE,
      region: 'us-east-1',
    });
  });

  it('has the DynamoDB and Secrets Manager prices of CHECKS.md part 2, in their own units', () => {
    expect(book.dynamodbCapacityUnitHourly('us-east-1', 'read')).toMatchObject({
      usd: 0.00013,
      unit: 'RCU-hour',
    });
    expect(book.dynamodbCapacityUnitHourly('us-east-1', 'write')).toMatchObject({
      usd: 0.00065,
      unit: 'WCU-hour',
    });
    expect(book.secretsManagerSecretMonthly('us-east-1')).toMatchObject({ usd: 0.4, unit: 'secret-month' });
    // 10 RCU + 5 WCU for a 730-hour month: (10 × 0.00013 + 5 × 0.00065) × 730 = 3.32 USD.
    const read = book.dynamodbCapacityUnitHourly('us-east-1', 'read')?.usd ?? 0;
    const write = book.dynamodbCapacityUnitHourly('us-east-1', 'write')?.usd ?? 0;
    expect(Math.round((10 * read + 5 * write) * HOURS_PER_MONTH * 100) / 100).toBe(3.32);
    // No guessed figure where the table does not know the region's price.
    expect(book.dynamodbCapacityUnitHourly('ap-northeast-2', 'read')).toBeUndefined();
    expect(book.secretsManagerSecretMonthly('xx-nowhere-1')).toBeUndefined();
  });

  it('pins units: hourly × 730 = monthly, EBS per GB-month, IOPS per IOPS-month, Lambda per GB-second', () => {
    expect(HOURS_PER_MONTH).toBe(730);
    const m5 = book.ec2InstanceHourly('us-east-1', 'm5.large');
    expect(m5?.unit).toBe('hour');
    expect(Math.round((m5?.usd ?? 0) * HOURS_PER_MONTH * 100) / 100).toBe(70.08);
    expect(book.ebsGbMonth('us-east-1', 'io1')?.unit).toBe('GB-month');
    expect(book.ebsIopsMonth('us-east-1', 'io2')?.unit).toBe('IOPS-month');
    expect(book.ebsThroughputMonth('us-east-1', 'gp3')?.unit).toBe('MiBps-month');
    expect(book.lambdaGbSecond('us-east-1', 'x86_64')?.unit).toBe('GB-second');
    expect(book.lambdaGbSecond('us-east-1', 'arm64')?.usd).toBeLessThan(
      book.lambdaGbSecond('us-east-1', 'x86_64')?.usd ?? 0,
    );
  });

  it('covers every priced region for every table entry and type', () => {
    for (const region of PRICED_REGIONS) {
      for (const [family, sizes] of Object.entries(EC2_US_EAST_1)) {
        for (const size of Object.keys(sizes)) {
          expect(
            book.ec2InstanceHourly(region, `${family}.${size}`)?.usd,
            `${region} ${family}.${size}`,
          ).toBeGreaterThan(0);
        }
      }
      for (const type of ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']) {
        expect(book.ebsGbMonth(region, type)?.usd, `${region} ${type}`).toBeGreaterThan(0);
      }
      expect(book.snapshotGbMonth(region)?.usd).toBeGreaterThan(0);
      expect(book.publicIpv4Hourly(region)?.usd).toBe(0.005);
    }
    expect(Object.keys(RDS_US_EAST_1)).toEqual(
      expect.arrayContaining([
        'db.t2',
        'db.t3',
        'db.t4g',
        'db.m4',
        'db.m5',
        'db.m6g',
        'db.m6i',
        'db.r5',
        'db.r6g',
        'db.r6i',
      ]),
    );
  });

  it('prices Multi-AZ RDS at twice Single-AZ and refuses unpriced engines', () => {
    const single = book.rdsInstanceHourly('us-east-1', 'db.m5.large', 'mysql', false);
    const multi = book.rdsInstanceHourly('us-east-1', 'db.m5.large', 'mysql', true);
    expect(single?.usd).toBe(0.171);
    expect(multi?.usd).toBe(0.342);
    expect(book.rdsInstanceHourly('us-east-1', 'db.m5.large', 'oracle-ee', false)).toBeUndefined();
  });

  it('uses exact regional figures where known, multipliers otherwise, nothing outside the table', () => {
    expect(book.ec2InstanceHourly('ap-northeast-2', 'm5.large')?.usd).toBe(0.118);
    expect(book.ec2InstanceHourly('ap-northeast-2', 'm5.xlarge')?.usd).toBe(0.236); // 0.192 × 1.229
    expect(book.ec2InstanceHourly('us-east-1', 'm5.large', 'windows')).toBeUndefined();
    expect(book.ec2InstanceHourly('sa-east-1', 'm5.large')).toBeUndefined();
    expect(book.ec2InstanceHourly('us-east-1', 'nope')).toBeUndefined();
    expect(splitType('db.r5.large')).toEqual(['db.r5', 'large']);
  });
});
