/**
 * The rule of `s3-bucket-not-public`, shared with the checks that judge a bucket through another
 * resource (a CloudTrail trail's log bucket): public policy statements and ACL grants, unless
 * Block Public Access (bucket or account level) neutralises them.
 */
import { particle } from '../../core/korean.js';
import type { PublicAccessBlock, S3Bucket } from '../../core/records.js';
import type { LocalizedText } from '../../core/services.js';
import type { Verdict } from './per-resource.js';
import { publicAllowStatements } from './policy.js';
import { publicAclGrants } from './policy-s3.js';

/** The account-level block: `null` = none configured, `undefined` = not collected. */
export type AccountBlock = PublicAccessBlock | null | undefined;

/** Whether `bucket` is public; `unknown` when the policy or ACL is missing, or when only the uncollected account block could neutralise an exposure. */
export function bucketPublicVerdict(bucket: S3Bucket, accountBlock: AccountBlock): Verdict {
  if (bucket.policy === undefined || bucket.aclGrants === undefined) {
    return {
      status: 'unknown',
      message: {
        en: `Bucket ${bucket.name}: its policy or ACL is missing from the collection.`,
        ko: `버킷 ${bucket.name}: 수집 결과에 버킷 정책이나 ACL이 없습니다.`,
      },
    };
  }
  const statements = publicAllowStatements(bucket.policy);
  const grants = publicAclGrants(bucket.aclGrants);
  if (statements.length === 0 && grants.length === 0) {
    return {
      status: 'pass',
      message: {
        en: `Bucket ${bucket.name}: neither the bucket policy nor the ACL grants public access.`,
        ko: `버킷 ${bucket.name}: 버킷 정책과 ACL 모두 퍼블릭 액세스를 허용하지 않습니다.`,
      },
    };
  }
  const bucketBlock = bucket.publicAccessBlock;
  const policyNeutralised =
    bucketBlock?.restrictPublicBuckets === true || accountBlock?.restrictPublicBuckets === true;
  const aclNeutralised = bucketBlock?.ignorePublicAcls === true || accountBlock?.ignorePublicAcls === true;
  const details = {
    publicStatements: statements.join(',') || null,
    publicAclGrants: grants.join(',') || null,
  };
  const exposures: LocalizedText[] = [];
  if (statements.length > 0 && !policyNeutralised)
    exposures.push({
      en: `bucket policy statement(s) ${statements.join(', ')} allow "*" without a restricting condition`,
      ko: `버킷 정책 문 ${statements.join(', ')}${particle(statements.join(', '), '이/가')} 제한 조건 없이 "*"에 허용합니다`,
    });
  if (grants.length > 0 && !aclNeutralised)
    exposures.push({
      en: `the ACL grants ${grants.join(', ')}`,
      ko: `ACL이 ${grants.join(', ')} 권한을 부여합니다`,
    });
  if (exposures.length === 0) {
    return {
      status: 'pass',
      details,
      message: {
        en: `Bucket ${bucket.name}: public grants exist but Block Public Access neutralises them.`,
        ko: `버킷 ${bucket.name}: 퍼블릭 권한이 있지만 퍼블릭 액세스 차단이 이를 무력화합니다.`,
      },
    };
  }
  const en = exposures.map((e) => e.en).join('; ');
  const ko = exposures.map((e) => e.ko).join('; ');
  // Public unless the account-level block (not collected) would have neutralised it.
  if (accountBlock === undefined) {
    return {
      status: 'unknown',
      details,
      message: {
        en: `Bucket ${bucket.name} may be public (${en}); the account-level Block Public Access was not collected.`,
        ko: `버킷 ${bucket.name}${particle(bucket.name, '이/가')} 공개되어 있을 수 있습니다(${ko}). 계정 수준 퍼블릭 액세스 차단 설정은 수집되지 않았습니다.`,
      },
    };
  }
  return {
    status: 'fail',
    details,
    message: {
      en: `Bucket ${bucket.name} is public: ${en}.`,
      ko: `버킷 ${bucket.name}${particle(bucket.name, '이/가')} 공개되어 있습니다: ${ko}.`,
    },
  };
}

/** The account's Block Public Access as collected (`undefined` when it was not). */
export function accountBlockOf(records: readonly { publicAccessBlock: AccountBlock }[]): AccountBlock {
  const account = records[0];
  return account ? account.publicAccessBlock : undefined;
}
