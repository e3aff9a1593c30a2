import { particle } from '../../core/korean.js';
import { lbSwitchVerdict } from '../lib/elb.js';
import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'elb-access-logging-enabled',
  service: 'elb',
  category: 'operational',
  severity: 'low',
  title: { en: 'Load balancers write access logs', ko: '로드 밸런서가 액세스 로그를 남김' },
  failureLabel: { en: 'Load balancers without access logs', ko: '액세스 로그가 꺼진 로드 밸런서' },
  description: {
    en: 'Fails when the elbv2 attribute access_logs.s3.enabled is not true, or a Classic Load Balancer has AccessLog.Enabled false.',
    ko: 'elbv2 속성 access_logs.s3.enabled가 true가 아니거나 클래식 로드 밸런서의 AccessLog.Enabled가 false이면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without access logs there is no record of the requests that reached the application, for troubleshooting or for an incident.',
      ko: '액세스 로그가 없으면 애플리케이션에 들어온 요청 기록이 없어 문제 해결이나 사고 조사에 쓸 수 없습니다.',
    },
    steps: {
      en: [
        'Create an S3 bucket in the same region whose bucket policy lets Elastic Load Balancing write to it.',
        'EC2 → Load balancers → the load balancer → Attributes → Edit → Monitoring → turn on Access logs → choose the bucket → Save changes.',
      ],
      ko: [
        '같은 리전에 S3 버킷을 만들고 버킷 정책으로 ELB가 로그를 쓸 수 있게 허용하세요.',
        'EC2 → 로드 밸런서 → 해당 로드 밸런서 → 속성 → 편집 → 모니터링 → 액세스 로그 켜기 → 버킷 선택 → 변경 사항 저장.',
      ],
    },
    commands: [
      'aws elbv2 modify-load-balancer-attributes --load-balancer-arn {{resourceId}} --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<LOG_BUCKET> --region {{region}}',
      'aws elb modify-load-balancer-attributes --load-balancer-name {{resourceName}} --load-balancer-attributes "AccessLog={Enabled=true,S3BucketName=<LOG_BUCKET>}" --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-access-logs.html',
  ],
  compliance: { fsbp: ['ELB.5'], ismsp: ['2.9.4'] },
  requires: ['elb.load-balancers'],
  requiresFields: { 'elb.load-balancers': ['accessLogsEnabled'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'elb.load-balancers', (lb) =>
      lbSwitchVerdict(
        lb,
        'accessLogsEnabled',
        { en: 'the access log attribute', ko: '액세스 로그 속성이' },
        (label) => ({
          on: {
            en: `${label.en} writes access logs.`,
            ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 액세스 로그를 남깁니다.`,
          },
          off: {
            en: `${label.en} writes no access logs.`,
            ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 액세스 로그를 남기지 않습니다.`,
          },
        }),
      ),
    );
  },
});
