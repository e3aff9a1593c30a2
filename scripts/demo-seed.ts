/**
 * Seeds the AWS emulator with a realistic sample account for `npm run demo` and its smoke test:
 * every service has resources that pass and resources that fail the Service Advisor's checks,
 * in several regions, with CloudWatch metrics and Lambda REPORT log lines.
 */

import type { EmulatorTarget } from './demo-seed-aws.js';
import { seedEc2Region } from './demo-seed-ec2.js';
import { seedGuardrailsRegion } from './demo-seed-guardrails.js';
import { seedIam } from './demo-seed-iam.js';
import { seedIamAdditions } from './demo-seed-iam-additions.js';
import { seedMessagingRegion } from './demo-seed-messaging.js';
import { seedElbRegion, seedNetworkRegion } from './demo-seed-network.js';
import { seedLambdaRegion, seedRdsRegion, seedS3Region } from './demo-seed-services.js';
import { seedStoreRegion } from './demo-seed-store.js';

export const DEMO_ACCOUNT_ID = '123456789012';
export const DEMO_REGIONS = ['us-east-1', 'ap-northeast-2', 'eu-west-1'];
/** The role the demo console user connects with (the emulator does not enforce its trust policy). */
export const DEMO_ROLE_NAME = 'AgainConsoleReadOnly';

export interface DemoSeedOptions extends EmulatorTarget {
  regions?: string[];
  accountId?: string;
  now?: Date;
  /** Progress lines for the console (the demo prints them; tests leave them out). */
  log?: (message: string) => void;
}

export interface DemoSeedSummary {
  regions: string[];
  roleArn: string;
  seconds: number;
}

export async function seedDemoAccount(options: DemoSeedOptions): Promise<DemoSeedSummary> {
  const started = Date.now();
  const regions = options.regions ?? DEMO_REGIONS;
  const accountId = options.accountId ?? DEMO_ACCOUNT_ID;
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const target: EmulatorTarget = { endpoint: options.endpoint, credentials: options.credentials };

  log('IAM: users, groups, roles, password policy');
  await seedIam(target, DEMO_ROLE_NAME);
  await seedIamAdditions(target, accountId);
  // Regions one after another: the emulator has one core, and each region's first EC2 call is slow.
  for (const region of regions) {
    log(`${region}: EC2, EBS, security groups, Elastic IPs, AMIs, metrics`);
    await seedEc2Region(target, region, now);
    log(`${region}: S3, Lambda, RDS`);
    await seedS3Region(target, region, accountId);
    await seedLambdaRegion(target, region, accountId, now);
    await seedRdsRegion(target, region, now);
    log(`${region}: CloudWatch Logs, SNS, SQS`);
    await seedMessagingRegion(target, region);
    log(`${region}: CloudTrail, AWS Config, GuardDuty, CloudWatch alarms`);
    // The first region is the guarded home region; the others show what is missing.
    await seedGuardrailsRegion(target, region, accountId, region === regions[0]);
    log(`${region}: VPC, network ACLs, NAT gateways, load balancers`);
    const network = await seedNetworkRegion(target, region, now);
    await seedElbRegion(target, region, accountId, network, now);
    log(`${region}: ECR, Secrets Manager, ACM, KMS, DynamoDB, EFS`);
    await seedStoreRegion(target, region, now);
  }
  return {
    regions,
    roleArn: `arn:aws:iam::${accountId}:role/${DEMO_ROLE_NAME}`,
    seconds: (Date.now() - started) / 1000,
  };
}
