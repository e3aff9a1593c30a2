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
    en: 'Console: EC2 → Instances → select → Actions → Instance settings → Change termination protection → Enable → Save. CLI: aws ec2 modify-instance-attribute --instance-id <ID> --disable-api-termination. (Instances in Auto Scaling groups are replaced by design: leave those off.)',
    ko: '콘솔: EC2 → 인스턴스 → 선택 → 작업 → 인스턴스 설정 → 종료 방지 변경 → 활성화 → 저장. CLI: aws ec2 modify-instance-attribute --instance-id <ID> --disable-api-termination. (Auto Scaling 그룹의 인스턴스는 교체되도록 설계되었으므로 꺼 두세요.)',
  },
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
              ko: `${label}은(는) API 호출 한 번으로 종료될 수 있습니다 (DisableApiTermination=false). 종료 방지를 켜세요.`,
            },
          };
    });
  },
});
