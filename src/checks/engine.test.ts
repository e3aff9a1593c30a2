import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../core/records.js';
import { embeddedPriceBook } from '../pricing/embedded.js';
import { InvalidCheckSettingsError, runChecks, UnknownCheckError } from './engine.js';
import { evaluate, fixtureSnapshot } from './testing.js';
import { defineCheck } from './types.js';

function instance(id: string, region: string, extra: Partial<Ec2Instance> = {}): Ec2Instance {
  return {
    instanceId: id,
    arn: `arn:aws:ec2:${region}:123456789012:instance/${id}`,
    instanceType: 't3.micro',
    state: 'running',
    region,
    tags: [],
    securityGroupIds: [],
    volumeIds: [],
    ...extra,
  };
}

/** A toy check: fails instances whose type is in the setting-controlled "bad" size. */
const toyCheck = defineCheck({
  id: 'ec2-toy-check',
  service: 'ec2',
  category: 'operational',
  severity: 'low',
  title: { en: 'Toy', ko: '장난감' },
  failureLabel: { en: 'Toy failures', ko: '장난감 실패' },
  description: { en: 'Toy', ko: '장난감' },
  remediation: { why: { en: 'None', ko: '없음' }, steps: { en: [], ko: [] }, commands: [] },
  docs: [],
  requires: ['ec2.instances', 'ec2.instance-metrics'],
  requiresFields: { 'ec2.instances': ['disableApiTermination'] },
  settings: { limit: { default: 5, min: 1, max: 10, description: { en: 'limit', ko: '한도' } } },
  evaluate: (ctx) =>
    ctx.records('ec2.instances').map((i) => {
      if (i.instanceId === 'i-boom') throw new Error('boom');
      return {
        resourceId: i.instanceId,
        region: i.region,
        status: i.tags.length > ctx.settings.limit ? 'fail' : 'pass',
        message: { en: `limit ${ctx.settings.limit}`, ko: `한도 ${ctx.settings.limit}` },
      };
    }),
});

const tags = (n: number) => Array.from({ length: n }, (_, k) => ({ key: `k${k}`, value: 'v' }));

