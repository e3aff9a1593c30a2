import type { ServiceId } from '../../../core/services';
import { COLLECTOR_IDS, type CollectorIdSchema } from '../../../shared/api/collections';

export type CollectorId = (typeof CollectorIdSchema)['options'][number];

export function isCollectorId(value: string | null | undefined): value is CollectorId {
  return typeof value === 'string' && (COLLECTOR_IDS as readonly string[]).includes(value);
}

export function serviceOfCollector(collector: CollectorId): ServiceId {
  return collector.slice(0, collector.indexOf('.')) as ServiceId;
}

/** i18n key of a collector's label: collectors are nested by service in the messages. */
export const collectorLabelKey = (collector: CollectorId) => `resources.collectors.${collector}`;
