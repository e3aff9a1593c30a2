import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import type { FieldError } from '../../core/records/common.js';
import type { GuardDutyDetector } from '../../core/records/guardduty.js';
import { optionalField } from '../lib/optional-field.js';
import { defineCollector } from '../types.js';

/**
 * The region's detectors. ListDetectors pages ids only; the status needs GetDetector, one bounded
 * call per detector (AWS has no batch form; a region has at most one detector).
 */
export const guardDutyDetectors = defineCollector({
  id: 'guardduty.detectors',
  async *collect(ctx) {
    const client = ctx.client(GuardDutyClient);
    const ids: string[] = [];
    for await (const page of paginateListDetectors({ client, pageSize: 50 }, {}))
      ids.push(...(page.DetectorIds ?? []));
    const pending = ids.map(async (detectorId): Promise<GuardDutyDetector> => {
      const fieldErrors: Record<string, FieldError> = {};
      const detail = await optionalField(ctx, fieldErrors, {
        field: 'status',
        operation: 'GetDetector',
        call: () =>
          client.send(new GetDetectorCommand({ DetectorId: detectorId }), { abortSignal: ctx.signal }),
      });
      return {
        region: ctx.region,
        detectorId,
        ...(detail?.Status ? { status: detail.Status } : {}),
        ...(detail?.FindingPublishingFrequency
          ? { findingPublishingFrequency: detail.FindingPublishingFrequency }
          : {}),
        ...(detail?.CreatedAt ? { createdAt: detail.CreatedAt } : {}),
        ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      };
    });
    for (const record of pending) yield await record;
  },
});
