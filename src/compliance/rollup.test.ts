import { describe, expect, it } from 'vitest';
import type { ComplianceMapping } from '../core/compliance.js';
import type { Finding } from '../core/findings.js';
import { controlStatus, rollUpCompliance } from './rollup.js';
import type { ComplianceFramework } from './types.js';

const framework: ComplianceFramework = {
  id: 'cis',
  name: { en: 'Test', ko: '테스트' },
  version: 'v0',
  sections: { '1': { en: 'One', ko: '하나' } },
  controls: ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'].map((id) => ({
    id,
    section: '1',
    title: { en: `Control ${id}`, ko: `통제 ${id}` },
  })),
};

const finding = (checkId: string, status: Finding['status'], resourceId: string): Finding => ({
  checkId,
  service: 'ec2',
  category: 'security',
  severity: 'high',
  status,
  region: 'us-east-1',
  resourceId,
  resourceName: `${resourceId}-name`,
  message: { en: '', ko: '' },
});

const mappings = new Map<string, ComplianceMapping>([
  ['check-a', { cis: ['1.1', '1.2', '1.3'] }],
  ['check-b', { cis: ['1.2'] }],
  ['check-c', { cis: ['1.3', '1.4'], fsbp: ['EC2.8'] }],
  ['check-d', { cis: ['1.5'] }],
  ['check-cost', { noneReason: 'cost' }],
]);

describe('compliance roll-up', () => {
  const rollup = rollUpCompliance({
    framework,
    mappings,
    executedCheckIds: new Set(['check-a', 'check-b', 'check-c', 'check-cost']),
    findings: [
      finding('check-a', 'pass', 'i-1'),
      finding('check-a', 'warning', 'i-2'),
      finding('check-b', 'fail', 'sg-1'),
      finding('check-b', 'pass', 'sg-2'),
      finding('check-c', 'unknown', 'vol-1'),
      finding('check-c', 'not_applicable', 'vol-2'),
      finding('check-cost', 'fail', 'i-9'),
    ],
  });
  const byId = new Map(rollup.controls.map((c) => [c.id, c]));

  it('passes a control whose checks all pass (warnings included)', () => {
    expect(byId.get('1.1')?.status).toBe('pass');
    expect(byId.get('1.1')?.checks).toEqual([
      { checkId: 'check-a', status: 'pass', passed: 2, failed: 0, unknown: 0, failedResources: [] },
    ]);
  });

  it('fails a control when any mapped check fails, listing the failing resources', () => {
    const control = byId.get('1.2');
    expect(control?.status).toBe('fail');
    expect(control?.checks.map((c) => [c.checkId, c.status])).toEqual([
      ['check-a', 'pass'],
      ['check-b', 'fail'],
    ]);
    expect(control?.failedResources).toEqual([
      { checkId: 'check-b', resourceId: 'sg-1', resourceName: 'sg-1-name', region: 'us-east-1' },
    ]);
  });

  it('is unknown when nothing failed but a check is unknown or was not run', () => {
    expect(byId.get('1.3')?.status).toBe('unknown');
    expect(byId.get('1.4')?.status).toBe('unknown');
    expect(byId.get('1.5')?.status).toBe('unknown');
    expect(byId.get('1.5')?.checks[0]?.status).toBe('not_run');
  });

  it('lists controls no check maps to as manual, and ignores checks mapped to other frameworks only', () => {
    expect(byId.get('1.6')).toMatchObject({ status: 'manual', checks: [], failedResources: [] });
    expect(rollup.controls.flatMap((c) => c.checks.map((k) => k.checkId))).not.toContain('check-cost');
  });

  it('counts statuses and the share of judged controls that pass', () => {
    expect(rollup.counts).toEqual({ pass: 1, fail: 1, unknown: 3, manual: 1 });
    expect(rollup.passShare).toBeCloseTo(1 / 5);
    expect(rollup.controls.map((c) => c.id)).toEqual(framework.controls.map((c) => c.id));
  });

  it('has no share when every control is manual', () => {
    const empty = rollUpCompliance({
      framework,
      mappings: new Map(),
      executedCheckIds: new Set(),
      findings: [],
    });
    expect(empty.passShare).toBeNull();
    expect(empty.counts.manual).toBe(6);
  });

  it('treats a check that ran and found no resources as passing', () => {
    expect(controlStatus([])).toBe('manual');
    const rolled = rollUpCompliance({
      framework,
      mappings: new Map([['check-d', { cis: ['1.5'] }]]),
      executedCheckIds: new Set(['check-d']),
      findings: [],
    });
    expect(rolled.controls.find((c) => c.id === '1.5')?.status).toBe('pass');
  });
});
