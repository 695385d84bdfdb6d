import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { dropPositionOutsideFrontMatter } from './dropTarget';

const article = '---\ntitle: 快讯\ndate: 2025-06-18\n---\n\n正文第一段。\n';
const state = EditorState.create({ doc: article });
const bodyStart = article.indexOf('\n正文');

describe('dropPositionOutsideFrontMatter', () => {
  it('moves a drop anywhere on the front matter to just after its closing line', () => {
    for (const pos of [0, 3, article.indexOf('快讯'), article.indexOf('---\n\n')]) {
      expect(dropPositionOutsideFrontMatter(state, pos)).toBe(bodyStart);
    }
  });

  it('leaves a drop on the body where it is', () => {
    const pos = article.indexOf('第一段');
    expect(dropPositionOutsideFrontMatter(state, pos)).toBe(pos);
    expect(dropPositionOutsideFrontMatter(state, bodyStart)).toBe(bodyStart);
  });

  it('an article without front matter takes drops anywhere', () => {
    const plain = EditorState.create({ doc: '# 标题\n\n正文' });
    expect(dropPositionOutsideFrontMatter(plain, 0)).toBe(0);
  });
});
