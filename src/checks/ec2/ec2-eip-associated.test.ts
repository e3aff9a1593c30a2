import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ec2-eip-associated.js';

describe('ec2-eip-associated', () => {
  it('fails unassociated addresses with 0.005 USD/h × 730 h = 3.65 USD a month', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ec2.addresses': [
          {
            region: 'us-east-1',
            allocationId: 'eipalloc-used',
            publicIp: '198.51.100.1',
            associationId: 'eipassoc-1',
            instanceId: 'i-1',
            tags: [],
          },
          { region: 'us-east-1', allocationId: 'eipalloc-free', publicIp: '198.51.100.2', tags: [] },
        ],
      }),
    );
    expect(findingFor(findings, 'eipalloc-used').status).toBe('pass');
    const free = findingFor(findings, 'eipalloc-free');
    expect(free.status).toBe('fail');
    expect(free.estimatedMonthlySavingsUsd).toBe(3.65);
    expect(free.savingsBasis?.en).toContain('0.005 USD/hour × 730 hours');
    expect(free.message.en).toContain('198.51.100.2');
  });
});
