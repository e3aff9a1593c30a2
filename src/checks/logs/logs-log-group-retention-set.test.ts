import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, logGroup } from '../testing.js';
import check from './logs-log-group-retention-set.js';

describe('logs-log-group-retention-set', () => {
  it('passes a group with a retention period and fails one that never expires', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'logs.log-groups': [logGroup('/app/kept', { retentionInDays: 30 }), logGroup('/app/forever')],
      }),
    );
    expect(findingFor(findings, '/app/kept').status).toBe('pass');
    expect(findingFor(findings, '/app/kept').message.ko).toContain('30일');
    expect(findingFor(findings, '/app/forever').status).toBe('fail');
  });

  it('is unknown where DescribeLogGroups failed', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot(
        { 'logs.log-groups': [] },
        { failed: [{ collector: 'logs.log-groups', region: 'us-east-1', code: 'AccessDeniedException' }] },
      ),
    );
    expect(findings.map((f) => f.status)).toEqual(['unknown']);
  });
});
