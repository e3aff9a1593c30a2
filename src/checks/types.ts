import type { ComplianceMapping } from '../core/compliance.js';
import type { PriceBook } from '../core/prices.js';
import type { CollectorId, RecordKinds } from '../core/records.js';
import type { Remediation } from '../core/remediation.js';
import type { Category, FindingStatus, LocalizedText, ServiceId, Severity } from '../core/services.js';
import type { SettingValues, StringListRule } from '../core/setting-values.js';
import type { Snapshot } from '../core/snapshot.js';

/** A user-tunable threshold (the default kind: `kind` may be left out). */
export interface NumberSettingSpec {
  kind?: 'number';
  default: number;
  min?: number;
  max?: number;
  unit?: string;
  description: LocalizedText;
}

/** A user-editable list of strings (such as accepted policy names), bounded by its rule. */
export interface StringListSettingSpec extends StringListRule {
  kind: 'stringList';
  default: readonly string[];
  description: LocalizedText;
}

export type SettingSpec = NumberSettingSpec | StringListSettingSpec;

/** The spec kind that yields values of type V (distributes over a union of values). */
type SpecFor<V> = V extends number ? NumberSettingSpec : StringListSettingSpec;

/** The values a check's settings object yields: a number per threshold, a list per list setting. */
export type ValuesOfSpecs<T> = {
  [K in keyof T]: T[K] extends StringListSettingSpec ? string[] : number;
};

export interface CheckContext<S extends SettingValues = SettingValues> {
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

export interface CheckDefinition<S extends SettingValues = SettingValues> {
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
  settings: { [K in keyof S]: SpecFor<S[K]> };
  evaluate(ctx: CheckContext<S>): FindingDraft[];
}

/**
 * Helper so each check file gets its settings type inferred: the first overload infers the
 * threshold names from the `settings` keys (a reverse-mapped `S` would fall back to
 * Record<string, number> and make every setting possibly undefined); the second infers the
 * settings object itself, for checks with list settings; the third keeps explicit
 * `defineCheck<{ days: number }>(...)` working.
 */
export function defineCheck<K extends string = never>(
  def: CheckDefinition<Record<K, number>>,
): CheckDefinition<Record<K, number>>;
export function defineCheck<const T extends Record<string, SettingSpec>>(
  def: CheckDefinition<ValuesOfSpecs<T>> & { settings: T },
): CheckDefinition<ValuesOfSpecs<T>>;
export function defineCheck<S extends SettingValues>(def: CheckDefinition<S>): CheckDefinition<S>;
export function defineCheck<S extends SettingValues>(def: CheckDefinition<S>): CheckDefinition<S> {
  return def;
}
