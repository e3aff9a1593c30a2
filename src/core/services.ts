/**
 * Service ids, categories, severities and statuses shared by every layer. Service ids come from
 * the service descriptors (src/core/descriptors/index.ts).
 */
export { SERVICE_IDS, type ServiceId } from './catalog.js';

export const CATEGORIES = ['security', 'cost', 'performance', 'fault_tolerance', 'operational'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_STATUSES = ['pass', 'warning', 'fail', 'unknown', 'not_applicable'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export { LANGS, type Lang, type LocalizedText } from './text.js';

/** Regions the console offers when AWS cannot be asked (DescribeRegions answers otherwise). */
export const DEFAULT_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-south-1',
] as const;
