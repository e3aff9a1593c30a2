/**
 * Two member accounts of an organization, seeded differently and each evaluated by its own advisor
 * run (S3 only, one region): prod-web (OU /Production/Web/) has two buckets, sandbox-one (OU
 * /Sandbox/) has one. What the account-scope tests read.
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import { startRun, waitForRun } from '../advisor/seed.js';
import type { Agent } from './app.js';
import { connectOrganizationOf, memberClientConfig, type SeededOrg, seedOrganization } from './org.js';

export const SCOPED_MEMBERS = [
  { name: 'prod-web', ou: 'web' as const, buckets: ['scope-web-assets', 'scope-web-logs'] },
  { name: 'sandbox-one', ou: 'sandbox' as const, buckets: ['scope-sandbox-tmp'] },
];

/** The organization on the emulator, with the members' buckets. */
export async function seedScopedOrganization(endpoint?: string): Promise<SeededOrg> {
  const seeded = await seedOrganization(
    SCOPED_MEMBERS.map(({ name, ou }) => ({ name, ou })),
    ...(endpoint ? [endpoint] : []),
  );
  for (const member of SCOPED_MEMBERS) {
    const accountId = seeded.members[member.name] as string;
    const s3 = new S3Client({
      ...(await memberClientConfig(accountId, 'us-east-1', endpoint)),
      maxAttempts: 3,
    });
    for (const bucket of member.buckets) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    s3.destroy();
  }
  return seeded;
}

/** The user's organization connection, its directory read, and one finished S3 run per member. */
export async function connectAndRunMembers(agent: Agent, seeded: SeededOrg) {
  const orgId = await connectOrganizationOf(
    agent,
    { memberRoleName: 'AgainConsoleAudit', externalId: 'scope-external-id' },
    'organization',
  );
  const runIds: Record<string, string> = {};
  for (const member of SCOPED_MEMBERS) {
    const accountId = seeded.members[member.name] as string;
    const run = await startRun(agent, {
      connectionId: orgId,
      accountId,
      services: ['s3'],
      regions: ['us-east-1'],
    });
    const done = await waitForRun(agent, run.runId);
    expect(done.run.status).toBe('completed');
    runIds[member.name] = run.runId;
  }
  return { orgId, runIds };
}
