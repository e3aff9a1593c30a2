import { particle } from '../../core/korean.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { publicAllowStatements, RESOURCE_POLICY_RESTRICTING_CONDITION_KEYS } from '../lib/policy.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ecr-repository-not-public',
  service: 'ecr',
  category: 'security',
  severity: 'critical',
  title: { en: 'ECR repositories are not public', ko: 'ECR 리포지토리가 공개되지 않음' },
  failureLabel: { en: 'Public ECR repositories', ko: '누구나 접근할 수 있는 ECR 리포지토리' },
  description: {
    en: 'Fails when the repository policy allows principal "*" without a condition on aws:SourceAccount, aws:SourceOwner, aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceIp.',
    ko: '리포지토리 정책이 aws:SourceAccount, aws:SourceOwner, aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceIp 조건 없이 보안 주체 "*"에 허용하면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Anyone with any AWS account can pull (or, depending on the actions, push or delete) the images, including the code and secrets baked into them.',
      ko: '아무 AWS 계정으로나 이미지를 가져올 수 있고(허용된 작업에 따라 푸시나 삭제도 가능), 이미지에 담긴 코드와 보안 정보가 그대로 노출됩니다.',
    },
    steps: {
      en: [
        'Amazon ECR → Private registry → Repositories → the repository → Permissions → Edit policy JSON → remove the statement whose principal is "*", or name the accounts that need access, or add a condition such as "StringEquals": {"aws:PrincipalOrgID": "<ORG_ID>"} → Save.',
      ],
      ko: [
        'Amazon ECR → 프라이빗 레지스트리 → 리포지토리 → 해당 리포지토리 → 권한 → 정책 JSON 편집 → 보안 주체가 "*"인 문을 삭제하거나, 접근이 필요한 계정을 지정하거나, "StringEquals": {"aws:PrincipalOrgID": "<ORG_ID>"} 같은 조건을 추가 → 저장.',
      ],
    },
    commands: [
      'aws ecr get-repository-policy --repository-name {{resourceId}} --query policyText --output text --region {{region}}',
      'aws ecr set-repository-policy --repository-name {{resourceId}} --policy-text file://policy.json --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html',
    'https://docs.aws.amazon.com/AmazonECR/latest/userguide/security_iam_resource-based-policy-examples.html',
  ],
  compliance: { ismsp: ['2.6.1', '2.10.2'] },
  requires: ['ecr.repositories'],
  requiresFields: { 'ecr.repositories': ['policy'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'ecr.repositories', (repo) => {
      const subject = { en: `Repository ${repo.repositoryName}`, ko: `리포지토리 ${repo.repositoryName}` };
      if (repo.policy === undefined) {
        return missingFromCollection(subject, { en: 'the repository policy', ko: '리포지토리 정책이' });
      }
      const open = publicAllowStatements(repo.policy, RESOURCE_POLICY_RESTRICTING_CONDITION_KEYS);
      const list = open.join(', ');
      return passOrFail(
        open.length === 0,
        {
          en: `Repository ${repo.repositoryName}: no policy statement allows unrestricted "*".`,
          ko: `리포지토리 ${repo.repositoryName}: 제한 없이 "*"에 허용하는 정책 문이 없습니다.`,
        },
        {
          en: `Repository ${repo.repositoryName} is public: policy statement(s) ${list} allow "*" without a restricting condition.`,
          ko: `리포지토리 ${repo.repositoryName}${particle(repo.repositoryName, '이/가')} 공개되어 있습니다: 정책 문 ${list}${particle(list, '이/가')} 제한 조건 없이 "*"에 허용합니다.`,
        },
        open.length > 0 ? { publicStatements: open.join(',') } : undefined,
      );
    });
  },
});
