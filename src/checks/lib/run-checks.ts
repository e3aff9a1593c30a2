import type { Finding } from '../../core/findings.js';
import { particle } from '../../core/korean.js';
import type { PriceBook } from '../../core/prices.js';
import type { CollectorId, RecordBase, RecordKinds } from '../../core/records.js';
import type { LocalizedText } from '../../core/services.js';
import type { SettingValues } from '../../core/setting-values.js';
import type { CollectionMetadata, Snapshot } from '../../core/snapshot.js';
import type { CheckContext, CheckDefinition, FindingDraft } from '../types.js';
import { GLOBAL_REGION, isGlobalCollector } from './collector-scope.js';
import { resourceIdentity } from './resource-identity.js';
import { resolveSettings } from './settings.js';

export type AnyCheck = CheckDefinition<SettingValues>;

export interface RunCheckDefinitionsOptions {
  snapshot: Snapshot;
  /** checkId → setting name → value; validated against each check's min/max. */
  settings?: Record<string, SettingValues>;
  prices: PriceBook;
  /** Reference time; defaults to the snapshot's collection time. */
  now?: Date;
}

/** A collector × region the check cannot rely on, and why. */
interface Gap {
  collector: CollectorId;
  region: string;
  reason: LocalizedText;
}

const MAX_AWS_MESSAGE = 200;

function gapReason(
  collector: CollectorId,
  region: string,
  outcome: NonNullable<CollectionMetadata['results'][CollectorId]>[string] | undefined,
): LocalizedText | undefined {
  if (!outcome) {
    return {
      en: `${collector} was not collected in ${region}`,
      ko: `${region} 리전에서 ${collector} 데이터가 수집되지 않았습니다`,
    };
  }
  if (outcome.status === 'error') {
    const { operation, code } = outcome.error;
    const detail = outcome.error.message.slice(0, MAX_AWS_MESSAGE);
    return {
      en: `${collector} failed in ${region}: ${operation} returned ${code} (${detail})`,
      ko: `${region} 리전에서 ${collector} 수집 실패: ${operation} 호출이 ${code} 오류를 반환했습니다 (${detail})`,
    };
  }
  if (outcome.status === 'skipped') {
    return {
      en: `${collector} was skipped in ${region}: ${outcome.reason}`,
      ko: `${region} 리전에서 ${collector} 수집을 건너뛰었습니다: ${outcome.reason}`,
    };
  }
  return undefined;
}

/** Where a collector's data is missing or failed, read from the collection metadata. */
export function collectorGaps(metadata: CollectionMetadata, collector: CollectorId): Gap[] {
  const outcomes = metadata.results[collector] ?? {};
  const keys = Object.keys(outcomes);
  if (keys.includes(GLOBAL_REGION) || (keys.length === 0 && isGlobalCollector(collector))) {
    const reason = gapReason(collector, GLOBAL_REGION, outcomes[GLOBAL_REGION]);
    return reason ? [{ collector, region: GLOBAL_REGION, reason }] : [];
  }
  // Regions AWS reported as not enabled hold nothing to evaluate; every other requested region must be ok.
  const skipped = new Set((metadata.skippedRegions ?? []).map((s) => s.region));
  const expected = new Set([...metadata.regions.filter((r) => !skipped.has(r)), ...keys]);
  const gaps: Gap[] = [];
  for (const region of expected) {
    const reason = gapReason(collector, region, outcomes[region]);
    if (reason) gaps.push({ collector, region, reason });
  }
  return gaps;
}

function unknownFinding(check: AnyCheck, draft: Omit<FindingDraft, 'status'>): Finding {
  return toFinding(check, { ...draft, status: 'unknown' });
}

function toFinding(check: AnyCheck, draft: FindingDraft): Finding {
  const finding: Finding = {
    checkId: check.id,
    service: check.service,
    category: check.category,
    severity: check.severity,
    ...draft,
  };
  if (draft.estimatedMonthlySavingsUsd !== undefined) {
    if (Number.isFinite(draft.estimatedMonthlySavingsUsd) && draft.estimatedMonthlySavingsUsd > 0) {
      finding.estimatedMonthlySavingsUsd = Math.round(draft.estimatedMonthlySavingsUsd * 100) / 100;
    } else {
      delete finding.estimatedMonthlySavingsUsd;
      delete finding.savingsBasis;
    }
  }
  return finding;
}

function joinReasons(reasons: LocalizedText[]): LocalizedText {
  return { en: reasons.map((r) => r.en).join('; '), ko: reasons.map((r) => r.ko).join('; ') };
}

function gapsByRegionOf(
  metadata: CollectionMetadata,
  collectors: readonly CollectorId[],
): Map<string, Gap[]> {
  const byRegion = new Map<string, Gap[]>();
  for (const collector of collectors) {
    for (const gap of collectorGaps(metadata, collector)) {
      byRegion.set(gap.region, [...(byRegion.get(gap.region) ?? []), gap]);
    }
  }
  return byRegion;
}

/** Why a resource in `region` cannot be judged: its dependencies' gaps there, or global ones. */
function dependencyReason(gaps: Map<string, Gap[]>, region: string): LocalizedText | undefined {
  const found = [
    ...(gaps.get(region) ?? []),
    ...(region === GLOBAL_REGION ? [] : (gaps.get(GLOBAL_REGION) ?? [])),
  ];
  return found.length > 0 ? joinReasons(found.map((g) => g.reason)) : undefined;
}

