import { particle } from '../../core/korean.js';
import { perRegion } from '../lib/per-region.js';
import type { Verdict } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'config-recorder-enabled',
  service: 'config',
  category: 'security',
  severity: 'medium',
  title: { en: 'AWS Config is recording in each region', ko: '각 리전에서 AWS Config가 기록 중임' },
  failureLabel: { en: 'Regions where AWS Config is not recording', ko: 'AWS Config가 기록하지 않는 리전' },
  description: {
    en: 'The AWS Config recorder keeps the configuration history of your resources, which audits and incident investigations rely on. Fails per region when there is no configuration recorder, it is not recording, its last delivery status is FAILURE, or it records neither all supported resource types nor a non-empty list of them.',
    ko: 'AWS Config 레코더는 리소스의 구성 이력을 남기며, 감사와 침해 사고 조사에 이 이력이 필요합니다. 리전별로 구성 레코더가 없거나, 기록 중이 아니거나, 마지막 상태가 FAILURE이거나, 지원되는 모든 리소스 유형도 비어 있지 않은 리소스 유형 목록도 기록하지 않으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without a recording AWS Config recorder, resource changes in the region leave no history.',
      ko: '기록 중인 AWS Config 레코더가 없으면 해당 리전의 리소스 변경 이력이 남지 않습니다.',
    },
    steps: {
      en: [
        'AWS Config → the region → Settings (or Get started) → Recording strategy: all resource types → choose an S3 bucket and the service-linked role → Save.',
        'Then make sure recording is on.',
      ],
      ko: [
        'AWS Config → 해당 리전 → 설정(또는 시작하기) → 기록 전략에서 모든 리소스 유형 → S3 버킷과 서비스 연결 역할 선택 → 저장.',
        '그다음 기록이 켜져 있는지 확인하세요.',
      ],
    },
    commands: [
      'aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<ROLE_ARN> --recording-group allSupported=true,includeGlobalResourceTypes=true --region {{region}}',
      'aws configservice put-delivery-channel --delivery-channel name=default,s3BucketName=<LOG_BUCKET> --region {{region}}',
      'aws configservice start-configuration-recorder --configuration-recorder-name default --region {{region}}',
    ],
  },
  compliance: { cis: ['3.3'], fsbp: ['Config.1'], ismsp: ['2.9.1'] },
  docs: [
    'https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html',
    'https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html',
  ],
  requires: ['config.recorders'],
  settings: {},
  evaluate(ctx) {
    return perRegion(
      ctx,
      'config.recorders',
      { service: 'config', name: 'AWS Config' },
      (recorders, region): Verdict => {
        const problems = (r: (typeof recorders)[number]) => [
          ...(r.recording !== true ? ['not recording'] : []),
          ...(r.lastStatus?.toUpperCase() === 'FAILURE' ? ['last status FAILURE'] : []),
          ...(!r.allSupported && r.resourceTypes.length === 0 ? ['records no resource types'] : []),
        ];
        const good = recorders.find((r) => problems(r).length === 0);
        if (good) {
          return {
            status: 'pass',
            details: { recorder: good.name, allSupported: good.allSupported },
            message: {
              en: `AWS Config recorder ${good.name} is recording in ${region}.`,
              ko: `${region} 리전에서 AWS Config 레코더 ${good.name}${particle(good.name, '이/가')} 기록 중입니다.`,
            },
          };
        }
        const first = recorders[0];
        if (!first) {
          return {
            status: 'fail',
            message: {
              en: `There is no AWS Config recorder in ${region}: configuration changes there are not recorded.`,
              ko: `${region} 리전에 AWS Config 레코더가 없어 구성 변경이 기록되지 않습니다.`,
            },
          };
        }
        const found = problems(first);
        const ko = found
          .map((p) =>
            p === 'not recording'
              ? '기록 중이 아님'
              : p === 'last status FAILURE'
                ? '마지막 상태 FAILURE'
                : '기록할 리소스 유형 없음',
          )
          .join(', ');
        return {
          status: 'fail',
          details: {
            recorder: first.name,
            recording: first.recording ?? null,
            lastStatus: first.lastStatus ?? null,
          },
          message: {
            en: `AWS Config recorder ${first.name} in ${region}: ${found.join(', ')}.`,
            ko: `${region} 리전의 AWS Config 레코더 ${first.name}: ${ko}.`,
          },
        };
      },
    );
  },
});
