import type { STSClientConfig } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import pLimit from 'p-limit';
import { refreshingRoleProvider } from '../connections/role-provider.js';
import {
  AwsVerificationError,
  assumeRole,
  getCallerIdentity,
  type StsClientFactory,
} from '../connections/sts.js';
import type { MemberRoleCheck, OrgAccount } from './types.js';

/** Member accounts checked at once (each check is AssumeRole + GetCallerIdentity). */
export const MEMBER_CHECK_CONCURRENCY = 8;

export interface MemberAccess {
  sts: StsClientFactory;
  /**
   * STS client options whose credentials are the identity the member roles trust: the console's
   * own (role connections) or the management account's keys (key connections); endpoint and region.
   */
  source: STSClientConfig;
  memberRoleName: string;
  externalId: string;
  sessionName: string;
  now?: () => Date;
}

/** `arn:<partition>:iam::<member>:role/<path/name>`; the partition follows the management account's. */
export function memberRoleArn(accountId: string, roleName: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

/** The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`), `aws` when it cannot be read. */
export function partitionOf(arn: string): string {
  return /^arn:(aws[a-z-]*):/.exec(arn)?.[1] ?? 'aws';
}

/** A credential provider for one member account that re-assumes its audit role before expiry. */
export function memberCredentials(
  access: MemberAccess,
  accountId: string,
  partition = 'aws',
): AwsCredentialIdentityProvider {
  const roleArn = memberRoleArn(accountId, access.memberRoleName, partition);
  return refreshingRoleProvider({
    assume: async () =>
      (
        await assumeRole(access.sts, access.source, {
          roleArn,
          externalId: access.externalId,
          sessionName: access.sessionName,
        })
      ).credentials,
    now: access.now ?? (() => new Date()),
  });
}

/**
 * Checks one member: AssumeRole into its audit role, then GetCallerIdentity through it must
 * answer that account. Never throws: the answer is the check.
 */
export async function checkMember(
  access: MemberAccess,
  account: Pick<OrgAccount, 'id' | 'status'>,
  partition = 'aws',
): Promise<MemberRoleCheck> {
  const checkedAt = (access.now?.() ?? new Date()).toISOString();
  if (account.status !== 'ACTIVE') return { state: 'skipped', checkedAt, code: account.status.toLowerCase() };
  try {
    const { credentials } = await assumeRole(access.sts, access.source, {
      roleArn: memberRoleArn(account.id, access.memberRoleName, partition),
      externalId: access.externalId,
      sessionName: access.sessionName,
      durationSeconds: 900,
    });
    const { credentials: _source, ...rest } = access.source;
    const identity = await getCallerIdentity(access.sts, { ...rest, credentials });
    if (identity.accountId !== account.id)
      return {
        state: 'failed',
        checkedAt,
        code: 'WrongAccount',
        message: `The role answered as account ${identity.accountId}`,
      };
    return { state: 'ok', checkedAt };
  } catch (error) {
    const e =
      error instanceof AwsVerificationError ? error : new AwsVerificationError('Error', String(error));
    return { state: 'failed', checkedAt, code: e.awsCode, message: e.message };
  }
}

/** Checks many members with bounded concurrency; the result follows the input's order. */
export async function checkMembers(
  access: MemberAccess,
  accounts: readonly Pick<OrgAccount, 'id' | 'status'>[],
  partition = 'aws',
  options: { concurrency?: number; onChecked?: () => void } = {},
): Promise<MemberRoleCheck[]> {
  const limit = pLimit(options.concurrency ?? MEMBER_CHECK_CONCURRENCY);
  return await Promise.all(
    accounts.map((a) =>
      limit(async () => {
        const check = await checkMember(access, a, partition);
        options.onChecked?.();
        return check;
      }),
    ),
  );
}
