/**
 * The skeleton most checks share: one finding per record of a collector, where the check file
 * states only its rule and texts (a Verdict) and this module adds which resource it is about.
 */
import type { CollectorId, RecordKinds } from '../../core/records.js';
import type { LocalizedText } from '../../core/services.js';
import type { CheckContext, FindingDraft } from '../types.js';
import { resourceIdentity } from './resource-identity.js';

/** A finding without its resource: what the rule decided about one record. */
export type Verdict = Omit<FindingDraft, 'resourceId' | 'resourceArn' | 'resourceName' | 'region'>;

/** One finding per record of `kind`, named the way the engine names that collector's resources. */
export function perResource<K extends CollectorId>(
  ctx: Pick<CheckContext, 'records'>,
  kind: K,
  judge: (record: RecordKinds[K]) => Verdict,
  include: (record: RecordKinds[K]) => boolean = () => true,
): FindingDraft[] {
  return ctx
    .records(kind)
    .filter(include)
    .map((record) => ({
      ...resourceIdentity(kind, record),
      region: record.region,
      ...judge(record),
    }));
}

/** Pass or fail on one condition, each with its own text. */
export function passOrFail(
  ok: boolean,
  pass: LocalizedText,
  fail: LocalizedText,
  details?: FindingDraft['details'],
): Verdict {
  return { status: ok ? 'pass' : 'fail', ...(details ? { details } : {}), message: ok ? pass : fail };
}

/**
 * `unknown` because a field the rule reads was not collected: "Bucket b: the X is missing from
 * the collection." `field.ko` carries its own subject particle (이/가), which depends on the word.
 */
export function missingFromCollection(subject: LocalizedText, field: LocalizedText): Verdict {
  return {
    status: 'unknown',
    message: {
      en: `${subject.en}: ${field.en} is missing from the collection.`,
      ko: `${subject.ko}: 수집 결과에 ${field.ko} 없습니다.`,
    },
  };
}
