/** What the CloudTrail and CloudWatch monitoring checks share: which trails count as account-wide logging. */
import type { CloudTrailTrail } from '../../core/records/cloudtrail.js';
import type { LocalizedText } from '../../core/services.js';
import type { CheckContext, FindingDraft } from '../types.js';
import type { Verdict } from './per-resource.js';
import { collectorGaps } from './run-checks.js';

/** "Trail main" in both languages: the subject of every per-trail message. */
export function trailSubject(trail: Pick<CloudTrailTrail, 'name'>): LocalizedText {
  return { en: `Trail ${trail.name}`, ko: `추적 ${trail.name}` };
}

/**
 * Records management events, reads and writes: a basic selector with ReadWriteType All that does
 * not exclude management events, or an advanced selector on eventCategory = Management without a
 * readOnly filter. `undefined` when the selectors were not collected.
 */
export function recordsAllManagementEvents(trail: CloudTrailTrail): boolean | undefined {
  if (trail.eventSelectors === undefined) return undefined;
  const basic = trail.eventSelectors.some(
    (s) => s.readWriteType === 'All' && s.includeManagementEvents !== false,
  );
  const advanced = (trail.advancedEventSelectors ?? []).some(
    (s) =>
      s.fieldSelectors.some((f) => f.field === 'eventCategory' && (f.equals ?? []).includes('Management')) &&
      !s.fieldSelectors.some((f) => f.field === 'readOnly'),
  );
  return basic || advanced;
}

/** A multi-region trail that is logging every management event (`undefined`: status or selectors unknown). */
export function isAccountWideTrail(trail: CloudTrailTrail): boolean | undefined {
  if (!trail.isMultiRegionTrail) return false;
  if (trail.isLogging === false) return false;
  const management = recordsAllManagementEvents(trail);
  if (management === false) return false;
  if (trail.isLogging === undefined || management === undefined) return undefined;
  return true;
}

/** Multi-region trails that are logging, for the CloudWatch alarm checks (`unknown` status excluded). */
export function loggingMultiRegionTrails(trails: readonly CloudTrailTrail[]): CloudTrailTrail[] {
  return trails.filter((t) => t.isMultiRegionTrail && t.isLogging === true);
}

/** Whether the trail collector failed or was skipped in some region (so "none found" is not proof). */
export function trailCollectionIncomplete(ctx: Pick<CheckContext, 'snapshot'>): boolean {
  return collectorGaps(ctx.snapshot.metadata, 'cloudtrail.trails').length > 0;
}

/** One finding about the whole account (resource = the account id, region 'global'). */
export function accountFinding(ctx: Pick<CheckContext, 'snapshot'>, verdict: Verdict): FindingDraft {
  const accountId = ctx.snapshot.metadata.accountId ?? 'account';
  return { resourceId: accountId, resourceName: `AWS account ${accountId}`, region: 'global', ...verdict };
}
