import { particle } from '../../core/korean.js';
import type { NetworkAclEntry } from '../../core/records/ec2-network.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { WORLD_CIDRS } from '../lib/security-groups.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

const ADMIN_PORTS = [22, 3389];

/** An inbound allow entry from anywhere, all protocols or TCP, whose range (none = all ports) covers 22 or 3389. */
export function opensAdminPort(entry: NetworkAclEntry): boolean {
  if (entry.egress || entry.ruleAction !== 'allow') return false;
  if (!WORLD_CIDRS.includes(entry.cidrBlock ?? '') && !WORLD_CIDRS.includes(entry.ipv6CidrBlock ?? ''))
    return false;
  if (entry.protocol !== '-1' && entry.protocol !== '6') return false;
  if (entry.fromPort === undefined || entry.toPort === undefined) return true;
  const { fromPort, toPort } = entry;
  return ADMIN_PORTS.some((port) => fromPort <= port && port <= toPort);
}

function describeEntry(entry: NetworkAclEntry): string {
  const ports = entry.fromPort === undefined ? 'all' : `${entry.fromPort}-${entry.toPort}`;
  return `#${entry.ruleNumber} ${entry.protocol === '-1' ? 'all' : 'tcp'} ${ports} ${entry.cidrBlock ?? entry.ipv6CidrBlock}`;
}

export default defineCheck({
  id: 'vpc-network-acl-admin-ports-restricted',
  service: 'ec2',
  category: 'security',
  severity: 'medium',
  title: {
    en: 'Network ACLs do not open SSH or RDP to the internet',
    ko: '네트워크 ACL이 SSH나 RDP를 인터넷에 열지 않음',
  },
  failureLabel: {
    en: 'Network ACLs allowing SSH or RDP from anywhere',
    ko: '어디서나 SSH나 RDP를 허용하는 네트워크 ACL',
  },
  description: {
    en: 'Fails when an inbound allow entry from 0.0.0.0/0 or ::/0 for all protocols or TCP covers port 22 or 3389 (CIS 5.2).',
    ko: '0.0.0.0/0 또는 ::/0에서 오는 모든 프로토콜이나 TCP의 인바운드 허용 항목이 22번 또는 3389번 포트를 포함하면 실패입니다 (CIS 5.2).',
  },
  remediation: {
    why: {
      en: 'SSH and RDP open to the whole internet are scanned and brute-forced within minutes; the network ACL is the subnet-wide layer that should stop it.',
      ko: '인터넷 전체에 열린 SSH와 RDP는 몇 분 안에 스캔과 무차별 대입 공격을 받습니다. 네트워크 ACL은 서브넷 전체에서 이를 막아야 하는 계층입니다.',
    },
    steps: {
      en: [
        'Decide which address ranges need SSH or RDP (or use Session Manager instead).',
        'VPC → Network ACLs → the ACL → Inbound rules → Edit → narrow the source of the listed entries, or add a lower-numbered deny for ports 22 and 3389 from 0.0.0.0/0 and ::/0.',
      ],
      ko: [
        'SSH나 RDP가 필요한 주소 범위를 정하세요(또는 Session Manager를 쓰세요).',
        'VPC → 네트워크 ACL → 해당 ACL → 인바운드 규칙 → 편집 → 표시된 항목의 출발지를 좁히거나, 더 작은 번호로 0.0.0.0/0과 ::/0의 22번, 3389번 포트 거부 항목을 추가.',
      ],
    },
    commands: [
      'aws ec2 create-network-acl-entry --network-acl-id {{resourceId}} --ingress --rule-number 50 --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny --region {{region}}',
      'aws ec2 create-network-acl-entry --network-acl-id {{resourceId}} --ingress --rule-number 51 --protocol tcp --port-range From=3389,To=3389 --cidr-block 0.0.0.0/0 --rule-action deny --region {{region}}',
    ],
  },
  docs: ['https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html'],
  compliance: { cis: ['5.2'], fsbp: ['EC2.21'], ismsp: ['2.6.1', '2.6.6'] },
  requires: ['ec2.network-acls'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'ec2.network-acls', (acl) => {
      const label = labelOf(acl.networkAclId, acl.name);
      const open = acl.entries.filter(opensAdminPort).map(describeEntry);
      return passOrFail(
        open.length === 0,
        {
          en: `${label} does not allow SSH or RDP from the internet.`,
          ko: `${label}${particle(label, '은/는')} 인터넷에서 오는 SSH나 RDP를 허용하지 않습니다.`,
        },
        {
          en: `${label} allows SSH or RDP from the internet: ${open.join('; ')}.`,
          ko: `${label}${particle(label, '이/가')} 인터넷에서 오는 SSH나 RDP를 허용합니다: ${open.join('; ')}.`,
        },
        open.length > 0 ? { openEntries: open.join('; ') } : undefined,
      );
    });
  },
});
