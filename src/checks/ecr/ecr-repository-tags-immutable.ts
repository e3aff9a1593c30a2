import { particle } from '../../core/korean.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ecr-repository-tags-immutable',
  service: 'ecr',
  category: 'security',
  severity: 'low',
  title: {
    en: 'ECR repositories have immutable image tags',
    ko: 'ECR 리포지토리의 이미지 태그를 변경할 수 없음',
  },
  failureLabel: {
    en: 'ECR repositories with mutable image tags',
    ko: '이미지 태그를 덮어쓸 수 있는 ECR 리포지토리',
  },
  description: {
    en: 'Fails when imageTagMutability is MUTABLE: a tag such as v1.2 can be moved to a different image after it was reviewed and deployed.',
    ko: 'imageTagMutability가 MUTABLE이면 검토하고 배포한 v1.2 같은 태그가 나중에 다른 이미지를 가리킬 수 있으므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Anyone allowed to push can replace what a deployed tag points to, so the same tag can run different code tomorrow.',
      ko: '푸시 권한이 있으면 배포된 태그가 가리키는 이미지를 바꿀 수 있어, 같은 태그로 다음 날 다른 코드가 실행될 수 있습니다.',
    },
    steps: {
      en: [
        'Check first that no pipeline re-pushes a fixed tag such as latest (those pushes will be refused).',
        'Amazon ECR → Private registry → Repositories → the repository → Actions → Edit → Tag immutability → Immutable → Save.',
      ],
      ko: [
        '`latest`처럼 고정된 태그를 다시 푸시하는 파이프라인이 없는지 먼저 확인하세요(그런 푸시는 거부됩니다).',
        'Amazon ECR → 프라이빗 레지스트리 → 리포지토리 → 해당 리포지토리 → 작업 → 편집 → 태그 변경 불가능 → 변경 불가능 → 저장.',
      ],
    },
    commands: [
      'aws ecr put-image-tag-mutability --repository-name {{resourceId}} --image-tag-mutability IMMUTABLE --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'image_tag_mutability = "IMMUTABLE"' },
  },
  docs: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html'],
  compliance: { fsbp: ['ECR.2'], ismsp: ['2.8.6'] },
  requires: ['ecr.repositories'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'ecr.repositories', (repo) =>
      passOrFail(
        repo.imageTagMutability !== 'MUTABLE',
        {
          en: `Repository ${repo.repositoryName} has tag mutability ${repo.imageTagMutability}.`,
          ko: `리포지토리 ${repo.repositoryName}의 태그 변경 설정은 ${repo.imageTagMutability}입니다.`,
        },
        {
          en: `Repository ${repo.repositoryName} lets pushes overwrite existing image tags (MUTABLE).`,
          ko: `리포지토리 ${repo.repositoryName}${particle(repo.repositoryName, '은/는')} 기존 이미지 태그를 덮어쓰는 푸시를 허용합니다(MUTABLE).`,
        },
        { imageTagMutability: repo.imageTagMutability },
      ),
    );
  },
});
