import {
  normalizeStringList,
  type SettingValue,
  type SettingValues,
  stringListProblems,
  stringListProblemText,
} from '../../core/setting-values.js';
import type { CheckDefinition, SettingSpec } from '../types.js';

/** A user's setting override was rejected; `problems` lists every offending value. */
export class InvalidCheckSettingsError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid check settings: ${problems.join('; ')}`);
    this.name = 'InvalidCheckSettingsError';
  }
}

type AnyCheck = CheckDefinition<SettingValues>;

/** Why one setting was rejected: API field codes, one per setting. */
export type SettingProblemCode =
  | 'unknown_setting'
  | 'out_of_range'
  | 'not_a_list'
  | ReturnType<typeof stringListProblems>[number]['code'];

export interface SettingProblem {
  name: string;
  code: SettingProblemCode;
  text: string;
}

/** The value as it is validated and stored (list items trimmed); other values unchanged. */
export function normalizeSettingValue(value: unknown): unknown {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
    ? normalizeStringList(value)
    : value;
}

function problemsOfValue(label: string, spec: SettingSpec, value: unknown): Omit<SettingProblem, 'name'>[] {
  if (spec.kind === 'stringList') {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      return [{ code: 'not_a_list', text: `${label} must be a list of strings` }];
    }
    return stringListProblems(value, spec).map((p) => ({
      code: p.code,
      text: stringListProblemText(label, p),
    }));
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [{ code: 'out_of_range', text: `${label} must be a finite number` }];
  }
  if (spec.min !== undefined && value < spec.min) {
    return [{ code: 'out_of_range', text: `${label} = ${value} is below the minimum ${spec.min}` }];
  }
  if (spec.max !== undefined && value > spec.max) {
    return [{ code: 'out_of_range', text: `${label} = ${value} is above the maximum ${spec.max}` }];
  }
  return [];
}

/** Problems of one check's overrides (list items trimmed first), each naming its setting. */
export function detailedSettingProblems(
  check: AnyCheck,
  overrides: Record<string, unknown> | undefined,
): SettingProblem[] {
  const problems: SettingProblem[] = [];
  for (const [name, value] of Object.entries(overrides ?? {})) {
    const spec = check.settings[name];
    const label = `${check.id}.${name}`;
    if (!spec) {
      problems.push({ name, code: 'unknown_setting', text: `${label} is not a setting of this check` });
    } else {
      const normalized = normalizeSettingValue(value);
      problems.push(...problemsOfValue(label, spec, normalized).map((p) => ({ name, ...p })));
    }
  }
  return problems;
}

/** Problems of one check's overrides (unknown names, wrong kinds, out of bounds), as sentences. */
export function settingProblems(check: AnyCheck, overrides: Record<string, unknown> | undefined): string[] {
  return detailedSettingProblems(check, overrides).map((p) => p.text);
}

/** Defaults overridden by the user's values; throws InvalidCheckSettingsError on a bad override. */
export function resolveSettings(check: AnyCheck, overrides?: Record<string, unknown>): SettingValues {
  const normalized = Object.fromEntries(
    Object.entries(overrides ?? {}).map(([name, value]) => [name, normalizeSettingValue(value)]),
  );
  const problems = settingProblems(check, normalized);
  if (problems.length > 0) throw new InvalidCheckSettingsError(problems);
  const resolved: SettingValues = {};
  for (const [name, spec] of Object.entries(check.settings)) {
    const override = normalized[name] as SettingValue | undefined;
    resolved[name] = override ?? (spec.kind === 'stringList' ? [...spec.default] : spec.default);
  }
  return resolved;
}

/**
 * Validates a whole settings document (checkId → name → value) against the given checks, for
 * routes that store user settings: unknown check ids are problems too.
 */
export function validateSettingsDocument(
  checks: readonly AnyCheck[],
  settings: Record<string, Record<string, unknown>>,
): string[] {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const problems: string[] = [];
  for (const [checkId, overrides] of Object.entries(settings)) {
    const check = byId.get(checkId);
    if (!check) problems.push(`${checkId} is not a known check`);
    else problems.push(...settingProblems(check, overrides));
  }
  return problems;
}
