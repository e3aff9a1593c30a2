import { describe, expect, it } from 'vitest';
import { defineCheck } from '../types.js';
import { detailedSettingProblems, InvalidCheckSettingsError, resolveSettings } from './settings.js';

const check = defineCheck({
  id: 'toy-settings',
  service: 'elb',
  category: 'security',
  severity: 'low',
  title: { en: 'toy', ko: '예시' },
  failureLabel: { en: 'toy failing', ko: '예시 실패' },
  description: { en: 'toy', ko: '예시' },
  remediation: { why: { en: 'why', ko: '이유' }, steps: { en: [], ko: [] }, commands: [] },
  docs: ['https://example.com'],
  requires: ['elb.load-balancers'],
  settings: {
    days: { default: 7, min: 1, max: 30, description: { en: 'days', ko: '일수' } },
    names: {
      kind: 'stringList',
      default: ['alpha', 'beta'],
      maxItems: 3,
      itemMaxLength: 8,
      itemPattern: '^[a-z]{1,8}$',
      description: { en: 'names', ko: '이름' },
    },
  },
  evaluate: (ctx) => {
    // Types: a threshold is a number, a list setting a string array.
    const days: number = ctx.settings.days;
    const names: string[] = ctx.settings.names;
    return days > 0 && names.length > 0 ? [] : [];
  },
});

describe('check settings of both kinds', () => {
  it('resolves defaults and trimmed list overrides', () => {
    expect(resolveSettings(check)).toEqual({ days: 7, names: ['alpha', 'beta'] });
    expect(resolveSettings(check, { days: 3, names: [' gamma '] })).toEqual({ days: 3, names: ['gamma'] });
  });

  it('gives one code per problem, naming the setting', () => {
    const problems = detailedSettingProblems(check, {
      days: [1],
      names: 5,
      other: 1,
    });
    expect(problems.map((p) => [p.name, p.code])).toEqual([
      ['days', 'out_of_range'],
      ['names', 'not_a_list'],
      ['other', 'unknown_setting'],
    ]);
    expect(problems[1]?.text).toBe('toy-settings.names must be a list of strings');
    const list = detailedSettingProblems(check, { names: ['a', 'a', 'B', 'abcdefghi', 'x'] });
    expect(list.map((p) => p.code)).toEqual([
      'too_many_items',
      'duplicate_item',
      'item_invalid',
      'item_too_long',
    ]);
  });

  it('refuses to run with a bad list', () => {
    expect(() => resolveSettings(check, { names: [] })).toThrow(InvalidCheckSettingsError);
  });
});
