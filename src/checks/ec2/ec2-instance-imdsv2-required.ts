import { particle } from '../../core/korean.js';
import { instanceResource, liveInstances } from '../lib/ec2.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-instance-imdsv2-required',
  service: 'ec2',
  category: 'security',
  severity: 'high',
  title: { en: 'EC2 instances require IMDSv2', ko: 'EC2 인스턴스가 IMDSv2를 강제함' },
  failureLabel: { en: 'EC2 instances not requiring IMDSv2', ko: 'IMDSv2를 강제하지 않는 EC2 인스턴스' },
  description: {
    en: 'IMDSv1 answers any request to 169.254.169.254, so an SSRF flaw in an application can steal the instance role credentials. Requiring session tokens (IMDSv2) blocks that.',
    ko: 'IMDSv1은 169.254.169.254에 대한 모든 요청에 응답하므로 애플리케이션의 SSRF 취약점으로 인스턴스 역할 자격 증명이 탈취될 수 있습니다. 세션 토큰(IMDSv2)을 강제하면 이를 막습니다.',
  },
  remediation: {
    why: {
      en: "IMDSv1 answers any request from the instance, so an SSRF flaw in an application can steal the instance role's credentials.",
      ko: 'IMDSv1은 인스턴스 안의 어떤 요청에도 응답하므로, 애플리케이션의 SSRF 취약점으로 인스턴스 역할의 자격 증명이 유출될 수 있습니다.',
    },
    steps: {
      en: [
        'Check that the software on the instance uses IMDSv2 (AWS SDKs released since 2019 do).',
        'EC2 → Instances → select → Actions → Instance settings → Modify instance metadata options → IMDSv2: Required → Save.',
      ],
      ko: [
        '인스턴스의 소프트웨어가 IMDSv2를 쓰는지 확인하세요(2019년 이후 출시된 AWS SDK는 지원).',
        'EC2 → 인스턴스 → 선택 → 작업 → 인스턴스 설정 → 인스턴스 메타데이터 옵션 수정 → IMDSv2: 필수 → 저장.',
      ],
    },
    commands: [
      'aws ec2 modify-instance-metadata-options --instance-id {{resourceId}} --http-tokens required --http-endpoint enabled --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'metadata_options { http_tokens = "required" }' },
  },
  compliance: { cis: ['5.7'], fsbp: ['EC2.8'], ismsp: ['2.6.2'] },
  docs: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html'],
  requires: ['ec2.instances'],
  requiresFields: { 'ec2.instances': ['metadataOptions'] },
  settings: {},
  evaluate(ctx) {
    return liveInstances(ctx.records('ec2.instances')).map((i) => {
      const label = labelOf(i.instanceId, i.name);
      const tokens = i.metadataOptions?.httpTokens;
      if (i.metadataOptions?.httpEndpoint === 'disabled') {
        return {
          ...instanceResource(i),
          status: 'pass' as const,
          message: {
            en: `${label}: the instance metadata service is disabled, so IMDSv1 cannot be used.`,
            ko: `${label}: 인스턴스 메타데이터 서비스가 비활성화되어 IMDSv1을 사용할 수 없습니다.`,
          },
        };
      }
      if (tokens === undefined) {
        return {
          ...instanceResource(i),
          status: 'unknown' as const,
          message: {
            en: `${label}: the metadata options were not collected.`,
            ko: `${label}: 메타데이터 옵션이 수집되지 않았습니다.`,
          },
        };
      }
      const pass = tokens === 'required';
      return {
        ...instanceResource(i),
        status: pass ? ('pass' as const) : ('fail' as const),
        details: { httpTokens: tokens },
        message: pass
          ? {
              en: `${label} requires IMDSv2 (HttpTokens=required).`,
              ko: `${label}${particle(label, '은/는')} IMDSv2를 강제합니다 (HttpTokens=required).`,
            }
          : {
              en: `${label} accepts IMDSv1 (HttpTokens=${tokens}): set HttpTokens to required.`,
              ko: `${label}${particle(label, '은/는')} IMDSv1을 허용합니다 (HttpTokens=${tokens}). HttpTokens를 "required"로 설정하세요.`,
            },
      };
    });
  },
});
