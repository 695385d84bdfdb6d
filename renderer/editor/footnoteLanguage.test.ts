import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { classHighlighter, highlightTree } from '@lezer/highlight';
import { describe, expect, it } from 'vitest';
import { markdownSupport } from './editorExtensions';

function parsed(doc: string) {
  const state = EditorState.create({ doc, extensions: markdownSupport() });
  const tree = ensureSyntaxTree(state, doc.length, 5000);
  if (!tree) throw new Error('no tree');
  return tree;
}

function nodesNamed(doc: string, name: string): string[] {
  const found: string[] = [];
  parsed(doc).iterate({
    enter: (node) => void (node.name === name && found.push(doc.slice(node.from, node.to))),
  });
  return found;
}

/** The text of every highlighted range whose classes include `className` (tok-link, tok-url, …). */
function highlighted(doc: string, className: string): string[] {
  const ranges: string[] = [];
  highlightTree(parsed(doc), classHighlighter, (from, to, classes) => {
    if (classes.split(' ').includes(className)) ranges.push(doc.slice(from, to));
  });
  return ranges;
}

describe('footnotes in the editor', () => {
  const attached = '谈判异常艰难[^2]，这使得双方[^3]。';

  it('reads CJK-attached citations as two references, not a link spanning the prose between', () => {
    expect(nodesNamed(attached, 'FootnoteReference')).toEqual(['[^2]', '[^3]']);
    expect(nodesNamed(attached, 'Link')).toEqual([]);
    expect(nodesNamed(attached, 'Superscript')).toEqual([]);
    expect(highlighted(attached, 'tok-link')).toEqual([]);
    expect(highlighted(attached, 'tok-labelName')).toEqual(['2', '3']);
  });

  it('reads every definition line alike, the first after a blank line included', () => {
    const doc =
      '正文[^1]。\n\n[^1]: 定慧（2025/6/18）。新智元。\n[^2]: （2025/6/18）。工商时报。\n';
    expect(nodesNamed(doc, 'FootnoteDefinition')).toEqual([
      '[^1]: 定慧（2025/6/18）。新智元。',
      '[^2]: （2025/6/18）。工商时报。',
    ]);
    expect(nodesNamed(doc, 'LinkReference')).toEqual([]);
    expect(highlighted(doc, 'tok-url')).toEqual([]);
    expect(highlighted(doc, 'tok-link')).toEqual([]);
    expect(highlighted(doc, 'tok-labelName')).toEqual(['1', '1', '2']);
  });

  it('keeps links inside a definition and its continuation lines', () => {
    const doc = '[^1]: 报道 [原文](https://example.com/a)\n  续行\n\n## 下一节\n';
    expect(nodesNamed(doc, 'FootnoteDefinition')).toEqual([
      '[^1]: 报道 [原文](https://example.com/a)\n  续行',
    ]);
    expect(highlighted(doc, 'tok-url')).toEqual(['https://example.com/a']);
    expect(nodesNamed(doc, 'ATXHeading2')).toEqual(['## 下一节']);
  });

  it('a definition interrupts a paragraph, and a heading ends a definition', () => {
    const doc = '最后一段。\n[^1]: 来源\n## 标题\n';
    expect(nodesNamed(doc, 'FootnoteDefinition')).toEqual(['[^1]: 来源']);
    expect(nodesNamed(doc, 'ATXHeading2')).toEqual(['## 标题']);
  });

  it('leaves ordinary links and labels with spaces alone', () => {
    expect(nodesNamed('见[报道](https://example.com)和[^a b]', 'FootnoteReference')).toEqual([]);
    expect(nodesNamed('见[报道](https://example.com)', 'Link')).toHaveLength(1);
    expect(nodesNamed('    [^1]: 代码', 'FootnoteDefinition')).toEqual([]);
  });
});
