import { particle } from '../../core/korean.js';
import {
  daysUntilDeprecation,
  isRuntimeDeprecated,
  LAMBDA_RUNTIME_TABLE_AS_OF,
  lambdaRuntimeInfo,
} from '../lib/lambda-runtimes.js';
import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'lambda-function-runtime-supported',
  service: 'lambda',
  category: 'security',
  severity: 'high',
  title: { en: 'Lambda function runs on a supported runtime', ko: 'Lambda 함수가 지원되는 런타임을 사용함' },
  failureLabel: {
    en: 'Lambda functions on deprecated runtimes',
    ko: '지원이 끝났거나 곧 끝나는 런타임의 Lambda 함수',
  },
  description: {
    en: "Deprecated runtimes get no security patches, and AWS later blocks creating and updating functions that use them. Fails once the runtime's deprecation date has passed; warns when it falls within the next 120 days. Container images carry their own runtime and are not applicable.",
    ko: '지원 종료된 런타임은 보안 패치를 받지 못하고, 이후 AWS가 해당 런타임 함수의 생성과 업데이트를 막습니다. 런타임 지원 종료일이 지나면 실패, 120일 이내이면 경고입니다. 컨테이너 이미지는 자체 런타임을 쓰므로 해당 없음입니다.',
  },
  remediation: {
    why: {
      en: 'A deprecated runtime gets no security patches, and AWS eventually blocks creating and then updating functions on it.',
      ko: '지원 종료된 런타임은 보안 패치를 받지 못하며, AWS는 결국 그 런타임으로 함수를 만들거나 수정하는 것을 막습니다.',
    },
    steps: {
      en: [
        'Test the code on the newer runtime, then Lambda → the function → Code → Runtime settings → Edit → the newer runtime → Save; publish a new version or alias if you use them.',
        'Change the runtime in your infrastructure code too, or the next deployment reverts it.',
      ],
      ko: [
        '새 런타임에서 코드를 시험한 뒤 Lambda → 해당 함수 → 코드 → 런타임 설정 → 편집 → 새 런타임 → 저장. 버전이나 별칭을 쓴다면 새 버전을 게시하세요.',
        '인프라 코드의 런타임도 바꾸세요. 그러지 않으면 다음 배포에서 되돌아갑니다.',
      ],
    },
    commands: [
      'aws lambda update-function-configuration --function-name {{resourceId}} --runtime {{details.upgradeTo}} --region {{region}}',
    ],
  },
  compliance: { fsbp: ['Lambda.2'], ismsp: ['2.10.8'] },
  docs: [
    'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html',
  ],
  requires: ['lambda.functions'],
  settings: {
    warningDays: {
      default: 120,
      min: 0,
      max: 730,
      unit: 'days',
      description: {
        en: 'Warn when the deprecation date is this many days away or fewer',
        ko: '지원 종료일까지 남은 일수가 이 값 이하이면 경고',
      },
    },
  },
  evaluate(ctx) {
    return perResource(ctx, 'lambda.functions', (fn) => {
      if (fn.packageType === 'Image' || !fn.runtime) {
        return {
          status: 'not_applicable',
          message: {
            en: `Function ${fn.functionName} is a container image; its runtime is managed in the image.`,
            ko: `함수 ${fn.functionName}${particle(fn.functionName, '은/는')} 컨테이너 이미지이며 런타임은 이미지에서 관리됩니다.`,
          },
        };
      }
      const info = lambdaRuntimeInfo(fn.runtime);
      if (!info) {
        return {
          status: 'unknown',
          details: { runtime: fn.runtime, lifecycleTableAsOf: LAMBDA_RUNTIME_TABLE_AS_OF },
          message: {
            en: `Function ${fn.functionName} uses runtime ${fn.runtime}, which is not in the runtime lifecycle table (as of ${LAMBDA_RUNTIME_TABLE_AS_OF}).`,
            ko: `함수 ${fn.functionName}의 런타임 ${fn.runtime}${particle(fn.runtime, '은/는')} 런타임 수명 주기 표(${LAMBDA_RUNTIME_TABLE_AS_OF} 기준)에 없습니다.`,
          },
        };
      }
      const days = daysUntilDeprecation(info, ctx.now);
      const details = {
        runtime: info.id,
        deprecationDate: info.deprecationDate,
        daysUntilDeprecation: days,
        upgradeTo: info.upgradeTo ?? null,
      };
      const upgrade = info.upgradeTo
        ? {
            en: ` Upgrade to ${info.upgradeTo}.`,
            ko: ` ${info.upgradeTo}${particle(info.upgradeTo, '으로/로')} 업그레이드하세요.`,
          }
        : { en: '', ko: '' };
      if (isRuntimeDeprecated(info, ctx.now)) {
        return {
          status: 'fail',
          details,
          message: {
            en: `Function ${fn.functionName} uses ${info.name} (${info.id}), deprecated on ${info.deprecationDate}.${upgrade.en}`,
            ko: `함수 ${fn.functionName}${particle(fn.functionName, '은/는')} ${info.deprecationDate}에 지원 종료된 ${info.name}(${info.id})${particle(info.name, '을/를')} 사용합니다.${upgrade.ko}`,
          },
        };
      }
      if (days <= ctx.settings.warningDays) {
        return {
          status: 'warning',
          details,
          message: {
            en: `Function ${fn.functionName} uses ${info.name} (${info.id}), deprecated on ${info.deprecationDate} (in ${days} days).${upgrade.en}`,
            ko: `함수 ${fn.functionName}의 ${info.name}(${info.id}) 런타임은 ${info.deprecationDate}에 지원 종료됩니다(${days}일 남음).${upgrade.ko}`,
          },
        };
      }
      return {
        status: 'pass',
        details,
        message: {
          en: `Function ${fn.functionName} uses ${info.name} (${info.id}), supported until ${info.deprecationDate}.`,
          ko: `함수 ${fn.functionName}${particle(fn.functionName, '은/는')} ${info.deprecationDate}까지 지원되는 ${info.name}(${info.id})${particle(info.name, '을/를')} 사용합니다.`,
        },
      };
    });
  },
});
