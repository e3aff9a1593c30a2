import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'iam-user-no-direct-policies',
  service: 'iam',
  category: 'operational',
  severity: 'low',
  title: {
    en: 'IAM user gets permissions only through groups',
    ko: 'IAM 사용자가 그룹을 통해서만 권한을 받음',
  },
  failureLabel: { en: 'IAM users with directly attached policies', ko: '정책이 직접 연결된 IAM 사용자' },
  description: {
    en: 'Permissions attached to individual users are hard to review and drift apart. Fails when the user has managed or inline policies attached directly instead of through groups.',
    ko: '개별 사용자에게 연결된 권한은 검토하기 어렵고 서로 어긋나기 쉽습니다. 사용자에게 그룹이 아닌 직접 연결된 관리형 또는 인라인 정책이 있으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Permissions attached user by user drift apart and are hard to review; groups keep them consistent.',
      ko: '사용자마다 직접 연결한 권한은 제각각 달라져 검토하기 어렵고, 그룹을 쓰면 일관되게 유지됩니다.',
    },
    steps: {
      en: [
        'Create or reuse a group for the job, attach the policies to it, add the user, then remove the direct policies.',
        'IAM → User groups → Create group (attach policies) → Add users; IAM → Users → the user → Permissions → Remove.',
      ],
      ko: [
        '업무에 맞는 그룹을 만들거나 재사용해 정책을 연결하고, 사용자를 추가한 뒤 직접 연결된 정책을 제거하세요.',
        'IAM → 사용자 그룹 → 그룹 생성(정책 연결) → 사용자 추가, 그다음 IAM → 사용자 → 해당 사용자 → 권한 → 제거.',
      ],
    },
    commands: [
      'aws iam add-user-to-group --group-name <GROUP> --user-name {{resourceId}}',
      'aws iam detach-user-policy --user-name {{resourceId}} --policy-arn <POLICY_ARN>',
      'aws iam delete-user-policy --user-name {{resourceId}} --policy-name <INLINE_POLICY>',
    ],
  },
  compliance: { cis: ['1.14'], fsbp: ['IAM.2'], ismsp: ['2.5.1'] },
  docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html'],
  requires: ['iam.users'],
  requiresFields: { 'iam.users': ['attachedPolicies', 'inlinePolicies'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'iam.users', (user) => {
      const direct = [
        ...user.attachedPolicies.map((p) => p.policyName),
        ...user.inlinePolicies.map((p) => `${p.policyName} (inline)`),
      ];
      if (direct.length === 0) {
        return {
          status: 'pass',
          message: {
            en: `User ${user.userName} has no directly attached policies.`,
            ko: `사용자 ${user.userName}에 직접 연결된 정책이 없습니다.`,
          },
        };
      }
      return {
        status: 'fail',
        details: { directPolicies: direct.join(', ') },
        message: {
          en: `User ${user.userName} has ${direct.length} policy(ies) attached directly: ${direct.join(', ')}.`,
          ko: `사용자 ${user.userName}에 직접 연결된 정책이 ${direct.length}개 있습니다: ${direct.join(', ')}.`,
        },
      };
    });
  },
});
