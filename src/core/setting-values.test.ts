import { describe, expect, it } from 'vitest';
import {
  normalizeStringList,
  type StringListRule,
  stringListFromLines,
  stringListProblems,
  stringListProblemText,
} from './setting-values.js';

const rule: StringListRule = { maxItems: 3, itemMaxLength: 10, itemPattern: '^[A-Za-z0-9-]{1,10}$' };

describe('string list settings', () => {
  it('accepts a list within the rule', () => {
    expect(stringListProblems(['a-1', 'B2'], rule)).toEqual([]);
  });

  it('trims items; a text gives one item per non-blank line', () => {
    expect(normalizeStringList([' a ', '\tb'])).toEqual(['a', 'b']);
    expect(stringListFromLines(' a \r\n\n  \nb\n')).toEqual(['a', 'b']);
  });

  it('rejects an empty list unless the rule allows it', () => {
    expect(stringListProblems([], rule)).toEqual([{ code: 'empty_list' }]);
    expect(stringListProblems([], { ...rule, allowEmpty: true })).toEqual([]);
  });

  it('names each bad item: too long, wrong characters, listed twice; and too many items', () => {
    expect(stringListProblems(['a', 'b', 'c', 'd'], rule)).toEqual([{ code: 'too_many_items', max: 3 }]);
    expect(stringListProblems(['abcdefghijk'], rule)).toEqual([
      { code: 'item_too_long', item: 'abcdefghijk', max: 10 },
    ]);
    expect(stringListProblems(['a b', 'a/b', ''], rule)).toEqual([
      { code: 'item_invalid', item: 'a b' },
      { code: 'item_invalid', item: 'a/b' },
      { code: 'item_invalid', item: '' },
    ]);
    expect(stringListProblems(['x', 'y', 'x'], rule)).toEqual([{ code: 'duplicate_item', item: 'x' }]);
  });

  it('writes a sentence naming the setting for each problem', () => {
    const label = 'elb-tls-policy-modern.acceptedPolicies';
    expect(stringListProblemText(label, { code: 'empty_list' })).toBe(`${label} must list at least one item`);
    expect(stringListProblemText(label, { code: 'duplicate_item', item: 'x' })).toBe(
      `${label} lists "x" twice`,
    );
    expect(stringListProblemText(label, { code: 'too_many_items', max: 50 })).toContain('more than 50');
  });
});
