import { describe, expect, it } from 'vitest';
import type { RecordKinds } from '../../core/records.js';
import { dailyPoints, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { natGateway } from '../testing-network.js';
import check from './ec2-nat-gateway-not-idle.js';

const metrics = (id: string, bytes: number[]): RecordKinds['ec2.nat-gateway-metrics'] => ({
  region: 'us-east-1',
  natGatewayId: id,
  bytesOutToDestinationDailySum: dailyPoints(bytes),
});

describe('ec2-nat-gateway-not-idle', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.nat-gateways': [
        natGateway('nat-idle'),
        natGateway('nat-busy'),
        natGateway('nat-old-traffic'),
        natGateway('nat-nodata'),
        natGateway('nat-deleted', { state: 'deleted' }),
      ],
      'ec2.nat-gateway-metrics': [
        metrics('nat-idle', Array(30).fill(0)),
        metrics('nat-busy', [...Array(29).fill(0), 1024]),
        metrics('nat-old-traffic', [5000, ...Array(30).fill(0)]),
        metrics('nat-nodata', []),
      ],
    }),
  );

  it('fails zero bytes over 30 days and saves 0.045 USD/hour × 730', () => {
    const idle = findingFor(findings, 'nat-idle');
    expect(idle.status).toBe('fail');
    expect(idle.estimatedMonthlySavingsUsd).toBeCloseTo(32.85, 2);
    expect(idle.savingsBasis?.en).toContain('0.045 USD per hour');
    expect(findingFor(findings, 'nat-old-traffic').status).toBe('fail'); // its traffic was 31 days ago
  });

  it('passes any traffic, is unknown without datapoints and skips gateways that are not available', () => {
    expect(findingFor(findings, 'nat-busy').status).toBe('pass');
    expect(findingFor(findings, 'nat-nodata').status).toBe('unknown');
    expect(findings.some((f) => f.resourceId === 'nat-deleted')).toBe(false);
  });
});
