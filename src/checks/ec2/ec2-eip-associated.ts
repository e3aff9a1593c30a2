import { particle } from '../../core/korean.js';
import { monthlyFromHourly, NO_PRICE, savingsBasis, usd } from '../lib/savings.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-eip-associated',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: { en: 'Elastic IP addresses are associated', ko: '탄력적 IP 주소가 연결되어 있음' },
  failureLabel: { en: 'Unassociated Elastic IP addresses', ko: '연결되지 않은 탄력적 IP 주소' },
  description: {
    en: 'Every public IPv4 address is billed hourly; an Elastic IP with no association costs money and serves nothing.',
    ko: '모든 퍼블릭 IPv4 주소는 시간당 과금되며, 연결되지 않은 탄력적 IP는 아무 역할 없이 비용만 발생합니다.',
  },
  remediation: {
    why: {
      en: 'AWS bills every public IPv4 address by the hour, used or not.',
      ko: 'AWS는 퍼블릭 IPv4 주소를 사용 여부와 관계없이 시간 단위로 과금합니다.',
    },
    steps: {
      en: [
        'Unless the address must be kept (allow-listed by a partner, in DNS), release it.',
        'EC2 → Elastic IPs → select the address → Actions → Release Elastic IP address.',
      ],
      ko: [
        '파트너 허용 목록이나 DNS 때문에 유지해야 하는 주소가 아니라면 해제하세요.',
        'EC2 → 탄력적 IP → 주소 선택 → 작업 → 탄력적 IP 주소 릴리스.',
      ],
    },
    commands: ['aws ec2 release-address --allocation-id {{resourceId}} --region {{region}}'],
  },
  compliance: { fsbp: ['EC2.12'] },
  docs: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html',
    'https://aws.amazon.com/vpc/pricing/',
  ],
  requires: ['ec2.addresses'],
  settings: {},
  evaluate(ctx) {
    return ctx.records('ec2.addresses').map((a) => {
      const base = {
        resourceId: a.allocationId ?? a.publicIp,
        resourceArn: a.arn,
        resourceName: a.publicIp,
        region: a.region,
      };
      if (a.associationId || a.instanceId || a.networkInterfaceId) {
        const to = a.instanceId ?? a.networkInterfaceId ?? a.associationId;
        return {
          ...base,
          status: 'pass' as const,
          message: {
            en: `${a.publicIp} is associated with ${to}.`,
            ko: `${a.publicIp}${particle(a.publicIp, '은/는')} ${to}에 연결되어 있습니다.`,
          },
        };
      }
      const price = ctx.prices.publicIpv4Hourly(a.region);
      const savings = price ? monthlyFromHourly(price) : undefined;
      return {
        ...base,
        status: 'fail' as const,
        estimatedMonthlySavingsUsd: savings,
        savingsBasis: price
          ? savingsBasis(
              { en: `${price.usd} USD/hour × 730 hours`, ko: `시간당 ${price.usd} USD × 730시간` },
              [{ label: { en: 'public IPv4 address', ko: '퍼블릭 IPv4 주소' }, quote: price }],
            )
          : NO_PRICE,
        message: {
          en: `Elastic IP ${a.publicIp} is not associated with anything${savings !== undefined ? ` and costs ${usd(savings)} a month` : ''}: release it if it is not needed.`,
          ko: `탄력적 IP ${a.publicIp}${particle(a.publicIp, '은/는')} 어디에도 연결되어 있지 않습니다${savings !== undefined ? ` (월 ${usd(savings)} 과금)` : ''}. 필요 없으면 해제하세요.`,
        },
      };
    });
  },
});
