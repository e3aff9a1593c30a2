import type { TFunction } from 'i18next';
import { stringListFromLines, stringListProblems } from '../../../core/setting-values';
import type { CheckCatalogueEntry, CheckSetting, PutSettingsBody } from '../../../shared/api/advisor';

/** Unsaved edits: `checkId.setting` → the text in its field (a number, or one list item per line). */
export type SettingDrafts = Record<string, string>;

export const fieldKey = (checkId: string, name: string) => `${checkId}.${name}`;

/** The text a field shows for a value (lists: one item per line). */
export const settingText = (value: CheckSetting['value']) =>
  Array.isArray(value) ? value.join('\n') : String(value);

type DraftResult = { value: number | string[] | null } | { errors: string[] };

/**
 * One field's text as the value to save, checked as the server will (so problems show at once):
 * an empty threshold means "back to the default"; a list is its trimmed, non-blank lines.
 */
function draftValue(setting: CheckSetting, draft: string, t: TFunction): DraftResult {
  if (setting.kind === 'stringList') {
    const items = stringListFromLines(draft);
    const problems = stringListProblems(items, setting);
    if (problems.length > 0) {
      return { errors: problems.map((p) => t(`advisor.settings.listErrors.${p.code}`, { ...p })) };
    }
    return { value: items };
  }
  if (draft.trim() === '') return { value: null };
  const value = Number(draft);
  if (!Number.isFinite(value)) return { errors: [t('advisor.settings.invalidNumber')] };
  if (
    (setting.min !== undefined && value < setting.min) ||
    (setting.max !== undefined && value > setting.max)
  ) {
    return {
      errors: [t('advisor.settings.outOfRange', { min: setting.min ?? '−∞', max: setting.max ?? '∞' })],
    };
  }
  return { value };
}

/** The PUT body for every edited field, or each field's problems (then nothing is sent). */
export function draftsToOverrides(
  checks: readonly CheckCatalogueEntry[],
  drafts: SettingDrafts,
  t: TFunction,
): { overrides: PutSettingsBody['overrides']; errors: Record<string, string[]> } {
  const overrides: PutSettingsBody['overrides'] = {};
  const errors: Record<string, string[]> = {};
  for (const check of checks) {
    for (const setting of check.settings) {
      const key = fieldKey(check.id, setting.name);
      const draft = drafts[key];
      if (draft === undefined) continue;
      const result = draftValue(setting, draft, t);
      if ('errors' in result) errors[key] = result.errors;
      else overrides[check.id] = { ...overrides[check.id], [setting.name]: result.value };
    }
  }
  return { overrides, errors };
}
