import { particle } from '../../core/korean.js';
import { instanceResource, liveInstances } from '../lib/ec2.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-instance-termination-protection',
  service: 'ec2',
  category: 'fault_tolerance',
  severity: 'low',
  title: { en: 'EC2 instances have termination protection', ko: 'EC2 인스턴스에 종료 방지가 켜져 있음' },
  failureLabel: { en: 'EC2 instances without termination protection', ko: '종료 방지가 꺼진 EC2 인스턴스' },
  description: {
    en: 'Termination protection (DisableApiTermination) stops an instance from being terminated by mistake from the console, CLI or API.',
    ko: '종료 방지(DisableApiTermination)는 콘솔, CLI, API에서 실수로 인스턴스를 종료하는 것을 막습니다.',
  },
  remediation: {
    why: {
      en: 'One mistaken terminate call or console click destroys the instance and its instance-store data.',
      ko: '종료 요청이나 콘솔 클릭 한 번의 실수로 인스턴스와 인스턴스 스토어 데이터가 사라집니다.',
    },
    steps: {
      en: [
        'EC2 → Instances → select → Actions → Instance settings → Change termination protection → Enable → Save.',
        'Leave it off for instances in Auto Scaling groups: they are meant to be replaced.',
      ],
      ko: [
        'EC2 → 인스턴스 → 선택 → 작업 → 인스턴스 설정 → 종료 방지 변경 → 활성화 → 저장.',
        'Auto Scaling 그룹의 인스턴스는 교체되도록 설계되었으므로 켜지 마세요.',
      ],
    },
    commands: [
      'aws ec2 modify-instance-attribute --instance-id {{resourceId}} --disable-api-termination --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'disable_api_termination = true' },
  },
  // ISMS-P 2.9.2 (availability: guards against accidental loss), as for the other deletion-protection checks.
  compliance: { ismsp: ['2.9.2'] },
  docs: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_ChangingDisableAPITermination.html'],
  requires: ['ec2.instances'],
  requiresFields: { 'ec2.instances': ['disableApiTermination'] },
  settings: {},
  evaluate(ctx) {
    return liveInstances(ctx.records('ec2.instances')).map((i) => {
      const label = labelOf(i.instanceId, i.name);
      if (i.disableApiTermination === undefined) {
        return {
          ...instanceResource(i),
          status: 'unknown' as const,
          message: {
            en: `${label}: the DisableApiTermination attribute was not collected.`,
            ko: `${label}: DisableApiTermination 속성이 수집되지 않았습니다.`,
          },
        };
      }
      return i.disableApiTermination
        ? {
            ...instanceResource(i),
            status: 'pass' as const,
            message: {
              en: `${label} has termination protection on.`,
              ko: `${label}에 종료 방지가 켜져 있습니다.`,
            },
          }
        : {
            ...instanceResource(i),
            status: 'fail' as const,
            message: {
              en: `${label} can be terminated by any API call (DisableApiTermination=false): enable termination protection.`,
              ko: `${label}${particle(label, '은/는')} API 호출 한 번으로 종료될 수 있습니다 (DisableApiTermination=false). 종료 방지를 켜세요.`,
            },
          };
    });
  },
});
