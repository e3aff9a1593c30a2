import { particle } from '../../core/korean.js';
import { perResource } from '../lib/per-resource.js';
import { LAMBDA_RESTRICTING_CONDITION_KEYS, publicAllowStatements } from '../lib/policy.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'lambda-function-not-public',
  service: 'lambda',
  category: 'security',
  severity: 'critical',
  title: {
    en: 'Lambda function is not publicly invocable',
    ko: 'Lambda 함수가 공개적으로 호출 가능하지 않음',
  },
  failureLabel: { en: 'Publicly invocable Lambda functions', ko: '누구나 호출할 수 있는 Lambda 함수' },
  description: {
    en: 'Fails when the resource-based policy allows principal "*" without an aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID condition, so anyone can invoke or change the function.',
    ko: '리소스 기반 정책이 aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID 조건 없이 보안 주체 "*"에 허용하면 누구나 함수를 호출하거나 변경할 수 있으므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Anyone on the internet, with any AWS account, can invoke the function and run up its cost or reach what it can reach.',
      ko: '인터넷의 누구나 아무 AWS 계정으로 함수를 호출해 비용을 늘리거나 함수가 접근하는 자원에 닿을 수 있습니다.',
    },
    steps: {
      en: [
        'Lambda → the function → Configuration → Permissions → Resource-based policy statements → delete the statement whose principal is "*", or add it again with the calling service and a source ARN or account.',
      ],
      ko: [
        'Lambda → 해당 함수 → 구성 → 권한 → 리소스 기반 정책 문 → 보안 주체가 "*"인 문을 삭제하거나, 호출하는 서비스와 소스 ARN·계정을 지정해 다시 추가하세요.',
      ],
    },
    commands: [
      'aws lambda get-policy --function-name {{resourceId}} --region {{region}}',
      'aws lambda remove-permission --function-name {{resourceId}} --statement-id <SID> --region {{region}}',
    ],
  },
  compliance: { fsbp: ['Lambda.1'], ismsp: ['2.6.3', '2.10.2'] },
  docs: [
    'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html',
  ],
  requires: ['lambda.functions'],
  requiresFields: { 'lambda.functions': ['resourcePolicy'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'lambda.functions', (fn) => {
      if (fn.resourcePolicy === undefined) {
        return {
          status: 'unknown',
          message: {
            en: `Function ${fn.functionName}: the resource-based policy is missing from the collection.`,
            ko: `함수 ${fn.functionName}: 수집 결과에 리소스 기반 정책이 없습니다.`,
          },
        };
      }
      const open = publicAllowStatements(fn.resourcePolicy, LAMBDA_RESTRICTING_CONDITION_KEYS);
      if (open.length > 0) {
        return {
          status: 'fail',
          details: { publicStatements: open.join(',') },
          message: {
            en: `Function ${fn.functionName} is public: resource policy statement(s) ${open.join(', ')} allow "*" without a SourceArn, SourceAccount or PrincipalOrgID condition.`,
            ko: `함수 ${fn.functionName}${particle(fn.functionName, '이/가')} 공개되어 있습니다: 리소스 정책 문 ${open.join(', ')}${particle(open.join(', '), '이/가')} SourceArn, SourceAccount, PrincipalOrgID 조건 없이 "*"에 허용합니다.`,
          },
        };
      }
      return {
        status: 'pass',
        message:
          fn.resourcePolicy === null
            ? {
                en: `Function ${fn.functionName} has no resource-based policy.`,
                ko: `함수 ${fn.functionName}에 리소스 기반 정책이 없습니다.`,
              }
            : {
                en: `Function ${fn.functionName}: no resource policy statement allows unrestricted "*".`,
                ko: `함수 ${fn.functionName}: 제한 없이 "*"에 허용하는 리소스 정책 문이 없습니다.`,
              },
      };
    });
  },
});
