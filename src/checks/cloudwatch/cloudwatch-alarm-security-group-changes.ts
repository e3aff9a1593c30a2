import { defineTrailAlarmCheck } from '../lib/trail-alarm.js';

export default defineTrailAlarmCheck({
  id: 'cloudwatch-alarm-security-group-changes',
  severity: 'medium',
  tokens: [
    'AuthorizeSecurityGroupIngress',
    'RevokeSecurityGroupEgress',
    'CreateSecurityGroup',
    'DeleteSecurityGroup',
  ],
  pattern:
    '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
  watches: { en: 'security group changes', ko: '보안 그룹 변경' },
  title: { en: 'Security group changes raise an alarm', ko: '보안 그룹 변경에 경보가 설정됨' },
  failureLabel: { en: 'No alarm on security group changes', ko: '보안 그룹 변경 경보 없음' },
  why: {
    en: 'One changed rule can open a server to the internet.',
    ko: '규칙 하나만 바뀌어도 서버가 인터넷에 열릴 수 있습니다.',
  },
  compliance: { cis: ['4.10'], ismsp: ['2.9.5', '2.11.3'] },
});
