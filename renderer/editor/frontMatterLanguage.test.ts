import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { markdownSupport } from './editorExtensions';
import { findFrontMatterEnd } from './frontMatterLanguage';

function nodes(doc: string): string[] {
  const state = EditorState.create({ doc, extensions: markdownSupport() });
  const tree = ensureSyntaxTree(state, doc.length, 5000);
  const names: string[] = [];
  tree?.iterate({ enter: (node) => void names.push(node.name) });
  return names;
}

describe('front matter in the editor', () => {
  it('parses YAML front matter with the YAML grammar, then Markdown', () => {
    const names = nodes('---\ntitle: 芯片出口新规\ntags:\n  - 芯片\n---\n\n## 供应链\n');
    expect(names.slice(0, 3)).toEqual(['Document', 'Frontmatter', 'FrontmatterMark']);
    expect(names).toContain('BlockMapping');
    expect(names).toContain('Key');
    expect(names).not.toContain('BulletList');
    expect(names).not.toContain('HorizontalRule');
    expect(names).toContain('ATXHeading2');
  });

  it('parses TOML front matter with the TOML grammar', () => {
    const names = nodes('+++\ntitle = "芯片"\ndraft = false\n+++\n\nText\n');
    expect(names).toContain('Frontmatter');
    expect(names).not.toContain('BlockMapping');
    expect(names).toContain('Paragraph');
  });

  it('an unclosed block is not front matter (as in splitArticle)', () => {
    const names = nodes('---\ntitle: x\n\nbody\n');
    expect(names).not.toContain('Frontmatter');
    expect(names).toContain('HorizontalRule');
  });

  it('--- later in the document stays a thematic break', () => {
    expect(nodes('Text\n\n---\n\nMore\n---\n')).not.toContain('Frontmatter');
  });

  it('finds the closing delimiter', () => {
    expect(findFrontMatterEnd('---\na: 1\n---\nbody', '---')).toBe(12);
    expect(findFrontMatterEnd('---\na: 1\n--- \nbody', '---')).toBe(13);
    expect(findFrontMatterEnd('---\na: 1\n', '---')).toBe(-1);
  });
});
