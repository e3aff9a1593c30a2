import { particle } from '../../core/korean.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ecr-repository-scan-on-push',
  service: 'ecr',
  category: 'security',
  severity: 'medium',
  title: { en: 'ECR repositories scan images on push', ko: 'ECR 리포지토리가 푸시할 때 이미지를 스캔함' },
  failureLabel: {
    en: 'ECR repositories that do not scan images on push',
    ko: '푸시할 때 이미지를 스캔하지 않는 ECR 리포지토리',
  },
  description: {
    en: 'Fails when imageScanningConfiguration.scanOnPush is false: new images are not checked for known vulnerabilities when they arrive.',
    ko: 'imageScanningConfiguration.scanOnPush가 false이면 새 이미지가 들어올 때 알려진 취약점을 검사하지 않으므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Images with known vulnerabilities can be pushed and deployed without anyone being told.',
      ko: '알려진 취약점이 있는 이미지가 아무 알림 없이 푸시되고 배포될 수 있습니다.',
    },
    steps: {
      en: [
        'Amazon ECR → Private registry → Repositories → the repository → Actions → Edit → Scan on push → turn on → Save.',
        'Or scan at registry level: Private registry → Settings → Scanning configuration (basic or enhanced scanning).',
      ],
      ko: [
        'Amazon ECR → 프라이빗 레지스트리 → 리포지토리 → 해당 리포지토리 → 작업 → 편집 → 푸시 시 스캔 → 켜기 → 저장.',
        '또는 레지스트리 단위로 스캔하세요: 프라이빗 레지스트리 → 설정 → 스캔 구성(기본 또는 고급 스캔).',
      ],
    },
    commands: [
      'aws ecr put-image-scanning-configuration --repository-name {{resourceId}} --image-scanning-configuration scanOnPush=true --region {{region}}',
    ],
    iac: {
      kind: 'terraform',
      code: 'image_scanning_configuration { scan_on_push = true }',
    },
  },
  docs: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning-basic-enabling.html'],
  // ISMS-P: image scanning finds known vulnerabilities (2.11.2), not malware (2.10.9).
  compliance: { fsbp: ['ECR.1'], ismsp: ['2.11.2'] },
  requires: ['ecr.repositories'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'ecr.repositories', (repo) =>
      passOrFail(
        repo.scanOnPush,
        {
          en: `Repository ${repo.repositoryName} scans images on push.`,
          ko: `리포지토리 ${repo.repositoryName}${particle(repo.repositoryName, '은/는')} 푸시할 때 이미지를 스캔합니다.`,
        },
        {
          en: `Repository ${repo.repositoryName} does not scan images on push.`,
          ko: `리포지토리 ${repo.repositoryName}${particle(repo.repositoryName, '은/는')} 푸시할 때 이미지를 스캔하지 않습니다.`,
        },
      ),
    );
  },
});
