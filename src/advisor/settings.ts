import { z } from 'zod';
import type { AnyCheck } from '../checks/lib/run-checks.js';
import { detailedSettingProblems, normalizeSettingValue, settingProblems } from '../checks/lib/settings.js';
import type { SettingSpec } from '../checks/types.js';
import type { SettingValue } from '../core/setting-values.js';
import {
  type CheckCatalogueEntry,
  type CheckSetting,
  type PutSettingsBody,
  SettingValueSchema,
} from '../shared/api/advisor.js';
import { keys } from '../storage/keys.js';
import { AdvisorError } from './errors.js';
import type { AdvisorDocuments } from './store.js';

/** users/{username}/advisor/settings.json: checkId → setting → value (only what differs from defaults). */
const SettingsDocument = z.object({
  overrides: z.record(z.string(), z.record(z.string(), SettingValueSchema)),
  updatedAt: z.string().optional(),
});
export type SettingOverrides = Record<string, Record<string, SettingValue>>;

/**
 * Overrides that still fit the checks as they are now: a check removed or a bound tightened since
 * the user saved must not make every later run fail, so those values fall back to the default.
 */
export function usableOverrides(checks: readonly AnyCheck[], overrides: SettingOverrides): SettingOverrides {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const out: SettingOverrides = {};
  for (const [checkId, values] of Object.entries(overrides)) {
    const check = byId.get(checkId);
    if (!check) continue;
    const kept = Object.fromEntries(
      Object.entries(values).filter(
        ([name, value]) => settingProblems(check, { [name]: value }).length === 0,
      ),
    );
    if (Object.keys(kept).length > 0) out[checkId] = kept;
  }
  return out;
}

/** The catalogue with each check's settings: default, bounds, and the value in force for the user. */
export function catalogue(checks: readonly AnyCheck[], overrides: SettingOverrides): CheckCatalogueEntry[] {
  return checks.map((check) => ({
    id: check.id,
    service: check.service,
    category: check.category,
    severity: check.severity,
    title: check.title,
    failureLabel: check.failureLabel,
    description: check.description,
    remediation: check.remediation,
    docs: check.docs,
    requires: check.requires,
    settings: Object.entries(check.settings).map(([name, spec]) =>
      settingEntry(name, spec, overrides[check.id]?.[name]),
    ),
  }));
}

/** One setting as the API shows it: its kind, bounds or list rule, and the value in force. */
function settingEntry(name: string, spec: SettingSpec, override: SettingValue | undefined): CheckSetting {
  const common = { name, description: spec.description, overridden: override !== undefined };
  if (spec.kind === 'stringList') {
    return {
      kind: 'stringList',
      ...common,
      default: [...spec.default],
      maxItems: spec.maxItems,
      itemMaxLength: spec.itemMaxLength,
      itemPattern: spec.itemPattern,
      allowEmpty: spec.allowEmpty ?? false,
      value: Array.isArray(override) ? [...override] : [...spec.default],
    };
  }
  return {
    kind: 'number',
    ...common,
    default: spec.default,
    ...(spec.min === undefined ? {} : { min: spec.min }),
    ...(spec.max === undefined ? {} : { max: spec.max }),
    ...(spec.unit === undefined ? {} : { unit: spec.unit }),
    value: typeof override === 'number' ? override : spec.default,
  };
}

export interface SettingsServiceDeps {
  documents: AdvisorDocuments;
  checks: () => readonly AnyCheck[];
  now: () => Date;
}

export type SettingsService = ReturnType<typeof createSettingsService>;

export function createSettingsService(deps: SettingsServiceDeps) {
  async function overrides(username: string): Promise<SettingOverrides> {
    const found = await deps.documents.getJson(keys.advisorSettings(username), SettingsDocument);
    return usableOverrides(deps.checks(), found?.value.overrides ?? {});
  }

  return {
    /** The overrides a run uses (only values valid for today's checks). */
    overrides,

    async catalogue(username: string): Promise<CheckCatalogueEntry[]> {
      return catalogue(deps.checks(), await overrides(username));
    },

    /** Merges the changes (null = back to the default); every bad value is listed in one 400. */
    async update(username: string, body: PutSettingsBody): Promise<CheckCatalogueEntry[]> {
      const byId = new Map(deps.checks().map((c) => [c.id, c]));
      const fields: Record<string, string> = {};
      const problems: string[] = [];
      for (const [checkId, values] of Object.entries(body.overrides)) {
        const check = byId.get(checkId);
        if (!check) {
          problems.push(`${checkId.slice(0, 100)} is not a known check`);
          fields[checkId.slice(0, 100)] = 'unknown_check';
          continue;
        }
        for (const [name, value] of Object.entries(values)) {
          if (value === null) continue;
          for (const problem of detailedSettingProblems(check, { [name]: value })) {
            problems.push(problem.text);
            fields[`${checkId}.${name.slice(0, 100)}`] ??= problem.code;
          }
        }
      }
      if (problems.length > 0) throw new AdvisorError('invalid_settings', problems.join('; '), fields);
      const saved = await deps.documents.updateJson(
        keys.advisorSettings(username),
        SettingsDocument,
        (current) => {
          const next: SettingOverrides = structuredClone(current?.overrides ?? {});
          for (const [checkId, values] of Object.entries(body.overrides)) {
            const merged = { ...next[checkId] };
            for (const [name, value] of Object.entries(values)) {
              if (value === null) delete merged[name];
              else merged[name] = normalizeSettingValue(value) as SettingValue;
            }
            if (Object.keys(merged).length > 0) next[checkId] = merged;
            else delete next[checkId];
          }
          return { overrides: next, updatedAt: deps.now().toISOString() };
        },
      );
      return catalogue(deps.checks(), usableOverrides(deps.checks(), saved.overrides));
    },
  };
}
