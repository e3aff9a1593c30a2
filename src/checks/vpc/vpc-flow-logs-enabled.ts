import { particle } from '../../core/korean.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'vpc-flow-logs-enabled',
  service: 'ec2',
  category: 'security',
  severity: 'medium',
  title: { en: 'VPC flow logs are enabled', ko: 'VPC 흐름 로그가 켜져 있음' },
  failureLabel: { en: 'VPCs without active flow logs', ko: '활성 흐름 로그가 없는 VPC' },
  description: {
    en: 'Fails when no flow log with status ACTIVE watches the VPC itself: accepted and rejected traffic is not recorded.',
    ko: 'VPC 자체를 대상으로 하는 ACTIVE 상태의 흐름 로그가 없으면 허용되거나 거부된 트래픽이 기록되지 않으므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without flow logs there is no record of who talked to what in the VPC, so an intrusion or data leak cannot be traced.',
      ko: '흐름 로그가 없으면 VPC 안에서 누가 어디와 통신했는지 기록이 남지 않아 침입이나 유출을 추적할 수 없습니다.',
    },
    steps: {
      en: [
        'Create a CloudWatch Logs log group (or an S3 bucket) for the logs and, for CloudWatch Logs, an IAM role that VPC Flow Logs can assume.',
        'VPC → Your VPCs → the VPC → Flow logs → Create flow log → Filter: All → destination → Create.',
      ],
      ko: [
        '로그를 받을 CloudWatch Logs 로그 그룹(또는 S3 버킷)을 만들고, CloudWatch Logs로 보낼 경우 VPC 흐름 로그가 맡을 IAM 역할도 만드세요.',
        'VPC → VPC → 해당 VPC → 흐름 로그 → 흐름 로그 생성 → 필터: 모두 → 대상 선택 → 생성.',
      ],
    },
    commands: [
      'aws ec2 create-flow-logs --resource-type VPC --resource-ids {{resourceId}} --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::<LOG_BUCKET> --region {{region}}',
    ],
  },
  docs: ['https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html'],
  compliance: { cis: ['3.7'], fsbp: ['EC2.6'], ismsp: ['2.9.4', '2.11.3'] },
  requires: ['ec2.vpcs', 'ec2.flow-logs'],
  settings: {},
  evaluate(ctx) {
    const active = new Set(
      ctx
        .records('ec2.flow-logs')
        .filter((log) => log.flowLogStatus === 'ACTIVE')
        .map((log) => `${log.region}/${log.resourceId}`),
    );
    return perResource(ctx, 'ec2.vpcs', (vpc) => {
      const label = labelOf(vpc.vpcId, vpc.name);
      return passOrFail(
        active.has(`${vpc.region}/${vpc.vpcId}`),
        {
          en: `${label} has an active flow log.`,
          ko: `${label}에 활성 흐름 로그가 있습니다.`,
        },
        {
          en: `${label} has no active flow log: its network traffic is not recorded.`,
          ko: `${label}${particle(label, '은/는')} 활성 흐름 로그가 없어 네트워크 트래픽이 기록되지 않습니다.`,
        },
      );
    });
  },
});
