import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../article/textChange';
import { indexArticleFootnotes } from './citationAnalysis';
import { planInsertCitation } from './insertCitation';
import { parseNewsDefinition } from './newsStyle';
import { definitionSlots, planRestyle } from './restyle';

const sample = readFileSync(path.resolve('tests/fixtures/references/sample-article.md'), 'utf8');

describe('planInsertCitation', () => {
  it('appends the next number after the last definition of the sample', () => {
    const at = sample.indexOf('这场错综复杂的博弈');
    const plan = planInsertCitation(sample, {
      at,
      definition: '（2025/6/19）。新来源。某报。检索日期2025/6/19。',
    });
    expect(plan.label).toBe('6');
    expect(plan.createdSection).toBe(false);
    const after = applyChanges(sample, plan.changes);
    expect(after.slice(at, at + 4)).toBe('[^6]');
    expect(
      after.endsWith(
        '[^5]: （2025/6/18）。OpenAI获得美军方2亿美元合约，AI独角兽正式踏入五角大楼。华尔街见闻。检索日期2025/6/18。\n[^6]: （2025/6/19）。新来源。某报。检索日期2025/6/19。\n',
      ),
    ).toBe(true);
    expect(after.slice(plan.cursor - 4, plan.cursor)).toBe('[^6]');
    expect(indexArticleFootnotes(after).missingDefinitions).toEqual([]);
  });

  it('creates the references section in the article language when there is none', () => {
    const zh = '---\ntitle: 测试\n---\n\n这是一段中文正文，没有任何脚注。\n';
    const plan = planInsertCitation(zh, {
      at: zh.indexOf('没有'),
      definition: '（2025/6/18）。标题。媒体。检索日期2025/6/18。',
    });
    expect(plan.createdSection).toBe(true);
    expect(applyChanges(zh, plan.changes)).toBe(
      '---\ntitle: 测试\n---\n\n这是一段中文正文，[^1]没有任何脚注。\n\n## 参考资料\n[^1]: （2025/6/18）。标题。媒体。检索日期2025/6/18。\n',
    );
    const en = 'An English article without a newline at the end.';
    const enPlan = planInsertCitation(en, {
      at: en.length,
      definition: '(2025/6/18). Title. Outlet. Retrieved 2025/6/18.',
    });
    const after = applyChanges(en, enPlan.changes);
    expect(after).toBe(
      'An English article without a newline at the end.[^1]\n\n## References\n[^1]: (2025/6/18). Title. Outlet. Retrieved 2025/6/18.\n',
    );
    expect(after.slice(0, enPlan.cursor).endsWith('end.[^1]')).toBe(true);
    const custom = planInsertCitation(en, {
      at: 0,
      definition: 'X (2025). T. O. Retrieved 2025.',
      heading: '### Sources',
    });
    expect(applyChanges(en, custom.changes)).toContain('\n\n### Sources\n[^1]: ');
  });

  it('fills an empty references heading and continues after named labels and gaps', () => {
    const text = 'Body[^note] and[^4].\n\n## 参考资料\n\nTrailing text.\n';
    const plan = planInsertCitation(text, { at: 4, definition: 'D.' });
    expect(plan.label).toBe('5');
    expect(applyChanges(text, plan.changes)).toBe(
      'Body[^5][^note] and[^4].\n\n## 参考资料\n[^5]: D.\n\nTrailing text.\n',
    );
  });

  it('cites an existing definition of the same source again instead of adding a duplicate', () => {
    const parsed = parseNewsDefinition(
      '（2025/6/16）。OpenAI wins $200 million US defense contract。CNBC。检索日期2025/6/18。',
    );
    const plan = planInsertCitation(sample, { at: 10, definition: 'ignored', item: parsed?.item });
    expect(plan.reused).toBe(true);
    expect(plan.label).toBe('3');
    expect(plan.changes).toEqual([{ from: 10, to: 10, insert: '[^3]' }]);
  });
});

describe('planRestyle', () => {
  it('replaces only the text of the definitions given, keeping labels', () => {
    const text = 'A[^1] B[^2].\n\n[^1]: Old one.\n[^2]: Keep me.\n[^3]: Multi\n    line.\n';
    const slots = definitionSlots(text);
    expect(slots.map((s) => [s.label, s.text])).toEqual([
      ['1', 'Old one.'],
      ['2', 'Keep me.'],
    ]);
    const after = applyChanges(text, planRestyle(text, slots, ['New one.', null]));
    expect(after).toBe('A[^1] B[^2].\n\n[^1]: New one.\n[^2]: Keep me.\n[^3]: Multi\n    line.\n');
  });
});
