/**
 * S3 access analysis beyond the bucket policy: Block Public Access flags and ACL grants.
 */
import type { PublicAccessBlock, S3Bucket } from '../../core/records.js';

export const PUBLIC_ACCESS_BLOCK_FLAGS = [
  'blockPublicAcls',
  'ignorePublicAcls',
  'blockPublicPolicy',
  'restrictPublicBuckets',
] as const satisfies readonly (keyof PublicAccessBlock)[];

const FLAG_NAMES: Record<(typeof PUBLIC_ACCESS_BLOCK_FLAGS)[number], string> = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
};

/** The flags that are off (AWS spelling); every flag when there is no configuration. */
export function missingBlockFlags(block: PublicAccessBlock | null | undefined): string[] {
  return PUBLIC_ACCESS_BLOCK_FLAGS.filter((flag) => block?.[flag] !== true).map((flag) => FLAG_NAMES[flag]);
}

export function allBlockFlagsOn(block: PublicAccessBlock | null | undefined): boolean {
  return missingBlockFlags(block).length === 0;
}

const PUBLIC_GROUPS: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/allusers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/authenticatedusers': 'AuthenticatedUsers',
};

/** ACL grants to everyone (AllUsers) or to any AWS account (AuthenticatedUsers), as "Group:PERMISSION". */
export function publicAclGrants(grants: S3Bucket['aclGrants']): string[] {
  const found: string[] = [];
  for (const grant of grants ?? []) {
    const uri = grant.granteeUri
      ?.trim()
      .toLowerCase()
      .replace(/^https:/, 'http:');
    const group = uri ? PUBLIC_GROUPS[uri] : undefined;
    if (group) found.push(`${group}:${grant.permission}`);
  }
  return found;
}
