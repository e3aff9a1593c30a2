/**
 * Check setting values shared by the checks, the server and the web: a number (a threshold) or a
 * list of strings (such as accepted policy names). The list rules live here so the Settings page
 * checks a list exactly as the server will.
 */
export type SettingValue = number | string[];
export type SettingValues = Record<string, SettingValue>;

/** How a list setting's items are bounded (declared by the check beside its default). */
export interface StringListRule {
  maxItems: number;
  itemMaxLength: number;
  /** A regular expression source every (trimmed) item must match in full. */
  itemPattern: string;
  /** Whether an empty list may be saved; default false. */
  allowEmpty?: boolean;
}

export type StringListProblem =
  | { code: 'empty_list' }
  | { code: 'too_many_items'; max: number }
  | { code: 'item_too_long'; item: string; max: number }
  | { code: 'item_invalid'; item: string }
  | { code: 'duplicate_item'; item: string };

export type StringListProblemCode = StringListProblem['code'];

/** Items trimmed, as they are validated and stored. */
export function normalizeStringList(items: readonly string[]): string[] {
  return items.map((item) => item.trim());
}

/** The list parsed from a one-item-per-line text: lines trimmed, blank lines dropped. */
export function stringListFromLines(text: string): string[] {
  return normalizeStringList(text.split(/\r?\n/)).filter((line) => line !== '');
}

/** Every problem of an already normalized list (empty if it may be saved). */
export function stringListProblems(items: readonly string[], rule: StringListRule): StringListProblem[] {
  const problems: StringListProblem[] = [];
  if (items.length === 0 && !rule.allowEmpty) problems.push({ code: 'empty_list' });
  if (items.length > rule.maxItems) problems.push({ code: 'too_many_items', max: rule.maxItems });
  const pattern = new RegExp(rule.itemPattern);
  const seen = new Set<string>();
  for (const item of items) {
    const shown = item.slice(0, 60);
    if (item.length > rule.itemMaxLength) {
      problems.push({ code: 'item_too_long', item: shown, max: rule.itemMaxLength });
    } else if (!pattern.test(item)) {
      problems.push({ code: 'item_invalid', item: shown });
    } else if (seen.has(item)) {
      problems.push({ code: 'duplicate_item', item: shown });
    }
    seen.add(item);
  }
  return problems;
}

/** One English sentence per problem, for API error messages and logs. */
export function stringListProblemText(label: string, problem: StringListProblem): string {
  switch (problem.code) {
    case 'empty_list':
      return `${label} must list at least one item`;
    case 'too_many_items':
      return `${label} lists more than ${problem.max} items`;
    case 'item_too_long':
      return `${label} item "${problem.item}" is longer than ${problem.max} characters`;
    case 'item_invalid':
      return `${label} item "${problem.item}" has characters that are not allowed`;
    case 'duplicate_item':
      return `${label} lists "${problem.item}" twice`;
  }
}
