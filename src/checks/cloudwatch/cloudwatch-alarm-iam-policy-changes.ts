import { defineTrailAlarmCheck } from '../lib/trail-alarm.js';

export default defineTrailAlarmCheck({
  id: 'cloudwatch-alarm-iam-policy-changes',
  severity: 'medium',
  tokens: ['DeleteGroupPolicy', 'PutUserPolicy', 'AttachRolePolicy', 'DetachUserPolicy'],
  pattern:
    '{ ($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy) }',
  watches: { en: 'IAM policy changes', ko: 'IAM 정책 변경' },
  title: { en: 'IAM policy changes raise an alarm', ko: 'IAM 정책 변경에 경보가 설정됨' },
  failureLabel: { en: 'No alarm on IAM policy changes', ko: 'IAM 정책 변경 경보 없음' },
  why: {
    en: 'A changed policy can quietly grant someone far more access.',
    ko: '정책이 바뀌면 누군가에게 훨씬 넓은 권한이 조용히 주어질 수 있습니다.',
  },
  compliance: { cis: ['4.4'], ismsp: ['2.9.5', '2.11.3'] },
});
