/** The five CIS monitoring checks on small snapshots (one shared rule: src/checks/lib/trail-alarm.ts). */
import { describe, expect, it } from 'vitest';
import type { RecordKinds } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { trail } from '../testing-guardrails.js';
import consoleMfa from './cloudwatch-alarm-console-signin-without-mfa.js';
import iamPolicy from './cloudwatch-alarm-iam-policy-changes.js';
import rootUsage from './cloudwatch-alarm-root-usage.js';
import securityGroups from './cloudwatch-alarm-security-group-changes.js';
import unauthorized from './cloudwatch-alarm-unauthorized-api-calls.js';

const ACCOUNT = '123456789012';
const main = trail('main'); // log group "main" in us-east-1
const filter = (
  name: string,
  pattern: string,
  logGroupName = 'main',
): RecordKinds['cloudwatch.metric-filters'] => ({
  region: 'us-east-1',
  filterName: name,
  logGroupName,
  filterPattern: pattern,
  metricTransformations: [{ metricName: name, metricNamespace: 'CIS' }],
});
const alarm = (
  metric: string,
  actions = ['arn:aws:sns:us-east-1:123456789012:ops'],
): RecordKinds['cloudwatch.alarms'] => ({
  region: 'us-east-1',
  alarmName: `${metric}-alarm`,
  arn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:${metric}-alarm`,
  metricName: metric,
  namespace: 'CIS',
  alarmActions: actions,
});
const run = (
  check: typeof rootUsage,
  data: {
    trails?: RecordKinds['cloudtrail.trails'][];
    filters: RecordKinds['cloudwatch.metric-filters'][];
    alarms: RecordKinds['cloudwatch.alarms'][];
  },
) =>
  findingFor(
    evaluate(
      check,
      fixtureSnapshot({
        'cloudtrail.trails': data.trails ?? [main],
        'cloudwatch.metric-filters': data.filters,
        'cloudwatch.alarms': data.alarms,
      }),
    ),
    ACCOUNT,
  );

describe.each([
  [
    rootUsage,
    '{$.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent"}',
  ],
  [unauthorized, '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }'],
  [consoleMfa, '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'],
  [
    iamPolicy,
    '{($.eventName=DeleteGroupPolicy)||($.eventName=PutUserPolicy)||($.eventName=AttachRolePolicy)||($.eventName=DetachUserPolicy)}',
  ],
  [
    securityGroups,
    '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
  ],
])('%s', (check, pattern) => {
  it('passes with a matching filter (whitespace ignored) and an alarm with an action', () => {
    const f = run(check, { filters: [filter('m', pattern)], alarms: [alarm('m')] });
    expect(f).toMatchObject({ status: 'pass', region: 'global' });
  });

  it('fails without an alarm action, with a filter on another log group, or a filter missing a token', () => {
    expect(run(check, { filters: [filter('m', pattern)], alarms: [alarm('m', [])] }).status).toBe('fail');
    expect(run(check, { filters: [filter('m', pattern, 'other')], alarms: [alarm('m')] }).status).toBe(
      'fail',
    );
    const cut = pattern.slice(0, Math.floor(pattern.length / 2));
    expect(run(check, { filters: [filter('m', cut)], alarms: [alarm('m')] }).status).toBe('fail');
  });

  it('fails with "no multi-region trail sends to CloudWatch Logs" when none does', () => {
    const stopped = trail('main', { isLogging: false });
    const single = trail('main', { isMultiRegionTrail: false });
    for (const trails of [[stopped], [single], [trail('main', { cloudWatchLogsLogGroupArn: undefined })]]) {
      const f = run(check, { trails, filters: [filter('m', pattern)], alarms: [alarm('m')] });
      expect(f.status).toBe('fail');
      expect(f.message.en).toContain('No multi-region trail sends to CloudWatch Logs');
    }
  });
});