/** "Could not evaluate X: data for a, b (Op → Code) could not be collected." — one clause per failed call. */
function fieldErrorsText(errors: { field: string; operation: string; code: string }[]): string {
  const byCall = new Map<string, string[]>();
  for (const e of errors) {
    const key = `${e.operation} → ${e.code}`;
    byCall.set(key, [...(byCall.get(key) ?? []), e.field]);
  }
  return [...byCall].map(([call, fields]) => `${fields.join(', ')} (${call})`).join('; ');
}

/**
 * Runs one check over the snapshot, with every engine guarantee. The first collector in
 * `requires` lists the resources the check judges: where it failed, one `unknown` per collector ×
 * region (nothing could be listed there). Where only a dependency failed (snapshots for volumes,
 * metrics for instances), every finding the check makes there becomes `unknown` for that
 * resource, naming the failed call — never a pass or fail judged on missing data.
 */
export function runCheckDefinition(check: AnyCheck, options: RunCheckDefinitionsOptions): Finding[] {
  const { snapshot } = options;
  const settings = resolveSettings(check, options.settings?.[check.id]);
  const findings: Finding[] = [];
  const [subject, ...dependencies] = check.requires;

  const subjectGaps = gapsByRegionOf(snapshot.metadata, subject ? [subject] : []);
  const dependencyGaps = gapsByRegionOf(snapshot.metadata, dependencies);
  for (const [region, gaps] of subjectGaps) {
    const reason = joinReasons([...gaps, ...(dependencyGaps.get(region) ?? [])].map((g) => g.reason));
    findings.push(
      unknownFinding(check, {
        resourceId: `${gaps[0]?.collector ?? check.id}@${region}`,
        region,
        message: { en: `Could not evaluate: ${reason.en}.`, ko: `평가할 수 없음: ${reason.ko}.` },
      }),
    );
  }
  // A failed global subject collector leaves nothing trustworthy to evaluate.
  if (subjectGaps.has(GLOBAL_REGION)) return findings;

  const fieldUnknowns = new Map<string, Finding>();
  const filtered = new Map<CollectorId, RecordBase[]>();
  const records = <K extends CollectorId>(id: K): RecordKinds[K][] => {
    const cached = filtered.get(id);
    if (cached) return cached as RecordKinds[K][];
    const fields = check.requiresFields?.[id] ?? [];
    const ownGaps = new Set(collectorGaps(snapshot.metadata, id).map((g) => g.region));
    const kept: RecordKinds[K][] = [];
    for (const record of (snapshot.data[id] ?? []) as RecordKinds[K][]) {
      // Records a failed unit yielded before failing are partial: never judge from them.
      if (subjectGaps.has(record.region) || ownGaps.has(record.region)) continue;
      const errors = fields.flatMap((f) => {
        const error = record.fieldErrors?.[f];
        return error ? [{ field: f, ...error }] : [];
      });
      if (errors.length === 0) {
        kept.push(record);
        continue;
      }
      const identity = resourceIdentity(id, record);
      const what = fieldErrorsText(errors);
      fieldUnknowns.set(`${record.region}\u0000${identity.resourceId}`, {
        ...unknownFinding(check, {
          ...identity,
          region: record.region,
          message: {
            en: `Could not evaluate ${identity.resourceId}: data for ${what} could not be collected.`,
            ko: `${identity.resourceId}${particle(identity.resourceId, '을/를')} 평가할 수 없음: ${what} 데이터를 수집하지 못했습니다.`,
          },
        }),
      });
    }
    filtered.set(id, kept);
    return kept;
  };
  // Resolve required inputs up front so field-error unknowns exist even if the check never reads them.
  for (const id of check.requires) records(id);

  const ctx: CheckContext = {
    snapshot,
    now: options.now ?? new Date(snapshot.collectedAt),
    settings,
    prices: options.prices,
    records,
  };
  try {
    const drafts = check.evaluate(ctx);
    const seen = new Set(fieldUnknowns.keys());
    for (const draft of drafts) {
      if (seen.has(`${draft.region}\u0000${draft.resourceId}`)) continue;
      const reason = dependencyReason(dependencyGaps, draft.region);
      if (!reason) {
        findings.push(toFinding(check, draft));
        continue;
      }
      const { resourceId, resourceArn, resourceName, region } = draft;
      findings.push(
        unknownFinding(check, {
          resourceId,
          ...(resourceArn ? { resourceArn } : {}),
          ...(resourceName ? { resourceName } : {}),
          region,
          message: {
            en: `Could not evaluate ${resourceId}: ${reason.en}.`,
            ko: `${resourceId}${particle(resourceId, '을/를')} 평가할 수 없음: ${reason.ko}.`,
          },
        }),
      );
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    findings.push(
      unknownFinding(check, {
        resourceId: `${check.id}@evaluation`,
        region: GLOBAL_REGION,
        message: {
          en: `Could not evaluate: the check failed with an internal error (${message}).`,
          ko: `평가할 수 없음: 점검 실행 중 내부 오류가 발생했습니다 (${message}).`,
        },
      }),
    );
  }
  findings.push(...fieldUnknowns.values());
  return findings;
}

/** Runs the given checks; an exception in one check becomes its `unknown` finding, never a crashed run. */
export function runCheckDefinitions(
  checks: readonly AnyCheck[],
  options: RunCheckDefinitionsOptions,
): Finding[] {
  return checks.flatMap((check) => runCheckDefinition(check, options));
}
