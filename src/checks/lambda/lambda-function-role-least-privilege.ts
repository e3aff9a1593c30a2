import { particle } from '../../core/korean.js';
import type { IamRole } from '../../core/records.js';
import { perResource } from '../lib/per-resource.js';
import { indexPolicies, resolveAdmin } from '../lib/policy-admin.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'lambda-function-role-least-privilege',
  service: 'lambda',
  category: 'security',
  severity: 'high',
  title: {
    en: 'Lambda execution role is not an administrator',
    ko: 'Lambda 실행 역할이 관리자 권한을 갖지 않음',
  },
  failureLabel: {
    en: 'Lambda functions with an administrator role',
    ko: '관리자 권한 역할을 쓰는 Lambda 함수',
  },
  description: {
    en: 'Fails when the execution role has AdministratorAccess or any attached or inline policy allowing "*" on "*": a bug or injected code in the function could then do anything in the account.',
    ko: '실행 역할에 AdministratorAccess가 있거나 "*" 리소스에 "*" 작업을 허용하는 연결/인라인 정책이 있으면 실패입니다. 함수의 버그나 주입된 코드가 계정에서 무엇이든 할 수 있게 됩니다.',
  },
  remediation: {
    why: {
      en: "A flaw in the function's code or a dependency hands the attacker full control of the account.",
      ko: '함수 코드나 의존성에 취약점이 하나만 있어도 공격자가 계정 전체를 장악합니다.',
    },
    steps: {
      en: [
        'Give the function its own role with only the actions and resources it uses (start from AWSLambdaBasicExecutionRole; IAM Access Analyzer can generate a policy from CloudTrail activity).',
        'IAM → Roles → the role → Permissions → remove AdministratorAccess or the policy that allows "*" → Add permissions with a scoped policy.',
      ],
      ko: [
        '함수 전용 역할을 만들어 실제로 쓰는 작업과 리소스만 허용하세요(AWSLambdaBasicExecutionRole에서 시작하고, IAM Access Analyzer로 CloudTrail 기록에서 정책을 생성할 수 있음).',
        'IAM → 역할 → 해당 역할 → 권한 → AdministratorAccess나 "*"를 허용하는 정책 제거 → 범위를 좁힌 정책으로 권한 추가.',
      ],
    },
    commands: [
      'aws iam detach-role-policy --role-name {{details.roleName}} --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
      'aws iam put-role-policy --role-name {{details.roleName}} --policy-name least-privilege --policy-document file://scoped.json',
    ],
  },
  compliance: { cis: ['1.15'], ismsp: ['2.5.1', '2.5.5'] },
  docs: [
    'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  ],
  requires: ['lambda.functions', 'iam.roles', 'iam.policies'],
  settings: {},
  evaluate(ctx) {
    const roles = ctx.records('iam.roles');
    const byArn = new Map(roles.map((r) => [r.arn, r]));
    const byName = new Map(roles.map((r) => [r.roleName, r]));
    const policies = indexPolicies(ctx.records('iam.policies'));
    return perResource(ctx, 'lambda.functions', (fn) => {
      const roleName = fn.role.split('/').pop() ?? fn.role;
      const role: IamRole | undefined = byArn.get(fn.role) ?? byName.get(roleName);
      const unreadable = role
        ? Object.keys(role.fieldErrors ?? {}).filter((f) => f.endsWith('Policies'))
        : [];
      if (!role || unreadable.length > 0) {
        return {
          status: 'unknown',
          details: { role: fn.role },
          message: role
            ? {
                en: `Function ${fn.functionName}: the policies of execution role ${roleName} could not be collected (${unreadable.join(', ')}).`,
                ko: `함수 ${fn.functionName}: 실행 역할 ${roleName}의 정책을 수집하지 못했습니다(${unreadable.join(', ')}).`,
              }
            : {
                en: `Function ${fn.functionName}: execution role ${fn.role} is not among the collected IAM roles (another account, or deleted).`,
                ko: `함수 ${fn.functionName}: 실행 역할 ${fn.role}${particle(fn.role, '이/가')} 수집된 IAM 역할에 없습니다(다른 계정이거나 삭제됨).`,
              },
        };
      }
      const admin = resolveAdmin(role, policies);
      const details = {
        role: role.arn,
        roleName: role.roleName,
        adminGrants: admin.grants.join(', ') || null,
      };
      if (admin.status === 'admin') {
        return {
          status: 'fail',
          details,
          message: {
            en: `Function ${fn.functionName}: execution role ${role.roleName} has administrator access through ${admin.grants.join(', ')}.`,
            ko: `함수 ${fn.functionName}: 실행 역할 ${role.roleName}${particle(role.roleName, '이/가')} ${admin.grants.join(', ')}${particle(admin.grants.join(', '), '을/를')} 통해 관리자 권한을 가집니다.`,
          },
        };
      }
      if (admin.status === 'unknown') {
        return {
          status: 'unknown',
          details: { ...details, unresolvedPolicies: admin.unresolved.join(', ') },
          message: {
            en: `Function ${fn.functionName}: the documents of ${admin.unresolved.join(', ')} attached to role ${role.roleName} were not collected.`,
            ko: `함수 ${fn.functionName}: 역할 ${role.roleName}에 연결된 ${admin.unresolved.join(', ')}의 정책 문서를 수집하지 못했습니다.`,
          },
        };
      }
      return {
        status: 'pass',
        details,
        message: {
          en: `Function ${fn.functionName}: execution role ${role.roleName} has no policy allowing "*" on "*".`,
          ko: `함수 ${fn.functionName}: 실행 역할 ${role.roleName}에 "*" 리소스에 "*" 작업을 허용하는 정책이 없습니다.`,
        },
      };
    });
  },
});
