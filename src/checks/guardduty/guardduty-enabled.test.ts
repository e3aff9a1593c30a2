import { describe, expect, it } from 'vitest';
import type { RecordKinds } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './guardduty-enabled.js';

type Detector = RecordKinds['guardduty.detectors'];
const detector = (region: string, status?: string, extra: Partial<Detector> = {}): Detector => ({
  region,
  detectorId: `d-${region}`,
  ...(status ? { status } : {}),
  ...extra,
});
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-2', 'us-west-2'];
const run = (detectors: Detector[], failed: string[] = []) =>
  evaluate(
    check,
    fixtureSnapshot(
      { 'guardduty.detectors': detectors },
      {
        regions: REGIONS,
        failed: failed.map((region) => ({ collector: 'guardduty.detectors' as const, region })),
      },
    ),
  );

describe('guardduty-enabled', () => {
  it('passes an enabled detector and fails a disabled one or none, per region', () => {
    const findings = run([detector('us-east-1', 'ENABLED'), detector('eu-west-1', 'DISABLED')]);
    expect(
      findings.filter((f) => f.checkId === check.id && f.resourceId.startsWith('guardduty@')),
    ).toHaveLength(REGIONS.length);
    expect(findingFor(findings, 'guardduty@us-east-1').status).toBe('pass');
    expect(findingFor(findings, 'guardduty@eu-west-1')).toMatchObject({ status: 'fail' });
    expect(findingFor(findings, 'guardduty@eu-west-1').message.en).toContain('DISABLED');
    expect(findingFor(findings, 'guardduty@ap-northeast-2').message.en).toContain('no detector');
  });

  it('is unknown where detectors could not be listed or a detector could not be read', () => {
    const unread = detector('us-west-2', undefined, {
      fieldErrors: { status: { operation: 'GetDetector', code: 'AccessDenied', message: 'no' } },
    });
    const findings = run([detector('us-east-1', 'ENABLED'), unread], ['eu-west-1']);
    expect(findings.filter((f) => f.region === 'eu-west-1').map((f) => f.status)).toEqual(['unknown']);
    expect(findings.filter((f) => f.region === 'us-west-2').map((f) => f.status)).toEqual(['unknown']);
  });
});
