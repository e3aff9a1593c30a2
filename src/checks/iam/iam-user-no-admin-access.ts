import { particle } from '../../core/korean.js';
import type { IamGroup } from '../../core/records.js';
import { perResource, type Verdict } from '../lib/per-resource.js';
import { indexPolicies, resolveAdmin } from '../lib/policy-admin.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'iam-user-no-admin-access',
  service: 'iam',
  category: 'security',
  severity: 'critical',
  title: { en: 'IAM user has no administrator access', ko: 'IAM 사용자에 관리자 권한이 없음' },
  failureLabel: { en: 'IAM users with administrator access', ko: '관리자 권한을 가진 IAM 사용자' },
  description: {
    en: 'Fails when the user has AdministratorAccess or a policy allowing "*" on "*", attached directly or inline, or through one of its groups.',
    ko: '사용자에게 직접(연결 또는 인라인) 또는 그룹을 통해 AdministratorAccess나 "*" 리소스에 "*" 작업을 허용하는 정책이 있으면 실패입니다.',
  },
  remediation: {
    why: {
      en: "Whoever obtains this user's password or keys controls the whole account.",
      ko: '이 사용자의 암호나 키를 얻은 사람은 계정 전체를 장악합니다.',
    },
    steps: {
      en: [
        'Grant administrator rights through IAM Identity Center permission sets or a role assumed with MFA, not as a standing user permission; give the user job-specific policies.',
        'IAM → Users (or User groups) → Permissions → remove AdministratorAccess or the policy that allows "*".',
      ],
      ko: [
        '관리자 권한은 상시 사용자 권한이 아니라 IAM Identity Center 권한 세트나 MFA로 위임받는 역할로 주고, 사용자에게는 업무별 정책을 주세요.',
        'IAM → 사용자(또는 사용자 그룹) → 권한 → AdministratorAccess나 "*"를 허용하는 정책 제거.',
      ],
    },
    commands: [
      'aws iam detach-user-policy --user-name {{resourceId}} --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
      'aws iam delete-user-policy --user-name {{resourceId}} --policy-name <INLINE_POLICY>',
      'aws iam remove-user-from-group --user-name {{resourceId}} --group-name <ADMIN_GROUP>',
    ],
  },
  compliance: { cis: ['1.15'], ismsp: ['2.5.1', '2.5.5'] },
  docs: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
  ],
  requires: ['iam.users', 'iam.groups', 'iam.policies'],
  requiresFields: { 'iam.users': ['attachedPolicies', 'inlinePolicies', 'groups'] },
  settings: {},
  evaluate(ctx) {
    const policies = indexPolicies(ctx.records('iam.policies'));
    const groups = new Map<string, IamGroup>(ctx.records('iam.groups').map((g) => [g.groupName, g]));
    return perResource(ctx, 'iam.users', (user): Verdict => {
      const resolved: { name: string; holder: IamGroup }[] = [];
      const missing: string[] = [];
      for (const name of user.groups) {
        const group = groups.get(name);
        // A group whose policies could not be listed is as unknown as a missing one.
        if (group && Object.keys(group.fieldErrors ?? {}).length === 0)
          resolved.push({ name, holder: group });
        else missing.push(name);
      }
      const admin = resolveAdmin(user, policies, resolved, missing);
      if (admin.status === 'admin') {
        return {
          status: 'fail',
          details: { adminGrants: admin.grants.join(', ') },
          message: {
            en: `User ${user.userName} has administrator access through ${admin.grants.join(', ')}.`,
            ko: `사용자 ${user.userName}${particle(user.userName, '은/는')} ${admin.grants.join(', ')}${particle(admin.grants.join(', '), '을/를')} 통해 관리자 권한을 가집니다.`,
          },
        };
      }
      if (admin.status === 'unknown') {
        return {
          status: 'unknown',
          details: { unresolved: admin.unresolved.join(', ') },
          message: {
            en: `User ${user.userName}: could not read ${admin.unresolved.join(', ')}, so administrator access cannot be ruled out.`,
            ko: `사용자 ${user.userName}: ${admin.unresolved.join(', ')}${particle(admin.unresolved.join(', '), '을/를')} 읽지 못해 관리자 권한 여부를 판단할 수 없습니다.`,
          },
        };
      }
      return {
        status: 'pass',
        message: {
          en: `User ${user.userName} has no policy allowing "*" on "*" (directly or through ${user.groups.length} group(s)).`,
          ko: `사용자 ${user.userName}에게 "*" 리소스에 "*" 작업을 허용하는 정책이 없습니다(직접 또는 그룹 ${user.groups.length}개를 통해).`,
        },
      };
    });
  },
});
