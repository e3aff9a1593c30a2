import { particle } from '../../core/korean.js';
import { daysBetween } from '../lib/metrics.js';
import { perResource } from '../lib/per-resource.js';
import { NO_PRICE, savingsBasis, usd } from '../lib/savings.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'secretsmanager-secret-used',
  service: 'secretsmanager',
  category: 'cost',
  severity: 'low',
  title: { en: 'Secrets are in use', ko: '보안 암호가 사용되고 있음' },
  failureLabel: { en: 'Unused secrets', ko: '사용되지 않는 보안 암호' },
  description: {
    en: 'Fails when the secret was last accessed more than 90 days ago, or was never accessed and was created more than 90 days ago. Each secret is billed 0.40 USD a month.',
    ko: '보안 암호를 마지막으로 읽은 지 90일이 넘었거나, 읽은 적이 없고 만든 지 90일이 넘었으면 실패입니다. 보안 암호마다 월 0.40 USD가 과금됩니다.',
  },
  remediation: {
    why: {
      en: 'A secret nobody reads is still billed every month, and a forgotten credential is one more thing that can leak.',
      ko: '아무도 읽지 않는 보안 암호도 매달 과금되고, 잊힌 자격 증명은 유출될 수 있는 대상이 하나 더 늘어나는 것입니다.',
    },
    steps: {
      en: [
        'Confirm with the owner that nothing still needs the secret (CloudTrail GetSecretValue events name the callers).',
        'Secrets Manager → Secrets → the secret → Actions → Delete secret → choose a recovery window (7–30 days) → Schedule deletion.',
      ],
      ko: [
        '이 보안 암호가 더 이상 필요 없는지 소유자에게 확인하세요(CloudTrail의 GetSecretValue 이벤트에 호출자가 나옵니다).',
        'Secrets Manager → 보안 암호 → 해당 보안 암호 → 작업 → 보안 암호 삭제 → 복구 기간(7–30일) 선택 → 삭제 예약.',
      ],
    },
    commands: [
      'aws secretsmanager delete-secret --secret-id {{resourceId}} --recovery-window-in-days 30 --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_delete-secret.html',
    'https://aws.amazon.com/secrets-manager/pricing/',
  ],
  compliance: { fsbp: ['SecretsManager.3'] },
  requires: ['secretsmanager.secrets'],
  settings: {
    unusedDays: {
      default: 90,
      min: 1,
      max: 3650,
      unit: 'days',
      description: {
        en: 'A secret not accessed (or, never accessed, created) for more days than this is unused.',
        ko: '이 일수보다 오래 읽히지 않은(읽힌 적이 없으면 만든 지 이 일수가 넘은) 보안 암호는 사용되지 않는 것으로 봅니다.',
      },
    },
  },
  evaluate(ctx) {
    const limit = ctx.settings.unusedDays;
    return perResource(ctx, 'secretsmanager.secrets', (secret) => {
      const name = secret.name;
      const since = secret.lastAccessedDate ?? secret.createdDate;
      if (!since) {
        return {
          status: 'unknown',
          message: {
            en: `Secret ${name}: neither the last access nor the creation date is known.`,
            ko: `보안 암호 ${name}: 마지막 액세스 날짜와 생성 날짜를 모두 알 수 없습니다.`,
          },
        };
      }
      const days = daysBetween(since, ctx.now);
      const accessed = secret.lastAccessedDate !== undefined;
      if (days <= limit) {
        return {
          status: 'pass',
          details: { daysSinceUse: days },
          message: accessed
            ? {
                en: `Secret ${name} was last accessed ${days} days ago.`,
                ko: `보안 암호 ${name}${particle(name, '은/는')} ${days}일 전에 마지막으로 사용되었습니다.`,
              }
            : {
                en: `Secret ${name} has not been accessed yet but was created only ${days} days ago.`,
                ko: `보안 암호 ${name}${particle(name, '은/는')} 아직 사용된 적이 없지만 만든 지 ${days}일밖에 되지 않았습니다.`,
              },
        };
      }
      const price = ctx.prices.secretsManagerSecretMonthly(secret.region);
      const cost = price
        ? { en: ` and costs ${usd(price.usd)} a month`, ko: ` (월 ${usd(price.usd)} 과금)` }
        : { en: '', ko: '' };
      return {
        status: 'fail',
        details: { daysSinceUse: days },
        estimatedMonthlySavingsUsd: price?.usd,
        savingsBasis: price
          ? savingsBasis({ en: '1 secret × 1 month', ko: '보안 암호 1개 × 1개월' }, [
              { label: { en: 'Secrets Manager secret', ko: 'Secrets Manager 보안 암호' }, quote: price },
            ])
          : NO_PRICE,
        message: accessed
          ? {
              en: `Secret ${name} was last accessed ${days} days ago${cost.en}: delete it if nothing needs it.`,
              ko: `보안 암호 ${name}${particle(name, '은/는')} ${days}일 전에 마지막으로 사용되었습니다${cost.ko}. 필요 없으면 삭제하세요.`,
            }
          : {
              en: `Secret ${name} was created ${days} days ago and never accessed${cost.en}: delete it if nothing needs it.`,
              ko: `보안 암호 ${name}${particle(name, '은/는')} 만든 지 ${days}일이 지났지만 사용된 적이 없습니다${cost.ko}. 필요 없으면 삭제하세요.`,
            },
      };
    });
  },
});
