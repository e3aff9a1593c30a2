import { allChecks } from '../../src/checks/registry.js';
import type { Finding } from '../../src/core/findings.js';

/** A finding of a registered check, in us-east-1. */
export function findingOf(checkId: string, status: Finding['status'], resourceId: string): Finding {
  const check = allChecks.find((c) => c.id === checkId);
  if (!check) throw new Error(`no check ${checkId}`);
  return {
    checkId,
    service: check.service,
    category: check.category,
    severity: check.severity,
    status,
    region: 'us-east-1',
    resourceId,
    resourceName: `${resourceId}-name`,
    message: { en: `${resourceId} ${status}`, ko: `${resourceId} ${status}` },
  };
}

/** An older run with an IMDSv1 instance and a public bucket; a newer one where both are fixed. */
export const OLDER_RUN: Finding[] = [
  findingOf('ec2-instance-imdsv2-required', 'fail', 'i-legacy'),
  findingOf('ec2-instance-imdsv2-required', 'pass', 'i-good'),
  findingOf('s3-bucket-secure-transport', 'fail', 'open-bucket'),
  findingOf('iam-root-mfa-enabled', 'pass', '123456789012'),
];
export const NEWER_RUN: Finding[] = [
  findingOf('ec2-instance-imdsv2-required', 'pass', 'i-legacy'),
  findingOf('ec2-instance-imdsv2-required', 'pass', 'i-good'),
  findingOf('s3-bucket-secure-transport', 'pass', 'open-bucket'),
  findingOf('iam-root-mfa-enabled', 'unknown', '123456789012'),
];
