import type { CollectorId } from '../../../core/catalog';

export { type CollectorId, isCollectorId, serviceOfCollector } from '../../../core/catalog';

/** i18n key of a collector's label: collectors are nested by service in the messages. */
export const collectorLabelKey = (collector: CollectorId) => `resources.collectors.${collector}`;
