/**
 * Every service, in display order: the one list to extend when a service is added (one line
 * each). Everything else — service and collector ids, record kinds, inventory, diff, tables, IAM
 * policy, API enums, labels — is derived from these descriptors (src/core/catalog.ts).
 */

import { acm } from './acm.js';
import { cloudtrail } from './cloudtrail.js';
import { cloudwatch } from './cloudwatch.js';
import { config } from './config.js';
import { dynamodb } from './dynamodb.js';
import { ec2 } from './ec2.js';
import { ecr } from './ecr.js';
import { efs } from './efs.js';
import { elb } from './elb.js';
import { guardduty } from './guardduty.js';
import { iam } from './iam.js';
import { kms } from './kms.js';
import { lambda } from './lambda.js';
import { logs } from './logs.js';
import { rds } from './rds.js';
import { s3 } from './s3.js';
import { secretsmanager } from './secretsmanager.js';
import { sns } from './sns.js';
import { sqs } from './sqs.js';

export const SERVICE_DESCRIPTORS = [
  ec2,
  s3,
  lambda,
  rds,
  iam,
  logs,
  sns,
  sqs,
  cloudtrail,
  config,
  guardduty,
  cloudwatch,
  elb,
  kms,
  dynamodb,
  efs,
  ecr,
  secretsmanager,
  acm,
] as const;
