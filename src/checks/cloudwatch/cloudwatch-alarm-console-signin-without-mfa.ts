import { defineTrailAlarmCheck } from '../lib/trail-alarm.js';

export default defineTrailAlarmCheck({
  id: 'cloudwatch-alarm-console-signin-without-mfa',
  severity: 'medium',
  tokens: ['$.eventName="ConsoleLogin"', '$.additionalEventData.MFAUsed!="Yes"'],
  pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
  watches: { en: 'console sign-ins without MFA', ko: 'MFA 없는 콘솔 로그인' },
  title: { en: 'Console sign-in without MFA raises an alarm', ko: 'MFA 없는 콘솔 로그인에 경보가 설정됨' },
  failureLabel: { en: 'No alarm on console sign-in without MFA', ko: 'MFA 없는 콘솔 로그인 경보 없음' },
  why: {
    en: 'A console sign-in without MFA rests on a password alone.',
    ko: 'MFA 없는 콘솔 로그인은 암호 하나에만 의존합니다.',
  },
  compliance: { cis: ['4.2'], ismsp: ['2.9.5', '2.11.3'] },
});
