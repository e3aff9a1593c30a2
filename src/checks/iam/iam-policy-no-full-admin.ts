import { particle } from '../../core/korean.js';
import { passOrFail, perResource, type Verdict } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'iam-policy-no-full-admin',
  service: 'iam',
  category: 'security',
  severity: 'high',
  title: {
    en: 'Attached customer-managed policy does not allow "*" on "*"',
    ko: '연결된 고객 관리형 정책이 "*" 리소스에 "*" 작업을 허용하지 않음',
  },
  failureLabel: {
    en: 'Attached customer-managed policies with full administrator rights',
    ko: '전체 관리자 권한을 주는 연결된 고객 관리형 정책',
  },
  description: {
    en: 'Fails when a customer-managed policy that is attached to at least one user, group or role (AttachmentCount ≥ 1) has an Allow statement with Action "*" on Resource "*" in its default version. AWS-managed policies and unattached policies are not judged.',
    ko: '사용자, 그룹, 역할 중 하나 이상에 연결된(AttachmentCount 1 이상) 고객 관리형 정책의 기본 버전에 "*" 리소스에 "*" 작업을 허용하는 문("Effect": "Allow")이 있으면 실패입니다. AWS 관리형 정책과 연결되지 않은 정책은 판단하지 않습니다.',
  },
  remediation: {
    why: {
      en: 'A home-made policy that allows everything is administrator access under a name that does not say so; whoever holds it controls the account.',
      ko: '모든 것을 허용하는 직접 만든 정책은 이름에 드러나지 않는 관리자 권한이며, 이 정책을 가진 주체는 계정 전체를 장악합니다.',
    },
    steps: {
      en: [
        'IAM → Policies → the policy → Entities attached: see who uses it; IAM Access Analyzer can generate a policy from their recent activity.',
        'Replace the "*" statement with the actions and resources those entities need (a new policy version), or detach the policy and grant administration through a role assumed with MFA.',
      ],
      ko: [
        'IAM → 정책 → 해당 정책 → 연결된 엔터티에서 누가 쓰는지 확인하세요. IAM Access Analyzer로 최근 활동에 맞는 정책을 생성할 수 있습니다.',
        '"*" 문을 그 주체들에게 필요한 작업과 리소스로 바꾼 새 정책 버전을 만들거나, 정책을 분리하고 관리 권한은 MFA로 위임받는 역할로 주세요.',
      ],
    },
    commands: [
      'aws iam list-entities-for-policy --policy-arn {{resourceId}}',
      'aws iam create-policy-version --policy-arn {{resourceId}} --policy-document file://least-privilege.json --set-as-default',
    ],
  },
  compliance: { cis: ['1.15'], fsbp: ['IAM.1'], ismsp: ['2.5.1', '2.5.5'] },
  docs: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1',
  ],
  requires: ['iam.policies'],
  requiresFields: { 'iam.policies': ['allowsAdminAccess'] },
  settings: {},
  evaluate(ctx) {
    return perResource(
      ctx,
      'iam.policies',
      (policy): Verdict => {
        if (policy.attachmentCount === undefined) {
          return {
            status: 'unknown',
            message: {
              en: `Policy ${policy.policyName}: the collection does not say whether it is attached.`,
              ko: `정책 ${policy.policyName}: 수집 결과에 연결 여부가 없습니다.`,
            },
          };
        }
        return passOrFail(
          !policy.allowsAdminAccess,
          {
            en: `Policy ${policy.policyName} (attached ${policy.attachmentCount} time(s)) does not allow "*" on "*".`,
            ko: `정책 ${policy.policyName}${particle(policy.policyName, '은/는')} ${policy.attachmentCount}곳에 연결되어 있으며 "*" 리소스에 "*" 작업을 허용하지 않습니다.`,
          },
          {
            en: `Policy ${policy.policyName} allows "*" on "*" and is attached ${policy.attachmentCount} time(s).`,
            ko: `정책 ${policy.policyName}${particle(policy.policyName, '은/는')} "*" 리소스에 "*" 작업을 허용하며 ${policy.attachmentCount}곳에 연결되어 있습니다.`,
          },
          { attachmentCount: policy.attachmentCount },
        );
      },
      // Unattached policies grant nothing; AWS-managed ones are judged by the user/role checks.
      (policy) => !policy.awsManaged && policy.attachmentCount !== 0,
    );
  },
});
