import type { ComplianceMapping } from '../core/compliance.js';
import type { PriceBook } from '../core/prices.js';
import type { CollectorId, RecordKinds } from '../core/records.js';
import type { Remediation } from '../core/remediation.js';
import type { Category, FindingStatus, LocalizedText, ServiceId, Severity } from '../core/services.js';
import type { Snapshot } from '../core/snapshot.js';

/** A user-tunable threshold. */
export interface SettingSpec {
  default: number;
  min?: number;
  max?: number;
  unit?: string;
  description: LocalizedText;
}

export interface CheckContext<S extends Record<string, number> = Record<string, number>> {
  snapshot: Snapshot;
  /** Reference time: windows count back from here (the collection time). */
  now: Date;
  settings: S;
  prices: PriceBook;
  /**
   * Records of one collector, only from regions where it succeeded and without errors in the
   * fields this check declared in `requiresFields` (the engine reports those as `unknown`).
   */
  records<K extends CollectorId>(id: K): RecordKinds[K][];
}

/** What a check returns; the engine adds checkId, service, category and severity. */
export interface FindingDraft {
  resourceId: string;
  resourceArn?: string;
  resourceName?: string;
  region: string;
  status: FindingStatus;
  message: LocalizedText;
  estimatedMonthlySavingsUsd?: number;
  savingsBasis?: LocalizedText;
  details?: Record<string, string | number | boolean | null>;
}

export interface CheckDefinition<S extends Record<string, number> = Record<string, number>> {
  /** Equals the file name (src/checks/<service>/<id>.ts); a test enforces it. */
  id: string;
  service: ServiceId;
  category: Category;
  severity: Severity;
  /** The desired state, shown beside passes ("RDS instances are not idle"). */
  title: LocalizedText;
  /**
   * The failure, shown wherever failures or savings are listed ("Idle RDS instances"). Required so
   * every new check phrases its failures; a test checks it is filled in both languages.
   */
  failureLabel: LocalizedText;
  description: LocalizedText;
  /** Why it matters, console steps, commands and IaC; templates filled per finding. */
  remediation: Remediation;
  docs: string[];
  /**
   * Control ids of CIS AWS Foundations v5.0.0, AWS FSBP and KISA ISMS-P 2023 this check evidences.
   * Optional in the type so part-2 checks can land before their mapping moves in from
   * src/compliance/pending.ts; src/compliance/mapping.test.ts requires it for every check.
   */
  compliance?: ComplianceMapping;
  /**
   * Snapshot inputs; the first lists the resources the check judges. Where that one failed, the
   * engine emits one `unknown` per collector × region; where only a later one (a dependency) failed,
   * every finding in that region becomes `unknown` for its resource, naming the failed call.
   */
  requires: CollectorId[];
  /** Per-record fields whose per-resource collection error makes that resource `unknown`. */
  requiresFields?: Partial<Record<CollectorId, string[]>>;
  settings: { [K in keyof S]: SettingSpec };
  evaluate(ctx: CheckContext<S>): FindingDraft[];
}

/**
 * Helper so each check file gets its settings type inferred: the first overload infers the
 * setting names from the `settings` keys (a reverse-mapped `S` would fall back to
 * Record<string, number> and make every setting possibly undefined); the second keeps explicit
 * `defineCheck<{ days: number }>(...)` working.
 */
export function defineCheck<K extends string = never>(
  def: CheckDefinition<Record<K, number>>,
): CheckDefinition<Record<K, number>>;
export function defineCheck<S extends Record<string, number>>(def: CheckDefinition<S>): CheckDefinition<S>;
export function defineCheck<S extends Record<string, number>>(def: CheckDefinition<S>): CheckDefinition<S> {
  return def;
}
