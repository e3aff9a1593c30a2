/** Small mappers shared by the EC2 collectors (AWS shapes → src/core/records.ts shapes). */
import type { Tag as AwsTag } from '@aws-sdk/client-ec2';
import type { Tag } from '../../core/records.js';

export function mapTags(tags: AwsTag[] | undefined): Tag[] {
  return (tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
}

export function nameTag(tags: Tag[]): string | undefined {
  return tags.find((t) => t.key === 'Name')?.value;
}

export function iso(date: Date | string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const parsed = date instanceof Date ? date : new Date(date);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

export function ec2Arn(
  ctx: { partition: string; region: string; accountId: string },
  type: string,
  id: string,
): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:${type}/${id}`;
}

/** AWS (and moto) use "" for absent ids in some answers; records use undefined. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value ? value : undefined;
}
