import { describe, expect, it } from 'vitest';
import { en } from './en';
import { editorPhrases } from './editorPhrases';
import { pickLocale } from './setupI18n';
import { zhCN } from './zh-CN';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

describe('UI strings', () => {
  it('English and Simplified Chinese have the same keys, none empty', () => {
    const english = leaves(en);
    const chinese = leaves(zhCN);
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of chinese) expect(text.trim(), key).not.toBe('');
  });

  it('keeps the same interpolation variables in both languages', () => {
    const english = leaves(en);
    for (const [key, text] of leaves(zhCN)) {
      const vars = (s: string): string[] =>
        [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
      expect(vars(text), key).toEqual(vars(english.get(key) ?? ''));
    }
  });

  it('follows the OS language unless the writer chose one', () => {
    expect(pickLocale('system', 'zh-CN')).toBe('zh-CN');
    expect(pickLocale('system', 'zh-TW')).toBe('zh-CN');
    expect(pickLocale('system', 'en-GB')).toBe('en');
    expect(pickLocale('en', 'zh-CN')).toBe('en');
  });

  it('translates the editor search panel', () => {
    expect(editorPhrases('zh-CN')['replace all']).toBe('全部替换');
    expect(editorPhrases('en')['replace all']).toBe('Replace all');
    expect(editorPhrases('en')['next']).toBe('Next');
  });
});
