import { passOrFail } from '../lib/per-resource.js';
import { rootSummaryFinding } from '../lib/root-account.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'iam-root-no-access-keys',
  service: 'iam',
  category: 'security',
  severity: 'critical',
  title: { en: 'Root user has no access keys', ko: '루트 사용자에 액세스 키가 없음' },
  failureLabel: { en: 'Root user with access keys', ko: '액세스 키가 있는 루트 사용자' },
  description: {
    en: 'A root access key gives unrestricted, unscoped API access to the account and cannot be limited by IAM policies. Fails when GetAccountSummary reports AccountAccessKeysPresent ≥ 1.',
    ko: '루트 액세스 키는 IAM 정책으로 제한할 수 없는 무제한 API 접근 권한을 줍니다. GetAccountSummary의 AccountAccessKeysPresent가 1 이상이면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'A root access key never expires, cannot be limited by any policy and gives full control of the account if leaked.',
      ko: '루트 액세스 키는 만료되지 않고 어떤 정책으로도 제한할 수 없으며, 유출되면 계정 전체를 장악당합니다.',
    },
    steps: {
      en: [
        'Move any automation that uses the root key to an IAM role.',
        'Sign in as the root user → account menu → Security credentials → Access keys → Deactivate → Delete.',
      ],
      ko: [
        '루트 키를 쓰는 자동화를 모두 IAM 역할로 옮기세요.',
        '루트 사용자로 로그인 → 계정 메뉴 → 보안 자격 증명 → 액세스 키 → 비활성화 → 삭제.',
      ],
    },
    commands: [],
  },
  compliance: { cis: ['1.3'], fsbp: ['IAM.4'], ismsp: ['2.5.5'] },
  docs: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html',
  ],
  requires: ['iam.account-summary'],
  settings: {},
  evaluate(ctx) {
    return rootSummaryFinding(ctx, 'AccountAccessKeysPresent', (value, accountId) =>
      passOrFail(
        value < 1,
        {
          en: `Account ${accountId}: the root user has no access keys.`,
          ko: `계정 ${accountId}: 루트 사용자에 액세스 키가 없습니다.`,
        },
        {
          en: `Account ${accountId}: the root user has access keys (AccountAccessKeysPresent = ${value}).`,
          ko: `계정 ${accountId}: 루트 사용자에 액세스 키가 있습니다(AccountAccessKeysPresent = ${value}).`,
        },
      ),
    );
  },
});
