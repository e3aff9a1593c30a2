import { particle } from '../../core/korean.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-instance-profile-attached',
  service: 'ec2',
  category: 'security',
  severity: 'low',
  title: {
    en: 'Running EC2 instances have an IAM instance profile',
    ko: '실행 중인 EC2 인스턴스에 IAM 인스턴스 프로파일이 있음',
  },
  failureLabel: {
    en: 'EC2 instances without an IAM instance profile',
    ko: 'IAM 인스턴스 프로파일이 없는 EC2 인스턴스',
  },
  description: {
    en: 'Fails when a running instance has no IAM instance profile: software on it then tends to carry long-lived access keys instead of temporary role credentials.',
    ko: '실행 중인 인스턴스에 IAM 인스턴스 프로파일이 없으면 실패입니다. 이 경우 인스턴스의 소프트웨어가 임시 역할 자격 증명 대신 오래 쓰는 액세스 키를 갖고 있기 쉽습니다.',
  },
  remediation: {
    why: {
      en: 'Access keys copied onto a server leak with its disk or image and never expire; a role gives short-lived credentials that rotate themselves.',
      ko: '서버에 복사한 액세스 키는 디스크나 이미지와 함께 유출되고 만료되지 않지만, 역할은 스스로 교체되는 단기 자격 증명을 줍니다.',
    },
    steps: {
      en: [
        'Create a role for EC2 with only the permissions the instance needs (or reuse one), with its instance profile.',
        'EC2 → Instances → select → Actions → Security → Modify IAM role → choose the role → Update IAM role; then remove any access keys stored on the instance.',
      ],
      ko: [
        '인스턴스에 필요한 권한만 가진 EC2용 역할과 인스턴스 프로파일을 만드세요(또는 기존 것을 쓰세요).',
        'EC2 → 인스턴스 → 선택 → 작업 → 보안 → IAM 역할 수정 → 역할 선택 → IAM 역할 업데이트. 그다음 인스턴스에 저장된 액세스 키를 지우세요.',
      ],
    },
    commands: [
      'aws ec2 associate-iam-instance-profile --instance-id {{resourceId}} --iam-instance-profile Name=<INSTANCE_PROFILE> --region {{region}}',
    ],
  },
  docs: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html'],
  compliance: { cis: ['1.17'], ismsp: ['2.5.1', '2.5.3'] },
  requires: ['ec2.instances'],
  settings: {},
  evaluate(ctx) {
    return perResource(
      ctx,
      'ec2.instances',
      (instance) => {
        const label = labelOf(instance.instanceId, instance.name);
        return passOrFail(
          instance.iamInstanceProfileArn !== undefined,
          {
            en: `${label} runs with instance profile ${instance.iamInstanceProfileArn}.`,
            ko: `${label}${particle(label, '은/는')} 인스턴스 프로파일 ${instance.iamInstanceProfileArn}${particle(instance.iamInstanceProfileArn, '으로/로')} 실행됩니다.`,
          },
          {
            en: `${label} runs without an IAM instance profile.`,
            ko: `${label}${particle(label, '은/는')} IAM 인스턴스 프로파일 없이 실행됩니다.`,
          },
        );
      },
      (instance) => instance.state === 'running',
    );
  },
});
