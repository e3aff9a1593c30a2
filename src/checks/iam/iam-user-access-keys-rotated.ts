import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

const DAY_MS = 86_400_000;

export default defineCheck({
  id: 'iam-user-access-keys-rotated',
  service: 'iam',
  category: 'security',
  severity: 'medium',
  title: { en: 'IAM user access keys are rotated', ko: 'IAM 사용자 액세스 키가 교체됨' },
  failureLabel: { en: 'IAM access keys not rotated', ko: '교체되지 않은 IAM 액세스 키' },
  description: {
    en: 'From the credential report: fails when an active access key was last rotated (created) more than 90 days ago. Users without active keys are not applicable.',
    ko: '자격 증명 보고서 기준: 활성 액세스 키의 마지막 교체(생성) 시점이 90일보다 오래되었으면 실패입니다. 활성 키가 없는 사용자는 해당 없음입니다.',
  },
  remediation: {
    why: {
      en: 'The older a key, the more places it has been copied to, and the longer a leaked copy keeps working.',
      ko: '오래된 키일수록 여러 곳에 복사되어 있고, 유출된 사본이 그만큼 오래 유효합니다.',
    },
    steps: {
      en: [
        'Prefer IAM roles or IAM Identity Center to long-lived keys.',
        'To rotate: create a second key, switch every client to it, deactivate the old key, watch for errors, then delete it (IAM → Users → the user → Security credentials → Access keys).',
      ],
      ko: [
        '장기 키보다 IAM 역할이나 IAM Identity Center를 쓰세요.',
        '교체 순서: 두 번째 키를 만들고, 모든 클라이언트를 새 키로 바꾸고, 이전 키를 비활성화해 오류가 없는지 지켜본 뒤 삭제하세요(IAM → 사용자 → 해당 사용자 → 보안 자격 증명 → 액세스 키).',
      ],
    },
    commands: [
      'aws iam create-access-key --user-name {{resourceId}}',
      'aws iam update-access-key --user-name {{resourceId}} --access-key-id <OLD_KEY_ID> --status Inactive',
      'aws iam delete-access-key --user-name {{resourceId}} --access-key-id <OLD_KEY_ID>',
    ],
  },
  compliance: { cis: ['1.13'], fsbp: ['IAM.3'], ismsp: ['2.5.3'] },
  docs: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
  ],
  requires: ['iam.credential-report'],
  requiresFields: {
    'iam.credential-report': [
      'accessKey1Active',
      'accessKey1LastRotated',
      'accessKey2Active',
      'accessKey2LastRotated',
    ],
  },
  settings: {
    maxKeyAgeDays: {
      default: 90,
      min: 1,
      max: 3650,
      unit: 'days',
      description: { en: 'Maximum age of an active access key', ko: '활성 액세스 키의 최대 사용 기간' },
    },
  },
  evaluate(ctx) {
    const maxAge = ctx.settings.maxKeyAgeDays;
    return perResource(
      ctx,
      'iam.credential-report',
      (row) => {
        const keys = [
          { n: 1, active: row.accessKey1Active, rotated: row.accessKey1LastRotated },
          { n: 2, active: row.accessKey2Active, rotated: row.accessKey2LastRotated },
        ]
          .filter((k) => k.active)
          .map((k) => ({
            ...k,
            ageDays: k.rotated ? Math.floor((ctx.now.getTime() - Date.parse(k.rotated)) / DAY_MS) : undefined,
          }));
        if (keys.length === 0) {
          return {
            status: 'not_applicable',
            message: {
              en: `User ${row.user} has no active access key.`,
              ko: `사용자 ${row.user}에 활성 액세스 키가 없습니다.`,
            },
          };
        }
        const describe = keys.map((k) => `key ${k.n}: ${k.ageDays ?? '?'} days`).join(', ');
        const describeKo = keys.map((k) => `키 ${k.n}: ${k.ageDays ?? '?'}일`).join(', ');
        const details = Object.fromEntries(keys.map((k) => [`accessKey${k.n}AgeDays`, k.ageDays ?? null]));
        const old = keys.filter((k) => k.ageDays !== undefined && k.ageDays > maxAge);
        if (old.length > 0) {
          return {
            status: 'fail',
            details,
            message: {
              en: `User ${row.user} has active access key(s) older than ${maxAge} days (${describe}).`,
              ko: `사용자 ${row.user}에 ${maxAge}일보다 오래된 활성 액세스 키가 있습니다(${describeKo}).`,
            },
          };
        }
        if (keys.some((k) => k.ageDays === undefined)) {
          return {
            status: 'unknown',
            details,
            message: {
              en: `User ${row.user}: the credential report has no rotation date for an active key (${describe}).`,
              ko: `사용자 ${row.user}: 자격 증명 보고서에 활성 키의 교체 날짜가 없습니다(${describeKo}).`,
            },
          };
        }
        return {
          status: 'pass',
          details,
          message: {
            en: `User ${row.user}: active access keys are within ${maxAge} days (${describe}).`,
            ko: `사용자 ${row.user}: 활성 액세스 키가 ${maxAge}일 이내입니다(${describeKo}).`,
          },
        };
      },
      (row) => row.user !== '<root_account>',
    );
  },
});
