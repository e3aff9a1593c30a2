import { particle } from '../../core/korean.js';
import { EBS_PRICING_DOC, GP3_FREE_IOPS } from '../lib/ebs.js';
import { NO_PRICE, savingsBasis, usd } from '../lib/savings.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

/** gp2 baseline: 3 IOPS per GiB, at least 100, at most 16,000. */
const gp2BaselineIops = (sizeGiB: number) => Math.min(16_000, Math.max(100, 3 * sizeGiB));

export default defineCheck({
  id: 'ebs-volume-gp3',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: { en: 'EBS volumes use gp3 rather than gp2', ko: 'EBS 볼륨이 gp2 대신 gp3를 사용함' },
  failureLabel: { en: 'EBS volumes still on gp2', ko: '아직 gp2를 쓰는 EBS 볼륨' },
  description: {
    en: 'gp3 costs about 20 % less per GB-month than gp2 and includes 3,000 IOPS and 125 MiB/s regardless of size. The change is online, without downtime.',
    ko: 'gp3는 gp2보다 GB-월당 약 20% 저렴하고 크기와 관계없이 3,000 IOPS와 125 MiB/s를 기본 제공합니다. 변경은 중단 없이 온라인으로 이루어집니다.',
  },
  remediation: {
    why: {
      en: 'gp3 costs about 20 % less than gp2 per GB and includes 3,000 IOPS and 125 MiB/s whatever the size.',
      ko: 'gp3는 GB당 gp2보다 약 20% 저렴하고, 크기와 관계없이 3,000 IOPS와 125MiB/s를 기본 제공합니다.',
    },
    steps: {
      en: [
        'EC2 → Volumes → select the volume → Actions → Modify volume → Volume type gp3 → Modify. The change happens online, without downtime.',
        'For volumes over 1,000 GiB, provision at least the gp2 baseline (3 IOPS per GiB) with --iops.',
      ],
      ko: [
        'EC2 → 볼륨 → 볼륨 선택 → 작업 → 볼륨 수정 → 볼륨 유형 gp3 → 수정. 변경은 중단 없이 온라인으로 진행됩니다.',
        '1,000GiB가 넘는 볼륨은 gp2 기준치(GiB당 3 IOPS) 이상을 `--iops` 옵션으로 지정하세요.',
      ],
    },
    commands: ['aws ec2 modify-volume --volume-id {{resourceId}} --volume-type gp3 --region {{region}}'],
  },
  compliance: { noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it' },
  docs: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modify-volume.html', EBS_PRICING_DOC],
  requires: ['ec2.volumes'],
  settings: {},
  evaluate(ctx) {
    return ctx.records('ec2.volumes').map((v) => {
      const label = labelOf(v.volumeId, v.name);
      const base = { resourceId: v.volumeId, resourceArn: v.arn, resourceName: v.name, region: v.region };
      if (v.volumeType !== 'gp2') {
        return {
          ...base,
          status: 'pass' as const,
          message: {
            en: `${label} is ${v.volumeType}, not gp2.`,
            ko: `${label}${particle(label, '은/는')} gp2가 아닌 ${v.volumeType}입니다.`,
          },
        };
      }
      const gp2 = ctx.prices.ebsGbMonth(v.region, 'gp2');
      const gp3 = ctx.prices.ebsGbMonth(v.region, 'gp3');
      const savings = gp2 && gp3 ? v.sizeGiB * (gp2.usd - gp3.usd) : undefined;
      // Volumes above 1,000 GiB (so every one over 1 TiB) get more than gp3's included 3,000 IOPS on gp2.
      const baseline = gp2BaselineIops(v.sizeGiB);
      const iopsNote =
        baseline > GP3_FREE_IOPS
          ? {
              en: ` Provision ${baseline} IOPS on gp3 to keep the gp2 baseline (the ${baseline - GP3_FREE_IOPS} IOPS above 3,000 are billed extra).`,
              ko: ` gp2 기준 성능을 유지하려면 gp3에 ${baseline} IOPS를 프로비저닝하세요 (3,000을 넘는 ${baseline - GP3_FREE_IOPS} IOPS는 추가 과금).`,
            }
          : { en: '', ko: '' };
      return {
        ...base,
        status: 'fail' as const,
        estimatedMonthlySavingsUsd: savings,
        savingsBasis:
          gp2 && gp3
            ? savingsBasis(
                {
                  en: `${v.sizeGiB} GiB × (${gp2.usd} − ${gp3.usd}) USD/GB-month`,
                  ko: `${v.sizeGiB} GiB × (${gp2.usd} − ${gp3.usd}) USD/GB-월`,
                },
                [
                  { label: { en: 'gp2', ko: 'gp2' }, quote: gp2 },
                  { label: { en: 'gp3', ko: 'gp3' }, quote: gp3 },
                ],
              )
            : NO_PRICE,
        details: {
          sizeGiB: v.sizeGiB,
          gp2BaselineIops: baseline,
          recommendedIops: Math.max(GP3_FREE_IOPS, baseline),
        },
        message: {
          en: `${label} (${v.sizeGiB} GiB) is gp2: modify it to gp3${savings !== undefined ? ` to save about ${usd(savings)} a month` : ''}.${iopsNote.en}`,
          ko: `${label} (${v.sizeGiB} GiB)${particle(label, '은/는')} gp2입니다. gp3로 변경하세요${savings !== undefined ? ` (월 약 ${usd(savings)} 절감)` : ''}.${iopsNote.ko}`,
        },
      };
    });
  },
});
