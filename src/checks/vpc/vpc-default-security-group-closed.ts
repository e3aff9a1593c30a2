import { perResource } from '../lib/per-resource.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'vpc-default-security-group-closed',
  service: 'ec2',
  category: 'security',
  severity: 'medium',
  title: {
    en: 'VPC default security groups allow no traffic',
    ko: 'VPC 기본 보안 그룹이 트래픽을 허용하지 않음',
  },
  failureLabel: { en: 'VPCs whose default security group has rules', ko: '기본 보안 그룹에 규칙이 있는 VPC' },
  description: {
    en: "Fails when the VPC's security group named default has any inbound or outbound rule (CIS 5.5).",
    ko: 'VPC의 "default" 보안 그룹에 인바운드 또는 아웃바운드 규칙이 하나라도 있으면 실패입니다 (CIS 5.5).',
  },
  remediation: {
    why: {
      en: 'Resources launched without a chosen security group land in the default one, so its rules silently open them.',
      ko: '보안 그룹을 지정하지 않고 만든 리소스는 기본 보안 그룹에 들어가므로, 그 규칙이 모르는 사이에 리소스를 열어 둡니다.',
    },
    steps: {
      en: [
        'Move every resource that uses the default group to a purpose-made security group first.',
        'VPC → Security groups → the group named default in this VPC → Inbound rules → Edit → delete every rule; do the same for Outbound rules.',
      ],
      ko: [
        '먼저 기본 보안 그룹을 쓰는 리소스를 모두 용도에 맞게 만든 보안 그룹으로 옮기세요.',
        'VPC → 보안 그룹 → 이 VPC의 "default" 그룹 → 인바운드 규칙 → 편집 → 모든 규칙 삭제, 아웃바운드 규칙도 같은 방법으로 삭제.',
      ],
    },
    commands: [
      'aws ec2 revoke-security-group-ingress --group-id {{details.groupId}} --ip-permissions "$(aws ec2 describe-security-groups --group-ids {{details.groupId}} --query SecurityGroups[0].IpPermissions --region {{region}})" --region {{region}}',
      'aws ec2 revoke-security-group-egress --group-id {{details.groupId}} --ip-permissions "$(aws ec2 describe-security-groups --group-ids {{details.groupId}} --query SecurityGroups[0].IpPermissionsEgress --region {{region}})" --region {{region}}',
    ],
  },
  docs: ['https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html'],
  compliance: { cis: ['5.5'], fsbp: ['EC2.2'], ismsp: ['2.6.1'] },
  requires: ['ec2.vpcs', 'ec2.security-groups'],
  settings: {},
  evaluate(ctx) {
    const defaults = new Map(
      ctx
        .records('ec2.security-groups')
        .filter((g) => g.groupName === 'default' && g.vpcId)
        .map((g) => [`${g.region}/${g.vpcId}`, g]),
    );
    return perResource(ctx, 'ec2.vpcs', (vpc) => {
      const label = labelOf(vpc.vpcId, vpc.name);
      const group = defaults.get(`${vpc.region}/${vpc.vpcId}`);
      if (!group) {
        return {
          status: 'unknown',
          message: {
            en: `${label}: its default security group is missing from the collection.`,
            ko: `${label}: 수집 결과에 기본 보안 그룹이 없습니다.`,
          },
        };
      }
      const details = {
        groupId: group.groupId,
        inboundRules: group.ingress.length,
        outboundRules: group.egress.length,
      };
      if (group.ingress.length === 0 && group.egress.length === 0) {
        return {
          status: 'pass',
          details,
          message: {
            en: `The default security group ${group.groupId} of ${label} has no rules.`,
            ko: `${label}의 기본 보안 그룹 ${group.groupId}에는 규칙이 없습니다.`,
          },
        };
      }
      return {
        status: 'fail',
        details,
        message: {
          en: `The default security group ${group.groupId} of ${label} has ${group.ingress.length} inbound and ${group.egress.length} outbound rules: remove them all.`,
          ko: `${label}의 기본 보안 그룹 ${group.groupId}에 인바운드 규칙 ${group.ingress.length}개와 아웃바운드 규칙 ${group.egress.length}개가 있습니다. 모두 삭제하세요.`,
        },
      };
    });
  },
});
