import { particle } from '../../core/korean.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-securitygroup-attached',
  service: 'ec2',
  category: 'operational',
  severity: 'low',
  title: { en: 'Security groups are in use', ko: '보안 그룹이 사용 중임' },
  failureLabel: { en: 'Security groups attached to nothing', ko: '어디에도 연결되지 않은 보안 그룹' },
  description: {
    en: 'Fails when a non-default security group is attached to no network interface: it is leftover clutter that hides the rules that matter.',
    ko: '기본이 아닌 보안 그룹이 어떤 네트워크 인터페이스에도 연결되어 있지 않으면 실패입니다. 남은 그룹이 중요한 규칙을 찾기 어렵게 만듭니다.',
  },
  remediation: {
    why: {
      en: 'Unused groups pile up, get reused by mistake with rules nobody reviews, and make audits slower.',
      ko: '쓰지 않는 그룹이 쌓이면 아무도 검토하지 않은 규칙과 함께 실수로 다시 쓰이고 감사도 느려집니다.',
    },
    steps: {
      en: [
        'Confirm that nothing references the group (launch templates, other groups’ rules, CloudFormation stacks).',
        'EC2 → Security groups → select → Actions → Delete security groups.',
      ],
      ko: [
        '시작 템플릿, 다른 그룹의 규칙, CloudFormation 스택 등에서 그룹을 참조하지 않는지 확인하세요.',
        'EC2 → 보안 그룹 → 선택 → 작업 → 보안 그룹 삭제.',
      ],
    },
    commands: ['aws ec2 delete-security-group --group-id {{resourceId}} --region {{region}}'],
  },
  docs: ['https://docs.aws.amazon.com/vpc/latest/userguide/working-with-security-groups.html'],
  compliance: { ismsp: ['2.1.3'] },
  requires: ['ec2.security-groups', 'ec2.network-interfaces'],
  settings: {},
  evaluate(ctx) {
    const used = new Set(
      ctx
        .records('ec2.network-interfaces')
        .flatMap((eni) => eni.securityGroupIds.map((id) => `${eni.region}/${id}`)),
    );
    return perResource(
      ctx,
      'ec2.security-groups',
      (group) => {
        const label = labelOf(group.groupId, group.groupName);
        return passOrFail(
          used.has(`${group.region}/${group.groupId}`),
          {
            en: `${label} is attached to at least one network interface.`,
            ko: `${label}${particle(label, '은/는')} 하나 이상의 네트워크 인터페이스에 연결되어 있습니다.`,
          },
          {
            en: `${label} is attached to no network interface: delete it if nothing references it.`,
            ko: `${label}${particle(label, '은/는')} 어떤 네트워크 인터페이스에도 연결되어 있지 않습니다. 참조하는 곳이 없으면 삭제하세요.`,
          },
        );
      },
      (group) => group.groupName !== 'default',
    );
  },
});
