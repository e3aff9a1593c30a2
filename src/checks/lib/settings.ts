import type { CheckDefinition } from '../types.js';

/** A user's threshold override was rejected; `problems` lists every offending value. */
export class InvalidCheckSettingsError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid check settings: ${problems.join('; ')}`);
    this.name = 'InvalidCheckSettingsError';
  }
}

type AnyCheck = CheckDefinition<Record<string, number>>;

/** Problems of one check's overrides (unknown names, non-numbers, out of min/max). */
export function settingProblems(check: AnyCheck, overrides: Record<string, unknown> | undefined): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(overrides ?? {})) {
    const spec = check.settings[name];
    const label = `${check.id}.${name}`;
    if (!spec) {
      problems.push(`${label} is not a setting of this check`);
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`${label} must be a finite number`);
    } else if (spec.min !== undefined && value < spec.min) {
      problems.push(`${label} = ${value} is below the minimum ${spec.min}`);
    } else if (spec.max !== undefined && value > spec.max) {
      problems.push(`${label} = ${value} is above the maximum ${spec.max}`);
    }
  }
  return problems;
}

/** Defaults overridden by the user's values; throws InvalidCheckSettingsError on a bad override. */
export function resolveSettings(
  check: AnyCheck,
  overrides?: Record<string, unknown>,
): Record<string, number> {
  const problems = settingProblems(check, overrides);
  if (problems.length > 0) throw new InvalidCheckSettingsError(problems);
  const resolved: Record<string, number> = {};
  for (const [name, spec] of Object.entries(check.settings)) {
    const override = overrides?.[name];
    resolved[name] = typeof override === 'number' ? override : spec.default;
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
