import type { IamCredentialReportRow } from '../../core/records.js';
import { accountFinding } from '../lib/cloudtrail.js';
import { defineCheck } from '../types.js';

const DAY_MS = 86_400_000;
const ROOT_ROW = '<root_account>';

/** The root user's sign-ins and key uses the credential report records, newest first. */
function rootUses(
  row: IamCredentialReportRow,
): { what: 'password' | 'accessKey1' | 'accessKey2'; at: string }[] {
  const uses = [
    { what: 'password' as const, at: row.passwordLastUsed },
    { what: 'accessKey1' as const, at: row.accessKey1LastUsedDate },
    { what: 'accessKey2' as const, at: row.accessKey2LastUsedDate },
  ];
  return uses
    .filter((u): u is { what: (typeof u)['what']; at: string } => u.at !== undefined)
    .sort((a, b) => b.at.localeCompare(a.at));
}

const USE_LABEL = {
  password: { en: 'password sign-in', ko: '암호 로그인' },
  accessKey1: { en: 'access key 1', ko: '액세스 키 1' },
  accessKey2: { en: 'access key 2', ko: '액세스 키 2' },
};

export default defineCheck({
  id: 'iam-root-not-used-recently',
  service: 'iam',
  category: 'security',
  severity: 'high',
  title: { en: 'Root user not used recently', ko: '최근에 루트 사용자를 쓰지 않음' },
  failureLabel: { en: 'Root user used recently', ko: '최근에 사용한 루트 사용자' },
  description: {
    en: "From the credential report's <root_account> row: fails when password_last_used, access_key_1_last_used_date or access_key_2_last_used_date is within the last 30 days (setting).",
    ko: '자격 증명 보고서의 <root_account> 행 기준: password_last_used, access_key_1_last_used_date, access_key_2_last_used_date 중 하나가 최근 30일(설정값) 이내이면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'The root user cannot be limited by any policy; everyday work done as root means its credentials are handled often and any slip exposes the whole account.',
      ko: '루트 사용자는 어떤 정책으로도 제한할 수 없습니다. 평소 작업을 루트로 하면 자격 증명을 자주 다루게 되어 작은 실수로도 계정 전체가 노출됩니다.',
    },
    steps: {
      en: [
        'Find out who used the root user and why: CloudTrail → Event history → filter by User name "root".',
        'Give that work to an IAM role or IAM Identity Center user; keep root for the few tasks that require it, with MFA and no access keys.',
      ],
      ko: [
        '누가 왜 루트 사용자를 썼는지 확인하세요: CloudTrail → 이벤트 기록 → 사용자 이름 "root"로 필터.',
        '그 작업은 IAM 역할이나 IAM Identity Center 사용자에게 맡기고, 루트는 꼭 필요한 몇 가지 작업에만 MFA와 함께 쓰고 액세스 키는 두지 마세요.',
      ],
    },
    commands: [
      'aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --max-results 50 --region {{region}}',
    ],
  },
  compliance: { cis: ['1.6'], ismsp: ['2.5.5'] },
  docs: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
  ],
  requires: ['iam.credential-report'],
  settings: {
    recentDays: {
      default: 30,
      min: 1,
      max: 365,
      unit: 'days',
      description: {
        en: 'A root sign-in or key use this recent fails the check',
        ko: '이 기간 안에 루트 로그인이나 키 사용이 있으면 실패',
      },
    },
  },
  evaluate(ctx) {
    const days = ctx.settings.recentDays;
    const row = ctx.records('iam.credential-report').find((r) => r.user === ROOT_ROW);
    if (!row || Object.keys(row.fieldErrors ?? {}).length > 0) {
      return [
        accountFinding(ctx, {
          status: 'unknown',
          message: {
            en: 'The credential report has no root user row, so recent root use cannot be judged.',
            ko: '자격 증명 보고서에 루트 사용자 행이 없어 최근 루트 사용 여부를 판단할 수 없습니다.',
          },
        }),
      ];
    }
    const since = ctx.now.getTime() - days * DAY_MS;
    const recent = rootUses(row).filter((u) => Date.parse(u.at) >= since);
    const latest = recent[0];
    if (latest) {
      const en = recent.map((u) => `${USE_LABEL[u.what].en} ${u.at.slice(0, 10)}`).join(', ');
      const ko = recent.map((u) => `${USE_LABEL[u.what].ko} ${u.at.slice(0, 10)}`).join(', ');
      return [
        accountFinding(ctx, {
          status: 'fail',
          details: { lastRootUse: latest.at },
          message: {
            en: `The root user was used within the last ${days} days (${en}).`,
            ko: `최근 ${days}일 안에 루트 사용자를 썼습니다(${ko}).`,
          },
        }),
      ];
    }
    return [
      accountFinding(ctx, {
        status: 'pass',
        message: {
          en: `The root user has not signed in or used an access key in the last ${days} days.`,
          ko: `최근 ${days}일 동안 루트 사용자의 로그인이나 액세스 키 사용이 없습니다.`,
        },
      }),
    ];
  },
});
