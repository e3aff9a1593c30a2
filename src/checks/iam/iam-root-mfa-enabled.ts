import { passOrFail } from '../lib/per-resource.js';
import { rootSummaryFinding } from '../lib/root-account.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'iam-root-mfa-enabled',
  service: 'iam',
  category: 'security',
  severity: 'critical',
  title: { en: 'Root user has MFA', ko: '루트 사용자에 MFA가 설정됨' },
  failureLabel: { en: 'Root user without MFA', ko: 'MFA가 없는 루트 사용자' },
  description: {
    en: 'The root user can do anything in the account, including closing it. Fails when GetAccountSummary reports AccountMFAEnabled ≠ 1.',
    ko: '루트 사용자는 계정 해지를 포함해 계정에서 무엇이든 할 수 있습니다. GetAccountSummary의 AccountMFAEnabled가 1이 아니면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'The root user can do anything, including closing the account; a stolen password alone is enough without MFA.',
      ko: '루트 사용자는 계정 해지를 포함해 무엇이든 할 수 있으며, MFA가 없으면 유출된 암호 하나로 충분합니다.',
    },
    steps: {
      en: [
        'Sign in as the root user → account menu → Security credentials → Multi-factor authentication (MFA) → Assign MFA device; prefer a hardware security key or a passkey and keep the recovery method safe.',
        'Root MFA cannot be set from the AWS CLI with IAM user credentials; with AWS Organizations, consider centralised root access management.',
      ],
      ko: [
        '루트 사용자로 로그인 → 계정 메뉴 → 보안 자격 증명 → 멀티 팩터 인증(MFA) → MFA 디바이스 할당. 하드웨어 보안 키나 패스키를 권장하며, 복구 수단은 안전하게 보관하세요.',
        '루트 MFA는 IAM 사용자 자격 증명으로 AWS CLI에서 설정할 수 없습니다. AWS Organizations를 쓴다면 루트 액세스 중앙 관리를 검토하세요.',
      ],
    },
    commands: [],
  },
  // Not CIS 1.5: any MFA device passes here; 1.5 asks for a hardware device.
  compliance: { cis: ['1.4'], fsbp: ['IAM.9'], ismsp: ['2.5.3', '2.5.5'] },
  docs: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html',
  ],
  requires: ['iam.account-summary'],
  settings: {},
  evaluate(ctx) {
    return rootSummaryFinding(ctx, 'AccountMFAEnabled', (value, accountId) =>
      passOrFail(
        value === 1,
        {
          en: `Account ${accountId}: the root user has MFA enabled.`,
          ko: `계정 ${accountId}: 루트 사용자에 MFA가 켜져 있습니다.`,
        },
        {
          en: `Account ${accountId}: the root user has no MFA (AccountMFAEnabled = ${value}).`,
          ko: `계정 ${accountId}: 루트 사용자에 MFA가 없습니다(AccountMFAEnabled = ${value}).`,
        },
      ),
    );
  },
});
