import { particle } from '../../core/korean.js';
import { instanceResource, liveInstances } from '../lib/ec2.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-instance-detailed-monitoring',
  service: 'ec2',
  category: 'operational',
  severity: 'low',
  title: { en: 'EC2 instances have detailed monitoring', ko: 'EC2 인스턴스에 세부 모니터링이 켜져 있음' },
  failureLabel: { en: 'EC2 instances without detailed monitoring', ko: '세부 모니터링이 꺼진 EC2 인스턴스' },
  description: {
    en: 'Basic monitoring sends metrics every 5 minutes; detailed monitoring sends them every minute, so alarms and Auto Scaling react faster.',
    ko: '기본 모니터링은 5분마다 지표를 보내고, 세부 모니터링은 1분마다 보내 경보와 Auto Scaling이 더 빨리 반응합니다.',
  },
  remediation: {
    why: {
      en: 'With 5-minute metrics, alarms and Auto Scaling react late to short spikes.',
      ko: '5분 단위 지표로는 경보와 Auto Scaling이 짧은 급증에 늦게 반응합니다.',
    },
    steps: {
      en: [
        'EC2 → Instances → select → Actions → Monitor and troubleshoot → Manage detailed monitoring → Enable → Confirm.',
        'Detailed monitoring is billed as CloudWatch custom metrics.',
      ],
      ko: [
        'EC2 → 인스턴스 → 선택 → 작업 → 모니터링 및 문제 해결 → 세부 모니터링 관리 → 활성화 → 확인.',
        '세부 모니터링에는 CloudWatch 사용자 지정 지표 요금이 부과됩니다.',
      ],
    },
    commands: ['aws ec2 monitor-instances --instance-ids {{resourceId}} --region {{region}}'],
  },
  compliance: { ismsp: ['2.9.2'] },
  docs: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html'],
  requires: ['ec2.instances'],
  settings: {},
  evaluate(ctx) {
    return liveInstances(ctx.records('ec2.instances')).map((i) => {
      const label = labelOf(i.instanceId, i.name);
      const state = i.monitoringState;
      if (state === undefined) {
        return {
          ...instanceResource(i),
          status: 'unknown' as const,
          message: {
            en: `${label}: the monitoring state was not collected.`,
            ko: `${label}: 모니터링 상태가 수집되지 않았습니다.`,
          },
        };
      }
      const fail = state === 'disabled';
      return {
        ...instanceResource(i),
        status: fail ? ('fail' as const) : ('pass' as const),
        details: { monitoringState: state },
        message: fail
          ? {
              en: `${label} uses basic 5-minute monitoring (Monitoring.State=disabled): enable detailed monitoring.`,
              ko: `${label}${particle(label, '은/는')} 5분 간격 기본 모니터링을 사용합니다 (Monitoring.State=disabled). 세부 모니터링을 켜세요.`,
            }
          : {
              en: `${label} has detailed monitoring (Monitoring.State=${state}).`,
              ko: `${label}에 세부 모니터링이 켜져 있습니다 (Monitoring.State=${state}).`,
            },
      };
    });
  },
});
