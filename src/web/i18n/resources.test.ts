import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('web i18n resources', () => {
  const enLeaves = leaves(en);
  const koLeaves = leaves(ko);

  it('Korean and English have exactly the same keys', () => {
    expect([...koLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    expect(enLeaves.size).toBeGreaterThan(100);
  });

  it('no text is empty and both languages use the same {{placeholders}}', () => {
    for (const [key, text] of enLeaves) {
      const koText = koLeaves.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(koText.trim(), key).not.toBe('');
      expect(placeholders(koText), key).toEqual(placeholders(text));
    }
  });

  it('the Korean resource is really Korean (not copied English)', () => {
    const hangul = /[\uac00-\ud7a3]/;
    const translated = [...koLeaves.values()].filter((text) => hangul.test(text)).length;
    // Brand names, language names and ARN examples stay as they are; the rest is Hangul.
    expect(translated / koLeaves.size).toBeGreaterThan(0.9);
  });
});
