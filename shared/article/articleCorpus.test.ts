import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  joinArticle,
  parseArticle,
  planRemoveField,
  planSetField,
  splitArticle,
  type FieldValue,
} from './index';

const dir = new URL('../../tests/fixtures/articles/', import.meta.url);
const names = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort();
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

function isFieldValue(value: unknown): value is FieldValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function changesOf(plan: ReturnType<typeof planSetField>) {
  if ('error' in plan) throw new Error(`unexpected error: ${plan.error.message}`);
  return plan.changes;
}

describe('fixture corpus', () => {
  it('has at least 40 articles covering every format', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
    const formats = new Set(
      names.map((name) => splitArticle(read(name)).frontMatter?.format ?? 'none'),
    );
    expect([...formats].sort()).toEqual(['json', 'none', 'toml', 'yaml']);
    const texts = names.map(read);
    expect(texts.some((t) => t.includes('\r\n'))).toBe(true);
    expect(texts.some((t) => t.startsWith('\uFEFF'))).toBe(true);
  });

  describe.each(names)('%s', (name) => {
    const text = read(name);

    it('splits and reassembles byte for byte', () => {
      const parts = splitArticle(text);
      expect(joinArticle(parts)).toBe(text);
      expect(parts.bom + text.slice(parts.bom.length, parts.bodyOffset) + parts.body).toBe(text);
      const fm = parts.frontMatter;
      if (fm) {
        expect(text.slice(fm.contentRange.from, fm.contentRange.to)).toBe(fm.content);
        expect(text.slice(fm.range.from, fm.range.to)).toBe(
          fm.open + fm.openLineBreak + fm.content + fm.close + fm.closeLineBreak,
        );
        expect(parts.bodyOffset).toBe(fm.range.to);
        expect(fm.range.from).toBe(parts.bom.length);
      }
      // The preview adds bodyStartLine to markdown-it's 0-based token lines.
      expect(parts.bodyStartLine).toBe(
        text.slice(0, parts.bodyOffset).split('\n').length -
          1 +
          (fm && fm.closeLineBreak === '' && parts.body === '' ? 1 : 0),
      );
    });

    it('parses without error', () => {
      const parsed = parseArticle(text);
      expect(parsed.error).toBeNull();
      expect(parsed.data).toBeTypeOf('object');
    });

    it('plans no change when a field is set to its current value, or a missing field is removed', () => {
      const { data } = parseArticle(text);
      for (const [key, value] of Object.entries(data ?? {})) {
        if (isFieldValue(value)) expect(changesOf(planSetField(text, key, value)), key).toEqual([]);
      }
      expect(changesOf(planRemoveField(text, 'no_such_field_anywhere'))).toEqual([]);
    });

    it('changes only the edited field when any scalar or list field is set', () => {
      const { data, parts } = parseArticle(text);
      if (!parts.frontMatter || !data) return;
      for (const [key, value] of Object.entries(data)) {
        if (!isFieldValue(value)) continue;
        const next: FieldValue = Array.isArray(value)
          ? [...(value as string[]), '新 tag: x']
          : typeof value === 'string'
            ? `${value} (更新)`
            : 'changed: value';
        const plan = planSetField(text, key, next);
        if ('error' in plan) continue; // e.g. TOML dotted keys are not form-editable
        const edited = applyChanges(text, plan.changes);
        const reparsed = parseArticle(edited);
        expect(reparsed.error, `${key}`).toBeNull();
        expect(reparsed.data?.[key], key).toEqual(next);
        for (const [other, otherValue] of Object.entries(data)) {
          if (other !== key)
            expect(reparsed.data?.[other], `${key} -> ${other}`).toEqual(otherValue);
        }
        // Only the field's own lines changed: removing it from both texts gives the same result.
        const before = planRemoveField(text, key);
        const after = planRemoveField(edited, key);
        if ('error' in before || 'error' in after) continue;
        expect(applyChanges(edited, after.changes), key).toBe(applyChanges(text, before.changes));
        expect(reparsed.parts.body).toBe(parts.body);
      }
    });
  });
});
