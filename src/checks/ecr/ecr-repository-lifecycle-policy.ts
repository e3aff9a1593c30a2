import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ecr-repository-lifecycle-policy',
  service: 'ecr',
  category: 'cost',
  severity: 'low',
  title: { en: 'ECR repositories have a lifecycle policy', ko: 'ECR 리포지토리에 수명 주기 정책이 있음' },
  failureLabel: {
    en: 'ECR repositories without a lifecycle policy',
    ko: '수명 주기 정책이 없는 ECR 리포지토리',
  },
  description: {
    en: 'Fails when the repository has no lifecycle policy: old and untagged images are kept, and billed per GB-month, forever.',
    ko: '리포지토리에 수명 주기 정책이 없으면 오래된 이미지와 태그 없는 이미지가 영구히 남아 GB-월 단위로 계속 과금되므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Every image pushed stays stored and billed until someone deletes it by hand.',
      ko: '푸시한 이미지는 누군가 직접 삭제할 때까지 계속 저장되고 과금됩니다.',
    },
    steps: {
      en: [
        'Decide how many images to keep (for example the last 30 tagged images, untagged ones for 14 days).',
        'Amazon ECR → Private registry → Repositories → the repository → Lifecycle policy → Create rule → test the rule with a dry run → Save.',
      ],
      ko: [
        '보관할 이미지 수를 정하세요(예: 태그 있는 이미지는 최근 30개, 태그 없는 이미지는 14일).',
        'Amazon ECR → 프라이빗 레지스트리 → 리포지토리 → 해당 리포지토리 → 수명 주기 정책 → 규칙 생성 → 테스트 실행으로 확인 → 저장.',
      ],
    },
    commands: [
      'aws ecr start-lifecycle-policy-preview --repository-name {{resourceId}} --lifecycle-policy-text file://lifecycle.json --region {{region}}',
      'aws ecr put-lifecycle-policy --repository-name {{resourceId}} --lifecycle-policy-text file://lifecycle.json --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html',
    'https://aws.amazon.com/ecr/pricing/',
  ],
  compliance: { fsbp: ['ECR.3'] },
  requires: ['ecr.repositories'],
  requiresFields: { 'ecr.repositories': ['hasLifecyclePolicy'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'ecr.repositories', (repo) => {
      if (repo.hasLifecyclePolicy === undefined) {
        return missingFromCollection(
          { en: `Repository ${repo.repositoryName}`, ko: `리포지토리 ${repo.repositoryName}` },
          { en: 'the lifecycle policy', ko: '수명 주기 정책이' },
        );
      }
      return passOrFail(
        repo.hasLifecyclePolicy,
        {
          en: `Repository ${repo.repositoryName} has a lifecycle policy.`,
          ko: `리포지토리 ${repo.repositoryName}에 수명 주기 정책이 있습니다.`,
        },
        {
          en: `Repository ${repo.repositoryName} has no lifecycle policy: old images are kept and billed forever.`,
          ko: `리포지토리 ${repo.repositoryName}에 수명 주기 정책이 없어 오래된 이미지가 계속 남아 과금됩니다.`,
        },
      );
    });
  },
});
