import { defineTrailAlarmCheck } from '../lib/trail-alarm.js';

export default defineTrailAlarmCheck({
  id: 'cloudwatch-alarm-unauthorized-api-calls',
  severity: 'medium',
  tokens: ['$.errorCode="*UnauthorizedOperation"', '$.errorCode="AccessDenied*"'],
  pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  watches: { en: 'unauthorized API calls', ko: '권한 없는 API 호출' },
  title: { en: 'Unauthorized API calls raise an alarm', ko: '권한 없는 API 호출에 경보가 설정됨' },
  failureLabel: { en: 'No alarm on unauthorized API calls', ko: '권한 없는 API 호출 경보 없음' },
  why: {
    en: 'Bursts of denied calls often mean stolen credentials probing what they can do.',
    ko: '거부된 호출이 몰리면 탈취된 자격 증명으로 권한을 떠보는 경우가 많습니다.',
  },
  compliance: { cis: ['4.1'], ismsp: ['2.9.5', '2.11.3'] },
});
