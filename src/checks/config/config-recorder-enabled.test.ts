import { describe, expect, it } from 'vitest';
import type { RecordKinds } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './config-recorder-enabled.js';

type Recorder = RecordKinds['config.recorders'];
const recorder = (region: string, extra: Partial<Recorder> = {}): Recorder => ({
  region,
  name: 'default',
  allSupported: true,
  resourceTypes: [],
  recording: true,
  lastStatus: 'SUCCESS',
  ...extra,
});
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-2', 'us-west-2', 'eu-central-1', 'sa-east-1'];
const run = (recorders: Recorder[], failed: string[] = []) =>
  evaluate(
    check,
    fixtureSnapshot(
      { 'config.recorders': recorders },
      {
        regions: REGIONS,
        failed: failed.map((region) => ({ collector: 'config.recorders' as const, region })),
      },
    ),
  );

describe('config-recorder-enabled', () => {
  const findings = run([
    recorder('us-east-1'),
    recorder('eu-west-1', { allSupported: false, resourceTypes: ['AWS::EC2::Instance'] }),
    recorder('ap-northeast-2', { recording: false }),
    recorder('us-west-2', { lastStatus: 'FAILURE' }),
    recorder('eu-central-1', { allSupported: false, resourceTypes: [] }),
  ]);

  it('passes a recording recorder of all types or of a listed set, one finding per region', () => {
    expect(findings).toHaveLength(REGIONS.length);
    expect(findingFor(findings, 'config@us-east-1').status).toBe('pass');
    expect(findingFor(findings, 'config@eu-west-1').status).toBe('pass');
  });

  it('fails a stopped, failing or empty recorder and a region without one', () => {
    expect(findingFor(findings, 'config@ap-northeast-2').message.en).toContain('not recording');
    // Unit test only: the emulator never reports lastStatus FAILURE.
    expect(findingFor(findings, 'config@us-west-2').message.en).toContain('last status FAILURE');
    expect(findingFor(findings, 'config@eu-central-1').message.ko).toContain('기록할 리소스 유형 없음');
    const none = findingFor(findings, 'config@sa-east-1');
    expect(none).toMatchObject({ status: 'fail', region: 'sa-east-1' });
    expect(none.message.en).toContain('no AWS Config recorder');
    for (const region of ['ap-northeast-2', 'us-west-2', 'eu-central-1']) {
      expect(findingFor(findings, `config@${region}`).status).toBe('fail');
    }
  });

  it('is unknown (not fail) in a region where the recorders could not be read', () => {
    const partial = run([recorder('us-east-1')], ['sa-east-1']);
    expect(partial.filter((f) => f.region === 'sa-east-1').map((f) => f.status)).toEqual(['unknown']);
    expect(findingFor(partial, 'config@us-east-1').status).toBe('pass');
  });
});