describe('engine', () => {
  it('evaluates every record of good regions, passes included, with user settings', () => {
    const snapshot = fixtureSnapshot({
      'ec2.instances': [instance('i-1', 'us-east-1', { tags: tags(3) }), instance('i-2', 'eu-west-1')],
      'ec2.instance-metrics': [],
    });
    const findings = evaluate(toyCheck, snapshot, { limit: 2 });
    expect(findings.map((f) => [f.resourceId, f.status])).toEqual([
      ['i-1', 'fail'],
      ['i-2', 'pass'],
    ]);
    expect(findings[0]).toMatchObject({ checkId: 'ec2-toy-check', service: 'ec2', severity: 'low' });
    expect(evaluate(toyCheck, snapshot).map((f) => f.status)).toEqual(['pass', 'pass']);
  });

  it('turns a failed collector region into one unknown finding and hides that region', () => {
    const snapshot = fixtureSnapshot(
      {
        'ec2.instances': [instance('i-1', 'us-east-1'), instance('i-2', 'eu-west-1')],
        'ec2.instance-metrics': [],
      },
      {
        failed: [
          {
            collector: 'ec2.instances',
            region: 'eu-west-1',
            operation: 'DescribeInstances',
            code: 'UnauthorizedOperation',
          },
        ],
      },
    );
    const findings = evaluate(toyCheck, snapshot);
    expect(findings).toHaveLength(2);
    const unknown = findings.find((f) => f.status === 'unknown');
    expect(unknown).toMatchObject({ resourceId: 'ec2.instances@eu-west-1', region: 'eu-west-1' });
    expect(unknown?.message.en).toContain('DescribeInstances');
    expect(unknown?.message.en).toContain('UnauthorizedOperation');
    expect(unknown?.message.ko).toContain('UnauthorizedOperation');
    expect(findings.find((f) => f.resourceId === 'i-2')).toBeUndefined();
  });

  it('makes every judged resource unknown where only a dependency was not collected, never pass', () => {
    const snapshot = fixtureSnapshot({ 'ec2.instances': [instance('i-1', 'us-east-1')] });
    const findings = evaluate(toyCheck, snapshot);
    expect(findings).toEqual([expect.objectContaining({ status: 'unknown', resourceId: 'i-1' })]);
    expect(findings[0]?.message.en).toContain('ec2.instance-metrics was not collected in us-east-1');
  });

  it('makes resources unknown one by one, naming the call, where a dependency failed in their region', () => {
    const snapshot = fixtureSnapshot(
      {
        'ec2.instances': [
          instance('i-1', 'us-east-1'),
          instance('i-2', 'us-east-1'),
          instance('i-3', 'eu-west-1'),
        ],
        'ec2.instance-metrics': [],
      },
      {
        failed: [
          {
            collector: 'ec2.instance-metrics',
            region: 'us-east-1',
            operation: 'GetMetricData',
            code: 'AccessDenied',
          },
        ],
      },
    );
    const findings = evaluate(toyCheck, snapshot);
    expect(findings.map((f) => [f.resourceId, f.status])).toEqual([
      ['i-1', 'unknown'],
      ['i-2', 'unknown'],
      ['i-3', 'pass'],
    ]);
    expect(findings[0]?.message.en).toMatch(/^Could not evaluate i-1: .*GetMetricData returned AccessDenied/);
    expect(findings[0]?.message.ko).toContain('GetMetricData 호출이 AccessDenied 오류를 반환했습니다');
    // No per-region line: the instances themselves were listed.
    expect(findings.some((f) => f.resourceId.includes('@'))).toBe(false);
  });

  it('makes a record with an error in a required field unknown for that resource only', () => {
    const broken = instance('i-2', 'us-east-1', {
      fieldErrors: {
        disableApiTermination: {
          operation: 'DescribeInstanceAttribute',
          code: 'AccessDenied',
          message: 'no',
        },
      },
    });
    const snapshot = fixtureSnapshot({
      'ec2.instances': [instance('i-1', 'us-east-1'), broken],
      'ec2.instance-metrics': [],
    });
    const findings = evaluate(toyCheck, snapshot);
    expect(findings.map((f) => [f.resourceId, f.status])).toEqual([
      ['i-1', 'pass'],
      ['i-2', 'unknown'],
    ]);
    expect(findings[1]?.message.en).toContain('DescribeInstanceAttribute');
    expect(findings[1]?.resourceArn).toBe(broken.arn);
  });

  it('turns an exception in a check into an unknown finding instead of crashing the run', () => {
    const snapshot = fixtureSnapshot({
      'ec2.instances': [instance('i-boom', 'us-east-1')],
      'ec2.instance-metrics': [],
    });
    const findings = runChecks({ snapshot, prices: embeddedPriceBook(), checks: [toyCheck, toyCheck] });
    expect(findings).toHaveLength(2);
    expect(findings.every((f) => f.status === 'unknown' && f.message.en.includes('boom'))).toBe(true);
  });

  it('rejects out-of-range, unknown and non-numeric overrides with a clear error', () => {
    const snapshot = fixtureSnapshot({ 'ec2.instances': [], 'ec2.instance-metrics': [] });
    const run = (settings: Record<string, Record<string, number>>) => () =>
      runChecks({ snapshot, prices: embeddedPriceBook(), checks: [toyCheck], settings });
    expect(run({ 'ec2-toy-check': { limit: 11 } })).toThrow(/above the maximum 10/);
    expect(run({ 'ec2-toy-check': { limit: 0 } })).toThrow(InvalidCheckSettingsError);
    expect(run({ 'ec2-toy-check': { nope: 1 } })).toThrow(/not a setting/);
    expect(run({ 'ec2-toy-check': { limit: Number.NaN } })).toThrow(/finite number/);
    expect(run({ 'no-such-check': { limit: 1 } })).toThrow(/not a known check/);
  });

  it('selects by service and check id, and refuses unknown ids', () => {
    const snapshot = fixtureSnapshot({
      'ec2.instances': [instance('i-1', 'us-east-1')],
      'ec2.instance-metrics': [],
    });
    const base = { snapshot, prices: embeddedPriceBook(), checks: [toyCheck] };
    expect(runChecks({ ...base, services: ['s3'] })).toEqual([]);
    expect(runChecks({ ...base, checkIds: ['ec2-toy-check'] })).toHaveLength(1);
    expect(() => runChecks({ ...base, checkIds: ['ec2-nope'] })).toThrow(UnknownCheckError);
  });
});
