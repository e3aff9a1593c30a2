import { trailSubject } from '../lib/cloudtrail.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'cloudtrail-cloudwatch-logs-integrated',
  service: 'cloudtrail',
  category: 'operational',
  severity: 'low',
  title: { en: 'Trail sends events to CloudWatch Logs', ko: '추적이 CloudWatch Logs로 이벤트를 보냄' },
  failureLabel: { en: 'Trails not sending to CloudWatch Logs', ko: 'CloudWatch Logs로 보내지 않는 추적' },
  description: {
    en: 'A trail that delivers to CloudWatch Logs lets metric filters and alarms react to events such as root sign-ins or policy changes within minutes. Fails when the trail has no CloudWatchLogsLogGroupArn.',
    ko: '추적이 CloudWatch Logs로 이벤트를 보내면 지표 필터와 경보로 루트 로그인이나 정책 변경 같은 이벤트에 몇 분 안에 대응할 수 있습니다. 추적에 CloudWatchLogsLogGroupArn이 없으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without CloudWatch Logs, no metric filter or alarm can react to account activity as it happens.',
      ko: 'CloudWatch Logs로 보내지 않으면 지표 필터나 경보로 계정 활동에 바로 대응할 수 없습니다.',
    },
    steps: {
      en: [
        'CloudTrail → Trails → the trail → CloudWatch Logs → Edit → Enabled.',
        'Choose a new or existing log group and an IAM role CloudTrail can assume → Save changes.',
      ],
      ko: [
        'CloudTrail → 추적 → 해당 추적 → CloudWatch Logs → 편집 → 활성화를 선택하세요.',
        '새 로그 그룹이나 기존 로그 그룹, 그리고 CloudTrail이 맡을 IAM 역할을 고른 뒤 변경 사항을 저장하세요.',
      ],
    },
    commands: [
      'aws cloudtrail update-trail --name {{resourceId}} --cloud-watch-logs-log-group-arn <LOG_GROUP_ARN> --cloud-watch-logs-role-arn <ROLE_ARN> --region {{region}}',
    ],
  },
  compliance: { fsbp: ['CloudTrail.5'], ismsp: ['2.9.5', '2.11.3'] },
  docs: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
  ],
  requires: ['cloudtrail.trails'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'cloudtrail.trails', (trail) => {
      const s = trailSubject(trail);
      return passOrFail(
        trail.cloudWatchLogsLogGroupArn !== undefined,
        {
          en: `${s.en}: events go to CloudWatch Logs (${trail.cloudWatchLogsLogGroupArn ?? ''}).`,
          ko: `${s.ko}: 이벤트를 CloudWatch Logs(${trail.cloudWatchLogsLogGroupArn ?? ''})로 보냅니다.`,
        },
        {
          en: `${s.en}: events are not sent to CloudWatch Logs, so no metric filter or alarm can watch them.`,
          ko: `${s.ko}: 이벤트를 CloudWatch Logs로 보내지 않아 지표 필터나 경보로 감시할 수 없습니다.`,
        },
      );
    });
  },
});
