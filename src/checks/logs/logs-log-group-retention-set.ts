import { particle } from '../../core/korean.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'logs-log-group-retention-set',
  service: 'logs',
  category: 'cost',
  severity: 'low',
  title: { en: 'Log group has a retention period', ko: '로그 그룹에 보존 기간이 설정됨' },
  failureLabel: { en: 'Log groups that never expire', ko: '보존 기간이 없어 영구 보관되는 로그 그룹' },
  description: {
    en: 'Fails when retentionInDays is not set: the log group keeps its events forever and its storage cost keeps growing.',
    ko: 'retentionInDays가 설정되지 않으면 로그 그룹이 이벤트를 영구 보관해 스토리지 비용이 계속 늘어나므로 실패입니다.',
  },
  remediation: {
    why: {
      en: "Events are kept forever, so the group's storage bill only grows.",
      ko: '이벤트가 영구 보관되어 로그 그룹의 스토리지 비용이 계속 늘어납니다.',
    },
    steps: {
      en: [
        'CloudWatch → Logs → Log groups → the log group → Actions → Edit retention setting → choose a period (e.g. 90 days) → Save.',
      ],
      ko: [
        'CloudWatch → 로그 → 로그 그룹 → 해당 로그 그룹 → 작업 → 보존 설정 편집 → 기간(예: 90일) 선택 → 저장.',
      ],
    },
    commands: [
      'aws logs put-retention-policy --log-group-name {{resourceId}} --retention-in-days 90 --region {{region}}',
    ],
  },
  compliance: { ismsp: ['2.9.4'] },
  docs: [
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
  ],
  requires: ['logs.log-groups'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'logs.log-groups', (group) =>
      passOrFail(
        group.retentionInDays !== undefined,
        {
          en: `Log group ${group.logGroupName} keeps events for ${group.retentionInDays} days.`,
          ko: `로그 그룹 ${group.logGroupName}${particle(group.logGroupName, '은/는')} 이벤트를 ${group.retentionInDays}일 동안 보관합니다.`,
        },
        {
          en: `Log group ${group.logGroupName} has no retention period: events never expire.`,
          ko: `로그 그룹 ${group.logGroupName}에 보존 기간이 없어 이벤트가 만료되지 않습니다.`,
        },
        group.retentionInDays !== undefined ? { retentionInDays: group.retentionInDays } : undefined,
      ),
    );
  },
});
