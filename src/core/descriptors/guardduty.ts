/** GuardDuty: detectors per region. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { guardDutyDetectorSchema } from '../records/guardduty.js';

const detectors = defineCollectorDescriptor({
  id: 'guardduty.detectors',
  label: { ko: '탐지기', en: 'Detectors' },
  scope: 'regional',
  record: guardDutyDetectorSchema,
  resource: { idFields: ['detectorId'] },
  inventory: true,
  diff: true,
  columns: [
    column.state('status', L.status),
    column.text('findingPublishingFrequency', { ko: '결과 게시 주기', en: 'Finding publishing frequency' }),
    column.region,
    column.date('createdAt', L.created),
  ],
  iamActions: ['guardduty:ListDetectors', 'guardduty:GetDetector'],
});

export const guardduty = defineService({
  id: 'guardduty',
  name: 'GuardDuty',
  fullName: 'Amazon GuardDuty',
  collectors: [detectors],
});
