import type { MuteScope } from '../shared/api/advisor.js';
import type { Remediation } from './remediation.js';
import type { Category, FindingStatus, LocalizedText, ServiceId, Severity } from './services.js';
import type { SettingValues } from './setting-values.js';

/** One finding per check and evaluated resource (passes included). */
export interface Finding {
  checkId: string;
  service: ServiceId;
  category: Category;
  severity: Severity;
  status: FindingStatus;
  region: string;
  resourceId: string;
  resourceArn?: string;
  resourceName?: string;
  message: LocalizedText;
  /** Present on cost findings that save money. Monthly = 730 hours. */
  estimatedMonthlySavingsUsd?: number;
  /** How the savings figure was computed (prices, units, source of the price). */
  savingsBasis?: LocalizedText;
  /** Extra structured facts shown in the UI (e.g. recommended type, observed max CPU). */
  details?: Record<string, string | number | boolean | null>;
  /** Set when a mute rule applies: the rule's id, reason, author and the accounts it covers. */
  muted?: { reason: string; by: string; at: string; expiresAt?: string; ruleId: string; scope?: MuteScope };
}

export interface CheckSummary {
  id: string;
  service: ServiceId;
  category: Category;
  severity: Severity;
  title: LocalizedText;
  /** Failure-phrased name ("Idle RDS instances") for lists of failures and savings. */
  failureLabel: LocalizedText;
  description: LocalizedText;
  remediation: Remediation;
  docs: string[];
}

/** service_advisor/history/{username}/{service}/{timestamp}.json — one file per service of a run. */
export interface AdvisorRunServiceDocument {
  runId: string;
  username: string;
  service: ServiceId;
  timestamp: string;
  collectionId: string;
  connectionId: string;
  accountId?: string;
  regions: string[];
  findings: Finding[];
  /** Checks executed for this service, with the settings in force. */
  checks: { id: string; settings: SettingValues }[];
}
