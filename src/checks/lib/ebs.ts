import type { PriceBook, PriceQuote } from '../../core/prices.js';
import type { Ec2Volume } from '../../core/records.js';
import type { LocalizedText } from '../../core/services.js';

/** gp3 includes 3,000 IOPS and 125 MiB/s; only what is provisioned above is billed. */
export const GP3_FREE_IOPS = 3000;
export const GP3_FREE_THROUGHPUT_MIBPS = 125;

export interface VolumeCost {
  monthlyUsd: number;
  prices: { label: LocalizedText; quote: PriceQuote }[];
  formula: LocalizedText;
}

/**
 * Monthly list cost of one volume. AWS bills EBS per "GB-month" of the provisioned size, which
 * is the volume's size in GiB: sizeGiB × price, with no GB↔GiB conversion. Undefined when a
 * needed price is unknown (never a partial figure).
 */
export function volumeMonthlyCost(volume: Ec2Volume, prices: PriceBook): VolumeCost | undefined {
  const storage = prices.ebsGbMonth(volume.region, volume.volumeType);
  if (!storage) return undefined;
  let monthlyUsd = volume.sizeGiB * storage.usd;
  const parts: { label: LocalizedText; quote: PriceQuote }[] = [
    { label: { en: `${volume.volumeType} storage`, ko: `${volume.volumeType} 스토리지` }, quote: storage },
  ];
  const en = [`${volume.sizeGiB} GiB × ${storage.usd} USD/GB-month`];
  const ko = [`${volume.sizeGiB} GiB × GB-월당 ${storage.usd} USD`];

  const billableIops =
    volume.volumeType === 'io1' || volume.volumeType === 'io2'
      ? (volume.iops ?? 0)
      : volume.volumeType === 'gp3'
        ? Math.max(0, (volume.iops ?? GP3_FREE_IOPS) - GP3_FREE_IOPS)
        : 0;
  if (billableIops > 0) {
    const iops = prices.ebsIopsMonth(volume.region, volume.volumeType);
    if (!iops) return undefined;
    monthlyUsd += billableIops * iops.usd;
    parts.push({ label: { en: 'provisioned IOPS', ko: '프로비저닝된 IOPS' }, quote: iops });
    en.push(`${billableIops} IOPS × ${iops.usd} USD/IOPS-month`);
    ko.push(`${billableIops} IOPS × IOPS-월당 ${iops.usd} USD`);
  }
  const billableThroughput =
    volume.volumeType === 'gp3'
      ? Math.max(0, (volume.throughput ?? GP3_FREE_THROUGHPUT_MIBPS) - GP3_FREE_THROUGHPUT_MIBPS)
      : 0;
  if (billableThroughput > 0) {
    const throughput = prices.ebsThroughputMonth(volume.region, volume.volumeType);
    if (!throughput) return undefined;
    monthlyUsd += billableThroughput * throughput.usd;
    parts.push({ label: { en: 'provisioned throughput', ko: '프로비저닝된 처리량' }, quote: throughput });
    en.push(`${billableThroughput} MiB/s × ${throughput.usd} USD/MiB/s-month`);
    ko.push(`${billableThroughput} MiB/s × MiB/s-월당 ${throughput.usd} USD`);
  }
  return { monthlyUsd, prices: parts, formula: { en: en.join(' + '), ko: ko.join(' + ') } };
}

export const EBS_PRICING_DOC = 'https://aws.amazon.com/ebs/pricing/';
