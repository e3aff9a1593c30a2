import type { Lang, LocalizedText } from './text.js';

/**
 * Compliance frameworks the advisor maps its checks to, and the shape of one check's mapping.
 * The control catalogues live in src/compliance/frameworks; this leaf module only holds what the
 * checks, the server and the web share.
 */
export const COMPLIANCE_FRAMEWORK_IDS = ['cis', 'fsbp', 'ismsp'] as const;
export type ComplianceFrameworkId = (typeof COMPLIANCE_FRAMEWORK_IDS)[number];

/**
 * The control ids a check evidences, per framework. A check for which no control of any framework
 * applies (cost tuning, for instance) says so with `noneReason` instead of leaving the field out.
 */
export interface ComplianceMapping {
  cis?: readonly string[];
  fsbp?: readonly string[];
  ismsp?: readonly string[];
  /** Why no control applies; only allowed when every list is empty or absent. */
  noneReason?: string;
}

export const CONTROL_STATUSES = ['pass', 'fail', 'unknown', 'manual'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** A control's title in `lang`; frameworks written in Korean (ISMS-P) lead with it in English too. */
export function controlTitleIn(title: LocalizedText, koreanFirst: boolean, lang: Lang): string {
  if (lang === 'ko') return title.ko;
  return koreanFirst ? `${title.ko} (${title.en})` : title.en;
}
