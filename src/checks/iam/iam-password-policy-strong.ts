import { defineCheck, type FindingDraft } from '../types.js';

export default defineCheck({
  id: 'iam-password-policy-strong',
  service: 'iam',
  category: 'security',
  severity: 'medium',
  title: { en: 'Account password policy is strong', ko: '계정 암호 정책이 강력함' },
  failureLabel: { en: 'Weak or missing account password policy', ko: '약하거나 없는 계정 암호 정책' },
  description: {
    en: 'Fails when the account has no password policy, or MinimumPasswordLength < 14, or PasswordReusePrevention < 24 (CIS AWS Foundations).',
    ko: '계정에 암호 정책이 없거나 MinimumPasswordLength < 14 또는 PasswordReusePrevention < 24이면 실패입니다(CIS AWS Foundations).',
  },
  remediation: {
    why: {
      en: "Short or reused passwords are the easiest way into an account's console.",
      ko: '짧거나 재사용한 암호는 계정 콘솔에 들어가는 가장 쉬운 길입니다.',
    },
    steps: {
      en: [
        'IAM → Account settings → Password policy → Edit → Custom: minimum length 14, prevent reuse of the last 24 passwords, character types as your standard → Save.',
      ],
      ko: [
        'IAM → 계정 설정 → 암호 정책 → 편집 → 사용자 지정: 최소 길이 14, 최근 암호 24개 재사용 금지, 문자 종류는 조직 기준에 맞게 → 저장.',
      ],
    },
    commands: [
      'aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password',
    ],
    iac: {
      kind: 'terraform',
      code: 'resource "aws_iam_account_password_policy" "strict" { minimum_password_length = 14  password_reuse_prevention = 24 }',
    },
  },
  compliance: { cis: ['1.7', '1.8'], fsbp: ['IAM.7'], ismsp: ['2.5.4'] },
  docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html'],
  requires: ['iam.password-policy'],
  settings: {
    minimumLength: {
      default: 14,
      min: 6,
      max: 128,
      unit: 'characters',
      description: { en: 'Required minimum password length', ko: '요구되는 최소 암호 길이' },
    },
    reusePrevention: {
      default: 24,
      min: 1,
      max: 24,
      unit: 'passwords',
      description: {
        en: 'Required number of previous passwords that cannot be reused',
        ko: '재사용할 수 없어야 하는 이전 암호 개수',
      },
    },
  },
  evaluate(ctx) {
    const accountId = ctx.snapshot.metadata.accountId ?? 'account';
    const resource = { resourceId: accountId, resourceName: `AWS account ${accountId}`, region: 'global' };
    const record = ctx.records('iam.password-policy')[0];
    if (!record) {
      return [
        {
          ...resource,
          status: 'unknown',
          message: {
            en: `Account ${accountId}: the password policy is missing from the collection.`,
            ko: `계정 ${accountId}: 수집 결과에 암호 정책이 없습니다.`,
          },
        },
      ];
    }
    if (record.policy === null) {
      return [
        {
          ...resource,
          status: 'fail',
          message: {
            en: `Account ${accountId} has no IAM password policy.`,
            ko: `계정 ${accountId}에 IAM 암호 정책이 없습니다.`,
          },
        },
      ];
    }
    const length = record.policy.minimumPasswordLength ?? 0;
    const reuse = record.policy.passwordReusePrevention ?? 0;
    const details = { minimumPasswordLength: length, passwordReusePrevention: reuse };
    const problems: { en: string; ko: string }[] = [];
    if (length < ctx.settings.minimumLength)
      problems.push({
        en: `MinimumPasswordLength ${length} < ${ctx.settings.minimumLength}`,
        ko: `MinimumPasswordLength ${length} < ${ctx.settings.minimumLength}`,
      });
    if (reuse < ctx.settings.reusePrevention)
      problems.push({
        en: `PasswordReusePrevention ${reuse || 'not set'} < ${ctx.settings.reusePrevention}`,
        ko: `PasswordReusePrevention ${reuse || '미설정'} < ${ctx.settings.reusePrevention}`,
      });
    const finding: FindingDraft =
      problems.length > 0
        ? {
            ...resource,
            status: 'fail',
            details,
            message: {
              en: `Account ${accountId} password policy is weak: ${problems.map((p) => p.en).join('; ')}.`,
              ko: `계정 ${accountId}의 암호 정책이 약합니다: ${problems.map((p) => p.ko).join('; ')}.`,
            },
          }
        : {
            ...resource,
            status: 'pass',
            details,
            message: {
              en: `Account ${accountId} password policy requires ${length} characters and prevents reuse of the last ${reuse} passwords.`,
              ko: `계정 ${accountId}의 암호 정책은 ${length}자 이상을 요구하고 최근 ${reuse}개 암호의 재사용을 막습니다.`,
            },
          };
    return [finding];
  },
});
