import type { IamCredentialReportRow } from '../../core/records.js';
import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

const DAY_MS = 86_400_000;

interface Credential {
  label: { en: string; ko: string };
  lastUsed?: string;
  /** When the credential came into being: "never used" counts from here. */
  createdAt?: string;
}

function activeCredentials(row: IamCredentialReportRow): Credential[] {
  const out: Credential[] = [];
  if (row.passwordEnabled)
    out.push({
      label: { en: 'console password', ko: '콘솔 암호' },
      lastUsed: row.passwordLastUsed,
      createdAt: row.passwordLastChanged ?? row.userCreationTime,
    });
  if (row.accessKey1Active)
    out.push({
      label: { en: 'access key 1', ko: '액세스 키 1' },
      lastUsed: row.accessKey1LastUsedDate,
      createdAt: row.accessKey1LastRotated ?? row.userCreationTime,
    });
  if (row.accessKey2Active)
    out.push({
      label: { en: 'access key 2', ko: '액세스 키 2' },
      lastUsed: row.accessKey2LastUsedDate,
      createdAt: row.accessKey2LastRotated ?? row.userCreationTime,
    });
  return out;
}

export default defineCheck({
  id: 'iam-user-credentials-used',
  service: 'iam',
  category: 'security',
  severity: 'medium',
  title: { en: 'IAM user credentials are in use', ko: 'IAM 사용자 자격 증명이 사용되고 있음' },
  failureLabel: { en: 'Unused IAM user credentials', ko: '사용하지 않는 IAM 사용자 자격 증명' },
  description: {
    en: 'From the credential report: fails when an active password or access key has not been used for more than 90 days; a credential never used counts from its creation. Users without active credentials are not applicable.',
    ko: '자격 증명 보고서 기준: 활성 암호나 액세스 키가 90일 넘게 사용되지 않았으면 실패입니다. 한 번도 사용하지 않은 자격 증명은 생성 시점부터 계산합니다. 활성 자격 증명이 없는 사용자는 해당 없음입니다.',
  },
  remediation: {
    why: {
      en: 'Unused passwords and keys are forgotten attack surface: nobody notices when someone else starts using them.',
      ko: '쓰지 않는 암호와 키는 잊힌 공격 표면이라, 다른 누군가가 쓰기 시작해도 아무도 알아채지 못합니다.',
    },
    steps: {
      en: [
        'Confirm with the owner, then remove what is unused: IAM → Users → the user → Security credentials → Console sign-in → Disable console access, and Access keys → Actions → Deactivate → Delete.',
      ],
      ko: [
        '소유자에게 확인한 뒤 쓰지 않는 것을 없애세요. IAM → 사용자 → 해당 사용자 → 보안 자격 증명 → 콘솔 로그인 → 콘솔 액세스 비활성화, 그리고 액세스 키 → 작업 → 비활성화 → 삭제.',
      ],
    },
    commands: [
      'aws iam delete-login-profile --user-name {{resourceId}}',
      'aws iam update-access-key --user-name {{resourceId}} --access-key-id <KEY_ID> --status Inactive',
      'aws iam delete-access-key --user-name {{resourceId}} --access-key-id <KEY_ID>',
    ],
  },
  // Not CIS 1.11: CIS disables credentials unused for 45 days, our rule allows 90 (FSBP IAM.8).
  compliance: { fsbp: ['IAM.8'], ismsp: ['2.5.1', '2.5.6'] },
  docs: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
  ],
  requires: ['iam.credential-report'],
  requiresFields: {
    'iam.credential-report': [
      'passwordEnabled',
      'passwordLastUsed',
      'passwordLastChanged',
      'accessKey1Active',
      'accessKey1LastRotated',
      'accessKey1LastUsedDate',
      'accessKey2Active',
      'accessKey2LastRotated',
      'accessKey2LastUsedDate',
    ],
  },
  settings: {
    maxUnusedDays: {
      default: 90,
      min: 1,
      max: 3650,
      unit: 'days',
      description: {
        en: 'Days a credential may stay unused',
        ko: '자격 증명을 사용하지 않아도 되는 최대 일수',
      },
    },
  },
  evaluate(ctx) {
    const maxDays = ctx.settings.maxUnusedDays;
    const daysSince = (iso: string) => Math.floor((ctx.now.getTime() - Date.parse(iso)) / DAY_MS);
    return perResource(
      ctx,
      'iam.credential-report',
      (row) => {
        const credentials = activeCredentials(row).map((c) => {
          const since = c.lastUsed ?? c.createdAt;
          return {
            ...c,
            idleDays: since ? daysSince(since) : undefined,
            neverUsed: c.lastUsed === undefined,
          };
        });
        if (credentials.length === 0) {
          return {
            status: 'not_applicable',
            message: {
              en: `User ${row.user} has no active password or access key.`,
              ko: `사용자 ${row.user}에 활성 암호나 액세스 키가 없습니다.`,
            },
          };
        }
        const say = (lang: 'en' | 'ko') =>
          credentials
            .map((c) => {
              const days = c.idleDays ?? '?';
              if (lang === 'ko')
                return `${c.label.ko}: ${c.neverUsed ? `사용 기록 없음, 생성 후 ${days}일` : `${days}일 전 사용`}`;
              return `${c.label.en}: ${c.neverUsed ? `never used, created ${days} days ago` : `last used ${days} days ago`}`;
            })
            .join(', ');
        const stale = credentials.filter((c) => c.idleDays !== undefined && c.idleDays > maxDays);
        if (stale.length > 0) {
          return {
            status: 'fail',
            details: { unusedCredentials: stale.map((c) => c.label.en).join(', ') },
            message: {
              en: `User ${row.user} has credentials unused for more than ${maxDays} days (${say('en')}).`,
              ko: `사용자 ${row.user}에 ${maxDays}일 넘게 사용하지 않은 자격 증명이 있습니다(${say('ko')}).`,
            },
          };
        }
        if (credentials.some((c) => c.idleDays === undefined)) {
          return {
            status: 'unknown',
            message: {
              en: `User ${row.user}: the credential report has no usage or creation date for an active credential (${say('en')}).`,
              ko: `사용자 ${row.user}: 자격 증명 보고서에 활성 자격 증명의 사용 또는 생성 날짜가 없습니다(${say('ko')}).`,
            },
          };
        }
        return {
          status: 'pass',
          message: {
            en: `User ${row.user}: every active credential was used within ${maxDays} days (${say('en')}).`,
            ko: `사용자 ${row.user}: 모든 활성 자격 증명이 ${maxDays}일 이내에 사용되었습니다(${say('ko')}).`,
          },
        };
      },
      (row) => row.user !== '<root_account>',
    );
  },
});
