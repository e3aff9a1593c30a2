import { defineTrailAlarmCheck } from '../lib/trail-alarm.js';

export default defineTrailAlarmCheck({
  id: 'cloudwatch-alarm-root-usage',
  severity: 'high',
  tokens: [
    '$.userIdentity.type="Root"',
    '$.userIdentity.invokedBy NOT EXISTS',
    '$.eventType!="AwsServiceEvent"',
  ],
  pattern:
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  watches: { en: 'root user activity', ko: '루트 사용자 활동' },
  title: { en: 'Root user activity raises an alarm', ko: '루트 사용자 활동에 경보가 설정됨' },
  failureLabel: { en: 'No alarm on root user activity', ko: '루트 사용자 활동 경보 없음' },
  why: {
    en: 'The root user should almost never be used; each use deserves a look.',
    ko: '루트 사용자는 거의 쓰지 않아야 하므로 사용할 때마다 확인해야 합니다.',
  },
  compliance: { cis: ['4.3'], ismsp: ['2.9.5', '2.11.3'] },
});
