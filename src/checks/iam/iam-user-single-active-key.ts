import { particle } from '../../core/korean.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'iam-user-single-active-key',
  service: 'iam',
  category: 'security',
  severity: 'medium',
  title: {
    en: 'IAM user has at most one active access key',
    ko: 'IAM 사용자의 활성 액세스 키가 하나 이하임',
  },
  failureLabel: { en: 'IAM users with two active access keys', ko: '활성 액세스 키가 두 개인 IAM 사용자' },
  description: {
    en: 'From the credential report: fails when both access_key_1_active and access_key_2_active are true. A second key belongs only to the few minutes of a rotation.',
    ko: '자격 증명 보고서 기준: access_key_1_active와 access_key_2_active가 모두 true이면 실패입니다. 두 번째 키는 교체하는 잠깐 동안에만 있어야 합니다.',
  },
  remediation: {
    why: {
      en: 'Two standing keys double what can leak, and usually mean a rotation was never finished: the old key still works.',
      ko: '상시 키가 두 개면 유출될 수 있는 자격 증명도 두 배가 되고, 대개 교체를 끝내지 않아 이전 키가 아직 동작한다는 뜻입니다.',
    },
    steps: {
      en: [
        "IAM → Users → the user → Security credentials → Access keys: find which key is still in use (the 'Last used' column).",
        'Move every application to that key, deactivate the other one, watch for errors for a few days, then delete it.',
      ],
      ko: [
        'IAM → 사용자 → 해당 사용자 → 보안 자격 증명 → 액세스 키에서 아직 쓰는 키를 찾으세요("마지막 사용" 열).',
        '모든 애플리케이션을 그 키로 옮기고 다른 키를 비활성화한 뒤, 며칠 동안 오류가 없는지 확인하고 삭제하세요.',
      ],
    },
    commands: [
      'aws iam list-access-keys --user-name {{resourceId}}',
      'aws iam update-access-key --user-name {{resourceId}} --access-key-id <UNUSED_KEY_ID> --status Inactive',
      'aws iam delete-access-key --user-name {{resourceId}} --access-key-id <UNUSED_KEY_ID>',
    ],
  },
  compliance: { cis: ['1.12'], ismsp: ['2.5.1'] },
  docs: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
  ],
  requires: ['iam.credential-report'],
  requiresFields: { 'iam.credential-report': ['accessKey1Active', 'accessKey2Active'] },
  settings: {},
  evaluate(ctx) {
    return perResource(
      ctx,
      'iam.credential-report',
      (row) => {
        const active = [row.accessKey1Active, row.accessKey2Active].filter(Boolean).length;
        return passOrFail(
          active < 2,
          {
            en: `User ${row.user} has ${active} active access key(s).`,
            ko: `사용자 ${row.user}의 활성 액세스 키는 ${active}개입니다.`,
          },
          {
            en: `User ${row.user} has two active access keys.`,
            ko: `사용자 ${row.user}${particle(row.user, '은/는')} 활성 액세스 키가 두 개입니다.`,
          },
          { activeAccessKeys: active },
        );
      },
      (row) => row.user !== '<root_account>',
    );
  },
});
