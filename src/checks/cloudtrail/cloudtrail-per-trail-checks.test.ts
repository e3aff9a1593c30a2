/** The three per-trail settings checks: log file validation, KMS encryption, CloudWatch Logs. */
import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { trail } from '../testing-guardrails.js';
import cloudwatchLogs from './cloudtrail-cloudwatch-logs-integrated.js';
import kms from './cloudtrail-kms-encrypted.js';
import validation from './cloudtrail-log-file-validation-enabled.js';

const good = trail('good');
const bare = trail('bare', {
  region: 'eu-west-1',
  logFileValidationEnabled: false,
  kmsKeyId: undefined,
  cloudWatchLogsLogGroupArn: undefined,
});
const snapshot = fixtureSnapshot({ 'cloudtrail.trails': [good, bare] });

describe.each([
  ['cloudtrail-log-file-validation-enabled', validation, 'log file validation is off'],
  ['cloudtrail-kms-encrypted', kms, 'not encrypted with a KMS key'],
  ['cloudtrail-cloudwatch-logs-integrated', cloudwatchLogs, 'not sent to CloudWatch Logs'],
] as const)('%s', (_id, check, failText) => {
  it('passes the configured trail and fails the bare one, one finding per trail', () => {
    const findings = evaluate(check, snapshot);
    expect(findings).toHaveLength(2);
    expect(findingFor(findings, good.arn)).toMatchObject({ status: 'pass', resourceName: 'good' });
    const failed = findingFor(findings, bare.arn);
    expect(failed).toMatchObject({ status: 'fail', region: 'eu-west-1' });
    expect(failed.message.en).toContain(failText);
    expect(failed.message.ko).toContain('추적 bare');
  });

  it('is unknown in a region where trails could not be listed', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot(
        { 'cloudtrail.trails': [good] },
        {
          regions: ['us-east-1', 'eu-west-1'],
          failed: [{ collector: 'cloudtrail.trails', region: 'eu-west-1' }],
        },
      ),
    );
    expect(findingFor(findings, 'cloudtrail.trails@eu-west-1').status).toBe('unknown');
    expect(findingFor(findings, good.arn).status).toBe('pass');
  });
});
