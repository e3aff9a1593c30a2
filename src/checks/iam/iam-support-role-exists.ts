import { accountFinding } from '../lib/cloudtrail.js';
import { defineCheck } from '../types.js';

/** arn:<partition>:iam::aws:policy/AWSSupportAccess, in any partition. */
const SUPPORT_POLICY = /^arn:[^:]+:iam::aws:policy\/AWSSupportAccess$/;

export default defineCheck({
  id: 'iam-support-role-exists',
  service: 'iam',
  category: 'operational',
  severity: 'low',
  title: { en: 'A role can manage AWS Support cases', ko: 'AWS 지원 사례를 관리할 역할이 있음' },
  failureLabel: {
    en: 'No role with the AWSSupportAccess policy',
    ko: 'AWSSupportAccess 정책이 연결된 역할 없음',
  },
  description: {
    en: 'One finding for the account: fails when no IAM role has the AWS managed policy AWSSupportAccess attached.',
    ko: '계정당 하나의 결과: AWS 관리형 정책 AWSSupportAccess가 연결된 IAM 역할이 하나도 없으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'During an incident, people must be able to open and follow AWS Support cases without borrowing administrator or root credentials.',
      ko: '장애가 났을 때 관리자나 루트 자격 증명을 빌리지 않고도 AWS 지원 사례를 열고 확인할 수 있어야 합니다.',
    },
    steps: {
      en: [
        'IAM → Roles → Create role → trust the account (or your identity provider) → attach AWSSupportAccess → name it, for example "support".',
        'Let the people who handle incidents assume that role.',
      ],
      ko: [
        'IAM → 역할 → 역할 생성 → 이 계정(또는 자격 증명 공급자)을 신뢰 → AWSSupportAccess 연결 → 이름 지정(예: "support").',
        '장애를 처리하는 사람들이 그 역할을 위임받을 수 있게 하세요.',
      ],
    },
    commands: [
      'aws iam create-role --role-name support --assume-role-policy-document file://trust-account.json',
      'aws iam attach-role-policy --role-name support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess',
    ],
  },
  compliance: { cis: ['1.16'], ismsp: ['2.11.1'] },
  docs: [
    'https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html',
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSupportAccess.html',
  ],
  requires: ['iam.roles'],
  requiresFields: { 'iam.roles': ['attachedPolicies'] },
  settings: {},
  evaluate(ctx) {
    const roles = ctx
      .records('iam.roles')
      .filter((role) => role.attachedPolicies.some((p) => SUPPORT_POLICY.test(p.policyArn)))
      .map((role) => role.roleName);
    if (roles.length > 0) {
      return [
        accountFinding(ctx, {
          status: 'pass',
          details: { supportRoles: roles.join(', ') },
          message: {
            en: `Role(s) with AWSSupportAccess: ${roles.join(', ')}.`,
            ko: `AWSSupportAccess가 연결된 역할: ${roles.join(', ')}.`,
          },
        }),
      ];
    }
    return [
      accountFinding(ctx, {
        status: 'fail',
        message: {
          en: 'No IAM role has the AWSSupportAccess policy attached.',
          ko: 'AWSSupportAccess 정책이 연결된 IAM 역할이 없습니다.',
        },
      }),
    ];
  },
});
