import { particle } from '../../core/korean.js';
import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'iam-user-console-mfa',
  service: 'iam',
  category: 'security',
  severity: 'high',
  title: { en: 'IAM user with a console password has MFA', ko: '콘솔 암호가 있는 IAM 사용자에 MFA가 설정됨' },
  failureLabel: { en: 'IAM console users without MFA', ko: 'MFA가 없는 IAM 콘솔 사용자' },
  description: {
    en: 'From the credential report (or, when the report is denied, from GetLoginProfile and ListMFADevices per user): fails when a user has a console password (password_enabled) and no MFA device (mfa_active false). Users without a password are not applicable.',
    ko: '자격 증명 보고서 기준(보고서가 거부되면 사용자별 GetLoginProfile과 ListMFADevices 기준): 콘솔 암호가 있고(password_enabled) MFA 디바이스가 없으면(mfa_active false) 실패입니다. 암호가 없는 사용자는 해당 없음입니다.',
  },
  remediation: {
    why: {
      en: 'Without MFA, a phished or reused password is enough to sign in to the console as this user.',
      ko: 'MFA가 없으면 피싱당하거나 재사용한 암호만으로 이 사용자로 콘솔에 로그인할 수 있습니다.',
    },
    steps: {
      en: [
        'IAM → Users → the user → Security credentials → Multi-factor authentication (MFA) → Assign MFA device (a passkey or security key is best).',
        'If the user does not need the console, remove the console password instead (last command); enforce MFA with a policy that denies actions when aws:MultiFactorAuthPresent is false.',
      ],
      ko: [
        'IAM → 사용자 → 해당 사용자 → 보안 자격 증명 → 멀티 팩터 인증(MFA) → MFA 디바이스 할당(패스키나 보안 키 권장).',
        '콘솔이 필요 없는 사용자라면 대신 콘솔 암호를 삭제하세요(마지막 명령). aws:MultiFactorAuthPresent가 false일 때 작업을 거부하는 정책으로 MFA를 강제하세요.',
      ],
    },
    commands: [
      'aws iam create-virtual-mfa-device --virtual-mfa-device-name {{resourceId}} --outfile qr.png --bootstrap-method QRCodePNG',
      'aws iam enable-mfa-device --user-name {{resourceId}} --serial-number <MFA_ARN> --authentication-code1 <CODE1> --authentication-code2 <CODE2>',
      'aws iam delete-login-profile --user-name {{resourceId}}',
    ],
  },
  compliance: { cis: ['1.9'], fsbp: ['IAM.5'], ismsp: ['2.5.3'] },
  docs: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
  ],
  requires: ['iam.credential-report'],
  // Filled by GetLoginProfile / ListMFADevices when the report itself was denied.
  requiresFields: { 'iam.credential-report': ['passwordEnabled', 'mfaActive'] },
  settings: {},
  evaluate(ctx) {
    return perResource(
      ctx,
      'iam.credential-report',
      (row) => {
        if (!row.passwordEnabled) {
          return {
            status: 'not_applicable',
            message: {
              en: `User ${row.user} has no console password.`,
              ko: `사용자 ${row.user}에 콘솔 암호가 없습니다.`,
            },
          };
        }
        return row.mfaActive
          ? {
              status: 'pass',
              message: {
                en: `User ${row.user} has a console password and an active MFA device.`,
                ko: `사용자 ${row.user}${particle(row.user, '은/는')} 콘솔 암호와 활성 MFA 디바이스가 있습니다.`,
              },
            }
          : {
              status: 'fail',
              message: {
                en: `User ${row.user} can sign in to the console with a password and has no MFA device.`,
                ko: `사용자 ${row.user}${particle(row.user, '은/는')} 암호로 콘솔에 로그인할 수 있지만 MFA 디바이스가 없습니다.`,
              },
            };
      },
      (row) => row.user !== '<root_account>',
    );
  },
});
