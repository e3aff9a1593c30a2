import { particle } from '../../core/korean.js';
import { EBS_PRICING_DOC } from '../lib/ebs.js';
import { NO_PRICE, savingsBasis, usd } from '../lib/savings.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ebs-snapshot-not-orphaned',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: { en: 'EBS snapshots are not orphaned', ko: 'EBS 스냅샷이 고아 상태가 아님' },
  failureLabel: { en: 'Orphaned EBS snapshots', ko: '고아 EBS 스냅샷' },
  description: {
    en: 'A snapshot whose source volume no longer exists and that no own AMI uses is often left over and keeps being billed.',
    ko: '원본 볼륨이 더 이상 없고 자신의 AMI도 참조하지 않는 스냅샷은 대개 남겨진 것으로 계속 과금됩니다.',
  },
  remediation: {
    why: {
      en: 'A snapshot whose volume and image are gone is usually forgotten, yet it is billed every month.',
      ko: '원본 볼륨과 이미지가 사라진 스냅샷은 대개 잊힌 것인데도 매달 요금이 부과됩니다.',
    },
    steps: {
      en: [
        "Check the snapshot's description and tags; delete it if the data is no longer needed.",
        'EC2 → Snapshots → select the snapshot → Actions → Delete snapshot.',
        'To keep it cheaply instead, move it to the archive tier (second command).',
      ],
      ko: [
        '스냅샷의 설명과 태그를 확인하고 데이터가 더 이상 필요 없으면 삭제하세요.',
        'EC2 → 스냅샷 → 스냅샷 선택 → 작업 → 스냅샷 삭제.',
        '삭제하지 않고 싸게 보관하려면 아카이브 계층으로 옮기세요(두 번째 명령).',
      ],
    },
    commands: [
      'aws ec2 delete-snapshot --snapshot-id {{resourceId}} --region {{region}}',
      'aws ec2 modify-snapshot-tier --snapshot-id {{resourceId}} --storage-tier archive --region {{region}}',
    ],
  },
  compliance: { ismsp: ['2.9.7'] },
  docs: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-deleting-snapshot.html', EBS_PRICING_DOC],
  requires: ['ec2.snapshots', 'ec2.volumes', 'ec2.images'],
  settings: {},
  evaluate(ctx) {
    const volumes = new Set(ctx.records('ec2.volumes').map((v) => `${v.region}/${v.volumeId}`));
    const usedByImage = new Set(
      ctx.records('ec2.images').flatMap((i) => i.snapshotIds.map((s) => `${i.region}/${s}`)),
    );
    return ctx.records('ec2.snapshots').map((s) => {
      const base = { resourceId: s.snapshotId, resourceArn: s.arn, region: s.region };
      const key = `${s.region}/${s.snapshotId}`;
      const volumeExists = s.volumeId !== undefined && volumes.has(`${s.region}/${s.volumeId}`);
      if (volumeExists || usedByImage.has(key)) {
        const why = volumeExists
          ? {
              en: `its volume ${s.volumeId} exists`,
              ko: `원본 볼륨 ${s.volumeId}${particle(s.volumeId, '이/가')} 존재합니다`,
            }
          : { en: 'an own AMI uses it', ko: '자신의 AMI가 사용 중입니다' };
        return {
          ...base,
          status: 'pass' as const,
          message: { en: `${s.snapshotId}: ${why.en}.`, ko: `${s.snapshotId}: ${why.ko}.` },
        };
      }
      const price = ctx.prices.snapshotGbMonth(s.region);
      // Snapshots are incremental: billed blocks are at most the volume size, so this is an upper bound.
      const savings = price ? s.volumeSizeGiB * price.usd : undefined;
      return {
        ...base,
        status: 'fail' as const,
        estimatedMonthlySavingsUsd: savings,
        savingsBasis: price
          ? savingsBasis(
              {
                en: `at most ${s.volumeSizeGiB} GiB × ${price.usd} USD/GB-month (upper bound: snapshots are incremental, the billed size can be smaller)`,
                ko: `최대 ${s.volumeSizeGiB} GiB × GB-월당 ${price.usd} USD (상한값: 스냅샷은 증분 방식이라 실제 과금 크기는 더 작을 수 있음)`,
              },
              [{ label: { en: 'snapshot storage', ko: '스냅샷 스토리지' }, quote: price }],
            )
          : NO_PRICE,
        details: {
          volumeId: s.volumeId ?? null,
          volumeSizeGiB: s.volumeSizeGiB,
          startTime: s.startTime ?? null,
        },
        message: {
          en: `${s.snapshotId}: source volume ${s.volumeId ?? '(none)'} no longer exists and no own AMI uses it${savings !== undefined ? `; deleting it saves up to ${usd(savings)} a month` : ''}.`,
          ko: `${s.snapshotId}: 원본 볼륨 ${s.volumeId ?? '(없음)'}${particle(s.volumeId ?? '(없음)', '이/가')} 더 이상 없고 자신의 AMI도 사용하지 않습니다${savings !== undefined ? `. 삭제하면 월 최대 ${usd(savings)}를 절감합니다` : ''}.`,
        },
      };
    });
  },
});
