import { particle } from '../../core/korean.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-ami-not-public',
  service: 'ec2',
  category: 'security',
  severity: 'critical',
  title: { en: 'Own AMIs are not public', ko: '소유한 AMI가 공개되어 있지 않음' },
  failureLabel: { en: 'Public AMIs', ko: '공개된 AMI' },
  description: {
    en: 'Fails when an AMI owned by the account is public: anyone can launch it and read the disks it was made from.',
    ko: '계정이 소유한 AMI가 공개되어 있으면 실패입니다. 누구나 이를 시작해 원본 디스크 내용을 읽을 수 있습니다.',
  },
  remediation: {
    why: {
      en: 'An image carries everything on the source disks — code, configuration, keys left behind — to every AWS account in the world.',
      ko: '이미지에는 원본 디스크의 코드, 설정, 남겨진 키가 모두 담겨 있어 전 세계 모든 AWS 계정에 노출됩니다.',
    },
    steps: {
      en: [
        'EC2 → AMIs → select → Actions → Edit AMI permissions → Private → Save changes.',
        'If it was public for a while, rotate any secret the image contained.',
      ],
      ko: [
        'EC2 → AMI → 선택 → 작업 → AMI 권한 편집 → 프라이빗 → 변경 사항 저장.',
        '한동안 공개되어 있었다면 이미지에 들어 있던 비밀 값을 모두 교체하세요.',
      ],
    },
    commands: [
      'aws ec2 modify-image-attribute --image-id {{resourceId}} --launch-permission "Remove=[{Group=all}]" --region {{region}}',
    ],
  },
  docs: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html'],
  compliance: { ismsp: ['2.6.2', '2.10.2'] },
  requires: ['ec2.images'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'ec2.images', (image) => {
      const label = labelOf(image.imageId, image.name);
      if (image.public === undefined) {
        return missingFromCollection({ en: label, ko: label }, { en: 'the Public flag', ko: 'Public 값이' });
      }
      return passOrFail(
        !image.public,
        {
          en: `${label} is private.`,
          ko: `${label}${particle(label, '은/는')} 비공개입니다.`,
        },
        {
          en: `${label} is public: any AWS account can launch it. Make it private.`,
          ko: `${label}${particle(label, '은/는')} 공개되어 있어 어느 AWS 계정이든 시작할 수 있습니다. 비공개로 바꾸세요.`,
        },
      );
    });
  },
});
