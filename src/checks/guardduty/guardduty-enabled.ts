import { particle } from '../../core/korean.js';
import { perRegion } from '../lib/per-region.js';
import type { Verdict } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'guardduty-enabled',
  service: 'guardduty',
  category: 'security',
  severity: 'high',
  title: { en: 'GuardDuty is enabled in each region', ko: '각 리전에서 GuardDuty가 켜져 있음' },
  failureLabel: { en: 'Regions without GuardDuty', ko: 'GuardDuty가 꺼진 리전' },
  description: {
    en: 'GuardDuty watches CloudTrail, VPC flow logs and DNS logs for signs of compromise (leaked credentials, crypto mining, unusual API calls). Fails per region when there is no detector or its Status is not ENABLED.',
    ko: 'GuardDuty는 CloudTrail, VPC 흐름 로그, DNS 로그를 분석해 자격 증명 유출, 암호화폐 채굴, 비정상적인 API 호출 같은 침해 징후를 찾아냅니다. 리전별로 탐지기가 없거나 탐지기 상태가 ENABLED가 아니면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without GuardDuty, threats such as stolen credentials or crypto-mining in the region go unnoticed.',
      ko: 'GuardDuty가 없으면 해당 리전에서 자격 증명 탈취나 암호화폐 채굴 같은 위협을 알아차리지 못합니다.',
    },
    steps: {
      en: [
        'GuardDuty → the region → Get started → Enable GuardDuty; for a suspended detector: Settings → Resume GuardDuty.',
        'With AWS Organizations, enable it for every account from the delegated administrator.',
      ],
      ko: [
        'GuardDuty → 해당 리전 → 시작하기 → GuardDuty 활성화. 일시 중지된 탐지기는 설정 → GuardDuty 재개를 누르세요.',
        'AWS Organizations를 쓰면 위임된 관리자 계정에서 모든 계정에 켜세요.',
      ],
    },
    commands: [
      'aws guardduty create-detector --enable --region {{region}}',
      'aws guardduty update-detector --detector-id <DETECTOR_ID> --enable --region {{region}}',
    ],
  },
  compliance: { fsbp: ['GuardDuty.1'], ismsp: ['2.10.1', '2.11.3'] },
  docs: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html'],
  requires: ['guardduty.detectors'],
  settings: {},
  evaluate(ctx) {
    return perRegion(
      ctx,
      'guardduty.detectors',
      { service: 'guardduty', name: 'GuardDuty' },
      (detectors, region): Verdict => {
        const enabled = detectors.find((d) => d.status === 'ENABLED');
        if (enabled) {
          return {
            status: 'pass',
            details: { detectorId: enabled.detectorId },
            message: {
              en: `GuardDuty detector ${enabled.detectorId} is enabled in ${region}.`,
              ko: `${region} 리전에서 GuardDuty 탐지기 ${enabled.detectorId}${particle(enabled.detectorId, '이/가')} 켜져 있습니다.`,
            },
          };
        }
        const unread = detectors.find((d) => d.status === undefined);
        if (unread) {
          // A detector whose status could not be read is not "no detector".
          return {
            status: 'unknown',
            message: {
              en: `GuardDuty detector ${unread.detectorId} in ${region}: its status could not be collected.`,
              ko: `${region} 리전의 GuardDuty 탐지기 ${unread.detectorId}: 상태를 수집하지 못했습니다.`,
            },
          };
        }
        const first = detectors[0];
        return {
          status: 'fail',
          ...(first ? { details: { detectorId: first.detectorId, status: first.status ?? null } } : {}),
          message: first
            ? {
                en: `GuardDuty detector ${first.detectorId} in ${region} is ${first.status ?? 'not enabled'}.`,
                ko: `${region} 리전의 GuardDuty 탐지기 ${first.detectorId}의 상태가 ${first.status ?? '활성 아님'}입니다.`,
              }
            : {
                en: `GuardDuty is not enabled in ${region}: there is no detector.`,
                ko: `${region} 리전에 탐지기가 없어 GuardDuty가 꺼져 있습니다.`,
              },
        };
      },
    );
  },
});
